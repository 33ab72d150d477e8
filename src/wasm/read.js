// read.rs's fast path (read/fast.rs says why): copies a small, plain argument — a scenario as
// callers write it — into the module's buffers in one call, where reading it from Rust takes
// several calls into JavaScript per value, and says whether it is what the buffers held
// already: the module then answers with the scenario it made from them last time. Anything
// else answers REFUSED, and the module reads the argument again the careful way, which names
// the field and the problem: a getter or a Proxy trap that throws, a Map or class instance, a
// function, a cycle (it is deeper than any scenario), or more values, nesting, items or text
// than a scenario holds.
//
// The ops, read by read/fast.rs (which must agree with the codes below): 1 null (or
// undefined), 2 false, 3 true, 4 a number (the next in `numbers`), 5 a text (its length
// follows, its bytes are the next in `text`), 6 a list (its values, then 0), 7 an object (per
// field its key's length + 1 and its value, then 0). Texts are UTF-8, as `TextEncoder` writes
// them (a lone surrogate becomes U+FFFD), written here: the module would need 0.9 KB to decode
// UTF-16. Lengths are in bytes, LEB128.
//
// The buffers are views of the module's memory, made once (and again when the memory grows,
// which detaches them), rather than per call by the binding. The walk's state is declared with
// `var`: V8 checks a module's `let` for its temporal dead zone at every use from a function
// (measured: `readArgument` took 5-9% longer). Only the page's first module
// (start.js) reads its arguments this way, so they are this file's own.

/** What `readArgument` answers: the careful reader must read it; the buffers hold it already; they hold it now. */
const REFUSED = 0;
const UNCHANGED = 1;
const WRITTEN = 2;

/** The most values, nesting and list items the fast path takes: far above any scenario, far below the careful reader's bounds. */
const MAX_VALUES = 2000;
const MAX_DEPTH = 8;
const MAX_ITEMS = 12;

/** @type {WebAssembly.Memory} */
var memory;
/** Where each buffer is in the memory (in its own units) and how long it is. */
var opsAt = 0;
var opsEnd = 0;
var numbersAt = 0;
var numbersEnd = 0;
var textAt = 0;
var textEnd = 0;
var sizesAt = 0;
/** @type {Uint8Array} */
var ops = new Uint8Array(0);
/** @type {Float64Array} */
var numbers = new Float64Array(0);
/** @type {Uint32Array} */
var sizes = new Uint32Array(0);
var op = 0;
var number = 0;
var byte = 0;
var values = 0;
/** Whether anything written differs from what the buffers held. */
var changed = false;

/**
 * The texts written, in order, with where each starts in the text buffer and how many bytes it
 * took: the first `written` are in the buffer still. One written again at the same place is
 * there already (nothing else writes there, and a call writes its texts at rising places), so
 * it costs a comparison of strings rather than a store per byte. `texted` counts this call's.
 */
/** @type {string[]} */
const texts = [];
/** @type {number[]} */
const textsAt = [];
/** @type {number[]} */
const textsBytes = [];
var written = 0;
var texted = 0;

/** This realm's `Object.prototype`, the prototype of nearly every argument: known without asking for its own. */
const PLAIN = Object.prototype;

/** Thrown to leave the walk: the careful reader takes over. */
const REFUSE = {};

/**
 * Where the module's buffers are: called once, with positions in bytes.
 * @param {WebAssembly.Memory} moduleMemory
 * @param {number} opsByte @param {number} opsLength @param {number} numbersByte @param {number} numbersLength
 * @param {number} textByte @param {number} textLength @param {number} sizesByte
 */
export function bindBuffers(moduleMemory, opsByte, opsLength, numbersByte, numbersLength, textByte, textLength, sizesByte) {
  memory = moduleMemory;
  opsAt = opsByte;
  opsEnd = opsByte + opsLength;
  numbersAt = numbersByte / 8;
  numbersEnd = numbersAt + numbersLength;
  textAt = textByte;
  textEnd = textByte + textLength;
  sizesAt = sizesByte / 4;
  written = 0;
}

/**
 * Writes `value` into the buffers, `sizes` set to how many ops, numbers and bytes of text it took.
 * @param {unknown} value
 * @param {boolean} kept whether the module kept the scenario it made from the buffers last
 * @returns {number} REFUSED, UNCHANGED (only if `kept`) or WRITTEN
 */
export function readArgument(value, kept) {
  // Detached (length 0) when the memory grew.
  if (ops.length === 0) {
    ops = new Uint8Array(memory.buffer);
    numbers = new Float64Array(memory.buffer);
    sizes = new Uint32Array(memory.buffer);
  }
  op = opsAt;
  number = numbersAt;
  byte = textAt;
  values = 0;
  changed = !kept;
  texted = 0;
  try {
    write(value, 0);
  } catch {
    // Refused, or the caller's code threw: read again, carefully. Where it stopped, a text
    // may be half written: none is trusted.
    written = 0;
    return REFUSED;
  }
  written = texted;
  const s = sizesAt;
  if (sizes[s] !== op - opsAt || sizes[s + 1] !== number - numbersAt || sizes[s + 2] !== byte - textAt) changed = true;
  sizes[s] = op - opsAt;
  sizes[s + 1] = number - numbersAt;
  sizes[s + 2] = byte - textAt;
  return changed ? WRITTEN : UNCHANGED;
}

/** Stores a byte where the buffers are, noting whether it differs from what they held. @param {number} at @param {number} code */
function store(at, code) {
  if (ops[at] !== code) {
    ops[at] = code;
    changed = true;
  }
}

/** @param {number} code */
function put(code) {
  store(op++, code);
}

/** @param {number} n */
function count(n) {
  while (n >= 128) {
    put((n & 127) | 128);
    n >>>= 7;
  }
  put(n);
}

/** @param {number} code a byte of text */
function putByte(code) {
  store(byte++, code);
}

/**
 * Writes `s` into the text as UTF-8, answering how many bytes it took.
 * @param {string} s
 */
function text(s) {
  const index = texted++;
  if (index < written && texts[index] === s && textsAt[index] === byte) {
    byte += textsBytes[index];
    return textsBytes[index];
  }
  const length = s.length;
  const start = byte;
  // Three bytes at most per code unit (four per surrogate pair).
  if (byte + 3 * length > textEnd) throw REFUSE;
  for (let i = 0; i < length; i++) {
    let code = s.charCodeAt(i);
    if (code < 0x80) putByte(code);
    else if (code < 0x800) {
      putByte(0xc0 | (code >> 6));
      putByte(0x80 | (code & 63));
    } else {
      if (code >= 0xd800 && code < 0xe000) {
        const low = s.charCodeAt(i + 1);
        if (code < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
          putByte(0xf0 | (code >> 18));
          putByte(0x80 | ((code >> 12) & 63));
          putByte(0x80 | ((code >> 6) & 63));
          putByte(0x80 | (code & 63));
          continue;
        }
        code = 0xfffd;
      }
      putByte(0xe0 | (code >> 12));
      putByte(0x80 | ((code >> 6) & 63));
      putByte(0x80 | (code & 63));
    }
  }
  texts[index] = s;
  textsAt[index] = start;
  textsBytes[index] = byte - start;
  // The last call's later texts stay true: this call writes below where they start until it
  // reaches them, and one found at its old place is whole.
  if (written <= index) written = index + 1;
  return byte - start;
}

/** @param {unknown} value @param {number} depth */
function write(value, depth) {
  // Room for this value's op and a length, or for its key's; past the end, the careful reader.
  if (op + 12 > opsEnd || ++values > MAX_VALUES) throw REFUSE;
  if (typeof value === "number") {
    if (number === numbersEnd) throw REFUSE;
    put(4);
    // Bit for bit but for NaN's payload, which no input keeps: −0 is not 0.
    if (!Object.is(numbers[number], value)) {
      numbers[number] = value;
      changed = true;
    }
    number++;
  } else if (value === undefined || value === null) put(1);
  else if (value === false) put(2);
  else if (value === true) put(3);
  else if (typeof value === "string") {
    put(5);
    count(text(value));
  } else if (typeof value !== "object" || depth === MAX_DEPTH) throw REFUSE;
  else if (Array.isArray(value)) {
    const length = value.length;
    if (!(length <= MAX_ITEMS)) throw REFUSE;
    put(6);
    for (let i = 0; i < length; i++) write(value[i], depth + 1);
    put(0);
  } else {
    // Only plain objects are input (read.rs): a prototype with none above it, or none.
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== PLAIN && prototype !== null && Object.getPrototypeOf(prototype) !== null) throw REFUSE;
    put(7);
    // Its keys taken before any value is read, as the careful reader takes them: `for…in`
    // (a fifth faster) would skip a key that a getter deletes meanwhile.
    for (const key of Object.keys(value)) {
      if (op + 12 > opsEnd) throw REFUSE;
      count(text(key) + 1);
      write(/** @type {Record<string, unknown>} */ (value)[key], depth + 1);
    }
    if (op + 1 > opsEnd) throw REFUSE;
    put(0);
  }
}
