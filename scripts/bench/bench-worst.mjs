// `make bench` (wasm, worst cases; bench-wasm.mjs runs it): the engine calls that search, on
// the scenarios that used to take seconds, each against the time the page can afford. Every
// search has a work budget, so these stay bounded whatever the inputs; the last column says
// whether each optimum is proven (exact) or how far from the optimum it can be (gap). Then the
// grid of every preset, goal and budget decade (the own mix empty: an even split overruns the
// size limit at large budgets). `node scripts/bench/bench-worst.mjs grid` runs the grid alone.
import { readFileSync } from "node:fs";
import init, * as tiermix from "../../www/pkg/tiermix.js";
import { record } from "./bench-record.mjs";

await init({ module_or_path: readFileSync(new URL("../../www/pkg/tiermix_bg.wasm", import.meta.url)) });

const COMPARE_LIMIT = 50;
const FRONTIER_LIMIT = 500;
const CURVES_LIMIT = 500;

/** p50 and the worst of a few runs; a slow call runs only twice, since its time is the point. */
function time(work) {
  const first = performance.now();
  const result = work();
  const once = performance.now() - first;
  const runs = once > 200 ? 1 : once > 20 ? 5 : 20;
  const samples = [once];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { result, p50: samples[Math.floor((samples.length - 1) / 2)], max: samples[samples.length - 1] };
}

/** "exact", or the largest gap among the optima in `outcomes`. */
function proof(outcomes) {
  const optima = outcomes.filter((o) => o.kind === "optimum");
  const cut = optima.filter((o) => o.exact === false);
  if (cut.length === 0) return "exact";
  const gap = Math.max(...cut.map((o) => o.gap ?? Number.NaN));
  return `${cut.length}/${optima.length} cut short, gap ≤ ${gap.toExponential(1)}`;
}

function row(name, limit, work, proven) {
  const { result, p50, max } = time(work);
  const met = max <= limit;
  const why = proven(result);
  console.log(`${name.padEnd(58)} p50 ${p50.toFixed(2).padStart(9)} ms   max ${max.toFixed(2).padStart(9)} ms   ≤ ${limit} ms ${met ? "yes" : "NO "}  ${why}`);
  record(`${name} (wasm)`, `${p50.toFixed(2)} / ${max.toFixed(2)} ms`, `≤ ${limit} ms`, met);
}

const fiveTiers = {
  tiers: [
    { id: "a", minFollowers: 1 },
    { id: "b", minFollowers: 1000 },
    { id: "c", minFollowers: 10000 },
    { id: "d", minFollowers: 100000 },
    { id: "e", minFollowers: 1000000 },
  ],
};

const scenarios = [
  ["default scenario", {}],
  ["imh, blend, budget 1e9", { budget: 1e9, scheme: "imh", goal: { objective: "blend" } }],
  ["traackr, reach, budget 1e9", { budget: 1e9, scheme: "traackr", goal: { objective: "reach" } }],
  ["traackr, budget 1e9", { budget: 1e9, scheme: "traackr" }],
  ...["reach", "conversions", "engagements", "netValue", "blend"].map((objective) => [
    `5-tier custom, ${objective}, budget 1e8`,
    { budget: 1e8, scheme: fiveTiers, goal: { objective } },
  ]),
];

const gridOnly = process.argv.slice(2).includes("grid");
if (!gridOnly) console.log("wasm in Node, worst cases (max over the runs against the target)");
for (const [label, scenario] of gridOnly ? [] : scenarios) {
  row(`compare, ${label}`, COMPARE_LIMIT, () => tiermix.compare(scenario).mixes, proof);
  row(`frontier (201 points), ${label}`, FRONTIER_LIMIT, () => tiermix.frontier(scenario, 201), proof);
  const budget = scenario.budget ?? 20000;
  const budgets = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4].map((k) => k * budget);
  row(`responseCurves (9 budgets), ${label}`, CURVES_LIMIT, () => tiermix.responseCurves(scenario, budgets), ({ curves }) => {
    const optimum = curves.find((c) => c.kind === "optimum");
    return optimum.exact === false ? `cut short, gap ≤ ${optimum.gap.toExponential(1)}` : "exact";
  });
}

// The grid the targets are set on: every preset scheme, every goal the page offers (the blend
// at λ = 0.5), every budget decade from 10³ to 10¹². `compare` p50 / p95 per cell, then a
// 21-point frontier per scheme and budget (the frontier sweeps λ: the goal does not matter).
const GRID_COMPARE_LIMIT = 2;
const GRID_FRONTIER_LIMIT = 50;
const SCHEMES = ["fr2018", "imh", "later", "traackr", "hypeauditor"];
const GOALS = ["reach", "blend", "conversions", "netValue"];
const DECADES = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * p50 and p95 of `runs` calls after one untimed, each call timed as the smaller of its
 * wall-clock and its process CPU time: with other builds on the machine, a call that takes
 * 0.2 ms is often preempted for a few ms, which the wall clock counts; on a quiet machine, the
 * CPU time counts V8's collector threads working alongside. The call's own time is at most
 * either. The worst wall-clock p95 is printed too. A slow call runs only a few times.
 */
function quantiles(runs, work) {
  const first = performance.now();
  const result = work();
  const n = performance.now() - first > 50 ? 3 : runs;
  const own = [];
  const wall = [];
  for (let i = 0; i < n; i++) {
    const used = process.cpuUsage();
    const start = performance.now();
    work();
    const elapsed = performance.now() - start;
    const { user, system } = process.cpuUsage(used);
    wall.push(elapsed);
    own.push(Math.min(elapsed, (user + system) / 1000));
  }
  const at = (samples, q) => samples.sort((a, b) => a - b)[Math.round((samples.length - 1) * q)];
  return { result, p50: at(own, 0.5), p95: at(own, 0.95), wallP95: at(wall, 0.95) };
}

/** Largest gap and how many of `optima` are cut short. */
function tally(optima, into) {
  for (const o of optima) {
    into.all++;
    if (o.exact === false) {
      into.cut++;
      into.gap = Math.max(into.gap, o.gap);
    }
  }
}

const cell = (p50, p95, short) => `${p50.toFixed(2).padStart(6)}/${p95.toFixed(2).padEnd(6)}${short ? "*" : " "}`;
const header = DECADES.map((d) => `1e${d}`.padStart(6).padEnd(14)).join("");

console.log(`\nwasm in Node, grid: compare p50/p95 ms (* = optimum not proven exact), target p95 ≤ ${GRID_COMPARE_LIMIT} ms`);
console.log(`${"".padEnd(25)}${header}`);
for (const goal of GOALS) {
  let worst = { p95: 0, p50: 0, at: "" };
  let wallP95 = 0;
  const proofs = { all: 0, cut: 0, gap: 0 };
  for (const scheme of SCHEMES) {
    let line = `${scheme.padEnd(12)} ${goal.padEnd(12)}`;
    for (const decade of DECADES) {
      const scenario = { scheme, budget: 10 ** decade, mix: { shares: {} }, goal: { objective: goal, lambda: 0.5 } };
      const { result, p50, p95, wallP95: wall } = quantiles(20, () => tiermix.compare(scenario).mixes);
      const optimum = result[result.length - 1];
      tally([optimum], proofs);
      wallP95 = Math.max(wallP95, wall);
      if (p95 > worst.p95) worst = { p95, p50, at: `${scheme} 1e${decade}` };
      line += cell(p50, p95, optimum.exact === false);
    }
    console.log(line);
  }
  const proven = proofs.cut === 0 ? "all exact" : `${proofs.cut}/${proofs.all} cut short, gap ≤ ${proofs.gap.toExponential(1)}`;
  const met = worst.p95 <= GRID_COMPARE_LIMIT;
  console.log(`compare ${goal}: worst p95 ${worst.p95.toFixed(2)} ms (${worst.at}), worst wall-clock p95 ${wallP95.toFixed(2)} ms, ${proven}`);
  record(`compare, ${goal}, 5 presets × budgets 10³–10¹², worst cell (${worst.at}), ${proven} (wasm)`, `${worst.p50.toFixed(2)} / ${worst.p95.toFixed(2)} ms (wall p95 ≤ ${wallP95.toFixed(2)})`, `≤ ${GRID_COMPARE_LIMIT} ms`, met);
}

console.log(`\nwasm in Node, grid: frontier (21 points) p50/p95 ms (* = some point not proven exact), target p95 ≤ ${GRID_FRONTIER_LIMIT} ms`);
console.log(`${"".padEnd(13)}${header}`);
{
  let worst = { p95: 0, p50: 0, at: "" };
  let wallP95 = 0;
  const proofs = { all: 0, cut: 0, gap: 0 };
  for (const scheme of SCHEMES) {
    let line = `${scheme.padEnd(12)} `;
    for (const decade of DECADES) {
      const scenario = { scheme, budget: 10 ** decade, mix: { shares: {} } };
      const { result, p50, p95, wallP95: wall } = quantiles(5, () => tiermix.frontier(scenario, 21));
      tally(result, proofs);
      wallP95 = Math.max(wallP95, wall);
      if (p95 > worst.p95) worst = { p95, p50, at: `${scheme} 1e${decade}` };
      line += cell(p50, p95, result.some((o) => o.exact === false));
    }
    console.log(line);
  }
  const proven = proofs.cut === 0 ? "all exact" : `${proofs.cut}/${proofs.all} points cut short, gap ≤ ${proofs.gap.toExponential(1)}`;
  console.log(`frontier: worst p95 ${worst.p95.toFixed(2)} ms (${worst.at}), worst wall-clock p95 ${wallP95.toFixed(2)} ms, ${proven}`);
  record(`frontier (21 points), 5 presets × budgets 10³–10¹², worst cell (${worst.at}), ${proven} (wasm)`, `${worst.p50.toFixed(2)} / ${worst.p95.toFixed(2)} ms (wall p95 ≤ ${wallP95.toFixed(2)})`, `≤ ${GRID_FRONTIER_LIMIT} ms`, worst.p95 <= GRID_FRONTIER_LIMIT);
}
