// What a phone downloads before it can use the calculator: every file of the first load, the
// engine workers' included, gzipped as a static host serves it. The candidates tab, the
// other language and chart export load only when asked for and are not counted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstLoad, session } from "./harness.mjs";

const live = session();
const BUDGET_GZIP = 100_000;

test(`everything the page loads at first is at most ${BUDGET_GZIP} bytes gzipped`, async () => {
  const { files } = await firstLoad(live.browser, live.server.origin);
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  console.log(files.map((file) => `${file.path}: ${file.gzip}`).join("\n"), `\ntotal: ${total} bytes gzipped (budget ${BUDGET_GZIP})`);
  assert.ok(files.some((file) => file.path === "/pkg/calculator_bg.wasm"), "the engine is part of the first load");
  assert.ok(!files.some((file) => /tiermix_bg\.wasm|i18n\/fr\.js|roster/.test(file.path)), "nothing loads before it is needed");
  assert.ok(total <= BUDGET_GZIP, `${total} > ${BUDGET_GZIP}`);
});
