// The module must stay small enough to load in a blink on a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { wasmBytes } from "./load.mjs";

// The first version fit in 40 KB (37.6 KB); the exact optimiser with its frontier and response
// curves added about 11 KB, the seeded simulation about 6 KB, roster reading and picking
// (CSV, locale numbers, the subset search, the column transfer) about 26 KB, and compiling the
// roster reader for speed rather than size another 6.5 KB (it reads 100,000 rows in about
// two thirds of the time). The budget follows at 88 KB, counted in thousands, until a size
// pass brings the module back down (see README, "Size and speed").
const BUDGET_GZIP = 88_000;

test(`tiermix_bg.wasm after wasm-opt is at most ${BUDGET_GZIP} bytes gzipped`, () => {
  const gzipped = gzipSync(wasmBytes, { level: 9 }).length;
  console.log(`tiermix_bg.wasm: ${wasmBytes.length} bytes raw, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP})`);
  assert.ok(gzipped <= BUDGET_GZIP, `${gzipped} > ${BUDGET_GZIP}`);
});
