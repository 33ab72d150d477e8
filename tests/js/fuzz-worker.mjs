// One build of the module under the API fuzz test (fuzz.test.mjs). It runs in a worker so the
// test can stop a call that never returns. It makes calls `from` … `to` until the deadline,
// judges each one, checks a few valid answers against those it recorded at start-up, and
// reports every failure to the test. Counts live in shared memory, so a stopped worker's
// calls still count.
import { parentPort, workerData } from "node:worker_threads";
import { isDeepStrictEqual } from "node:util";
import { call, handMade } from "./fuzz-calls.mjs";
import { describe } from "./fuzz-values.mjs";

const { build, wasm, seed, from, to, deadline, counters, clock, slots, limits, checkEvery } = workerData;
const count = new Int32Array(counters);
const startedAt = new Float64Array(clock);
const slot = Object.fromEntries(slots.map((name, i) => [name, i]));
const now = () => performance.timeOrigin + performance.now();

const api = await import(new URL(`../../www/pkg/${build}.js`, import.meta.url));
api.initSync({ module: wasm });

const functions = Object.keys(api).filter((name) => typeof api[name] === "function" && !["default", "initSync"].includes(name)).sort();
const ctx = { functions, heavy: build === "tiermix", presets: api.presets().map((p) => ({ id: p.id, tiers: p.tiers.map((t) => t.id) })) };
const cases = handMade(ctx);

// --- Reference answers ----------------------------------------------------------------------

const SCENARIO = { budget: 20000, scheme: "fr2018", mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } }, overrides: { "*": { realShare: 0.8 } } };
const ROSTER = "handle,followers,engagement rate,fee\nalice,12500,2.5%,200\nbob,800,,\ncarol,150000,1.1%,2500\n";

function errorOf(run) {
  try {
    run();
    return "no error";
  } catch (e) {
    return e instanceof Error ? { name: e.name, message: e.message, field: e.field } : { thrown: describe(e) };
  }
}

const CANARY = [
  ["classify(4200)", () => api.classify(4200)],
  ["evaluate(reference scenario)", () => api.evaluate(SCENARIO)],
  ["the error of evaluate({ budget: -5 })", () => errorOf(() => api.evaluate({ budget: -5 }))],
];
const REFERENCES = [
  ...CANARY,
  ["presets()", () => api.presets()],
  ["classify(20000, custom scheme)", () => api.classify(20000, { tiers: [{ id: "small", minFollowers: 0 }, { id: "big", minFollowers: 10000 }] })],
  ["classifyMany(Float64Array)", () => api.classifyMany(new Float64Array([0, 999, 1000, 100001, 5e9]))],
  ["assumptions(reference scenario)", () => api.assumptions(SCENARIO)],
  ["compare(reference scenario)", () => api.compare(SCENARIO)],
  ["compareMixes(reference scenario)", () => api.compareMixes(SCENARIO)],
  ["optimize(reference scenario, blend)", () => api.optimize(SCENARIO, { objective: "blend", lambda: 0.5, limits: { micro: { maxCount: 40 } } })],
  ["frontier(reference scenario, 5)", () => api.frontier(SCENARIO, 5)],
  ["responseCurves(reference scenario)", () => api.responseCurves(SCENARIO, [0, 10000, 40000])],
  ["simulate(reference scenario, 200 draws)", () => api.simulate(SCENARIO, { draws: 200, seed: 7 })],
  ["sensitivity(reference scenario)", () => api.sensitivity(SCENARIO)],
  ["parseRoster(reference roster)", () => api.parseRoster(ROSTER)],
  ["pickRoster(reference roster)", () => api.pickRoster(api.parseRoster(ROSTER), { budget: 3000 }, { objective: "conversions" })],
].filter(([name]) => functions.includes(name.slice(0, name.indexOf("("))) || name.startsWith("the error"));

const recorded = new Map(REFERENCES.map(([name, run]) => [name, run()]));

/** Where two answers first differ, in a few words. */
function difference(got, expected, path = "") {
  if (isDeepStrictEqual(got, expected)) return null;
  const bothObjects = got !== null && expected !== null && typeof got === "object" && typeof expected === "object";
  if (bothObjects && Array.isArray(got) === Array.isArray(expected)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(got)])) {
      const inner = difference(got[key], expected[key], `${path}.${key}`);
      if (inner) return inner;
    }
  }
  return `${path || "the answer"} is ${describe(got)}, recorded ${describe(expected)}`;
}

/** The first reference that no longer gets its recorded answer, or null. */
function recheck(list) {
  for (const [name, run] of list) {
    let got;
    try {
      got = run();
    } catch (e) {
      return `${name} threw ${isError(e) ? `${e.name}: ${e.message.slice(0, 200)}` : describe(e)}`;
    }
    const diff = difference(got, recorded.get(name));
    if (diff) return `${name}: ${diff}`;
  }
  return null;
}

// --- Judging one call -----------------------------------------------------------------------

const safely = (test) => { try { return test(); } catch { return false; } };
const isTrap = (e) => safely(() => e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message)));
const isError = (e) => safely(() => e instanceof Error);

function judge(thrown, threw, ms) {
  const found = [];
  if (threw && isTrap(thrown)) found.push(["traps", `${thrown.name}: ${thrown.message}`]);
  else if (threw && !isError(thrown)) found.push(["nonErrorThrows", `threw ${describe(thrown)}, not an Error`]);
  else if (threw && (typeof thrown.message !== "string" || thrown.message.length > limits.message)) {
    found.push(["longMessages", `an error message of ${thrown.message?.length} characters: ${describe(String(thrown.message).slice(0, 80))}`]);
  }
  if (ms > limits.callMs) found.push(["slowCalls", `took ${Math.round(ms)} ms`]);
  return found;
}

function report(category, n, label, detail) {
  Atomics.add(count, slot[category], 1);
  parentPort.postMessage({ type: "failure", category, n, from, label, detail });
}

// --- The run --------------------------------------------------------------------------------

parentPort.postMessage({ type: "ready", ctx, handMade: cases.length });

let n = from;
let sinceCheck = 0;
let restart = false;
for (; n < to && now() < deadline && !restart; n++) {
  let planned;
  let args;
  try {
    planned = call(seed, n, ctx, cases);
    args = await planned.args();
  } catch (e) {
    // The test's own bug, not the module's: say so, and go on with the next call.
    report("crashes", n, planned?.label ?? "the arguments", `making the arguments threw ${describe(e)}`);
    continue;
  }
  // A repeated call counts, and is judged, once per repetition.
  let found = [];
  for (let k = 0; k < planned.times && found.length === 0; k++) {
    Atomics.store(count, slot.position, n);
    startedAt[0] = now();
    Atomics.store(count, slot.running, 1);
    const t0 = performance.now();
    let thrown;
    let threw = false;
    try {
      api[planned.fn](...args);
    } catch (e) {
      thrown = e;
      threw = true;
    }
    const ms = performance.now() - t0;
    Atomics.store(count, slot.running, 0);
    Atomics.add(count, slot.calls, 1);
    if (!threw) Atomics.add(count, slot.returned, 1);
    found = judge(thrown, threw, ms).map(([category, detail]) => [category, planned.times > 1 ? `${detail} (repetition ${k + 1})` : detail]);
  }
  for (const [category, detail] of found) report(category, n, planned.label, detail);
  // After a trap the instance is suspect whatever it answers: check it, then start afresh.
  restart = found.some(([category]) => category === "traps");
  sinceCheck += 1;
  const full = restart || sinceCheck >= checkEvery;
  const wrong = recheck(full ? REFERENCES : CANARY);
  if (full) sinceCheck = 0;
  if (wrong) {
    report("wrongAnswersAfter", n, planned.label, wrong);
    restart = true;
  }
}
if (!restart) {
  const wrong = recheck(REFERENCES);
  if (wrong) report("wrongAnswersAfter", n - 1, "the end of the run", wrong);
}
parentPort.postMessage({ type: "end", next: n, restart });
