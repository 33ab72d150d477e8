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

test("the link to the full calculator leaves the frame: WordPress's link message, else a new tab", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: "/fixtures/wordpress/", waitFor: null });
  await page.waitForFunction(() => window.received.length > 0);
  const frame = page.frames().find((f) => f.url().includes("/embed.html"));
  await frame.waitForFunction(() => document.querySelector("tier-mix")?.shadowRoot?.querySelector("a[part=link]")?.href.includes("#"));
  const href = await frame.evaluate(() => document.querySelector("tier-mix").shadowRoot.querySelector("a[part=link]").href);
  await frame.evaluate(() => document.querySelector("tier-mix").shadowRoot.querySelector("a[part=link]").click());
  await page.waitForFunction(() => window.links.length > 0);
  assert.deepEqual(await page.evaluate(() => window.links), [href]);
  assert.match(href, /\/index\.html#lang=/);
  assert.ok(frame.url().includes("/embed.html"), "the frame stays on the calculator's embed");
  await context.close();

  // A sandboxed frame elsewhere (an opaque origin) may not navigate the page: the link opens a tab.
  const plain = await openPage(live.browser, live.server.origin, { path: "/fixtures/iframe/", waitFor: null });
  const inner = await (async () => {
    for (;;) {
      const f = plain.page.frames().find((candidate) => candidate.url().includes("/embed.html"));
      if (f) return f;
      await plain.page.waitForTimeout(50);
    }
  })();
  await inner.waitForFunction(() => document.querySelector("tier-mix")?.shadowRoot?.querySelector("a[part=link]"));
  const [popup] = await Promise.all([
    plain.page.waitForEvent("popup"),
    inner.evaluate(() => document.querySelector("tier-mix").shadowRoot.querySelector("a[part=link]").click()),
  ]);
  assert.match(popup.url(), /\/index\.html/);
  assert.ok(inner.url().includes("/embed.html"), "the frame stays on the calculator's embed");
  assert.deepEqual([...problems, ...plain.problems], []);
  await plain.context.close();
});

test("only a secret WordPress could have sent comes back to the page around the frame", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: "/fixtures/iframe/", waitFor: null });
  const wordpress = "Ab3dEf9hIj";
  const hostile = ["<img src=x onerror=alert(1)>", "Ab3dEf9hIjK", "Ab3dE", "Ab3dEf9hI_", "Ab3dé f9hI"];
  const secrets = [wordpress, ...hostile];
  await page.evaluate((secrets) => {
    window.messages = [];
    addEventListener("message", (event) => {
      const index = [...document.querySelectorAll("iframe.probe")].findIndex((frame) => frame.contentWindow === event.source);
      if (index >= 0) window.messages.push({ index, data: event.data });
    });
    secrets.forEach((secret, index) => {
      const frame = document.createElement("iframe");
      frame.className = "probe";
      frame.title = `probe ${index}`;
      frame.setAttribute("sandbox", "allow-scripts");
      frame.src = `/embed.html?compact=#?secret=${encodeURIComponent(secret)}`;
      document.body.append(frame);
    });
  }, secrets);
  // Every frame has reported its height, and the WordPress one under its secret...
  await page.waitForFunction((count) => new Set(window.messages.filter((m) => m.data.type === "tiermix-height").map((m) => m.index)).size === count
    && window.messages.some((m) => m.index === 0 && m.data.secret), secrets.length, { timeout: 60_000 });
  // ...and whatever a frame posts with its height has arrived too.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  const messages = await page.evaluate(() => window.messages);
  const echoed = messages.filter((m) => "secret" in m.data);
  assert.deepEqual([...new Set(echoed.map((m) => m.index))], [0]);
  for (const m of echoed) assert.deepEqual(Object.keys(m.data).sort(), ["message", "secret", "value"]);
  assert.ok(echoed.every((m) => m.data.secret === wordpress && m.data.message === "height" && m.data.value > 0));
  assert.deepEqual(problems, []);
  await context.close();
});

test("embed.html on its own is axe-clean and names the settings it cannot use", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin,
    { path: "/embed.html?budget=abc&scheme=%3Cscript%3E&mix=x:y&lang=en", waitFor: null });
  await page.locator("tier-mix .summary").filter({ hasText: "Your mix reaches" }).waitFor();
  assert.equal(await page.locator("script:not([src])").count(), 0);
  // Before axe runs: axe's own probes trip the strict CSP, the page does not.
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
