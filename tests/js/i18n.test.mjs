// The page loads only the reader's language, so a sentence missing from one file would show
// its bare key: both files must name the same sentences with the same placeholders.
import { test } from "node:test";
import assert from "node:assert/strict";
import en from "../../www/js/i18n/en.js";
import fr from "../../www/js/i18n/fr.js";

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
