// The page's code stays in files a person can read whole, and its modules form no cycle: every
// section is created by app.js with what it needs, never by importing another that imports it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const WWW = fileURLToPath(new URL("../../www/", import.meta.url));
const MAX_LINES = 400;
const MAX_APP_LINES = 300;

/** Every .js file under `folder` (generated wasm-bindgen output in pkg/ is not ours). */
function scripts(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "pkg" ? [] : scripts(path);
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

const lines = (path) => readFileSync(path, "utf8").split("\n").length - (readFileSync(path, "utf8").endsWith("\n") ? 1 : 0);

/** The modules a file imports, statically (`import … from "…"`, `import "…"`) or dynamically (`import("…")`). */
export function imports(text) {
  // Line comments first: one may hold "/*" (a path such as page/*.js).
  const code = text.replace(/(^|[^:])\/\/.*$/gm, "$1").replace(/\/\*[\s\S]*?\*\//g, "");
  const found = [
    ...code.matchAll(/^\s*import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return found.map((match) => match[1]);
}

/** A cycle in a graph given as `{ node: [neighbours] }`, as the path that closes it, or null. */
export function cycle(graph) {
  const state = new Map();
  const trail = [];
  const visit = (node) => {
    state.set(node, "open");
    trail.push(node);
    for (const next of graph[node] ?? []) {
      if (state.get(next) === "open") return [...trail.slice(trail.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    trail.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of Object.keys(graph)) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

test(`every script in www/ is at most ${MAX_LINES} lines, and app.js at most ${MAX_APP_LINES}`, () => {
  const files = scripts(WWW);
  assert.ok(files.length > 10, "the scripts were found");
  for (const path of files) assert.ok(lines(path) <= MAX_LINES, `${relative(WWW, path)}: ${lines(path)} lines`);
  assert.ok(lines(join(WWW, "js/app.js")) <= MAX_APP_LINES, `app.js: ${lines(join(WWW, "js/app.js"))} lines`);
});

test("the static and dynamic imports of www/js form no cycle", () => {
  const root = join(WWW, "js");
  const graph = Object.fromEntries(scripts(root).map((path) => [
    relative(root, path),
    imports(readFileSync(path, "utf8"))
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => relative(root, resolve(dirname(path), specifier))),
  ]));
  assert.ok(graph["app.js"].includes("page/inputs.js"), "app.js creates the sections");
  assert.equal(cycle(graph), null);
});

test("the cycle finder finds a cycle through a dynamic import, and the import reader skips comments", () => {
  assert.deepEqual(imports('import { a } from "./a.js";\n// import("./not.js") from page/*.js\nconst b = () => import("./b.js");\nimport "./c.js";'),
    ["./a.js", "./c.js", "./b.js"]);
  assert.deepEqual(cycle({ "a.js": ["b.js"], "b.js": ["c.js"], "c.js": ["a.js"] }), ["a.js", "b.js", "c.js", "a.js"]);
  assert.equal(cycle({ "a.js": ["b.js", "c.js"], "b.js": ["c.js"], "c.js": [] }), null);
});
