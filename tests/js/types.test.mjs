// The hand-written types in pkg/*.d.ts against the module's real answers. Every export is
// called with representative inputs (defaults, mixes, each objective, a custom scheme, rosters,
// errors); each input and each answer is then written into one TypeScript file as a literal
// assigned to the declared type, and tsc must accept it: an object literal may have no property
// its type does not declare and must have every one it requires, so a field the module adds,
// drops, renames or makes nullable without its type fails here. A few deliberately wrong
// literals, each under `@ts-expect-error`, prove the check can fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import tiermix from "./load.mjs";
import * as calculator from "../../www/pkg/calculator.js";
import * as core from "../../www/pkg/core.js";
import facts from "../../www/pkg/facts.js";
import benchmarks from "../../www/pkg/benchmarks.js";

const PKG = new URL("../../www/pkg/", import.meta.url);
const TSC = fileURLToPath(new URL("../../node_modules/.bin/tsc", import.meta.url));
calculator.initSync({ module: readFileSync(new URL("calculator_bg.wasm", PKG)) });

/** TypeScript source for a value the module takes or gives: JSON, plus the typed arrays. */
function literal(value) {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  for (const kind of [Float64Array, Int32Array, Uint8Array]) {
    if (value instanceof kind) return `${kind.name}.of(${Array.from(value).join(", ")})`;
  }
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${literal(item)}`).join(", ")} }`;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/** An error as a caller sees it: its name, message and every property of its own. */
function thrown(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof Error, String(error));
    return { name: error.name, message: error.message, ...Object.fromEntries(Object.entries(error)) };
  }
  assert.fail("expected the call to throw");
}

const MIX = { budget: 20000, currency: "EUR", scheme: "fr2018", mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } } };
const FULL = {
  ...MIX,
  audience: 5000000,
  postsPerInfluencer: 2,
  hourlyCost: 50,
  conversionValue: 40,
  overrides: { micro: { fee: 250, realShare: { low: 0.6, typical: 0.7, high: 0.9 } }, "*": { hours: 3 } },
  goal: { objective: "netValue", limits: { macro: { maxCount: 2 }, nano: { minCount: 1, maxSpend: 5000 } }, maxHours: 300 },
};
const COUNTS = { budget: 20000, scheme: "imh", mix: { counts: { nano: 10, micro: 3, mid: 1 } } };
const CUSTOM = { tiers: [{ id: "small", minFollowers: 0, label: "Small" }, { id: "big", minFollowers: 10000, label: { en: "Big", fr: "Grand" } }] };
const NOTHING = { budget: 0 };
const ROSTER_TEXT = [
  "handle;followers;engagement rate;fee;platform;notes",
  "@ana;12000;3,4 %;250;Instagram;x", "@bo;900;;;TikTok;", "@cy;not a number;2%;100;;", "@ana;12000;3,4 %;250;Instagram;x", "",
  "@dee;250000;0,4 %;;Instagram;", "@eve;-5;;;;", "@fay;12%;;;;", "@gus;;;;;", "@hal;5000;1%;80;;;;;;", "@ivy;8000;200%;;;",
].join("\n");
/** Files the reader refuses as a whole, one per reason. */
const REFUSED_FILES = ["", "handle,fee\n@a,5\n", "handle,followers\n", 'handle,followers\n"@a,5\n'];
const OBJECTIVES = ["reach", "engagements", "conversions", "netValue", "blend"];

/** Each call: the export, its arguments, and a name for the generated variables. */
function calls() {
  const list = [
    ["presets", []],
    ["classify", [5000]],
    ["classify", [10, "imh"]],
    ["classify", [20000, CUSTOM]],
    ["classifyMany", [Float64Array.of(10, 5000, 2e6)]],
    ["classifyMany", [[10, 5000, 2e6], "traackr"]],
    ["assumptions", [{}]],
    ["assumptions", [FULL]],
    ["evaluate", [MIX]],
    ["evaluate", [COUNTS]],
    ["evaluate", [NOTHING]],
    ["compare", [{}]],
    ["compare", [FULL]],
    ["compare", [NOTHING]],
    ...OBJECTIVES.map((objective) => ["optimize", [MIX, { objective, ...(objective === "blend" ? { lambda: 0.3 } : {}) }]]),
    ["optimize", [FULL]],
    ["optimize", [NOTHING, null]],
    ["frontier", [MIX]],
    ["frontier", [FULL, 3]],
    ["responseCurves", [MIX, [1000, 20000, 50000]]],
    ["simulate", [MIX, { draws: 60, seed: 7 }]],
    ["simulate", [NOTHING, { draws: 20 }]],
    ["sensitivity", [MIX]],
    ["sensitivity", [COUNTS]],
  ];
  const roster = tiermix.parseRoster(ROSTER_TEXT);
  list.push(
    ["parseRoster", [ROSTER_TEXT]],
    ["parseRoster", [new TextEncoder().encode("handle,followers\n@a,5000\n@b,200000\n"), "later"]],
    ["parseRoster", ["just some words\nand more\n"]],
    ["parseRoster", ["handle,followers,audience fit\n@a,5000,35\n@b,9000,\n@c,9000,120 %\n"]],
    ...REFUSED_FILES.map((text) => ["parseRoster", [text]]),
    ["pickRoster", [roster, MIX, { objective: "reach" }]],
    ["pickRoster", [roster.rows, FULL]],
  );
  return list;
}

test("the build publishes types/*.d.ts next to the modules", () => {
  for (const name of ["tiermix", "calculator", "core", "facts", "benchmarks"]) {
    assert.equal(readFileSync(new URL(`${name}.d.ts`, PKG), "utf8"), readFileSync(new URL(`../../types/${name}.d.ts`, import.meta.url), "utf8"), name);
  }
});

test("every export's declared types accept its real inputs and answers, and only those", () => {
  const lines = [
    `import type * as T from ${JSON.stringify(fileURLToPath(new URL("tiermix.js", PKG)))};`,
    `import type * as C from ${JSON.stringify(fileURLToPath(new URL("calculator.js", PKG)))};`,
    `import type * as Old from ${JSON.stringify(fileURLToPath(new URL("core.js", PKG)))};`,
    `import type { Facts } from ${JSON.stringify(fileURLToPath(new URL("facts.js", PKG)))};`,
    `import type Benchmarks from ${JSON.stringify(fileURLToPath(new URL("benchmarks.js", PKG)))};`,
    "",
    "// Every export each module has, and no other, is declared.",
  ];
  for (const [name, module] of [["T", tiermix], ["C", calculator], ["Old", core]]) {
    const names = Object.fromEntries(Object.keys(module).map((key) => [key, true]));
    lines.push(`export const exportsOf${name}: Record<keyof typeof ${name}, true> = ${literal(names)};`);
  }
  lines.push("", "// Each call's arguments and answer.");
  const answers = {};
  calls().forEach(([name, args], i) => {
    const answer = tiermix[name](...args);
    answers[name] ??= answer;
    args.forEach((arg, k) => lines.push(`export const input${i}_${k}: Parameters<typeof T.${name}>[${k}] = ${literal(arg)};`));
    lines.push(`export const answer${i}: ReturnType<typeof T.${name}> = ${literal(answer)};`);
    if (name in calculator) lines.push(`export const calculatorAnswer${i}: ReturnType<typeof C.${name}> = ${literal(calculator[name](...args))};`);
  });
  lines.push("", "// What every function throws.");
  const errors = [
    thrown(() => tiermix.evaluate({ budget: -5 })),
    thrown(() => tiermix.compare({ mix: { shares: { giga: 0.5 } } })),
    thrown(() => tiermix.classify("many")),
    thrown(() => tiermix.optimize(MIX, { objective: "fame" })),
    thrown(() => tiermix.pickRoster("not a roster", MIX)),
    thrown(() => calculator.simulate(MIX, { draws: 0 })),
    thrown(() => tiermix.compare({ budjet: 5 })),
    thrown(() => tiermix.compare({ currency: 5 })),
    thrown(() => tiermix.compare({ goal: { objective: "reach", maxHours: -1 } })),
    thrown(() => tiermix.compare({ overrides: { micro: { reachRate: 2 } } })),
  ];
  assert.deepEqual(errors.map((error) => error.code), ["number", "invalid", "whole", "invalid", "invalid", "whole", "unknownField", "notText", "hoursAtLeast", "share"]);
  errors.forEach((error, i) => lines.push(`export const error${i}: T.EngineError = ${literal(error)};`));
  lines.push("", "// The facts the build writes next to the modules.", `export const facts: Facts = ${literal(facts)};`,
    `export const benchmarks: typeof Benchmarks = ${literal(benchmarks)};`);

  const evaluated = answers.evaluate;
  const { reach, ...withoutReach } = evaluated;
  lines.push(
    "",
    "// Wrong on purpose: tsc must refuse each line under its @ts-expect-error.",
    "// @ts-expect-error an answer with a field its type does not declare",
    `export const extraField: ReturnType<typeof T.evaluate> = ${literal({ ...evaluated, reachh: reach })};`,
    "// @ts-expect-error an answer without a field its type requires",
    `export const missingField: ReturnType<typeof T.evaluate> = ${literal(withoutReach)};`,
    "// @ts-expect-error a nested answer with a field its type does not declare",
    `export const extraNested: ReturnType<typeof T.optimize> = ${literal({ ...answers.optimize, budgetLeft: { ...answers.optimize.budgetLeft, why: "" } })};`,
    "// @ts-expect-error null where the type says a number",
    `export const nullNumber: ReturnType<typeof T.evaluate> = ${literal({ ...evaluated, spend: null })};`,
    "// @ts-expect-error a misspelt input field",
    `export const typo: Parameters<typeof T.compare>[0] = ${literal({ budgett: 20000 })};`,
    "// @ts-expect-error an objective the API does not know",
    `export const objective: Parameters<typeof T.optimize>[1] = ${literal({ objective: "fame" })};`,
    "// @ts-expect-error an error code the API does not know",
    `export const unknownCode: T.EngineError = ${literal({ ...errors[0], code: "negative" })};`,
    "// @ts-expect-error a fact its type does not declare",
    `export const extraFact: Facts = ${literal({ ...facts, limits: { ...facts.limits, maxSpend: 1 } })};`,
    "// @ts-expect-error a quantity the API does not know",
    `export const unknownQuantity: Facts = ${literal({ ...facts, quantities: [{ ...facts.quantities[0], id: "fame" }] })};`,
    "// @ts-expect-error a benchmark band without its range",
    `export const bandWithoutRange: typeof Benchmarks = ${literal({ ...benchmarks, bands: [{ id: "nano", minFollowers: 0 }] })};`,
    "// @ts-expect-error the calculator has no roster functions",
    `export const noRoster: typeof C.parseRoster = null!;`,
  );

  const folder = mkdtempSync(join(tmpdir(), "tiermix-types-"));
  writeFileSync(join(folder, "answers.ts"), `${lines.join("\n")}\n`);
  writeFileSync(join(folder, "tsconfig.json"), JSON.stringify({
    compilerOptions: { target: "es2022", module: "es2022", moduleResolution: "bundler", lib: ["es2022", "dom"], types: [] },
    files: ["answers.ts"],
  }));
  let output = "";
  try {
    execFileSync(TSC, ["--noEmit", "--strict", "-p", folder], { encoding: "utf8", stdio: "pipe" });
  } catch (failure) {
    output = `${failure.stdout ?? ""}${failure.stderr ?? ""}` || String(failure);
  }
  // Kept when tsc refuses it, so the message's line numbers can be read against it.
  assert.equal(output, "", `tsc refused the declared types (the generated file: ${join(folder, "answers.ts")}):\n${output}`);
  rmSync(folder, { recursive: true, force: true });
});
