// @ts-check
// The one module that talks to the wasm packages. Everything the page shows is computed there.
//
// Two builds of one engine: `core.js` has every function but the roster ones and is what the
// page loads first; `tiermix.js` is the whole API, loaded only where rosters are read.
import init, * as core from "../pkg/core.js";

/** @type {Promise<typeof core> | undefined} */
let ready;
/** @type {Promise<any> | undefined} */
let whole;

/** Loads the core module once; every caller shares the same instance. */
export function loadEngine() {
  ready ??= init({ module_or_path: new URL("../pkg/core_bg.wasm", import.meta.url) }).then(() => core);
  return ready;
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
