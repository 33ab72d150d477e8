// Every export of the three builds (tiermix.js, calculator.js, start.js) under seeded random and hand-made hostile
// arguments: wrong types, NaN, ±Infinity, −0, huge numbers, throwing getters, Proxies, revoked
// Proxies, keys such as __proto__, deep and cyclic objects, 10 MB strings, 10,000-tier
// schemes, shares over 1 by an epsilon, and valid arguments changed one field at a time.
// A call fails if it traps, throws something that is not an Error, throws a message over
// 1,000 characters or takes over 1 s; the run fails if a valid call then answers differently
// from the start of the run.
//
// TIERMIX_FUZZ_SEED=n (printed by every run) replays a run (CI=true: always seed 20261201); TIERMIX_FUZZ_CALLS=n or a-b replays
// only those calls, TIERMIX_FUZZ_BUILD=tiermix, calculator or start one build; TIERMIX_FUZZ_SECONDS sets
// the time the builds share (default 40); TIERMIX_FUZZ_SHOW how many failures of each kind
// the message lists (default 4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { call, handMade } from "./fuzz-calls.mjs";

const LIMITS = { callMs: 1000, message: 1000 };
/** A call still running after this long has failed already; the worker is stopped and replaced. */
const STOP_AFTER_MS = 1500;
/** Every call is followed by a few cheap reference calls, and by all of them this often. */
const CHECK_EVERY = 200;
const CATEGORIES = {
  traps: "traps", nonErrorThrows: "non-Error throws", longMessages: "over-long messages", slowCalls: "slow calls",
  wrongAnswersAfter: "wrong answers afterwards", crashes: "crashed workers",
};
const SLOTS = ["calls", "returned", ...Object.keys(CATEGORIES), "position", "running"];
/**
 * Each build's share of the time; calculator.js and start.js skip the heavy hand-made calls (see
 * fuzz-calls.mjs). start.js reads scenarios its own way (src/wasm/read/fast.rs), so it has a share of its own.
 */
const BUILDS = [["tiermix", 0.45], ["calculator", 0.25], ["start", 0.3]];
/** The seed of every CI run (see `options`). */
const CI_SEED = 20261201;
/** How many failures of each kind the message shows (TIERMIX_FUZZ_SHOW to see more). */
const SHOWN_PER_CATEGORY = Number(process.env.TIERMIX_FUZZ_SHOW ?? 4);

function settings(env) {
  const whole = (name, text, max) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${name} must be a whole number from 0 to ${max} (got ${text})`);
    return value;
  };
  // CI replays one fixed seed, so a red run is the change's doing and not the draw's; a
  // developer's run explores a new one each time.
  const seed = env.TIERMIX_FUZZ_SEED !== undefined ? whole("TIERMIX_FUZZ_SEED", env.TIERMIX_FUZZ_SEED, 2 ** 32 - 1)
    : env.CI ? CI_SEED : Math.floor(Math.random() * 2 ** 32);
  const seconds = env.TIERMIX_FUZZ_SECONDS === undefined ? 40 : whole("TIERMIX_FUZZ_SECONDS", env.TIERMIX_FUZZ_SECONDS, 3600);
  let calls = null;
  if (env.TIERMIX_FUZZ_CALLS !== undefined) {
    const [a, b = a] = env.TIERMIX_FUZZ_CALLS.split("-");
    calls = { from: whole("TIERMIX_FUZZ_CALLS", a, 2 ** 31), to: whole("TIERMIX_FUZZ_CALLS", b, 2 ** 31) + 1 };
  }
  const builds = BUILDS.filter(([name]) => env.TIERMIX_FUZZ_BUILD === undefined || env.TIERMIX_FUZZ_BUILD === name);
  if (builds.length === 0) throw new Error(`TIERMIX_FUZZ_BUILD must be tiermix, calculator or start (got ${env.TIERMIX_FUZZ_BUILD})`);
  return { seed, seconds, calls, builds };
}

const now = () => performance.timeOrigin + performance.now();

/** One worker's run: it ends, asks to be replaced (after a trap), gets stopped, or crashes. */
function runWorker(workerData, onMessage) {
  return new Promise((resolve) => {
    const count = new Int32Array(workerData.counters);
    const startedAt = new Float64Array(workerData.clock);
    const worker = new Worker(new URL("./fuzz-worker.mjs", import.meta.url), { workerData });
    let ended = null;
    let error = null;
    let stopped = false;
    const position = () => Atomics.load(count, SLOTS.indexOf("position"));
    const watchdog = setInterval(() => {
      if (!stopped && Atomics.load(count, SLOTS.indexOf("running")) && now() - startedAt[0] > STOP_AFTER_MS) {
        stopped = true;
        worker.terminate();
      }
    }, 50);
    worker.on("message", (message) => {
      if (message.type === "end") ended = message;
      else onMessage(message);
    });
    worker.on("error", (e) => { error = e; });
    worker.on("exit", (code) => {
      clearInterval(watchdog);
      if (stopped) resolve({ kind: "stopped", n: position() });
      else if (ended) resolve({ kind: ended.restart ? "restart" : "done", next: ended.next });
      else resolve({ kind: "crashed", error: error ?? new Error(`the worker exited with code ${code}`), n: position() });
    });
  });
}

async function fuzzBuild(build, deadline, { seed, calls }) {
  const wasm = await WebAssembly.compile(readFileSync(new URL(`../../www/pkg/${build}_bg.wasm`, import.meta.url)));
  const counters = new SharedArrayBuffer(4 * SLOTS.length);
  const count = new Int32Array(counters);
  const failures = [];
  let ctx = null;
  let handMadeCount = 0;
  const onMessage = (message) => {
    if (message.type === "ready") [ctx, handMadeCount] = [message.ctx, message.handMade];
    else if (message.type === "failure") failures.push(message);
  };
  const labelOf = (n) => call(seed, n, ctx, handMade(ctx)).label;
  const add = (category, n, detail) => {
    Atomics.add(count, SLOTS.indexOf(category), 1);
    failures.push({ category, n, from: n, label: labelOf(n), detail });
  };
  let next = calls?.from ?? 0;
  const to = calls?.to ?? Infinity;
  while (next < to && now() < deadline) {
    const data = { build, wasm, seed, from: next, to, deadline, counters, clock: new SharedArrayBuffer(8), slots: SLOTS, limits: LIMITS, checkEvery: CHECK_EVERY };
    const outcome = await runWorker(data, onMessage);
    if (outcome.kind === "done" || outcome.kind === "restart") {
      next = outcome.next;
      if (outcome.kind === "done") break;
    } else if (outcome.kind === "stopped") {
      // The stopped worker never got to say its call was over.
      Atomics.store(count, SLOTS.indexOf("running"), 0);
      Atomics.add(count, SLOTS.indexOf("calls"), 1);
      add("slowCalls", outcome.n, `still running after ${STOP_AFTER_MS} ms, stopped`);
      next = outcome.n + 1;
    } else {
      if (ctx === null) throw outcome.error;
      add("crashes", outcome.n, String(outcome.error?.stack ?? outcome.error).slice(0, 300));
      // The position is that of the last call started: never retry the same one.
      next = Math.max(outcome.n, next) + 1;
    }
  }
  const counts = Object.fromEntries(SLOTS.map((name, i) => [name, count[i]]));
  return { build, counts, failures, handMade: handMadeCount, reached: next };
}

function summary(seed, results, seconds) {
  const total = (name) => results.reduce((sum, r) => sum + r.counts[name], 0);
  const perBuild = results.map((r) => `${r.build}.js ${r.counts.calls}`).join(", ");
  const categories = Object.entries(CATEGORIES).map(([name, words]) => `${total(name)} ${words}`).join(", ");
  return `API fuzz, seed ${seed}: ${total("calls")} calls in ${seconds.toFixed(1)} s (${perBuild}; ${total("returned")} returned normally), ${categories}`;
}

function reproducer(seed, build, failure) {
  const range = failure.category === "wrongAnswersAfter" && failure.from < failure.n ? `${failure.from}-${failure.n}` : `${failure.n}`;
  return `[${build}.js] call ${failure.n}, ${CATEGORIES[failure.category]}: ${failure.detail} — in ${failure.label} ` +
    `(TIERMIX_FUZZ_SEED=${seed} TIERMIX_FUZZ_BUILD=${build} TIERMIX_FUZZ_CALLS=${range} node --test tests/js/fuzz.test.mjs)`;
}

test("every export of every build survives seeded hostile calls and keeps answering correctly", async (t) => {
  const options = settings(process.env);
  const started = now();
  const results = [];
  const shares = options.builds.reduce((sum, [, share]) => sum + share, 0);
  let elapsed = 0;
  for (const [build, share] of options.builds) {
    elapsed += share / shares;
    const deadline = options.calls ? Infinity : started + elapsed * options.seconds * 1000;
    results.push(await fuzzBuild(build, deadline, options));
  }
  const line = summary(options.seed, results, (now() - started) / 1000);
  t.diagnostic(line);
  const problems = results.flatMap((r) => Object.keys(CATEGORIES).flatMap((category) =>
    r.failures.filter((f) => f.category === category).slice(0, SHOWN_PER_CATEGORY).map((f) => reproducer(options.seed, r.build, f))));
  for (const r of results) {
    if (!options.calls && r.reached <= r.handMade) problems.push(`${r.build}.js: time ran out before the random calls (${r.reached} of ${r.handMade} hand-made calls made)`);
  }
  const failed = results.reduce((sum, r) => sum + Object.keys(CATEGORIES).reduce((s, c) => s + r.counts[c], 0), 0);
  assert.ok(failed === 0 && problems.length === 0, `${line}\n${problems.join("\n")}`);
});
