// Through the JS API: a budget that holds in every simulated world, the goal's own measure,
// the best mix re-planned, and switching values that tie (MODEL §§ 8–10).
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "./load.mjs";

test("share-based plans never spend more than the budget in plausible worlds; counts keep their counts", () => {
  for (const scheme of ["fr2018", "traackr"]) {
    const sim = tiermix.simulate({ budget: 20000, scheme }, { draws: 500, seed: 2 });
    for (const m of sim.mixes) assert.ok(m.spend.p90 <= 20000, `${scheme} ${m.label.en}: ${m.spend.p90}`);
  }
  const counts = tiermix.simulate({ mix: { counts: { micro: 40 } } }, { draws: 500, seed: 2 }).mixes[3];
  assert.ok(counts.spend.p10 < counts.spend.p90, "forty micro accounts cost what each world charges");
});

test("beats, bands and the tornado judge by the goal's own measure", () => {
  const reach = tiermix.simulate({ goal: { objective: "reach" } }, { draws: 300, seed: 1 });
  assert.equal(reach.beats.measure, "reach");
  assert.deepEqual(reach.beats.goal, reach.beats.reach);
  assert.deepEqual(reach.mixes.map((m) => m.goal), reach.mixes.map((m) => m.reach));
  const value = tiermix.sensitivity({ goal: { objective: "netValue" } });
  for (const w of value) assert.equal(w.low.goal, w.low.netValue, w.quantity);
  const fee = tiermix.sensitivity({}).find((w) => w.quantity === "fee");
  assert.ok(fee.low.goal > fee.high.goal, "dearer fees buy fewer influencers, so fewer conversions");
});

test("the best mix is re-planned in 200 worlds", () => {
  const { robustness, mixes } = tiermix.simulate({}, { draws: 2000, seed: 1 });
  assert.equal(robustness.worlds, 200);
  assert.deepEqual(robustness.best.map((b) => b.label.en), mixes.map((m) => m.label.en));
  assert.deepEqual(robustness.tiers.map((t) => t.tier), ["nano", "micro", "macro"]);
  for (const t of robustness.tiers) assert.ok(t.p10 <= t.p50 && t.p50 <= t.p90 && t.p90 <= 1 + 1e-12 && t.leading >= 0 && t.leading <= 1);
  assert.ok(robustness.shortfall.p10 >= 0);
});

test("switching values name the runner-up, the assumption and where the two swap", () => {
  const switches = tiermix.switchingValues({});
  assert.ok(switches.length > 50);
  for (const w of switches) {
    assert.ok(["single", "mix"].includes(w.against.kind));
    assert.equal(w.measure, "conversions");
    assert.ok(w.value === null || (w.value > 0 && w.value !== w.typical), JSON.stringify(w));
  }
  const gamma = switches.find((w) => w.quantity === "persuasionGamma" && w.against.tier === "nano");
  // Nano would win only if small accounts persuaded far more than the 4× the trade press claims.
  assert.ok(Math.abs(gamma.ratio.typical - 4) < 1e-3 && gamma.ratio.value > 4, JSON.stringify(gamma));
  assert.throws(() => tiermix.switchingValues({ budget: -1 }), /budget must be/);
  assert.ok(tiermix.switchingValues({ budget: 5000 }).length > 0, "the module still answers after an error");
});
