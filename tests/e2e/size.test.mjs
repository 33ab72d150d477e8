// What a phone downloads before it can use the calculator: every file the page fetches before
// its first result, gzipped as a static host serves it, and apart what its workers then fetch
// for the simulation and the trade-off charts. The budget is on the shipped copy, `make dist`'s
// output (minified, hashed names), built here into a temporary folder; the sources in www/ are
// measured beside it for comparison. The candidates tab, the other language and chart export
// load only when asked for and are not counted.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { firstLoad, openPage, session, startServer } from "./harness.mjs";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

const folder = await mkdtemp(join(tmpdir(), "tiermix-size-"));
await promisify(execFile)("node", [new URL("../../scripts/build/dist.mjs", import.meta.url).pathname, folder]);
const live = session({ root: `${folder}/` });
after(() => rm(folder, { recursive: true, force: true }));
/**
 * Before the first result: all files (at most 90 KB gzipped, the first result now arriving with
 * the HTML, which carries the default scenario's numbers), and the wasm module among them.
 */
const BUDGET_GZIP = 90_000;
const BUDGET_MODULE = 35_000;

/** A shipped file's path in www/: `/js/app.993a25c429.js` → `/js/app.js`. @param {string} path */
const source = (path) => path.replace(/\.[0-9a-f]{10}(\.[^./]+)$/, "$1");
/** @param {{ path: string, raw: number, gzip: number }[]} files */
const total = (files) => files.reduce((sum, file) => sum + file.gzip, 0);

/**
 * The files the page asked for before its first result (the document and every resource that
 * started by then), and every file asked for once the simulation has answered, gzipped.
 */
async function beforeFirstResult(origin, root) {
  const { page, context } = await openPage(live.browser, origin);
  try {
    const paths = await page.evaluate(() => {
      const first = performance.getEntriesByName("tiermix:first-result")[0].startTime;
      return performance.getEntriesByType("resource").filter((entry) => entry.startTime <= first).map((entry) => new URL(entry.name).pathname);
    });
    return Promise.all(["/", ...new Set(paths)].map(async (path) => {
      const body = await readFile(root + (path.endsWith("/") ? `${path}index.html` : path).slice(1));
      return { path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }));
  } finally {
    await context.close();
  }
}

test(`everything the published page fetches before its first result is at most ${BUDGET_GZIP} bytes gzipped, its engine ${BUDGET_MODULE}`, async () => {
  const files = await beforeFirstResult(live.server.origin, `${folder}/`);
  const whole = (await firstLoad(live.browser, live.server.origin, `${folder}/`)).files;
  console.log(files.map((file) => `${file.path}: ${file.raw} raw, ${file.gzip} gzipped`).join("\n"), `\nbefore the first result: ${total(files)} bytes gzipped (budget ${BUDGET_GZIP})`);
  const later = whole.filter((file) => !files.some((first) => first.path === file.path));
  console.log(later.map((file) => `${file.path}: ${file.raw} raw, ${file.gzip} gzipped`).join("\n"), `\nthen, until the simulation answers: ${total(later)} bytes gzipped more (${total(whole)} in all)`);
  const engine = files.filter((file) => file.path.endsWith(".wasm"));
  assert.deepEqual(engine.map((file) => source(file.path)), ["/pkg/start_bg.wasm"], "the first module is the page's engine before its first result");
  assert.ok(engine[0].gzip <= BUDGET_MODULE, `${engine[0].gzip} > ${BUDGET_MODULE}`);
  assert.ok(files.some((file) => /^\/js\/app\.[0-9a-f]{10}\.js$/.test(file.path)), "the shipped, hashed page is what was measured");
  assert.ok(later.some((file) => /^\/pkg\/calculator_bg\.[0-9a-f]{10}\.wasm$/.test(file.path)), "the workers' module loads after the first result");
  assert.ok(!whole.some((file) => /\/pkg\/tiermix[._]|i18n\/fr\.|roster/.test(file.path)), "nothing loads before it is needed");
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
