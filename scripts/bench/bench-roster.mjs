// `make bench` (roster half): a generated 100,000-row file parsed and classified by tiermix in
// wasm, against Papa Parse plus a plain JavaScript classification of the same file, in the same
// headless Chromium. Prints medians and the ratio; asserts nothing.
//
// Side by side in one run: 15 timed runs of each (after one untimed run of each), the order
// swapped every round, and the garbage of the run before collected before each timed run, so
// neither reader pays for the other's objects.
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS, startServer } from "../../tests/e2e/harness.mjs";
import { syntheticRoster } from "./roster-file.mjs";
import { record } from "./bench-record.mjs";

const ROWS = 100_000;
const RUNS = 15;
const text = syntheticRoster(ROWS);
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, "--js-flags=--expose-gc"] });
try {
  const page = await (await browser.newContext()).newPage();
  // An empty page of the same origin (the server's 404): nothing loads beside the two readers.
  await page.goto(`${server.origin}/__test__/blank`);
  await page.addScriptTag({ url: "/__test__/papaparse.min.js" });
  const result = await page.evaluate(async ({ text, runs, expected }) => {
    const tiermix = await import("/pkg/tiermix.js");
    await tiermix.default();
    const mins = tiermix.presets().find((p) => p.id === "fr2018").tiers.map((t) => t.minFollowers);
    const withTiermix = () => tiermix.parseRoster(text, "fr2018").rows.length;
    // What a page would write without tiermix: parse, read the numbers, find each tier.
    const withPapa = () => {
      const parsed = window.Papa.parse(text, { header: true, skipEmptyLines: true });
      const rows = parsed.data.map((row) => {
        const followers = Number(row.followers);
        let tier = -1;
        for (let k = 0; k < mins.length; k++) if (followers >= mins[k]) tier = k;
        const fee = row.fee === "" ? null : Number(row.fee);
        return { handle: row.handle, followers, tier, engagementRate: parseFloat(row["engagement rate"]) / 100, fee };
      });
      return rows.length;
    };
    const times = { tiermix: [], papa: [] };
    const both = [["tiermix", withTiermix], ["papa", withPapa]];
    for (let i = 0; i < runs + 1; i++) {
      for (const [name, work] of i % 2 ? [...both].reverse() : both) {
        window.gc();
        const start = performance.now();
        const rows = work();
        if (i > 0) times[name].push(performance.now() - start);
        if (rows !== expected) throw new Error(`${name} read ${rows} rows`);
      }
    }
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      tiermix: median(times.tiermix), papa: median(times.papa),
      tiermixBest: Math.min(...times.tiermix), papaBest: Math.min(...times.papa), bytes: text.length,
    };
  }, { text, runs: RUNS, expected: ROWS });
  const ms = (n) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(`roster: ${ROWS} rows (${(result.bytes / 1e6).toFixed(1)} MB) parsed and classified, ${RUNS} runs each, alternating, garbage collected before each`);
  console.log(`                                     median      best`);
  console.log(`  tiermix parseRoster (wasm)        ${ms(result.tiermix)} ${ms(result.tiermixBest)}   target < 150 ms`);
  console.log(`  Papa Parse + JS classification    ${ms(result.papa)} ${ms(result.papaBest)}`);
  const ratio = result.papa / result.tiermix;
  console.log(`  tiermix is ${ratio.toFixed(2)}× faster (median), ${(result.papaBest / result.tiermixBest).toFixed(2)}× (best)   target ≥ 3×`);
  record("parseRoster, 100,000 rows, in Chromium (median)", `${result.tiermix.toFixed(0)} ms`, "< 150 ms", result.tiermix < 150);
  record("… against Papa Parse + JS classification (median of 15 each)", `${ratio.toFixed(2)}× faster (${result.papa.toFixed(0)} ms)`, "≥ 3×", ratio >= 3);
} finally {
  await browser.close();
  await server.close();
}
