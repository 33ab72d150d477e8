// The iframe embed: settings from its address, its height reported to the page around it (in
// tiermix's message and WordPress's protocol), inside sandbox="allow-scripts".
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, openPage, session } from "./harness.mjs";

const live = session();

test("an iframe in a sandbox renders, computes from its address and resizes its frame", async () => {
  const { page, context, problems, foreign } = await openPage(live.browser, live.server.origin, { path: "/fixtures/iframe/", waitFor: null });
  const frame = page.frameLocator("iframe.tiermix");
  await frame.locator("tier-mix").locator(".summary").filter({ hasText: "Votre mix touche" }).waitFor();
  assert.equal(await frame.locator("tier-mix").locator("input[type=number]").inputValue(), "30000");
  await page.waitForFunction(() => document.querySelector("iframe.tiermix").getBoundingClientRect().height > 400);
  const height = await page.evaluate(() => document.querySelector("iframe.tiermix").getBoundingClientRect().height);
  const inner = await frame.locator("html").evaluate((html) => html.getBoundingClientRect().height);
  assert.ok(Math.abs(height - Math.ceil(inner)) <= 1, `frame ${height}px for content ${inner}px`);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("WordPress's embed protocol: the height comes back under the page's secret", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: "/fixtures/wordpress/", waitFor: null });
  await page.waitForFunction(() => window.received.length > 0 && window.received.at(-1) > 200);
  const height = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
  assert.ok(height > 200, `${height}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("embed.html on its own is axe-clean and ignores settings it cannot use", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin,
    { path: "/embed.html?budget=abc&scheme=%3Cscript%3E&mix=x:y&lang=en", waitFor: null });
  await page.locator("tier-mix .summary").filter({ hasText: "Your mix reaches" }).waitFor();
  assert.equal(await page.locator("script:not([src])").count(), 0);
  // Before axe runs: axe's own probes trip the strict CSP, the page does not.
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
