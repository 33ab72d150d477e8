// Lighthouse on the page and the iframe embed, served like a strict static host, in Debian's
// Chromium: accessibility, best practices and SEO must score at least 95. Performance depends
// on the machine, so it is printed here and reported by `make bench`, not asserted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../e2e/harness.mjs";

const MINIMUM = 95;
const ASSERTED = ["accessibility", "best-practices", "seo"];

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {chromeLauncher.LaunchedChrome} */
let chrome;

before(async () => {
  server = await startServer();
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await chrome?.kill();
  await server?.close();
});

/** Scores (0–100) of every category, and the failing audits of the asserted ones. @param {string} path */
export async function audit(path) {
  const result = await lighthouse(`${server.origin}${path}`, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", ...ASSERTED],
    formFactor: "mobile",
  });
  const lhr = /** @type {any} */ (result).lhr;
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round(/** @type {any} */ (c).score * 100)]));
  const failing = ASSERTED.flatMap((id) => lhr.categories[id].auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => `${id}: ${ref.id} — ${lhr.audits[ref.id].title}`));
  return { scores, failing };
}

for (const path of ["/", "/embed.html?budget=20000&lang=fr"]) {
  test(`Lighthouse scores ${path} at least ${MINIMUM} in ${ASSERTED.join(", ")}`, async () => {
    const { scores, failing } = await audit(path);
    console.log(`Lighthouse ${path}: ${Object.entries(scores).map(([id, s]) => `${id} ${s}`).join(", ")}`);
    for (const id of ASSERTED) assert.ok(scores[id] >= MINIMUM, `${id} ${scores[id]} < ${MINIMUM}: ${failing.join("; ")}`);
  });
}
