// `make bench` (Lighthouse half): every category's score for the page and the iframe embed,
// mobile emulation, in Debian's Chromium. Performance depends on the machine: target ≥ 95.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../tests/e2e/harness.mjs";
import { record } from "./bench-record.mjs";

const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const path of ["/", "/embed.html?budget=20000"]) {
    const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: "json", logLevel: "error", formFactor: "mobile" });
    const lhr = /** @type {any} */ (result).lhr;
    const score = (id) => Math.round(lhr.categories[id].score * 100);
    const name = path === "/" ? "the page" : "the iframe embed";
    record(`Lighthouse performance, ${name} (mobile)`, String(score("performance")), "≥ 95", score("performance") >= 95);
    record(`Lighthouse accessibility / best practices / SEO, ${name}`, `${score("accessibility")} / ${score("best-practices")} / ${score("seo")}`, "≥ 95 each",
      Math.min(score("accessibility"), score("best-practices"), score("seo")) >= 95);
    console.log(`Lighthouse ${path.padEnd(26)} performance ${score("performance")} (target ≥ 95), accessibility ${score("accessibility")}, best practices ${score("best-practices")}, SEO ${score("seo")} (targets ≥ 95)`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
