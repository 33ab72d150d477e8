// The results written into the served pages come from the engine: every call the build's
// prerendering made (www/pkg/prerender.json, answered natively) gives the same answer from the
// wasm module, and the numbers on the served pages are those answers as format.js writes them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import initCalculator, * as calculator from "../../www/pkg/calculator.js";
import facts from "../../www/pkg/facts.js";
import { formatters } from "../../www/js/format.js";
import { METRICS } from "../../www/js/engine.js";
import { Document } from "../../scripts/build/mini-dom.mjs";

await initCalculator({ module_or_path: readFileSync(new URL("../../www/pkg/calculator_bg.wasm", import.meta.url)) });

const pkg = (/** @type {string} */ name) => readFileSync(new URL(`../../www/pkg/${name}`, import.meta.url), "utf8");
/** @type {{ calls: [string, unknown[], unknown][] }} */
const { calls } = JSON.parse(pkg("prerender.json"));
/** JSON's view of an answer: what the native engine's answer went through. */
const plain = (/** @type {unknown} */ value) => JSON.parse(JSON.stringify(value));
const comparisons = calls.filter(([name]) => name === "compare").map(([, args]) => /** @type {any} */ (calculator.compare(args[0])));

test("each call the build answered natively gives the same answer from the wasm module", () => {
  assert.ok(calls.some(([name]) => name === "compare"), "the results were computed");
  for (const [name, args, answer] of calls) {
    assert.deepEqual(plain(/** @type {any} */ (calculator)[name](...args)), answer, `${name}(${JSON.stringify(args).slice(0, 120)})`);
  }
});

test("the build computed the default scenario, as the page and the widget ask for it", () => {
  const scenarios = calls.filter(([name]) => name === "compare").map(([, args]) => /** @type {any} */ (args[0]));
  assert.equal(scenarios.length, 2, "one for the page, one for the widget");
  for (const scenario of scenarios) {
    assert.equal(scenario.budget, facts.defaults.budget);
    assert.equal(scenario.currency, facts.defaults.currency);
    assert.equal(scenario.scheme, facts.defaults.scheme);
    assert.equal(scenario.goal.objective, facts.defaults.goal.objective);
  }
});

test("the served page's summary and comparison are the engine's numbers as the page formats them", () => {
  const page = new Document(pkg("index.html"));
  const [comparison] = comparisons;
  const f = formatters("en", facts.defaults.currency);
  const mine = comparison.mixes.find((/** @type {any} */ m) => m.kind === "mix");
  const summary = page.getElementById("summary")?.textContent ?? "";
  assert.ok(summary.startsWith(`Your mix reaches ${f.count(mine.reach)} people and persuades ${f.count(mine.conversions)} of them to act, for ${f.money(mine.spend)}`), summary);
  const rows = page.getElementById("compare")?.querySelectorAll("tbody tr") ?? [];
  assert.equal(rows.length, METRICS.length);
  METRICS.forEach(([key, kind], r) => {
    const cells = rows[r].querySelectorAll("td").map((cell) => cell.textContent);
    const expected = comparison.mixes.map((/** @type {any} */ m) => (m[key] === null ? "—" : /** @type {any} */ (f)[kind](m[key])));
    assert.deepEqual(cells, expected, `${key}`);
  });
  assert.equal(page.documentElement.getAttribute("lang"), "en", "prerendered in the markup's language");
});

test("the served widget's summary and table are the engine's numbers as the widget formats them", () => {
  const embed = new Document(pkg("embed.html"));
  const comparison = comparisons[1];
  const f = formatters("en", facts.defaults.currency);
  const mine = comparison.mixes.find((/** @type {any} */ m) => m.kind === "mix");
  const best = comparison.mixes.find((/** @type {any} */ m) => m.kind === "optimum");
  const template = embed.querySelector("tier-mix template");
  assert.equal(template?.getAttribute("shadowrootmode"), "open", "a declarative shadow root the element adopts");
  assert.match(template?.querySelector(".summary")?.textContent ?? "", new RegExp(`^Your mix reaches ${f.count(mine.reach)} people`));
  const cells = template?.querySelectorAll("tbody td").map((cell) => cell.textContent);
  assert.deepEqual(cells, [f.count(mine.reach), f.count(best.reach), f.count(mine.conversions), f.count(best.conversions),
    f.roi(mine.roi), f.roi(best.roi)]);
});
