// The calculator page as a person uses it, in headless Chromium under a strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ARTIFACTS, axeViolations, openPage, session } from "./harness.mjs";

const live = session();

const summary = (page) => page.textContent("#summary");
const cell = (page, row, column) => page.locator(`#compare tbody tr:nth-child(${row}) td:nth-of-type(${column})`).textContent();

test("loads with results, no console error and no request to another origin", async () => {
  const { page, context, problems, foreign } = await openPage(live.browser, live.server.origin);
  assert.match(await summary(page), /^Your mix reaches [\d,]+ people and persuades [\d,]+ of them to act/);
  assert.equal(await page.locator("#compare thead th").count(), 6, "measure + 3 single-tier mixes + your mix + the best mix");
  assert.equal(await cell(page, 1, 1), "143", "nano only hires 143 influencers");
  assert.equal(await cell(page, 1, 2), "59");
  assert.equal(await cell(page, 1, 3), "5");
  assert.equal(await page.locator("#chart rect").count(), 10);
  assert.equal(await page.getAttribute("#chart", "role"), "img");
  assert.match(await page.textContent("#chart desc"), /Micro only: Unique reach 86,868/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("the calculator stays hidden while it loads, and an engine that cannot load is said so, visibly", async () => {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  await page.route("**/start_bg.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${live.server.origin}/`);
  const alert = page.getByRole("alert");
  await alert.waitFor({ state: "visible" });
  assert.match(await alert.textContent(), /start_bg\.wasm/);
  assert.equal(await page.getAttribute("#app", "aria-busy"), "false");
  await context.close();
});

test("if the scripts never start, the page still shows itself", async () => {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  await page.route("**/pkg/start.js", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${live.server.origin}/`);
  await page.locator("#budget").waitFor({ state: "visible", timeout: 8_000 });
  await context.close();
});

test("the last language clicked wins, however long each takes to load", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.route("**/i18n/fr.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.getByRole("button", { name: "Français" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForTimeout(1_500);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.getAttribute("button[data-lang=en]", "aria-pressed"), "true");
  assert.equal(await page.textContent("#plan-heading"), "Your campaign");
  await context.close();
});

test("a link in the other language says what it refused in that language", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { path: "/#lang=fr&budget=20000&scheme=nope" });
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  const status = await page.textContent("#share-status");
  assert.ok(status && !status.includes("share."), status ?? "");
  assert.match(status, /schéma|palier|lien/i);
  await context.close();
});

test("typing a budget changes the results without pressing anything", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  const before = await summary(page);
  await page.fill("#budget", "50000");
  await page.waitForFunction((old) => document.querySelector("#summary").textContent !== old, before);
  assert.equal(await cell(page, 1, 1), "357", "nano only now affords 357 influencers");
  assert.notEqual(await summary(page), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad input shows an alert naming the field, and fixing it clears the alert", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.fill("#budget", "-5");
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /budget must be a finite number from 0 to 1000000000000 \(got -5\)/);
  assert.equal(await page.getAttribute("#budget", "aria-invalid"), "true");
  assert.equal(await page.isVisible("#stale"), true, "old results are marked as stale");
  await page.fill("#budget", "30000");
  await alert.waitFor({ state: "hidden" });
  assert.equal(await page.getAttribute("#budget", "aria-invalid"), null);
  await context.close();
});

test("the shares never add up to more than 100%, and can be rebalanced", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.fill("#share-nano", "90");
  assert.equal(await page.inputValue("#share-nano"), "34", "nano can only take what micro and macro leave");
  await page.fill("#share-micro", "10");
  assert.match(await page.textContent("#mix-status"), /Allocated: 77% · unallocated: 23%/);
  await page.fill("#share-nano", "90");
  assert.equal(await page.inputValue("#share-nano"), "57");
  await page.getByRole("button", { name: "Spread evenly" }).click();
  assert.deepEqual(
    [await page.inputValue("#share-nano"), await page.inputValue("#share-micro"), await page.inputValue("#share-macro")],
    ["34", "33", "33"],
  );
  await page.fill("#share-macro", "0");
  await page.getByRole("button", { name: "Fill to 100%" }).click();
  assert.deepEqual([await page.inputValue("#share-nano"), await page.inputValue("#share-micro")], ["51", "49"]);
  await context.close();
});

test("works with the keyboard alone", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.locator("body").press("Tab");
  const order = [];
  // The campaign panel holds the team's figures too (an hourly cost and hours per tier) before the shares.
  for (let i = 0; i < 22; i++) {
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim()));
    await page.keyboard.press("Tab");
  }
  assert.ok(order.includes("budget") && order.includes("g-hourlyCost") && order.includes("share-nano-range") && order.includes("share-nano"), order.join(" → "));
  await page.focus("#budget");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("40000");
  await page.waitForFunction(() => document.querySelector("#compare tbody td").textContent === "286");
  const before = await summary(page);
  await page.focus("#share-macro-range");
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
  assert.equal(await page.inputValue("#share-macro"), "23", "ten steps left from 33%");
  await page.waitForFunction((old) => document.querySelector("#summary").textContent !== old, before);
  await page.focus("#mix-even");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#share-macro"), "33");
  await page.focus("text=Français");
  await page.keyboard.press("Space");
  // French sentences load on first use.
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.equal(await page.getAttribute("button[data-lang=fr]", "aria-pressed"), "true");
  await context.close();
});

test("switching to French translates the page and formats numbers the French way", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await page.getByRole("button", { name: "Français" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.equal(await page.textContent("#plan-heading"), "Votre campagne");
  assert.match(await page.textContent("#scheme-source"), /L'original du BrandNewsBlog est introuvable/, "the sources' notes follow the language");
  assert.equal(await page.getAttribute(".lang-button[data-lang=fr]", "aria-pressed"), "true");
  const text = await summary(page);
  assert.match(text, /^Votre mix touche \d{1,3}(\u202f\d{3})* personnes/, text);
  assert.match(text, /€/);
  assert.match(await page.locator("#compare thead th").nth(1).textContent(), /Nano uniquement/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a French browser opens in French", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { locale: "fr-FR" });
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  await context.close();
});

test("editing an assumption recomputes and shows it was changed; reset restores the default", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  assert.equal(await page.inputValue("#a-fee-micro"), "100");
  assert.match(await page.textContent("#a-fee-micro-range"), /plausible range €50(\.\d+)? – €200/);
  await page.fill("#a-fee-micro", "250");
  await page.waitForFunction(() => document.querySelector("#compare tbody tr td:nth-of-type(2)").textContent === "40");
  assert.match(await page.textContent("#a-fee-micro-range"), /changed by you/);
  assert.match(await page.textContent(".assumption:has(#a-fee-micro) .source"), /Upfluence/);
  assert.match(await page.textContent(".assumption:has(#a-sponsoredFactor-micro) .source"), /could not be traced/, "notes load from sources.json");
  // Eight sources behind the assumptions, and the team's hourly cost (Eurostat) in "Your team".
  assert.equal(await page.locator(".assumption .source a[href^='https://']").count(), 9, "every published source is linked");
  await page.fill("#a-realShare-nano", "90");
  await page.getByRole("button", { name: "Reset every assumption" }).click();
  assert.equal(await page.inputValue("#a-fee-micro"), "100");
  assert.equal(await page.inputValue("#a-realShare-nano"), "75");
  assert.equal(await cell(page, 1, 2), "59");
  await context.close();
});

test("an invalid assumption is reported and survives a language switch until fixed", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.fill("#a-fee-micro", "-5");
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /overrides\.micro\.fee must be an amount from 0 to 1000000000 \(got -5\)/);
  assert.equal(await page.getAttribute("#a-fee-micro", "aria-invalid"), "true");
  await page.getByRole("button", { name: "Français" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.equal(await page.inputValue("#a-fee-micro"), "-5", "the value being fixed is kept");
  assert.match(await alert.textContent(), /^Vérifiez cette saisie/);
  await page.fill("#a-fee-micro", "120");
  await alert.waitFor({ state: "hidden" });
  await context.close();
});

test("another scheme brings its own tiers; thresholds can be edited and are validated", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.selectOption("#scheme", "traackr");
  assert.equal(await page.locator("#mix .mix-row").count(), 6);
  assert.equal(await page.locator("#compare thead th").count(), 9);
  await page.selectOption("#scheme", "fr2018");
  await page.locator("#thresholds summary").click();
  await page.fill("#min-micro", "5000");
  await page.waitForSelector("#thresholds-status:not([hidden])");
  assert.match(await page.textContent("#mix"), /0–4,999 followers/);
  await page.fill("#min-macro", "10");
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /scheme\.tiers\[2\]\.minFollowers must be greater than the previous tier's \(5000\)/);
  assert.equal(await page.getAttribute("#min-macro", "aria-invalid"), "true");
  await page.getByRole("button", { name: "Restore the scheme's thresholds" }).click();
  await alert.waitFor({ state: "hidden" });
  await context.close();
});

test("classifies an account under every scheme", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.fill("#classify-followers", "100000");
  assert.match(await page.textContent("#classify-result"), /Micro under 3 tiers \(French trade press, 2018\)\./);
  assert.match(await page.textContent("#classify-result"), /6 tiers \(Traackr, 2023\): Mid-tier/);
  await page.fill("#classify-followers", "100001");
  assert.match(await page.textContent("#classify-result"), /^Macro under/);
  await page.fill("#classify-followers", "1.5");
  assert.match(await page.textContent("#classify-result"), /followers must be a whole number/);
  await context.close();
});

test("classifying under edited thresholds names them as the user's tiers", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.locator("#thresholds summary").click();
  await page.fill("#min-micro", "5000");
  await page.fill("#classify-followers", "3000");
  assert.match(await page.textContent("#classify-result"), /^Nano under your tiers\./);
  await context.close();
});

test("errors name the input as the page labels it, in the page's language, and keep its description", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { locale: "fr-FR" });
  const describedBefore = await page.getAttribute("#a-reachRate-nano", "aria-describedby");
  await page.fill("#a-reachRate-nano", "150");
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.equal(await alert.textContent(), "Vérifiez cette saisie : « Abonnés qui voient un post (%) — Nano » doit être un pourcentage entre 0 et 100.");
  assert.equal(await page.getAttribute("#a-reachRate-nano", "aria-describedby"), `${describedBefore} error`);
  await page.fill("#budget", "");
  assert.equal(await alert.textContent(), "Vérifiez cette saisie : « Budget » est vide.");
  assert.equal(await page.getAttribute("#a-reachRate-nano", "aria-invalid"), null, "only the input at fault is marked");
  await page.fill("#budget", "20000");
  await page.fill("#a-reachRate-nano", "40");
  await alert.waitFor({ state: "hidden" });
  assert.equal(await page.getAttribute("#a-reachRate-nano", "aria-describedby"), describedBefore);
  await context.close();
});

test("chart labels never run into the bars, even long French ones on a phone", async () => {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    const { page, context } = await openPage(live.browser, live.server.origin, { viewport, locale: "fr-FR" });
    await page.selectOption("#scheme", "imh");
    const overlaps = await page.evaluate(() => {
      const boxes = (selector) => [...document.querySelectorAll(selector)].map((e) => e.getBoundingClientRect());
      const labels = boxes("#chart .chart-label");
      const bars = boxes("#chart rect");
      return labels.filter((l) => bars.some((b) => l.left < b.right && b.left < l.right && l.top < b.bottom && b.top < l.bottom)).length;
    });
    assert.equal(overlaps, 0, `at ${viewport.width}px`);
    const expected = viewport.width < 560 ? 14 : 7;
    assert.equal(await page.locator("#chart .chart-label").count(), expected, "one label per mix and series on a phone, per mix on a desktop");
    await context.close();
  }
});

test("the goal picker moves the best mix, and one click makes it the user's mix", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  assert.equal(await page.textContent("#best-heading"), "Best for conversions: the best whole-influencer mix");
  assert.match(await page.textContent("#best-diff"), /^Compared with your mix: −48 Nano, \+40 Micro, −1 Macro\.$/);
  assert.match(await page.textContent("#compare thead th:last-child"), /Best for conversions/);
  await page.getByLabel(/Awareness/).check();
  await page.waitForFunction(() => document.querySelector("#best-heading").textContent.startsWith("Best for reach"));
  assert.equal(await page.isHidden("#lambda-field"), true);
  await page.getByLabel(/Consideration/).check();
  await page.waitForSelector("#lambda-field:not([hidden])");
  assert.match(await page.textContent("#lambda-value"), /50% persuasion, 50% reach/);
  await page.getByLabel(/Return/).check();
  await page.waitForFunction(() => document.querySelector("#best-heading").textContent.startsWith("Best net value"));
  await page.getByRole("button", { name: "Use this mix" }).click();
  await page.waitForFunction(() => document.querySelector("#best-diff").textContent.includes("already the best"));
  assert.equal(await page.isDisabled("#use-best"), true);
  const columns = await page.$$eval("#compare tbody tr:nth-child(8) td", (cells) => cells.map((c) => c.textContent));
  assert.equal(columns.at(-1), columns.at(-2), "your mix now converts exactly like the best mix");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the trade-off charts are drawn and have table alternatives", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.waitForSelector("#frontier path");
  assert.equal(await page.getAttribute("#frontier", "role"), "img");
  assert.match(await page.textContent("#frontier title"), /Best mixes from all-reach to all-persuasion/);
  assert.match(await page.textContent("#frontier desc"), /Micro only: Unique reach 86,868/);
  assert.equal(await page.locator("#frontier .chart-label").count(), 6, "the line's legend, 3 single-tier mixes, your mix and the best mix are labelled");
  assert.ok(await page.locator("#curves path").count() >= 4);
  assert.ok(await page.locator("#curves-reach path").count() >= 4);
  // Keyboard users reach each chart, which announces its title and description, then its
  // two download buttons.
  await page.focus("#curves");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Download PNG");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "curves-reach");
  await page.locator("section:has(#frontier) details summary").first().click();
  assert.equal(await page.locator("#frontier-table tbody tr").count(), 21);
  assert.match(await page.textContent("#frontier-table tbody tr:first-child th"), /^0%$/);
  assert.equal(await page.locator("#curves-table tbody tr").count(), 9);
  await page.fill("#budget", "40000");
  await page.waitForFunction(() => document.querySelector("#curves .xy-marker + text")?.textContent === "€40K");
  await context.close();
});

test("keys typed faster than the trade-off charts answer leave them saying so, then drawn for the last figure", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await page.waitForSelector("#frontier path");
  await page.focus("#budget");
  await page.keyboard.press("End");
  // The charts answer 120 ms after the last key at the earliest: until then, each key finds
  // them saying so, and the note stays the one drawn at the first key.
  await page.keyboard.press("5");
  assert.match(await page.textContent("#frontier > text"), /^Computing the best mixes/);
  for (const key of ["Backspace", "Backspace", "Backspace", "9"]) await page.keyboard.press(key);
  assert.equal(await page.inputValue("#budget"), "2009");
  assert.match(await page.textContent("#frontier > text"), /^Computing the best mixes/);
  assert.equal(await page.locator("#frontier path").count(), 0, "no chart for an earlier figure");
  assert.equal(await page.getAttribute("section:has(#frontier)", "aria-busy"), "true");
  // Then drawn for the figure on screen, its table filled again.
  await page.waitForFunction(() => document.querySelector("#curves .xy-marker + text")?.textContent === "€2.01K");
  assert.ok(await page.locator("#frontier path").count() > 0);
  assert.equal(await page.locator("#frontier-table tbody tr").count(), 21);
  assert.equal(await page.getAttribute("section:has(#frontier)", "aria-busy"), "false");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a trade-off chart keeps the keyboard focus while its note stands in for it and when it is drawn again", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await page.waitForSelector("#frontier path");
  await page.focus("#frontier");
  // Focus events on the chart would make a screen reader announce it again as a new element.
  await page.evaluate(() => {
    const chart = /** @type {any} */ (document.querySelector("#frontier"));
    /** @type {any} */ (window).__focused = { chart, events: [] };
    for (const type of ["focus", "blur"]) chart.addEventListener(type, () => /** @type {any} */ (window).__focused.events.push(type));
    // The budget changed without moving the focus (as a script or an assistive tool can).
    const budget = /** @type {HTMLInputElement} */ (document.querySelector("#budget"));
    budget.value = "30000";
    budget.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const shown = () => page.evaluate(() => ({
    same: document.activeElement === /** @type {any} */ (window).__focused.chart,
    events: /** @type {any} */ (window).__focused.events.join(" "),
    charts: document.querySelectorAll("#frontier").length,
    paths: document.querySelectorAll("#frontier path").length,
    name: document.getElementById("frontier-title")?.textContent,
  }));
  assert.deepEqual(await shown(), { same: true, events: "", charts: 1, paths: 0, name: "Computing the best mixes…" });
  await page.waitForFunction(() => document.querySelector("#curves .xy-marker + text")?.textContent === "€30K");
  const drawn = await shown();
  assert.deepEqual({ ...drawn, paths: drawn.paths > 0 }, { same: true, events: "", charts: 1, paths: true,
    name: "Best mixes from all-reach to all-persuasion, with the single-tier mixes and your mix" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a trade-off chart saved while its note is shown is the note on screen, and the chart once drawn again", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await page.waitForSelector("#frontier path");
  const size = await page.evaluate(() => ["width", "height"].map((key) => document.querySelector("#frontier")?.getAttribute(key)));
  const saved = async () => {
    const download = page.waitForEvent("download");
    await page.locator("figure.chart:has(#frontier)").getByRole("button", { name: "Download SVG" }).click();
    return readFile(await (await download).path(), "utf8");
  };
  // A budget that would hire more nano accounts than tiermix counts: the charts say they could
  // not be computed, and stay so until the next change.
  await page.fill("#budget", "1000000000");
  assert.equal(await page.textContent("#frontier > text"), "These charts could not be computed.");
  assert.deepEqual(await page.evaluate(() => ["width", "height"].map((key) => document.querySelector("#frontier")?.getAttribute(key))), size,
    "the note keeps the chart's size");
  const note = await saved();
  assert.match(note, /These charts could not be computed\./);
  assert.doesNotMatch(note, /<path/, "not the drawing of the inputs before");
  assert.doesNotMatch(note, / (?:fill|stroke|font-family)=""/, "styled as on screen");
  await page.fill("#budget", "30000000");
  await page.waitForFunction(() => document.querySelector("#curves .xy-marker + text")?.textContent === "€30M");
  const chart = await saved();
  assert.match(chart, /<path[^>]* stroke="rgb\(/);
  assert.doesNotMatch(chart, /could not be computed|Computing the best mixes/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bands, the 'beats' sentences and the sensitivity chart appear and follow the inputs", async () => {
  const { page, context, problems, requested } = await openPage(live.browser, live.server.origin);
  await page.waitForFunction(() => document.querySelector("#certainty-status").textContent === "2,000 plausible worlds simulated.");
  // The page's first module, then the workers' one, which the page compiles once for both workers.
  assert.deepEqual(requested.filter((path) => path.endsWith(".wasm")), ["/pkg/start_bg.wasm", "/pkg/calculator_bg.wasm"]);
  const conversions = () => page.textContent("#compare tbody tr:nth-child(8) td:nth-of-type(2)");
  assert.match(await conversions(), /^702\n\([\d,]+–[\d,]+\)$/, "micro only: value and, below it, its P10–P90 band");
  const sentences = await page.locator("#certainty-sentences li").allTextContents();
  assert.match(sentences[0], /^Micro only beats Macro only on conversions in \d+% of plausible worlds\.$/);
  assert.match(sentences[1], /^Best for conversions beats Your mix on conversions in \d+% of plausible worlds\.$/);
  assert.equal(await page.locator("#chart .chart-band").count(), 5 * 2 * 3, "a P10–P90 whisker on every bar");
  assert.match(await page.textContent("#chart desc"), /Micro only: Unique reach 86,868\s\([\d,]+–[\d,]+\)/);
  assert.equal(await page.locator("#tornado rect").count(), 10);
  assert.match(await page.textContent("#tornado title"), /Which assumption moves conversions most/);
  await page.locator(".certainty details summary").first().click();
  assert.equal(await page.locator("#tornado-table tbody tr").count(), 10);
  assert.match(await page.textContent("#tornado-table tbody tr:first-child th"), /People reached who act/);
  const before = await conversions();
  await page.fill("#budget", "60000");
  await page.waitForFunction((old) => {
    const text = document.querySelector("#compare tbody tr:nth-child(8) td:nth-of-type(2)").textContent;
    return text !== old && text.includes("(");
  }, before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link restores the exact scenario, and the page keeps its link up to date", async () => {
  const path = "/#lang=fr&budget=50000&currency=USD&scheme=traackr&mix=nano:10,micro:60,mid:30&goal=blend&lambda=0.3&hours=400&audience=2000000&o=micro.fee:300,*.realShare:0.8";
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path });
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.equal(await page.inputValue("#budget"), "50000");
  assert.equal(await page.inputValue("#currency"), "USD");
  assert.equal(await page.inputValue("#scheme"), "traackr");
  assert.equal(await page.inputValue("#share-micro"), "60");
  assert.equal(await page.isChecked('input[name="goal"][value="blend"]'), true);
  assert.equal(await page.inputValue("#lambda"), "30");
  assert.equal(await page.inputValue("#max-hours"), "400");
  assert.equal(await page.inputValue("#g-audience"), "2000000");
  assert.equal(await page.inputValue("#a-fee-micro"), "300");
  assert.equal(await page.inputValue("#a-realShare-nano"), "80");
  const summary = await page.textContent("#summary");
  // Change something, then open the page's own link afresh: the same scenario comes back.
  await page.fill("#share-macro", "0");
  await page.fill("#budget", "45000");
  // The address follows once typing pauses; read it from the page itself (Playwright learns of
  // history.replaceState later).
  await page.waitForFunction(() => location.hash.includes("budget=45000"));
  const link = await page.evaluate(() => location.href);
  const again = await openPage(live.browser, live.server.origin, { path: link.slice(live.server.origin.length) });
  assert.equal(await again.page.textContent("#summary"), await page.textContent("#summary"));
  assert.notEqual(await page.textContent("#summary"), summary);
  await page.getByRole("button", { name: "Copier un lien vers ce scénario" }).click();
  // The status follows the clipboard's answer, which comes after the click.
  await page.waitForFunction(() => /^(Lien copié|Copiez ce lien : http)/.test(document.querySelector("#share-status")?.textContent ?? ""));
  assert.deepEqual(problems, []);
  await again.context.close();
  await context.close();
});

test("the Embed dialog gives an element, an iframe and a link for the scenario on screen", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.fill("#budget", "35000");
  await page.getByRole("button", { name: "Embed in a page" }).click();
  const dialog = page.getByRole("dialog", { name: "Put this scenario in a page" });
  await dialog.waitFor();
  const element = await page.inputValue("#embed-element");
  assert.match(element, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/tier-mix\.js"><\/script>\n<tier-mix budget="35000" currency="EUR" scheme="fr2018" mix="nano:34,micro:33,macro:33" goal="conversions" lang="en">/);
  const iframe = await page.inputValue("#embed-iframe");
  const src = iframe.match(/src="([^"]+)"/)[1].replace(/&amp;/g, "&");
  // The frame's optional resizer comes from the same host, as a file (pages with a CSP forbid inline scripts).
  assert.match(iframe, /<\/iframe>\n<script src="http:\/\/127\.0\.0\.1:\d+\/resize\.js" defer><\/script>$/);
  // The link is brought up to date at once, even if typing has not paused yet.
  assert.match(await page.inputValue("#embed-link"), /budget=35000/);
  assert.equal(await page.inputValue("#embed-link"), await page.evaluate(() => location.href));
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  // The iframe address really opens this scenario.
  const embedded = await openPage(live.browser, live.server.origin, { path: src.slice(live.server.origin.length), waitFor: null });
  await embedded.page.locator("tier-mix .summary").filter({ hasText: "€" }).waitFor();
  assert.equal(await embedded.page.locator("tier-mix input[type=number]").inputValue(), "35000");
  await embedded.context.close();
  await context.close();
});

test("a hostile or broken link is refused field by field, harmlessly", async () => {
  const path = "/#budget=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&mix=nano:abc&scheme=evil&o=micro.fee:-5&currency=XXX&x%3Cb%3E=1&tiers=nano:0,micro:10,macro:5";
  const { page, context, problems, foreign } = await openPage(live.browser, live.server.origin, { path });
  let dialogs = 0;
  page.on("dialog", (dialog) => { dialogs++; dialog.dismiss(); });
  const status = await page.textContent("#share-status");
  assert.match(status, /^Some parts of the link could not be used and were left at their defaults: /);
  for (const field of ["budget", "mix", "scheme", "currency", "overrides.micro.fee"]) assert.ok(status.includes(field), field);
  assert.equal(await page.locator("img, b").count(), 0, "nothing from the link becomes HTML");
  assert.match(await page.textContent("#summary"), /^Your mix reaches 55,128 people/, "the defaults stand in");
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("fits a 375 px phone without horizontal scrolling", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { viewport: { width: 375, height: 812 } });
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: `${ARTIFACTS}phone-375.png`, fullPage: true });
  assert.ok(scroll <= 375, `page is ${scroll}px wide`);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, options] of [
  ["desktop, light, English", {}],
  ["phone, dark, French", { viewport: { width: 375, height: 812 }, colorScheme: "dark", locale: "fr-FR" }],
]) {
  test(`axe-core finds no accessibility violation (${name})`, async () => {
    const { page, context } = await openPage(live.browser, live.server.origin, options);
    await page.locator("#thresholds summary").click();
    await page.fill("#classify-followers", "5000");
    await page.getByRole("radio").nth(1).check();
    await page.waitForSelector("#frontier path");
    await page.waitForSelector("#tornado rect");
    for (const summary of await page.locator(".as-table summary").all()) await summary.click();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
    await context.close();
  });
}
