// The engine's long calls, off the page's main thread (see `backgroundEngine` in engine.js).
import { loadCalculator } from "./engine.js";

addEventListener("message", async (/** @type {MessageEvent<EngineAsk>} */ { data }) => {
  try {
    // Inside the try: a module that fails to load must answer too, not leave the page waiting.
    // With the module the page compiled, the file is neither fetched nor compiled again.
    const tiermix = /** @type {EngineByName} */ (/** @type {unknown} */ (await loadCalculator(data.module)));
    postMessage({ key: data.key, results: data.calls.map(([name, args]) => tiermix[name](...args)) });
  } catch (error) {
    postMessage({ key: data.key, error: error instanceof Error ? error.message : String(error) });
  }
});
