// Module resolution for prerender.mjs: the page's wasm modules (start.js first, calculator.js
// after the first result) are answered by the native engine.
const ENGINE = new URL("./native-engine.mjs", import.meta.url).href;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  return /\/www\/pkg\/(start|calculator)\.js$/.test(resolved.url) ? { ...resolved, url: ENGINE, shortCircuit: true } : resolved;
}
