// `make bench`: how soon a phone shows the first result number, the page as served (its
// default results prerendered into the HTML by the build) beside the same page as written
// (www/index.html, which waits for the engine), in the same run. Phone profile through the
// DevTools protocol: 4× CPU slowdown, slow 4G (150 ms round trip, 1.6 Mbps down, 750 kbps up),
// a 412 × 823 screen, cold cache every load.
//
// "Visible" is the first animation frame in which the summary holds a number and is shown
// (not hidden by the page's waiting rule), and the first contentful paint has happened.
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, startServer } from "../../tests/e2e/harness.mjs";
import { record } from "./bench-record.mjs";

const WWW = fileURLToPath(new URL("../../www/", import.meta.url));
const RUNS = Number(process.env.RUNS ?? 9);
const TARGET_MS = 350;

/** Records, from the first byte of the document, when the summary first shows a number. */
const WATCH = () => {
  const w = /** @type {any} */ (window);
  w.__first = null;
  const look = () => {
    const summary = document.getElementById("summary");
    const main = document.getElementById("app");
    if (summary && main && /\d/.test(summary.textContent ?? "") && getComputedStyle(summary).visibility === "visible") {
      w.__first = performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

/** A copy of www/ whose index.html is `page`; the other files are the same ones. */
async function copyWith(/** @type {string} */ name, /** @type {string} */ page) {
  const root = await mkdtemp(join(tmpdir(), `tiermix-${name}-`));
  for (const entry of await readdir(WWW)) {
    if (entry !== "index.html") await symlink(join(WWW, entry), join(root, entry));
  }
  await writeFile(join(root, "index.html"), page);
  return root;
}
const filled = await readFile(join(WWW, "pkg", "index.html"), "utf8");
const summary = /<p id="summary"[^>]*>[^<]*<\/p>/.exec(filled)?.[0];
if (!summary) throw new Error("bench-first: the served page has no prerendered summary");
// Three peers. The page as written, which waits for the engine. The floor for this page's head:
// the same head (style sheets, wait.js, the engine's start), a body of the summary alone, so
// what is left is the network and the browser, not the page's size. And the floor of any page:
// the summary alone, nothing else to fetch.
const written = await copyWith("written", await readFile(join(WWW, "index.html"), "utf8"));
const headOnly = await copyWith("head", `${filled.slice(0, filled.indexOf("<body>"))}<body><main id="app">${summary}</main></body></html>`);
const bare = await copyWith("bare", `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>tiermix</title></head><body><main id="app">${summary}</main></body></html>`);
const served = await startServer();
const asWritten = await startServer({ root: `${written}/` });
const withHeadOnly = await startServer({ root: `${headOnly}/` });
const withNothing = await startServer({ root: `${bare}/` });
const browser = await launch();

async function load(/** @type {string} */ origin, engine = true) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(WATCH);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => /** @type {any} */ (window).__first !== null, null, { timeout: 30_000 });
    // The floors have no engine to wait for.
    if (engine) await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
    return await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
      const engine = performance.getEntriesByName("tiermix:first-result")[0]?.startTime ?? NaN;
      return { visible: Math.max(/** @type {any} */ (window).__first, fcp), fcp, engine };
    });
  } finally {
    await context.close();
  }
}

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

try {
  /** @type {Record<string, { visible: number, fcp: number, engine: number }[]>} */
  const runs = { served: [], written: [], head: [], bare: [] };
  // Alternated, so all see the machine's load alike.
  for (let i = 0; i < RUNS; i++) {
    runs.served.push(await load(served.origin));
    runs.written.push(await load(asWritten.origin));
    runs.head.push(await load(withHeadOnly.origin, false));
    runs.bare.push(await load(withNothing.origin, false));
  }
  const medians = (/** @type {string} */ name) => ({
    visible: median(runs[name].map((r) => r.visible)), fcp: median(runs[name].map((r) => r.fcp)), engine: median(runs[name].map((r) => r.engine)) });
  const prerendered = medians("served");
  const waiting = medians("written");
  const headFloor = medians("head");
  const bareFloor = medians("bare");
  const s = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`first result number visible, phone profile (4× CPU, slow 4G), median of ${RUNS}:`);
  console.log(`  as served (prerendered): ${s(prerendered.visible)} (first paint ${s(prerendered.fcp)}, engine's first result ${s(prerendered.engine)})`);
  console.log(`  as written (waits for the engine): ${s(waiting.visible)} (first paint ${s(waiting.fcp)}, engine's first result ${s(waiting.engine)})`);
  console.log(`  floor for this head (the summary alone under the same <head>): ${s(headFloor.visible)}`);
  console.log(`  floor for any page (the summary alone, nothing else to fetch): ${s(bareFloor.visible)}`);
  record("first result number visible, phone (4× CPU, slow 4G), as served", `${s(prerendered.visible)} (page as written ${s(waiting.visible)}, ${(waiting.visible / prerendered.visible).toFixed(1)}× later)`,
    `≤ ${s(TARGET_MS)}`, prerendered.visible <= TARGET_MS);
  record("… the same number under the page's <head> with nothing else / with no file to fetch", `${s(headFloor.visible)} / ${s(bareFloor.visible)} (served: ${(prerendered.visible / headFloor.visible).toFixed(2)}× / ${(prerendered.visible / bareFloor.visible).toFixed(2)}×)`, "floors", null);
  record("engine takes over (its first result), phone, as served", s(prerendered.engine), "after the first number", null);
} finally {
  await browser.close();
  for (const server of [served, asWritten, withHeadOnly, withNothing]) await server.close();
  for (const root of [written, headOnly, bare]) await rm(root, { recursive: true, force: true });
}
