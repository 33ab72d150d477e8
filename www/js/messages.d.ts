// What the page and its workers post to each other (engine-worker.js, roster-worker.js). Types
// only: nothing here is loaded by the browser.

// ---------------------------------------------------------------------------------------------
// engine-worker.js: any of the engine's functions, by name, answered in order.

export interface EngineAsk {
  /** Identifies the inputs the calls are for (the scenario's JSON). */
  key: string;
  calls: [name: string, args: unknown[]][];
  /** The module the page compiled, so the worker neither fetches nor compiles it. */
  module?: WebAssembly.Module;
}

/** Each call's result in the order asked, or why they failed. */
export type EngineAnswer = { key: string; results: unknown[]; error?: undefined } | { key: string; error: string; results?: undefined };
