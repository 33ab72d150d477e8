// js_error's JS half (mod.rs says why): codes by number, in the order of `Code` (src/error.rs).
export const CODES = ["invalid", "notNumber", "notText", "notObject", "unknownField", "number", "amount", "share", "factor",
  "followers", "people", "hours", "shape", "weight", "amountAtLeast", "hoursAtLeast", "whole"];

// got: 0 none, 1 `number`, 2 `text` (quoted), 3 a kind of value (`text`: "an object").
export function engineError(field, problem, code, min, max, got, number, text) {
  const shown = got === 1 ? number : got === 2 ? `"${text}"` : text;
  return Object.assign(new Error(got ? `${field} ${problem} (got ${shown})` : `${field} ${problem}`),
    { field, code: CODES[code] }, min !== undefined && { min, max }, got && { got: shown });
}
