// `make bench` (wasm, worst cases; bench-wasm.mjs runs it): the engine calls that search, on
// the scenarios that used to take seconds, each against the time the page can afford. Every
// search has a work budget, so these stay bounded whatever the inputs; the last column says
// whether each optimum is proven (exact) or how far from the optimum it can be (gap).
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

console.log("wasm in Node, worst cases (max over the runs against the target)");
for (const [label, scenario] of scenarios) {
  row(`compare, ${label}`, COMPARE_LIMIT, () => tiermix.compare(scenario).mixes, proof);
  row(`frontier (201 points), ${label}`, FRONTIER_LIMIT, () => tiermix.frontier(scenario, 201), proof);
  const budget = scenario.budget ?? 20000;
  const budgets = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4].map((k) => k * budget);
  row(`responseCurves (9 budgets), ${label}`, CURVES_LIMIT, () => tiermix.responseCurves(scenario, budgets), ({ curves }) => {
    const optimum = curves.find((c) => c.kind === "optimum");
    return optimum.exact === false ? `cut short, gap ≤ ${optimum.gap.toExponential(1)}` : "exact";
  });
}
