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
// The outcomes of `evaluate` and `compareMixes` come as records instead (tape/outcome.rs):
// numbers at fixed places and texts, read by `readOutcomes` into the same literals with no
// key or op to check. Measured in Chromium, `evaluate` took two fifths less time than through
// the tape and its builders.
//
// Measured on `evaluate`, each of these took a tenth to a fifth of the call, and is
// avoided: views of the module's memory made per answer (they are made once per module, in its
// table, and again when the memory grows), decoding the text when it is the last answer's
// (the same labels and ids: the last decoding and the strings cut from it are reused), and
// a list of an object's numbers read before its literal (the literal reads them itself).
//
// The reading position lives at module level rather than in closures made per call (measured:
// a fifth faster), declared with `var`: V8 checks a module's `let` for its temporal dead zone
// at every use from a function, and the builders read it for every field (measured: `evaluate`
// took 7-11% longer in Chromium). Both modules of a page share this file, which is safe: a call
// runs to its end without calling back into wasm, lets go of its buffers when done, and each
// module hands in its own key table.

// The answer's module's memory, as bytes and as numbers: the ops and numbers are read in place.
/** @type {Uint8Array} */
var ops;
/** @type {Float64Array} */
var numbers;
var text = "";
/** @type {string[]} */
var keys;
var op = 0;
var number = 0;
var at = 0;
/** Set by a builder's field that is not the one it expects, until it is read again. */
var misfit = false;

/**
 * A module's half of the key table and its views of the module's memory, made again when the
 * memory grows (which detaches them).
 * @typedef {{ keys: string[], memory: WebAssembly.Memory, bytes: Uint8Array, floats: Float64Array }} Table
 */

/** @param {WebAssembly.Memory} memory @returns {Table} */
export function tapeTable(memory) {
  return { keys: [], memory, bytes: new Uint8Array(0), floats: new Float64Array(0) };
}

/** The most bytes of text whose decoding and strings are kept for the next answer. */
const KEPT_TEXT = 1 << 16;
/** `ignoreBOM`: a text that starts with U+FEFF keeps it, as wasm-bindgen's own decoder does. */
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
/** The last answer's text, its bytes copied, and the strings cut from it, in order, with where each starts. */
var lastBytes = new Uint8Array(0);
var lastText = "";
/** @type {string[]} */
const cuts = [];
/** @type {number[]} */
const cutsAt = [];
var cut = 0;

/**
 * Reads the answer whose ops, numbers and text start at these addresses (in bytes) in the
 * module's memory; the ops say where each ends.
 * @param {Table} table the calling module's, kept by the module
 * @param {number} opsAt @param {number} numbersAt @param {number} textAt @param {number} textLength UTF-8
 */
export function readTape(table, opsAt, numbersAt, textAt, textLength) {
  ops = views(table);
  numbers = table.floats;
  keys = table.keys;
  useText(ops, textAt, textLength);
  op = opsAt;
  number = numbersAt / 8;
  const answer = value();
  // The module's memory and the table are kept by the table only.
  ops = numbers = keys = /** @type {any} */ (null);
  letGoOfText();
  return answer;
}

/**
 * The table's views of its module's memory, made again if the memory grew (which detaches
 * them, leaving them empty): its bytes, and its numbers in `table.floats`.
 * @param {Table} table
 */
function views(table) {
  if (table.bytes.length === 0) {
    table.bytes = new Uint8Array(table.memory.buffer);
    table.floats = new Float64Array(table.memory.buffer);
  }
  return table.bytes;
}

/**
 * Makes the answer's text, `length` bytes of `memory` from `start`, the one cut from. An
 * answer's text is most often the last one's (the same labels and ids): decoding it took a
 * tenth of an `evaluate`, and cutting it the same way gives the same strings.
 * @param {Uint8Array} memory @param {number} start @param {number} length
 */
function useText(memory, start, length) {
  if (!sameBytes(memory, start, length, lastBytes)) {
    const bytes = memory.subarray(start, start + length);
    lastText = decoder.decode(bytes);
    lastBytes = length <= KEPT_TEXT ? bytes.slice() : new Uint8Array(0);
    cuts.length = cutsAt.length = 0;
  }
  text = lastText;
  at = cut = 0;
}

/** After an answer: a text too long to keep is let go of (no bytes kept means no text kept). */
function letGoOfText() {
  if (lastBytes.length === 0) lastText = "";
  text = "";
}

/** Whether `length` bytes of `memory` from `start` are `kept`. @param {Uint8Array} memory @param {number} start @param {number} length @param {Uint8Array} kept */
function sameBytes(memory, start, length, kept) {
  if (length !== kept.length) return false;
  for (let i = 0; i < length; i++) if (memory[start + i] !== kept[i]) return false;
  return true;
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
  return piece(count());
}

/** The next `length` units of the answer's text. @param {number} length */
function piece(length) {
  const start = at;
  at += length;
  // The text and this cut as they were last time: the string made then.
  if (cut < cuts.length && cutsAt[cut] === start && cuts[cut].length === at - start) return cuts[cut++];
  const s = text.slice(start, at);
  if (lastBytes.length > 0) {
    cuts[cut] = s;
    cutsAt[cut++] = start;
  }
  return s;
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
  if (misfit) return null;
  // The key the builder expects, as it was last time: one byte, the same string. Here, not in
  // `named`, which `slot` shares: there it made `evaluate` 5% slower in Chromium.
  if (ops[op] < 128 && keys[ops[op] - 2] === name) {
    op++;
    return value();
  }
  return named(name) ? value() : null;
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

/** Whether `slots` found its run of numbers and `null`s, for the literal that follows, and which are `null`. */
var fast = false;
var nulls = 0;
/**
 * `fast` with no `null`: the builder's first literal reads each number itself. Read through
 * `take` alone, as the fields of a run with a `null` are, `evaluate` was 15% slower in
 * Chromium: V8 does not inline it.
 */
var whole = false;
/** @type {readonly string[]} */
var names = [];

/**
 * Checks a run of fields named `names` (at most 31), each to be read by `take` in order. The
 * common case, each key as it was last time (one byte, the builder's own string) and a number
 * or `null`, is checked in one loop and then read straight from the numbers; otherwise (a name
 * defined here, another field, another value) each is read by `slot`.
 * @param {readonly string[]} list
 */
function slots(list) {
  names = list;
  fast = whole = false;
  if (misfit) return;
  let o = op;
  let mask = 0;
  for (let i = 0; i < list.length; i++, o += 2) {
    if (ops[o] >= 128 || keys[ops[o] - 2] !== list[i]) return;
    const kind = ops[o + 1];
    if (kind === 1) mask |= 1 << i;
    else if (kind !== 4) return;
  }
  fast = true;
  whole = mask === 0;
  nulls = mask;
  op = o;
}

/**
 * The run's field `i`, read in order. Not copied into a list first: a list holding numbers and
 * `null` boxes each number, which in Chromium took a fifth of an `evaluate`.
 * @param {number} i
 */
function take(i) {
  if (!fast) return slot(names[i]);
  return (nulls >> i) & 1 ? null : numbers[number++];
}

/** The number fields of `Outcome` and of `TierOutcome`, in the order serde writes them. */
const OUTCOME = ["influencers", "spend", "feeSpend", "teamSpend", "unspent", "impressions", "reach", "reachShare", "overlap",
  "frequency", "engagements", "conversions", "revenue", "roi", "costPerThousandReached", "costPerEngagement",
  "costPerConversion", "workloadHours"];
const TIER = ["influencers", "unitCost", "allotted", "spend", "feeSpend", "teamSpend", "impressions", "reach", "engagements",
  "conversions", "workloadHours", "feePerThousandViews", "feePerEngagement"];

/**
 * The builders, by their struct's first field: `Outcome` (src/model.rs; an optimum's has more
 * fields, read after these), `TierOutcome` and `Label` (src/sources.rs), their fields in the
 * order serde writes them. Object literals' values are computed in the order written.
 * @type {Record<string, () => Record<string, any>>}
 */
const BUILDERS = {
  __proto__: null,
  label: () => {
    const label = field("label");
    const kind = field("kind");
    const tier = field("tier");
    slots(OUTCOME);
    if (whole) {
      // The numbers read through locals: through the module's variables, each field took a
      // load and a store of the reading position (measured: `evaluate` 4-9% slower in Chromium).
      const k = number;
      number += 18;
      const capped = field("capped");
      return outcomeOf(label, kind, tier, numbers, k, 0, capped, field("tiers"));
    }
    return {
      label,
      kind,
      tier,
      influencers: take(0),
      spend: take(1),
      feeSpend: take(2),
      teamSpend: take(3),
      unspent: take(4),
      impressions: take(5),
      reach: take(6),
      reachShare: take(7),
      overlap: take(8),
      frequency: take(9),
      engagements: take(10),
      conversions: take(11),
      revenue: take(12),
      roi: take(13),
      costPerThousandReached: take(14),
      costPerEngagement: take(15),
      costPerConversion: take(16),
      workloadHours: take(17),
      capped: field("capped"),
      tiers: field("tiers"),
    };
  },
  tier: () => {
    const tier = field("tier");
    slots(TIER);
    if (whole) {
      // As in `label`, through locals.
      const k = number;
      number += 13;
      return tierOf(tier, numbers, k, 0);
    }
    return {
      tier,
      influencers: take(0),
      unitCost: take(1),
      allotted: take(2),
      spend: take(3),
      feeSpend: take(4),
      teamSpend: take(5),
      impressions: take(6),
      reach: take(7),
      engagements: take(8),
      conversions: take(9),
      workloadHours: take(10),
      feePerThousandViews: take(11),
      feePerEngagement: take(12),
    };
  },
  en: () => ({ en: field("en"), fr: field("fr") }),
};

/**
 * Outcomes from their records (tape/outcome.rs documents them): `{ mixes: [...] }`, or the one
 * outcome if `one`. Each is built as the tape's builders build theirs, from literals.
 * @param {Table} table @param {number} numbersAt @param {number} textAt @param {number} textLength UTF-8
 * @param {number} count @param {boolean} one
 */
export function readOutcomes(table, numbersAt, textAt, textLength, count, one) {
  useText(views(table), textAt, textLength);
  number = numbersAt / 8;
  const f = table.floats;
  let answer;
  if (one) answer = outcome(f);
  else {
    const mixes = new Array(count);
    for (let i = 0; i < count; i++) mixes[i] = outcome(f);
    answer = { mixes };
  }
  letGoOfText();
  return answer;
}

/**
 * The outcome whose record starts at `number`, which is left where the next starts.
 * @param {Float64Array} f the module's memory
 */
function outcome(f) {
  const k = number;
  const n = f[k];
  const m = f[k + 1];
  const en = piece(f[k + 3]);
  const fr = piece(f[k + 4]);
  const kind = piece(f[k + 5]);
  const tier = m & 2 ? piece(f[k + 6]) : null;
  const tiers = new Array(n);
  let t = k + 25;
  for (let i = 0; i < n; i++, t += 15) {
    const id = piece(f[t]);
    tiers[i] = tierOf(id, f, t + 2, f[t + 1]);
  }
  number = t;
  return outcomeOf({ en, fr }, kind, tier, f, k + 7, f[k + 2], (m & 1) === 1, tiers);
}

/**
 * An `Outcome` (src/model.rs), its fields in the order serde writes them, its 18 numbers
 * from `f[k]` on, each of the optional ones `null` where its bit of `q` is set (frequency,
 * roi, costPerThousandReached, costPerEngagement, costPerConversion): the one literal the
 * tape's builder and the records both build.
 * @param {any} label @param {any} kind @param {any} tier @param {Float64Array} f @param {number} k
 * @param {number} q @param {any} capped @param {any} tiers
 */
function outcomeOf(label, kind, tier, f, k, q, capped, tiers) {
  return {
    label,
    kind,
    tier,
    influencers: f[k],
    spend: f[k + 1],
    feeSpend: f[k + 2],
    teamSpend: f[k + 3],
    unspent: f[k + 4],
    impressions: f[k + 5],
    reach: f[k + 6],
    reachShare: f[k + 7],
    overlap: f[k + 8],
    frequency: q & 1 ? null : f[k + 9],
    engagements: f[k + 10],
    conversions: f[k + 11],
    revenue: f[k + 12],
    roi: q & 2 ? null : f[k + 13],
    costPerThousandReached: q & 4 ? null : f[k + 14],
    costPerEngagement: q & 8 ? null : f[k + 15],
    costPerConversion: q & 16 ? null : f[k + 16],
    workloadHours: f[k + 17],
    capped,
    tiers,
  };
}

/**
 * A `TierOutcome`, as `outcomeOf`: its 13 numbers from `f[k]` on, `null` where its bit of `r`
 * is set (allotted, feePerThousandViews, feePerEngagement).
 * @param {any} tier @param {Float64Array} f @param {number} k @param {number} r
 */
function tierOf(tier, f, k, r) {
  return {
    tier,
    influencers: f[k],
    unitCost: f[k + 1],
    allotted: r & 1 ? null : f[k + 2],
    spend: f[k + 3],
    feeSpend: f[k + 4],
    teamSpend: f[k + 5],
    impressions: f[k + 6],
    reach: f[k + 7],
    engagements: f[k + 8],
    conversions: f[k + 9],
    workloadHours: f[k + 10],
    feePerThousandViews: r & 2 ? null : f[k + 11],
    feePerEngagement: r & 4 ? null : f[k + 12],
  };
}
