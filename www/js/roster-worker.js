// @ts-check
// Reads roster files and picks from them off the page's main thread: a file of 100,000 rows
// must not freeze the page. Keeps the last roster read, so a new pick sends no rows back.
import { loadRosterEngine } from "./engine.js";

const engine = loadRosterEngine();
/** @type {any} */
let current = null;

/** Reads a file chunk by chunk, reporting progress, into one byte array. @param {File} file @param {number} id */
async function readBytes(file, id) {
  const bytes = new Uint8Array(file.size);
  let loaded = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while being read keeps what fits; the rest would be a different file.
    bytes.set(value.subarray(0, bytes.length - loaded), loaded);
    loaded += value.length;
    self.postMessage({ id, type: "progress", loaded: Math.min(loaded, file.size), total: file.size });
  }
  return bytes;
}

self.addEventListener("message", async (event) => {
  const { id, type } = event.data;
  try {
    const tiermix = await engine;
    if (type === "read") {
      const { file, text, scheme } = event.data;
      const input = file ? await readBytes(file, id) : text;
      self.postMessage({ id, type: "parsing" });
      const started = performance.now();
      current = tiermix.parseRoster(input, scheme);
      self.postMessage({ id, type: "read", roster: current, milliseconds: performance.now() - started });
    } else if (type === "pick") {
      if (!current) throw new Error("no roster has been read yet");
      const started = performance.now();
      const pick = tiermix.pickRoster(current, event.data.scenario, null);
      self.postMessage({ id, type: "pick", pick, milliseconds: performance.now() - started });
    }
  } catch (error) {
    self.postMessage({ id, type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
