// switchingValues: each value is where the best mix and its runner-up swap places on the goal's
// measure. The engine finds it with fractional influencers; the whole-influencer plans `compare`
// gives swap within one influencer of it, so a step of 20% either side shows the swap.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "./load.mjs";

const SCENARIO = { budget: 20000 };
const all = tiermix.switchingValues(SCENARIO);
const find = (against, quantity, tier) => {
  const found = all.find((s) => s.against.label.en === against && s.quantity === quantity && s.tier === tier);
  assert.ok(found && found.value !== null, `${against}: ${quantity} ${tier}`);
  return found;
};
/**
 * Conversions (the default goal's measure) of the best mix's plan at the defaults, Micro only, and
 * of `against`, in `scenario`: plans given as budget shares, re-bought at its prices.
 */
function both(scenario, against) {
  const mixes = tiermix.compare(scenario).mixes;
  const conversions = (label) => mixes.find((m) => m.label.en === label).conversions;
  return { best: conversions("Micro only"), other: conversions(against) };
}
/** Asserts that `against` loses to the best mix on one side of the switching value and beats it on the other. */
function swaps(against, at) {
  const below = both(at(0.8), against);
  const above = both(at(1.2), against);
  assert.notEqual(below.other > below.best, above.other > above.best, `${against}: ${JSON.stringify({ below, above })}`);
}

test("at the defaults the best mix is Micro only, and every answer is judged by conversions", () => {
  const mixes = tiermix.compare(SCENARIO).mixes;
  const plan = (m) => m.tiers.map((t) => t.influencers).join();
  assert.equal(plan(mixes.find((m) => m.kind === "optimum")), plan(mixes.find((m) => m.label.en === "Micro only")));
  assert.ok(all.length > 20);
  for (const s of all) assert.equal(s.measure, "conversions");
  assert.ok(!all.some((s) => s.against.label.en === "Micro only"), "the best mix's own plan never swaps places with it");
});

test("every value found lies within a hundredth and a hundred times the typical one; γ's ratio follows its value", () => {
  for (const s of all) {
    if (s.value !== null) assert.ok(s.value >= s.typical / 100 - 1e-12 && s.value <= s.typical * 100 + 1e-9, JSON.stringify(s));
    if (s.quantity === "persuasionGamma") assert.equal(s.ratio.value === null, s.value === null);
    else assert.equal(s.ratio, undefined);
    if (s.tier === null && !["persuasionGamma", "hourlyCost", "conversionValue"].includes(s.quantity)) assert.equal(s.typical, 1);
  }
});

test("a tier's fee: Macro only overtakes Micro only across the switching value of the macro fee and of the micro fee", () => {
  for (const tier of ["macro", "micro"]) {
    const { value } = find("Macro only", "fee", tier);
    swaps("Macro only", (k) => ({ ...SCENARIO, overrides: { [tier]: { fee: value * k } } }));
  }
});

test("a tier's audience fit: Macro only overtakes Micro only across the switching value of micro's fit", () => {
  const { value, typical } = find("Macro only", "audienceFit", "micro");
  assert.ok(value < typical);
  swaps("Macro only", (k) => ({ ...SCENARIO, overrides: { micro: { audienceFit: Math.min(1, value * k) } } }));
});

test("every tier's fee at once, and micro's team hours: Macro only overtakes Micro only across the factor and the hours", () => {
  const factor = find("Macro only", "fee", null).value;
  const fees = tiermix.assumptions(SCENARIO).tiers.map((t) => [t.tier, t.fee.typical]);
  swaps("Macro only", (k) => ({ ...SCENARIO, overrides: Object.fromEntries(fees.map(([tier, fee]) => [tier, { fee: fee * factor * k }])) }));
  // (Not the hourly cost: it moves Macro only's five accounts too, and a whole account is a
  // step of 20%, wider than the one taken here.)
  const hours = find("Macro only", "hours", "micro").value;
  swaps("Macro only", (k) => ({ ...SCENARIO, overrides: { micro: { hours: hours * k } } }));
});

test("with another goal, the values are on its measure", () => {
  for (const objective of ["reach", "netValue"]) {
    const switches = tiermix.switchingValues({ ...SCENARIO, goal: { objective } });
    assert.ok(switches.length > 0);
    for (const s of switches) assert.equal(s.measure, objective);
  }
});
