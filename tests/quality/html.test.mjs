// The Nu HTML Checker (vnu-jar, the W3C validator's engine) finds no error in the pages tiermix
// ships, as written and as rendered once the engine has filled them in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openPage, picked, session } from "../e2e/harness.mjs";

const VNU = fileURLToPath(new URL("../../node_modules/vnu-jar/build/dist/vnu.jar", import.meta.url));
const WWW = fileURLToPath(new URL("../../www/", import.meta.url));
const live = session();

/** vnu's errors for `files`, one line each (empty when valid). @param {string[]} files */
async function errors(files) {
  try {
    await promisify(execFile)("java", ["-jar", VNU, "--errors-only", "--format", "gnu", ...files]);
    return [];
  } catch (failure) {
    const stderr = /** @type {{ stderr?: string }} */ (failure).stderr ?? String(failure);
    return stderr.trim().split("\n");
  }
}

test("index.html and embed.html are valid HTML as written", async () => {
  assert.deepEqual(await errors([join(WWW, "index.html"), join(WWW, "embed.html")]), []);
});

test("index.html and embed.html are valid HTML as served, with their prerendered results", async () => {
  assert.deepEqual(await errors([join(WWW, "pkg", "index.html"), join(WWW, "pkg", "embed.html")]), []);
});

test("the page is valid HTML as rendered, results and a roster included", async () => {
  const { page, context } = await openPage(live.browser, live.server.origin);
  await page.waitForSelector("#frontier path");
  await page.click("#tab-roster");
  await page.click("#roster-sample");
  await picked(page);
  const rendered = await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`);
  const embed = await openPage(live.browser, live.server.origin, { path: "/embed.html?budget=20000", waitFor: "tier-mix" });
  await embed.page.locator("tier-mix").locator(".summary").waitFor();
  const renderedEmbed = await embed.page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`);
  const folder = await mkdtemp(join(tmpdir(), "tiermix-html-"));
  await writeFile(join(folder, "index.html"), rendered);
  await writeFile(join(folder, "embed.html"), renderedEmbed);
  assert.deepEqual(await errors([join(folder, "index.html"), join(folder, "embed.html")]), []);
  await context.close();
  await embed.context.close();
});
