// Arguments that fight back: getters and Proxy traps that throw, revoked Proxies, values no input
// holds, keys of 10 MB. Each must come back as an Error naming the field, in a message of a
// few lines, and the module must answer every later call exactly as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

let instances = 0;

/**
 * A fresh instance of a built module (a new query makes Node load the glue, and so the memory,
 * anew), with the size of what it holds: its memory and its table of JavaScript values.
 */
async function fresh(name) {
  const module = await import(new URL(`../../www/pkg/${name}.js?instance=${++instances}`, import.meta.url));
  const exports = await module.default({ module_or_path: readFileSync(new URL(`../../www/pkg/${name}_bg.wasm`, import.meta.url)) });
  return { ...module, held: () => ({ memory: exports.memory.buffer.byteLength, values: exports.__wbindgen_externrefs.length }) };
}

const SCENARIO = { budget: 20000, mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } } };
const ROSTER = "handle,followers,engagement rate,fee\n@a,12000,3%,150\n@b,2500,5%,60\n@c,150000,1.5%,900\n@d,800,7%,20\n";
const CALLS = 100_000;

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

/** `call` throws an Error whose field is `field` and whose message starts with it. */
function throwsNaming(call, field, pattern = /could not be read: it threw /) {
  try {
    call();
  } catch (e) {
    if (!(e instanceof Error) || e.field !== field || !e.message.startsWith(field) || !pattern.test(e.message)) {
      assert.fail(`expected an Error naming ${field}, got ${e instanceof Error ? `${e.field}: ${e.message}` : typeof e}`);
    }
    return e;
  }
  assert.fail(`expected ${field} to throw`);
}

// What the caller's code throws can be anything, even an object whose toString throws again.
const THROWN = [new Error("boom"), new TypeError(), "text", Symbol("s"), { toString() { throw new Error("again"); } }, 7, null];

/** The calls that used to leak the module's stack, each with the field its error names. */
function hostileCalls(module) {
  const calls = [
    [(k) => module.evaluate({ get budget() { throw THROWN[k % THROWN.length]; } }), "scenario.budget"],
    [() => module.evaluate(new Proxy({ budget: 1 }, { get() { throw new Error("trap"); } })), "scenario.budget"],
    [() => module.evaluate({ mix: new Proxy({}, { ownKeys() { throw new Error("keys"); } }) }), "scenario.mix"],
    [() => module.evaluate({ overrides: { micro: revoked() } }), "scenario.overrides.micro"],
    [() => module.compare({ mix: { shares: [1, new Proxy([], { get() { throw new Error("length"); } })] } }), "scenario.mix.shares[1]"],
    [() => module.optimize({}, { limits: { get micro() { throw new Error("limit"); } } }), "goal.limits.micro"],
    [() => module.classifyMany([1, revoked()]), "followers[1]"],
  ];
  if (module.pickRoster) {
    const rows = module.parseRoster(ROSTER).rows;
    const throwingRow = rows.map((row, i) => (i === 2 ? { ...row, get fee() { throw new Error("fee"); } } : row));
    calls.push(
      [() => module.pickRoster({ rows: throwingRow }, { budget: 1000 }), "roster.rows[2].fee"],
      [() => module.pickRoster(throwingRow, { budget: 1000 }), "roster[2].fee"],
      [() => module.pickRoster({ rows: revoked() }, { budget: 1000 }), "roster.rows"],
    );
  }
  return calls;
}

for (const name of ["tiermix", "calculator"]) {
  test(`${name}.js: ${CALLS} getters that throw, then every other hostile call, and the module answers as before`, async () => {
    const module = await fresh(name);
    const before = module.evaluate(SCENARIO);
    const pick = module.pickRoster && module.pickRoster(module.parseRoster(ROSTER), { budget: 1000 }, { objective: "reach" });
    const [getter, ...others] = hostileCalls(module);
    const held = module.held();
    const start = performance.now();
    for (let k = 0; k < CALLS; k++) throwsNaming(() => getter[0](k), getter[1]);
    // Each of these, repeated past the few hundred calls that used to kill the module.
    for (const [call, field] of others) {
      for (let k = 0; k < 2_500; k++) throwsNaming(call, field);
    }
    console.log(`${name}.js: ${CALLS + others.length * 2_500} hostile calls in ${Math.round(performance.now() - start)} ms; held before ${JSON.stringify(held)}, after ${JSON.stringify(module.held())}`);
    // Nothing is kept per call: neither memory nor a slot of the table of values.
    assert.ok(module.held().values <= held.values + 1024, `${JSON.stringify(held)} → ${JSON.stringify(module.held())}`);
    assert.ok(module.held().memory <= held.memory + 2 ** 20, `${JSON.stringify(held)} → ${JSON.stringify(module.held())}`);
    assert.deepEqual(module.evaluate(SCENARIO), before);
    if (pick) assert.deepEqual(module.pickRoster(module.parseRoster(ROSTER), { budget: 1000 }, { objective: "reach" }), pick);
  });
}

test("what a getter threw is quoted briefly, and its toString never runs", async () => {
  const module = await fresh("calculator");
  const threw = (thrown) => throwsNaming(() => module.evaluate({ get budget() { throw thrown; } }), "scenario.budget").message;
  assert.equal(threw(new Error("boom")), 'scenario.budget could not be read: it threw "boom"');
  assert.equal(threw(new RangeError()), "scenario.budget could not be read: it threw an Error");
  assert.equal(threw(Symbol("s")), "scenario.budget could not be read: it threw a value that is not an Error");
  let ran = 0;
  const sneaky = { toString() { ran++; throw new Error("again"); }, get message() { ran++; throw new Error("again"); } };
  assert.equal(threw(sneaky), "scenario.budget could not be read: it threw a value that is not an Error");
  assert.equal(ran, 1, "only the message getter runs, once, and what it throws stays inside the module");
  assert.ok(threw("x".repeat(10_000_000)).length < 120);
  assert.ok(threw(new Error("y".repeat(10_000_000))).length < 120);
});

test("a 10 MB key or value gives a message of a few lines", async () => {
  const module = await fresh("tiermix");
  const key = "k".repeat(10_000_000);
  const cases = [
    [() => module.evaluate({ [key]: 1 }), /^k{40}… is not a known field/],
    [() => module.evaluate({ overrides: { [key]: { fee: 1 } } }), /^overrides\.k{40}… is not a tier/],
    [() => module.evaluate({ overrides: { micro: { [key]: 1 } } }), /^overrides\.micro\.k{40}… is not a known assumption/],
    [() => module.optimize({}, { limits: { [key]: {} } }), /^goal\.limits\.k{40}… is not a tier/],
    [() => module.evaluate({ mix: { shares: { [key]: 0.5 } } }), /^mix\.shares\.k{40}… is not a tier/],
    [() => module.evaluate({ overrides: { [key]: { fee: 10n } } }), /^scenario\.overrides\.k{40}…\.fee must be/],
    [() => module.evaluate({ currency: key }), /^currency must be .*\(got "k{40}…"\)$/],
    [() => module.classify(1, { tiers: [{ id: key, minFollowers: 0 }] }), /^scheme\.tiers\[0\]\.id must be at most/],
    [() => module.pickRoster([{ followers: 5000, [key]: 1, get fee() { throw key; } }], { budget: 1000 }), /^roster\[0\]\.fee could not be read: it threw "k{40}…"$/],
  ];
  for (const [call, pattern] of cases) {
    assert.throws(call, (e) => e instanceof Error && pattern.test(e.message) && e.message.length < 1000 && e.field.length < 120, String(pattern));
  }
  const ids = Array.from({ length: 12 }, (_, i) => `${i}`.padEnd(64, "t"));
  const scheme = { tiers: ids.map((id, i) => ({ id, minFollowers: i })) };
  assert.throws(() => module.evaluate({ scheme, mix: { shares: { nope: 1 } } }), (e) => /^mix\.shares\.nope is not a tier/.test(e.message) && e.message.length < 300);
  assert.equal(module.compare({}).mixes.length, 5);
});

test("values no input holds are named by their full path", async () => {
  const module = await fresh("tiermix");
  const plain = "must be a number, text, true/false, a list or a plain object";
  const cyclic = { micro: {} };
  cyclic.micro.self = cyclic;
  let deep = {};
  const root = deep;
  for (let i = 0; i < 40; i++) deep = deep.a = {};
  const cases = [
    [() => module.evaluate({ overrides: { micro: { fee: 250n } } }), "scenario.overrides.micro.fee", `${plain} (got a BigInt)`],
    [() => module.evaluate({ mix: { shares: { micro: Symbol("half") } } }), "scenario.mix.shares.micro", `${plain} (got a Symbol)`],
    [() => module.evaluate({ overrides: { micro: new Map([["fee", 250]]) } }), "scenario.overrides.micro", `${plain} (got a Map or class instance)`],
    [() => module.evaluate({ overrides: { micro: { fee: new Date() } } }), "scenario.overrides.micro.fee", `${plain} (got a Map or class instance)`],
    [() => module.evaluate({ overrides: { micro: { fee() {} } } }), "scenario.overrides.micro.fee", `${plain} (got a function)`],
    [() => module.evaluate({ overrides: cyclic }), "scenario.overrides.micro.self", "refers back to an object that contains it (a cycle)"],
    [() => module.optimize({}, { limits: { micro: [[1, [2, cyclic]]] } }), "goal.limits.micro[0][1][1].micro.self", "refers back to an object that contains it (a cycle)"],
    [() => module.classifyMany([1, 2, 3n]), "followers[2]", `${plain} (got a BigInt)`],
    [() => module.responseCurves({}, [100, Symbol()]), "budgets[1]", `${plain} (got a Symbol)`],
    [() => module.simulate({}, { seed: 1n }), "options.seed", `${plain} (got a BigInt)`],
  ];
  for (const [call, field, problem] of cases) {
    const e = throwsNaming(call, field, /./);
    assert.equal(e.message, `${field} ${problem}`);
  }
  const tooDeep = throwsNaming(() => module.evaluate({ mix: root }), `scenario.mix${".a".repeat(31)}`, /is too deep: input may be nested at most 32 levels$/);
  assert.ok(tooDeep.message.length < 200);
  assert.equal(module.evaluate({}).influencers > 0, true);
});

test("typed arrays are copied without running the caller's code", async () => {
  const module = await fresh("tiermix");
  const counts = new Float64Array([10, 5000, 2e6]);
  Object.defineProperty(counts, "length", { get() { throw new Error("length"); } });
  assert.deepEqual([...module.classifyMany(counts)], [0, 1, 2]);
  class Counts extends Float64Array { get length() { throw new Error("length"); } }
  assert.deepEqual([...module.classifyMany(new Counts([10, 5000]))], [0, 1]);
  const bytes = new TextEncoder().encode(ROSTER);
  Object.defineProperty(bytes, "length", { get() { throw new Error("length"); } });
  assert.equal(module.parseRoster(bytes).rows.length, 4);
  assert.equal(module.parseRoster(Buffer.from(ROSTER)).rows.length, 4);
  // A Proxy is not a typed array (its traps would run): it is read, and refused, as an object.
  const trap = { get() { throw new Error("trap"); } };
  throwsNaming(() => module.classifyMany(new Proxy(new Float64Array(3), trap)), "followers", /\(got a Map or class instance\)$/);
  throwsNaming(() => module.parseRoster(new Proxy(new Uint8Array(3), trap)), "text", /\(got a Map or class instance\)$/);
  assert.deepEqual([...module.classifyMany(new Float64Array([999, 1000]))], [0, 1]);
});

test("a roster's rows are read with their paths, handles included", async () => {
  const module = await fresh("tiermix");
  const roster = module.parseRoster(ROSTER);
  const picked = module.pickRoster(roster, { budget: 1000 }, { objective: "reach" });
  const chosen = picked.rows[0].index;
  const rows = roster.rows.map((row, i) => (i === chosen ? { ...row, get handle() { throw new Error("handle"); } } : row));
  throwsNaming(() => module.pickRoster({ rows }, { budget: 1000 }, { objective: "reach" }), `roster.rows[${chosen}].handle`);
  const estimated = roster.rows.map((row, i) => (i === 1 ? { ...row, estimated: revoked() } : row));
  throwsNaming(() => module.pickRoster(estimated, { budget: 1000 }), "roster[1].estimated");
  throwsNaming(() => module.pickRoster({ get rows() { throw new Error("rows"); } }, { budget: 1000 }), "roster.rows");
  throwsNaming(() => module.pickRoster(revoked(), { budget: 1000 }), "roster");
  throwsNaming(() => module.pickRoster([new Proxy({}, { get() { throw 1; } })], { budget: 1000 }), "roster[0].followers");
  assert.deepEqual(module.pickRoster(roster, { budget: 1000 }, { objective: "reach" }), picked);
});
