// The one table `make bench` ends with: each measurement script records its headline figures
// here, and bench-table.mjs prints them together, each with its target and whether it is met.
import { appendFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROWS = fileURLToPath(new URL("../../target/bench-rows.jsonl", import.meta.url));

/**
 * @param {string} what
 * @param {string} measured   as printed, e.g. "0.10 ms / 0.15 ms"
 * @param {string} target     e.g. "≤ 1 ms"
 * @param {boolean | null} met null when there is no target
 */
export function record(what, measured, target, met) {
  mkdirSync(fileURLToPath(new URL("../../target/", import.meta.url)), { recursive: true });
  appendFileSync(ROWS, `${JSON.stringify({ what, measured, target, met })}\n`);
}
