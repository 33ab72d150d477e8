// The article's niche case, one click away: a 500,000-person target that large accounts barely
// reach. What the page, the Embed dialog and the widget show must be the engine's numbers.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "../js/load.mjs";
import { openPage, session } from "./harness.mjs";

const live = session();

const NICHE = { audience: 500000, overrides: { nano: { audienceFit: 0.3 }, micro: { audienceFit: 0.1 }, macro: { audienceFit: 0.02 } } };
const count = (/** @type {number} */ n) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);

test("the niche example opens from its link, with the fit per tier shown, and the numbers are the engine's", async () => {
  const { page, context, problems, foreign } = await openPage(live.browser, live.server.origin);
  await page.getByRole("link", { name: /a niche of 500,000 people/ }).click();
  await page.waitForFunction(() => location.hash.includes("audience=500000") && document.documentElement.dataset.calculator === "ready"
    && document.querySelector("#g-audience")?.value === "500000");
  assert.equal(await page.inputValue("#a-audienceFit-macro"), "2");
  assert.equal(await page.inputValue("#a-audienceFit-nano"), "30");
  assert.match(await page.textContent(".assumption:has(#a-audienceFit-macro) legend"), /^Share of followers in your target audience/);
  assert.equal(await page.inputValue("#a-delivery-micro"), "80");
  const expected = tiermix.compare(NICHE).mixes.filter((m) => m.kind === "single");
  const described = await page.textContent("#chart desc");
  for (const mix of expected) assert.ok(described.includes(`${mix.label.en}: Unique reach ${count(mix.reach)}`), `${mix.label.en} ${count(mix.reach)} in ${described}`);
  // The niche's point: the macro accounts' followers are mostly outside it.
  const macro = expected.find((m) => m.tier === "macro");
  const micro = expected.find((m) => m.tier === "micro");
  assert.ok(macro && micro && macro.reach < micro.reach / 2, "macro reaches far fewer of the niche than micro");

  await page.click("#embed");
  const element = await page.inputValue("#embed-element");
  assert.match(element, /audience="500000"/);
  assert.match(element, /overrides="nano\.audienceFit:0\.3,micro\.audienceFit:0\.1,macro\.audienceFit:0\.02"/);
  assert.match(await page.inputValue("#embed-iframe"), /embed\.html\?[^"]*audience=500000[^"]*&amp;overrides=nano\.audienceFit:0\.3/);
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("the French page names the new assumptions and keeps the language when an example opens", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: "/#lang=fr" });
  assert.match(await page.textContent(".assumption:has(#a-audienceFit-macro) legend"), /^Part des abonnés dans votre cible/);
  assert.match(await page.textContent(".assumption:has(#a-delivery-macro) legend"), /^Créateurs engagés qui publient comme convenu/);
  // Clicked while the typed budget still waits for the pause to reach the address: the example
  // opens, not the scenario being typed.
  await page.fill("#budget", "30000");
  await page.getByRole("link", { name: /une niche de 500 000 personnes/ }).click();
  await page.waitForFunction(() => location.hash.includes("audience=500000") && document.documentElement.dataset.calculator === "ready"
    && document.querySelector("#a-audienceFit-macro")?.value === "2", null, { timeout: 15_000 })
    .catch(async (error) => assert.fail(`the example did not open (${error.message}): ${JSON.stringify(await seen(page))}, console ${JSON.stringify(problems)}`));
  assert.doesNotMatch(await page.evaluate(() => location.hash), /budget=30000/);
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.deepEqual(problems, []);
  await context.close();
});

/** What the page shows of a scenario, for a failure to say where the page stood. */
const seen = (page) => page.evaluate(() => ({ hash: location.hash, calculator: document.documentElement.dataset.calculator,
  fit: document.querySelector("#a-audienceFit-macro")?.value, status: document.querySelector("#share-status")?.textContent,
  errors: document.querySelector("#error")?.textContent }));

/** The widget's results: summary, then reach, conversions, ROI for the reader's mix and the best mix. */
const widget = (page) => page.evaluate(() => {
  const root = document.getElementById("first").shadowRoot;
  const note = root.querySelector("[part=status]");
  return { note: note.hidden ? null : note.textContent, cells: [...root.querySelectorAll("tbody td")].map((td) => td.textContent),
    link: root.querySelector("a[part=link]").href };
});

test("the widget takes the audience and the assumptions as attributes, and names one it cannot use", async () => {
  const { page, context, problems } = await openPage(live.browser, live.server.origin, { path: "/fixtures/article/", waitFor: null });
  await page.waitForFunction(() => document.getElementById("first").shadowRoot?.querySelector(".summary")?.textContent);
  const set = (/** @type {Record<string, string>} */ attributes) => page.evaluate((attributes) => new Promise((resolve) => {
    const element = document.getElementById("first");
    element.addEventListener("tiermix-change", () => resolve(null), { once: true });
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  }), attributes);
  await set({ budget: "20000", mix: "nano:20,micro:50,macro:30", audience: "500000", overrides: "nano.audienceFit:0.3,micro.audienceFit:0.1,macro.audienceFit:0.02" });
  const best = tiermix.optimize({ budget: 20000, ...NICHE });
  let shown = await widget(page);
  assert.equal(shown.note, null);
  assert.equal(shown.cells[1], count(best.reach), "the best mix's reach, computed with the niche");
  assert.match(shown.link, /audience=500000/);
  assert.match(shown.link, /o=nano\.audienceFit:0\.3,micro\.audienceFit:0\.1,macro\.audienceFit:0\.02/);

  await set({ overrides: "macro.audienceFit:1.5" });
  shown = await widget(page);
  assert.match(shown.note ?? "", /overrides="macro\.audienceFit:1\.5"/);
  const plain = tiermix.optimize({ budget: 20000, audience: 500000 });
  assert.equal(shown.cells[1], count(plain.reach), "the refused override left out, the rest kept");
  assert.deepEqual(problems, []);
  await context.close();
});
