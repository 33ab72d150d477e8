// core.js is calculator.js's old name, kept for one release: the same module under both names,
// init included, so a page or script written for core.js loads and answers as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import * as calculator from "../../www/pkg/calculator.js";
import * as core from "../../www/pkg/core.js";

const CALCULATOR_WASM = new URL("../../www/pkg/calculator_bg.wasm", import.meta.url);
const SCENARIO = { budget: 20000, mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } }, goal: { objective: "blend", lambda: 0.5 } };

/** The answers a script written for either name would read, errors included. */
function answers(module) {
  const refused = (() => {
    try {
      module.evaluate({ budget: -5 });
    } catch (error) {
      return { message: error.message, field: error.field };
    }
  })();
  return {
    presets: module.presets(),
    classify: module.classify(5000, "imh"),
    classifyMany: Array.from(module.classifyMany(Float64Array.of(10, 5000, 2e6))),
    compare: module.compare(SCENARIO),
    optimize: module.optimize(SCENARIO, { objective: "reach" }),
    simulate: module.simulate(SCENARIO, { draws: 100, seed: 3 }),
    refused,
  };
}

test("core.js exports exactly what calculator.js exports, the same functions, init included", () => {
  assert.deepEqual(Object.keys(core).sort(), Object.keys(calculator).sort());
  for (const name of Object.keys(calculator)) assert.equal(core[name], calculator[name], name);
  assert.equal(typeof core.default, "function");
  assert.equal(typeof core.initSync, "function");
});

test("core.js's initSync loads calculator_bg.wasm and answers exactly as calculator.js", () => {
  core.initSync({ module: readFileSync(CALCULATOR_WASM) });
  const expected = answers(calculator);
  assert.deepEqual(answers(core), expected);
  assert.equal(expected.refused.field, "budget");
  assert.equal(core.parseRoster, undefined, "the roster functions stay in tiermix.js");
});

test("core.js's init() with no argument fetches calculator_bg.wasm next to calculator.js", async () => {
  // A fresh module graph, so init runs instead of returning the instance loaded above. Node's
  // fetch cannot read file: URLs: the worker's fetch serves the file and records what it was asked for.
  const source = `
    const { parentPort } = require("node:worker_threads");
    const { readFileSync } = require("node:fs");
    const asked = [];
    globalThis.fetch = async (url) => {
      asked.push(String(url));
      return new Response(readFileSync(new URL(url)), { headers: { "content-type": "application/wasm" } });
    };
    import(${JSON.stringify(new URL("../../www/pkg/core.js", import.meta.url).href)}).then(async (core) => {
      await core.default();
      parentPort.postMessage({ asked, classified: core.classify(5000), compared: core.compare(${JSON.stringify(SCENARIO)}) });
    });`;
  const answer = await new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true });
    worker.once("message", (message) => {
      resolve(message);
      worker.terminate();
    });
    worker.once("error", reject);
  });
  assert.deepEqual(answer.asked, [CALCULATOR_WASM.href]);
  core.initSync({ module: readFileSync(CALCULATOR_WASM) });
  assert.deepEqual(answer.classified, calculator.classify(5000));
  assert.deepEqual(answer.compared, calculator.compare(SCENARIO));
});
