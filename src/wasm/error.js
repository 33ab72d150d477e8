// The JS Error for each error of the core (js_error in mod.rs), built in one call: its message
// as Detail::message_with in src/error.rs writes it, then the parts a page reads on their own.
// Here rather than in the module, which would need float-printing code and a call per property.

/** The codes' ids by their number, in the order of `Code` in src/error.rs. */
export const CODES = ["invalid", "notNumber", "notText", "notObject", "unknownField", "number", "amount", "share", "factor",
  "followers", "people", "hours", "shape", "weight", "amountAtLeast", "hoursAtLeast", "whole"];

/**
 * `got`: 0 nothing, 1 the number `number`, 2 the text `text` (quoted), 3 a kind of value
 * (`text`, "an object"); the error's `got` is the number, or the text as the message quotes it.
 * A range code's bounds are set only when the error has them.
 */
export function engineError(field, problem, code, min, max, got, number, text) {
  const shown = got === 1 ? String(number) : got === 2 ? `"${text}"` : text;
  const error = new Error(got ? `${field} ${problem} (got ${shown})` : `${field} ${problem}`);
  error.field = field;
  error.code = CODES[code] ?? "invalid";
  if (min !== undefined) {
    error.min = min;
    error.max = max;
  }
  if (got) error.got = got === 1 ? number : shown;
  return error;
}
