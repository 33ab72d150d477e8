// The engine's errors in the page's language, from their code, field and numbers (the sentences
// are i18n/errors.*.js). Loaded with them, when the page first shows an engine error.
import { isPercent, unitOf } from "../engine.js";

/** Whether an error is one the engine threw, with its code. @returns {error is import("../../pkg/calculator.js").EngineError} */
const isEngineError = (/** @type {unknown} */ error) => error instanceof Error && typeof (/** @type {{ code?: unknown }} */ (error).code) === "string";

/**
 * An engine error in the page's language (its `errors` sentences loaded), from its code, field
 * and numbers: `named` when the sentence starts with the input's name rather than the field's
 * path. Null for an error without a code the sentences know: the page shows its message instead.
 * @param {unknown} thrown
 * @param {{ tr: import("./types.js").Translate, lang: import("./types.js").Lang, fmt: () => import("./types.js").Formatters,
 *   name: string | null }} page `name`: the input's name, quoted, when the page shows one.
 * @returns {{ text: string, named: boolean } | null}
 */
export function wordError(thrown, { tr, lang, fmt, name }) {
  if (!isEngineError(thrown)) return null;
  const error = thrown;
  // English numbers as the engine prints them, so its sentences read the same on the page.
  const number = lang === "en" ? String : (/** @type {number} */ n) => fmt().number(n);
  const { field, min, max, got } = error;
  if (min !== undefined && max !== undefined) {
    // Only an empty number input gives the engine NaN.
    if (name && Number.isNaN(got)) return { text: tr("error.range.empty", { field: name }), named: true };
    const unit = field.split(".").reverse().map(unitOf).find(Boolean);
    if (isPercent(unit)) {
      return { text: tr("error.range.percent", { field: name ?? field, min: number(min * 100), max: number(max * 100) }), named: name !== null };
    }
  }
  const key = `error.code.${error.code}`;
  if (tr(key) === key) return null;
  // A text got is quoted as given; a kind of value ("an object") is said in the language.
  const said = typeof got === "number" ? number(got) : got === undefined || got.startsWith('"') ? got ?? "" : tr(`error.got.${got}`);
  const numbers = { min: min === undefined ? "" : number(min), max: max === undefined ? "" : number(max), got: said };
  return { text: tr(key, { field, message: error.message, ...numbers }), named: false };
}
