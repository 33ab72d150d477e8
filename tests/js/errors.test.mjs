// The engine's errors carry a stable code and the numbers to word them; the page words them in
// English exactly as the engine's message says them, and in French from the same code.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "./load.mjs";
import facts from "../../www/pkg/facts.js";
import { CODES } from "../../src/wasm/error.js";
import { addSentences, t } from "../../www/js/i18n.js";
import { formatters } from "../../www/js/format.js";
import { wordError } from "../../www/js/page/wording.js";
import en from "../../www/js/i18n/errors.en.js";
import fr from "../../www/js/i18n/errors.fr.js";

addSentences("en", en);
addSentences("fr", fr);

const thrown = (call) => {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail(`expected ${call} to throw`);
};

/** One error of every kind the engine refuses, each range at both ends. */
function errors() {
  const calls = [
    () => tiermix.compare("scenario"),
    () => tiermix.compare({ budjet: 1 }),
    () => tiermix.compare({ budget: "a lot" }),
    () => tiermix.compare({ budget: {} }),
    () => tiermix.compare({ currency: 5 }),
    () => tiermix.compare({ mix: { shares: { micro: 1.5 } } }),
    () => tiermix.compare({ mix: { counts: { micro: 0.5 } } }),
    () => tiermix.compare({ goal: { lambda: 2 } }),
    () => tiermix.compare({ goal: { maxHours: -1 } }),
    () => tiermix.compare({ goal: { limits: { micro: { minSpend: -1 } } } }),
    () => tiermix.compare({ goal: { objective: "fame" } }),
    () => tiermix.compare({ scheme: { tiers: [{ id: "a", minFollowers: 1.5 }] } }),
    () => tiermix.classify("many"),
    () => tiermix.classify(-1),
    () => tiermix.simulate({}, { draws: 0 }),
    () => tiermix.frontier({}, 1),
    () => tiermix.responseCurves({}, [-1]),
    () => tiermix.compare({ overrides: { micro: { fee: [] } } }),
  ];
  for (const { id, min, max } of facts.quantities) {
    calls.push(() => tiermix.compare({ overrides: { micro: { [id]: min - 1 } } }), () => tiermix.compare({ overrides: { "*": { [id]: max * 2 } } }));
  }
  for (const { id, min, max } of facts.globals) calls.push(() => tiermix.compare({ [id]: min - 1 }), () => tiermix.compare({ [id]: max * 2 }));
  return calls.map(thrown);
}

test("every engine error has a known code, and a range code its bounds and the number it got", () => {
  const seen = new Set();
  for (const error of errors()) {
    assert.ok(CODES.includes(error.code), `${error.code}: ${error.message}`);
    seen.add(error.code);
    assert.equal(error.min === undefined, error.max === undefined, error.message);
    if (error.min !== undefined) assert.ok(error.min <= error.max && error.got !== undefined, error.message);
  }
  assert.deepEqual([...seen].sort(), [...CODES].sort(), "every code is thrown by some input");
});

test("the English wording of every error is the engine's message, a range of a percentage's in percent", () => {
  const tr = (key, values) => t("en", key, values);
  const percents = new Set(facts.quantities.filter(({ unit }) => unit === "share" || unit === "factor").map(({ id }) => id));
  for (const error of errors()) {
    const expected = percents.has(error.field.split(".").at(-1))
      ? `${error.field} must be a percentage from ${error.min * 100} to ${error.max * 100}.`
      : error.message;
    assert.equal(wordError(error, { tr, lang: "en", fmt: () => formatters("en", "EUR"), name: null })?.text, expected, error.code);
  }
});

test("the French wording names the field and the bounds in French", () => {
  const tr = (key, values) => t("fr", key, values);
  const said = (error, name = null) => wordError(error, { tr, lang: "fr", fmt: () => formatters("fr", "EUR"), name })?.text;
  assert.equal(said(thrown(() => tiermix.compare({ budget: -5 }))), "budget doit être un nombre fini entre 0 et 1\u202f000\u202f000\u202f000\u202f000 (reçu -5)");
  assert.equal(said(thrown(() => tiermix.compare({ overrides: { micro: { reachRate: 1.5 } } })), "« Nano »"), "« Nano » doit être un pourcentage entre 0 et 100.");
  assert.equal(said(thrown(() => tiermix.compare({ overrides: { micro: { sponsoredFactor: 3 } } }))), "overrides.micro.sponsoredFactor doit être un pourcentage entre 0 et 200.");
  assert.equal(said(thrown(() => tiermix.compare({ budget: NaN })), "« Budget »"), "« Budget » est vide.");
  assert.equal(said(thrown(() => tiermix.compare({ budget: {} }))), "budget doit être un nombre (reçu un objet)");
  assert.equal(said(thrown(() => tiermix.compare({ currency: 5 }))), "currency doit être un texte (reçu 5)");
  assert.equal(said(thrown(() => tiermix.compare({ goal: { maxHours: -1.5 } }))), "goal.maxHours doit être un nombre d'heures d'au moins 0 (reçu -1,5)");
  for (const error of errors()) {
    const text = said(error);
    assert.ok(text && !/[{}]/.test(text.replace(error.message, "")), `${error.code}: ${text}`);
  }
});

test("a code the page does not know leaves the engine's message", () => {
  const error = Object.assign(new Error("budget is odd"), { field: "budget", code: "odd" });
  const page = { tr: (key, values) => t("en", key, values), lang: "en", fmt: () => formatters("en", "EUR"), name: null };
  assert.equal(wordError(error, page), null);
  assert.equal(wordError(new Error("failed to fetch"), page), null);
});
