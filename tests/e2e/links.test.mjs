// Links written by someone else: whatever a link holds, the page computes either what it says
// or the defaults, and names every part it did not use, in the reader's language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, session } from "./harness.mjs";

const live = session();

const REFUSED = {
  en: (/** @type {string[]} */ parts) => `Some parts of the link could not be used and were left at their defaults: ${parts.map((p) => `“${p}”`).join(", ")}.`,
  fr: (/** @type {string[]} */ parts) => `Certaines parties du lien étaient inutilisables et ont gardé leur valeur par défaut : ${parts.map((p) => `« ${p} »`).join(", ")}.`,
};
const LOCALES = { en: "en-US", fr: "fr-FR" };

/**
 * Everything the page computes and every control's value, once the simulation has answered (so
 * the ranges are in the table too), and what plain objects inherit in the page.
 * @param {import("playwright-core").Page} page
 */
async function snapshot(page) {
  await page.waitForFunction(() => /simulated|simulés/.test(document.querySelector("#certainty-status")?.textContent ?? ""), null, { timeout: 20_000 });
  return page.evaluate(() => ({
    results: ["#summary", "#compare", "#tiers", "#best-summary", "#best-diff", "#best-left", "#certainty-sentences", "#tornado-table", "#chart desc"]
      .map((selector) => `${selector}: ${document.querySelector(selector)?.textContent}`),
    controls: [...document.querySelectorAll("#app input, #app select")].map((control) => {
      const input = /** @type {HTMLInputElement} */ (control);
      return `${input.id || input.name}=${input.type === "radio" ? input.checked : input.value}`;
    }),
    inherited: Object.getOwnPropertyNames(Object.prototype).sort(),
  }));
}

/** The default scenario as each language shows it, opened once. @type {Record<string, Promise<any>>} */
const defaults = {};
function defaultScenario(/** @type {"en" | "fr"} */ lang) {
  defaults[lang] ??= (async () => {
    const { page, context } = await openPage(live.browser, live.server.origin, { locale: LOCALES[lang] });
    const shown = await snapshot(page);
    await context.close();
    return shown;
  })();
  return defaults[lang];
}

// Each link and what the page names as refused: the part as written when it cannot even be
// read, the engine's field when the engine refuses it.
const HOSTILE = [
  ["budget=20000&o=__proto__.maximumSignificantDigits:1", ["o=__proto__.maximumSignificantDigits:1"]],
  ["budget=20000&o=__proto__.minimumFractionDigits:20", ["o=__proto__.minimumFractionDigits:20"]],
  ["budget=20000&o=__proto__.budget:5", ["o=__proto__.budget:5"]],
  ["constructor=5", ["constructor=5"]],
  ["mix=giga:100", ["mix.shares.giga"]],
  ["mix=__proto__:50", ["mix=__proto__:50"]],
  ["mix=constructor:50", ["mix=constructor:50"]],
  ["prototype=1", ["prototype=1"]],
  ["o=constructor.prototype:1,*.__proto__:2&tiers=prototype:3&__proto__=4", ["o=constructor.prototype:1", "o=*.__proto__:2", "tiers=prototype:3", "__proto__=4"]],
];

for (const [link, refused] of HOSTILE) {
  test(`#${link} computes the default scenario and names what it refused, in English and French`, async () => {
    for (const lang of /** @type {const} */ (["en", "fr"])) {
      const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: `/#${link}`, locale: LOCALES[lang] });
      assert.equal(await page.textContent("#share-status"), REFUSED[lang](refused), lang);
      const shown = await snapshot(page);
      const expected = await defaultScenario(lang);
      assert.deepEqual(shown.results, expected.results, `${lang}: every result equals the default scenario's`);
      assert.deepEqual(shown.controls, expected.controls, `${lang}: the controls show the default scenario`);
      assert.deepEqual(shown.inherited, expected.inherited, `${lang}: nothing was added to what every object inherits`);
      assert.deepEqual(await page.evaluate(() => [({}).maximumSignificantDigits, ({}).minimumFractionDigits, ({}).budget]), [undefined, undefined, undefined]);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}

test("a refused override is named and the link's other overrides still apply", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { path: "/#o=micro.fee:300,__proto__.budget:5,macro.fee:9000" });
  assert.equal(await page.textContent("#share-status"), REFUSED.en(["o=__proto__.budget:5"]));
  assert.equal(await page.inputValue("#a-fee-micro"), "300");
  assert.equal(await page.inputValue("#a-fee-macro"), "9000");
  assert.equal(await page.inputValue("#budget"), "20000");
  assert.equal(await page.evaluate(() => ({}).budget), undefined);
  await context.close();
});

test("a mix the engine refuses is named and the sliders show the even split computed instead", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin, { path: "/#mix=nano:80,micro:80" });
  assert.equal(await page.textContent("#share-status"), REFUSED.en(["mix.shares"]));
  assert.deepEqual(await Promise.all(["nano", "micro", "macro"].map((tier) => page.inputValue(`#share-${tier}`))), ["34", "33", "33"]);
  await context.close();
});

test("a long refused part is quoted shortened, as text", async () => {
  const long = `<b>${"x".repeat(200)}</b>`;
  const { page, context } = await openPage(live.browser, live.server.origin, { path: `/#scheme=${encodeURIComponent(long)}` });
  const quoted = `scheme=${long}`.slice(0, 39);
  assert.equal(await page.textContent("#share-status"), REFUSED.en([`${quoted}…`]));
  assert.equal(await page.locator("#app b").count(), 0);
  await context.close();
});
