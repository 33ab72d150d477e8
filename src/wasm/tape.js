// tape.rs's JS half (it says why and documents the ops): builds an answer's plain objects from
// its op bytes, its numbers and its text, in one call. Objects are filled by assignment and
// lists by push, in the tape's order, so keys come out in the order Rust wrote them.

/** @param {Uint8Array} ops @param {Float64Array} numbers @param {string} text */
export function readTape(ops, numbers, text) {
  let op = 0;
  let number = 0;
  let at = 0;
  /** @type {string[]} */
  const keys = [];
  const count = () => {
    let n = 0;
    let scale = 1;
    let byte;
    do {
      byte = ops[op++];
      n += (byte & 127) * scale;
      scale *= 128;
    } while (byte & 128);
    return n;
  };
  const string = () => text.slice(at, (at += count()));
  /** @returns {any} */
  const value = () => {
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
        for (let key; (key = count()); ) {
          if (key > keys.length) keys.push(string());
          object[keys[key - 1]] = value();
        }
        return object;
      }
    }
  };
  return value();
}
