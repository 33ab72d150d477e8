// The page never freezes: every engine call that can take long runs in a worker, and what the
// workers answer is shown only for the inputs on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { formatters } from "../../www/js/format.js";
import { session } from "./harness.mjs";

const live = session();
/** A task this long is a visible stall: a keystroke or a scroll waits for it. */
const LONGEST_TASK_MS = 200;
/** Today's engine may spend many seconds on one of these links in a worker; the page must not care. */
const SETTLE_MS = 180_000;

/** A fresh page with a long-task observer installed before any of its scripts run. */
async function observedPage(path) {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  await context.addInitScript(() => {
    /** @type {{ duration: number, startTime: number }[]} */
    const tasks = [];
    Object.defineProperty(window, "__longTasks", { value: tasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ duration: entry.duration, startTime: entry.startTime });
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  await page.goto(live.server.origin + path);
  return { page, context, problems };
}

/** Resolves once the trade-off charts are drawn for the budget now on screen. */
function tradeOffsDrawn(page, timeout = SETTLE_MS) {
  return page.waitForFunction(() => {
    const section = document.querySelector("section:has(#frontier)");
    const budget = document.querySelector("#budget").valueAsNumber;
    const marker = document.querySelector("#curves .xy-marker + text")?.textContent ?? "";
    const compact = new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR", notation: "compact", maximumSignificantDigits: 3 });
    return section?.getAttribute("aria-busy") !== "true" && document.querySelector("#frontier path") !== null && marker === compact.format(budget);
  }, null, { timeout, polling: 100 });
}

for (const link of ["#budget=1000000000&scheme=imh&goal=blend", "#budget=1000000000&scheme=traackr&goal=reach"]) {
  test(`no main-thread task takes over ${LONGEST_TASK_MS} ms on ${link}`, { timeout: SETTLE_MS + 60_000 }, async () => {
    const { page, context, problems } = await observedPage(`/${link}`);
    await page.waitForSelector("html[data-ready]", { timeout: SETTLE_MS });
    assert.match(await page.textContent("#summary") ?? "", /^Your mix reaches/);
    await tradeOffsDrawn(page);
    await page.waitForFunction(() => /simulated|could not run/.test(document.querySelector("#certainty-status")?.textContent ?? ""), null, { timeout: SETTLE_MS, polling: 100 });
    // Long tasks are reported after they end: one more frame lets the last one arrive.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const { tasks, recomputes } = await page.evaluate(() => ({ tasks: window.__longTasks,
      recomputes: performance.getEntriesByName("tiermix:recompute").map((entry) => entry.duration) }));
    const longest = Math.max(0, ...tasks.map((task) => task.duration));
    const ms = (/** @type {number[]} */ list) => `${list.map((n) => n.toFixed(0)).join(", ")} ms`;
    // The recompute (compare, assumptions, rendering) stays on the main thread: its share is said.
    console.log(`${link}: longest main-thread task ${longest.toFixed(0)} ms; long tasks ${ms(tasks.map((task) => task.duration))}; recomputes ${ms(recomputes)}`);
    assert.deepEqual(problems, []);
    assert.ok(longest <= LONGEST_TASK_MS, `the longest main-thread task took ${longest.toFixed(0)} ms`);
    await context.close();
  });
}

test("the trade-off charts and their tables show only the inputs on screen, however fast the budget changes", { timeout: SETTLE_MS + 60_000 }, async () => {
  // Six tiers: at a large budget the worker is still busy with one answer when the next is asked.
  const { page, context, problems } = await observedPage("/#scheme=traackr");
  await page.waitForSelector("html[data-ready]");
  await tradeOffsDrawn(page);
  // Whenever the charts or tables change, what they show must belong to the budget in its field:
  // the curves' budget column and marker name it, and no best mix spends more than it.
  await page.evaluate(() => {
    const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR", notation: "compact", maximumSignificantDigits: 3 });
    const parse = (/** @type {string} */ text) => Number(text.replace(/[^\d.]/g, ""));
    /** @type {string[]} */
    const wrong = [];
    Object.defineProperty(window, "__wrong", { value: wrong });
    const check = () => {
      const budget = document.querySelector("#budget").valueAsNumber;
      const atBudget = document.querySelector("#curves-table tbody tr:nth-child(5) th")?.textContent;
      if (atBudget && atBudget !== money.format(budget)) wrong.push(`curves table at ${atBudget} while the budget is ${budget}`);
      for (const id of ["curves", "curves-reach"]) {
        const marker = document.querySelector(`#${id} .xy-marker + text`)?.textContent;
        if (marker && marker !== compact.format(budget)) wrong.push(`#${id} marks ${marker} while the budget is ${budget}`);
      }
      for (const row of document.querySelectorAll("#frontier-table tbody tr")) {
        const spend = parse(row.querySelector("td:nth-of-type(3)")?.textContent ?? "");
        if (spend > budget) wrong.push(`a frontier mix spends ${spend} of a budget of ${budget}`);
      }
    };
    // After the page's own listener: a keystroke must take away what no longer holds.
    document.querySelector("#budget").addEventListener("input", check);
    const observer = new MutationObserver(check);
    for (const id of ["curves", "curves-reach", "frontier", "curves-table", "frontier-table"]) {
      observer.observe(document.getElementById(id), { subtree: true, childList: true, characterData: true });
    }
  });
  // While its answer is computed, each chart says so in place, by its name and in its table.
  await page.fill("#budget", "1000000000");
  assert.deepEqual(await page.evaluate(() => ({
    busy: document.querySelector("section:has(#frontier)").getAttribute("aria-busy"),
    charts: ["frontier", "curves-reach", "curves"].map((id) => {
      const chart = document.getElementById(id);
      const name = (chart.getAttribute("aria-labelledby") ?? "").split(" ").map((part) => document.getElementById(part)?.textContent).join("");
      return [chart.getAttribute("role"), name, chart.querySelector("text")?.textContent];
    }),
    tables: ["frontier-table", "curves-table"].map((id) => [document.querySelector(`#${id} caption`).textContent, document.querySelectorAll(`#${id} tr`).length]),
  })), {
    busy: "true",
    charts: Array(3).fill(["img", "Computing the best mixes…", "Computing the best mixes…"]),
    tables: [["The best mix for each weight of persuasion: Computing the best mixes…", 0], ["Reach and conversions at each budget: Computing the best mixes…", 0]],
  });
  await page.waitForTimeout(180);
  // Each change outlives the charts' pause, so a request is under way when the next one comes;
  // the large budgets are the slow ones.
  for (const budget of ["25000", "600000000", "32000", "1000000000", "27500"]) {
    await page.fill("#budget", budget);
    await page.waitForTimeout(180);
  }
  await tradeOffsDrawn(page);
  assert.deepEqual(await page.evaluate(() => window.__wrong), []);

  // What is drawn is exactly the engine's answer for the inputs on screen.
  const { initSync, ...engine } = await import("../../www/pkg/calculator.js");
  initSync({ module: readFileSync(new URL("../../www/pkg/calculator_bg.wasm", import.meta.url)) });
  const shares = await page.$$eval("#mix input[type=number]", (inputs) => Object.fromEntries(inputs.map((input) => [input.dataset.tier, input.valueAsNumber / 100])));
  assert.equal(Object.keys(shares).length, 6);
  const scenario = { budget: 27500, currency: "EUR", scheme: "traackr", mix: { shares }, overrides: {}, goal: { objective: "conversions", lambda: 0.5 } };
  const f = formatters("en", "EUR");
  const expected = engine.frontier(scenario, 21).map((o) => [f.count(o.reach), f.count(o.conversions), f.money(o.spend)]);
  const shown = await page.$$eval("#frontier-table tbody tr", (rows) => rows.map((row) => [...row.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent)));
  assert.deepEqual(shown, expected);
  const curves = engine.responseCurves(scenario, [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4].map((k) => k * scenario.budget));
  const firstCurve = await page.$$eval("#curves-table tbody tr", (rows) => rows.map((row) => row.querySelector("td")?.textContent));
  assert.deepEqual(firstCurve, curves.curves[0].reach.map((reach) => f.count(reach)));
  assert.deepEqual(problems, []);
  await context.close();
});
