// @ts-check
// Runs the Monte Carlo simulation off the page's main thread, so typing never waits for it.
import { loadEngine } from "./engine.js";

self.addEventListener("message", async (event) => {
  // The page sends the module it compiled first; without it, the worker loads its own.
  if (event.data.module) {
    loadEngine(event.data.module);
    return;
  }
  const { id, scenario, draws, seed } = event.data;
  try {
    // Inside the try: a module that fails to load must answer too, not leave the page waiting.
    const tiermix = await loadEngine();
    const started = performance.now();
    const simulation = tiermix.simulate(scenario, { draws, seed });
    const swings = tiermix.sensitivity(scenario);
    self.postMessage({ id, simulation, swings, milliseconds: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
