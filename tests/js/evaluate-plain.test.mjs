// The plain JavaScript transcription make bench measures the engine against
// (scripts/bench/evaluate-plain.mjs) must compute what the engine computes: were the model to
// change without it, the bench would compare the engine with some other formula.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "./load.mjs";
import { SCENARIOS, evaluatePlain, relativeDifference } from "../../scripts/bench/evaluate-plain.mjs";

test("the bench's plain JavaScript evaluate gives the engine's outcome to 1e-9 on every scenario it is timed on", () => {
  for (const scenario of SCENARIOS) {
    const engine = tiermix.evaluate(scenario);
    const plain = evaluatePlain(scenario);
    assert.deepEqual(Object.keys(plain), Object.keys(engine), JSON.stringify(scenario));
    const difference = relativeDifference(plain, engine);
    assert.ok(difference <= 1e-9, `${JSON.stringify(scenario)}: relative difference ${difference}`);
    // The comparison sees every field: a changed number is caught.
    assert.ok(relativeDifference({ ...plain, reach: plain.reach * (1 + 1e-6) }, engine) > 1e-9);
  }
});
