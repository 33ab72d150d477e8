// Lighthouse on the page and the iframe embed, served like a strict static host, in Debian's
// Chromium: accessibility, best practices and SEO must score at least 95. Performance depends
// on the machine, so it is printed here and reported by `make bench`, not asserted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startLighthouse } from "./lighthouse-run.mjs";

const MINIMUM = 95;
const ASSERTED = ["accessibility", "best-practices", "seo"];

/** @type {Awaited<ReturnType<typeof startLighthouse>>} */
let lighthouse;

before(async () => {
  lighthouse = await startLighthouse();
});

after(async () => {
  await lighthouse?.close();
});

for (const path of ["/", "/embed.html?budget=20000&lang=fr"]) {
  test(`Lighthouse scores ${path} at least ${MINIMUM} in ${ASSERTED.join(", ")}`, async () => {
    const { scores, failing } = await lighthouse.scores(path, ASSERTED);
    console.log(`Lighthouse ${path}: ${Object.entries(scores).map(([id, s]) => `${id} ${s}`).join(", ")}`);
    for (const id of ASSERTED) assert.ok(scores[id] >= MINIMUM, `${id} ${scores[id]} < ${MINIMUM}: ${failing.join("; ")}`);
  });
}
