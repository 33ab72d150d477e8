// `make bench`: how soon a phone shows the first result number, the page as served (its
// default results prerendered into the HTML by the build) beside the same page as written
// (www/index.html, which waits for the engine), in the same run. Phone profile through the
// DevTools protocol: 4× CPU slowdown, slow 4G (150 ms round trip, 1.6 Mbps down, 750 kbps up),
// a 412 × 823 screen, cold cache every load.
//
// "Visible" is the first animation frame in which the summary holds a number and is shown
// (not hidden by the page's waiting rule), and the first contentful paint has happened.
import { mkdtemp, readdir, rm, symlink, copyFile } from "node:fs/promises";
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

// The page as written, served beside the one the build filled: the same files, its own index.html.
const written = await mkdtemp(join(tmpdir(), "tiermix-written-"));
for (const entry of await readdir(WWW)) {
  if (entry === "index.html") await copyFile(join(WWW, entry), join(written, entry));
  else await symlink(join(WWW, entry), join(written, entry));
}
const served = await startServer();
const asWritten = await startServer({ root: `${written}/` });
const browser = await launch();

async function load(/** @type {string} */ origin) {
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
    await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
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
  const runs = { served: [], written: [] };
  // Alternated, so both see the machine's load alike.
  for (let i = 0; i < RUNS; i++) {
    runs.served.push(await load(served.origin));
    runs.written.push(await load(asWritten.origin));
  }
  const summary = (/** @type {string} */ name) => ({
    visible: median(runs[name].map((r) => r.visible)), fcp: median(runs[name].map((r) => r.fcp)), engine: median(runs[name].map((r) => r.engine)) });
  const filled = summary("served");
  const waiting = summary("written");
  const s = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`first result number visible, phone profile (4× CPU, slow 4G), median of ${RUNS}:`);
  console.log(`  as served (prerendered): ${s(filled.visible)} (first paint ${s(filled.fcp)}, engine's first result ${s(filled.engine)})`);
  console.log(`  as written (waits for the engine): ${s(waiting.visible)} (first paint ${s(waiting.fcp)}, engine's first result ${s(waiting.engine)})`);
  record("first result number visible, phone (4× CPU, slow 4G), as served", `${s(filled.visible)} (page as written ${s(waiting.visible)}, ${(waiting.visible / filled.visible).toFixed(1)}× later)`,
    `≤ ${s(TARGET_MS)}`, filled.visible <= TARGET_MS);
  record("engine takes over (its first result), phone, as served", s(filled.engine), "after the first number", null);
} finally {
  await browser.close();
  await served.close();
  await asWritten.close();
  await rm(written, { recursive: true, force: true });
}
