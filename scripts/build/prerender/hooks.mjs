// Module resolution for prerender.mjs: the page's wasm module is answered by the native engine.
const ENGINE = new URL("./native-engine.mjs", import.meta.url).href;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  return resolved.url.endsWith("/www/pkg/calculator.js") ? { ...resolved, url: ENGINE, shortCircuit: true } : resolved;
}
