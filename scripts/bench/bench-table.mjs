// Prints the rows the measurement scripts recorded as one table (see bench-record.mjs).
import { readFileSync } from "node:fs";
import { ROWS } from "./bench-record.mjs";

const rows = readFileSync(ROWS, "utf8").trim().split("\n").map((line) => JSON.parse(line));
const width = (key) => Math.max(key.length, ...rows.map((r) => r[key].length));
const [w, m, t] = [width("what"), width("measured"), width("target")];
console.log(`\n${"what".padEnd(w)} | ${"measured (p50 / p95)".padEnd(m)} | ${"target".padEnd(t)} | met`);
console.log(`${"-".repeat(w)}-|-${"-".repeat(m)}-|-${"-".repeat(t)}-|----`);
for (const r of rows) {
  console.log(`${r.what.padEnd(w)} | ${r.measured.padEnd(m)} | ${r.target.padEnd(t)} | ${r.met === null ? "" : r.met ? "yes" : "NO"}`);
}
