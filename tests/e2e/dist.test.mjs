// `make dist`'s output works as published: hashed names resolve, the page computes, the roster
// tab reads, and the widget runs from a blog post on another origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { openPage, picked, session } from "./harness.mjs";

const folder = await mkdtemp(join(tmpdir(), "tiermix-dist-"));
await promisify(execFile)("node", [new URL("../../scripts/build/dist.mjs", import.meta.url).pathname, folder]);
const live = session({ root: `${folder}/` });

test("every asset but the entry points carries its hash, and the headers files say how to serve them", async () => {
  const js = (await readdir(join(folder, "js"), { recursive: true })).filter((name) => name.endsWith(".js"));
  assert.ok(js.some((name) => /^i18n\/fr\.[0-9a-f]{10}\.js$/.test(name)), js.join(", "));
  assert.ok(js.length > 5 && js.every((name) => /\.[0-9a-f]{10}\.js$/.test(name)), js.join(", "));
  const pkg = await readdir(join(folder, "pkg"));
  for (const module of ["start_bg", "calculator_bg", "tiermix_bg"]) assert.ok(pkg.some((name) => new RegExp(`^${module}\\.[0-9a-f]{10}\\.wasm$`).test(name)), pkg.join(", "));
  const headers = await readFile(join(folder, "_headers"), "utf8");
  assert.match(headers, /\/embed\.html\n {2}Content-Security-Policy: [^\n]*frame-ancestors \*/);
  assert.match(headers, /\/tier-mix\.js\n {2}Access-Control-Allow-Origin: \*/);
  assert.match(headers, /immutable/);
  const htaccess = await readFile(join(folder, ".htaccess"), "utf8");
  assert.match(htaccess, /AddType application\/wasm \.wasm/);
  assert.match(htaccess, /<IfModule mod_filter\.c>\s*AddOutputFilterByType DEFLATE [^\n]*application\/wasm/);
  assert.match(headers, /\/pkg\/snippets\/\*\n(  [^\n]*\n)*  Cache-Control: no-cache/);
  assert.match(await readFile(join(folder, "pkg/snippets/.htaccess"), "utf8"), /Cache-Control "no-cache"/);
  // WordPress fetches the discovery link as written: it must be the answer's full address.
  const answer = new URL("oembed.json", JSON.parse(await readFile(join(folder, "oembed.json"), "utf8")).provider_url).href;
  for (const page of ["index.html", "embed.html"]) {
    const html = await readFile(join(folder, page), "utf8");
    assert.ok(html.includes(`type="application/json+oembed" href="${answer}"`), `${page} names ${answer}`);
  }
});

test("the published page computes, reads the sample roster and loads nothing from elsewhere", async () => {
  const { page, context, problems, foreign } = await openPage(live.browser, live.server.origin);
  assert.match(await page.textContent("#summary"), /^Your mix reaches [\d,]+ people/);
  await page.click("#tab-roster");
  await page.click("#roster-sample");
  await picked(page);
  await page.waitForFunction(() => document.querySelector("#certainty-status")?.textContent?.includes("simulated"), null, { timeout: 20_000 });
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("the published widget runs in a blog post", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: "/fixtures/article/", waitFor: null });
  await page.locator("tier-mix").first().locator(".summary").waitFor({ timeout: 15_000 });
  assert.deepEqual(problems, []);
  await context.close();
});
