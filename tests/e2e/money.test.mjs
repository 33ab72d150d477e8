// What the budget buys, on the page (MODEL §8): the spend split into fees and team time, the team's
// own figures beside the budget, leftovers named, "Complete my mix", limits per tier carried in
// links, and the fees held against published benchmarks. Every number expected here is the
// engine's own, asked in Node for the scenario the page shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "../js/load.mjs";
import published from "../../www/pkg/benchmarks.js";
import { formatters } from "../../www/js/format.js";
import { ARTIFACTS, axeViolations, openPage, session } from "./harness.mjs";

const live = session();
const en = formatters("en", "EUR");
const TRAACKR = "/#budget=20000&scheme=traackr";

/** The scenario on screen: the budget and scheme of the link, the shares the page's fields hold. */
async function shown(/** @type {import("playwright-core").Page} */ page, scheme = "traackr") {
  const shares = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#mix input[type=number]")]
    .map((input) => [/** @type {HTMLInputElement} */ (input).dataset.tier, /** @type {HTMLInputElement} */ (input).valueAsNumber / 100])));
  return { budget: 20000, scheme, mix: { shares } };
}

/** The #tiers table's cells, row by row, without the header. */
const tierCells = (/** @type {import("playwright-core").Page} */ page) =>
  page.evaluate(() => [...document.querySelectorAll("#tiers tbody tr")].map((row) => [...row.children].map((cell) => cell.textContent)));

test("the headline names what the mix leaves unspent, and a tier too small for one account says what one costs", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: TRAACKR });
  const mine = tiermix.evaluate(await shown(page));
  assert.ok(mine.unspent > 200, `the even traackr mix leaves ${mine.unspent}`);
  assert.ok((await page.textContent("#summary"))?.endsWith(` ${en.money(mine.unspent)} of your €20,000 is left unspent.`));
  const none = mine.tiers.filter((row) => row.influencers === 0);
  assert.ok(none.length >= 2);
  const labels = Object.fromEntries(tiermix.presets().find((p) => p.id === "traackr").tiers.map((t) => [t.id, t.label.en]));
  assert.equal(await page.textContent("#leftovers"),
    none.map((row) => `${labels[row.tier]}: ${en.money(row.allotted)} buys none; one costs ${en.money(row.unitCost)}.`).join(" "));
  assert.deepEqual(problems, []);
  await context.close();

  const french = await openPage(live.browser, live.server.origin, { path: `${TRAACKR}&lang=fr`, locale: "fr-FR" });
  const fr = formatters("fr", "EUR");
  assert.ok((await french.page.textContent("#summary"))?.endsWith(` ${fr.money(mine.unspent)} de vos ${fr.money(20000)} restent non dépensés.`));
  assert.match(await french.page.textContent("#leftovers") ?? "", new RegExp(`n'en paie aucun ; un seul coûte ${fr.money(none[0].unitCost)}`));
  await french.context.close();
});

test("a mix that spends its budget says nothing of leftovers", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { path: "/#budget=20000&mix=nano:0,micro:100,macro:0" });
  const mine = tiermix.evaluate(await shown(page, "fr2018"));
  assert.ok(mine.unspent <= 200, `${mine.unspent}`);
  assert.doesNotMatch(await page.textContent("#summary") ?? "", /unspent/);
  assert.equal(await page.textContent("#leftovers"), "");
  await context.close();
});

test("each tier's spend is split into the creators' fees and the team's time", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { path: TRAACKR });
  const mine = tiermix.evaluate(await shown(page));
  const head = await page.evaluate(() => [...document.querySelectorAll("#tiers thead th")].map((cell) => cell.textContent));
  const [fees, team] = [head.indexOf("Creators' fees"), head.indexOf("Team time")];
  assert.ok(fees > 0 && team === fees + 1, head.join(" | "));
  const cells = await tierCells(page);
  mine.tiers.forEach((row, i) => {
    assert.equal(cells[i][fees], en.money(row.feeSpend), row.tier);
    assert.equal(cells[i][team], en.money(row.teamSpend), row.tier);
  });
  await context.close();
});

test("the team's hourly cost and hours per influencer sit with the budget, sourced, and recompute when edited", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  assert.equal(await page.textContent("#team legend"), "Your team");
  for (const id of ["g-hourlyCost", "a-hours-nano", "a-hours-micro", "a-hours-macro"]) {
    assert.equal(await page.locator(`section[aria-labelledby=plan-heading] #team #${id}`).count(), 1, id);
    assert.equal(await page.locator(`#assumptions #${id}`).count(), 0, id);
  }
  assert.match(await page.textContent("#team-sources") ?? "", /Eurostat.*no published time study could be found/s);
  assert.match(await page.textContent("#a-hours-micro-range") ?? "", /plausible range/);
  const teamTime = async () => (await tierCells(page))[1][4];
  const before = await teamTime();
  await page.fill("#g-hourlyCost", "100");
  await page.waitForFunction((old) => document.querySelectorAll("#tiers tbody tr")[1]?.children[4]?.textContent !== old, before);
  await page.fill("#a-hours-micro", "20");
  await page.waitForFunction(() => /changed by you/.test(document.querySelector("#a-hours-micro-range")?.textContent ?? ""));
  const scenario = { ...(await shown(page, "fr2018")), hourlyCost: 100, overrides: { micro: { hours: 20 } } };
  assert.equal(await teamTime(), en.money(tiermix.evaluate(scenario).tiers[1].teamSpend));
  // Empty: back to the default, which the field shows again once it is left.
  await page.fill("#a-hours-micro", "");
  await page.waitForFunction(() => !/changed by you/.test(document.querySelector("#a-hours-micro-range")?.textContent ?? ""));
  // The address follows a quarter of a second after typing stops.
  await page.waitForFunction(() => !location.hash.includes("micro.hours"), null, { timeout: 5_000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("Complete my mix spends the rest for the goal, never lowers a count and never exceeds the budget", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: TRAACKR });
  const scenario = await shown(page);
  const before = tiermix.evaluate(scenario).tiers.map((row) => row.influencers);
  await page.click("#mix-complete");
  await page.waitForFunction(() => /Completed/.test(document.querySelector("#complete-status")?.textContent ?? ""));
  const limits = Object.fromEntries(tiermix.evaluate(scenario).tiers.map((row) => [row.tier, { minCount: row.influencers }]));
  const best = tiermix.optimize(scenario, { objective: "conversions", limits });
  const after = (await tierCells(page)).map((cells) => Number(cells[1].replace(/,/g, "")));
  assert.deepEqual(after, best.tiers.map((row) => row.influencers));
  assert.ok(after.every((n, i) => n >= before[i]) && after.some((n, i) => n > before[i]), `${before} → ${after}`);
  assert.ok(best.spend <= 20000);
  // The page's mix is shares: each tier's spend over the budget buys exactly the optimum's counts.
  const shares = Object.fromEntries(best.tiers.map((row) => [row.tier, row.spend / 20000]));
  assert.deepEqual(tiermix.evaluate({ ...scenario, mix: { shares } }).tiers.map((row) => row.influencers), after);
  assert.ok((await page.textContent("#summary"))?.includes(`for ${en.money(best.spend)}`));
  assert.deepEqual(problems, []);
  await context.close();
});

test("limits per tier are edited on the page, kept by the best mix and carried in a link", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await page.click("#limits summary");
  await page.fill("#limit-micro-maxCount", "3");
  await page.fill("#limit-macro-minCount", "1");
  await page.waitForFunction(() => location.hash.includes("limits="), null, { timeout: 5000 });
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /limits=micro\.maxCount:3,macro\.minCount:1/);
  const goal = { objective: "conversions", limits: { micro: { maxCount: 3 }, macro: { minCount: 1 } } };
  const best = tiermix.optimize(await shown(page, "fr2018"), goal);
  assert.ok(best.tiers[1].influencers <= 3 && best.tiers[2].influencers >= 1);
  const bestInfluencers = () => page.evaluate(() => document.querySelector("#compare tbody tr td.best-col")?.textContent);
  assert.equal(await bestInfluencers(), en.count(best.influencers));
  const summary = await page.textContent("#best-summary");
  await context.close();

  // The link reopens the limits, where they can be changed, with the same best mix.
  const again = await openPage(live.browser, live.server.origin, { path: `/${hash}` });
  await again.page.waitForSelector("#limit-micro-maxCount");
  assert.equal(await again.page.getAttribute("#limits", "open"), "");
  assert.equal(await again.page.inputValue("#limit-micro-maxCount"), "3");
  assert.equal(await again.page.inputValue("#limit-macro-minCount"), "1");
  assert.equal(await again.page.textContent("#best-summary"), summary);
  assert.deepEqual([...problems, ...again.problems], []);
  await again.context.close();

  // A limit the engine refuses is named and dropped; the others are kept.
  const refused = await openPage(live.browser, live.server.origin, { path: "/#limits=micro.maxCount:-1,macro.minCount:1,nano.x" });
  await refused.page.waitForSelector("#limit-macro-minCount");
  const status = await refused.page.textContent("#share-status");
  assert.match(status ?? "", /“limits=nano\.x”/);
  assert.match(status ?? "", /“goal\.limits\.micro\.maxCount”/);
  assert.equal(await refused.page.inputValue("#limit-micro-maxCount"), "");
  assert.equal(await refused.page.inputValue("#limit-macro-minCount"), "1");
  await refused.context.close();
});

test("each tier's fees per 1,000 views and per engagement sit beside the published range for its size, marked in words", async () => {
  for (const [lang, locale, words] of [["en", "en-US", ["below the range", "above the range", "within the range"]],
    ["fr", "fr-FR", ["sous la fourchette", "au-dessus de la fourchette", "dans la fourchette"]]]) {
    const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: `${TRAACKR}&lang=${lang}`, locale });
    await page.click("#benchmarks summary");
    await page.waitForSelector("#benchmarks-table tbody tr");
    const scenario = await shown(page);
    const mine = tiermix.evaluate(scenario);
    const report = tiermix.assumptions(scenario);
    const f = formatters(/** @type {"en" | "fr"} */ (lang), "EUR");
    const usd = formatters(/** @type {"en" | "fr"} */ (lang), "USD");
    const { bands, cpe } = published;
    const mark = (value, range) => value === null ? null
      : `${f.money(value)} · ${value < range.low ? words[0] : value > range.high ? words[1] : words[2]}`;
    const rows = await page.evaluate(() => [...document.querySelectorAll("#benchmarks-table tbody tr")].map((row) => [...row.children].map((c) => c.textContent)));
    let marked = 0;
    mine.tiers.forEach((row, i) => {
      const band = bands.filter((b) => report.tiers[i].typicalFollowers.typical >= b.minFollowers).pop();
      const expected = [mark(row.feePerThousandViews, band.cpm), `${usd.money(band.cpm.low)} – ${usd.money(band.cpm.high)}`,
        mark(row.feePerEngagement, cpe), `${usd.money(cpe.low)} – ${usd.money(cpe.high)}`];
      const cells = rows[i].slice(2);
      expected.forEach((text, j) => { if (text !== null) assert.equal(cells[j], text, `${row.tier} ${j}`); });
      if (row.feePerThousandViews !== null) marked++;
    });
    assert.ok(marked >= 3, "the mix hires in at least three tiers");
    assert.match(await page.textContent("#benchmark-view") ?? "", lang === "en" ? /secondary blog compilations.*USD as published/s : /seconde main.*USD, telles que publiées/s);
    assert.equal(await page.locator("#benchmark-sources a[href^='https://influencerradar.com/']").count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the new controls are accessible and fit a 375 px phone", async () => {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: TRAACKR, viewport });
    await page.click("#limits summary");
    await page.waitForSelector("#limit-mega-maxSpend");
    await page.click("#benchmarks summary");
    await page.waitForSelector("#benchmarks-table tbody tr");
    await page.click("#mix-complete");
    await page.waitForFunction(() => document.querySelector("#complete-status")?.textContent !== "");
    // The charts drawn by the workers, so axe sees the page finished.
    await page.waitForSelector("#frontier path");
    await page.waitForSelector("#tornado rect", { timeout: 20_000 });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= viewport.width, `page is ${scroll}px wide at ${viewport.width}`);
    if (viewport.width === 375) await page.screenshot({ path: `${ARTIFACTS}money-375.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
