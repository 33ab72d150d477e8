// tape.rs's JS half (it says why and documents the ops): builds an answer's plain objects from
// its op bytes, its numbers and its text, in one call. Objects are filled by assignment and
// lists by push, in the tape's order, so keys come out in the order Rust wrote them.
//
// The structs the page's answers hold most of (`Outcome`, `TierOutcome` and `Label`, see
// `BUILDERS`) are built from object literals instead: measured, building an `evaluate` answer
// field by field took ten times as long, as V8 grows each object's property store a field at a
// time and looks each key up, where a literal is made at once in its final shape. A builder
// checks every key the tape holds against its own as it reads them, and each slot (a field
// that must be a number or `null`); an object that is not what it builds (an optimum's outcome
// has more fields, an assumptions row also starts with `tier`) is read again field by field,
// so the objects are the same either way.
//
// The reading position lives at module level rather than in closures made per call (measured:
// a fifth faster). Both modules of a page share this file, which is safe: a call runs to its
// end without calling back into wasm, lets go of its buffers when done, and each module
// hands in its own key table.

/** @type {Uint8Array} */
let ops;
/** @type {Float64Array} */
let numbers;
let text = "";
/** @type {string[]} */
let keys;
let op = 0;
let number = 0;
let at = 0;
/** Set by a builder's field that is not the one it expects, until it is read again. */
let misfit = false;

/**
 * @param {Uint8Array} tapeOps @param {Float64Array} tapeNumbers @param {string} tapeText
 * @param {string[]} moduleKeys the calling module's key table, kept by the module
 */
export function readTape(tapeOps, tapeNumbers, tapeText, moduleKeys) {
  ops = tapeOps;
  numbers = tapeNumbers;
  text = tapeText;
  keys = moduleKeys;
  op = number = at = 0;
  const answer = value();
  // The views are of the module's memory: kept, they would pin it.
  ops = numbers = keys = /** @type {any} */ (null);
  text = "";
  return answer;
}

function count() {
  // One byte, nearly always: a key number under 128 or a short text's length.
  let byte = ops[op++];
  if (byte < 128) return byte;
  let n = byte & 127;
  let scale = 128;
  do {
    byte = ops[op++];
    n += (byte & 127) * scale;
    scale *= 128;
  } while (byte & 128);
  return n;
}

function string() {
  const start = at;
  at += count();
  return text.slice(start, at);
}

/** @returns {any} */
function value() {
  switch (ops[op++]) {
    case 1:
      return null;
    case 2:
      return false;
    case 3:
      return true;
    case 4:
      return numbers[number++];
    case 5:
      return string();
    case 6: {
      const list = [];
      while (ops[op]) list.push(value());
      op++;
      return list;
    }
    default: {
      const build = builder();
      return build ? shaped(build) : fields({});
    }
  }
}

/**
 * Reads fields into `object` up to the end of it.
 * @param {Record<string, any>} object
 */
function fields(object) {
  // 1: a map's key; from 2 on, a name in the table (the next one is defined here).
  for (let key; (key = count()); ) {
    if (key === 1) {
      object[string()] = value();
      continue;
    }
    if (key - 2 === keys.length) keys.push(string());
    // Numbers, the most common field, without the call.
    if (ops[op] === 4) {
      op++;
      object[keys[key - 2]] = numbers[number++];
    } else object[keys[key - 2]] = value();
  }
  return object;
}

/** The builder for the object starting here, by its first field's name, if there is one. */
function builder() {
  const start = op;
  const key = count();
  op = start;
  // A name defined here is new: this is the module's first answer that holds it.
  return key >= 2 && key - 2 < keys.length ? BUILDERS[keys[key - 2]] : undefined;
}

/**
 * The object starting here, from `build`, or field by field if it is not what `build` builds.
 * @param {() => Record<string, any>} build
 */
function shaped(build) {
  const start = op;
  const startNumber = number;
  const startText = at;
  const known = keys.length;
  const object = build();
  if (!misfit) return fields(object);
  misfit = false;
  op = start;
  number = startNumber;
  at = startText;
  keys.length = known;
  return fields({});
}

/**
 * Reads the next field's key, which must be `name`.
 * @param {string} name
 */
function named(name) {
  const key = count();
  if (key - 2 === keys.length) keys.push(string());
  if (key < 2 || keys[key - 2] !== name) {
    misfit = true;
    return false;
  }
  // The builder's own string from now on, which the next comparisons find equal at once.
  keys[key - 2] = name;
  return true;
}

/**
 * The next field's value, if it is named `name`.
 * @param {string} name
 */
function field(name) {
  return misfit || !named(name) ? null : value();
}

/**
 * The next field's value, if it is named `name` and is a number or `null`.
 * @param {string} name
 */
function slot(name) {
  if (misfit || !named(name)) return null;
  const kind = ops[op++];
  if (kind === 4) return numbers[number++];
  if (kind !== 1) misfit = true;
  return null;
}

/**
 * The builders, by their struct's first field: `Outcome` (src/model.rs; an optimum's has more
 * fields, read after these), `TierOutcome` and `Label` (src/sources.rs), their fields in the
 * order serde writes them. Object literals' values are computed in the order written.
 * @type {Record<string, () => Record<string, any>>}
 */
const BUILDERS = {
  __proto__: null,
  label: () => ({
    label: field("label"),
    kind: field("kind"),
    tier: field("tier"),
    influencers: slot("influencers"),
    spend: slot("spend"),
    feeSpend: slot("feeSpend"),
    teamSpend: slot("teamSpend"),
    unspent: slot("unspent"),
    impressions: slot("impressions"),
    reach: slot("reach"),
    reachShare: slot("reachShare"),
    overlap: slot("overlap"),
    frequency: slot("frequency"),
    engagements: slot("engagements"),
    conversions: slot("conversions"),
    revenue: slot("revenue"),
    roi: slot("roi"),
    costPerThousandReached: slot("costPerThousandReached"),
    costPerEngagement: slot("costPerEngagement"),
    costPerConversion: slot("costPerConversion"),
    workloadHours: slot("workloadHours"),
    capped: field("capped"),
    tiers: field("tiers"),
  }),
  tier: () => ({
    tier: field("tier"),
    influencers: slot("influencers"),
    unitCost: slot("unitCost"),
    allotted: slot("allotted"),
    spend: slot("spend"),
    feeSpend: slot("feeSpend"),
    teamSpend: slot("teamSpend"),
    impressions: slot("impressions"),
    reach: slot("reach"),
    engagements: slot("engagements"),
    conversions: slot("conversions"),
    workloadHours: slot("workloadHours"),
    feePerThousandViews: slot("feePerThousandViews"),
    feePerEngagement: slot("feePerEngagement"),
  }),
  en: () => ({ en: field("en"), fr: field("fr") }),
};
