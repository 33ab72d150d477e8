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
    // The share link's own settings, unreadable or refused by the engine, each named as written.
    ["lambda=abc", en('lambda="abc"')],
    ["lambda=5", en('lambda="5"')],
    ["hours=-5", en('hours="-5"')],
    ["limits=micro.maxCount:-3", en('limits="micro.maxCount:-3"')],
    ["limits=micro.maxCount", en('limits="micro.maxCount"')],
    ["tiers=giga:5", en('tiers="giga:5"')],
    ["tiers=micro:500000000", en('tiers="micro:500000000"')],
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

const LOCALES = { en: "en-US", fr: "fr-FR" };

/** Each slider of the one calculator in the page: its value, its aria-valuetext, the output that belongs to it. */
const sliders = (page) => page.evaluate(() => {
  const root = document.querySelector("tier-mix").shadowRoot;
  return [...root.querySelectorAll("input[type=range]")].map((slider) => {
    const output = root.querySelector(`output[for="${slider.id}"]`);
    const box = output?.getBoundingClientRect();
    return { value: slider.value, valuetext: slider.getAttribute("aria-valuetext"), text: output?.textContent ?? null,
      visible: Boolean(box && box.width > 0 && box.height > 0 && output.checkVisibility()) };
  });
});

/** What the engine itself says each tier of this mix buys, asked from the page, and the text a reader should see for it. */
const expected = (page, lang, scenario) => page.evaluate(async ({ lang, scenario, locale }) => {
  // The widget's own engine: calculator.js, on the page's thread.
  const { loadCalculatorHere } = await import("/js/engine.js");
  const engine = await loadCalculatorHere();
  const mine = engine.compare(scenario).mixes.find((m) => m.kind === "mix");
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const word = (n) => (lang === "en" ? (n === 1 ? "influencer" : "influencers") : (n < 2 ? "influenceur" : "influenceurs"));
  return mine.tiers.map((row) => `${percent.format(scenario.mix.shares[row.tier])} · ${count.format(row.influencers)} ${word(row.influencers)}`);
}, { lang, scenario, locale: LOCALES[lang] });

test("each slider shows its share and the influencers it buys, as the engine counts them, and follows the keyboard", async () => {
  for (const lang of /** @type {const} */ (["en", "fr"])) {
    const { page, context, problems } = await openEmbed(`budget=20000&mix=nano:20,micro:40,macro:20&lang=${lang}`);
    const shares = { nano: 0.2, micro: 0.4, macro: 0.2 };
    const before = await sliders(page);
    const want = await expected(page, lang, { budget: 20000, mix: { shares } });
    assert.deepEqual(before.map((s) => s.text), want, `${lang}: each output says the share and the engine's count`);
    assert.ok(before.every((s) => s.visible), `${lang}: the outputs are on screen`);
    assert.deepEqual(before.map((s) => s.valuetext), want, `${lang}: a screen reader hears the same`);
    assert.match(want[0], lang === "en" ? /^20% · \d+ influencers?$/ : /^20[\u00a0\u202f]% · \d+ influenceurs?$/);

    // The keyboard: one step right on the first slider, and its text follows at once.
    const first = page.locator("tier-mix input[type=range]").first();
    await first.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((old) => document.querySelector("tier-mix").shadowRoot.querySelector("output").textContent !== old, before[0].text);
    const moved = await sliders(page);
    const wantMoved = await expected(page, lang, { budget: 20000, mix: { shares: { ...shares, nano: 0.21 } } });
    assert.equal(moved[0].value, "21");
    assert.deepEqual(moved.map((s) => s.text), wantMoved, `${lang}: after ArrowRight`);
    assert.equal(moved[0].valuetext, wantMoved[0]);

    // An attribute change: the outputs follow too.
    await page.evaluate(() => document.querySelector("tier-mix").setAttribute("budget", "60000"));
    const wantRicher = await expected(page, lang, { budget: 60000, mix: { shares: { ...shares, nano: 0.21 } } });
    await page.waitForFunction((text) => document.querySelector("tier-mix").shadowRoot.querySelector("output").textContent === text, wantRicher[0]);
    assert.deepEqual((await sliders(page)).map((s) => s.text), wantRicher, `${lang}: after a budget change`);
    assert.notDeepEqual(wantRicher, wantMoved, "a bigger budget buys more");
    // Before axe runs: axe's own probes trip the strict CSP, the page does not.
    assert.deepEqual(problems, []);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  }
});

test("on a 375 px phone, in French, every slider and its output fit", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin,
    { path: "/embed.html?budget=2000000&mix=nano:34,micro:33,macro:33&lang=fr", viewport: { width: 375, height: 800 }, waitFor: null });
  await page.waitForFunction(() => document.querySelector("tier-mix").shadowRoot?.querySelector("output")?.textContent);
  const fit = await page.evaluate(() => {
    const root = document.querySelector("tier-mix").shadowRoot;
    const panel = root.querySelector(".panel").getBoundingClientRect();
    const inside = (node) => { const box = node.getBoundingClientRect(); return box.left >= panel.left && box.right <= panel.right; };
    return { scroll: document.documentElement.scrollWidth, controls: [...root.querySelectorAll("output, input[type=range], label")].every(inside),
      texts: [...root.querySelectorAll("output")].map((o) => o.textContent) };
  });
  assert.ok(fit.scroll <= 375, `${fit.scroll}px wide`);
  assert.ok(fit.controls, "every label, slider and output inside the panel");
  assert.ok(fit.texts.every((text) => /^\d+[\u00a0\u202f]% · [\d\u00a0\u202f]+ influenceurs?$/.test(text)), fit.texts.join(" | "));
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

/** Reach, conversions and ROI of your mix and of the best mix, by the row's name, as the full page's table shows them. */
const pageResults = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#compare tbody tr")].map((row) =>
  [row.cells[0].textContent, [row.querySelector(".mine"), row.querySelector(".best-col")].map((cell) => cell.textContent.split("\n")[0])])));
/** The same, as the widget's table shows them, and its note. */
const widgetResults = (page) => page.evaluate(() => {
  const root = document.querySelector("tier-mix").shadowRoot;
  const note = root.querySelector("[part=status]");
  return { note: note.hidden ? null : note.textContent, best: root.querySelector("thead th:last-child").textContent,
    rows: Object.fromEntries([...root.querySelectorAll("tbody tr")].map((row) => [row.cells[0].textContent, [...row.querySelectorAll("td")].map((td) => td.textContent)])),
    link: root.querySelector("a[part=link]").href.replace(/^.*#/, "") };
});
const openFull = async (fragment) => {
  const opened = await openPage(live.browser, live.server.origin, { path: `/index.html#${fragment}`, locale: "fr-FR" });
  await opened.page.waitForFunction(() => document.querySelector("#compare tbody .best-col")?.textContent);
  return opened;
};

test("a share link's settings, given to embed.html as its query, show the full page's numbers; its link and the Embed dialog carry them", async () => {
  const fragment = "lang=fr&budget=20000&scheme=fr2018&tiers=micro:5000&mix=nano:20,micro:50,macro:30&goal=blend&lambda=0.3&hours=40"
    + "&limits=micro.maxCount:10,macro.minCount:1&audience=500000&o=micro.fee:300";
  const full = await openFull(fragment);
  assert.equal(await full.page.textContent("#share-status"), "", "the page uses the whole link");
  const onPage = await pageResults(full.page);
  const bestLabel = await full.page.evaluate(() => document.querySelector("#compare thead .best-col").textContent);
  // The element snippet and the iframe address of the Embed dialog, for the scenario on screen.
  await full.page.getByRole("button", { name: "Intégrer dans une page" }).click();
  const element = await full.page.inputValue("#embed-element");
  const iframe = (await full.page.inputValue("#embed-iframe")).match(/src="([^"]+)"/)[1].replace(/&amp;/g, "&");
  for (const attribute of ['tiers="nano:0,micro:5000,macro:100001"', 'lambda="0.3"', 'hours="40"', 'limits="micro.maxCount:10,macro.minCount:1"',
    'audience="500000"', 'overrides="micro.fee:300"', 'goal="blend"']) assert.ok(element.includes(attribute), `${attribute} in ${element}`);
  await full.context.close();

  const { page, context, problems } = await openEmbed(fragment);
  const shown = await widgetResults(page);
  assert.equal(shown.note, null, "nothing refused");
  assert.equal(shown.best, bestLabel);
  const rows = Object.keys(shown.rows);
  assert.equal(rows.length, 3);
  for (const row of rows) assert.deepEqual(shown.rows[row], onPage[row], `${row}: your mix and the best mix as the full page shows them`);
  assert.deepEqual(problems, []);
  await context.close();

  // The widget's own link to the full calculator reopens the same scenario there.
  for (const key of ["tiers=", "lambda=0.3", "hours=40", "limits=micro.maxCount:10,macro.minCount:1", "o=micro.fee:300", "audience=500000"]) {
    assert.ok(shown.link.includes(key), `${key} in ${shown.link}`);
  }
  const again = await openFull(shown.link);
  assert.equal(await again.page.textContent("#share-status"), "");
  assert.deepEqual(await pageResults(again.page), onPage, "the widget's link reopens the numbers it shows");
  await again.context.close();

  // The Embed dialog's iframe shows them too.
  const framed = await openPage(live.browser, live.server.origin, { path: new URL(iframe).pathname + new URL(iframe).search, waitFor: null });
  await framed.page.waitForFunction(() => document.querySelector("tier-mix").shadowRoot?.querySelector(".summary")?.textContent);
  const inFrame = await widgetResults(framed.page);
  assert.equal(inFrame.note, null);
  assert.deepEqual(inFrame.rows, shown.rows, "the Embed dialog's iframe reproduces the scenario");
  await framed.context.close();
});

test("the new attributes are live: a blend weight, a team-hours cap, a limit and thresholds each change the best mix", async () => {
  const { page, context } = await openEmbed("budget=20000&goal=blend&lambda=0.3");
  const best = () => widgetResults(page).then((r) => Object.values(r.rows).map((cells) => cells[1]).join(" | "));
  const changed = async (name, value) => {
    const old = await best();
    await page.evaluate(([n, v]) => document.querySelector("tier-mix").setAttribute(n, v), [name, value]);
    await page.waitForFunction((o) => [...document.querySelector("tier-mix").shadowRoot.querySelectorAll("tbody td:last-child")].map((td) => td.textContent).join(" | ") !== o, old);
    assert.equal((await widgetResults(page)).note, null, `${name}="${value}" is used`);
  };
  await changed("lambda", "0.9");
  await changed("hours", "20");
  await changed("limits", "macro.maxCount:1");
  await changed("tiers", "micro:5000,macro:50000");
  await page.evaluate(() => document.querySelector("tier-mix").setAttribute("limits", "nano.minCount:5,nano.maxCount:2"));
  await page.waitForFunction(() => document.querySelector("tier-mix").shadowRoot.querySelector("[part=status]").textContent.includes("limits="));
  assert.match((await widgetResults(page)).note, /“limits="nano\.minCount:5,nano\.maxCount:2"”/);
  await context.close();
});
