// Types of start.js, the page's first module: what the page draws its first result with,
// answering exactly as calculator.js's, whose types (and shapes) these are. It has no optimiser:
// `compareMixes` is calculator.js's `compare` without its last mix, the optimum.
import type { Comparison, Scenario } from "./calculator.js";
export type * from "./calculator.js";
export { default, initSync, presets, classify, evaluate } from "./calculator.js";
/** Every single-tier mix and the scenario's own mix: `compare`'s answer without the optimum. */
export function compareMixes(scenario: Scenario): Comparison;
