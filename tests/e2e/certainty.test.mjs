// "How sure are we?" as a reader sees it: the goal's own measure, whether the best mix holds when
// re-planned, and what would have to be true for another mix to win, each number the engine's.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "../js/load.mjs";
import facts from "../../www/pkg/facts.js";
import { axeViolations, openPage, session } from "./harness.mjs";

const live = session();

/** The scenario the page reads at its defaults: the budget split 34/33/33. */
const scenario = (goal = "conversions") => ({ budget: 20000, currency: "EUR", scheme: "fr2018", overrides: {},
  mix: { shares: { nano: 0.34, micro: 0.33, macro: 0.33 } }, goal: { objective: goal, lambda: facts.defaults.goal.lambda } });

const simulated = (page) => page.waitForFunction(() => /simulated|simulés/.test(document.querySelector("#certainty-status").textContent),
  null, { timeout: 20_000 });
const items = (page, id) => page.locator(`#${id} li`).allTextContents();

function formats(locale) {
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumSignificantDigits: 3 });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const precise = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return { share: (n) => share.format(n), percent: (n) => percent.format(n), money: (n) => money.format(n),
    number: (n) => (Math.abs(n) >= 100 ? whole.format(n) : precise.format(n)), count: (n) => whole.format(n) };
}

test("at the defaults the tornado is on conversions, re-bought: the fee and the hours have real bars, each the engine's", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await simulated(page);
  assert.match(await page.textContent("#tornado title"), /^Which assumption moves conversions most$/);
  await page.locator(".certainty details summary").first().click();
  assert.match(await page.textContent("#tornado-caption"), /: conversions$/);
  const rows = Object.fromEntries((await page.locator("#tornado-table tbody tr").all().then((all) =>
    Promise.all(all.map((row) => row.locator("th, td").allTextContents())))).map(([name, low, high]) => [name, [low, high]]));
  const f = formats("en-US");
  const swings = tiermix.sensitivity(scenario());
  const fee = swings.find((w) => w.quantity === "fee");
  assert.ok(Math.abs(fee.low.goal - fee.high.goal) > 100, "a dearer fee buys fewer influencers");
  assert.deepEqual(rows["Fee per sponsored post"], [f.count(fee.low.goal), f.count(fee.high.goal)]);
  assert.notEqual(rows["Fee per sponsored post"][0], rows["Fee per sponsored post"][1]);
  const hours = swings.find((w) => w.quantity === "hours");
  assert.deepEqual(rows["Team hours per influencer"], [f.count(hours.low.goal), f.count(hours.high.goal)]);
  assert.notEqual(rows["Team hours per influencer"][0], rows["Team hours per influencer"][1]);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [goal, words, title] of [["reach", "on reach", "reach"], ["netValue", "on net value", "net value"]]) {
  test(`with the ${goal} goal, the beats sentences and the tornado name its measure`, async () => {
    const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: `/#goal=${goal}` });
    await simulated(page);
    const sentences = await items(page, "certainty-sentences");
    assert.ok(sentences.length >= 1);
    for (const sentence of sentences) assert.match(sentence, new RegExp(`^.+ beats .+ ${words} in \\d+% of plausible worlds\\.$`));
    const beats = tiermix.simulate(scenario(goal), facts.simulation).beats;
    assert.equal(beats.measure, goal);
    // Macro only and Micro only, the two best single-tier mixes on either measure.
    const [first, second] = sentences[0].startsWith("Macro only") ? [2, 1] : [1, 2];
    assert.ok(sentences[0].endsWith(`in ${formats("en-US").share(beats.goal[first][second])} of plausible worlds.`), sentences[0]);
    assert.equal(await page.textContent("#tornado title"), `Which assumption moves ${title} most`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the robustness sentence, chart and table say the engine's re-planned worlds", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await simulated(page);
  const { robustness } = tiermix.simulate(scenario(), facts.simulation);
  const f = formats("en-US");
  const tier = (id) => ({ nano: "Nano", micro: "Micro", macro: "Macro" })[id];
  const leaders = robustness.tiers.filter((t) => t.leading > 0).sort((a, b) => b.leading - a.leading);
  const top = leaders[0];
  assert.equal(top.tier, "micro");
  assert.deepEqual(await items(page, "robust-sentences"), [
    `Re-planned in each of ${robustness.worlds} plausible worlds, the best plan puts ${f.share(top.p10)}–${f.share(top.p90)} of the budget on Micro `
      + `(Micro gets the most in ${f.share(top.leading)} of them${leaders.slice(1).map((t) => `, ${tier(t.tier)} in ${f.share(t.leading)}`).join("")}).`,
    `Micro only stays the best of the mixes compared in ${f.share(robustness.best.find((b) => b.kind === "optimum").share)} of those worlds.`,
  ]);
  assert.ok(robustness.worlds >= 200);
  assert.equal(await page.getAttribute("#robust", "role"), "img");
  assert.equal(await page.textContent("#robust title"), "Each tier's share of the re-planned budget");
  assert.equal(await page.locator("#robust rect").count(), 3, "one P10–P90 bar per tier");
  assert.equal(await page.locator("#robust .chart-median").count(), 3, "each with its median marked");
  await page.locator(".certainty details summary").nth(1).click();
  const table = await page.locator("#robust-table tbody tr").all().then((rows) => Promise.all(rows.map((row) => row.locator("th, td").allTextContents())));
  assert.deepEqual(table, robustness.tiers.map((t) => [tier(t.tier), f.share(t.p10), f.share(t.p50), f.share(t.p90), f.share(t.leading)]));
  assert.deepEqual(problems, []);
  await context.close();
});

/** The switching values the page words at the defaults, found in the engine's list. */
function switches() {
  const all = tiermix.switchingValues(scenario());
  const find = (against, quantity, tier) => {
    const found = all.find((s) => s.against.label.en === against && s.quantity === quantity && s.tier === tier);
    assert.ok(found && found.value !== null, `${against} ${quantity} ${tier}`);
    return found;
  };
  return { fit: find("Macro only", "audienceFit", "micro"), fee: find("Macro only", "fee", "macro"),
    persuasion: find("Your mix", "persuasion", "micro"), gamma: find("Nano only", "persuasionGamma", null) };
}

test("what would have to be true: the most decisive switching values, in English and in French, with the engine's numbers", async () => {
  const { fit, fee, persuasion, gamma } = switches();
  const en = formats("en-US");
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await simulated(page);
  assert.deepEqual(await items(page, "switch-sentences"), [
    `Macro only would beat Micro only on conversions if less than ${en.percent(fit.value)} of Micro followers were in your target audience (you assume ${en.percent(fit.typical)}).`,
    `Macro only would beat Micro only on conversions if a sponsored post by a Macro account cost less than ${en.money(fee.value)} (you assume ${en.money(fee.typical)}).`,
    `Your mix would beat Micro only on conversions if Micro accounts persuaded less than ${en.percent(persuasion.value)} of the people they reach (you assume ${en.percent(persuasion.typical)}).`,
    `Nano only would beat Micro only on conversions if Nano accounts persuaded ${en.number(gamma.ratio.value)}× as many of the people they reach as Macro ones (you assume ${en.number(gamma.ratio.typical)}×).`,
  ]);
  assert.match(await page.textContent(".certainty"), /everything else as you set it/);
  await page.getByRole("button", { name: "Français" }).click();
  await page.waitForFunction(() => document.querySelector("#switch-sentences li")?.textContent.startsWith("Macro uniquement"));
  const fr = formats("fr-FR");
  assert.deepEqual(await items(page, "switch-sentences"), [
    `Macro uniquement ferait mieux que Micro uniquement sur les conversions si moins de ${fr.percent(fit.value)} des abonnés Micro étaient dans votre cible (vous supposez ${fr.percent(fit.typical)}).`,
    `Macro uniquement ferait mieux que Micro uniquement sur les conversions si un post sponsorisé d'un compte Macro coûtait moins de ${fr.money(fee.value)} (vous supposez ${fr.money(fee.typical)}).`,
    `Votre mix ferait mieux que Micro uniquement sur les conversions si les comptes Micro persuadaient moins de ${fr.percent(persuasion.value)} des personnes qu'ils touchent (vous supposez ${fr.percent(persuasion.typical)}).`,
    `Nano uniquement ferait mieux que Micro uniquement sur les conversions si les comptes Nano persuadaient, parmi les personnes qu'ils touchent, ${fr.number(gamma.ratio.value)} fois plus que les comptes Macro (vous supposez ${fr.number(gamma.ratio.typical)} fois plus).`,
  ]);
  assert.match((await items(page, "robust-sentences"))[0], /^Replanifié dans chacun de 200 mondes plausibles, le meilleur plan met /);
  assert.match(await page.textContent(".certainty"), /tout le reste tel que vous l'avez réglé/);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, options] of [
  ["desktop, English", {}],
  ["phone, dark, French", { viewport: { width: 375, height: 812 }, colorScheme: "dark", path: "/#lang=fr" }],
]) {
  test(`the certainty section is axe-clean and fits the screen (${name})`, async () => {
    const { page, context, problems } = await openPage(live.browser, live.server.origin, options);
    await simulated(page);
    await page.waitForSelector("#robust rect");
    for (const summary of await page.locator(".certainty .as-table summary").all()) await summary.click();
    assert.deepEqual(await axeViolations(page), []);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `no horizontal scroll: ${scroll} > ${client}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
