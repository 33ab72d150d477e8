// Stands in for the wasm modules (www/pkg/start.js and calculator.js) while prerender.mjs runs the page's
// own start-up in Node: each call the page makes is answered by the engine compiled natively
// (`tiermix-build-data answer`, crates/build-data), never by JavaScript arithmetic. A call the
// start-up does not make is refused, so a page that comes to need one fails the build loudly.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Answers by call, so a call made twice costs one run of the engine. @type {Map<string, unknown>} */
const answered = new Map();
/** Every call made, in order, with its answer: prerender.mjs writes them out for the tests. @type {[string, unknown[], unknown][]} */
export const calls = [];

function native(/** @type {string} */ name, /** @type {unknown[]} */ args) {
  const key = JSON.stringify([name, args]);
  if (!answered.has(key)) {
    const output = execFileSync("cargo", ["run", "--quiet", "-p", "tiermix-build-data", "--", "answer"],
      { cwd: ROOT, input: JSON.stringify([[name, args]]), encoding: "utf8", stdio: ["pipe", "pipe", "inherit"] });
    const [answer] = JSON.parse(output);
    if ("error" in answer) throw new Error(`${name}: ${answer.error}`);
    answered.set(key, answer.ok);
    calls.push([name, args, answer.ok]);
  }
  // A fresh copy each time, as the wasm module gives.
  return structuredClone(answered.get(key));
}

export default async function init() {}
export function initSync() {}
export const presets = () => native("presets", []);
export const compare = (/** @type {unknown} */ scenario) => native("compare", [scenario]);
export const assumptions = (/** @type {unknown} */ scenario) => native("assumptions", [scenario]);
/** start.js's `compare` without the optimum: the same answer, its last mix left out. */
export const compareMixes = (/** @type {unknown} */ scenario) => {
  const { mixes } = /** @type {{ mixes: { kind: string }[] }} */ (compare(scenario));
  return { mixes: mixes.filter((mix) => mix.kind !== "optimum") };
};
const refused = (/** @type {string} */ name) => () => { throw new Error(`${name}: not answered at build time (prerender/native-engine.mjs)`); };
export const evaluate = refused("evaluate");
export const classify = refused("classify");
export const classifyMany = refused("classifyMany");
export const optimize = refused("optimize");
export const frontier = refused("frontier");
export const responseCurves = refused("responseCurves");
export const simulate = refused("simulate");
export const sensitivity = refused("sensitivity");
export const switchingValues = refused("switchingValues");
