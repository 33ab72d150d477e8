// What leaves the page: a printed scenario fits one page, and every chart saves as SVG and PNG.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ARTIFACTS, openPage, session } from "./harness.mjs";

const live = session();

test("a scenario prints as a one-page summary without the controls", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  await page.emulateMedia({ media: "print" });
  for (const hidden of ["#share", ".tabs", "#assumptions", ".chart-download", "#use-best"]) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  for (const shown of ["#summary", "#compare", "#chart", "#budget"]) {
    assert.equal(await page.locator(shown).isVisible(), true, `${shown} is printed`);
  }
  const pdf = await page.pdf({ format: "A4", printBackground: true, path: `${ARTIFACTS}print.pdf` });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `${pages} pages`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("every chart downloads as a standalone SVG and as a PNG", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin);
  const svgDownload = page.waitForEvent("download");
  await page.locator("figure.chart").first().getByRole("button", { name: "Download SVG" }).click();
  const svg = await readFile(await (await svgDownload).path(), "utf8");
  assert.match(svg, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<title[^>]*>[^<]+<\/title>/);
  assert.match(svg, /<rect[^>]* fill="rgb\(37, 99, 235\)"/, "the page's colours travel with the file");
  assert.equal((await (await svgDownload).suggestedFilename()), "tiermix-chart.svg");
  const pngDownload = page.waitForEvent("download");
  await page.locator("figure.chart").first().getByRole("button", { name: "Download PNG" }).click();
  const png = await readFile(await (await pngDownload).path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length > 2000, `${png.length} bytes`);
  assert.equal(await page.locator("figure.chart .chart-download").count(), 6, "every chart: results, tornado, robustness, frontier and both curves");
  assert.deepEqual(problems, []);
  await context.close();
});
