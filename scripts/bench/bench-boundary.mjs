// `make bench` (the boundary): `evaluate` on the page's first module, the call into wasm and
// the answer's objects included, against the same formulas in plain JavaScript
// (evaluate-plain.mjs), side by side in one run, in Node and in headless Chromium. Target: the
// engine at most 1.0× the plain JavaScript. Each side's answers are first checked equal to 1e-9.
import { readFileSync } from "node:fs";
import { launch, startServer } from "../../tests/e2e/harness.mjs";
import { SCENARIOS, evaluatePlain, relativeDifference, sideBySide } from "./evaluate-plain.mjs";
import { record } from "./bench-record.mjs";

/** The module the page computes its first result with, and its wasm. */
const FIRST = process.env.TIERMIX_BENCH_MODULE ?? "start";
const PLAIN = new URL("./evaluate-plain.mjs", import.meta.url);

/** The default scenario, bare and as the page sends it (every field written out). */
const CASES = [
  ["the default scenario, {}", {}],
  ["the default scenario as the page sends it", {
    budget: 20000, currency: "EUR", scheme: "fr2018", mix: { shares: { nano: 1 / 3, micro: 1 / 3, macro: 1 / 3 } }, overrides: {},
    goal: { objective: "conversions", lambda: 0.5 },
  }],
];

function report(where, results) {
  for (const [name, { engine, plain }] of results) {
    const ratio = engine / plain;
    console.log(`${where.padEnd(9)} evaluate, ${name.padEnd(44)} engine ${engine.toFixed(0).padStart(6)} ns   plain JS ${plain.toFixed(0).padStart(6)} ns   ${ratio.toFixed(2)}×`);
    record(`evaluate with its boundary / plain JS, ${name} (${where})`, `${ratio.toFixed(2)}× (${engine.toFixed(0)} / ${plain.toFixed(0)} ns)`, "≤ 1.0×", ratio <= 1);
  }
}

/** Throws unless both give the same outcome on every scenario of the transcription's list. */
function check(evaluate, plain) {
  for (const scenario of SCENARIOS) {
    const difference = relativeDifference(plain(scenario), evaluate(scenario));
    if (!(difference <= 1e-9)) throw new Error(`plain JS differs from the engine by ${difference} on ${JSON.stringify(scenario)}`);
  }
}

// Node.
const engine = await import(`../../www/pkg/${FIRST}.js`);
await engine.default({ module_or_path: readFileSync(new URL(`../../www/pkg/${FIRST}_bg.wasm`, import.meta.url)) });
check(engine.evaluate, evaluatePlain);
report("Node", CASES.map(([name, scenario]) => [name, sideBySide(engine.evaluate, evaluatePlain, scenario)]));

// Chromium: a blank page of the server's origin, under the site's CSP, imports the module and
// the transcription (served beside it only for this run).
const server = await startServer();
const browser = await launch();
try {
  const context = await browser.newContext();
  await context.route("**/__bench__/**", (route) => {
    const path = new URL(route.request().url()).pathname;
    return path.endsWith(".mjs")
      ? route.fulfill({ body: readFileSync(PLAIN), contentType: "text/javascript" })
      : route.fulfill({ body: "<!doctype html><title>bench</title>", contentType: "text/html",
        headers: { "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" } });
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/__bench__/index.html`);
  const results = await page.evaluate(async ([first, cases]) => {
    const wasm = await import(`/pkg/${first}.js`);
    await wasm.default();
    const { SCENARIOS, evaluatePlain, relativeDifference, sideBySide } = await import("/__bench__/evaluate-plain.mjs");
    for (const scenario of SCENARIOS) {
      const difference = relativeDifference(evaluatePlain(scenario), wasm.evaluate(scenario));
      if (!(difference <= 1e-9)) throw new Error(`plain JS differs from the engine by ${difference} on ${JSON.stringify(scenario)}`);
    }
    return cases.map(([name, scenario]) => [name, sideBySide(wasm.evaluate, evaluatePlain, scenario)]);
  }, [FIRST, CASES]);
  report("Chromium", results);
} finally {
  await browser.close();
  await server.close();
}
