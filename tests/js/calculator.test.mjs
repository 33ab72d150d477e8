// The page's first module, calculator.js, is the same engine built without the roster functions:
// it must offer every other function of the API and answer exactly as the whole module does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import tiermix from "./load.mjs";
import initCalculator, * as calculator from "../../www/pkg/calculator.js";

await initCalculator({ module_or_path: readFileSync(new URL("../../www/pkg/calculator_bg.wasm", import.meta.url)) });

const ROSTER = ["parseRoster", "pickRoster"];
const functions = (module) => Object.keys(module).filter((name) => typeof module[name] === "function" && !/^(default|initSync)$/.test(name)).sort();

test("calculator.js exports every function of tiermix.js but the roster ones", () => {
  assert.deepEqual(functions(calculator), functions(tiermix).filter((name) => !ROSTER.includes(name)));
  for (const name of ROSTER) assert.equal(typeof tiermix[name], "function");
});

test("calculator.js answers exactly as tiermix.js", () => {
  const scenario = { budget: 20000, mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } } };
  assert.deepEqual(calculator.presets(), tiermix.presets());
  assert.deepEqual(calculator.compare(scenario), tiermix.compare(scenario));
  assert.deepEqual(calculator.optimize(scenario, { objective: "conversions" }), tiermix.optimize(scenario, { objective: "conversions" }));
  assert.deepEqual(calculator.simulate(scenario, { draws: 200, seed: 7 }), tiermix.simulate(scenario, { draws: 200, seed: 7 }));
  assert.deepEqual(Array.from(calculator.classifyMany([10, 5000, 2e6])), Array.from(tiermix.classifyMany([10, 5000, 2e6])));
});

test("calculator.js throws the same errors and stays usable", () => {
  const errorOf = (module) => { try { module.evaluate({ budget: -5 }); } catch (e) { return e; } };
  const [mine, whole] = [errorOf(calculator), errorOf(tiermix)];
  assert.ok(mine instanceof Error);
  assert.equal(mine.message, whole.message);
  assert.match(mine.message, /^budget must be .*\(got -5\)$/);
  assert.equal(calculator.classify(5000).tier, "micro");
});
