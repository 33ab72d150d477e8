// The one module that talks to the wasm packages. Everything the page shows is computed there.
//
// Three builds of one engine, each loaded when first needed: `start.js`, what the page draws
// its first result with (presets, classify, evaluate, and compare's mixes without the optimum),
// loads first; `calculator.js`, every function but the roster ones, answers the optimum, the
// assumptions and everything else after the first result, on the page and in its workers (the
// simulation, the trade-off charts), fetched and compiled once for all of them; `tiermix.js`, the
// whole API, only where rosters are read.
import init, * as core from "../pkg/start.js";
import facts from "../pkg/facts.js";

/** @type {Promise<WebAssembly.Module> | undefined} */
let compiledWorkers;
/** @type {Promise<typeof core> | undefined} */
let ready;
/** @type {Promise<typeof import("../pkg/calculator.js")> | undefined} */
let calculator;
/** calculator.js on the page's own thread, once loaded there. @type {typeof import("../pkg/calculator.js") | null} */
let here = null;
/** @type {Promise<typeof import("../pkg/calculator.js")> | undefined} */
let hereLoaded;
/** @type {Promise<typeof import("../pkg/tiermix.js")> | undefined} */
let whole;

/** Fetches and compiles a module once. @param {URL} url */
async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A host that serves .wasm with another MIME type: compile from the bytes instead.
    const response = await fetch(url);
    if (!response.ok) throw new Error(`failed to fetch ${url.pathname}: ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}


/** The calculator's module (calculator_bg.wasm), fetched and compiled once, for the page and its workers. */
function compiledWorkerEngine() {
  compiledWorkers ??= compile(new URL("../pkg/calculator_bg.wasm", import.meta.url));
  return compiledWorkers;
}

/** Loads the page's first module (start_bg.wasm) once; every caller shares the same instance. */
export function loadEngine() {
  ready ??= compile(new URL("../pkg/start_bg.wasm", import.meta.url))
    .then((compiledModule) => init({ module_or_path: compiledModule }))
    .then(() => core);
  return ready;
}

/**
 * Loads calculator.js once, from the module its page compiled (a worker is handed it, so the
 * file is neither fetched nor compiled twice) or else from its file.
 * @param {WebAssembly.Module} [module]
 */
export function loadCalculator(module) {
  calculator ??= import("../pkg/calculator.js").then(async (loaded) => {
    await loaded.default({ module_or_path: module ?? new URL("../pkg/calculator_bg.wasm", import.meta.url) });
    return loaded;
  });
  return calculator;
}

/** calculator.js on this thread, from the module its workers are handed: fetched and compiled once. */
export const loadCalculatorHere = () => (hereLoaded ??= compiledWorkerEngine().then(loadCalculator).then((loaded) => (here = loaded)));
/** calculator.js on this thread if it has loaded, else null. */
export const calculatorHere = () => here;

/**
 * The default scenario's optimum as the build's engine computed it, written into the served page
 * beside its drawing (scripts/build/prerender.mjs, `#built-optimum`), with the inputs it is the
 * optimum of.
 * @param {string | null | undefined} text @returns {{ key: string, optimum: Outcome } | null}
 */
export function builtOptimum(text) {
  if (!text) return null;
  const { scenario, optimum } = JSON.parse(text);
  return { key: JSON.stringify(scenario), optimum };
}

/**
 * What the page asks on its main thread: calculator.js once it has loaded, else the first
 * module, whose comparison lacks the optimum unless the build computed it for these very inputs.
 * @param {typeof core} first @param {ReturnType<typeof builtOptimum>} built @returns {Engine}
 */
export const stagedEngine = (first, built) => ({
  presets: () => first.presets(),
  classify: (followers, scheme) => (here ?? first).classify(followers, scheme),
  compare(scenario) {
    if (here) return here.compare(scenario);
    const known = built && built.key === JSON.stringify(scenario) ? [structuredClone(built.optimum)] : [];
    return { mixes: [...first.compareMixes(scenario).mixes, ...known] };
  },
  optimize(scenario, goal) {
    if (!here) throw new Error("the calculator is still loading");
    return here.optimize(scenario, goal);
  },
});

/**
 * The engine in a worker (engine-worker.js at `url`), for long calls: answers `{ key, results |
 * error }`, or null if that request is under way or a newer one ended the worker, busy for
 * inputs gone from the screen. The worker runs calculator.js, which the page fetches and
 * compiles once, when the first request is made, and posts to it.
 * @param {URL} url
 */
export function backgroundEngine(url) {
  /** @type {Worker | null} */
  let worker = null;
  /** @type {PendingAsk | null} */
  let pending = null;
  const settle = (/** @type {EngineAnswer | null} */ answer) => {
    pending?.resolve(answer);
    pending = null;
  };
  const stop = (/** @type {EngineAnswer | null} */ answer) => {
    worker?.terminate();
    worker = null;
    settle(answer);
  };
  /** @param {string} key @param {EngineAsk["calls"]} calls @returns {Promise<EngineAnswer | null>} */
  return (key, calls) => {
    if (pending?.key === key) return Promise.resolve(null);
    if (pending) stop(null);
    if (!worker) {
      worker = new Worker(url, { type: "module" });
      worker.onmessage = ({ data }) => data.key === pending?.key && settle(data);
      worker.onerror = () => stop(pending && { key: pending.key, error: "the worker failed" });
    }
    const asked = worker;
    const answer = new Promise((resolve) => (pending = { key, resolve }));
    compiledWorkerEngine().then(
      (module) => asked.postMessage({ key, calls, module }),
      () => pending?.key === key && stop({ key, error: "the engine could not be loaded" }),
    );
    return /** @type {Promise<EngineAnswer | null>} */ (answer);
  };
}

/**
 * The path of the input an engine error names (its `field`, e.g. `mix.shares.micro`), or ""
 * for any other error.
 * @param {unknown} error
 */
export const errorField = (error) => (error instanceof Error && "field" in error ? String(error.field) : "");

/** Loads the whole module, with `parseRoster` and `pickRoster`, once. */
export function loadRosterEngine() {
  whole ??= import("../pkg/tiermix.js").then(async (tiermix) => {
    await tiermix.default({ module_or_path: new URL("../pkg/tiermix_bg.wasm", import.meta.url) });
    return tiermix;
  });
  return whole;
}

/** @type {{ en?: Promise<Record<string, string>>, fr?: Promise<Record<string, string>> }} */
const notes = {};

/**
 * The sources' explanatory notes in one language, `{ id: note }`, written by the build next to
 * the module (each name spelled out, so `make dist` can find and rename both files).
 * @param {"en" | "fr"} lang
 */
export function loadNotes(lang) {
  const url = lang === "fr" ? new URL("../pkg/sources.fr.json", import.meta.url) : new URL("../pkg/sources.en.json", import.meta.url);
  notes[lang] ??= fetch(url)
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  return /** @type {Promise<Record<string, string>>} */ (notes[lang]);
}

// The engine's defaults, ids, units and limits are in pkg/facts.js, written by the build from
// the engine itself. What follows is the page's own choice of what to show.

/**
 * The unit of an input the engine names by id, a quantity or a global; undefined for any other.
 * @param {string} id @returns {import("../pkg/facts.js").Unit | undefined}
 */
export const unitOf = (id) => [...facts.quantities, ...facts.globals].find((fact) => fact.id === id)?.unit;
/** Shares (0…1) and factors (around 1) are shown and typed as percentages. */
export const isPercent = (/** @type {import("../pkg/facts.js").Unit | undefined} */ unit) => unit === "share" || unit === "factor";

/** @typedef {import("../pkg/calculator.js").Outcome} Outcome */
/**
 * The outcomes of a mix the page shows, each with how it is written.
 * @type {[keyof Outcome, MetricKind][]}
 */
export const METRICS = [
  ["influencers", "count"], ["spend", "money"], ["unspent", "money"], ["reach", "count"], ["reachShare", "percent"],
  ["frequency", "number"], ["engagements", "count"], ["conversions", "count"], ["revenue", "money"], ["roi", "roi"],
  ["costPerThousandReached", "money"], ["costPerEngagement", "money"], ["costPerConversion", "money"], ["workloadHours", "count"],
];
/** @type {(keyof Outcome & keyof import("../pkg/calculator.js").MixBands)[]} */
const BANDS = ["spend", "reach", "engagements", "conversions", "roi", "costPerConversion"];
/** The outputs the page shows with their simulated band. @type {ReadonlySet<string>} */
export const BANDED = new Set(BANDS);
