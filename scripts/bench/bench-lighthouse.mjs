// `make bench` (Lighthouse half): every category's score for the page and the iframe embed,
// mobile emulation, in Debian's Chromium. Performance depends on the machine: target ≥ 95.
import { startLighthouse } from "../../tests/quality/lighthouse-run.mjs";
import { record } from "./bench-record.mjs";

const lighthouse = await startLighthouse();
try {
  for (const path of ["/", "/embed.html?budget=20000"]) {
    const { scores } = await lighthouse.scores(path);
    const name = path === "/" ? "the page" : "the iframe embed";
    const checks = [scores.accessibility, scores["best-practices"], scores.seo];
    record(`Lighthouse performance, ${name} (mobile)`, String(scores.performance), "≥ 95", scores.performance >= 95);
    record(`Lighthouse accessibility / best practices / SEO, ${name}`, checks.join(" / "), "≥ 95 each", Math.min(...checks) >= 95);
    console.log(`Lighthouse ${path.padEnd(26)} performance ${scores.performance} (target ≥ 95), accessibility ${checks[0]}, best practices ${checks[1]}, SEO ${checks[2]} (targets ≥ 95)`);
  }
} finally {
  await lighthouse.close();
}
