// The page's first module, start.js, is the same engine with only what the page asks for before
// its first result: those functions, answering exactly as the whole module does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import tiermix from "./load.mjs";
import initStart, * as start from "../../www/pkg/start.js";

await initStart({ module_or_path: readFileSync(new URL("../../www/pkg/start_bg.wasm", import.meta.url)) });

const functions = (module) => Object.keys(module).filter((name) => typeof module[name] === "function" && !/^(default|initSync)$/.test(name)).sort();

test("start.js exports presets, classify, assumptions, evaluate, compare and optimize, and nothing else", () => {
  assert.deepEqual(functions(start), ["assumptions", "classify", "compare", "evaluate", "optimize", "presets"]);
});

test("start.js answers exactly as tiermix.js, the same scenario twice included", () => {
  const scenario = { budget: 20000, mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } }, overrides: { micro: { fee: { typical: 90 } } } };
  assert.deepEqual(start.presets(), tiermix.presets());
  assert.deepEqual(start.classify(5000, "imh"), tiermix.classify(5000, "imh"));
  for (let i = 0; i < 2; i++) {
    assert.deepEqual(start.compare(scenario), tiermix.compare(scenario));
    assert.deepEqual(start.assumptions(scenario), tiermix.assumptions(scenario));
    assert.deepEqual(start.evaluate(scenario), tiermix.evaluate(scenario));
  }
  assert.deepEqual(start.optimize(scenario, { objective: "blend", lambda: 0.3 }), tiermix.optimize(scenario, { objective: "blend", lambda: 0.3 }));
});

test("a scenario changed in place between two calls is read again, not answered from the last one", () => {
  const scenario = { budget: 20000, overrides: {} };
  const before = start.evaluate(scenario);
  scenario.budget = 30000;
  scenario.overrides.nano = { hours: 1 };
  const after = start.evaluate(scenario);
  assert.notEqual(after.spend, before.spend);
  assert.deepEqual(after, tiermix.evaluate({ budget: 30000, overrides: { nano: { hours: 1 } } }));
  // -0 and 0 are different inputs bit for bit: both answered, each as the whole module does.
  assert.deepEqual(start.evaluate({ budget: -0 }), tiermix.evaluate({ budget: -0 }));
  assert.deepEqual(start.evaluate({ budget: 0 }), tiermix.evaluate({ budget: 0 }));
});

test("start.js names the field of an argument it cannot read, as the whole module does", () => {
  const errorOf = (module, scenario) => { try { module.evaluate(scenario); } catch (e) { return { message: e.message, field: e.field }; } };
  const throwing = { get budget() { throw new Error("no budget"); } };
  for (const scenario of [throwing, { budget: -5 }, { scheme: { tiers: Array.from({ length: 13 }, (_, i) => ({ id: `t${i}`, minFollowers: i })) } },
    { mix: new Map() }, { overrides: { nano: { fee: "cheap" } } }]) {
    assert.deepEqual(errorOf(start, scenario), errorOf(tiermix, scenario));
    assert.ok(errorOf(start, scenario).field);
  }
  const cycle = {};
  cycle.self = cycle;
  assert.deepEqual(errorOf(start, { overrides: cycle }), errorOf(tiermix, { overrides: cycle }));
});
