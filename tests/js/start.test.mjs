// The page's first module, start.js, is the same engine with only what the page draws its first
// result with: those functions, answering exactly as the whole module does, and compare's mixes
// without the optimum, which calculator.js answers once it has loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import tiermix from "./load.mjs";
import initStart, * as start from "../../www/pkg/start.js";

await initStart({ module_or_path: readFileSync(new URL("../../www/pkg/start_bg.wasm", import.meta.url)) });

const functions = (module) => Object.keys(module).filter((name) => typeof module[name] === "function" && !/^(default|initSync)$/.test(name)).sort();

test("start.js exports presets, classify, evaluate and compareMixes, and nothing else", () => {
  assert.deepEqual(functions(start), ["classify", "compareMixes", "evaluate", "presets"]);
});

test("compareMixes is compare's answer without its last mix, the optimum, for every preset and goal", () => {
  for (const preset of tiermix.presets()) {
    for (const objective of ["reach", "engagements", "conversions", "netValue", "blend"]) {
      for (const budget of [0, 20000, 1e6]) {
        const scenario = { budget, scheme: preset.id, goal: { objective } };
        const { mixes } = tiermix.compare(scenario);
        assert.equal(mixes.at(-1).kind, "optimum");
        assert.deepEqual(start.compareMixes(scenario), { mixes: mixes.slice(0, -1) });
      }
    }
  }
});

test("start.js answers exactly as tiermix.js, the same scenario twice included", () => {
  const scenario = { budget: 20000, mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } }, overrides: { micro: { fee: { typical: 90 } } } };
  assert.deepEqual(start.presets(), tiermix.presets());
  assert.deepEqual(start.classify(5000, "imh"), tiermix.classify(5000, "imh"));
  for (let i = 0; i < 2; i++) {
    assert.deepEqual(start.compareMixes(scenario).mixes, tiermix.compare(scenario).mixes.slice(0, -1));
    assert.deepEqual(start.evaluate(scenario), tiermix.evaluate(scenario));
  }
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

test("texts changed in place, at the same place and length, are read again, also after a refused argument", () => {
  // read.js keeps where each text of the last argument went: a text of the same length at
  // the same place must still be compared, and a text half written before a refusal trusted
  // no more.
  const scheme = (a, b) => ({ tiers: [{ id: a, minFollowers: 0, label: { en: a, fr: a } }, { id: b, minFollowers: 5000, label: { en: b, fr: b } }] });
  const scenarios = [
    { budget: 20000, scheme: scheme("aa", "bb") },
    { budget: 20000, scheme: scheme("ab", "ba") },
    { budget: 20000, scheme: scheme("aa", "bb") },
    { budget: 20000, scheme: scheme("aaaa", "b") },
    { budget: 20000, scheme: scheme("aa", "bb"), currency: "USD" },
  ];
  const refused = { budget: 20000, scheme: scheme("zzzzzzzz", "yy"), get mix() { throw new Error("no mix"); } };
  for (const scenario of [...scenarios, ...scenarios.reverse()]) {
    assert.deepEqual(start.evaluate(scenario), tiermix.evaluate(scenario), JSON.stringify(scenario));
    assert.throws(() => start.evaluate(refused), /no mix/);
    assert.deepEqual(start.evaluate(scenario), tiermix.evaluate(scenario), JSON.stringify(scenario));
  }
});

test("keys are taken before any value is read, as the careful reader takes them", () => {
  // A getter that deletes a later key, or a Proxy that hides one once a value is read: the
  // key was the argument's when its keys were taken, so both modules read it.
  const deleting = { get budget() { delete deleting.bogus; return 20000; }, bogus: 1 };
  const errorOf = (module, scenario) => { try { return module.evaluate(scenario).spend; } catch (e) { return e.message; } };
  assert.equal(errorOf(start, deleting), errorOf(tiermix, { budget: 20000, bogus: 1 }));
  const hiding = () => {
    let read = false;
    return new Proxy({ budget: 20000, mix: { shares: { nano: 1 } } }, {
      get(target, key) { if (key === "budget") read = true; return target[key]; },
      getOwnPropertyDescriptor(target, key) { return key === "mix" && read ? undefined : Reflect.getOwnPropertyDescriptor(target, key); },
    });
  };
  assert.deepEqual(start.evaluate(hiding()), tiermix.evaluate(hiding()));
  assert.equal(start.evaluate(hiding()).influencers, tiermix.evaluate({ budget: 20000, mix: { shares: { nano: 1 } } }).influencers);
});

test("a key an argument inherits is not read as its own, even from a polluted Object.prototype", () => {
  const scenario = { budget: 20000, mix: { shares: { nano: 0.5, micro: 0.5 } } };
  const clean = tiermix.evaluate(scenario);
  // What a careless library might do: an enumerable key on every object.
  Object.defineProperty(Object.prototype, "macro", { value: 1, enumerable: true, configurable: true, writable: true });
  try {
    assert.deepEqual(start.evaluate(scenario), clean);
    assert.deepEqual(start.evaluate(scenario), clean);
    // Inherited from a prototype of its own too: not a plain object, read carefully.
    const inherited = Object.create(Object.create(null, { budget: { value: 5000, enumerable: true } }));
    assert.deepEqual(start.evaluate(inherited), tiermix.evaluate(inherited));
  } finally {
    delete Object.prototype.macro;
  }
  assert.deepEqual(start.evaluate(scenario), clean);
});
