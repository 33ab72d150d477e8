// @ts-check
// The one module that talks to the wasm packages. Everything the page shows is computed there.
//
// Two builds of one engine: `core.js` has every function but the roster ones and is what the
// page loads first; `tiermix.js` is the whole API, loaded only where rosters are read.
import init, * as core from "../pkg/core.js";

/** @type {Promise<WebAssembly.Module> | undefined} */
let compiled;
/** @type {Promise<typeof core> | undefined} */
let ready;
/** @type {Promise<any> | undefined} */
let whole;

/** The compiled core module, fetched and compiled once. */
function compileEngine() {
  compiled ??= (async () => {
    const url = new URL("../pkg/core_bg.wasm", import.meta.url);
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A host that serves .wasm with another MIME type: compile from the bytes instead.
      const response = await fetch(url);
      if (!response.ok) throw new Error(`failed to fetch ${url.pathname}: ${response.status}`);
      return WebAssembly.compile(await response.arrayBuffer());
    }
  })();
  return compiled;
}

/**
 * Loads the core module once; every caller shares the same instance. A worker passes the
 * module its page compiled (see `compiledEngine`), so the file is neither fetched nor
 * compiled twice.
 * @param {WebAssembly.Module} [module]
 */
export function loadEngine(module) {
  ready ??= (module ? Promise.resolve(module) : compileEngine())
    .then((compiledModule) => init({ module_or_path: compiledModule }))
    .then(() => core);
  return ready;
}

/** The compiled core module, to post to a worker. */
export function compiledEngine() {
  return compileEngine();
}

/** Loads the whole module, with `parseRoster` and `pickRoster`, once. */
export function loadRosterEngine() {
  whole ??= import("../pkg/tiermix.js").then(async (tiermix) => {
    await tiermix.default({ module_or_path: new URL("../pkg/tiermix_bg.wasm", import.meta.url) });
    return tiermix;
  });
  return whole;
}

/** @type {Promise<Record<string, { en: string, fr: string }>> | undefined} */
let notes;

/** The sources' explanatory notes, `{ id: { en, fr } }`, written by the build next to the module. */
export function loadNotes() {
  notes ??= fetch(new URL("../pkg/sources.json", import.meta.url))
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  return notes;
}
