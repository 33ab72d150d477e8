// The panels where the reader types: "Your campaign" (the scheme; its thresholds editor is
// thresholds.js), "Split the budget" (the shares never add up to more than 100%), "Your goal",
// "Classify an account" and "Assumptions" (each model value per tier with its range and source,
// which the reader may override).
import { $, el, replaceChildrenIfChanged, setText } from "../dom.js";
import facts from "../../pkg/facts.js";
import { isPercent, unitOf } from "../engine.js";

/** The team's figures, shown with the budget in "Your team": its hourly cost and hours per influencer. */
const TEAM_GLOBAL = "hourlyCost";
const TEAM_QUANTITY = /** @type {const} */ ("hours");
/** The campaign-wide figures the assumptions panel shows: every global but the budget and the team's. */
const GLOBALS = facts.globals.map(({ id }) => id).filter((id) => id !== "budget" && id !== TEAM_GLOBAL);
const QUANTITIES = facts.quantities.map(({ id }) => id);
const PANEL_QUANTITIES = QUANTITIES.filter((id) => id !== TEAM_QUANTITY);
const percent = (/** @type {string} */ quantity) => isPercent(unitOf(quantity));

/** The scheme list in the page's language, and the chosen scheme's source. @param {import("./types.js").Page} page */
export function renderScheme(page) {
  const select = /** @type {HTMLSelectElement} */ ($("scheme"));
  select.replaceChildren(...page.presets.map((p) => el("option", { value: p.id }, [page.label(p)])));
  select.value = page.state.schemeId;
  replaceChildrenIfChanged($("scheme-source"), page.citation(page.preset().source));
}

/** @param {import("./types.js").Page} page */
export function createMix(page) {
  const { state, tr, label, tiers } = page;

  function tierRange(/** @type {number} */ index) {
    const list = tiers();
    const f = page.fmt();
    const next = list[index + 1];
    const count = (/** @type {number} */ n) => (Number.isFinite(n) ? f.count(n) : "…");
    return next ? `${count(list[index].minFollowers)}–${count(next.minFollowers - 1)}` : `${count(list[index].minFollowers)}+`;
  }

  function even() {
    const list = tiers();
    const base = Math.floor(100 / list.length);
    let rest = 100 - base * list.length;
    state.shares = Object.fromEntries(list.map((tier) => [tier.id, base + (rest-- > 0 ? 1 : 0)]));
  }

  /** Scales the shares up to 100%, keeping their proportions in whole percents. */
  function fill() {
    const list = tiers();
    const total = list.reduce((sum, tier) => sum + (state.shares[tier.id] ?? 0), 0);
    if (total === 0) return even();
    const scaled = list.map((tier) => ((state.shares[tier.id] ?? 0) * 100) / total);
    const floors = scaled.map(Math.floor);
    let rest = 100 - floors.reduce((a, b) => a + b, 0);
    const order = scaled.map((v, i) => [v - Math.floor(v), i]).sort((a, b) => b[0] - a[0]);
    for (const [, i] of order) if (rest-- > 0) floors[i] += 1;
    state.shares = Object.fromEntries(list.map((tier, i) => [tier.id, floors[i]]));
  }

  /** A tier's share may rise only as far as what the other tiers leave free. */
  function setShare(/** @type {string} */ tierId, /** @type {number} */ wanted) {
    const others = tiers().reduce((sum, tier) => sum + (tier.id === tierId ? 0 : state.shares[tier.id] ?? 0), 0);
    const value = Number.isFinite(wanted) ? Math.round(wanted) : 0;
    state.shares[tierId] = Math.min(Math.max(value, 0), 100 - others);
  }

  function renderStatus() {
    const f = page.fmt();
    const allocated = tiers().reduce((sum, tier) => sum + (state.shares[tier.id] ?? 0), 0);
    setText($("mix-status"), tr("mix.allocated", { allocated: f.percent(allocated / 100), free: f.percent((100 - allocated) / 100) }));
    for (const tier of tiers()) {
      const value = state.shares[tier.id] ?? 0;
      const range = /** @type {HTMLInputElement} */ ($(`share-${tier.id}-range`));
      if (range.value !== String(value)) range.value = String(value);
      const said = f.percent(value / 100);
      if (range.getAttribute("aria-valuetext") !== said) range.setAttribute("aria-valuetext", said);
      const number = /** @type {HTMLInputElement} */ ($(`share-${tier.id}`));
      // "Use this mix" sets exact shares; two decimals are enough to show them.
      const shown = String(Math.round(value * 100) / 100);
      if ((document.activeElement !== number || number.value !== "") && number.value !== shown) number.value = shown;
    }
  }

  function build() {
    const rows = tiers().map((tier, index) => {
      const value = String(state.shares[tier.id] ?? 0);
      const range = el("input", { type: "range", id: `share-${tier.id}-range`, min: "0", max: "100", step: "1", value,
        "aria-label": tr("mix.slider", { tier: label(tier) }), "data-tier": tier.id });
      const number = el("input", { type: "number", id: `share-${tier.id}`, min: "0", max: "100", step: "any", value,
        inputmode: "numeric", "data-tier": tier.id, "data-field": `mix.shares.${tier.id}` });
      return el("div", { class: "mix-row" }, [
        el("label", { for: `share-${tier.id}`, class: "mix-label" }, [
          el("span", { class: "mix-tier" }, [tr("mix.share", { tier: label(tier) })]),
          el("span", { class: "hint" }, [tr("mix.followers", { range: tierRange(index) })]),
        ]),
        range,
        number,
      ]);
    });
    $("mix").replaceChildren(...rows);
    renderStatus();
  }

  $("mix").addEventListener("input", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const tier = input.dataset.tier;
    if (!tier) return;
    if (input.type === "number" && input.value === "") state.shares[tier] = 0;
    else setShare(tier, input.valueAsNumber);
    page.recompute();
  });
  $("mix").addEventListener("change", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    if (input.type === "number") renderStatus();
  });
  $("mix-even").addEventListener("click", () => { even(); page.recompute(); });
  $("mix-fill").addEventListener("click", () => { fill(); page.recompute(); });

  return { build, renderStatus, even };
}

/** @param {import("./types.js").Page} page */
export function createGoal(page) {
  const { state, tr } = page;
  const lambda = /** @type {HTMLInputElement} */ ($("lambda"));
  const maxHours = /** @type {HTMLInputElement} */ ($("max-hours"));

  function renderLambda() {
    const f = page.fmt();
    const text = tr("goal.lambdaValue", { persuasion: f.percent(state.goal.lambda), reach: f.percent(1 - state.goal.lambda) });
    setText($("lambda-value"), text);
    lambda.setAttribute("aria-valuetext", text);
  }

  for (const radio of document.querySelectorAll('input[name="goal"]')) {
    radio.addEventListener("change", () => {
      state.goal.objective = /** @type {Objective} */ (/** @type {HTMLInputElement} */ (radio).value);
      $("lambda-field").hidden = state.goal.objective !== "blend";
      page.recompute();
    });
  }
  lambda.addEventListener("input", () => {
    state.goal.lambda = lambda.valueAsNumber / 100;
    renderLambda();
    page.recompute();
  });
  maxHours.addEventListener("input", () => {
    state.maxHours = maxHours.value === "" ? NaN : maxHours.valueAsNumber;
    page.recompute();
  });

  return { renderLambda };
}

/** @param {import("./types.js").Page} page */
export function createClassify(page) {
  const { state, tr, label } = page;
  const input = /** @type {HTMLInputElement} */ ($("classify-followers"));

  function render() {
    const out = $("classify-result");
    if (input.value === "") {
      out.replaceChildren(el("p", { class: "hint" }, [tr("classify.empty")]));
      return;
    }
    const followers = input.valueAsNumber;
    const scheme = state.customTiers ? { tiers: state.customTiers } : state.schemeId;
    try {
      const mine = page.engine.classify(followers, scheme);
      const schemeName = state.customTiers ? tr("scheme.custom") : label(page.preset());
      const main = mine.tier === null
        ? tr("classify.below", { scheme: schemeName })
        : tr("classify.result", { tier: label(page.tiers()[mine.index]), scheme: schemeName });
      const others = page.presets.map((p) => {
        const result = page.engine.classify(followers, p.id);
        const name = result.tier === null ? "—" : label(p.tiers[result.index]);
        return el("li", {}, [`${label(p)}${tr("colon")}`, el("strong", {}, [name])]);
      });
      input.removeAttribute("aria-invalid");
      out.replaceChildren(el("p", { class: "classify-main" }, [main]), el("p", {}, [tr("classify.others")]), el("ul", {}, others));
    } catch (error) {
      input.setAttribute("aria-invalid", "true");
      out.replaceChildren(el("p", { class: "error-inline" }, [error instanceof Error ? error.message : String(error)]));
    }
  }

  input.addEventListener("input", render);
  return { render };
}

function displayValue(/** @type {string} */ quantity, /** @type {number} */ value) {
  const shown = percent(quantity) ? value * 100 : value;
  return String(Number(shown.toPrecision(quantity === "typicalFollowers" ? 6 : 3)));
}

/** @param {import("./types.js").Page} page @param {() => void} reset every assumption went back to its default */
export function createAssumptions(page, reset) {
  const { state, tr, label } = page;

  function formatAssumption(/** @type {string} */ quantity, /** @type {number} */ value) {
    const f = page.fmt();
    if (percent(quantity)) return f.percent(value);
    if (unitOf(quantity) === "money") return f.money(value);
    return f.number(value);
  }

  const sourceLine = (/** @type {import("./types.js").Source} */ source) => el("p", { class: "source" }, page.citation(source));

  const globalField = (/** @type {string} */ key, /** @type {import("../../pkg/calculator.js").Assumptions} */ report) =>
    el("div", { class: "field" }, [
      el("label", { for: `g-${key}` }, [tr(`g.${key}`)]),
      el("input", { type: "number", id: `g-${key}`, step: "any", min: "0", inputmode: "decimal",
        value: String(state.globals[key] ?? report.globals[/** @type {import("../../pkg/facts.js").GlobalId} */ (key)].typical), "data-global": key, "data-field": key }),
    ]);

  /** A quantity's field for one tier, its range below it. */
  function quantityField(/** @type {import("../../pkg/calculator.js").Quantity} */ quantity,
    /** @type {import("../../pkg/calculator.js").TierAssumptions} */ row, /** @type {string} */ name) {
    const id = `a-${quantity}-${row.tier}`;
    return el("div", { class: "field" }, [
      el("label", { for: id }, [name]),
      el("input", { type: "number", id, step: "any", min: "0", inputmode: "decimal",
        "data-tier": row.tier, "data-quantity": quantity, "data-field": `overrides.${row.tier}.${quantity}`,
        "aria-describedby": `${id}-range`, value: displayValue(quantity, state.overrides[row.tier]?.[quantity] ?? row[quantity].typical),
        ...(percent(quantity) ? { "data-unit": "percent" } : {}) }),
      el("span", { id: `${id}-range`, class: "hint range" }, [rangeText(quantity, row[quantity])]),
    ]);
  }

  /** A field's range, as it reads under the field, and whether the reader changed it. */
  function rangeText(/** @type {import("../../pkg/calculator.js").Quantity} */ quantity,
    /** @type {import("../../pkg/calculator.js").Assumed} */ value) {
    const range = tr("assumptions.range", { low: formatAssumption(quantity, value.low), high: formatAssumption(quantity, value.high) });
    return value.overridden ? `${range} · ${tr("assumptions.edited")}` : range;
  }

  // The served page's team fields are the default tiers', in English (scripts/build/prerender.mjs).
  // Drawn for another language or other tiers, they would show the wrong words or rows until the
  // report comes with calculator.js: they wait unseen then, their room kept.
  const teamKey = (lang = state.lang) => `${lang}|${page.tiers().map((tier) => tier.id).join()}`;
  let teamDrawnFor = teamKey("en");
  /** Hides the team's fields while they were drawn for another language or other tiers. */
  function holdIfStale() {
    if (teamKey() !== teamDrawnFor) $("team").setAttribute("data-stale", "");
  }

  /** The panel's fields, from a report of the defaults; the reader's own values are put back in. */
  function build(/** @type {import("../../pkg/calculator.js").Assumptions} */ report) {
    const globals = el("fieldset", { class: "assumption" }, [
      el("legend", {}, [tr("assumptions.globals")]),
      el("div", { class: "assumption-tiers" }, GLOBALS.map((key) => globalField(key, report))),
      sourceLine(report.globals.audience.source),
    ]);
    const blocks = PANEL_QUANTITIES.map((quantity) =>
      el("fieldset", { class: "assumption" }, [
        el("legend", {}, [tr(`q.${quantity}`)]),
        el("div", { class: "assumption-tiers" }, report.tiers.map((row, index) => quantityField(quantity, row, label(page.tiers()[index])))),
        sourceLine(report.tiers[0][quantity].source),
      ]));
    replaceChildrenIfChanged($("assumptions"), [globals, ...blocks]);
    replaceChildrenIfChanged($("team-fields"), [globalField(TEAM_GLOBAL, report), ...report.tiers.map((row, index) =>
      quantityField(TEAM_QUANTITY, row, tr("team.hours", { tier: label(page.tiers()[index]) })))]);
    replaceChildrenIfChanged($("team-sources"), [sourceLine(report.globals.hourlyCost.source), sourceLine(report.tiers[0].hours.source)]);
    teamDrawnFor = teamKey();
    $("team").removeAttribute("data-stale");
    // Fields drawn anew, or kept as they were: written whatever they showed before.
    shown = "";
    update(page.report ?? report);
  }

  /** What the fields last showed: the report and the field being edited. */
  let shown = "";

  /** Each field's range and whether it was edited, for the engine's latest report. */
  function update(/** @type {import("../../pkg/calculator.js").Assumptions} */ report) {
    // A budget keystroke leaves every assumption as it was: nothing to rewrite then. Leaving a
    // field counts as a change, so the default comes back into a field emptied and left.
    const key = `${JSON.stringify(report.tiers)}|${document.activeElement?.id ?? ""}|${page.state.lang}|${page.input.currency}`;
    if (key === shown) return;
    shown = key;
    for (const row of report.tiers) {
      for (const quantity of QUANTITIES) {
        const value = row[quantity];
        const id = `a-${quantity}-${row.tier}`;
        const input = /** @type {HTMLInputElement | null} */ (document.getElementById(id));
        if (!input) continue;
        // A value the user typed stays as typed, even while invalid, until they change it.
        const typed = state.overrides[row.tier]?.[quantity] !== undefined;
        if (document.activeElement !== input && !typed) {
          const shown = displayValue(quantity, value.typical);
          if (input.value !== shown) input.value = shown;
        }
        if (input.classList.contains("edited") !== value.overridden) input.classList.toggle("edited", value.overridden);
        setText($(`${id}-range`), rangeText(quantity, value));
      }
    }
  }

  function readOverride(/** @type {HTMLInputElement} */ input) {
    const tier = input.dataset.tier ?? "";
    const quantity = input.dataset.quantity ?? "";
    const own = (state.overrides[tier] ??= {});
    if (input.value === "") delete own[quantity];
    else own[quantity] = percent(quantity) ? input.valueAsNumber / 100 : input.valueAsNumber;
    if (Object.keys(own).length === 0) delete state.overrides[tier];
  }

  function readGlobal(/** @type {HTMLInputElement} */ input) {
    const key = input.dataset.global ?? "";
    if (input.value === "") delete state.globals[key];
    else state.globals[key] = input.valueAsNumber;
  }

  for (const panel of [$("assumptions"), $("team")]) {
    panel.addEventListener("input", (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      if (input.dataset.global) readGlobal(input);
      else if (input.dataset.quantity) readOverride(input);
      page.recompute();
    });
    panel.addEventListener("change", () => page.recompute());
  }
  $("assumptions-reset").addEventListener("click", () => {
    state.overrides = {};
    state.globals = {};
    reset();
  });

  return { build, update, holdIfStale };
}
