// Lighthouse against the static test server in Debian's Chromium: shared by the quality test,
// which asserts the scores, and `make bench`, which reports them.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM, CHROMIUM_FLAGS, startServer } from "../e2e/harness.mjs";

/** Starts a server and a Chromium; `scores(path)` audits one page (mobile emulation). */
export async function startLighthouse() {
  const server = await startServer();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  return {
    /**
     * Each category's score (0–100), and the audits that cost points in `watched` categories.
     * @param {string} path @param {string[]} watched
     */
    async scores(path, watched = []) {
      const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: "json", logLevel: "error", formFactor: "mobile" });
      const lhr = /** @type {any} */ (result).lhr;
      const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round(/** @type {any} */ (c).score * 100)]));
      const failing = watched.flatMap((id) => lhr.categories[id].auditRefs
        .filter((/** @type {any} */ ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((/** @type {any} */ ref) => `${id}: ${ref.id} — ${lhr.audits[ref.id].title}`));
      // The load's timings as Lighthouse simulates a phone on slow 4G, in milliseconds (CLS unitless).
      const metric = (/** @type {string} */ id) => Number(lhr.audits[id]?.numericValue);
      const metrics = { fcp: metric("first-contentful-paint"), lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"), lcpElement: lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? "" };
      return { scores, failing, metrics };
    },
    async close() {
      await chrome.kill();
      await server.close();
    },
  };
}
