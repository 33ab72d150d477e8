// Answers cross the boundary as a tape (src/wasm/tape.rs) that tape.js decodes. The page loads
// both builds, which share that one file, and each keeps its own table of field names: these
// tests mix their calls and check every answer against the first one and the other build's.
// (tests/web.rs compares the tape with serde-wasm-bindgen, value by value.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, * as tiermix from "../../www/pkg/tiermix.js";
import initCalculator, * as calculator from "../../www/pkg/calculator.js";

const { memory } = await init({ module_or_path: readFileSync(new URL("../../www/pkg/tiermix_bg.wasm", import.meta.url)) });
await initCalculator({ module_or_path: readFileSync(new URL("../../www/pkg/calculator_bg.wasm", import.meta.url)) });

const scenario = { budget: 20000, scheme: "traackr" };
const calls = {
  presets: (m) => m.presets(),
  evaluate: (m) => m.evaluate(scenario),
  assumptions: (m) => m.assumptions(scenario),
  compare: (m) => m.compare(scenario),
  simulate: (m) => m.simulate(scenario, { draws: 50, seed: 2 ** 53 - 1 }),
  switchingValues: (m) => m.switchingValues({ budget: 20000 }),
};

/** Every key and value, with −0 told from 0, and whether each object is a plain object. */
const exact = (value) =>
  JSON.stringify(value, function (key, v) {
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v;
    if (v && typeof v === "object" && !Array.isArray(v)) assert.equal(Object.getPrototypeOf(v), Object.prototype, key);
    return v;
  });

test("both builds hand over the same answers, call after call, whatever the other one did", () => {
  const first = Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, exact(call(tiermix))]));
  // Names only the full build knows (the roster's) go into its table alone.
  const roster = tiermix.parseRoster("handle,followers,fee\n\"é\"\"x\",5000,200\nb,80000,\n", "fr2018");
  assert.equal(roster.rows[0].handle, 'é"x');
  for (let round = 0; round < 3; round++) {
    for (const [name, call] of Object.entries(calls)) {
      assert.equal(exact(call(calculator)), first[name], `${name} from calculator.js, round ${round}`);
      assert.equal(exact(call(tiermix)), first[name], `${name} from tiermix.js, round ${round}`);
    }
    tiermix.pickRoster(roster, { budget: 5000 });
  }
});

test("after refused calls, both builds still hand over the same answers", () => {
  const before = exact(calculator.compare(scenario));
  for (const m of [calculator, tiermix]) {
    assert.throws(() => m.compare({ budget: -1 }), /budget/);
    assert.throws(() => m.simulate(scenario, { seed: 2 ** 53 }), /seed/);
    assert.equal(exact(m.compare(scenario)), before);
  }
});

test("an answer's texts are its own when the last one's were as long, and after the memory grew", () => {
  // tape.js reuses the last answer's decoded text when its bytes are the same, and reads the
  // module's memory through views it makes again only when the memory grows.
  const named = (a, b) => ({ budget: 20000, scheme: { tiers: [{ id: a, minFollowers: 0, label: { en: a, fr: `${a}é` } }, { id: b, minFollowers: 5000, label: { en: b, fr: b } }] } });
  const labels = (answer) => answer.tiers.map((tier) => tier.tier).join(" ");
  for (const m of [calculator, tiermix]) {
    assert.equal(labels(m.evaluate(named("aa", "bb"))), "aa bb");
    assert.equal(labels(m.evaluate(named("ab", "ba"))), "ab ba");
    assert.equal(labels(m.evaluate(named("aa", "bb"))), "aa bb");
    assert.equal(m.compare(named("xé", "y")).mixes[0].label.fr, "xéé uniquement");
  }
  // Four megabytes of roster grow the whole module's memory, which detaches every view of it.
  const grownFrom = memory.buffer.byteLength;
  tiermix.parseRoster(`handle,followers\n${"someone,5000\n".repeat(300_000)}`, "fr2018");
  assert.ok(memory.buffer.byteLength > grownFrom, `${memory.buffer.byteLength} > ${grownFrom}`);
  assert.equal(exact(tiermix.compare(scenario)), exact(calculator.compare(scenario)));
  assert.equal(labels(tiermix.evaluate(named("cc", "dd"))), "cc dd");
});
