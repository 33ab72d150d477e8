// Writes www/pkg/core.js, the old name of calculator.js, for one more release: a module that
// re-exports the calculator, init included, so `import init, * as core from "./pkg/core.js"`
// keeps working. The calculator's init finds calculator_bg.wasm next to its own file, so
// `init()` with no argument still loads the right bytes. Deprecated: goes in the next release
// (with this script, types/core.d.ts and their two lines in the Makefile).
import { writeFileSync } from "node:fs";

writeFileSync(new URL("../../www/pkg/core.js", import.meta.url), `// Deprecated: core.js is now calculator.js (the engine without the roster reader and picker).
// This module only re-exports it, and goes in the next release: import calculator.js instead.
export * from "./calculator.js";
export { default } from "./calculator.js";
`);
