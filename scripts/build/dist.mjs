// `make dist`: a self-contained copy of the calculator in dist/, ready for any static host.
//
// Scripts and style sheets ship minified (minify.mjs), each file on its own: done first, so the
// references found below are the ones left in the shipped text (not the paths in the sources'
// JSDoc) and each hash covers the bytes that ship.
// Every script, style sheet, module and data file gets its content hash in its name, so a host
// can cache it for a year; the references between files are rewritten to match, leaves first,
// so a file's hash covers the names of everything it loads. Entry points keep their names:
// the pages, the widget's script (bloggers paste its address), the oEmbed answer, the icon and
// the sample roster, and wasm-bindgen's snippets (the module imports them by name).
// `_headers` (Netlify, Cloudflare Pages) and `.htaccess` (Apache) carry the
// Content-Security-Policy, the CORS header the widget needs on other sites, caching and the
// wasm MIME type.
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, extname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { POLICY } from "./csp.mjs";
import { minify } from "./minify.mjs";

const WWW = fileURLToPath(new URL("../../www/", import.meta.url));
const OUT = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL("../../dist/", import.meta.url));
const KEEP = new Set(["index.html", "embed.html", "tier-mix.js", "resize.js", "oembed.json", "favicon.svg", "samples/roster.csv"]);
const TEXT = new Set([".html", ".js", ".css", ".json", ".svg", ".csv"]);
const HASHED = new Set([".js", ".css", ".wasm", ".json"]);
// pkg/core.js, calculator.js's deprecated old name, is for scripts that import pkg/ by name: a
// copy with its hash in its name would serve nobody. The pages as the build filled them with
// their first results (prerender.mjs) ship as index.html and embed.html, and its record of the
// engine's answers is for the tests.
const PRERENDERED = ["index.html", "embed.html"];
const LEFT_OUT = new Set(["pkg/core.js", "pkg/prerender.json", ...PRERENDERED.map((page) => `pkg/${page}`)]);

async function files(folder, prefix = "") {
  const found = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await files(join(folder, entry.name), path)));
    else if (!entry.name.endsWith(".d.ts") && !LEFT_OUT.has(path)) found.push(path);
  }
  return found;
}

/** Every way `from` may name `to` in a quoted string: `./a.js`, `a.js`, `../pkg/a.js`. */
function spellings(from, to) {
  const rel = posix.relative(posix.dirname(from), to);
  return rel.startsWith("../") ? [rel] : [`./${rel}`, rel];
}

const all = await files(WWW);
/** A file as it ships from www/: the pages as prerendered, which `make build` writes. */
async function shipped(path) {
  if (!PRERENDERED.includes(path)) return readFile(join(WWW, path));
  return readFile(join(WWW, "pkg", path)).catch(() => {
    throw new Error(`www/pkg/${path} is missing: run make build, which prerenders the pages`);
  });
}
const contents = new Map(await Promise.all(all.map(async (path) => [path, await minify(path, await shipped(path))])));
/** The references each text file makes to other files, by their path in www/. */
const references = new Map(all.map((path) => {
  if (!TEXT.has(extname(path))) return [path, []];
  const text = contents.get(path).toString("utf8");
  const refs = all.filter((other) => other !== path && spellings(path, other).some((s) => text.includes(`"${s}"`) || text.includes(`'${s}'`)));
  return [path, refs];
}));

const renamed = new Map();
const done = new Set();
/** Rewrites `path`'s references (after its own dependencies), then names it by its hash. */
function settle(path, trail = []) {
  if (done.has(path)) return;
  if (trail.includes(path)) throw new Error(`reference cycle: ${[...trail, path].join(" → ")}`);
  for (const dependency of references.get(path)) settle(dependency, [...trail, path]);
  if (TEXT.has(extname(path))) {
    let text = contents.get(path).toString("utf8");
    for (const dependency of references.get(path)) {
      const target = renamed.get(dependency) ?? dependency;
      spellings(path, dependency).forEach((spelling, i) => {
        const replacement = spellings(path, target)[i] ?? spellings(path, target)[0];
        text = text.replaceAll(`"${spelling}"`, `"${replacement}"`).replaceAll(`'${spelling}'`, `'${replacement}'`);
      });
    }
    contents.set(path, Buffer.from(text));
  }
  // wasm-bindgen's snippets are imported by the module under their own names: they keep them.
  if (!KEEP.has(path) && !path.startsWith("pkg/snippets/") && HASHED.has(extname(path))) {
    const hash = createHash("sha256").update(contents.get(path)).digest("hex").slice(0, 10);
    renamed.set(path, path.replace(/(\.[^./]+)$/, `.${hash}$1`));
  }
  done.add(path);
}
all.forEach((path) => settle(path));

// WordPress fetches an oEmbed discovery link exactly as written, so the published pages name the
// answer by its full address: the one the answer itself was written for (PUBLIC_URL, oembed.mjs).
const published = new URL("oembed.json", JSON.parse(contents.get("oembed.json").toString("utf8")).provider_url).href;
for (const page of ["index.html", "embed.html"]) {
  const text = contents.get(page).toString("utf8");
  const discovery = 'type="application/json+oembed" href="oembed.json"';
  if (!text.includes(discovery)) throw new Error(`${page}: no oEmbed discovery link to make absolute`);
  contents.set(page, Buffer.from(text.replace(discovery, `type="application/json+oembed" href="${published}"`)));
}

await rm(OUT, { recursive: true, force: true });
for (const path of all) {
  const target = join(OUT, renamed.get(path) ?? path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, contents.get(path));
}

const immutable = "public, max-age=31536000, immutable";
const hashedPaths = [...renamed.values()].map((p) => `/${p}`);
await writeFile(join(OUT, "_headers"), `# Netlify and Cloudflare Pages. Made by scripts/build/dist.mjs.
/*
  Content-Security-Policy: ${POLICY}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Cache-Control: public, max-age=300

# The iframe route may be framed by any site.
/embed.html
  Content-Security-Policy: ${POLICY}; frame-ancestors *

# The widget runs on other sites: its script, modules, styles and wasm are fetched with CORS.
/tier-mix.js
  Access-Control-Allow-Origin: *

# Imported by name by a module cached for a year: checked at every load (see .htaccess).
/pkg/snippets/*
  Access-Control-Allow-Origin: *
  Cache-Control: no-cache

${hashedPaths.map((p) => `${p}\n  Access-Control-Allow-Origin: *\n  Cache-Control: ${immutable}`).join("\n")}
`);
await writeFile(join(OUT, ".htaccess"), `# Apache (mod_headers, mod_mime, mod_deflate). Made by scripts/build/dist.mjs.
AddType application/wasm .wasm
AddType text/javascript .js
# Guarded: a server without mod_headers would answer 500 for every file here otherwise.
<IfModule mod_headers.c>
  Header set Content-Security-Policy "${POLICY}; frame-ancestors 'none'"
  Header set X-Content-Type-Options "nosniff"
  Header set Referrer-Policy "no-referrer"
  <Files "embed.html">
    Header set Content-Security-Policy "${POLICY}; frame-ancestors *"
  </Files>
  <FilesMatch "\\.(js|css|wasm|json)$">
    Header set Access-Control-Allow-Origin "*"
  </FilesMatch>
  <FilesMatch "\\.[0-9a-f]{10}\\.(js|css|wasm|json)$">
    Header set Cache-Control "${immutable}"
  </FilesMatch>
</IfModule>
# Compressed, the first load is about 96 KB.
<IfModule mod_deflate.c>
  <IfModule mod_filter.c>
    AddOutputFilterByType DEFLATE text/html text/css text/javascript application/json application/wasm image/svg+xml text/csv
  </IfModule>
</IfModule>
`);
// wasm-bindgen's snippets keep their names (the module's imports name them) while the module
// that imports them is cached for a year: a browser must check them at every load, or it could
// pair a new module with an old snippet after a deploy.
await writeFile(join(OUT, "pkg", "snippets", ".htaccess"), `# Apache. Made by scripts/build/dist.mjs.
<IfModule mod_headers.c>
  Header set Cache-Control "no-cache"
</IfModule>
`);
console.log(`dist/: ${all.length} files, ${renamed.size} with their hash in their name, _headers and .htaccess`);
