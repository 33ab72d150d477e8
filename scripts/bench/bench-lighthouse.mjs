// `make bench` (Lighthouse half): every category's score for the page and the iframe embed,
// mobile emulation (simulated slow 4G, 4× CPU), in Debian's Chromium. The page as served carries
// its first results (prerendered by the build): performance 100 and its largest contentful
// paint within 1.0 s are the targets; the embed's performance ≥ 95.
import { startLighthouse } from "../../tests/quality/lighthouse-run.mjs";
import { record } from "./bench-record.mjs";

const lighthouse = await startLighthouse();
try {
  for (const path of ["/", "/embed.html?budget=20000"]) {
    const { scores, metrics } = await lighthouse.scores(path);
    const page = path === "/";
    const name = page ? "the page" : "the iframe embed";
    const checks = [scores.accessibility, scores["best-practices"], scores.seo];
    const wanted = page ? 100 : 95;
    record(`Lighthouse performance, ${name} (mobile)`, String(scores.performance), page ? "100" : "≥ 95", scores.performance >= wanted);
    const timings = `LCP ${(metrics.lcp / 1000).toFixed(2)} s, FCP ${(metrics.fcp / 1000).toFixed(2)} s, CLS ${metrics.cls.toFixed(3)}, TBT ${Math.round(metrics.tbt)} ms`;
    record(`Lighthouse ${name} (mobile): largest contentful paint`, timings, page ? "LCP ≤ 1.0 s, CLS 0" : "—", page ? metrics.lcp <= 1000 && metrics.cls === 0 : null);
    console.log(`Lighthouse ${path}: ${timings}; LCP element ${metrics.lcpElement}`);
    record(`Lighthouse accessibility / best practices / SEO, ${name}`, checks.join(" / "), "≥ 95 each", Math.min(...checks) >= 95);
    console.log(`Lighthouse ${path.padEnd(26)} performance ${scores.performance} (target ≥ 95), accessibility ${checks[0]}, best practices ${checks[1]}, SEO ${checks[2]} (targets ≥ 95)`);
  }
} finally {
  await lighthouse.close();
}
