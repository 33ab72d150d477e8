// tape.rs's JS half (it says why and documents the ops): builds an answer's plain objects from
// its op bytes, its numbers and its text, in one call. Objects are filled by assignment and
// lists by push, in the tape's order, so keys come out in the order Rust wrote them.
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
      /** @type {Record<string, any>} */
      const object = {};
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
  }
}
