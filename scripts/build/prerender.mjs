// `make build`'s last step: the pages as served, with the default scenario's results already in
// them, so the first numbers arrive with the HTML instead of after the engine.
//
// The page's own start-up (www/js/app.js, and embed.js with <tier-mix>) runs here in Node on
// the page's own markup (mini-dom.mjs), with the wasm module answered by the engine compiled
// natively (prerender/native-engine.mjs → `tiermix-build-data answer`): the numbers are the
// engine's, formatted and placed by the page's own code, in English (the markup's language).
// The filled pages go to www/pkg/ (generated, ignored by git): `make serve`, the tests' server
// and `make dist` serve them as index.html and embed.html. The calls made and their answers go
// to www/pkg/prerender.json, for the tests to check against the wasm module.
//
//   node scripts/build/prerender.mjs [OUT]   (default www/pkg)
import { register } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Document, Element, Text } from "./mini-dom.mjs";

register("./prerender/hooks.mjs", import.meta.url);

const WWW = fileURLToPath(new URL("../../www/", import.meta.url));
const OUT = process.argv[2] ?? join(WWW, "pkg");
const WWW_URL = pathToFileURL(WWW).href;
/** The smallest valid wasm module: engine.js compiles what it fetches; the natively answered engine needs none. */
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

const sleep = (/** @type {number} */ ms) => new Promise((go) => setTimeout(go, ms));
async function until(/** @type {() => boolean} */ done, /** @type {string} */ what) {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 20_000) throw new Error(`prerender: ${what} never happened`);
    await sleep(10);
  }
}

/** Browser globals the start-up touches, over a parsed page. */
function browse(/** @type {Document} */ document, /** @type {string} */ page) {
  const problems = [];
  const globals = {
    document,
    // dom.js rewrites a lone text node in place (`instanceof Text`).
    Text,
    location: { search: "", hash: "", href: `${WWW_URL}${page}`, origin: "null" },
    navigator: { language: "en" },
    history: { replaceState() {}, pushState() {} },
    addEventListener() {},
    removeEventListener() {},
    parent: { postMessage() {} },
    ResizeObserver: class { observe() {} unobserve() {} disconnect() {} },
    // The trade-off charts and the simulation are computed later, in the reader's browser: a
    // worker asked here never answers, so the page shows what it shows while they compute.
    Worker: class { postMessage() {} terminate() {} },
    CSS: { escape: (/** @type {string} */ text) => text },
    // No frames are painted here: what waits for one runs after a timer instead.
    requestAnimationFrame: (/** @type {(time: number) => void} */ callback) => setTimeout(() => callback(performance.now()), 16),
    async fetch(/** @type {URL | string} */ url) {
      const href = String(url);
      if (!href.startsWith(WWW_URL)) throw new Error(`prerender: the page asked for ${href}`);
      if (href.endsWith(".wasm")) return new Response(EMPTY_WASM, { headers: { "content-type": "application/wasm" } });
      return new Response(readFileSync(fileURLToPath(href)), { headers: { "content-type": "application/json" } });
    },
  };
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  const error = console.error;
  console.error = (...args) => { problems.push(args.join(" ")); error(...args); };
  return problems;
}

// Bar labels are measured by the browser; here they are estimated (0.55 em at 14 px a letter).
// The chart is redrawn at the reader's width as soon as the engine is there.
Object.assign(Element.prototype, { getComputedTextLength() { return this.textContent.length * 7.7; } });

/** Absolute addresses the modules made from their own location, made relative to the page again. */
const relative = (/** @type {string} */ html) => html.replaceAll(WWW_URL, "");
/** The sources' indentation, which a browser collapses anyway (the pages hold no <pre> or <textarea>). */
const compact = (/** @type {string} */ html) => {
  if (/<(pre|textarea)\b/.test(html)) throw new Error("prerender: a page with preformatted text cannot be compacted");
  return html.replace(/\n[ \t]+/g, "\n");
};

// The calculator page.
const index = new Document(readFileSync(join(WWW, "index.html"), "utf8"));
const indexProblems = browse(index, "index.html");
await import(pathToFileURL(join(WWW, "js/app.js")).href);
await until(() => index.documentElement.hasAttribute("data-ready"), "the page's start-up");
// The optimum comes from calculator.js, which the page loads after its first result.
await until(() => index.documentElement.hasAttribute("data-calculator"), "the calculator's answer");
// The timers the first drawing starts (trade-offs, simulation) have set their "computing" words.
await sleep(400);
if (!index.getElementById("error")?.hidden || indexProblems.length) {
  throw new Error(`prerender: the page failed to start: ${index.getElementById("error")?.textContent} ${indexProblems.join("; ")}`);
}
// Ready means the engine is there: in the served page it is not yet.
index.documentElement.removeAttribute("data-ready");
index.documentElement.removeAttribute("data-calculator");
// The page's first module has no optimiser: the optimum drawn here is handed to it as the engine
// answered it, for the inputs it was computed for (app.js's builtOptimum), so the page needs no
// second module to show again what it already shows.
{
  const { calls: made } = await import("./prerender/native-engine.mjs");
  const first = made.find(([name]) => name === "compare");
  const optimum = /** @type {any} */ (first?.[2])?.mixes?.find((/** @type {any} */ mix) => mix.kind === "optimum");
  if (!first || !optimum) throw new Error("prerender: the page's first comparison has no optimum");
  const data = index.createElement("script");
  data.setAttribute("type", "application/json");
  data.setAttribute("id", "built-optimum");
  // Inside a script element only "</" could end it early: none survives this.
  data.append(new Text(JSON.stringify({ scenario: first[1][0], optimum }).replace(/</g, "\\u003c")));
  index.querySelector("body")?.append(data);
}
// The first load has a size budget (tests/e2e/size.test.mjs): the panel of assumptions, below
// the results, and the results' chart are left to the engine. The chart's room is kept
// (app.css), so nothing above or below it moves when it is drawn.
index.getElementById("assumptions")?.replaceChildren();
const chart = index.getElementById("chart");
if (chart) {
  chart.replaceChildren();
  for (const name of [...chart.attributes.keys()]) if (!["id", "class", "tabindex"].includes(name)) chart.removeAttribute(name);
  chart.setAttribute("data-prerendered", "");
}
// The served page shows its first results without its engine: the engine and the page's
// modules are asked for after the first paint (js/boot.js), from a template, instead of sharing
// the phone's bandwidth with what that paint needs. The template comes before js/wait.js, which
// asks for them at once for a reader who waits for the engine.
{
  const preloads = [...index.querySelectorAll('link[rel="modulepreload"]'), ...index.querySelectorAll('link[rel="preload"][href="pkg/start_bg.wasm"]')];
  const wait = index.querySelector('script[src="js/wait.js"]');
  if (preloads.length === 0 || !wait) throw new Error("prerender: index.html has no engine preloads or no js/wait.js");
  const later = index.createElement("template");
  later.setAttribute("id", "engine-preloads");
  wait.before(later);
  later.append(...preloads);
}
const indexHtml = compact(relative(index.serialize()));

// The iframe embed: <tier-mix> upgraded as a browser upgrades it, its shadow root written as a
// declarative one that the element adopts.
const embedSource = readFileSync(join(WWW, "embed.html"), "utf8");
// A declarative shadow root in the source would be read here as a plain <template>.
if (embedSource.includes("shadowrootmode")) throw new Error("prerender: embed.html as written must not hold a shadow root");
const embed = new Document(embedSource);
const embedProblems = browse(embed, "embed.html");
/** @type {Map<Function, string>} */
const names = new Map();
Object.defineProperty(globalThis, "HTMLElement", {
  configurable: true,
  value: class extends Element {
    constructor() {
      super(names.get(new.target) ?? "div");
    }
  },
});
/** @type {Map<string, any>} */
const defined = new Map();
Object.defineProperty(globalThis, "customElements", {
  configurable: true,
  value: {
    get: (/** @type {string} */ name) => defined.get(name),
    define(/** @type {string} */ name, /** @type {any} */ constructor) {
      names.set(constructor, name);
      defined.set(name, constructor);
      for (const parsed of embed.querySelectorAll(name)) {
        const element = new constructor();
        for (const [attribute, value] of parsed.attributes) element.setAttribute(attribute, value);
        element.append(...parsed.childNodes);
        parsed.replaceWith(element);
        for (const attribute of constructor.observedAttributes ?? []) {
          if (element.hasAttribute(attribute)) element.attributeChangedCallback(attribute, null, element.getAttribute(attribute));
        }
        element.connectedCallback?.();
      }
    },
  },
});
await import(pathToFileURL(join(WWW, "js/embed.js")).href);
const widget = embed.querySelector("tier-mix");
await until(() => Boolean(widget?.shadowRoot?.querySelector(".summary")?.textContent), "the widget's first drawing");
await sleep(50);
if (embedProblems.length) throw new Error(`prerender: the widget failed: ${embedProblems.join("; ")}`);
const embedHtml = compact(relative(embed.serialize()));

const { calls } = await import("./prerender/native-engine.mjs");
writeFileSync(join(OUT, "index.html"), indexHtml);
writeFileSync(join(OUT, "embed.html"), embedHtml);
writeFileSync(join(OUT, "prerender.json"), `${JSON.stringify({ calls }, null, 1)}\n`);
console.log(`prerendered index.html (${indexHtml.length} bytes) and embed.html (${embedHtml.length} bytes) from ${calls.length} native engine calls`);
// Workers asked for never answer: nothing else is left to wait for.
process.exit(0);
