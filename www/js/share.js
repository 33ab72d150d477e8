// The scenario in the URL fragment, so a link reopens exactly what its author saw. This module
// only turns text into the page's own state and back; whether a value is acceptable is the
// engine's call (app.js asks it, field by field).

/** The link's name for each global of pkg/facts.js. @type {Readonly<Record<import("../pkg/facts.js").GlobalId, string>>} */
export const GLOBAL_NAMES = { budget: "budget", audience: "audience", postsPerInfluencer: "posts", hourlyCost: "hourly", conversionValue: "value" };
/** Name to id, but the budget's (a field of its own); a Map, since `in` also finds inherited names. */
export const GLOBALS = new Map(Object.entries(GLOBAL_NAMES).filter(([id]) => id !== "budget").map(([id, short]) => [short, id]));
/** The page's goals (its radios; `engagements` is the API's alone). @type {readonly import("../pkg/calculator.js").Objective[]} */
export const PAGE_GOALS = ["reach", "blend", "conversions", "netValue"];
/** Ids, quantities and codes are plain tokens; anything else in a link is not ours. */
const TOKEN = /^[A-Za-z0-9_*-]{1,64}$/;
/** As keys these would reach what every object inherits, not a field. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Whether outside text may be an object key. Objects keyed by it also have no prototype. */
export const isKey = (/** @type {string} */ text) => TOKEN.test(text) && !PROTOTYPE_KEYS.has(text);

/** A refused part as shown back to the reader: as written, shortened. */
export const quoted = (/** @type {string} */ text) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/**
 * @typedef {{ lang?: string, budget?: number, currency?: string, scheme?: string,
 *   minimums?: Record<string, number>, shares?: Record<string, number>, goal?: string, lambda?: number,
 *   maxHours?: number, globals?: Record<string, number>, overrides?: Record<string, Record<string, number>>,
 *   limits?: Record<string, Record<string, number>> }} Shared
 */

/**
 * The `id:value,…` syntax of mixes and thresholds, in links and in the widget's attributes:
 * `nano:20,micro:50` → { nano: 20, micro: 50 }; null if any part is malformed (whole or not at
 * all: half a mix is another mix). The caller names the refused text as written.
 */
export function pairs(/** @type {string} */ text) {
  /** @type {Record<string, number>} */
  const out = Object.create(null);
  for (const part of text.split(",")) {
    const [key, raw, extra] = part.split(":");
    const value = number(raw ?? "");
    if (extra !== undefined || !isKey(key ?? "") || value === null) return null;
    out[key] = value;
  }
  return out;
}

/** The same syntax written: { nano: 20, micro: 50 } → `nano:20,micro:50`. */
export const writePairs = (/** @type {Record<string, number>} */ values) => Object.entries(values).map(([k, v]) => `${k}:${v}`).join(",");

/** Percents per tier as the engine's shares (fractions), in a plain object. */
export const fractions = (/** @type {Record<string, number>} */ percents) =>
  Object.fromEntries(Object.entries(percents).map(([id, value]) => [id, value / 100]));

/**
 * Values per tier and name as links and the widget write them — overrides
 * (`micro.fee:250,*.realShare:0.8`) and limits (`micro.maxCount:10`): what could be read (null
 * if nothing), and each part that could not, as written; a bad part does not void the others.
 * @param {string} text
 */
export function readTierValues(text) {
  /** @type {Record<string, Record<string, number>>} */
  const values = Object.create(null);
  /** @type {string[]} */
  const refused = [];
  for (const part of text.split(",")) {
    const [path, value, extraValue] = part.split(":");
    const [tier, quantity, extra] = (path ?? "").split(".");
    const v = number(value ?? "");
    if (extra !== undefined || extraValue !== undefined || !isKey(tier ?? "") || !isKey(quantity ?? "") || v === null) refused.push(part);
    else (values[tier] ??= Object.create(null))[quantity] = v;
  }
  return { values: Object.keys(values).length ? values : null, refused };
}

/** The same syntax written. @param {Record<string, Record<string, number>> | undefined} byTier */
export const writeTierValues = (byTier) => Object.entries(byTier ?? {}).flatMap(([tier, values]) =>
  Object.entries(values).map(([name, value]) => `${tier}.${name}:${value}`)).join(",");

const number = (/** @type {string} */ raw) => (raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : null);

/**
 * Reads a fragment such as `#budget=20000&scheme=fr2018&mix=nano:20,micro:50,macro:30`.
 * Returns what could be read and the parts that could not, as written.
 * @param {string} hash
 * @returns {{ shared: Shared, rejected: string[] }}
 */
export function readFragment(hash) {
  /** @type {Shared} */
  const shared = {};
  /** @type {string[]} */
  const rejected = [];
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  for (const [key, raw] of params) {
    const reject = (/** @type {string} */ part = raw) => rejected.push(quoted(`${key}=${part}`));
    switch (key) {
      case "lang":
        if (raw === "en" || raw === "fr") shared.lang = raw;
        else reject();
        break;
      case "budget":
      case "lambda":
      case "hours": {
        const value = number(raw);
        if (value === null) reject();
        else if (key === "budget") shared.budget = value;
        else if (key === "lambda") shared.lambda = value;
        else shared.maxHours = value;
        break;
      }
      case "currency":
      case "scheme":
      case "goal":
        if (isKey(raw)) shared[key] = raw;
        else reject();
        break;
      case "tiers":
      case "mix": {
        const values = pairs(raw);
        if (!values) reject();
        else if (key === "tiers") shared.minimums = values;
        else shared.shares = values;
        break;
      }
      case "o":
      case "limits": {
        const { values, refused } = readTierValues(raw);
        refused.forEach((part) => reject(part));
        if (values) shared[key === "o" ? "overrides" : "limits"] = values;
        break;
      }
      default: {
        const long = GLOBALS.get(key);
        const value = number(raw);
        if (long === undefined || value === null) reject();
        else (shared.globals ??= Object.create(null))[long] = value;
      }
    }
  }
  return { shared, rejected };
}

/**
 * Writes the fragment for a state (without the leading #).
 * @param {Shared} shared
 */
export function writeFragment(shared) {
  const params = new URLSearchParams();
  if (shared.lang) params.set("lang", shared.lang);
  if (shared.budget !== undefined) params.set("budget", String(shared.budget));
  if (shared.currency) params.set("currency", shared.currency);
  if (shared.scheme) params.set("scheme", shared.scheme);
  if (shared.minimums) params.set("tiers", writePairs(shared.minimums));
  if (shared.shares) params.set("mix", writePairs(shared.shares));
  if (shared.goal) params.set("goal", shared.goal);
  if (shared.goal === "blend" && shared.lambda !== undefined) params.set("lambda", String(shared.lambda));
  if (shared.maxHours !== undefined) params.set("hours", String(shared.maxHours));
  const limits = writeTierValues(shared.limits);
  if (limits) params.set("limits", limits);
  for (const [short, long] of GLOBALS) {
    const value = shared.globals?.[long];
    if (value !== undefined) params.set(short, String(value));
  }
  const overrides = writeTierValues(shared.overrides);
  if (overrides) params.set("o", overrides);
  // Readable links: keep the separators the format uses as they are.
  return params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%2A/g, "*");
}
