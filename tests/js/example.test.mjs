// The README's example must keep running as printed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

test("examples/compare.mjs runs and prints every mix and the error message", () => {
  const out = execFileSync(process.execPath, [new URL("../../examples/compare.mjs", import.meta.url).pathname], { encoding: "utf8" });
  assert.match(out, /tier: 'micro', index: 1/);
  assert.match(out, /Nano only 143 15382 246/);
  assert.match(out, /Your mix 58 72298 510/);
  assert.match(out, /Best for conversions 59 92545 749/);
  assert.match(out, /Best balance 1 nano, 37 micro, 2 macro tooSmall/);
  assert.match(out, /Micro only: 258–1372 conversions, beats Macro only in 88% of worlds/);
  assert.match(out, /budget must be a finite number from 0 to 1000000000000 \(got -5\)/);
});
