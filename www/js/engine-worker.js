// @ts-check
// The engine's long calls, off the page's main thread (see `backgroundEngine` in engine.js).
import { loadEngine } from "./engine.js";

self.addEventListener("message", async ({ data }) => {
  try {
    // Inside the try: a module that fails to load must answer too, not leave the page waiting.
    // With the module the page compiled, the file is neither fetched nor compiled again.
    const tiermix = /** @type {any} */ (await loadEngine(data.module));
    self.postMessage({ key: data.key, results: data.calls.map((/** @type {[string, any[]]} */ [name, args]) => tiermix[name](...args)) });
  } catch (error) {
    self.postMessage({ key: data.key, error: error instanceof Error ? error.message : String(error) });
  }
});
