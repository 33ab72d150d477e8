// Hostile JavaScript values for the API fuzz test (fuzz.test.mjs): a seeded generator, the
// values themselves, one-field mutations of valid arguments, and a way to describe any of them
// without touching it — a Proxy or a throwing getter must not go off while a failure is reported.

import { mulberry32 } from "../../scripts/bench/roster-file.mjs";

/** Seeded draws of every shape the fuzz test needs; every call replays from one 32-bit seed. */
export function generator(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    /** A whole number from `lo` to `hi`, both included. */
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    uniform: (lo, hi) => lo + next() * (hi - lo),
    logUniform: (lo, hi) => Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))),
    /** Picks by weight from `[[weight, value], …]`. */
    weighted: (table) => {
      let x = next() * table.reduce((sum, [w]) => sum + w, 0);
      for (const [w, value] of table) if ((x -= w) < 0) return value;
      return table[table.length - 1][1];
    },
    subset: (list) => list.filter(() => next() < 0.5),
  };
  return r;
}

/** The seed of call number `n` of a run: any call can be replayed alone. */
export function callSeed(seed, n) {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// --- Describing without touching ------------------------------------------------------------

/** What each hostile object or function is, so it is described by label, never inspected. */
const labels = new WeakMap();
export function tag(value, label) {
  labels.set(value, label);
  return value;
}

const MAX_DESCRIPTION = 400;

/** A short description of any argument; never runs a getter or a Proxy trap. */
export function describe(value) {
  const text = describeIn(value, 0, new Set());
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}

function describeString(s) {
  return s.length > 40 ? `${JSON.stringify(s.slice(0, 12))}… (${s.length} chars)` : JSON.stringify(s);
}

function describeIn(value, depth, seen) {
  switch (typeof value) {
    case "string": return describeString(value);
    case "number": return Object.is(value, -0) ? "-0" : String(value);
    case "bigint": return `${value}n`;
    case "symbol": return "a Symbol";
    case "undefined": return "undefined";
    case "boolean": return String(value);
    case "function": return labels.get(value) ?? "a function";
  }
  if (value === null) return "null";
  if (labels.has(value)) return labels.get(value);
  if (seen.has(value)) return "<cycle>";
  if (ArrayBuffer.isView(value)) return `${Object.prototype.toString.call(value).slice(8, -1)}(${value.length ?? value.byteLength})`;
  const isArray = Array.isArray(value);
  if (depth > 3) return isArray ? "[…]" : "{…}";
  seen.add(value);
  const prototype = Object.getPrototypeOf(value);
  if (!isArray && prototype !== Object.prototype && prototype !== null) {
    return `a ${Object.getOwnPropertyDescriptor(prototype, "constructor")?.value?.name ?? "non-plain object"}`;
  }
  const slot = (key) => {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!d) return "<hole>";
    const shown = d.get || d.set ? (labels.get(d.get) ?? "<getter>") : describeIn(d.value, depth + 1, seen);
    return d.enumerable ? shown : `${shown} (not enumerable)`;
  };
  if (isArray) {
    const n = value.length;
    const items = Array.from({ length: Math.min(n, 4) }, (_, i) => slot(String(i)));
    return `[${items.join(", ")}${n > 4 ? `, … (${n} items)` : ""}]`;
  }
  const keys = Reflect.ownKeys(value);
  const shown = keys.slice(0, 8).map((k) => {
    const name = typeof k === "symbol" ? "[a Symbol]" : /^[A-Za-z_$*][\w$]{0,39}$/.test(k) ? k : describeString(k);
    return `${name}: ${slot(k)}`;
  });
  const rest = keys.length > 8 ? `, … (${keys.length} keys)` : "";
  return `${prototype === null ? "null-prototype " : ""}{ ${shown.join(", ")}${rest} }`;
}

// --- Hostile values -------------------------------------------------------------------------

export const HOSTILE_NUMBERS = [
  0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, 1.5, -1.5, 1e-300, -1e-300, 5e-324, Number.EPSILON,
  1 + Number.EPSILON, 1 - Number.EPSILON / 2, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 32 + 1, -(2 ** 31),
  2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e10, 1e10 + 1, 1e12, 1e12 + 1, 1e15, 1e21, 1e300,
  Number.MAX_VALUE, -Number.MAX_VALUE, 999999.9999999999, 100001, 201, 202, 100000, 100001,
];

const SHORT_STRINGS = [
  "", " ", "0", "-1", "1e3", "NaN", "Infinity", "0x10", "20k", "fr2018", "imh", "traackr", "nano", "micro", "*",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "length", "\u0000",
  "\ud800", "\udfff\ud800", "🌸", "a".repeat(64), "é".repeat(33), "EUR", "eur", "ÉUR", "reach", "blend",
  "handle,followers\n", "\r\n\r\n", "\"", "<script>", "%s%n", "\u202e", "\ufeff",
];

const cache = new Map();
/** Big values are made once per worker: building a 10 MB string each call would time the test, not the module. */
export function once(key, make) {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}

export const MB10 = 10 * 1024 * 1024;
export const tenMegabytes = () => once("10MB", () => "x".repeat(MB10));
/** Non-ASCII with lone surrogates: three UTF-8 bytes for most units. */
export const tenMegabytesUnicode = () => once("10MB unicode", () => "é🌸\ud800日".repeat(MB10 / 5));

function hostileString(r) {
  return r.weighted([
    [30, () => r.pick(SHORT_STRINGS)],
    [3, () => once("1001", () => "k".repeat(1001))],
    [2, () => once("100k", () => "é".repeat(100_000))],
    [1, () => once("1M", () => "m".repeat(1 << 20))],
    [0.3, tenMegabytes],
  ])();
}

/** What a hostile getter or trap throws: Errors and, above all, things that are not. */
const THROWN = [
  ["an Error", () => new Error("thrown by the caller's object")],
  ["a TypeError", () => new TypeError("thrown by the caller's object")],
  ["42", () => 42],
  ["a string", () => "a string thrown by the caller's object"],
  ["undefined", () => undefined],
  ["null", () => null],
  ["a Symbol", () => Symbol("thrown")],
  ["an object that is not an Error", () => ({ message: "looks like an Error" })],
  ["a revoked Proxy", () => revoked({})],
];

export function thrower(r) {
  const [what, make] = r.pick(THROWN);
  return { what, make };
}

export function throwingGetter(r) {
  const { what, make } = thrower(r);
  return tag(function () { throw make(); }, `<getter throwing ${what}>`);
}

export function withThrowingGetter(r, object, key) {
  Object.defineProperty(object, key, { get: throwingGetter(r), enumerable: true, configurable: true });
  return object;
}

export function revoked(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return tag(proxy, `a revoked Proxy of ${Array.isArray(target) ? "an array" : "an object"}`);
}

const TRAPS = ["get", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "has"];

/** A Proxy of `target` that throws, lies, or (sometimes) behaves. */
export function hostileProxy(r, target) {
  const of = describe(target);
  const kind = r.pick(["throws", "throws", "duplicate keys", "phantom key", "shifting values", "prototype", "transparent"]);
  let handler;
  let what = kind;
  if (kind === "throws") {
    const trap = r.pick(TRAPS);
    const thrown = thrower(r);
    handler = { [trap]: () => { throw thrown.make(); } };
    what = `throwing ${thrown.what} in ${trap}`;
  } else if (kind === "duplicate keys") {
    handler = { ownKeys: (t) => [...Reflect.ownKeys(t), ...Reflect.ownKeys(t)] };
  } else if (kind === "phantom key") {
    // Lists a key that has no property: every enumeration must cope with it vanishing.
    handler = { ownKeys: (t) => [...Reflect.ownKeys(t), "budget", "ghost"], getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(t, k) };
  } else if (kind === "shifting values") {
    let reads = 0;
    // Not `length`: a list that grows as it is read never ends (one hand-made call has that).
    handler = { get: (t, k, receiver) => (k === "length" || ++reads % 2 ? Reflect.get(t, k, receiver) : reads) };
  } else if (kind === "prototype") {
    const prototype = r.pick([Map.prototype, Array.prototype, null, Object.create(null)]);
    handler = { getPrototypeOf: () => prototype };
    what = `claiming the prototype ${prototype === null ? "null" : Object.getOwnPropertyDescriptor(prototype, "constructor")?.value?.name ?? "of a null-prototype object"}`;
  } else {
    handler = {};
  }
  return tag(new Proxy(target, handler), `Proxy(${of}, ${what})`);
}

export function nested(depth, kind) {
  let value = kind === "array" ? [] : {};
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return tag(value, `${kind === "array" ? "arrays" : "objects"} nested ${depth} deep`);
}

export function cyclic(kind) {
  const value = kind === "array" ? [] : {};
  if (kind === "array") value.push(1, value);
  else Object.assign(value, { budget: 5, self: value });
  return tag(value, `a cyclic ${kind}`);
}

const EXOTIC = [
  () => new Map([["budget", 5]]), () => new Set([1]), () => new Date(0), () => /x/g, () => new Error("an Error as input"),
  () => Promise.resolve(1), () => new WeakMap(), () => new Number(5), () => new String("fr2018"), () => new Boolean(false),
  () => Object(Symbol("boxed")), () => Object(10n), () => new ArrayBuffer(8), () => new DataView(new ArrayBuffer(8)),
  () => new Float64Array([1, NaN, -0, Infinity]), () => new Float32Array([1.5, 2]), () => new Int32Array([1, -1]),
  () => new Uint8Array([0x68, 0x2c, 0x66, 0x0a]), () => new BigInt64Array([1n]), () => new Uint8ClampedArray(3),
  () => tag(Object.create(null), "a null-prototype {}"), () => tag(Object.create(Object.create(null)), "an object whose prototype has a null prototype"),
  () => tag(Object.create(Array.prototype), "an object inheriting from Array.prototype"),
  () => new (class Scenario { budget = 5; })(), () => (function () { return arguments; })(1, 2),
  () => Math, () => JSON, () => tag(Object.freeze({ budget: 5 }), "a frozen { budget: 5 }"), () => Object.seal([1]),
  () => tag(Object.assign([1, 2], { budget: 5 }), "an array with a budget property"), () => [, , 1], () => new Array(5),
  () => tag({ [Symbol("key")]: 1 }, "{ [a Symbol]: 1 }"),
  () => tag(Object.defineProperty({}, "budget", { value: -5, enumerable: false }), "{ budget: -5 (not enumerable) }"),
  () => tag({ valueOf: () => { throw 42; }, toString: () => { throw 42; }, [Symbol.toPrimitive]: () => { throw 42; } }, "an object whose conversions throw 42"),
];

const FUNCTIONS = [
  () => tag(() => 1, "an arrow function"), () => tag(class {}, "a class"), () => tag(async () => 1, "an async function"),
  () => tag(function* () {}, "a generator function"), () => Object, () => Symbol,
  () => tag(Object.assign(() => 1, { budget: 5 }), "a function with a budget property"),
];

/** Objects with keys that name JavaScript internals, made as own data properties. */
function prototypeKeys(r) {
  return r.pick([
    () => tag(Object.fromEntries([["__proto__", hostile(r, 2)]]), "{ own \"__proto__\" }"),
    () => JSON.parse('{"__proto__": {"budget": -5}, "constructor": {"prototype": 1}}'),
    () => ({ constructor: 1, toString: "x", hasOwnProperty: null, valueOf: [] }),
    () => tag({ __proto__: { budget: 5 } }, "an object inheriting { budget: 5 }"),
  ])();
}

/** Any value a caller could pass, weighted towards what has broken bindings before. */
export function hostile(r, depth = 0) {
  const small = () => (depth < 2 ? hostile(r, depth + 1) : r.pick(HOSTILE_NUMBERS));
  return r.weighted([
    [20, () => r.pick(HOSTILE_NUMBERS)],
    [12, () => hostileString(r)],
    [8, () => r.pick([undefined, null, true, false, 10n, -(2n ** 64n), Symbol("s"), Symbol.iterator])],
    [4, () => r.pick(FUNCTIONS)()],
    [10, () => r.pick(EXOTIC)()],
    [8, () => hostileProxy(r, r.pick([() => ({ budget: 5 }), () => [1, 2], () => ({}), () => ({ shares: { micro: 1 } })])())],
    [4, () => revoked(r.chance(0.5) ? [] : {})],
    [8, () => withThrowingGetter(r, { budget: 5 }, r.pick(["budget", "mix", "scheme", "x"]))],
    [5, () => (r.chance(0.5) ? cyclic(r.pick(["array", "object"])) : nested(r.pick([31, 32, 33, 40, 1000]), r.pick(["array", "object"])))],
    [5, () => prototypeKeys(r)],
    [6, () => Array.from({ length: r.between(0, 4) }, small)],
    [5, () => Object.fromEntries(Array.from({ length: r.between(1, 4) }, () => [r.pick(SHORT_STRINGS), small()]))],
  ])();
}

// --- Mutating valid arguments ---------------------------------------------------------------

/** Plain objects and arrays we made and may change (frozen or sealed ones are left alone). */
const isPlainContainer = (v) =>
  v !== null && typeof v === "object" && !labels.has(v) && Object.isExtensible(v) &&
  (Array.isArray(v) || [Object.prototype, null].includes(Object.getPrototypeOf(v)));

/** Sets a slot even where an earlier mutation left a getter. */
const put = (parent, key, value) => Object.defineProperty(parent, key, { value, enumerable: true, configurable: true, writable: true });

/** Every slot of the argument tree: `[parent, key, path]`, the arguments themselves included. */
function slots(args) {
  const found = [];
  const walk = (parent, key, path, depth) => {
    found.push([parent, key, path]);
    // A getter an earlier mutation put there must not go off while the next one is chosen.
    const value = Object.getOwnPropertyDescriptor(parent, key)?.value;
    if (!isPlainContainer(value) || depth > 6) return;
    // Huge valid lists (a roster) would make every mutation a walk of thousands of slots.
    const keys = Array.isArray(value) ? Array.from({ length: Math.min(value.length, 50) }, (_, i) => i) : Object.keys(value);
    for (const k of keys) walk(value, k, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
  };
  args.forEach((_, i) => walk(args, i, `arg${i}`, 0));
  return found;
}

function nudged(r, n) {
  const bits = new Float64Array([n]);
  const word = new BigInt64Array(bits.buffer);
  word[0] += r.chance(0.5) ? 1n : -1n;
  return r.pick([bits[0], -n, n + 1, n - 1, n * 1e6, n / 1e6, n + 0.5, n * (1 + 2e-9), NaN, -0, Infinity]);
}

const EXTRA_KEYS = ["budjet", "__proto__", "constructor", "toString", "", "*", "tiers", "shares", "id"];

/**
 * Changes one slot of `args` in place, the way a buggy or hostile caller would, and says what
 * it did. Valid arguments with one bad field reach deep into validation, not only its door.
 */
export function mutate(r, args) {
  const all = slots(args);
  const [parent, key, path] = r.pick(all);
  const value = Object.getOwnPropertyDescriptor(parent, key)?.value;
  const atTop = parent === args;
  const op = r.weighted([
    [40, "replace"], [15, "nudge"], [10, "proxy"], [10, "getter"], [5, "delete"], [10, "extra key"], [5, "cycle"], [5, "wrap"],
  ]);
  if (op === "nudge" && typeof value === "number") {
    put(parent, key, nudged(r, value));
  } else if (op === "proxy" && isPlainContainer(value)) {
    put(parent, key, r.chance(0.2) ? revoked(value) : hostileProxy(r, value));
  } else if (op === "getter" && !atTop) {
    withThrowingGetter(r, parent, key);
  } else if (op === "delete" && !atTop) {
    delete parent[key];
    return `${path} deleted`;
  } else if (op === "extra key" && isPlainContainer(value) && !Array.isArray(value)) {
    const extra = r.chance(0.8) ? r.pick(EXTRA_KEYS) : hostileString(r);
    const extraValue = r.chance(0.5) ? 1 : hostile(r, 1);
    // defineProperty makes "__proto__" an own key instead of changing the prototype.
    put(value, extra, extraValue);
    return `${path}[${describe(extra)}] := ${describe(extraValue)}`;
  } else if (op === "cycle" && isPlainContainer(value)) {
    put(value, Array.isArray(value) ? value.length : "self", value);
    return `${path} made cyclic`;
  } else if (op === "wrap") {
    put(parent, key, r.chance(0.5) ? [value] : { value });
  } else {
    put(parent, key, hostile(r));
  }
  const now = Object.getOwnPropertyDescriptor(parent, key);
  return `${path} := ${now?.get ? labels.get(now.get) : describe(now?.value)}`;
}
