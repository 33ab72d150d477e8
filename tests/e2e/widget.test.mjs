// The <tier-mix> element as a blog would host it: tests/fixtures/<scenario>/index.html.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, openPage, session } from "./harness.mjs";

const live = session();

const summary = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector(".summary").textContent, id);

test("a plain article: two calculators render and compute, the script pasted twice", async () => {
  const { page, context, problems, foreign } = await openPage(live.browser, live.server.origin, { path: "/fixtures/article/", waitFor: null });
  await page.waitForFunction(() => [...document.querySelectorAll("tier-mix")].every((e) => e.shadowRoot?.querySelector(".summary")?.textContent));
  assert.match(await summary(page, "first"), /^Your mix reaches [\d,]+ people and persuades [\d,]+ of them to act/);
  assert.match(await summary(page, "second"), /^Votre mix touche [\d\u202f]+ personnes/);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("second").shadowRoot.querySelector("table")).display), "none", "compact hides the table");
  assert.equal(await page.evaluate(() => document.getElementById("first").shadowRoot.querySelectorAll("tbody td").length), 6);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("attributes are live and every change is announced with a tiermix-change event", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { path: "/fixtures/article/", waitFor: null });
  await page.waitForFunction(() => document.getElementById("first").shadowRoot?.querySelector(".summary")?.textContent);
  const before = await summary(page, "first");
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const element = document.getElementById("first");
    element.addEventListener("tiermix-change", (event) => resolve(event.detail), { once: true });
    element.setAttribute("budget", "60000");
  }));
  assert.equal(detail.scenario.budget, 60000);
  assert.ok(detail.outcome.spend <= 60000 && detail.outcome.influencers > 0);
  assert.notEqual(await summary(page, "first"), before);
  // A reader's own edit inside the element.
  await page.locator("#first").locator("input[type=number]").fill("10000");
  await page.waitForFunction(() => document.getElementById("first").getAttribute("budget") === "10000");
  const link = await page.evaluate(() => document.getElementById("first").shadowRoot.querySelector("a").href);
  assert.match(link, /\/index\.html#lang=en&budget=10000&currency=EUR&scheme=fr2018&mix=nano:/);
  await context.close();
});

/** What one calculator in the page computes and shows: its note, its controls, its results, its link. */
const shown = (page) => page.evaluate(() => {
  const root = document.querySelector("tier-mix").shadowRoot;
  const note = root.querySelector("[part=status]");
  return {
    note: note.hidden ? null : note.textContent,
    controls: [...root.querySelectorAll("input")].map((input) => input.value),
    results: [root.querySelector(".summary").textContent, ...[...root.querySelectorAll("tbody td")].map((td) => td.textContent)],
    link: root.querySelector("a[part=link]").href.replace(/^.*#/, ""),
    markup: root.querySelectorAll("b, img").length,
  };
});

const openEmbed = async (query) => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: `/embed.html?${query}`, waitFor: null });
  await page.waitForFunction(() => document.querySelector("tier-mix").shadowRoot?.querySelector(".summary")?.textContent);
  return { page, context, problems };
};

test("an attribute the calculator cannot use is named next to it, and its controls show what it computes", async () => {
  const defaults = {};
  for (const lang of ["en", "fr"]) {
    const { page, context } = await openEmbed(`lang=${lang}`);
    defaults[lang] = await shown(page);
    await context.close();
  }
  assert.equal(defaults.en.note, null, "nothing refused, nothing said");
  assert.deepEqual(defaults.en.controls, ["20000", "33", "33", "33"]);
  const en = (part) => `Some settings of this calculator could not be used and were left at their defaults: “${part}”.`;
  const fr = (part) => `Certains réglages de ce calculateur étaient inutilisables et ont gardé leur valeur par défaut : « ${part} ».`;
  for (const [query, note] of [
    ["budget=1e300", en('budget="1e300"')],
    ["mix=nano:80,micro:80", en('mix="nano:80,micro:80"')],
    ["currency=ZZZZ", en('currency="ZZZZ"')],
    [`scheme=${encodeURIComponent("<b>bold</b>")}`, en('scheme="<b>bold</b>"')],
    [`budget=${encodeURIComponent("<img src=x>")}`, en('budget="<img src=x>"')],
    ["mix=__proto__:50", en('mix="__proto__:50"')],
    ["mix=constructor:50", en('mix="constructor:50"')],
    ["mix=giga:100", en('mix="giga:100"')],
    ["goal=engagements", en('goal="engagements"')],
    ["budget=abc&lang=fr", fr('budget="abc"')],
  ]) {
    const { page, context, problems } = await openEmbed(query);
    const lang = query.includes("lang=fr") ? "fr" : "en";
    const actual = await shown(page);
    assert.equal(actual.note, note, query);
    assert.deepEqual(actual.controls, defaults[lang].controls, `${query}: the controls show the defaults it computes`);
    assert.deepEqual(actual.results, defaults[lang].results, `${query}: the default scenario is computed`);
    assert.equal(actual.link, defaults[lang].link, `${query}: its link opens what it shows`);
    assert.equal(actual.markup, 0, `${query}: nothing becomes HTML`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a refused attribute, once fixed, is used and no longer named; a slider moves from the shares shown", async () => {
  const { page, context } = await openEmbed("mix=nano:80,micro:80");
  assert.match((await shown(page)).note, /mix="nano:80,micro:80"/);
  await page.evaluate(() => document.querySelector("tier-mix").setAttribute("budget", "-5"));
  await page.waitForFunction(() => document.querySelector("tier-mix").shadowRoot.querySelector("[part=status]").textContent.includes('budget="-5"'));
  assert.match((await shown(page)).note, /^Some settings .*: “budget="-5"”, “mix="nano:80,micro:80"”\.$/);
  assert.equal((await shown(page)).controls[0], "20000");
  await page.evaluate(() => {
    const element = document.querySelector("tier-mix");
    element.setAttribute("budget", "30000");
    element.setAttribute("mix", "nano:20,micro:50,macro:30");
  });
  const fixed = await shown(page);
  assert.equal(fixed.note, null);
  assert.deepEqual(fixed.controls, ["30000", "20", "50", "30"]);
  // After a refused mix the sliders show the even split computed, and an edit starts from it.
  await page.evaluate(() => document.querySelector("tier-mix").setAttribute("mix", "nano:80,micro:80"));
  await page.locator("tier-mix input[type=range]").first().fill("20");
  const edited = await shown(page);
  assert.deepEqual(edited.controls, ["30000", "20", "33", "33"]);
  assert.equal(edited.note, null, "the reader's own mix replaces the refused one");
  await context.close();
});


test("a language that cannot load leaves a link, and the calculator comes back with the next one", async () => {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  await page.route("**/i18n/fr.js", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${live.server.origin}/embed.html?lang=en`);
  const summaryText = () => page.evaluate(() => document.querySelector("tier-mix").shadowRoot.querySelector(".summary")?.textContent ?? null);
  await page.waitForFunction(() => document.querySelector("tier-mix").shadowRoot?.querySelector(".summary")?.textContent);
  await page.evaluate(() => document.querySelector("tier-mix").setAttribute("lang", "fr"));
  await page.waitForFunction(() => !document.querySelector("tier-mix").shadowRoot.querySelector(".summary"));
  assert.equal(await page.evaluate(() => document.querySelector("tier-mix").shadowRoot.querySelector("a")?.textContent), "tiermix");
  await page.evaluate(() => document.querySelector("tier-mix").setAttribute("lang", "en"));
  await page.waitForFunction(() => document.querySelector("tier-mix").shadowRoot.querySelector(".summary")?.textContent);
  assert.match(await summaryText(), /^Your mix reaches/);
  await context.close();
});

test("aggressive global CSS and a 40px root font do not reach inside the calculator", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: "/fixtures/hostile-css/", waitFor: null });
  await page.waitForFunction(() => document.getElementById("calculator").shadowRoot?.querySelector(".summary")?.textContent);
  const sizes = await page.evaluate(() => {
    const root = document.getElementById("calculator").shadowRoot;
    const size = (selector) => parseFloat(getComputedStyle(root.querySelector(selector)).fontSize);
    return { summary: size(".summary"), label: size("label"), panel: size(".panel") };
  });
  assert.deepEqual(sizes, { summary: 16, label: 14, panel: 16 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a dark-themed article under a strict CSP: the dark calculator is legible and axe-clean", async () => {
  const { page, context, problems, foreign } = await openPage(live.browser, live.server.origin, { path: "/fixtures/dark-article/", waitFor: null });
  await page.waitForFunction(() => document.getElementById("calculator").shadowRoot?.querySelector(".summary")?.textContent.startsWith("Votre mix"));
  const colours = await page.evaluate(() => getComputedStyle(document.getElementById("calculator").shadowRoot.querySelector(".panel")).backgroundColor);
  assert.equal(colours, "rgb(28, 30, 37)");
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

// Every fixture, as a blog would host it: it renders, computes, is axe-clean and asks nothing of
// any other origin.
for (const [fixture, inFrame] of [["article", false], ["hostile-css", false], ["dark-article", false], ["iframe", true], ["wordpress", true]]) {
  test(`fixture ${fixture}: renders, computes, axe-clean, no other origin`, async () => {
    const { page, context, foreign } = await openPage(live.browser, live.server.origin, { path: `/fixtures/${fixture}/`, waitFor: null });
    const scope = inFrame ? page.frameLocator("iframe") : page;
    await scope.locator("tier-mix .summary").first().filter({ hasText: /\d/ }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(foreign, []);
    await context.close();
  });
}

test("with scripts blocked, the article shows the link to the full calculator", async () => {
  const context = await live.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${live.server.origin}/fixtures/article/`);
  const link = page.getByRole("link", { name: "Open the tiermix calculator" });
  assert.equal(await link.isVisible(), true);
  assert.match(await link.getAttribute("href"), /index\.html$/);
  await context.close();
});
