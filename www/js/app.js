// @ts-check
// The calculator page: reads the inputs, asks the wasm engine, shows the answer. No model
// arithmetic happens here; the only numbers handled are the user's own (percent shares,
// thresholds) and display conversions.
import { $, el, fillRows, save, setText } from "./dom.js";
import { backgroundEngine, compiledEngine, errorField, loadEngine, loadNotes } from "./engine.js";
import { loadLang, pickLang, plural, t } from "./i18n.js";
import { formatters } from "./format.js";
import { drawBars, drawNote, drawTornado, drawXY } from "./chart.js";

/** @typedef {"en" | "fr"} Lang */

const QUANTITIES = ["typicalFollowers", "fee", "reachRate", "engagementRate", "sponsoredFactor", "realShare", "persuasion", "hours", "concentration"];
/** Quantities shown and typed as percentages. */
const PERCENT = new Set(["reachRate", "engagementRate", "sponsoredFactor", "realShare", "persuasion"]);
const MONEY = new Set(["fee", "hourlyCost", "conversionValue"]);
const GLOBALS = ["audience", "postsPerInfluencer", "hourlyCost", "conversionValue"];
const METRICS = [
  ["influencers", "count"], ["spend", "money"], ["unspent", "money"], ["reach", "count"], ["reachShare", "percent"],
  ["frequency", "number"], ["engagements", "count"], ["conversions", "count"], ["revenue", "money"], ["roi", "roi"],
  ["costPerThousandReached", "money"], ["costPerEngagement", "money"], ["costPerConversion", "money"], ["workloadHours", "count"],
];

const state = {
  /** @type {Lang} */
  lang: pickLang(new URLSearchParams(location.search).get("lang") ?? navigator.language),
  schemeId: "fr2018",
  /** @type {{ id: string, label: { en: string, fr: string }, minFollowers: number }[] | null} */
  customTiers: null,
  /** Percent of the budget per tier id. @type {Record<string, number>} */
  shares: {},
  /** @type {Record<string, Record<string, number>>} */
  overrides: {},
  /** @type {Record<string, number>} */
  globals: {},
  /** What the best mix aims for: an objective and, for the blend, the weight of persuasion. */
  goal: { objective: "conversions", lambda: 0.5 },
  /** Team hours available, or NaN for no cap. */
  maxHours: NaN,
  /** @type {any} */
  lastComparison: null,
  /** @type {any} */
  lastReport: null,
  /** The latest simulation and the scenario it was run for (as JSON). @type {any} */
  simulation: null,
};

/** @type {any} */
let engine;
/** @type {any[]} */
let presets = [];
/** The sources' notes, `{ id: note }`, per language loaded so far. @type {Partial<Record<"en" | "fr", Record<string, string>>>} */
const notes = {};
/** The compiled core module, handed to the workers so they neither fetch nor compile it. @type {WebAssembly.Module | undefined} */
let engineModule;
/** The "Your candidates" tab, loaded the first time it is opened. @type {any} */
let roster = null;

const noteFor = (/** @type {{ id: string }} */ source) => notes[state.lang]?.[source.id] ?? "";

const tr = (/** @type {string} */ key, /** @type {Record<string, string>} */ values = {}) => t(state.lang, key, values);
const fmt = () => formatters(state.lang, /** @type {HTMLSelectElement} */ ($("currency")).value);

function preset() {
  return presets.find((p) => p.id === state.schemeId) ?? presets[0];
}

/** The tiers in use: the preset's, or the user's edited thresholds. */
function tiers() {
  return state.customTiers ?? preset().tiers;
}

/** @param {{ label: { en: string, fr: string } }} item */
const label = (item) => item.label[state.lang];

function tierRange(/** @type {number} */ index) {
  const list = tiers();
  const f = fmt();
  const next = list[index + 1];
  const count = (/** @type {number} */ n) => (Number.isFinite(n) ? f.count(n) : "…");
  return next ? `${count(list[index].minFollowers)}–${count(next.minFollowers - 1)}` : `${count(list[index].minFollowers)}+`;
}

function scenario() {
  const scheme = state.customTiers ? { tiers: state.customTiers } : state.schemeId;
  const shares = Object.fromEntries(tiers().map((tier) => [tier.id, (state.shares[tier.id] ?? 0) / 100]));
  return {
    budget: /** @type {HTMLInputElement} */ ($("budget")).valueAsNumber,
    currency: /** @type {HTMLSelectElement} */ ($("currency")).value,
    scheme,
    mix: { shares },
    overrides: state.overrides,
    goal: { objective: state.goal.objective, lambda: state.goal.lambda, ...(Number.isNaN(state.maxHours) ? {} : { maxHours: state.maxHours }) },
    ...state.globals,
  };
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The words a person sees next to an input: its label, inside its group's legend if any. */
function visibleName(/** @type {HTMLElement} */ input) {
  const own = document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? input.id;
  const legend = input.closest("fieldset")?.querySelector("legend")?.textContent?.trim();
  return legend ? `${legend} — ${own}` : own;
}

/** Adds or removes one id in an element's aria-describedby list, keeping the others. */
function describedBy(/** @type {Element} */ element, /** @type {string} */ id, /** @type {boolean} */ on) {
  const ids = new Set((element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute("aria-describedby", [...ids].join(" "));
  else element.removeAttribute("aria-describedby");
}

function showError(/** @type {unknown} */ error) {
  const message = error instanceof Error ? error.message : String(error);
  // The engine names the offending input's path in `field`; inputs carry it in data-field.
  const field = errorField(error) || message.split(" ", 1)[0];
  clearInvalid();
  const input = /** @type {HTMLInputElement | null} */ (document.querySelector(`[data-field="${CSS.escape(field)}"]`));
  let text = `${tr("error.prefix")} ${message}`;
  if (input) {
    input.setAttribute("aria-invalid", "true");
    describedBy(input, "error", true);
    const name = `${tr("quote.open")}${visibleName(input)}${tr("quote.close")}`;
    if (input.value === "") text = `${tr("error.prefix")} ${name} ${tr("error.empty")}`;
    else if (input.dataset.unit === "percent") text = `${tr("error.prefix")} ${name} ${tr("error.percent")}`;
    else text = `${tr("error.prefix")} ${name}${tr("colon")}${message}`;
  }
  const box = $("error");
  box.textContent = text;
  box.hidden = false;
  $("stale").hidden = state.lastComparison === null;
}

function clearInvalid() {
  for (const input of document.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    describedBy(input, "error", false);
  }
}

function clearError() {
  $("error").hidden = true;
  $("stale").hidden = true;
  clearInvalid();
}

// ---------------------------------------------------------------------------------------------
// Static text and language

function translatePage() {
  document.documentElement.lang = state.lang;
  document.title = tr("page.title");
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = tr(node.getAttribute("data-i18n") ?? "");
  }
  for (const button of document.querySelectorAll(".lang-button")) {
    button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === state.lang));
  }
  const select = /** @type {HTMLSelectElement} */ ($("scheme"));
  select.replaceChildren(...presets.map((p) => el("option", { value: p.id }, [label(p)])));
  select.value = state.schemeId;
  renderSchemeSource();
}

function renderSchemeSource() {
  $("scheme-source").replaceChildren(...citation(preset().source));
}

// ---------------------------------------------------------------------------------------------
// Mix controls

function evenShares() {
  const list = tiers();
  const base = Math.floor(100 / list.length);
  let rest = 100 - base * list.length;
  state.shares = Object.fromEntries(list.map((tier) => [tier.id, base + (rest-- > 0 ? 1 : 0)]));
}

function buildMix() {
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
  renderMixStatus();
}

function renderMixStatus() {
  const f = fmt();
  const allocated = tiers().reduce((sum, tier) => sum + (state.shares[tier.id] ?? 0), 0);
  setText($("mix-status"), tr("mix.allocated", { allocated: f.percent(allocated / 100), free: f.percent((100 - allocated) / 100) }));
  for (const tier of tiers()) {
    const value = state.shares[tier.id] ?? 0;
    const range = /** @type {HTMLInputElement} */ ($(`share-${tier.id}-range`));
    range.value = String(value);
    range.setAttribute("aria-valuetext", f.percent(value / 100));
    const number = /** @type {HTMLInputElement} */ ($(`share-${tier.id}`));
    // "Use this mix" sets exact shares; two decimals are enough to show them.
    if (document.activeElement !== number || number.value !== "") number.value = String(Math.round(value * 100) / 100);
  }
}

/** A tier's share may rise only as far as what the other tiers leave free. */
function setShare(/** @type {string} */ tierId, /** @type {number} */ wanted) {
  const others = tiers().reduce((sum, tier) => sum + (tier.id === tierId ? 0 : state.shares[tier.id] ?? 0), 0);
  const value = Number.isFinite(wanted) ? Math.round(wanted) : 0;
  state.shares[tierId] = Math.min(Math.max(value, 0), 100 - others);
}

function fillShares() {
  const list = tiers();
  const total = list.reduce((sum, tier) => sum + (state.shares[tier.id] ?? 0), 0);
  if (total === 0) return evenShares();
  const scaled = list.map((tier) => ((state.shares[tier.id] ?? 0) * 100) / total);
  const floors = scaled.map(Math.floor);
  let rest = 100 - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((v, i) => [v - Math.floor(v), i]).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) if (rest-- > 0) floors[i] += 1;
  state.shares = Object.fromEntries(list.map((tier, i) => [tier.id, floors[i]]));
}

// ---------------------------------------------------------------------------------------------
// Thresholds

function buildThresholds() {
  const fields = tiers().map((tier, index) =>
    el("div", { class: "field" }, [
      el("label", { for: `min-${tier.id}` }, [tr("thresholds.min", { tier: label(tier) })]),
      el("input", { type: "number", id: `min-${tier.id}`, min: "0", step: "1", inputmode: "numeric",
        value: String(tier.minFollowers), "data-index": String(index), "data-field": `scheme.tiers[${index}].minFollowers` }),
    ]));
  $("threshold-fields").replaceChildren(...fields);
  $("thresholds-status").hidden = state.customTiers === null;
}

function readThresholds() {
  const base = preset().tiers;
  const edited = base.map((tier, index) => {
    const input = /** @type {HTMLInputElement} */ ($(`min-${tier.id}`));
    return { id: tier.id, label: tier.label, minFollowers: input.value === "" ? NaN : input.valueAsNumber };
  });
  const same = edited.every((tier, i) => tier.minFollowers === base[i].minFollowers);
  state.customTiers = same ? null : edited;
  $("thresholds-status").hidden = same;
}

// ---------------------------------------------------------------------------------------------
// Assumptions

function displayValue(/** @type {string} */ quantity, /** @type {number} */ value) {
  const shown = PERCENT.has(quantity) ? value * 100 : value;
  return String(Number(shown.toPrecision(quantity === "typicalFollowers" ? 6 : 3)));
}

function formatAssumption(/** @type {string} */ quantity, /** @type {number} */ value) {
  const f = fmt();
  if (PERCENT.has(quantity)) return f.percent(value);
  if (MONEY.has(quantity)) return f.money(value);
  return f.number(value);
}

/** "Source: <linked citation> (year). note" as nodes, for a scheme or an assumption. */
function citation(/** @type {any} */ source) {
  const cite = source.url ? el("a", { href: source.url }, [source.text]) : el("span", {}, [source.text]);
  return [`${tr("assumptions.source")}${tr("colon")}`, cite, ` (${source.year}). `, noteFor(source)];
}

function sourceLine(/** @type {any} */ source) {
  return el("p", { class: "source" }, citation(source));
}

function buildAssumptions(/** @type {any} */ report) {
  const globals = el("fieldset", { class: "assumption" }, [
    el("legend", {}, [tr("assumptions.globals")]),
    el("div", { class: "assumption-tiers" }, GLOBALS.map((key) =>
      el("div", { class: "field" }, [
        el("label", { for: `g-${key}` }, [tr(`g.${key}`)]),
        el("input", { type: "number", id: `g-${key}`, step: "any", min: "0", inputmode: "decimal",
          value: String(state.globals[key] ?? report.globals[key].typical), "data-global": key, "data-field": key }),
      ]))),
    sourceLine(report.globals.audience.source),
  ]);
  const blocks = QUANTITIES.map((quantity) =>
    el("fieldset", { class: "assumption" }, [
      el("legend", {}, [tr(`q.${quantity}`)]),
      el("div", { class: "assumption-tiers" }, report.tiers.map((/** @type {any} */ row, /** @type {number} */ index) => {
        const id = `a-${quantity}-${row.tier}`;
        return el("div", { class: "field" }, [
          el("label", { for: id }, [label(tiers()[index])]),
          el("input", { type: "number", id, step: "any", min: "0", inputmode: "decimal",
            "data-tier": row.tier, "data-quantity": quantity, "data-field": `overrides.${row.tier}.${quantity}`,
            "aria-describedby": `${id}-range`, value: displayValue(quantity, state.overrides[row.tier]?.[quantity] ?? row[quantity].typical),
            ...(PERCENT.has(quantity) ? { "data-unit": "percent" } : {}) }),
          el("span", { id: `${id}-range`, class: "hint range" }),
        ]);
      })),
      sourceLine(report.tiers[0][quantity].source),
    ]));
  $("assumptions").replaceChildren(globals, ...blocks);
  updateAssumptions(state.lastReport ?? report);
}

function updateAssumptions(/** @type {any} */ report) {
  for (const row of report.tiers) {
    for (const quantity of QUANTITIES) {
      const value = row[quantity];
      const id = `a-${quantity}-${row.tier}`;
      const input = /** @type {HTMLInputElement | null} */ (document.getElementById(id));
      if (!input) continue;
      // A value the user typed stays as typed, even while invalid, until they change it.
      const typed = state.overrides[row.tier]?.[quantity] !== undefined;
      if (document.activeElement !== input && !typed) input.value = displayValue(quantity, value.typical);
      input.classList.toggle("edited", value.overridden);
      const range = tr("assumptions.range", { low: formatAssumption(quantity, value.low), high: formatAssumption(quantity, value.high) });
      $(`${id}-range`).textContent = value.overridden ? `${range} · ${tr("assumptions.edited")}` : range;
    }
  }
}

function readOverride(/** @type {HTMLInputElement} */ input) {
  const tier = input.dataset.tier ?? "";
  const quantity = input.dataset.quantity ?? "";
  const own = (state.overrides[tier] ??= {});
  if (input.value === "") {
    delete own[quantity];
  } else {
    own[quantity] = PERCENT.has(quantity) ? input.valueAsNumber / 100 : input.valueAsNumber;
  }
  if (Object.keys(own).length === 0) delete state.overrides[tier];
}

function readGlobal(/** @type {HTMLInputElement} */ input) {
  const key = input.dataset.global ?? "";
  if (input.value === "") delete state.globals[key];
  else state.globals[key] = input.valueAsNumber;
}

// ---------------------------------------------------------------------------------------------
// Results

function formatMetric(/** @type {string} */ kind, /** @type {number | null} */ value) {
  if (value === null) return tr("metric.none");
  const f = fmt();
  return /** @type {any} */ (f)[kind](value);
}

/** Outputs the simulation gives a band for, by the table's metric key. */
const BANDED = new Set(["spend", "reach", "engagements", "conversions", "roi", "costPerConversion"]);
const DRAWS = 2000;
const SEED = 1;

/** The simulation's bands, if they were computed for exactly the inputs on screen. */
function currentBands() {
  const sim = state.simulation;
  return sim && sim.key === JSON.stringify(scenario()) ? sim.simulation.mixes : null;
}

/** "880 (610–1,150)" when a band is known for this mix and metric, else just the value. */
function withBand(/** @type {string} */ kind, /** @type {any} */ value, /** @type {any} */ band) {
  const text = formatMetric(kind, value);
  if (!band || value === null) return text;
  return tr("certainty.band", { value: text, low: formatMetric(kind, band.p10), high: formatMetric(kind, band.p90) });
}

const columnClass = (/** @type {any} */ m) => (m.kind === "mix" ? "mine" : m.kind === "optimum" ? "best-col" : "");

function renderResults(/** @type {any} */ comparison) {
  const mixes = comparison.mixes;
  const mine = mixes.find((/** @type {any} */ m) => m.kind === "mix");
  const best = mixes.find((/** @type {any} */ m) => m.kind === "optimum");
  const f = fmt();

  const values = { reach: f.count(mine.reach), people: plural(state.lang, "people", mine.reach),
    conversions: f.count(mine.conversions), spend: f.money(mine.spend) };
  setText($("summary"), mine.roi === null
    ? tr("results.summaryNoRoi", values)
    : tr("results.summary", { ...values, roi: f.roi(mine.roi) }));

  const table = /** @type {HTMLTableElement} */ ($("compare"));
  const classes = ["", ...mixes.map(columnClass)];
  fillRows(table.tHead, [[tr("results.metric"), ...mixes.map((/** @type {any} */ m) => label(m) + (m.capped ? " *" : ""))]], classes, "col");
  const capped = mixes.some((/** @type {any} */ m) => m.capped);
  $("capped").hidden = !capped;
  $("capped").textContent = capped ? tr("results.capped", { cap: f.count(1e6) }) : "";
  const bands = currentBands();
  fillRows(table.tBodies[0], METRICS.map(([key, kind]) => [tr(`metric.${key}`), ...mixes.map((/** @type {any} */ m, /** @type {number} */ i) =>
    withBand(kind, m[key], BANDED.has(key) ? bands?.[i]?.[key] : null))]), classes, "row");

  const tierTable = /** @type {HTMLTableElement} */ ($("tiers"));
  const columns = [["influencers", "count"], ["spend", "money"], ["reach", "count"], ["engagements", "count"], ["conversions", "count"], ["workloadHours", "count"]];
  fillRows(tierTable.tHead, [[tr("results.tier"), ...columns.map(([key]) => tr(`metric.${key}`))]], [], "col");
  fillRows(tierTable.tBodies[0], mine.tiers.map((/** @type {any} */ row, /** @type {number} */ index) =>
    [label(tiers()[index]), ...columns.map(([key, kind]) => formatMetric(kind, row[key]))]), [], "row");
  $("overlap").textContent = mine.overlap >= 0.5 ? tr("results.overlap", { overlap: f.count(mine.overlap) }) : "";

  drawChart(mixes);
  renderBest(mine, best);
}

function renderBest(/** @type {any} */ mine, /** @type {any} */ best) {
  const f = fmt();
  $("best-heading").textContent = tr("best.heading", { label: label(best) });
  $("best-summary").textContent = tr("best.summary", { reach: f.count(best.reach), people: plural(state.lang, "people", best.reach),
    conversions: f.count(best.conversions), spend: f.money(best.spend) });
  const changes = best.tiers
    .map((/** @type {any} */ row, /** @type {number} */ i) => [row.influencers - mine.tiers[i].influencers, label(tiers()[i])])
    .filter(([delta]) => delta !== 0)
    .map(([delta, name]) => `${delta > 0 ? "+" : "−"}${f.count(Math.abs(Number(delta)))} ${name}`);
  setText($("best-diff"), changes.length ? tr("best.diff", { changes: changes.join(", ") }) : tr("best.same"));
  const left = best.budgetLeft;
  const notes = [tr(`best.left.${left.reason}`, { amount: f.money(left.amount) })];
  if (best.exact === false) notes.push(tr("best.approximate"));
  $("best-left").textContent = notes.filter(Boolean).join(" ");
  /** @type {HTMLButtonElement} */ ($("use-best")).disabled = changes.length === 0;
}

/** Takes the best mix as the user's own: each tier's share is exactly what its influencers cost. */
function useBest() {
  const best = state.lastComparison?.mixes.find((/** @type {any} */ m) => m.kind === "optimum");
  const budget = /** @type {HTMLInputElement} */ ($("budget")).valueAsNumber;
  if (!best || !(budget > 0)) return;
  state.shares = Object.fromEntries(best.tiers.map((/** @type {any} */ row) => [row.tier, (row.spend / budget) * 100]));
  recompute();
}

// ---------------------------------------------------------------------------------------------
// Uncertainty: simulated in a worker once the inputs settle.

/** @type {ReturnType<typeof backgroundEngine> | null} */
let simulator = null;
let simulationTimer = 0;

/** The engine in a worker of its own, with the module the page compiled. */
function engineWorker() {
  return backgroundEngine(new URL("./engine-worker.js", import.meta.url), engineModule);
}

function scheduleSimulation() {
  clearTimeout(simulationTimer);
  simulationTimer = setTimeout(() => {
    const input = scenario();
    const key = JSON.stringify(input);
    if (state.simulation?.key === key) {
      setText($("certainty-status"), tr("certainty.done", { draws: fmt().count(state.simulation.simulation.draws) }));
      return;
    }
    setText($("certainty-status"), tr("certainty.running", { draws: fmt().count(DRAWS) }));
    // Started only now, after the first result, with the module the page already compiled.
    simulator ??= engineWorker();
    simulator(key, [["simulate", [input, { draws: DRAWS, seed: SEED }]], ["sensitivity", [input]]]).then(receiveSimulation);
  }, 250);
}

/** No bands rather than wrong ones: say so and clear what belonged to older inputs. */
function simulationFailed() {
  state.simulation = null;
  setText($("certainty-status"), tr("certainty.failed"));
  clearCertainty();
  if (state.lastComparison) renderResults(state.lastComparison);
}

function clearCertainty() {
  $("certainty-sentences").replaceChildren();
  $("tornado").replaceChildren();
  fillTable($("tornado-table"), "", [], []);
}

function receiveSimulation(/** @type {any} */ answer) {
  // None: a simulation for newer inputs replaced this one.
  if (!answer) return;
  if (answer.error) {
    simulationFailed();
    return;
  }
  const [simulation, swings] = answer.results;
  state.simulation = { key: answer.key, simulation, swings };
  setText($("certainty-status"), tr("certainty.done", { draws: fmt().count(simulation.draws) }));
  if (state.lastComparison) renderResults(state.lastComparison);
  renderCertainty();
}

function renderCertainty() {
  const sim = state.simulation;
  const comparison = state.lastComparison;
  if (!sim || !comparison || sim.key !== JSON.stringify(scenario())) {
    clearCertainty();
    return;
  }
  const f = fmt();
  const mixes = comparison.mixes;
  const beats = sim.simulation.beats.conversions;
  const plan = (/** @type {any} */ m) => m.tiers.map((/** @type {any} */ t) => t.influencers).join(",");
  const sentence = (/** @type {number} */ i, /** @type {number} */ j) =>
    tr("certainty.beats", { first: label(mixes[i]), second: label(mixes[j]), share: f.share(beats[i][j]) });
  const singles = mixes.map((/** @type {any} */ m, /** @type {number} */ i) => [m, i]).filter(([m]) => m.kind === "single")
    .sort((a, b) => sim.simulation.mixes[b[1]].conversions.p50 - sim.simulation.mixes[a[1]].conversions.p50);
  const sentences = [];
  if (singles.length > 1) sentences.push(sentence(singles[0][1], singles[1][1]));
  const mine = mixes.findIndex((/** @type {any} */ m) => m.kind === "mix");
  const best = mixes.findIndex((/** @type {any} */ m) => m.kind === "optimum");
  if (plan(mixes[mine]) !== plan(mixes[best])) sentences.push(sentence(best, mine));
  // A live region: replace its content only when the words change.
  const list = $("certainty-sentences");
  if ([...list.children].map((li) => li.textContent).join("|") !== sentences.join("|")) {
    list.replaceChildren(...sentences.map((text) => el("li", {}, [text])));
  }

  const metric = { reach: "reach", engagements: "engagements", netValue: "netValue" }[state.goal.objective] ?? "conversions";
  const kind = metric === "netValue" ? "money" : "count";
  const centre = metric === "netValue" ? mixes[mine].revenue - mixes[mine].spend : mixes[mine][metric];
  const rows = sim.swings
    .map((/** @type {any} */ w) => ({ label: tr(`q.${w.quantity}`), low: w.low[metric], high: w.high[metric] }))
    .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low))
    .map((r) => ({ ...r, lowText: formatMetric(kind, r.low), highText: formatMetric(kind, r.high) }));
  const metricName = tr(`metric.${metric}`);
  drawTornado(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($("tornado"))), {
    title: tr("tornado.title", { metric: metricName }),
    description: tr("tornado.desc", { items: rows.map((r) => tr("tornado.item", { quantity: r.label, low: r.lowText, high: r.highText })).join("; ") }),
    width: chartWidth,
    centre,
    rows,
  });
  fillTable($("tornado-table"), tr("tornado.caption", { metric: metricName }), [tr("tornado.assumption"), tr("tornado.low"), tr("tornado.high")],
    rows.map((r) => [r.label, r.lowText, r.highText]));
}

// ---------------------------------------------------------------------------------------------
// Frontier and response curves: one search per point, so computed in a worker once the inputs
// settle.

let chartsTimer = 0;
/** The charts' width, kept up to date by a ResizeObserver so drawing never forces a layout. */
let chartWidth = 600;
/** @type {ReturnType<typeof backgroundEngine> | null} */
let tradeOffsEngine = null;
/** The last answer drawn: `{ key, results: [frontier, curves] }`. @type {any} */
let tradeOffs = null;

function scheduleCharts() {
  clearTimeout(chartsTimer);
  // Numbers for other inputs go at once, not when the answer comes.
  if (tradeOffs?.key !== JSON.stringify(scenario())) emptyTradeOffs(tr("tradeOffs.computing"), true);
  chartsTimer = setTimeout(drawTradeOffs, 120);
}

/** Charts and tables say why they are empty: still computing, or failed. */
function emptyTradeOffs(/** @type {string} */ message, /** @type {boolean} */ busy) {
  $("frontier").closest("section")?.setAttribute("aria-busy", String(busy));
  for (const id of ["frontier", "curves-reach", "curves"]) drawNote(/** @type {any} */ ($(id)), message);
  for (const id of ["frontier", "curves"]) fillTable($(`${id}-table`), `${tr(`${id}.caption`)}${tr("colon")}${message}`, [], []);
}

function drawTradeOffs() {
  const comparison = state.lastComparison;
  // Hidden behind the roster tab, the charts wait: selecting the tier tab draws them.
  if (!comparison || $("panel-tiers").hidden) return;
  const input = scenario();
  const key = JSON.stringify(input);
  if (tradeOffs?.key !== key) {
    tradeOffsEngine ??= engineWorker();
    tradeOffsEngine(key, [["frontier", [input, 21]], ["responseCurves", [input, [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4].map((k) => k * input.budget)]]])
      .then((/** @type {any} */ answer) => {
        // Dropped if the inputs on screen changed since (null: a newer request replaced it).
        if (answer?.key !== JSON.stringify(scenario())) return;
        if (answer.error) emptyTradeOffs(tr("tradeOffs.failed"), false);
        else {
          tradeOffs = answer;
          drawTradeOffs();
        }
      });
    return;
  }
  const started = performance.now();
  const [frontier, curves] = tradeOffs.results;
  const f = fmt();
  const mixes = comparison.mixes;
  const frontierSvg = /** @type {SVGSVGElement} */ (/** @type {unknown} */ ($("frontier")));
  const items = mixes.map((/** @type {any} */ m) => `${label(m)}: ${tr("results.reachBar")} ${f.count(m.reach)}, ${tr("results.conversionsBar")} ${f.count(m.conversions)}.`).join(" ");
  drawXY(frontierSvg, {
    title: tr("frontier.title"),
    description: tr("frontier.desc", { items }),
    width: chartWidth,
    x: { label: tr("results.reachBar"), format: f.compact },
    y: { label: tr("results.conversionsBar"), format: f.compact },
    series: [
      { label: tr("frontier.line"), kind: "line", points: frontier.map((/** @type {any} */ o) => [o.reach, o.conversions]) },
      ...mixes.map((/** @type {any} */ m) => ({ label: label(m), kind: "point", emphasis: m.kind !== "single", points: [[m.reach, m.conversions]] })),
    ],
  });
  fillTable($("frontier-table"), tr("frontier.caption"),
    [tr("frontier.weight"), tr("results.reachBar"), tr("results.conversionsBar"), tr("metric.spend"), ...tiers().map(label)],
    frontier.map((/** @type {any} */ o) => [f.percent(o.lambda), f.count(o.reach), f.count(o.conversions), f.money(o.spend),
      ...o.tiers.map((/** @type {any} */ t) => f.count(t.influencers))]));

  const atBudget = curves.curves.map((/** @type {any} */ c) => `${label(c)} ${tr("curves.atBudget", { budget: f.money(input.budget),
    reach: f.count(c.reach[4]), conversions: f.count(c.conversions[4]) })}.`).join(" ");
  for (const [id, key, axis] of [["curves-reach", "reach", "results.reachBar"], ["curves", "conversions", "results.conversionsBar"]]) {
    const target = /** @type {SVGSVGElement} */ (/** @type {unknown} */ ($(id)));
    drawXY(target, {
      title: `${tr("curves.title")} — ${tr(axis)}`,
      description: tr("curves.desc", { budget: f.money(input.budget), items: atBudget }),
      width: chartWidth,
      x: { label: tr("curves.budget"), format: f.compactMoney },
      y: { label: tr(axis), format: f.compact },
      series: curves.curves.map((/** @type {any} */ c) => ({ label: label(c), kind: /** @type {const} */ ("line"), emphasis: c.kind === "optimum",
        points: curves.budgets.map((/** @type {number} */ b, /** @type {number} */ i) => [b, c[key][i]]) })),
      marker: { x: input.budget, label: f.compactMoney(input.budget) },
    });
  }
  fillTable($("curves-table"), tr("curves.caption"),
    [tr("curves.budget"), ...curves.curves.flatMap((/** @type {any} */ c) => [`${label(c)} — ${tr("results.reachBar")}`, `${label(c)} — ${tr("results.conversionsBar")}`])],
    curves.budgets.map((/** @type {number} */ b, /** @type {number} */ i) => [f.money(b),
      ...curves.curves.flatMap((/** @type {any} */ c) => [f.count(c.reach[i]), f.count(c.conversions[i])])]));
  $("frontier").closest("section")?.setAttribute("aria-busy", "false");
  performance.measure("tiermix:trade-offs", { start: started });
}

function fillTable(/** @type {HTMLElement} */ table, /** @type {string} */ caption, /** @type {string[]} */ head, /** @type {string[][]} */ rows) {
  const t = /** @type {HTMLTableElement} */ (table);
  if (t.caption) setText(t.caption, caption);
  fillRows(t.tHead, head.length ? [head] : [], [], "col");
  fillRows(t.tBodies[0], rows, [], "row");
}

function drawChart(/** @type {any[]} */ mixes) {
  const f = fmt();
  const bands = currentBands();
  const rows = mixes.map((m, i) => {
    const band = bands?.[i];
    return {
      label: label(m),
      highlight: m.kind !== "single",
      values: [m.reach, m.conversions],
      texts: [withBand("count", m.reach, band?.reach), withBand("count", m.conversions, band?.conversions)],
      // On a phone the whiskers show the band; the words stay short enough to share a line.
      shortTexts: [f.count(m.reach), f.count(m.conversions)],
      bands: band ? [[band.reach.p10, band.reach.p90], [band.conversions.p10, band.conversions.p90]] : null,
    };
  });
  const items = rows.map((r) => `${r.label}: ${tr("results.reachBar")} ${r.texts[0]}, ${tr("results.conversionsBar")} ${r.texts[1]}.`).join(" ");
  const svg = /** @type {SVGSVGElement} */ (/** @type {unknown} */ ($("chart")));
  drawBars(svg, {
    title: tr("results.chart"),
    description: tr("results.chartDesc", { items }),
    series: [tr("results.reachBar"), tr("results.conversionsBar")],
    rows,
    width: chartWidth,
  });
}

// ---------------------------------------------------------------------------------------------
// Classify

function renderClassify() {
  const input = /** @type {HTMLInputElement} */ ($("classify-followers"));
  const out = $("classify-result");
  if (input.value === "") {
    out.replaceChildren(el("p", { class: "hint" }, [tr("classify.empty")]));
    return;
  }
  const followers = input.valueAsNumber;
  const scheme = state.customTiers ? { tiers: state.customTiers } : state.schemeId;
  try {
    const mine = engine.classify(followers, scheme);
    const schemeName = state.customTiers ? tr("scheme.custom") : label(preset());
    const main = mine.tier === null
      ? tr("classify.below", { scheme: schemeName })
      : tr("classify.result", { tier: label(tiers()[mine.index]), scheme: schemeName });
    const others = presets.map((p) => {
      const result = engine.classify(followers, p.id);
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

// ---------------------------------------------------------------------------------------------
// The loop: every input recomputes at once.

function recompute() {
  const started = performance.now();
  renderMixStatus();
  try {
    const input = scenario();
    const comparison = engine.compare(input);
    const report = engine.assumptions(input);
    clearError();
    state.lastComparison = comparison;
    state.lastReport = report;
    renderResults(comparison);
    scheduleLink();
    // Navigation → first result, read by scripts/measure-page.mjs.
    if (performance.getEntriesByName("tiermix:first-result").length === 0) performance.mark("tiermix:first-result");
    updateAssumptions(report);
    scheduleCharts();
    scheduleSimulation();
    renderCertainty();
    roster?.changed();
  } catch (error) {
    showError(error);
    clearCertainty();
    // Nothing for invalid inputs; what is still computed for older ones will be dropped.
    emptyTradeOffs(tr("tradeOffs.failed"), false);
  }
  // Read by scripts/bench-page.mjs: the work one keystroke costs.
  performance.measure("tiermix:recompute", { start: started });
}

/** Redraws everything that depends on the language or the scheme; results come first. */
function renderLambda() {
  const f = fmt();
  const text = tr("goal.lambdaValue", { persuasion: f.percent(state.goal.lambda), reach: f.percent(1 - state.goal.lambda) });
  setText($("lambda-value"), text);
  $("lambda").setAttribute("aria-valuetext", text);
}

function rebuild() {
  translatePage();
  roster?.translate();
  renderLambda();
  buildMix();
  buildThresholds();
  recompute();
  renderClassify();
  try {
    // The panel's structure comes from the defaults, so it can be drawn even while one of the
    // user's overrides is invalid; the user's own values are then put back into their fields.
    buildAssumptions(engine.assumptions({ ...scenario(), overrides: {} }));
  } catch (error) {
    showError(error);
  }
}

function wire() {
  // Leaving the page within the pause keeps the latest scenario in its history entry (Back
  // returns to it); a reload within the pause reopens the previous address.
  addEventListener("pagehide", flushLink);
  $("budget").addEventListener("input", recompute);
  $("currency").addEventListener("change", () => { buildMix(); recompute(); });
  $("scheme").addEventListener("change", () => {
    state.schemeId = /** @type {HTMLSelectElement} */ ($("scheme")).value;
    state.customTiers = null;
    state.overrides = {};
    state.lastReport = null;
    evenShares();
    rebuild();
  });
  $("mix").addEventListener("input", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const tier = input.dataset.tier;
    if (!tier) return;
    if (input.type === "number" && input.value === "") state.shares[tier] = 0;
    else setShare(tier, input.valueAsNumber);
    recompute();
  });
  $("mix").addEventListener("change", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    if (input.type === "number") renderMixStatus();
  });
  $("mix-even").addEventListener("click", () => { evenShares(); recompute(); });
  for (const radio of document.querySelectorAll('input[name="goal"]')) {
    radio.addEventListener("change", () => {
      state.goal.objective = /** @type {HTMLInputElement} */ (radio).value;
      $("lambda-field").hidden = state.goal.objective !== "blend";
      recompute();
    });
  }
  $("lambda").addEventListener("input", () => {
    state.goal.lambda = /** @type {HTMLInputElement} */ ($("lambda")).valueAsNumber / 100;
    renderLambda();
    recompute();
  });
  $("max-hours").addEventListener("input", () => {
    const input = /** @type {HTMLInputElement} */ ($("max-hours"));
    state.maxHours = input.value === "" ? NaN : input.valueAsNumber;
    recompute();
  });
  $("use-best").addEventListener("click", useBest);
  $("share").addEventListener("click", copyLink);
  $("embed").addEventListener("click", () => openEmbed().catch(showError));
  $("mix-fill").addEventListener("click", () => { fillShares(); recompute(); });
  $("threshold-fields").addEventListener("input", () => { readThresholds(); buildMix(); recompute(); renderClassify(); });
  $("thresholds-reset").addEventListener("click", () => {
    state.customTiers = null;
    buildThresholds();
    buildMix();
    recompute();
    renderClassify();
  });
  $("assumptions").addEventListener("input", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    if (input.dataset.global) readGlobal(input);
    else if (input.dataset.quantity) readOverride(input);
    recompute();
  });
  $("assumptions").addEventListener("change", () => recompute());
  $("assumptions-reset").addEventListener("click", () => { state.overrides = {}; state.globals = {}; state.lastReport = null; rebuild(); });
  $("classify-followers").addEventListener("input", renderClassify);
  for (const button of document.querySelectorAll(".lang-button")) {
    button.addEventListener("click", () => {
      const lang = pickLang(button.getAttribute("data-lang"));
      wantedLang = lang;
      useLang(lang).then(() => {
        // Only the last click counts, whichever language finished loading last.
        if (wantedLang !== lang) return;
        state.lang = lang;
        rebuild();
      }, showError);
    });
  }
  new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width;
    // Zero while the tier panel is hidden behind the roster tab: nothing to redraw until it shows.
    if (!width) return;
    chartWidth = width;
    if (!state.lastComparison) return;
    drawChart(state.lastComparison.mixes);
    scheduleCharts();
    renderCertainty();
  }).observe($("chart").parentElement ?? document.body);
}

// ---------------------------------------------------------------------------------------------
// Sharing: the scenario lives in the URL fragment.

let linkTimer = 0;
/** The link's reader and writer, loaded when the page first has a link to read or write. @type {ReturnType<typeof import("./page/link.js").createLink> | undefined} */
let share;
const loadShare = async () => {
  const { createLink } = await import("./page/link.js");
  return (share ??= createLink({
    state, tr, tiers, preset, evenShares, scenario,
    presets: () => presets,
    compare: (/** @type {any} */ input) => engine.compare(input),
  }));
};
/** Set once start-up is over: from then on, a recompute is a change the address must follow. */
let started = false;

/**
 * Keeps the address bar's link on the scenario once typing pauses: history.replaceState took
 * a fifth of each keystroke's work, and browsers throttle pages that call it too often.
 */
function scheduleLink() {
  clearTimeout(linkTimer);
  linkTimer = 0;
  if (!share) {
    // A page opened without a link shows the default scenario at an address that already says
    // so: the link module loads with the first change, not with the page.
    if (started) void loadShare().then(scheduleLink);
    return;
  }
  linkTimer = setTimeout(writeLink, 250);
}

function writeLink() {
  clearTimeout(linkTimer);
  linkTimer = 0;
  if (share) history.replaceState(null, "", `#${share.fragment()}`);
}

/** Writes a link still waiting for the pause, before it is read or the page is left. */
function flushLink() {
  if (linkTimer) writeLink();
}

/** The Embed dialog, loaded on its first opening. @type {ReturnType<typeof import("./page/embed.js").createEmbed> | undefined} */
let embed;

async function openEmbed() {
  const { createEmbed } = await import("./page/embed.js");
  embed ??= createEmbed({
    tr,
    lang: () => state.lang,
    shared: async () => {
      const link = await loadShare();
      flushLink();
      return link.current();
    },
  });
  await embed.open();
}

async function copyLink() {
  await loadShare();
  flushLink();
  try {
    await navigator.clipboard.writeText(location.href);
    setText($("share-status"), tr("share.copied"));
  } catch {
    setText($("share-status"), tr("share.manual", { url: location.href }));
  }
}

/** The two views of the results, as an ARIA tab set: arrows move between tabs. */
function wireTabs() {
  const tabs = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[role=tab]")]);
  const select = (/** @type {HTMLElement} */ tab) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute("aria-selected", String(on));
      other.tabIndex = on ? 0 : -1;
      $(other.getAttribute("aria-controls") ?? "").hidden = !on;
    }
    // Charts measure their width: draw them once they can be seen.
    if (tab.id === "tab-tiers") scheduleCharts();
    if (tab.id === "tab-roster") loadRoster().catch((error) => showError(error));
  };
  for (const [index, tab] of tabs.entries()) {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      const next = tabs[(index + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  }
}

/** Every chart can be saved as SVG or PNG, as drawn (the buttons are translated with the page). */
function wireChartDownloads() {
  for (const figure of document.querySelectorAll("figure.chart")) {
    const root = /** @type {SVGSVGElement | null} */ (figure.querySelector("svg"));
    if (!root) continue;
    figure.append(el("div", { class: "chart-download" }, ["svg", "png"].map((format) =>
      el("button", { type: "button", "data-download": format, "data-i18n": `chart.${format}` }, [tr(`chart.${format}`)]))));
    figure.addEventListener("click", async (event) => {
      const format = /** @type {HTMLElement} */ (event.target).closest("button[data-download]")?.getAttribute("data-download");
      if (!format) return;
      const name = `tiermix-${root.id}.${format}`;
      try {
        // Only someone who saves a chart pays for the code that does it.
        const { pngBlob, svgDocument } = await import("./chart-export.js");
        save(format === "svg" ? new Blob([svgDocument(root)], { type: "image/svg+xml" }) : await pngBlob(root), name);
      } catch (error) {
        showError(error);
      }
    });
  }
}

/**
 * Loads the candidates tab on first use: most visitors never open it, so the first result does
 * not wait for its code. Its controls stay disabled until it is wired.
 */
async function loadRoster() {
  if (roster) return;
  const { createRoster } = await import("./roster.js");
  roster ??= createRoster({
    tr,
    fmt,
    lang: () => state.lang,
    scenario,
    tierLabel: (/** @type {string} */ id) => {
      const tier = tiers().find((t) => t.id === id);
      return tier ? label(tier) : id;
    },
    bestTierMix: () => state.lastComparison?.mixes.find((/** @type {any} */ m) => m.kind === "optimum") ?? null,
    metrics: /** @type {[string, string][]} */ (METRICS.filter(([key]) => ["influencers", "spend", "reach", "engagements", "conversions", "costPerConversion", "workloadHours"].includes(key))),
    formatMetric,
  });
  for (const control of document.querySelectorAll("#panel-roster [disabled]")) control.removeAttribute("disabled");
}

/** The language the reader asked for last. @type {"en" | "fr"} */
let wantedLang = state.lang;

/** Loads a language's sentences and the sources' notes in it, once each. @param {"en" | "fr"} lang */
async function useLang(lang) {
  const [, languageNotes] = await Promise.all([loadLang(lang), loadNotes(lang)]);
  notes[lang] = languageNotes;
}

async function start() {
  // A shared link may name the other language: its sentences load before the link is read,
  // since reading it may already have something to say.
  const loading = Promise.all([loadEngine(), compiledEngine()]);
  // Handled below, after the link is read; this keeps an early failure from counting as unhandled.
  loading.catch(() => {});
  const link = location.hash.length > 1 ? (await loadShare()).read(location.hash) : null;
  const linkedLang = link?.shared.lang;
  [[engine, engineModule]] = await Promise.all([loading, useLang(linkedLang ? pickLang(linkedLang) : state.lang)]);
  presets = engine.presets();
  evenShares();
  if (link) share?.apply(link);
  wantedLang = state.lang;
  wire();
  wireTabs();
  wireChartDownloads();
  rebuild();
  $("app").setAttribute("aria-busy", "false");
  document.documentElement.dataset.ready = "true";
  started = true;
}

start().catch(async (error) => {
  // The error is said in the reader's language when its sentences load, else by its key.
  await loadLang(state.lang).catch(() => {});
  showError(error);
  $("app").setAttribute("aria-busy", "false");
});
