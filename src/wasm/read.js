// read.rs's fast path (it says why): copies a small, plain argument — a scenario as callers
// write it — into the module in one call, where reading it from Rust takes several calls into
// JavaScript per value. Anything else answers `undefined`, and the module reads the argument
// again the careful way, which names the field and the problem: a getter or a Proxy trap that
// throws, a Map or class instance, a function, a cycle (it is deeper than any scenario), or more
// values, nesting, items or text than a scenario holds.
//
// The ops, read by read.rs (which must agree with the codes below): 1 null (or undefined),
// 2 false, 3 true, 4 a number (the next in `numbers`), 5 a text (its UTF-16 length follows,
// the text is the next in the string answered), 6 a list (its values, then 0), 7 an object
// (per field its key's length + 1 and its value, then 0). Lengths are LEB128.

/** The most values, nesting and list items the fast path takes: far above any scenario, far below the careful reader's bounds. */
const MAX_VALUES = 2000;
const MAX_DEPTH = 8;
const MAX_ITEMS = 12;
const MAX_TEXT = 100_000;

/** @type {Uint8Array} */
let ops;
/** @type {Float64Array} */
let numbers;
let op = 0;
let number = 0;
let values = 0;
let text = "";

/** Thrown to leave the walk: the careful reader takes over. */
const REFUSED = {};

/**
 * Writes `value` into `tapeOps` and `tapeNumbers` (views of the module's memory) and answers
 * the text, `sizes` set to how many ops and numbers were written; `undefined` if the careful
 * reader must read it.
 * @param {unknown} value @param {Uint8Array} tapeOps @param {Float64Array} tapeNumbers @param {Uint32Array} sizes
 */
export function readArgument(value, tapeOps, tapeNumbers, sizes) {
  ops = tapeOps;
  numbers = tapeNumbers;
  op = number = values = 0;
  text = "";
  let answer;
  try {
    write(value, 0);
    sizes[0] = op;
    sizes[1] = number;
    answer = text;
  } catch {
    // Refused, or the caller's code threw: read again, carefully.
  }
  // The views are of the module's memory: kept, they would pin it.
  ops = numbers = /** @type {any} */ (null);
  text = "";
  return answer;
}

/** @param {number} n */
function count(n) {
  while (n >= 128) {
    ops[op++] = (n & 127) | 128;
    n >>>= 7;
  }
  ops[op++] = n;
}

/** @param {string} s */
function string(s) {
  if (text.length + s.length > MAX_TEXT) throw REFUSED;
  count(s.length);
  text += s;
}

/** @param {unknown} value @param {number} depth */
function write(value, depth) {
  // Room for this value's op and a length, or for its key's; past the end, the careful reader.
  if (op + 12 > ops.length || ++values > MAX_VALUES) throw REFUSED;
  if (typeof value === "number") {
    if (number === numbers.length) throw REFUSED;
    ops[op++] = 4;
    numbers[number++] = value;
  } else if (value === undefined || value === null) ops[op++] = 1;
  else if (value === false) ops[op++] = 2;
  else if (value === true) ops[op++] = 3;
  else if (typeof value === "string") {
    ops[op++] = 5;
    string(value);
  } else if (typeof value !== "object" || depth === MAX_DEPTH) throw REFUSED;
  else if (Array.isArray(value)) {
    const length = value.length;
    if (!(length <= MAX_ITEMS)) throw REFUSED;
    ops[op++] = 6;
    for (let i = 0; i < length; i++) write(value[i], depth + 1);
    ops[op++] = 0;
  } else {
    // Only plain objects are input (read.rs): a prototype with none above it, or none.
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== null && Object.getPrototypeOf(prototype) !== null) throw REFUSED;
    ops[op++] = 7;
    for (const key of Object.keys(value)) {
      if (op + 12 > ops.length) throw REFUSED;
      count(key.length + 1);
      if (text.length + key.length > MAX_TEXT) throw REFUSED;
      text += key;
      write(/** @type {Record<string, unknown>} */ (value)[key], depth + 1);
    }
    if (op + 1 > ops.length) throw REFUSED;
    ops[op++] = 0;
  }
}
