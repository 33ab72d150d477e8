// Types of start.js, the page's first module: the functions the page asks for before its first
// result, answering exactly as calculator.js's, whose types (and shapes) these are.
export type * from "./calculator.js";
export { default, initSync, presets, classify, assumptions, evaluate, compare, optimize } from "./calculator.js";
