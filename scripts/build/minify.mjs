// `make dist`'s minifier: what a phone downloads is the shipped copy, so its scripts and style
// sheets go without the sources' comments and whitespace. Each file is minified on its own with
// esbuild's transform (no bundling): modules stay separate files, so the page still loads only
// what it needs, and string literals, the paths in `import()` and `new URL(…, import.meta.url)`
// among them, come out as they went in, quoted with `"` (dist.mjs finds and renames them there).
import { transform } from "esbuild";
import { extname } from "node:path";

/** @type {Record<string, import("esbuild").TransformOptions>} */
const OPTIONS = {
  // Every script is an ES module (the pages, the widget and the workers load them as such), so
  // top-level names may be shortened too: exports keep their names.
  ".js": { loader: "js", format: "esm" },
  ".css": { loader: "css" },
};
const SHARED = {
  minify: true,
  // The sources' own syntax level (they use `??=`): nothing newer may be introduced, and anything
  // newer written in them fails the build instead of being quietly rewritten.
  target: "es2022",
  // French sentences and typographic quotes as UTF-8, not `\u00e9` escapes (the files are
  // served as UTF-8).
  charset: "utf8",
  // `/*! … */`, `@license` and `@preserve` comments stay where they are.
  legalComments: "inline",
};

/**
 * The shipped form of one file from www/: scripts and style sheets minified, anything else
 * unchanged (the engine's JSON is written compact already).
 * @param {string} path the file's path in www/, for the kind of file and esbuild's messages
 * @param {Buffer} content
 * @returns {Promise<Buffer>}
 */
export async function minify(path, content) {
  const options = OPTIONS[extname(path)];
  if (!options) return content;
  const { code, warnings } = await transform(content.toString("utf8"), { ...SHARED, ...options, sourcefile: path });
  if (warnings.length) throw new Error(`${path}: ${warnings.map((warning) => warning.text).join("; ")}`);
  return Buffer.from(code);
}
