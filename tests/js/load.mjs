// Loads the built module in Node exactly as the API contract describes.
import { readFileSync } from "node:fs";
import init, * as tiermix from "../../www/pkg/tiermix.js";

const wasm = readFileSync(new URL("../../www/pkg/tiermix_bg.wasm", import.meta.url));
await init({ module_or_path: wasm });

export default tiermix;

/** assert.throws matches a RegExp against "Error: …"; the contract is about the message itself. */
export const message = (pattern) => (e) => e instanceof Error && pattern.test(e.message);
