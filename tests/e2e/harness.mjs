// Serves www/ like a strict static host and drives Debian's Chromium through playwright-core.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { mkdir } from "node:fs/promises";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { POLICY } from "../../scripts/build/csp.mjs";

const ROOT = fileURLToPath(new URL("../../www/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
// Test and benchmark tooling, served from the same origin so the strict CSP can stay on.
const TOOLS = {
  "/__test__/axe.min.js": AXE,
  "/__test__/papaparse.min.js": fileURLToPath(new URL("../../node_modules/papaparse/papaparse.min.js", import.meta.url)),
};
export const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
};

/**
 * The file a request is answered from: the pages as served, filled with their first results,
 * are written by the build into www/pkg/ (scripts/build/prerender.mjs); `make dist`'s copy has
 * them in place.
 */
export function servedFile(/** @type {string} */ root, /** @type {string} */ file) {
  const page = root === ROOT && /^(index|embed)\.html$/.exec(file.slice(root.length));
  return page ? join(root, "pkg", page[0]) : file;
}

const COMPRESSED = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".csv"]);

/**
 * Serves `root` (www/ by default; `make dist`'s output in its test) on `port` (any free one by
 * default).
 */
export async function startServer({ root = ROOT, port: wanted = 0 } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    // Fixture pages (blog posts embedding the calculator) live under /fixtures/, beside www/.
    const [base, rest] = path.startsWith("/fixtures/") ? [FIXTURES, path.slice("/fixtures/".length)] : [root, path];
    const tool = TOOLS[path];
    const asked = tool ?? normalize(join(base, rest.endsWith("/") || rest === "" ? `${rest}index.html` : rest));
    if (!tool && !asked.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    const file = tool ? asked : servedFile(base, asked);
    try {
      let body = await readFile(file);
      // Compressed as every static host compresses, so Lighthouse and the byte counts see what a
      // phone would download.
      const compress = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) && COMPRESSED.has(extname(file));
      if (compress) body = gzipSync(body, { level: 9 });
      response.writeHead(200, {
        ...(compress ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        // Every page refuses to be framed, except the one made to be: the iframe embed.
        "content-security-policy": `${POLICY}; frame-ancestors ${file.endsWith("embed.html") ? "*" : "'none'"}`,
        "x-content-type-options": "nosniff",
        // A sandboxed iframe has an opaque origin: its module scripts and wasm are CORS fetches.
        "access-control-allow-origin": "*",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(wanted, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** Headless and quiet: this machine's network is closed, so Chromium must not call home. */
export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * Opens the page and records what a careful reviewer would look for: console errors, page
 * errors and any request that leaves the page's origin. By default it waits for the whole
 * engine: the page is usable from `data-ready` (its first module), and answers all from
 * `data-calculator` (calculator.js, with the optimum and the assumptions, after the first result).
 */
export async function openPage(browser, origin, { path = "/", viewport = { width: 1280, height: 900 }, colorScheme = "light", locale = "en-US", waitFor = "html[data-calculator]" } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale });
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", (error) => problems.push(error.message));
  // Every path asked for, workers' requests included.
  const requested = [];
  context.on("request", (request) => {
    if (request.url().startsWith(origin)) requested.push(new URL(request.url()).pathname);
    else foreign.push(request.url());
  });
  await page.goto(origin + path);
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 15_000 });
  return { page, context, problems, foreign, requested };
}

/**
 * One cold load of the page, as a phone pays for it: every file asked for until the simulation
 * has answered (the worker's own loads included), raw and gzipped as a static host serves it,
 * and the time from navigation to the first result.
 * @param {string} [root] the folder the server serves (www/ by default; `make dist`'s output)
 */
export async function firstLoad(browser, origin, root = ROOT) {
  const { page, context, requested } = await openPage(browser, origin);
  try {
    const firstResult = await page.evaluate(() => performance.getEntriesByName("tiermix:first-result")[0].startTime);
    await page.waitForFunction(() => /simulated|simulés/.test(document.querySelector("#certainty-status")?.textContent ?? ""), null, { timeout: 20_000 });
    const files = await Promise.all([...new Set(requested)].map(async (path) => {
      const body = await readFile(servedFile(root, root + (path.endsWith("/") ? `${path}index.html` : path).slice(1)));
      return { path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }));
    return { files, firstResult };
  } finally {
    await context.close();
  }
}

/** Waits until the roster tab shows the candidates it chose, in either language. @param {import("playwright-core").Page} page */
export function picked(page) {
  return page.waitForFunction(() => /chosen|retenus/.test(document.querySelector("#roster-pick-summary")?.textContent ?? ""), null, { timeout: 20_000 });
}

/** Runs axe-core on the page and returns its violations, described for a failure message. */
export async function axeViolations(page) {
  await page.addScriptTag({ url: "/__test__/axe.min.js" });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  return violations;
}

/**
 * One server and one browser for a test file: started before its tests, closed after them.
 * Read `live.server` and `live.browser` inside tests (they exist once `before` has run).
 * @param {{ root?: string }} [options] what the server serves (www/ by default)
 */
export function session(options = {}) {
  /** @type {{ server?: Awaited<ReturnType<typeof startServer>>, browser?: import("playwright-core").Browser }} */
  const live = {};
  before(async () => {
    live.server = await startServer(options);
    live.browser = await launch();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await live.browser?.close();
    await live.server?.close();
  });
  return live;
}
