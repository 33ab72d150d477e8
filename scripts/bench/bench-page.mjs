// `make bench` (page half): in headless Chromium, the work one keystroke costs (the
// synchronous recompute: compare, assumptions, every render) and the frontier and response
// curves drawn once inputs settle. Prints p50 / p95; asserts nothing.
import { launch, openPage, startServer } from "../../tests/e2e/harness.mjs";
import { record } from "./bench-record.mjs";

const server = await startServer();
const browser = await launch();
const percentile = (values, q) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) * q)].toFixed(2);
try {
  for (const scheme of ["fr2018", "traackr"]) {
    const { page, context } = await openPage(browser, server.origin);
    await page.selectOption("#scheme", scheme);
    const measured = await page.evaluate(async () => {
      const budget = document.querySelector("#budget");
      const nano = document.querySelector("input[type=range]");
      performance.clearMeasures();
      for (let i = 0; i < 60; i++) {
        budget.value = String(15000 + i * 500);
        budget.dispatchEvent(new Event("input", { bubbles: true }));
        nano.value = String(10 + (i % 20));
        nano.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, i % 10 === 9 ? 300 : 0));
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      const of = (name) => performance.getEntriesByName(name).map((e) => e.duration);
      return { recompute: of("tiermix:recompute"), tradeOffs: of("tiermix:trade-offs") };
    });
    const [p50, p95] = [percentile(measured.recompute, 0.5), percentile(measured.recompute, 0.95)];
    console.log(`${scheme.padEnd(8)} recompute per input    p50 ${p50} ms   p95 ${p95} ms   (${measured.recompute.length} inputs; target ≤ 16 ms)`);
    record(`the page's recompute per input, ${scheme}`, `${p50} / ${p95} ms`, "≤ 16 ms", Number(p50) <= 16);
    console.log(`${scheme.padEnd(8)} frontier + curves       p50 ${percentile(measured.tradeOffs, 0.5)} ms   p95 ${percentile(measured.tradeOffs, 0.95)} ms   (${measured.tradeOffs.length} draws, after inputs settle)`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
