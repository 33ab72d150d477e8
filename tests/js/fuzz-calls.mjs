// The calls of the API fuzz test (fuzz.test.mjs): valid arguments for every export, random
// calls built from them (valid, mutated field by field, or wholly hostile), and a fixed list
// of hand-made hostile calls. Only the contract's bounds are known here, as a caller knows
// them; the tier ids of the presets come from `presets()` itself.
import {
  callSeed, cyclic, describe, generator, hostile, hostileProxy, HOSTILE_NUMBERS, MB10, mutate, nested, once, revoked, tag,
  tenMegabytes, tenMegabytesUnicode, withThrowingGetter,
} from "./fuzz-values.mjs";

// --- Valid arguments ------------------------------------------------------------------------

const MAX_FOLLOWERS = 1e10;
const QUANTITIES = {
  typicalFollowers: [1, MAX_FOLLOWERS], fee: [0, 1e9], reachRate: [0, 1], engagementRate: [0, 1], sponsoredFactor: [0, 2],
  realShare: [0, 1], audienceFit: [0, 1], persuasion: [0, 1], delivery: [0, 1], hours: [0, 1e4], concentration: [0.001, 1e6],
};
const OBJECTIVES = ["reach", "engagements", "conversions", "netValue", "blend"];
const TIER_IDS = [
  "nano", "micro", "macro", "mega", "t1", "t2", "t3", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf",
  "étoile", "🌸", "a b", "0", "1e3", "NaN", "length", "x".repeat(64), "é".repeat(32), " padded ",
];

/** A number in `[lo, hi]`: often an end of the range, else spread over its orders of magnitude. */
function within(r, lo, hi, whole = false) {
  const v = r.weighted([
    [1, () => lo], [1, () => hi], [1, () => (lo === 0 ? -0 : lo)],
    [4, () => (lo > 0 ? r.logUniform(lo, hi) : r.chance(0.2) ? r.uniform(lo, hi) : Math.min(hi, r.logUniform(1e-6, hi)))],
  ])();
  return whole ? Math.min(hi, Math.max(lo, Math.round(v))) : v;
}

/** Budgets are mostly ordinary; a few are huge, where the optimiser has the most to do. */
const budget = (r) => r.weighted([[60, () => r.logUniform(100, 1e5)], [10, () => r.pick([0, -0, 0.01, 1])], [18, () => r.logUniform(1e5, 1e7)], [8, () => r.logUniform(1e7, 1e10)], [4, () => r.pick([1e12, r.logUniform(1e10, 1e12)])]])();

function customScheme(r) {
  const n = r.chance(0.15) ? 12 : r.between(1, 6);
  const ids = [];
  while (ids.length < n) {
    const id = r.chance(0.7) ? r.pick(TIER_IDS) : `tier${r.between(0, 99)}`;
    if (!ids.includes(id)) ids.push(id);
  }
  const bounds = new Set(r.chance(0.5) ? [0] : []);
  while (bounds.size < n) bounds.add(Math.round(r.chance(0.1) ? r.pick([1, MAX_FOLLOWERS, MAX_FOLLOWERS - 1]) : r.logUniform(1, MAX_FOLLOWERS)));
  const mins = [...bounds].sort((a, b) => a - b);
  const label = () => r.pick([undefined, "Label", { en: "Small", fr: "Petit" }, { en: "Only English" }, { fr: "Seulement français" }, null]);
  const tiers = ids.map((id, i) => {
    const tier = { id, minFollowers: mins[i] };
    const l = label();
    if (l !== undefined) tier.label = l;
    return tier;
  });
  const scheme = { tiers };
  if (r.chance(0.2)) scheme.id = "mine";
  if (r.chance(0.2)) scheme.label = label() ?? "Mine";
  return { scheme, ids };
}

export function validScheme(r, ctx) {
  return r.weighted([
    [2, () => ({ scheme: r.pick([undefined, null]), ids: ctx.presets[0].tiers })],
    [4, () => { const p = r.pick(ctx.presets); return { scheme: p.id, ids: p.tiers }; }],
    [4, () => customScheme(r)],
  ])();
}

/** Shares of a subset of tiers; the sum is 1, less, or a hair above it. */
function shares(r, ids) {
  const chosen = r.subset(ids);
  const weights = chosen.map(() => r.next() + 1e-3);
  const total = weights.reduce((a, b) => a + b, 0);
  const sum = r.pick([1, 1, 1, r.next(), 0, 1 - 1e-12, 1 + 1e-10, 1 + 1e-9, 1 + 2e-9, 1 + Number.EPSILON]);
  return Object.fromEntries(chosen.map((id, i) => [id, (weights[i] / total) * sum]));
}

const mix = (r, ids) => (r.chance(0.7)
  ? { shares: shares(r, ids) }
  : { counts: Object.fromEntries(r.subset(ids).map((id) => [id, r.chance(0.9) ? r.between(0, 20) : r.between(0, 1e6)])) });

function overrides(r, ids) {
  const entries = r.subset(["*", ...ids]).map((key) => {
    const quantities = r.subset(Object.keys(QUANTITIES)).slice(0, 3).map((q) => {
      const [lo, hi] = QUANTITIES[q];
      if (r.chance(0.6)) return [q, within(r, lo, hi)];
      const [low, typical, high] = [within(r, lo, hi), within(r, lo, hi), within(r, lo, hi)].sort((a, b) => a - b);
      return [q, Object.fromEntries([["low", low], ["typical", typical], ["high", high]].filter(() => r.chance(0.7)))];
    });
    return [key, Object.fromEntries(quantities)];
  });
  return Object.fromEntries(entries);
}

export function validGoal(r, ids) {
  const goal = {};
  if (r.chance(0.8)) goal.objective = r.pick(OBJECTIVES);
  if (r.chance(0.4)) goal.lambda = within(r, 0, 1);
  if (r.chance(0.4)) {
    goal.limits = Object.fromEntries(r.subset(ids).map((id) => {
      const [minCount, maxCount] = [r.between(0, 30), r.between(0, 30)].sort((a, b) => a - b);
      const [minSpend, maxSpend] = [within(r, 0, 1e5), within(r, 0, 1e5)].sort((a, b) => a - b);
      const all = { minCount, maxCount, minSpend, maxSpend };
      return [id, Object.fromEntries(Object.entries(all).filter(() => r.chance(0.4)))];
    }));
  }
  if (r.chance(0.2)) goal.maxHours = within(r, 0, 1e9);
  return goal;
}

export function validScenario(r, ctx) {
  const { scheme, ids } = validScheme(r, ctx);
  const s = {};
  if (r.chance(0.85)) s.budget = budget(r);
  if (r.chance(0.2)) s.currency = r.pick(["EUR", "USD", "GBP", "JPY", "XXX"]);
  if (scheme !== undefined || r.chance(0.3)) s.scheme = scheme;
  if (r.chance(0.5)) s.mix = mix(r, ids);
  if (r.chance(0.3)) s.audience = within(r, 1, 1e10);
  if (r.chance(0.2)) s.postsPerInfluencer = r.chance(0.8) ? r.between(1, 5) : within(r, 1, 1000, true);
  if (r.chance(0.3)) s.hourlyCost = within(r, 0, 1e6);
  if (r.chance(0.3)) s.conversionValue = within(r, 0, 1e9);
  if (r.chance(0.3)) s.overrides = overrides(r, ids);
  if (r.chance(0.3)) s.goal = validGoal(r, ids);
  return { scenario: s, ids };
}

const followers = (r) => r.weighted([[5, () => within(r, 0, MAX_FOLLOWERS, true)], [2, () => r.between(0, 200000)], [1, () => r.pick([0, -0, 999, 1000, 100000, 100001, MAX_FOLLOWERS])]])();

function followerList(r) {
  const n = r.weighted([[6, () => r.between(0, 20)], [3, () => r.between(0, 2000)], [1, () => r.between(0, 100000)]])();
  const list = Array.from({ length: n }, () => followers(r));
  return r.chance(0.5) ? Float64Array.from(list) : list;
}

const HANDLES = ["alice", "@bob.b", "Zoë 🌸", "日本", "\"quoted, name\"", "=cmd|' /C calc'!A0", "", "x".repeat(300), "a\ud800b"];
const CELLS = {
  handle: ["handle", "pseudo", "Nom", "username"],
  followers: ["followers", "abonnés", "Subscribers", "fans"],
  engagementRate: ["engagement rate", "ER", "taux d'engagement (%)"],
  engagements: ["engagements", "interactions"],
  fee: ["fee", "tarif", "Prix"],
  platform: ["platform", "réseau"],
  topic: ["topic", "niche"],
};
const numberCell = (r) => r.pick([String(r.between(0, 2e6)), "12,500", "12 500", "1.2k", "3,4 M", "-5", "", "abc", "1e3", "10000000001", "5000.5", "0"]);
const rateCell = (r) => r.pick(["2.5%", "0,03", "3 %", "", "120%", "-1%", "0.9", "n/a"]);
const feeCell = (r) => r.pick(["200", "€200", "1 500 €", "", "free", "-3", "1e9", "0"]);

/** A CSV roster: real headers in several languages, every delimiter and line ending, bad cells too. */
export function rosterText(r) {
  const columns = ["handle", "followers", ...r.subset(["engagementRate", "engagements", "fee", "platform", "topic"])];
  const delimiter = r.pick([",", ";", "\t", "|"]);
  const eol = r.pick(["\n", "\r\n", "\r"]);
  const quote = (cell) => (r.chance(0.1) || cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll("\"", "\"\"")}"` : cell);
  const cell = { handle: () => r.pick(HANDLES), followers: () => numberCell(r), engagementRate: () => rateCell(r), engagements: () => numberCell(r), fee: () => feeCell(r), platform: () => r.pick(["Instagram", "TikTok", "", "YouTube"]), topic: () => r.pick(["food", "beauté", "", "travel"]) };
  const n = r.weighted([[8, () => r.between(0, 40)], [2, () => r.between(0, 3000)]])();
  const lines = [columns.map((c) => quote(r.pick(CELLS[c]))).join(delimiter)];
  for (let i = 0; i < n; i++) lines.push(r.chance(0.03) ? r.pick(["", "junk", delimiter.repeat(9), "\"unclosed"]) : columns.map((c) => quote(cell[c]())).join(delimiter));
  return (r.chance(0.1) ? "\ufeff" : "") + lines.join(eol) + (r.chance(0.7) ? eol : "");
}

function rosterInput(r) {
  const text = rosterText(r);
  return r.weighted([
    [6, () => text],
    [3, () => new TextEncoder().encode(text)],
    // Windows-1252-like bytes: anything goes.
    [1, () => Uint8Array.from({ length: r.between(0, 2000) }, () => r.between(0, 255))],
  ])();
}

function rosterRows(r) {
  const n = r.weighted([[8, () => r.between(0, 40)], [2, () => r.between(0, 2000)]])();
  const rows = Array.from({ length: n }, (_, i) => {
    // A candidate has at least one follower; now and then one does not, as in a real file.
    const row = { line: i + 2, handle: r.pick(HANDLES), followers: r.chance(0.995) ? within(r, 1, MAX_FOLLOWERS, true) : followers(r) };
    if (r.chance(0.7)) row.fee = within(r, 0, 1e5);
    if (r.chance(0.7)) row.engagementRate = within(r, 0, 0.3);
    if (r.chance(0.3)) row.estimated = r.subset(["fee", "engagementRate"]);
    return row;
  });
  return r.chance(0.5) ? rows : { rows, errors: [] };
}

const simulateOptions = (r) => r.weighted([
  [2, () => undefined],
  [6, () => Object.fromEntries([["draws", r.between(1, 1000)], ["seed", within(r, 0, 2 ** 53 - 1, true)]].filter(() => r.chance(0.7)))],
])();

const budgets = (r) => Array.from({ length: r.chance(0.9) ? r.between(1, 12) : r.between(1, 201) }, () => budget(r));

/** Valid arguments of `fn` (some calls are still refused: counts that do not fit the budget…). */
export function validArgs(r, fn, ctx) {
  const { scenario, ids } = validScenario(r, ctx);
  const scheme = () => validScheme(r, ctx).scheme;
  switch (fn) {
    case "presets": return [];
    case "classify": return [followers(r), scheme()];
    case "classifyMany": return [followerList(r), scheme()];
    case "optimize": return [scenario, r.chance(0.2) ? undefined : validGoal(r, ids)];
    case "frontier": return [scenario, r.weighted([[2, undefined], [6, r.between(2, 41)], [1, r.between(2, 201)]])];
    case "responseCurves": return [scenario, budgets(r)];
    case "simulate": return [scenario, simulateOptions(r)];
    case "parseRoster": return [rosterInput(r), scheme()];
    case "pickRoster": return [rosterRows(r), scenario, r.chance(0.3) ? undefined : validGoal(r, ids)];
    // assumptions, evaluate, compare, sensitivity; and any export added later.
    default: return [scenario];
  }
}

// --- Random calls ---------------------------------------------------------------------------

/** Call `n` of a run with `seed`: its function, its arguments and what was done to them. */
export function randomCall(seed, n, ctx) {
  const r = generator(callSeed(seed, n));
  const fn = r.pick(ctx.functions);
  const mode = r.weighted([[15, "valid"], [50, "mutated"], [20, "one hostile argument"], [15, "hostile arguments"]]);
  let args;
  const notes = [];
  if (mode === "hostile arguments") {
    args = Array.from({ length: r.between(0, 4) }, () => hostile(r));
  } else {
    args = validArgs(r, fn, ctx);
    if (mode === "mutated") {
      const changes = r.chance(0.8) ? 1 : r.between(2, 4);
      for (let i = 0; i < changes && args.length > 0; i++) notes.push(mutate(r, args));
    } else if (mode === "one hostile argument") {
      const i = r.between(0, args.length);
      args[i] = hostile(r);
      notes.push(`arg${i} := ${describe(args[i])}`);
    }
  }
  return { fn, args, label: `${fn}(${args.map(describe).join(", ")})${notes.length ? ` with ${notes.join("; ")}` : ""}` };
}

// --- Hand-made hostile calls ----------------------------------------------------------------

const SCENARIO_FUNCTIONS = ["assumptions", "evaluate", "compare", "compareMixes", "optimize", "frontier", "responseCurves", "simulate", "sensitivity"];
const secondArgument = { optimize: { objective: "reach" }, frontier: 5, responseCurves: [0, 20000], simulate: { draws: 50, seed: 1 } };

const throwsWith = (what, value) => tag(function () { throw value; }, `<getter throwing ${what}>`);
const getter = (key, what, value, base = {}) => Object.defineProperty(base, key, { get: throwsWith(what, value), enumerable: true, configurable: true });

function twelveLongTiers() {
  return { tiers: Array.from({ length: 12 }, (_, i) => ({ id: `${"t".repeat(60)}${String(i).padStart(4, "0")}`, minFollowers: i * 1000 })) };
}

function manyTiers(n) {
  return tag({ tiers: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, minFollowers: i })) }, `a scheme of ${n} tiers`);
}

const prototypeScheme = () => ({ tiers: [{ id: "__proto__", minFollowers: 0 }, { id: "constructor", minFollowers: 1000 }, { id: "toString", minFollowers: 100000 }] });
const own = (entries) => Object.fromEntries(entries);

function detached(Type, n) {
  const array = new Type(n);
  structuredClone(array.buffer, { transfer: [array.buffer] });
  return tag(array, `a detached ${Type.name}`);
}

function onShared(Type, values) {
  const array = new Type(new SharedArrayBuffer(values.length * Type.BYTES_PER_ELEMENT));
  array.set(values);
  return tag(array, `a ${Type.name} on a SharedArrayBuffer`);
}

/** A roster whose `rows` is an array once, then something else. */
function shiftingRoster() {
  let reads = 0;
  const rows = [{ followers: 5000, fee: 100, handle: "a" }, { followers: 50000, fee: 900, handle: "b" }];
  return tag(Object.defineProperty({}, "rows", { get: () => (++reads === 1 ? rows : "gone"), enumerable: true }), "a roster whose rows are an array once, then a string");
}

/** xorshift32 straight into the buffer: a generator call per byte would take longer than the call under test. */
function randomBytes(seed) {
  const words = new Uint32Array(MB10 / 4);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer);
}

/**
 * The fixed hostile calls, run first: each shape the bug report names, at its nastiest. Each
 * is `{ fn, label, args }`; `args` makes the values only when the call runs. The heavy ones
 * (10 MB, 10 million counts, huge budgets) only where `ctx.heavy`: calculator.js is the same binding
 * as tiermix.js less two functions, and running them twice would spend the time of the random
 * calls on answers already known.
 */
export function handMade(ctx) {
  const cases = [];
  // Each case draws from its own generator, so it replays alone exactly as in a whole run.
  const add = (fn, label, args, times = 1) => {
    if (!ctx.functions.includes(fn)) return;
    const index = cases.length;
    cases.push({ fn, label: `${fn}(${label})${times > 1 ? ` × ${times}` : ""}`, args: () => args(generator(0x4a4d + index)), times });
  };
  const heavy = (fn, label, args) => { if (ctx.heavy) add(fn, label, args); };
  const withSecond = (fn, first) => (fn in secondArgument ? [first, secondArgument[fn]] : [first]);

  // A getter that throws something that is not an Error, and an Error, in every scenario function.
  for (const fn of SCENARIO_FUNCTIONS) {
    add(fn, "{ budget: <getter throwing 42> }", () => withSecond(fn, getter("budget", "42", 42)));
    add(fn, "{ mix: { shares: { micro: <getter throwing an Error> } } }", () => withSecond(fn, { mix: { shares: getter("micro", "an Error", new Error("boom")) } }));
  }
  add("evaluate", "{ budget: <getter throwing a revoked Proxy> }", () => [getter("budget", "a revoked Proxy", revoked({}))]);
  add("evaluate", "{ budget: <getter throwing undefined> }", () => [getter("budget", "undefined", undefined)]);
  add("optimize", "{}, { objective: <getter throwing a Symbol> }", () => [{}, getter("objective", "a Symbol", Symbol("x"))]);
  add("simulate", "{}, { draws: <getter throwing null> }", () => [{}, getter("draws", "null", null)]);
  add("frontier", "{ goal: { limits: { micro: <getter throwing a string> } } }", () => [{ goal: { limits: getter("micro", "a string", "str") } }, 5]);
  add("classify", "1000, { tiers: <getter throwing 42> }", () => [1000, getter("tiers", "42", 42)]);
  add("classifyMany", "[1, <getter throwing 42>]", () => [getter("1", "42", 42, [1, 2])]);
  add("responseCurves", "{}, [0, <getter throwing 42>]", () => [{}, getter("1", "42", 42, [0, 1])]);

  // The same call throwing from inside the module, again and again: each one must leave the
  // module as it found it (a little memory lost each time runs out after a few hundred).
  add("evaluate", "{ budget: <getter throwing an Error> }", () => [getter("budget", "an Error", new Error("boom"))], 3000);
  add("compare", "a revoked Proxy", () => [revoked({})], 3000);
  add("optimize", "{}, { limits: { micro: { maxCount: <getter throwing an Error> } } }", () => [{}, { limits: { micro: getter("maxCount", "an Error", new Error("boom")) } }], 3000);
  add("pickRoster", "[{ followers: <getter throwing an Error> }], {}", () => [[getter("followers", "an Error", new Error("boom"))], {}], 3000);

  // Proxies: throwing traps, lying traps, revoked ones, and one that behaves.
  const trapped = (trap, value, target = { budget: 5 }) => tag(new Proxy(target, { [trap]() { throw value; } }), `Proxy(throwing ${typeof value === "object" ? "an Error" : JSON.stringify(value)} in ${trap})`);
  for (const trap of ["ownKeys", "getOwnPropertyDescriptor", "get", "getPrototypeOf"]) {
    add("evaluate", `Proxy(throwing "a string" in ${trap})`, () => [trapped(trap, "a string")]);
    add("compare", `Proxy(throwing an Error in ${trap})`, () => [trapped(trap, new Error("trap"))]);
  }
  add("optimize", "{}, Proxy(throwing 7 in ownKeys)", () => [{}, trapped("ownKeys", 7, { objective: "reach" })]);
  add("simulate", "{}, a revoked Proxy", () => [{}, revoked({ draws: 10 })]);
  add("evaluate", "a revoked Proxy", () => [revoked({ budget: 5 })]);
  add("evaluate", "{ mix: a revoked Proxy }", () => [{ mix: revoked({ shares: {} }) }]);
  add("classify", "1000, a revoked Proxy", () => [1000, revoked({ tiers: [] })]);
  add("classifyMany", "a revoked Proxy of an array", () => [revoked([1, 2])]);
  add("responseCurves", "{}, a revoked Proxy of an array", () => [{}, revoked([0, 1])]);
  add("evaluate", "Proxy(duplicate own keys)", () => [tag(new Proxy({ budget: 5 }, { ownKeys: () => ["budget", "budget"] }), "Proxy(duplicate own keys)")]);
  add("compare", "Proxy(a valid scenario, no traps)", () => [tag(new Proxy({ budget: 5000, mix: { shares: { micro: 1 } } }, {}), "Proxy(a valid scenario, no traps)")]);
  add("frontier", "Proxy(an array target claiming to be a scenario)", () => [tag(new Proxy([], {}), "Proxy of an array"), 3]);
  for (let i = 0; i < 6; i++) add("evaluate", `hostile Proxy #${i}`, (r) => [hostileProxy(r, { budget: 5000, mix: { shares: { nano: 1 } } })]);

  // Keys that name JavaScript internals, as own properties; and objects that inherit.
  add("evaluate", "JSON.parse('{\"__proto__\": {\"budget\": -5}}')", () => [JSON.parse('{"__proto__": {"budget": -5}}')]);
  add("compare", "a scheme with tiers __proto__, constructor, toString and a mix of them", () => [{ scheme: prototypeScheme(), mix: { shares: own([["__proto__", 0.2], ["constructor", 0.3], ["toString", 0.5]]) } }]);
  add("optimize", "that scheme, limits and overrides keyed by __proto__", () => [{ scheme: prototypeScheme(), overrides: own([["__proto__", { fee: 10 }]]) }, { limits: own([["__proto__", { maxCount: 3 }], ["constructor", { minCount: 1 }]]) }]);
  add("classify", "50, that scheme", () => [50, prototypeScheme()]);
  add("evaluate", "{ mix: { shares: { own __proto__: 1 } } } in fr2018", () => [{ mix: { shares: own([["__proto__", 1]]) } }]);
  add("evaluate", "{ overrides: { constructor: { fee: 1 } } }", () => [{ overrides: { constructor: { fee: 1 } } }]);
  add("evaluate", "an object inheriting { budget: 5 }", () => [{ __proto__: { budget: 5 } }]);
  add("evaluate", "a null-prototype { budget: 5000 }", () => [Object.assign(Object.create(null), { budget: 5000 })]);
  add("evaluate", "an object from another realm", async () => { const vm = await import("node:vm"); return [vm.runInNewContext("({ budget: 5000 })")]; });
  add("compare", "an array with a budget property", () => [Object.assign([], { budget: 5 })]);

  // Deep and cyclic.
  for (const depth of [31, 32, 33]) add("evaluate", `{ mix: arrays nested ${depth} deep }`, () => [{ mix: nested(depth, "array") }]);
  add("evaluate", "objects nested 100000 deep", () => [nested(100_000, "object")]);
  add("evaluate", "a cyclic scenario", () => [cyclic("object")]);
  add("compare", "{ mix: { shares: cyclic } }", () => { const s = { micro: 0.5 }; s.self = s; return [{ mix: { shares: s } }]; });
  add("responseCurves", "{}, a cyclic array", () => [{}, cyclic("array")]);
  add("classifyMany", "a cyclic array", () => [cyclic("array")]);
  add("optimize", "{}, a cyclic goal", () => { const g = { objective: "reach" }; g.limits = { micro: g }; return [{}, g]; });

  // 10 MB strings where text is read, named or quoted.
  heavy("evaluate", "{ currency: 10 MB string }", () => [{ currency: tenMegabytes() }]);
  heavy("evaluate", "{ [10 MB key]: 1 }", () => [{ [tenMegabytes()]: 1 }]);
  heavy("evaluate", "{ mix: { shares: { [10 MB key]: 1 } } }", () => [{ mix: { shares: { [tenMegabytes()]: 1 } } }]);
  heavy("classify", "1000, 10 MB preset id", () => [1000, tenMegabytes()]);
  heavy("compare", "a tier labelled with a 10 MB string", () => [{ scheme: { tiers: [{ id: "a", minFollowers: 0, label: tenMegabytes() }, { id: "b", minFollowers: 5000 }] } }]);
  heavy("optimize", "{}, { objective: 10 MB non-ASCII string }", () => [{}, { objective: tenMegabytesUnicode() }]);
  add("evaluate", "{ overrides: { micro: { [1 MB key]: 1 } } }", () => [{ overrides: { micro: { [once("1M", () => "m".repeat(1 << 20))]: 1 } } }]);
  add("evaluate", "{ scheme: { tiers: [{ id: 100 kB string }] } }", () => [{ scheme: { tiers: [{ id: "é".repeat(100_000), minFollowers: 0 }] } }]);
  heavy("parseRoster", "10 MB of one cell", () => [tenMegabytes()]);
  heavy("parseRoster", "10 MB non-ASCII text with lone surrogates", () => [tenMegabytesUnicode()]);
  heavy("parseRoster", "10 MB of random bytes", () => [once("10MB bytes", () => tag(randomBytes(7), "10 MB of random bytes"))]);
  heavy("parseRoster", "200,001 rows (one past the bound)", () => [once("200001 rows", () => `handle,followers\n${"a,5\n".repeat(200_001)}`)]);
  heavy("pickRoster", "[{ handle: 10 MB string, followers: 5000 }], { budget: 1000 }", () => [[{ handle: tenMegabytes(), followers: 5000, fee: 100 }], { budget: 1000 }]);

  // Schemes of 10,000 tiers, and the largest valid ones, whose messages list every tier.
  add("classify", "5, a scheme of 10,000 tiers", () => [5, manyTiers(10_000)]);
  add("evaluate", "{ scheme: a scheme of 10,000 tiers }", () => [{ scheme: manyTiers(10_000) }]);
  add("classifyMany", "[1, 2, 3], a scheme of 10,000 tiers", () => [[1, 2, 3], manyTiers(10_000)]);
  add("parseRoster", "a roster, a scheme of 10,000 tiers", () => ["handle,followers\na,5\n", manyTiers(10_000)]);
  add("compare", "12 tiers with 64-byte ids", () => [{ scheme: twelveLongTiers() }]);
  add("evaluate", "12 tiers with 64-byte ids, a mix of an unknown 1,000-byte tier", () => [{ scheme: twelveLongTiers(), mix: { shares: { ["y".repeat(1000)]: 1 } } }]);
  add("optimize", "12 tiers with 64-byte ids, limits of an unknown tier", () => [{ scheme: twelveLongTiers() }, { limits: { ["z".repeat(64)]: {} } }]);
  add("evaluate", "12 tiers with 64-byte ids, overrides of an unknown tier", () => [{ scheme: twelveLongTiers(), overrides: { ["w".repeat(64)]: { fee: 1 } } }]);

  // Shares whose sum is over 1 by an epsilon, and the rounding of ordinary decimals.
  for (const [label, s] of [
    ["0.5 + (0.5 + 1e-9)", { nano: 0.5, micro: 0.5 + 1e-9 }], ["0.5 + (0.5 + 2e-9)", { nano: 0.5, micro: 0.5 + 2e-9 }],
    ["1 + ε", { micro: 1 + Number.EPSILON }], ["0.1 + 0.2 + 0.7", { nano: 0.1, micro: 0.2, macro: 0.7 }],
    ["1/3 × 3", { nano: 1 / 3, micro: 1 / 3, macro: 1 / 3 }], ["1 and 5e-324", { nano: 1, micro: 5e-324 }],
  ]) {
    for (const fn of ["evaluate", "compare", "simulate"]) add(fn, `{ mix: { shares: ${label} } }`, () => withSecond(fn, { budget: 20000, mix: { shares: s } }));
  }

  // Numbers at and past every bound.
  for (const b of [NaN, Infinity, -Infinity, -0, 5e-324, 1e12 + 1, Number.MAX_VALUE, 2 ** 53 + 2]) add("evaluate", `{ budget: ${describe(b)} }`, () => [{ budget: b }]);
  for (const n of [-0, 1e10, 1e10 + 1, 2 ** 53, 2 ** 64, -1, NaN, 0.5, Infinity]) add("classify", describe(n), () => [n]);
  for (const o of [{ draws: 100001 }, { draws: 0.5 }, { draws: 2 ** 32 }, { seed: 2 ** 53 - 1, draws: 10 }, { seed: 2 ** 53 }, { seed: -0, draws: 10 }]) add("simulate", `{}, ${describe(o)}`, () => [{}, o]);
  for (const p of [2, 201, 202, 1.5, NaN, -0, 2 ** 32 + 5]) add("frontier", `{}, ${describe(p)}`, () => [{}, p]);
  add("responseCurves", "{}, 202 budgets", () => [{}, Array(202).fill(1000)]);
  add("optimize", "{}, { limits: { micro: { maxCount: 1e6 + 1 } } }", () => [{}, { limits: { micro: { maxCount: 1e6 + 1 } } }]);
  add("optimize", "{}, { lambda: 1 + ε, objective: blend }", () => [{}, { objective: "blend", lambda: 1 + Number.EPSILON }]);
  add("evaluate", "{ mix: { counts: { micro: 1e6 } } }", () => [{ mix: { counts: { micro: 1e6 } } }]);
  add("compare", "free tiers: fee and hours 0, hourly cost 0", () => [{ hourlyCost: 0, overrides: { "*": { fee: 0, hours: 0 } } }]);

  // Huge budgets: valid, and the most work the optimiser is ever asked for.
  heavy("optimize", "{ budget: 1e12 }, { objective: reach }", () => [{ budget: 1e12 }, { objective: "reach" }]);
  heavy("optimize", "{ budget: 1e9, scheme: traackr }, { objective: blend }", () => [{ budget: 1e9, scheme: "traackr" }, { objective: "blend" }]);
  heavy("compare", "{ budget: 1e12, scheme: hypeauditor }", () => [{ budget: 1e12, scheme: "hypeauditor" }]);
  heavy("responseCurves", "{ scheme: traackr }, 201 budgets up to 1e12", () => [{ scheme: "traackr" }, Array.from({ length: 201 }, (_, i) => 1e12 * (i / 200) ** 4)]);

  // Typed arrays of every kind, shared, detached; and lists too long to walk.
  heavy("classifyMany", "a Float64Array of 10,000,000 counts (the most allowed)", () => [once("f64 1e7", () => new Float64Array(1e7))]);
  heavy("classifyMany", "a Float64Array of 10,000,001 counts", () => [new Float64Array(1e7 + 1)]);
  for (const make of [() => new Float32Array([1, 2]), () => new Int32Array([1, 2]), () => new BigInt64Array([1n]), () => onShared(Float64Array, [5, 5000]), () => detached(Float64Array, 4), () => new Float64Array(new ArrayBuffer(64), 8, 3)]) {
    add("classifyMany", describe(make()), () => [make()]);
  }
  for (const make of [() => onShared(Uint8Array, [104, 44, 102, 10]), () => detached(Uint8Array, 16), () => new Uint16Array([104, 44]), () => new DataView(new ArrayBuffer(4)), () => new String("handle,followers\na,5\n")]) {
    add("parseRoster", describe(make()), () => [make()]);
  }
  heavy("classifyMany", "a sparse array of length 2³² − 1", () => [tag(new Array(2 ** 32 - 1), "a sparse array of length 4294967295")]);
  heavy("classifyMany", "an array Proxy whose length grows as it is read", () => {
    let length = 2;
    return [tag(new Proxy([1, 2], { get: (t, k) => (k === "length" ? length++ : Reflect.get(t, k)) }), "Proxy(an array whose length grows as it is read)")];
  });
  heavy("evaluate", "{ scheme: { tiers: a sparse array of length 2³² − 1 } }", () => [{ scheme: { tiers: tag(new Array(2 ** 32 - 1), "a sparse array of length 4294967295") } }]);
  // Every other list the API reads, at its limit, past it, sparse and growing.
  const sparse = () => tag(new Array(2 ** 32 - 1), "a sparse array of length 4294967295");
  const growing = (items) => {
    let reads = 0;
    return tag(new Proxy(items, { get: (t, k) => (k === "length" ? items.length + reads++ : Reflect.get(t, k)) }), "Proxy(an array whose length grows as it is read)");
  };
  heavy("classifyMany", "a list of 200,000 counts (the most a list may hold)", () => [once("list 2e5", () => Array.from({ length: 200_000 }, (_, i) => i * 50_000))]);
  heavy("classifyMany", "a list of 200,001 counts", () => [once("list 2e5+1", () => Array.from({ length: 200_001 }, (_, i) => i))]);
  add("classify", "1, { tiers: a sparse array of length 2³² − 1 }", () => [1, { tiers: sparse() }]);
  add("classify", "1, { tiers: a growing Proxy }", () => [1, { tiers: growing([{ id: "a", minFollowers: 0 }]) }]);
  add("responseCurves", "{}, a sparse array of length 2³² − 1", () => [{}, sparse()]);
  add("responseCurves", "{}, a growing Proxy of budgets", () => [{}, growing([0, 20000])]);
  add("pickRoster", "a sparse array of length 2³² − 1, {}", () => [sparse(), {}]);
  add("pickRoster", "{ rows: a sparse array of length 2³² − 1 }, {}", () => [{ rows: sparse() }, {}]);
  add("pickRoster", "a growing Proxy of rows, {}", () => [growing([{ followers: 5000, fee: 100 }]), { budget: 1000 }]);
  add("pickRoster", "[{ estimated: a sparse array of length 2³² − 1 }], {}", () => [[{ followers: 5000, fee: 100, estimated: sparse() }], {}]);
  add("pickRoster", "[{ estimated: a growing Proxy }], {}", () => [[{ followers: 5000, fee: 100, estimated: growing(["fee"]) }], { budget: 1000 }]);
  add("optimize", "{}, { limits: { micro: a sparse array of length 2³² − 1 } }", () => [{}, { limits: { micro: sparse() } }]);
  add("evaluate", "{ budget: a sparse array of length 2³² − 1 }", () => [{ budget: sparse() }]);
  // Objects and texts past the bounds of a whole argument.
  add("optimize", "{}, { limits: 2³⁰ values from 30 levels of objects sharing one }", () => {
    let shared = 1;
    for (let i = 0; i < 30; i++) shared = { a: shared, b: shared };
    return [{}, { limits: shared }];
  });
  // Refused before a value is read; listing the keys is the engine's work, as long as the
  // caller's own was (a million take Object.keys alone 0.3 s to 1 s here).
  heavy("evaluate", "{ mix: { shares: 250,000 keys } }", () => [{ mix: { shares: once("250k keys", () => Object.fromEntries(Array.from({ length: 250_000 }, (_, i) => [`k${i}`, i]))) } }]);
  heavy("evaluate", "{ overrides: one 10 MB string under 200 keys }", () => [{ overrides: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`t${i}`, tenMegabytes()])) }]);

  // Rosters: rows that throw, lie or overflow.
  add("pickRoster", "[{ followers: <getter throwing 42> }], { budget: 1000 }", () => [[getter("followers", "42", 42)], { budget: 1000 }]);
  add("pickRoster", "{ rows: Proxy(throwing a string in get) }", () => [{ rows: tag(new Proxy([{ followers: 5 }], { get() { throw "str"; } }), "Proxy(throwing a string in get)") }, {}]);
  add("pickRoster", "{ rows: a revoked Proxy }", () => [{ rows: revoked([]) }, {}]);
  add("pickRoster", "a revoked Proxy", () => [revoked({ rows: [] }), {}]);
  add("pickRoster", "a roster whose rows change between reads", () => [shiftingRoster(), { budget: 5000 }]);
  heavy("pickRoster", "200,001 rows", () => [Array.from({ length: 200_001 }, () => ({ followers: 5000 })), { budget: 1000 }]);
  add("pickRoster", "rows of strings, -Infinity, NaN, 1e300, null", () => [[{ followers: "many" }, { followers: -Infinity }, { followers: NaN }, { followers: 1e300 }, null], {}]);
  heavy("pickRoster", "300 rows, { budget: 1e12 }", () => [Array.from({ length: 300 }, (_, i) => ({ followers: 1000 + i * 997, fee: 50 + i })), { budget: 1e12 }]);
  add("pickRoster", "rows, { budget: 1e4 }, a revoked goal", () => [[{ followers: 5000 }], { budget: 1e4 }, revoked({})]);
  add("parseRoster", "{ length: 1e9 }", () => [{ length: 1e9 }]);

  // Getters that answer but change the object under the reader's feet.
  add("evaluate", "a scenario whose budget getter adds 1,000 keys", () => {
    const s = { mix: { shares: { micro: 1 } } };
    return [Object.defineProperty(s, "budget", { get() { for (let i = 0; i < 1000; i++) s[`k${i}`] = i; return 5000; }, enumerable: true })];
  });
  add("compare", "a scenario whose budget getter deletes its mix", () => {
    const s = {};
    Object.defineProperty(s, "budget", { get() { delete s.mix; return 5000; }, enumerable: true });
    s.mix = { shares: { micro: 1 } };
    return [s];
  });

  // Missing, extra and nonsensical arguments.
  for (const fn of ctx.functions) add(fn, "no arguments", () => []);
  for (const fn of ctx.functions) add(fn, "five hostile arguments", (r) => Array.from({ length: 5 }, () => hostile(r)));
  add("presets", "a throwing getter as an ignored argument", (r) => [withThrowingGetter(r, {}, "x")]);
  add("evaluate", "an Outcome of compare fed back in", () => [{ label: { en: "x", fr: "x" }, kind: "single", influencers: 3, tiers: [] }]);
  for (const n of HOSTILE_NUMBERS.slice(0, 6)) add("evaluate", describe(n), () => [n]);
  return cases;
}

/** Call `n` of a run: the hand-made calls first, then random ones. */
export function call(seed, n, ctx, cases) {
  if (n < cases.length) return cases[n];
  const planned = randomCall(seed, n, ctx);
  return { fn: planned.fn, label: planned.label, args: () => planned.args, times: 1 };
}
