// Run with `node examples/compare.mjs` after `make build`.
import { readFileSync } from "node:fs";
import init, * as tiermix from "../www/pkg/tiermix.js";

await init({ module_or_path: readFileSync(new URL("../www/pkg/tiermix_bg.wasm", import.meta.url)) });

const scenario = {
  budget: 20000,
  currency: "EUR",
  scheme: "fr2018",
  mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } },
  overrides: { "*": { realShare: 0.8 } },
};

console.log(tiermix.classify(4200, "fr2018")); // { tier: 'micro', index: 1 }
for (const outcome of tiermix.compare(scenario).mixes) {
  console.log(outcome.label.en, outcome.influencers, Math.round(outcome.reach), Math.round(outcome.conversions));
}
// Nano only 143 15382 246 · Micro only 59 92545 749 · Macro only 5 116297 470 · Your mix 58 72298 510
// · Best for conversions 59 92545 749

const best = tiermix.optimize(scenario, { objective: "blend", lambda: 0.5, limits: { micro: { maxCount: 40 } } });
console.log(best.label.en, best.tiers.map((t) => `${t.influencers} ${t.tier}`).join(", "), best.budgetLeft.reason);
// Best balance 1 nano, 37 micro, 2 macro tooSmall

const sim = tiermix.simulate(scenario, { draws: 2000, seed: 1 });
const micro = sim.mixes[1].conversions;
const share = Math.round(sim.beats.conversions[1][2] * 100);
console.log(`Micro only: ${Math.round(micro.p10)}–${Math.round(micro.p90)} conversions, beats Macro only in ${share}% of worlds`);
// Micro only: 258–1372 conversions, beats Macro only in 88% of worlds
const { tiers } = sim.robustness;
console.log(tiers.map((t) => `${t.tier} ${Math.round(t.p10 * 100)}–${Math.round(t.p90 * 100)}%`).join(", "), "of the re-planned budget");
const fee = tiermix.switchingValues(scenario).find((s) => s.against.tier === "macro" && s.quantity === "fee" && s.tier === "macro");
console.log(`Macro only wins on ${fee.measure} if a macro post costs under €${Math.round(fee.value)} (typical €${Math.round(fee.typical)})`);
// nano 0–1%, micro 9–100%, macro 0–90% of the re-planned budget
// Macro only wins on conversions if a macro post costs under €2030 (typical €3162)

try {
  tiermix.evaluate({ ...scenario, budget: -5 });
} catch (error) {
  console.log(error.message); // budget must be a finite number from 0 to 1000000000000 (got -5)
}
