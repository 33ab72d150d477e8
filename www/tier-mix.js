// <tier-mix>: the calculator as one element for an article. Defined at once; the wasm engine
// loads on first use and is shared by every instance on the page. Its files are found next to
// this script, wherever it is hosted.
//
//   <script type="module" src="https://example.org/tiermix/tier-mix.js"></script>
//   <tier-mix budget="20000" mix="nano:20,micro:50,macro:30" lang="fr"
//     audience="500000" overrides="macro.audienceFit:0.02" limits="macro.minCount:1">
//     <a href="https://example.org/tiermix/">Open the tiermix calculator</a>
//   </tier-mix>
import { el } from "./js/dom.js";
import { errorField, loadCalculatorHere } from "./js/engine.js";
import { formatters } from "./js/format.js";
import { loadLang, pickLang, plural, t } from "./js/i18n.js";
import facts from "./pkg/facts.js";
import { GLOBALS, PAGE_GOALS, fractions, pairs, quoted, readTierValues, writeFragment } from "./js/share.js";

const STYLES = new URL("./css/tier-mix.css", import.meta.url).href;
const CALCULATOR = new URL("./index.html", import.meta.url).href;
/** What stands in for an attribute that is absent or refused: the engine's defaults. */
const DEFAULTS = { budget: facts.defaults.budget, currency: facts.defaults.currency, scheme: facts.defaults.scheme,
  goal: { objective: facts.defaults.goal.objective } };
/** The languages the widget speaks, and the themes its stylesheet knows. */
const LANGUAGE = /^(en|fr)(-|$)/i;
const THEMES = ["auto", "light", "dark"];
let serial = 0;
/** The languages whose sentences, the page's and the widget's own, have loaded. @type {Set<string>} */
const spokenLangs = new Set();
const loadWords = (/** @type {"en" | "fr"} */ lang) =>
  Promise.all([loadLang(lang), loadLang(lang, "widget")]).then(() => { spokenLangs.add(lang); });
const spoken = (/** @type {"en" | "fr"} */ lang) => spokenLangs.has(lang);

/**
 * @typedef {{ objective: string, lambda?: number, maxHours?: number, limits?: Record<string, Record<string, number>> }} Goal
 * @typedef {{ budget: number, currency: string, scheme: string, mix?: { shares: Record<string, number> },
 *   goal: Goal, overrides?: Record<string, Record<string, number>> } & Record<string, unknown>} Scenario
 *   The engine's scenario, but `scheme` stays the preset's id: thresholds of the reader's own
 *   (the `tiers` attribute) are in `custom` until the engine is asked.
 * @typedef {{ id: string, label: import("./pkg/calculator.js").Label, minFollowers: number }[]} CustomTiers
 * @typedef {import("./pkg/calculator.js").Outcome} Outcome
 * @typedef {import("./pkg/calculator.js").TierScheme["tiers"]} Tiers
 */

class TierMix extends HTMLElement {
  static observedAttributes = ["budget", "currency", "scheme", "tiers", "lang", "mix", "goal", "lambda", "hours", "limits", "theme", "compact",
    "overrides", ...GLOBALS.keys()];

  constructor() {
    super();
    this.key = `tm${++serial}`;
    // embed.html is served with the widget drawn for the default scenario, as a declarative
    // shadow root (the build prerenders it): adopted, so the engine's answer only changes what
    // it changes. Drawn for another element (its ids), it is dropped.
    const declared = this.shadowRoot;
    const drawn = /** @type {HTMLElement | null} */ (declared?.querySelector(".panel") ?? null);
    const adopted = drawn !== null && declared?.getElementById(`${this.key}-budget`) != null;
    this.root = declared ?? this.attachShadow({ mode: "open" });
    if (!adopted) this.root.replaceChildren();
    /** @type {typeof import("./pkg/calculator.js") | null} */
    this.engine = null;
    /** Shares the reader set with the sliders, by tier id (fractions). @type {Record<string, number> | null} */
    this.edited = null;
    /** Shares the sliders show: those computed last, by tier id (fractions). @type {Record<string, number>} */
    this.shown = {};
    /** What the current controls were built for: scheme, language, currency. */
    this.built = adopted ? drawn.dataset.built ?? "" : "";
    /** Set while the reader's own typing sets an attribute: a prerendered drawing stays for that. */
    this.typing = false;
    this.panel = adopted ? drawn : el("div", { class: "panel", part: "panel" });
    if (!adopted) this.root.append(el("link", { rel: "stylesheet", href: STYLES }), this.panel);
    this.panel.addEventListener("input", (event) => this.onInput(/** @type {HTMLInputElement} */ (event.target)));
  }

  connectedCallback() {
    // calculator.js, not the page's smaller first module: the widget shows the best mix beside
    // the reader's from its first drawing, and only calculator.js has the optimiser.
    loadCalculatorHere().then((engine) => {
      this.engine = engine;
      this.render();
    }).catch(() => this.fail());
  }

  attributeChangedCallback(/** @type {string} */ name) {
    if (name === "mix" || name === "scheme") this.edited = null;
    // The prerendered drawing is the default scenario's: an attribute asks for another one,
    // drawn when the engine is there rather than shown with numbers that are not its own.
    if (!this.engine && this.built && !this.typing) {
      this.panel.replaceChildren();
      this.built = "";
    }
    if (this.engine) this.render();
  }

  /** An attribute's text, or null when it is absent or blank (nothing asked, so the default). */
  given(/** @type {string} */ name) {
    const value = this.getAttribute(name);
    return value === null || value.trim() === "" ? null : value;
  }

  /** The attribute if the widget speaks it, else the page's language, else the browser's. */
  language() {
    const own = this.given("lang");
    return pickLang(own && LANGUAGE.test(own) ? own : document.documentElement.lang || navigator.language);
  }

  /**
   * The scenario the attributes (and the reader's own edits) describe, as the engine computes
   * it: an attribute that cannot be read, or that the engine refuses, falls back to its default
   * and its name goes into `refused`.
   * @param {typeof import("./pkg/calculator.js")} engine
   */
  judged(engine) {
    /** @type {string[]} */
    const refused = [];
    /** @type {Scenario} */
    const scenario = { ...DEFAULTS, goal: { ...DEFAULTS.goal } };
    const budget = this.given("budget");
    if (budget !== null && Number.isFinite(Number(budget))) scenario.budget = Number(budget);
    else if (budget !== null) refused.push("budget");
    const currency = this.given("currency");
    if (currency !== null) scenario.currency = currency;
    const presets = engine.presets();
    const scheme = this.given("scheme");
    if (scheme !== null && presets.some((p) => p.id === scheme)) scenario.scheme = scheme;
    else if (scheme !== null) refused.push("scheme");
    // Thresholds of one's own, as the full page takes a link's: the scheme's tiers, some moved.
    /** @type {CustomTiers | null} */
    let custom = null;
    const thresholds = this.given("tiers");
    if (thresholds !== null) {
      const base = presets.find((p) => p.id === scenario.scheme)?.tiers ?? [];
      const minimums = pairs(thresholds);
      if (minimums && Object.keys(minimums).every((id) => base.some((tier) => tier.id === id))) {
        custom = base.map((tier) => ({ id: tier.id, label: tier.label, minFollowers: minimums[tier.id] ?? tier.minFollowers }));
      } else refused.push("tiers");
    }
    const percents = this.given("mix") === null ? {} : pairs(this.getAttribute("mix") ?? "");
    const mix = this.edited ?? (percents && fractions(percents));
    if (mix === null) refused.push("mix");
    else if (Object.keys(mix).length) scenario.mix = { shares: mix };
    const goal = this.given("goal");
    if (goal !== null && PAGE_GOALS.some((offered) => offered === goal)) scenario.goal.objective = goal;
    else if (goal !== null) refused.push("goal");
    for (const [name, key] of /** @type {const} */ ([["lambda", "lambda"], ["hours", "maxHours"]])) {
      const value = this.given(name);
      if (value !== null && Number.isFinite(Number(value))) scenario.goal[key] = Number(value);
      else if (value !== null) refused.push(name);
    }
    const limits = this.given("limits");
    if (limits !== null) {
      const read = readTierValues(limits);
      if (read.values) scenario.goal.limits = read.values;
      if (read.refused.length) refused.push("limits");
    }
    // The campaign's other figures and the assumptions, under the names links give them.
    for (const [name, id] of GLOBALS) {
      const value = this.given(name);
      if (value !== null && Number.isFinite(Number(value))) scenario[id] = Number(value);
      else if (value !== null) refused.push(name);
    }
    const overrides = this.given("overrides");
    if (overrides !== null) {
      const read = readTierValues(overrides);
      if (read.values) scenario.overrides = read.values;
      if (read.refused.length) refused.push("overrides");
    }
    const lang = this.given("lang");
    if (lang !== null && !LANGUAGE.test(lang)) refused.push("lang");
    const theme = this.given("theme");
    if (theme !== null && !THEMES.includes(theme)) refused.push("theme");
    // Each round takes something back to its default (a limit at a time for `limits`), so the
    // scenario ends as the defaults, which the engine accepts, at the latest.
    for (;;) {
      try {
        const asked = { ...scenario, ...(custom ? { scheme: { tiers: custom } } : {}) };
        return { scenario, custom, refused, comparison: engine.compare(/** @type {import("./pkg/calculator.js").Scenario} */ (asked)) };
      } catch (error) {
        const field = errorField(error);
        const name = field.split(/[.[]/, 1)[0];
        const [, inGoal, tier, limit] = field.split(".");
        const goalLimits = scenario.goal.limits;
        if (name === "scheme" && custom) {
          custom = null;
          refused.push("tiers");
        } else if (name === "goal" && inGoal === "lambda" && "lambda" in scenario.goal) {
          delete scenario.goal.lambda;
          refused.push("lambda");
        } else if (name === "goal" && inGoal === "maxHours" && "maxHours" in scenario.goal) {
          delete scenario.goal.maxHours;
          refused.push("hours");
        } else if (name === "goal" && inGoal === "limits" && goalLimits) {
          // As the page does: goal.limits.micro.maxCount drops that limit, goal.limits.micro the tier's, goal.limits all.
          if (tier && limit && goalLimits[tier] && Object.hasOwn(goalLimits[tier], limit)) delete goalLimits[tier][limit];
          else if (tier && goalLimits[tier]) delete goalLimits[tier];
          else delete scenario.goal.limits;
          if (tier && goalLimits[tier] && Object.keys(goalLimits[tier]).length === 0) delete goalLimits[tier];
          if (scenario.goal.limits && Object.keys(scenario.goal.limits).length === 0) delete scenario.goal.limits;
          refused.push("limits");
        } else {
          const global = [...GLOBALS].find(([, id]) => id === name);
          if (name === "mix" && scenario.mix) delete scenario.mix;
          else if (name === "budget" && scenario.budget !== DEFAULTS.budget) scenario.budget = DEFAULTS.budget;
          else if (name === "currency" && scenario.currency !== DEFAULTS.currency) scenario.currency = DEFAULTS.currency;
          else if (name === "scheme" && scenario.scheme !== DEFAULTS.scheme) scenario.scheme = DEFAULTS.scheme;
          else if (name === "goal" && JSON.stringify(scenario.goal) !== JSON.stringify(DEFAULTS.goal)) scenario.goal = { ...DEFAULTS.goal };
          else if (name === "overrides" && scenario.overrides) delete scenario.overrides;
          else if (global && name in scenario) delete scenario[name];
          else throw error;
          refused.push(global?.[0] ?? name);
        }
      }
    }
  }

  /** The sentence naming the refused attributes as written (`budget="1e300"`), each shortened. */
  refusedText(/** @type {"en" | "fr"} */ lang, /** @type {string[]} */ names) {
    const parts = [...new Set(names)].map((name) => {
      const value = this.getAttribute(name);
      return `${t(lang, "quote.open")}${quoted(value === null ? name : `${name}="${value}"`)}${t(lang, "quote.close")}`;
    });
    return parts.length ? t(lang, "widget.rejected", { fields: parts.join(", ") }) : "";
  }

  fail() {
    const lang = this.language();
    // The controls are gone: the next successful render must build them again.
    this.built = "";
    loadWords(lang).catch(() => {}).then(() => {
      const text = spoken(lang) ? t(lang, "widget.open") : "tiermix";
      this.panel.replaceChildren(el("p", {}, [el("a", { href: CALCULATOR }, [text])]));
    });
  }

  render() {
    const lang = this.language();
    // Each language's sentences load on first use (a lang attribute may change at any time).
    if (!spoken(lang)) {
      loadWords(lang).then(() => this.render(), () => this.fail());
      return;
    }
    // Attributes a blogger mistyped: the defaults stand in, and the calculator says which.
    const engine = this.engine;
    if (!engine) return;
    const { scenario, custom, refused, comparison } = this.judged(engine);
    const f = formatters(lang, scenario.currency);
    const mixes = comparison.mixes;
    const mine = mixes.find((m) => m.kind === "mix");
    const best = mixes.find((m) => m.kind === "optimum");
    if (!mine || !best) {
      this.fail();
      return;
    }
    const tiers = custom ?? engine.presets().find((p) => p.id === scenario.scheme)?.tiers ?? [];
    const shape = `${scenario.scheme}|${lang}|${scenario.currency}`;
    if (this.built !== shape) this.build(lang, tiers, mine, best);
    this.built = shape;
    // Read back by an element adopting this drawing, prerendered (see the constructor).
    this.panel.dataset.built = shape;

    const budget = /** @type {HTMLInputElement} */ (this.root.getElementById(`${this.key}-budget`));
    if (this.root.activeElement !== budget) budget.value = String(scenario.budget);
    // The controls show the scenario computed: the share allocated (not what whole influencers
    // happen to spend); no mix means the engine's even split.
    const computed = scenario.mix?.shares;
    this.shown = Object.fromEntries(tiers.map((tier) => [tier.id, computed ? computed[tier.id] ?? 0 : 1 / tiers.length]));
    tiers.forEach((tier) => {
      const slider = /** @type {HTMLInputElement} */ (this.root.getElementById(`${this.key}-share-${tier.id}`));
      const output = /** @type {HTMLOutputElement} */ (this.root.getElementById(`${this.key}-bought-${tier.id}`));
      const value = this.shown[tier.id] * 100;
      if (this.root.activeElement !== slider) slider.value = String(Math.round(value));
      // The share and what it buys, in whole influencers, as the engine counted them.
      const influencers = mine.tiers.find((row) => row.tier === tier.id)?.influencers ?? 0;
      const text = plural(lang, "widget.bought", influencers, { share: f.share(value / 100), count: f.count(influencers) });
      slider.setAttribute("aria-valuetext", text);
      if (output.textContent !== text) output.textContent = text;
    });
    const note = /** @type {HTMLElement} */ (this.root.querySelector(".refused"));
    const noteText = this.refusedText(lang, refused);
    if (note.textContent !== noteText) note.textContent = noteText;
    note.hidden = noteText === "";
    const summary = t(lang, "results.summary", { reach: f.count(mine.reach), people: plural(lang, "people", mine.reach),
      conversions: f.count(mine.conversions), spend: f.money(mine.spend), roi: mine.roi === null ? "—" : f.roi(mine.roi) });
    const summaryNode = /** @type {HTMLElement} */ (this.root.querySelector(".summary"));
    if (summaryNode.textContent !== summary) summaryNode.textContent = summary;
    const cells = [...this.root.querySelectorAll("tbody td")];
    /** @type {["reach" | "conversions" | "roi", "count" | "roi"][]} */
    const shown = [["reach", "count"], ["conversions", "count"], ["roi", "roi"]];
    shown.forEach(([key, kind], r) => {
      [mine, best].forEach((m, c) => {
        const cell = cells[r * 2 + c];
        const value = m[key];
        if (cell) cell.textContent = value === null ? "—" : f[kind](value);
      });
    });
    const header = this.root.querySelector("thead th:last-child");
    if (header) header.textContent = best.label[lang];
    const link = /** @type {HTMLAnchorElement} */ (this.root.querySelector("a[part=link]"));
    // The shares computed, not what their influencers spend: a share cut to what whole
    // influencers cost, once rounded, can fall short of the last one and buy another mix.
    link.href = `${CALCULATOR}#${writeFragment({ lang, budget: scenario.budget, currency: scenario.currency, scheme: scenario.scheme,
      shares: Object.fromEntries(tiers.map((tier) => [tier.id, Math.round(this.shown[tier.id] * 10000) / 100])),
      minimums: custom ? Object.fromEntries(custom.map((tier) => [tier.id, tier.minFollowers])) : undefined,
      goal: scenario.goal.objective, lambda: scenario.goal.lambda, maxHours: scenario.goal.maxHours, limits: scenario.goal.limits,
      overrides: scenario.overrides,
      globals: Object.fromEntries([...GLOBALS.values()].flatMap((id) => (typeof scenario[id] === "number" ? [[id, scenario[id]]] : []))) })}`;
    this.dispatchEvent(new CustomEvent("tiermix-change", { bubbles: true, composed: true, detail: { scenario, outcome: mine } }));
  }

  /** The controls, built once per scheme, language and currency. */
  build(/** @type {"en" | "fr"} */ lang, /** @type {Tiers | CustomTiers} */ tiers, /** @type {Outcome} */ mine, /** @type {Outcome} */ best) {
    const budgetId = `${this.key}-budget`;
    const rows = ["reach", "conversions", "roi"];
    this.panel.replaceChildren(
      el("h2", {}, [t(lang, "widget.title")]),
      el("div", { class: "fields" }, [
        el("label", { for: budgetId }, [t(lang, "budget")]),
        el("input", { id: budgetId, type: "number", min: "0", step: "any", part: "input" }),
        ...tiers.flatMap((tier) => {
          const id = `${this.key}-share-${tier.id}`;
          // The slider's value is also its aria-valuetext: the output is for the eye, not said twice.
          return [el("div", { class: "share" }, [
            el("div", { class: "share-head" }, [
              el("label", { for: id }, [t(lang, "mix.share", { tier: tier.label[lang] })]),
              el("output", { id: `${this.key}-bought-${tier.id}`, for: id, "aria-live": "off" }),
            ]),
            el("input", { id, type: "range", min: "0", max: "100", step: "1", "data-tier": tier.id }),
          ])];
        }),
      ]),
      el("p", { class: "summary", part: "summary", "aria-live": "polite" }),
      el("p", { class: "hint refused", part: "status", role: "status", hidden: "" }),
      el("table", { part: "table" }, [
        el("caption", {}, [t(lang, "widget.caption")]),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col" }, [t(lang, "results.metric")]),
          el("th", { scope: "col" }, [mine.label[lang]]), el("th", { scope: "col" }, [best.label[lang]])])]),
        el("tbody", {}, rows.map((key) => el("tr", {}, [el("th", { scope: "row" }, [t(lang, `metric.${key}`)]), el("td"), el("td")]))),
      ]),
      el("p", { class: "hint" }, [el("a", { href: CALCULATOR, part: "link" }, [t(lang, "widget.open")])]),
    );
  }

  onInput(/** @type {HTMLInputElement} */ input) {
    if (input.type === "number") {
      this.typing = true;
      if (input.value !== "" && Number.isFinite(input.valueAsNumber)) this.setAttribute("budget", input.value);
      this.typing = false;
      return;
    }
    const tier = input.dataset.tier ?? "";
    const current = this.edited ?? this.shown;
    const others = Object.entries(current).reduce((sum, [id, v]) => sum + (id === tier ? 0 : v), 0);
    this.edited = { ...current, [tier]: Math.min(input.valueAsNumber / 100, Math.max(0, 1 - others)) };
    this.render();
  }
}

if (!customElements.get("tier-mix")) customElements.define("tier-mix", TierMix);
