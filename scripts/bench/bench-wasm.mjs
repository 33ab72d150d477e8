// `make bench` (wasm half): the same calls as benches/optimize.rs, on the optimised module in
// Node. Prints p50 / p95; asserts nothing.
import { readFileSync } from "node:fs";
import init, * as tiermix from "../../www/pkg/tiermix.js";
import { syntheticRoster } from "./roster-file.mjs";
import { record } from "./bench-record.mjs";

await init({ module_or_path: readFileSync(new URL("../../www/pkg/tiermix_bg.wasm", import.meta.url)) });

/** Times `work` against at most `limit` ms (if any); with `headline`, records p50 / p95. */
function time(name, runs, work, limit = null, headline = null) {
  const target = limit === null ? "" : `≤ ${limit} ms`;
  for (let i = 0; i < runs / 10 + 1; i++) work();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.floor((samples.length - 1) * q)].toFixed(3);
  console.log(`${name.padEnd(52)} p50 ${at(0.5).padStart(8)} ms   p95 ${at(0.95).padStart(8)} ms${target ? `   target ${target}` : ""}`);
  if (headline) record(headline, `${at(0.5)} / ${at(0.95)} ms`, target, Number(at(0.95)) <= limit);
}

console.log("wasm in Node");
for (const [label, scenario, limit] of [
  ["3 tiers (fr2018), budget 20k", { budget: 20000 }, 1],
  ["6 tiers (traackr), budget 20k", { budget: 20000, scheme: "traackr" }, 10],
  ["3 tiers (fr2018), budget 500k", { budget: 500000 }, null],
  ["6 tiers (traackr), budget 500k", { budget: 500000, scheme: "traackr" }, null],
]) {
  for (const objective of ["conversions", "blend", "netValue"]) {
    const headline = label.endsWith("20k") && objective !== "netValue" ? `optimize ${objective}, ${label.split(",")[0]} (wasm)` : null;
    time(`optimize ${objective.padEnd(11)} ${label}`, 200, () => tiermix.optimize(scenario, { objective }), limit, headline);
  }
  time(`frontier (21 points)  ${label}`, 50, () => tiermix.frontier(scenario, 21));
  time(`compare (with optimum) ${label}`, 200, () => tiermix.compare(scenario));
  const mixes = tiermix.compare(scenario).mixes.length;
  time(`simulate 2000 draws × ${mixes} mixes ${label}`, 20, () => tiermix.simulate(scenario, { draws: 2000, seed: 1 }), 50,
    label.endsWith("20k") ? `simulate 2,000 draws × ${mixes} mixes, ${label.split(",")[0]} (wasm)` : null);
}

// Picking from a roster: exact on small ones, a proven gap on large ones.
for (const [size, limit] of [[300, 50], [5000, null], [100000, null]]) {
  const roster = tiermix.parseRoster(syntheticRoster(size), "fr2018");
  for (const objective of ["conversions", "blend"]) {
    const pick = tiermix.pickRoster(roster, { budget: 20000 }, { objective });
    const proof = pick.exact ? "exact" : `gap ≤ ${(pick.gap * 100).toFixed(3)}%`;
    time(`pickRoster ${objective.padEnd(11)} ${String(size).padStart(6)} candidates (${proof})`, size > 10000 ? 3 : 20, () => tiermix.pickRoster(roster, { budget: 20000 }, { objective }), limit,
      size === 300 ? `pickRoster ${objective}, 300 candidates, ${proof} (wasm)` : null);
  }
}

// The worst cases known (huge budgets, many tiers), each against what the page can afford.
await import("./bench-worst.mjs");
