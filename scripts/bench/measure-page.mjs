// Prints what a phone user pays for the page: every file it loads (raw and gzipped, as a static
// host would serve it) and the time from navigation to the first result, over several cold loads.
// Numbers, not a test: timings depend on the machine.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { firstLoad, launch, startServer } from "../../tests/e2e/harness.mjs";
import { record } from "./bench-record.mjs";

const ROOT = fileURLToPath(new URL("../../www/", import.meta.url));
const RUNS = Number(process.env.RUNS ?? 15);

const server = await startServer();
const browser = await launch();
try {
  const times = [];
  let files = [];
  for (let i = 0; i < RUNS; i++) {
    const load = await firstLoad(browser, server.origin);
    times.push(load.firstResult);
    files = load.files;
  }
  let raw = 0;
  let gzip = 0;
  console.log("file                         raw bytes   gzip bytes");
  for (const file of files) {
    raw += file.raw;
    gzip += file.gzip;
    console.log(`${file.path.padEnd(28)} ${String(file.raw).padStart(9)}   ${String(file.gzip).padStart(10)}`);
    // The page's first module is what it computes its first result with; its workers' comes after.
    if (file.path.endsWith("start_bg.wasm")) {
      record(`${file.path.slice(file.path.lastIndexOf("/") + 1)} (first load), raw / gzipped`, `${(file.raw / 1000).toFixed(1)} / ${(file.gzip / 1000).toFixed(1)} KB`, "≤ 35 KB gzipped", file.gzip <= 35_000);
    } else if (file.path.endsWith(".wasm")) {
      record(`${file.path.slice(file.path.lastIndexOf("/") + 1)} (the workers', after the first result), raw / gzipped`, `${(file.raw / 1000).toFixed(1)} / ${(file.gzip / 1000).toFixed(1)} KB`, "after the first result", null);
    }
  }
  console.log(`${"total".padEnd(28)} ${String(raw).padStart(9)}   ${String(gzip).padStart(10)}`);
  // Not part of the first load: the candidates tab's worker fetches it when the tab opens.
  const whole = await readFile(`${ROOT}pkg/tiermix_bg.wasm`);
  const wholeZipped = gzipSync(whole, { level: 9 }).length;
  console.log(`${"/pkg/tiermix_bg.wasm (tab)".padEnd(28)} ${String(whole.length).padStart(9)}   ${String(wholeZipped).padStart(10)}`);
  record("tiermix_bg.wasm (candidates tab), raw / gzipped", `${(whole.length / 1000).toFixed(1)} / ${(wholeZipped / 1000).toFixed(1)} KB`, "on demand", null);
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`navigation → first result over ${RUNS} cold loads: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${times[0].toFixed(1)} ms`);
  // Until the simulation answers, the workers' module included; what comes before the first
  // result has its budget in tests/e2e/size.test.mjs.
  record(`everything the page loads until the simulation answers (${files.length} files), gzipped`, `${(gzip / 1000).toFixed(1)} KB (raw ${(raw / 1000).toFixed(0)} KB)`, "—", null);
  record("navigation → first result, cold, headless Chromium", `${at(0.5)} / ${at(0.95)} ms`, "≤ 1,000 ms", Number(at(0.5)) <= 1000);
} finally {
  await browser.close();
  await server.close();
}
