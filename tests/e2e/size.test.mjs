// What a phone downloads before it can use the calculator: every file of the first load, the
// engine workers' included, gzipped as a static host serves it. The budget is on the shipped
// copy, `make dist`'s output (minified, hashed names), built here into a temporary folder; the
// sources in www/ are measured beside it for comparison. The candidates tab, the other language
// and chart export load only when asked for and are not counted.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { firstLoad, session, startServer } from "./harness.mjs";

const folder = await mkdtemp(join(tmpdir(), "tiermix-size-"));
await promisify(execFile)("node", [new URL("../../scripts/build/dist.mjs", import.meta.url).pathname, folder]);
const live = session({ root: `${folder}/` });
after(() => rm(folder, { recursive: true, force: true }));
const BUDGET_GZIP = 100_000;

/** A shipped file's path in www/: `/js/app.993a25c429.js` → `/js/app.js`. @param {string} path */
const source = (path) => path.replace(/\.[0-9a-f]{10}(\.[^./]+)$/, "$1");
/** @param {{ path: string, raw: number, gzip: number }[]} files */
const total = (files) => files.reduce((sum, file) => sum + file.gzip, 0);

test(`everything the published page loads at first is at most ${BUDGET_GZIP} bytes gzipped`, async () => {
  const { files } = await firstLoad(live.browser, live.server.origin, `${folder}/`);
  console.log(files.map((file) => `${file.path}: ${file.raw} raw, ${file.gzip} gzipped`).join("\n"), `\ntotal: ${total(files)} bytes gzipped (budget ${BUDGET_GZIP})`);
  assert.ok(files.some((file) => /^\/pkg\/calculator_bg\.[0-9a-f]{10}\.wasm$/.test(file.path)), "the engine is part of the first load");
  assert.ok(files.some((file) => /^\/js\/app\.[0-9a-f]{10}\.js$/.test(file.path)), "the shipped, hashed page is what was measured");
  assert.ok(!files.some((file) => /\/pkg\/tiermix[._]|i18n\/fr\.|roster/.test(file.path)), "nothing loads before it is needed");
  assert.ok(total(files) <= BUDGET_GZIP, `${total(files)} > ${BUDGET_GZIP}`);
});

test("the published first load is the sources' first load, each script and style sheet minified", async () => {
  const sources = await startServer();
  try {
    const shipped = (await firstLoad(live.browser, live.server.origin, `${folder}/`)).files;
    const written = (await firstLoad(live.browser, sources.origin)).files;
    console.log(written.map((file) => `${file.path}: ${file.raw} raw, ${file.gzip} gzipped`).join("\n"),
      `\nwww/ as written: ${total(written)} bytes gzipped; shipped: ${total(shipped)} (${total(shipped) - total(written)})`);
    assert.deepEqual(shipped.map((file) => source(file.path)).sort(), written.map((file) => file.path).sort());
    const unminified = shipped.filter((file) => /\.(js|css)$/.test(file.path)
      && file.raw >= (written.find((other) => other.path === source(file.path))?.raw ?? 0));
    assert.deepEqual(unminified.map((file) => file.path), [], "every script and style sheet ships smaller than it is written");
  } finally {
    await sources.close();
  }
});
