// @ts-check
// The one module that talks to the wasm package. Everything the page shows is computed there.
import init, * as tiermix from "../pkg/tiermix.js";

let ready;

/** Loads the module once; every caller shares the same instance. */
export function loadEngine() {
  ready ??= init({ module_or_path: new URL("../pkg/tiermix_bg.wasm", import.meta.url) }).then(() => tiermix);
  return ready;
}

let notes;

/** The sources' explanatory notes, `{ id: { en, fr } }`, written by the build next to the module. */
export function loadNotes() {
  notes ??= fetch(new URL("../pkg/sources.json", import.meta.url))
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
  return notes;
}
