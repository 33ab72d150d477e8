// Deprecated: core.js is now calculator.js, and this file goes with it in the next release.
export * from "./calculator.js";
export { default } from "./calculator.js";
