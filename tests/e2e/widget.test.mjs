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
