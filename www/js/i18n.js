// @ts-check
// The page's sentences in English and French, one file per language (i18n/en.js, i18n/fr.js),
// loaded on demand: a reader downloads only their own. Model numbers never live here: they
// come from the wasm module (presets, assumptions, outcomes) and are formatted by format.js.

/** @typedef {"en" | "fr"} Lang */

/** @type {Partial<Record<Lang, Record<string, string>>>} */
const tables = {};
/** @type {Partial<Record<Lang, Promise<void>>>} */
const loading = {};

/** Loads a language's sentences once; `t` and `plural` need them. @param {Lang} lang */
export function loadLang(lang) {
  loading[lang] ??= (lang === "fr" ? import("./i18n/fr.js") : import("./i18n/en.js")).then(
    (module) => { tables[lang] = module.default; },
    (error) => { delete loading[lang]; throw error; },
  );
  return /** @type {Promise<void>} */ (loading[lang]);
}

/** Whether `loadLang(lang)` has finished. @param {Lang} lang */
export function hasLang(lang) {
  return tables[lang] !== undefined;
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

/** The plural form of `key` ("people.one" / "people.other") for a count, by the language's rules. */
export function plural(/** @type {Lang} */ lang, /** @type {string} */ key, /** @type {number} */ count,
  /** @type {Record<string, string>} */ values = {}) {
  return t(lang, `${key}.${new Intl.PluralRules(lang).select(Math.round(count)) === "one" ? "one" : "other"}`, values);
}
