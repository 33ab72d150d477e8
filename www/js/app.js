// The calculator page: starts it and wires its sections (page/*.js), each created with the page
// object and keeping its own state. No model arithmetic happens here; the only numbers handled
// are the user's own (percent shares, thresholds) and display conversions.
import { $ } from "./dom.js";
import facts from "../pkg/facts.js";
import { backgroundEngine, builtOptimum, calculatorHere, loadCalculatorHere, loadEngine, stagedEngine } from "./engine.js";
import { loadLang, pickLang, t } from "./i18n.js";
import { formatters } from "./format.js";
import { changedEarly, createErrors, createLanguage, replay, wireChartDownloads, wireTabs } from "./page/shell.js";
import { createAssumptions, createClassify, createGoal, createMix, renderScheme } from "./page/inputs.js";
import { createResults, createTradeOffs } from "./page/results.js";
import { createCertainty } from "./page/certainty.js";

/** @type {PageState} */
const state = {
  lang: pickLang(new URLSearchParams(location.search).get("lang") ?? navigator.language),
  schemeId: facts.defaults.scheme,
  customTiers: null,
  shares: {},
  overrides: {},
  globals: {},
  goal: { ...facts.defaults.goal },
  maxHours: NaN,
  limits: {},
};

const tr = (/** @type {string} */ key, /** @type {Record<string, string>} */ values = {}) => t(state.lang, key, values);
const budgetInput = /** @type {HTMLInputElement} */ ($("budget"));
const currencySelect = /** @type {HTMLSelectElement} */ ($("currency"));

/** @type {Page} */
const page = {
  state,
  engine: /** @type {Engine} */ ({}),
  presets: [],
  input: /** @type {PageScenario} */ ({}),
  inputKey: "",
  comparison: null,
  report: null,
  chartWidth: 600,
  tr,
  fmt: () => formatters(state.lang, currencySelect.value),
  label: (item) => item.label[state.lang],
  preset: () => page.presets.find((p) => p.id === state.schemeId) ?? page.presets[0],
  tiers: () => state.customTiers ?? page.preset().tiers,
  readScenario() {
    const scheme = state.customTiers ? { tiers: state.customTiers } : state.schemeId;
    const shares = Object.fromEntries(page.tiers().map((tier) => [tier.id, (state.shares[tier.id] ?? 0) / 100]));
    return {
      budget: budgetInput.valueAsNumber,
      currency: currencySelect.value,
      scheme,
      mix: { shares },
      overrides: state.overrides,
      goal: { objective: state.goal.objective, lambda: state.goal.lambda, ...(Number.isNaN(state.maxHours) ? {} : { maxHours: state.maxHours }),
        ...(Object.keys(state.limits).length ? { limits: state.limits } : {}) },
      ...state.globals,
    };
  },
  evenShares: () => sections.mix.even(),
  formatMetric: (kind, value) => (value === null ? tr("metric.none") : page.fmt()[kind](value)),
  citation: (source) => language.citation(source),
  showError: (error) => errors.show(error),
  recompute,
  rebuild,
  engineWorker: () => backgroundEngine(new URL("./engine-worker.js", import.meta.url)),
};

const errors = createErrors({ tr, lang: () => state.lang, fmt: () => page.fmt(), words: () => language.addPart("errors"),
  hasResults: () => page.comparison !== null });
const language = createLanguage({ state, tr, showError: page.showError, chosen: rebuild });

/** The link's reader and writer, loaded when the page first has a link to read or write. @type {Link | undefined} */
let link;
/** Set once start-up is over: from then on, a change is one the address must follow. */
let following = false;
async function loadLink() {
  const [{ createLink }] = await Promise.all([import("./page/link.js"), language.addPart("link")]);
  return (link ??= createLink(page));
}
/** The candidates tab, loaded the first time it is opened. @type {Candidates | undefined} */
let candidates;

/** The thresholds editor, loaded when its panel first opens or a link edits the thresholds. @type {Thresholds | undefined} */
let thresholds;
/** @type {Promise<void> | undefined} */
let thresholdsLoaded;
function loadThresholds() {
  return (thresholdsLoaded ??= import("./page/thresholds.js").then(({ createThresholds }) => {
    thresholds = createThresholds(page, () => {
      sections.mix.build();
      recompute();
      sections.classify.render();
    });
    thresholds.build();
  }));
}

/** "Limits per tier" and the benchmarks, each loaded when its panel first opens (a link with limits opens theirs). @type {Limits | undefined} */
let limits;
/** @type {Benchmarks | undefined} */
let benchmarks;
const withMoney = (/** @type {Promise<any>} */ module) => Promise.all([module, language.addPart("money")]).then(([loaded]) => loaded);
function loadLimits() {
  return withMoney(import("./page/limits.js")).then(({ createLimits }) => (limits ??= createLimits(page)).build());
}
function loadBenchmarks() {
  return withMoney(import("./page/benchmarks.js")).then(({ createBenchmarks }) => (benchmarks ??= createBenchmarks(page)).render());
}

/** The sections that need the engine, created once it is loaded. @type {Sections} */
let sections;

function createSections() {
  sections = {
    mix: createMix(page),
    goal: createGoal(page),
    assumptions: createAssumptions(page, () => {
      page.report = null;
      rebuild();
    }),
    results: createResults(page),
    certainty: createCertainty(page, showResults),
    tradeOffs: createTradeOffs(page),
    classify: createClassify(page),
  };
}

/** The results for the last valid inputs, with the simulation's bands if it was run for them. */
function showResults() {
  if (page.comparison) sections.results.render(page.comparison, sections.certainty.bands());
}

/**
 * Every input change ends here: the scenario is read once, the engine asked once, and the answer
 * handed to each section that shows it. The simulation answers later: the certainty section then
 * renders itself and the results read its bands.
 */
function recompute() {
  const started = performance.now();
  const { mix, results, assumptions, tradeOffs, certainty } = sections;
  mix.renderStatus();
  page.input = page.readScenario();
  page.inputKey = JSON.stringify(page.input);
  try {
    const comparison = page.engine.compare(page.input);
    const report = calculatorHere()?.assumptions(page.input) ?? null;
    errors.clear();
    page.comparison = comparison;
    page.report = report;
    results.render(comparison, certainty.bands());
    // Without a link, the address already says the default scenario: the link module loads with
    // the first change.
    if (link) link.schedule();
    else if (following) void loadLink().then((loaded) => loaded.schedule());
    // Navigation → first result, read by scripts/bench/measure-page.mjs.
    if (performance.getEntriesByName("tiermix:first-result").length === 0) performance.mark("tiermix:first-result");
    if (report) assumptions.update(report);
    benchmarks?.render();
    tradeOffs.schedule();
    certainty.follow();
    candidates?.changed();
  } catch (error) {
    errors.show(error);
    certainty.clear();
    // Nothing for invalid inputs; what is still computed for older ones will be dropped.
    tradeOffs.empty(tr("tradeOffs.failed"), false);
  }
  // Read by scripts/bench/bench-page.mjs: the work one keystroke costs.
  performance.measure("tiermix:recompute", { start: started });
}

/**
 * Redraws everything that depends on the language or the scheme; results come first. `adopting`:
 * the first drawing over the served page's own (prerendered for the default scenario, in
 * English), whose scheme list, mix rows and classify hint are the ones it would draw: kept, so
 * nothing the reader already sees is drawn again (the engine's answer changes only what it changes).
 */
function rebuild(adopting = false) {
  language.translatePage();
  if (!adopting) renderScheme(page);
  candidates?.translate();
  sections.goal.renderLambda();
  if (adopting) sections.mix.renderStatus();
  else sections.mix.build();
  thresholds?.build();
  limits?.build();
  recompute();
  if (!adopting) sections.classify.render();
  buildAssumptions();
}

/** The assumptions panel, drawn once calculator.js can report them; until then, team fields drawn for other words or tiers are held unseen. */
function buildAssumptions() {
  const calculator = calculatorHere();
  if (!calculator) return sections.assumptions.holdIfStale();
  try {
    // The panel's structure comes from the defaults, so it can be drawn even while one of the
    // user's overrides is invalid; the user's own values are then put back into their fields.
    sections.assumptions.build(calculator.assumptions({ ...page.input, overrides: {} }));
  } catch (error) {
    errors.show(error);
  }
}

function openCandidates() {
  import("./page/candidates.js").then(async ({ createCandidates }) => {
    candidates ??= createCandidates(page, language.addPart);
    await candidates.load();
  }).catch(errors.show);
}

function wire() {
  budgetInput.addEventListener("input", recompute);
  currencySelect.addEventListener("change", () => { sections.mix.build(); recompute(); });
  $("scheme").addEventListener("change", () => {
    state.schemeId = /** @type {PresetId} */ (/** @type {HTMLSelectElement} */ ($("scheme")).value);
    state.customTiers = null;
    state.overrides = {};
    state.limits = {};
    page.report = null;
    sections.mix.even();
    rebuild();
  });
  $("thresholds").addEventListener("toggle", () => loadThresholds().catch(errors.show), { once: true });
  $("limits").addEventListener("toggle", () => loadLimits().catch(errors.show), { once: true });
  $("benchmarks").addEventListener("toggle", () => loadBenchmarks().catch(errors.show), { once: true });
  $("mix-complete").addEventListener("click", () => Promise.all([withMoney(import("./page/complete.js")), loadCalculatorHere()]).then(([{ completeMix }]) => completeMix(page)).catch(errors.show));
  language.wire();
  // Leaving the page within the pause keeps the latest scenario in its history entry (Back
  // returns to it); a reload within the pause reopens the previous address.
  addEventListener("pagehide", () => link?.flush());
  // Another scenario's link opened in this page (an example, a pasted address) opens as a fresh
  // page would, in the language being read. The page's own writes (replaceState) never land here.
  addEventListener("hashchange", () => {
    if (!/(^#|&)lang=/.test(location.hash)) history.replaceState(null, "", `${location.hash}&lang=${state.lang}`);
    location.reload();
  });
  $("share").addEventListener("click", () => loadLink().then((loaded) => loaded.copy()));
  $("embed").addEventListener("click", () => loadLink().then((loaded) => loaded.openEmbed()).catch(errors.show));
  // Charts measure their width: draw them once they can be seen.
  wireTabs({ tiersShown: () => sections.tradeOffs.schedule(), rosterShown: openCandidates });
  wireChartDownloads(page);
  new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width;
    // Zero while the tier panel is hidden behind the roster tab: nothing to redraw until it shows.
    if (!width) return;
    page.chartWidth = width;
    if (!page.comparison) return;
    sections.results.drawChart(page.comparison.mixes, sections.certainty.bands());
    sections.tradeOffs.schedule();
    sections.certainty.render();
  }).observe($("chart").parentElement ?? document.body);
}

async function start() {
  // A link may name the other language, loaded before the link is read: reading may say something.
  const loading = loadEngine();
  // Handled below; this keeps an early failure from counting as unhandled.
  loading.catch(() => {});
  const linked = location.hash.length > 1 ? (await loadLink()).read(location.hash) : null;
  const linkedLang = linked?.shared.lang;
  const [first] = await Promise.all([loading, language.use(linkedLang ? pickLang(linkedLang) : state.lang)]);
  page.engine = stagedEngine(first, builtOptimum(document.getElementById("built-optimum")?.textContent));
  const early = linked ? [] : changedEarly($("app"));
  const focused = document.activeElement?.id ?? "";
  // Drawn by the build for the default scenario in English; a link or another language draws anew.
  const prerendered = !linked && state.lang === "en" && document.querySelector("[data-prerendered]") !== null;
  page.presets = page.engine.presets();
  createSections();
  sections.mix.even();
  if (linked) link?.apply(linked);
  // Set-up and first drawing in two tasks: neither holds the main thread long.
  await (state.customTiers ? loadThresholds() : new Promise((go) => setTimeout(go)));
  wire();
  // A link's limits are shown where they can be changed.
  if (Object.keys(state.limits).length) /** @type {HTMLDetailsElement} */ ($("limits")).open = true;
  rebuild(prerendered);
  replay(early, focused);
  // The build's drawings are replaced by the page's own, at the reader's width.
  for (const drawing of document.querySelectorAll("[data-prerendered]")) drawing.removeAttribute("data-prerendered");
  $("app").setAttribute("aria-busy", "false");
  document.documentElement.dataset.ready = "true";
  following = true;
  // After the first result, calculator.js (compiled once for the page and its workers) answers
  // the optimum, already known for the served page's own inputs, then the assumptions panel.
  loadCalculatorHere().then(recompute).then(() => setTimeout(() => {
    buildAssumptions();
    document.documentElement.dataset.calculator = "ready";
  }), errors.show);
}

start().catch(async (error) => {
  // The error is said in the reader's language when its sentences load, else by its key.
  await loadLang(state.lang).catch(() => {});
  errors.show(error);
  $("app").setAttribute("aria-busy", "false");
});
