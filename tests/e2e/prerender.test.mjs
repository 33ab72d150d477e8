// The pages as served carry the default scenario's results (the build prerenders them with the
// native engine): a reader sees them before the wasm engine has arrived, can already type, and
// nothing moves when the engine takes over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, session } from "./harness.mjs";

const live = session();
const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

/** Every layout shift from the start of the load, as CLS counts them (none after an input). */
const WATCH_SHIFTS = () => {
  /** @type {any} */ (window).__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {any} */ (entry);
      if (!shift.hadRecentInput) /** @type {any} */ (window).__shifts.push({ value: shift.value,
        sources: shift.sources.map((s) => s.node?.id || s.node?.nodeName || "?") });
    }
  }).observe({ type: "layout-shift", buffered: true });
  // Largest contentful paint candidates: a node drawn again by the engine would be a new one.
  /** @type {any} */ (window).__paints = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) /** @type {any} */ (window).__paints.push(/** @type {any} */ (entry).element?.id || entry.name || "?");
  }).observe({ type: "largest-contentful-paint", buffered: true });
};

/**
 * Opens a page with the engine held back: the wasm request waits until `release()` is called.
 * @param {{ path?: string, viewport?: { width: number, height: number }, locale?: string }} options
 */
async function held({ path = "/", viewport = PHONE, locale = "en-US" } = {}) {
  const context = await live.browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  await page.addInitScript(WATCH_SHIFTS);
  /** @type {() => void} */
  let release = () => {};
  const released = new Promise((resolve) => (release = () => resolve(undefined)));
  let wasmAsked = 0;
  // Every engine module (start_bg.wasm first, calculator_bg.wasm for the workers) is held.
  await page.route(/_bg(\.[0-9a-f]{10})?\.wasm$/, async (route) => {
    wasmAsked++;
    await released;
    await route.continue();
  });
  await page.goto(live.server.origin + path);
  return { page, context, problems, release, asked: () => wasmAsked };
}

/** What the reader sees of the results: texts of the summary, tables, the best mix and the controls' values. */
const shown = (page) => page.evaluate(() => {
  const text = (/** @type {string} */ selector) => [...document.querySelectorAll(selector)].map((node) => node.textContent);
  // The assumptions panel, below the results, is left to the engine (the first load's size budget).
  const values = [...document.querySelectorAll("#app input[id]:not(#assumptions input), #app select[id]")].map((input) => `${input.id}=${/** @type {HTMLInputElement} */ (input).value}`);
  return { summary: text("#summary"), compare: text("#compare th, #compare td"), tiers: text("#tiers th, #tiers td"),
    best: text("#best-heading, #best-summary, #best-diff, #best-left"), mix: text("#mix, #mix-status"), scheme: text("#scheme, #scheme-source"),
    team: text("#team-fields, #team-sources"), values };
});

/** Where the results and controls sit on the page. */
const boxes = (page) => page.evaluate(() => Object.fromEntries(["summary", "chart", "compare", "tiers", "mix", "team-fields", "budget", "best-summary", "frontier"]
  .map((id) => {
    const box = /** @type {HTMLElement} */ (document.getElementById(id)).getBoundingClientRect();
    return [id, [box.x, box.y, box.width, box.height].map(Math.round)];
  })));

const visible = (page, selector) => page.evaluate((s) => {
  const node = /** @type {HTMLElement} */ (document.querySelector(s));
  const box = node.getBoundingClientRect();
  return getComputedStyle(node).visibility === "visible" && box.width > 0 && box.height > 0;
}, selector);

for (const [name, viewport] of /** @type {const} */ ([["a phone", PHONE], ["a desktop", DESKTOP]])) {
  test(`on ${name}, the default results are on screen before the engine runs, the same the engine gives, and nothing moves when it takes over`, async () => {
    const { page, context, problems, release, asked } = await held({ viewport });
    try {
      await page.waitForFunction(() => document.readyState === "complete" || document.readyState === "interactive");
      assert.equal(await page.getAttribute("html", "data-ready"), null, "the engine is held back");
      assert.ok(await visible(page, "#summary"), "the summary is visible");
      const before = await shown(page);
      assert.match(before.summary[0], /^Your mix reaches [\d,]+ people and persuades [\d,]+ of them to act, for €[\d,]+/);
      assert.equal(before.compare.length, 6 * 15, "a header row and 14 measures, for 3 single-tier mixes, your mix and the best mix");
      assert.deepEqual(before.compare.slice(0, 6), ["Measure", "Nano only", "Micro only", "Macro only", "Your mix", "Best for conversions"]);
      assert.deepEqual(before.compare.slice(6, 10), ["Influencers", "143", "59", "5"], "each single-tier mix's influencers");
      assert.match(before.mix.at(-1) ?? "", /^Allocated: 100%/);
      const placed = await boxes(page);
      // The nodes the reader sees now, which the engine's drawing must keep.
      const kept = await page.evaluateHandle(() => ["scheme-source", "mix", "summary", "compare", "team-help", "team-fields", "team-sources", "classify-result"]
        .flatMap((id) => { const node = document.getElementById(id); return node ? [...node.querySelectorAll("*"), ...[...node.childNodes]] : []; })
        .concat([...document.querySelectorAll("[data-i18n]")].flatMap((node) => [...node.childNodes])));
      await page.waitForTimeout(300);
      const paints = await page.evaluate(() => /** @type {any} */ (window).__paints.length);
      release();
      await page.waitForSelector("html[data-ready]", { timeout: 15_000 });
      // The engine's own first drawing, and a frame to show it.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.ok(asked() >= 1, "the engine was loaded");
      const after = await shown(page);
      assert.deepEqual(after, before, "the engine's numbers and words are the prerendered ones");
      assert.equal(await page.evaluate((nodes) => nodes.filter((node) => !node.isConnected).length, kept), 0,
        "the engine's answer changed no node that already showed it");
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).__paints.length), paints, "no new largest contentful paint");
      assert.deepEqual(await boxes(page), placed, "everything is where it was");
      const shifts = await page.evaluate(() => /** @type {any} */ (window).__shifts);
      assert.deepEqual(shifts, [], "no layout shift");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test("the inputs are usable before the engine: what the reader typed is computed once it comes, focus kept", async () => {
  const { page, context, problems, release } = await held({ viewport: DESKTOP });
  try {
    await page.fill("#budget", "30000");
    await page.fill("#share-nano", "20");
    await page.check('input[name="goal"][value="reach"]');
    await page.focus("#share-micro");
    release();
    // The optimum the reader's inputs ask for comes with calculator.js, after the first result.
    await page.waitForSelector("html[data-calculator]", { timeout: 15_000 });
    await page.waitForTimeout(200);
    const early = await shown(page);
    assert.equal(await page.inputValue("#budget"), "30000");
    assert.equal(await page.inputValue("#share-nano"), "20");
    assert.ok(await page.isChecked('input[name="goal"][value="reach"]'));
    assert.equal(await page.evaluate(() => document.activeElement?.id), "share-micro", "focus stays on the field drawn again");
    assert.match(early.best[0], /^Best for reach/);

    // The same changes made once the engine is there give the same page.
    const later = await openPage(live.browser, live.server.origin, { viewport: DESKTOP });
    await later.page.fill("#budget", "30000");
    await later.page.fill("#share-nano", "20");
    await later.page.check('input[name="goal"][value="reach"]');
    await later.page.waitForTimeout(200);
    const typedLater = await shown(later.page);
    await later.context.close();
    assert.deepEqual(early.summary, typedLater.summary);
    assert.deepEqual(early.compare, typedLater.compare);
    assert.deepEqual(early.best, typedLater.best);
    assert.deepEqual(early.values, typedLater.values);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/**
 * Opens the served page as `locale` reads it (js/boot.js held back `bootDelay` ms) and returns
 * when its first frame came and when each of the files its head preloads was asked for (after
 * start-up every preload is in the head).
 */
async function preloadTimes(/** @type {string} */ locale, { bootDelay = 0 } = {}) {
  const context = await live.browser.newContext({ viewport: PHONE, locale });
  const page = await context.newPage();
  if (bootDelay) {
    await page.route(/\/js\/boot\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, bootDelay));
      await route.continue();
    });
  }
  // Registered before anything of the page runs: its callback is in the first frame, before
  // that frame's paint, and js/boot.js's own cannot come earlier.
  await page.addInitScript(() => requestAnimationFrame(() => { /** @type {any} */ (window).__frame = performance.now(); }));
  try {
    await page.goto(live.server.origin + "/");
    await page.waitForSelector("html[data-ready]", { timeout: 15_000 });
    return await page.evaluate(() => {
      const asked = new Map(performance.getEntriesByType("resource").map((entry) => [entry.name, entry.startTime]));
      const preloaded = [...document.head.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')]
        .map((link) => /** @type {HTMLLinkElement} */ (link).href);
      return { frame: /** @type {any} */ (window).__frame,
        preloads: preloaded.map((href) => [new URL(href).pathname, asked.get(href) ?? NaN]) };
    });
  } finally {
    await context.close();
  }
}

test("the served page asks for its engine and its modules only after its first frame, leaving the network to what that frame needs", async () => {
  const { frame, preloads } = await preloadTimes("en-US");
  assert.ok(preloads.some(([path]) => path === "/pkg/start_bg.wasm") && preloads.some(([path]) => path === "/js/app.js") && preloads.length >= 10,
    `the engine, the page's start and its modules: ${JSON.stringify(preloads)}`);
  for (const [path, at] of preloads) assert.ok(Number(at) >= frame, `${path} asked for at ${Number(at).toFixed(1)} ms, before the first frame at ${frame.toFixed(1)} ms`);
});

test("a reader who waits for the engine has it asked for with the style sheets, not after the first frame", async () => {
  // js/boot.js late: the page paints without it, and only js/wait.js can have asked.
  const { frame, preloads } = await preloadTimes("fr-FR", { bootDelay: 600 });
  const engine = preloads.find(([path]) => path === "/pkg/start_bg.wasm");
  assert.ok(engine && Number(engine[1]) < frame, `the engine asked for at ${engine?.[1]} ms, the first frame at ${frame} ms`);
});

test("a French reader waits for the engine rather than reading English that is about to change", async () => {
  const { page, context, release } = await held({ locale: "fr-FR" });
  try {
    await page.waitForFunction(() => document.readyState !== "loading");
    assert.equal(await visible(page, "#summary"), false, "hidden while the engine loads");
    release();
    await page.waitForSelector("html[data-ready]", { timeout: 15_000 });
    assert.ok(await visible(page, "#summary"));
    assert.match(await page.textContent("#summary"), /^Votre mix touche/);
    assert.equal(await page.getAttribute("html", "lang"), "fr");
  } finally {
    await context.close();
  }
});

test("a French reader never sees the served English team fields: they wait, their room kept, for calculator.js", async () => {
  const context = await live.browser.newContext({ viewport: DESKTOP, locale: "fr-FR" });
  const page = await context.newPage();
  /** @type {() => void} */
  let release = () => {};
  const released = new Promise((resolve) => (release = () => resolve(undefined)));
  await page.route(/calculator_bg(\.[0-9a-f]{10})?\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  try {
    await page.goto(live.server.origin + "/");
    await page.waitForSelector("html[data-ready]", { timeout: 15_000 });
    assert.match(await page.textContent("#summary"), /^Votre mix touche/);
    assert.equal(await visible(page, "#team-fields"), false, "the English fields are not shown");
    assert.equal(await visible(page, "#team-sources"), false);
    const room = await page.evaluate(() => document.getElementById("team-fields")?.getBoundingClientRect().height ?? 0);
    assert.ok(room > 100, `their room is kept: ${room} px`);
    release();
    await page.waitForSelector("html[data-calculator]", { timeout: 15_000 });
    assert.equal(await visible(page, "#team-fields"), true);
    assert.match(await page.textContent("#team-fields"), /Coût d'une heure d'équipe/);
    assert.match(await page.textContent("#team-sources"), /Source : Eurostat/);
  } finally {
    await context.close();
  }
});

test("a link's scenario is not shown with the default's numbers first", async () => {
  const { page, context, release } = await held({ path: "/#budget=50000" });
  try {
    await page.waitForFunction(() => document.readyState !== "loading");
    assert.equal(await visible(page, "#summary"), false);
    release();
    await page.waitForSelector("html[data-ready]", { timeout: 15_000 });
    assert.equal(await page.inputValue("#budget"), "50000");
    assert.ok(await visible(page, "#summary"));
  } finally {
    await context.close();
  }
});

/** The widget's visible texts, in its shadow root. */
const widgetShown = (page) => page.evaluate(() => {
  const root = /** @type {ShadowRoot} */ (document.querySelector("tier-mix")?.shadowRoot);
  return { summary: root.querySelector(".summary")?.textContent, table: [...root.querySelectorAll("th, td")].map((cell) => cell.textContent),
    outputs: [...root.querySelectorAll("output")].map((output) => output.textContent),
    values: [...root.querySelectorAll("input")].map((input) => input.value),
    box: (() => { const b = /** @type {HTMLElement} */ (root.querySelector("table")).getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map(Math.round); })() };
});

test("embed.html shows the widget's summary and table before the engine, and the widget adopts them without a shift", async () => {
  const { page, context, problems, release } = await held({ path: "/embed.html" });
  try {
    await page.waitForFunction(() => Boolean(document.querySelector("tier-mix")?.shadowRoot?.querySelector(".summary")?.textContent));
    const before = await widgetShown(page);
    assert.match(before.summary ?? "", /^Your mix reaches [\d,]+ people/);
    assert.equal(before.table.length, 12);
    const summaryNode = await page.evaluateHandle(() => document.querySelector("tier-mix")?.shadowRoot?.querySelector(".summary"));
    release();
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector("tier-mix"))?.engine, null, { timeout: 15_000 });
    await page.waitForTimeout(300);
    assert.deepEqual(await widgetShown(page), before, "the same numbers in the same places");
    assert.ok(await page.evaluate((node) => node?.isConnected, summaryNode), "the prerendered summary is the one the engine fills");
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__shifts), [], "no layout shift");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("embed.html asked for another scenario shows it, never the default's numbers", async () => {
  const { page, context, release } = await held({ path: "/embed.html?budget=50000" });
  try {
    await page.waitForFunction(() => document.readyState === "complete");
    const summary = await page.evaluate(() => document.querySelector("tier-mix")?.shadowRoot?.querySelector(".summary")?.textContent ?? "");
    assert.equal(summary, "", "nothing drawn until the engine computes this scenario");
    release();
    await page.waitForFunction(() => Boolean(document.querySelector("tier-mix")?.shadowRoot?.querySelector(".summary")?.textContent), null, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => /** @type {HTMLInputElement} */ (document.querySelector("tier-mix")?.shadowRoot?.querySelector("input[type=number]")).value), "50000");
  } finally {
    await context.close();
  }
});
