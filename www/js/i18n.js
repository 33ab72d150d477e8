// The page's sentences in English and French, one file per language (i18n/en.js, i18n/fr.js),
// loaded on demand: a reader downloads only their own. Model numbers never live here: they
// come from the wasm module (presets, assumptions, outcomes) and are formatted by format.js.

/** @typedef {"en" | "fr"} Lang */

/** @type {Partial<Record<Lang, Record<string, string>>>} */
const tables = {};
/** Each file of sentences (spelled out, so `make dist` can rename them). */
const files = {
  en: () => import("./i18n/en.js"),
  fr: () => import("./i18n/fr.js"),
  "link.en": () => import("./i18n/link.en.js"),
  "link.fr": () => import("./i18n/link.fr.js"),
  "roster.en": () => import("./i18n/roster.en.js"),
  "roster.fr": () => import("./i18n/roster.fr.js"),
  "errors.en": () => import("./i18n/errors.en.js"),
  "errors.fr": () => import("./i18n/errors.fr.js"),
  "widget.en": () => import("./i18n/widget.en.js"),
  "widget.fr": () => import("./i18n/widget.fr.js"),
  "money.en": () => import("./i18n/money.en.js"),
  "money.fr": () => import("./i18n/money.fr.js"),
};
/** @type {Partial<Record<keyof typeof files, Promise<void>>>} */
const loading = {};

/**
 * Loads a language's sentences once; `t` and `plural` need them. A `part` is those of a view
 * loaded on first use. @param {Lang} lang @param {"" | Part} [part] @typedef {"link" | "roster" | "errors" | "widget" | "money"} Part
 */
export function loadLang(lang, part = "") {
  const name = /** @type {keyof typeof files} */ (part ? `${part}.${lang}` : lang);
  return (loading[name] ??= files[name]().then(
    (module) => {
      tables[lang] = { ...tables[lang], ...module.default };
    },
    (error) => { delete loading[name]; throw error; },
  ));
}

/** Adds sentences read elsewhere (the page's markup). @param {Lang} lang @param {Record<string, string>} table */
export function addSentences(lang, table) {
  tables[lang] = { ...tables[lang], ...table };
}

/** @param {string | undefined | null} wanted */
export function pickLang(wanted) {
  return wanted && wanted.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/**
 * @param {Lang} lang
 * @param {string} key
 * @param {Record<string, string>} [values]
 */
export function t(lang, key, values = {}) {
  // A missing sentence shows its key: a test keeps both languages' keys identical.
  const template = tables[lang]?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

/** Building Intl.PluralRules costs a keystroke more than using one: one per language. @type {Record<string, Intl.PluralRules>} */
const rules = {};

/** The plural form of `key` ("people.one" / "people.other") for a count, by the language's rules. */
export function plural(/** @type {Lang} */ lang, /** @type {string} */ key, /** @type {number} */ count,
  /** @type {Record<string, string>} */ values = {}) {
  return t(lang, `${key}.${(rules[lang] ??= new Intl.PluralRules(lang)).select(Math.round(count)) === "one" ? "one" : "other"}`, values);
}
