// `make dist`, second step: the WordPress plugin, with the calculator bundled, as an installable
// zip next to the published copy (dist/tiermix-wordpress.zip).
//
//   node scripts/build/wordpress.mjs [DIST] [ZIP]
//
// The plugin is wordpress/tiermix/ plus, in calculator/, the published copy made by dist.mjs,
// less what only a site of its own needs: the headers file for Netlify and the oEmbed answer,
// whose discovery links are taken out of the pages (a blog's copy is not the published
// calculator; links to it are the plugin's own embed handler's). The build adds what the source
// cannot know: the address the calculator is published at (oembed.json's provider), and the
// engine's tier schemes for the block's sidebar, listed by the engine itself.
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = resolve(process.argv[2] ?? join(ROOT, "dist"));
const ZIP = resolve(process.argv[3] ?? join(DIST, "tiermix-wordpress.zip"));
const LEFT_OUT = new Set(["_headers", "oembed.json", "tiermix-wordpress.zip"]);

const staging = await mkdtemp(join(tmpdir(), "tiermix-plugin-"));
const plugin = join(staging, "tiermix");
await cp(join(ROOT, "wordpress/tiermix"), plugin, { recursive: true });
const calculator = join(plugin, "calculator");
await cp(DIST, calculator, { recursive: true, filter: (path) => !LEFT_OUT.has(path.slice(DIST.length + 1)) });

const discovery = /\s*<link rel="alternate" type="application\/json\+oembed" href="[^"]*" title="tiermix">/;
for (const page of ["index.html", "embed.html"]) {
  const html = await readFile(join(calculator, page), "utf8");
  if (!discovery.test(html)) throw new Error(`${page}: no oEmbed discovery link found to take out`);
  await writeFile(join(calculator, page), html.replace(discovery, ""));
}

const published = new URL(JSON.parse(await readFile(join(DIST, "oembed.json"), "utf8")).provider_url).href;
if (/['\\]/.test(published)) throw new Error(`PUBLIC_URL cannot be written in PHP as is: ${published}`);
await writeFile(join(plugin, "published-at.php"),
  `<?php\n// Written by make dist (scripts/build/wordpress.mjs): where the calculator is published.\nreturn '${published}';\n`);

const engine = await import(join(ROOT, "www/pkg/calculator.js"));
engine.initSync({ module: await readFile(join(ROOT, "www/pkg/calculator_bg.wasm")) });
const schemes = engine.presets().map(({ id, label }) => ({ id, label: { en: label.en, fr: label.fr } }));
await writeFile(join(plugin, "block/schemes.js"),
  `// Written by make dist (scripts/build/wordpress.mjs) from the engine's presets.\nwindow.tiermixSchemes = Object.freeze(${JSON.stringify(schemes)});\n`);

// The plugin's version is the engine's: one release, one number.
const version = (await readFile(join(ROOT, "Cargo.toml"), "utf8")).match(/^version = "(.+)"$/m)?.[1];
const header = (await readFile(join(plugin, "tiermix.php"), "utf8")).match(/^ \* Version:\s+(\S+)$/m)?.[1];
const stable = (await readFile(join(plugin, "readme.txt"), "utf8")).match(/^Stable tag: (\S+)$/m)?.[1];
if (!version || header !== version || stable !== version) {
  throw new Error(`plugin version ${header}, readme's stable tag ${stable}, engine ${version}: they must agree`);
}

// Python's standard zipfile (the build already needs Python 3): deflated, entries in a fixed order.
await rm(ZIP, { force: true });
execFileSync("python3", ["-c", `
import os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
    for folder, subfolders, names in sorted(os.walk(os.path.join(root, "tiermix"))):
        subfolders.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            archive.write(path, os.path.relpath(path, root))
`, staging, ZIP]);
await rm(staging, { recursive: true, force: true });
console.log(`${ZIP}: the WordPress plugin, ${(await stat(ZIP)).size} bytes`);
