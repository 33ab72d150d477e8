// The page loads only the reader's language, so a sentence missing from one file would show
// its bare key: both files must name the same sentences with the same placeholders.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import page from "../../www/js/i18n/en.js";
import pageFr from "../../www/js/i18n/fr.js";
import link from "../../www/js/i18n/link.en.js";
import linkFr from "../../www/js/i18n/link.fr.js";
import roster from "../../www/js/i18n/roster.en.js";
import rosterFr from "../../www/js/i18n/roster.fr.js";
import errors from "../../www/js/i18n/errors.en.js";
import errorsFr from "../../www/js/i18n/errors.fr.js";
import widget from "../../www/js/i18n/widget.en.js";
import widgetFr from "../../www/js/i18n/widget.fr.js";
import money from "../../www/js/i18n/money.en.js";
import moneyFr from "../../www/js/i18n/money.fr.js";
import { CODES } from "../../src/wasm/error.js";

// The link's, the candidates tab's and the widget's sentences load with them, beside the page's; English
// also takes those of the page's markup, which is written in English: together they are a language.
const markup = Object.fromEntries([...readFileSync(new URL("../../www/index.html", import.meta.url), "utf8")
  .matchAll(/data-i18n="([\w.]+)"[^>]*>([^<]*)</g)].map(([, key, text]) => [key, text.replace(/&amp;/g, "&")]));
const en = { ...markup, ...page, ...link, ...roster, ...errors, ...widget, ...money };
const fr = { ...pageFr, ...linkFr, ...rosterFr, ...errorsFr, ...widgetFr, ...moneyFr };

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("English and French name the same sentences", () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
});

test("each sentence has the same placeholders in both languages", () => {
  for (const key of Object.keys(en)) assert.deepEqual(placeholders(fr[key]), placeholders(en[key]), key);
});

test("every plural comes in both forms", () => {
  for (const key of Object.keys(en).filter((k) => k.endsWith(".one"))) assert.ok(`${key.slice(0, -4)}.other` in en, key);
});

test("the candidates tab's sentences are apart from the page's, and only they are", () => {
  for (const key of Object.keys(roster)) assert.ok(key.startsWith("roster.") && !(key in page), key);
  for (const key of Object.keys(page)) assert.ok(!key.startsWith("roster."), key);
});

test("the sentences loaded with the limits, benchmarks and Complete my mix are in no other file", () => {
  for (const key of Object.keys(money)) assert.ok(!(key in page) && !(key in link) && !(key in roster), key);
});

test("the sentences loaded with the link are in no other file", () => {
  for (const key of Object.keys(link)) assert.ok(!(key in page) && !(key in roster), key);
});

test("every error code of the engine has an English and a French wording, and only those", () => {
  const rust = [...readFileSync(new URL("../../src/error.rs", import.meta.url), "utf8").matchAll(/Code::\w+ => "(\w+)"/g)].map((m) => m[1]);
  const declared = readFileSync(new URL("../../types/calculator.d.ts", import.meta.url), "utf8")
    .match(/export type ErrorCode =([^;]*);\s*export type RangeCode =([^;]*);/)?.slice(1).join("") ?? "";
  const typed = [...declared.matchAll(/"(\w+)"/g)].map((m) => m[1]);
  assert.ok(rust.length > 10, "the codes are read from src/error.rs");
  // The binding's error.js names the codes by their number, in the order of the Rust enum.
  assert.deepEqual(CODES, rust);
  assert.deepEqual([...typed].sort(), [...rust].sort());
  for (const [name, wordings] of [["en", errors], ["fr", errorsFr]]) {
    const worded = Object.keys(wordings).filter((key) => key.startsWith("error.code.")).map((key) => key.slice("error.code.".length));
    assert.deepEqual(worded.sort(), [...rust].sort(), name);
  }
});

test("the widget's sentences are apart from the page's", () => {
  for (const key of Object.keys(widget)) assert.ok(key.startsWith("widget.") && !(key in page) && !(key in link) && !(key in roster), key);
});

test("the errors' sentences are apart from the page's, and only they are", () => {
  for (const key of Object.keys(errors)) assert.ok(key.startsWith("error.") && !(key in page) && !(key in link) && !(key in roster), key);
  for (const key of Object.keys(page)) assert.ok(!key.startsWith("error.code.") && !key.startsWith("error.range."), key);
});
