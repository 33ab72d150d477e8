// The JavaScript API contract (API.md) checked on the optimised module that ships.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix, { message } from "./load.mjs";

const isPlainObject = (v) => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

test("presets lists the five schemes with sources and typical followers", () => {
  const presets = tiermix.presets();
  assert.deepEqual(presets.map((p) => p.id), ["fr2018", "imh", "later", "traackr", "hypeauditor"]);
  const fr = presets[0];
  assert.ok(isPlainObject(fr));
  assert.equal(fr.label.fr.length > 0, true);
  assert.match(fr.source.url, /^https:\/\//);
  assert.deepEqual(fr.tiers.map((t) => [t.id, t.minFollowers]), [["nano", 0], ["micro", 1000], ["macro", 100001]]);
  assert.ok(Math.abs(fr.tiers[0].typicalFollowers - 316.23) < 0.01);
});

test("classify follows the fr2018 edges and reports below-every-tier as null", () => {
  const tier = (n, s) => tiermix.classify(n, s).tier;
  assert.equal(tier(999), "nano");
  assert.equal(tier(1000), "micro");
  assert.equal(tier(100000), "micro");
  assert.equal(tier(100001), "macro");
  assert.deepEqual(tiermix.classify(500, "imh"), { tier: null, index: null });
  assert.deepEqual(tiermix.classify(20000, { tiers: [{ id: "small", minFollowers: 0 }, { id: "big", minFollowers: 10000 }] }), { tier: "big", index: 1 });
});

test("classifyMany returns an Int32Array for typed arrays and plain lists", () => {
  const out = tiermix.classifyMany(new Float64Array([0, 999, 1000, 100001]));
  assert.ok(out instanceof Int32Array);
  assert.deepEqual([...out], [0, 0, 1, 2]);
  assert.deepEqual([...tiermix.classifyMany([999, 5000], "imh")], [-1, 0]);
});

test("evaluate returns every Outcome field of the contract", () => {
  const o = tiermix.evaluate({ budget: 20000, mix: { shares: { nano: 0.2, micro: 0.5, macro: 0.3 } } });
  for (const key of ["label", "influencers", "spend", "unspent", "impressions", "reach", "reachShare", "frequency",
    "engagements", "conversions", "revenue", "roi", "costPerThousandReached", "costPerEngagement",
    "costPerConversion", "workloadHours", "tiers"]) {
    assert.ok(key in o, `missing ${key}`);
  }
  assert.ok(o.spend <= 20000);
  assert.equal(o.tiers.length, 3);
  for (const key of ["tier", "influencers", "unitCost", "allotted", "spend", "feeSpend", "teamSpend", "impressions", "reach", "engagements",
    "conversions", "workloadHours", "feePerThousandViews", "feePerEngagement"]) {
    assert.ok(key in o.tiers[0], `missing tiers[].${key}`);
  }
  // Fees over views and engagements, each a number or null, never NaN or Infinity.
  for (const row of o.tiers) {
    for (const key of ["feePerThousandViews", "feePerEngagement"]) assert.ok(row[key] === null || Number.isFinite(row[key]), `${row.tier} ${key}`);
  }
  assert.deepEqual(o.tiers.map((row) => row.allotted), [4000, 10000, 6000]);
  assert.ok(tiermix.evaluate({ budget: 20000, mix: { counts: { micro: 2 } } }).tiers.every((row) => row.allotted === null));
});

test("compare reproduces the reference outcomes", () => {
  const singles = (/** @type {object} */ scenario) => Object.fromEntries(tiermix.compare({ budget: 20000, audience: 5000000, scheme: "fr2018", ...scenario })
    .mixes.filter((m) => m.kind === "single").map((m) => [m.tier, m]));
  const table = (/** @type {Record<string, any>} */ byTier) => Object.values(byTier)
    .map((m) => [m.tier, m.influencers, Math.round(m.reach), Math.round(m.conversions * 10) / 10, Math.round(m.roi * 100)]);
  // Version 2's defaults, and version 1's numbers with every follower in the target, every creator posting, one post, 75% real.
  assert.deepEqual(table(singles({})), [["nano", 143, 14425, 230.2, -54], ["micro", 59, 86868, 702.3, 41], ["macro", 5, 109145, 440.2, -3]]);
  const v1 = singles({ postsPerInfluencer: 1, overrides: { "*": { audienceFit: 1, delivery: 1, realShare: 0.75 } } });
  assert.deepEqual(table(v1), [["nano", 143, 18008, 287.7, -42], ["micro", 59, 108086, 877.9, 76], ["macro", 5, 135883, 550.3, 21]]);
  assert.deepEqual(tiermix.compare({}).mixes.slice(3).map((m) => m.kind), ["mix", "optimum"]);
});

test("repeat posts never reach people who do not follow a hired account, and a tier outside the target reaches no one", () => {
  const nano = (/** @type {number} */ posts) => tiermix.evaluate({ mix: { counts: { nano: 1 } }, postsPerInfluencer: posts, overrides: { "*": { delivery: 1 } } });
  const [one, four, hundred] = [nano(1), nano(4), nano(100)];
  // 316 followers, three in four real: 237 people at most.
  assert.ok(one.reach < four.reach && four.reach < hundred.reach && hundred.reach <= 237.2, `${one.reach} ${four.reach} ${hundred.reach}`);
  assert.ok(one.frequency >= 1 && one.frequency < four.frequency && four.frequency < hundred.frequency);
  const outside = tiermix.evaluate({ mix: { counts: { nano: 10, macro: 2 } }, overrides: { macro: { audienceFit: 0 } } });
  assert.equal(outside.tiers[2].reach, 0);
  assert.equal(outside.tiers[2].conversions, 0);
  assert.equal(outside.reach, tiermix.evaluate({ mix: { counts: { nano: 10 } } }).reach);
  assert.throws(() => tiermix.evaluate({ overrides: { macro: { audienceFit: 1.2 } } }), message(/^overrides\.macro\.audienceFit must be a share from 0 to 1/));
  assert.throws(() => tiermix.evaluate({ overrides: { "*": { delivery: Number.NaN } } }), message(/^overrides\.\*\.delivery must be/));
});

test("optimize returns the best whole-influencer mix with its binding limits", () => {
  const best = tiermix.optimize({ budget: 20000 }, { objective: "conversions" });
  assert.equal(best.kind, "optimum");
  assert.equal(best.exact, true);
  assert.ok(best.spend <= 20000);
  const { mixes } = tiermix.compare({ budget: 20000 });
  for (const m of mixes) assert.ok(best.conversions >= m.conversions - 1e-9, m.label.en);
  assert.ok(Array.isArray(best.binding));
  assert.ok(["none", "tooSmall", "limits", "maxHours", "notWorthIt"].includes(best.budgetLeft.reason));
  const capped = tiermix.optimize({ budget: 20000 }, { objective: "reach", limits: { macro: { maxCount: 1 } }, maxHours: 200 });
  assert.ok(capped.tiers[2].influencers <= 1);
  assert.ok(capped.workloadHours <= 200);
  assert.ok(capped.binding.some((b) => b.limit === "maxCount" && b.tier === "macro"));
  const blend = tiermix.optimize({}, { objective: "blend", lambda: 0.25 });
  assert.equal(blend.lambda, 0.25);
  assert.equal(tiermix.compare({ goal: { objective: "reach" } }).mixes.at(-1).label.en, "Best for reach");
});

test("optimize names conflicting limits", () => {
  assert.throws(() => tiermix.optimize({}, { limits: { micro: { minCount: 9, maxCount: 3 } } }), message(/^goal\.limits\.micro asks for at least 9 and at most 3 influencers$/));
  assert.throws(() => tiermix.optimize({}, { limits: { macro: { minCount: 50 } } }), message(/^goal\.limits ask for more than the budget/));
  assert.throws(() => tiermix.optimize({}, { objective: "fame" }), message(/^goal\.objective must be one of/));
  assert.throws(() => tiermix.optimize({}, { limits: { giga: {} } }), message(/^goal\.limits\.giga is not a tier/));
});

test("frontier runs from reach to persuasion; response curves follow the budget", () => {
  const points = tiermix.frontier({ budget: 20000 }, 11);
  assert.equal(points.length, 11);
  assert.equal(points[0].lambda, 0);
  assert.equal(points[10].lambda, 1);
  for (let i = 1; i < points.length; i++) {
    assert.ok(points[i].reach <= points[i - 1].reach * (1 + 1e-9));
    assert.ok(points[i].conversions >= points[i - 1].conversions * (1 - 1e-9));
  }
  assert.equal(tiermix.frontier({}).length, 21, "21 points by default");
  assert.throws(() => tiermix.frontier({}, 1), message(/^points must be a whole number from 2 to 201/));
  const curves = tiermix.responseCurves({ budget: 20000 }, [0, 10000, 20000, 40000]);
  assert.deepEqual(curves.budgets, [0, 10000, 20000, 40000]);
  assert.deepEqual(curves.curves.map((c) => c.kind), ["single", "single", "single", "optimum"]);
  assert.equal(curves.curves[0].reach.length, 4);
  assert.throws(() => tiermix.responseCurves({}, [5, -1]), message(/^budgets\[1\] must be a finite number/));
  assert.throws(() => tiermix.responseCurves({}, "many"), message(/^budgets must be a list/));
});

test("simulate gives ordered bands for every mix, reproducibly, with the same numbers as native code", () => {
  const sim = tiermix.simulate({ budget: 20000 }, { draws: 1000, seed: 42 });
  assert.equal(sim.draws, 1000);
  assert.equal(sim.mixes.length, 5);
  // Pinned in tests/uncertainty.rs too: the draws are identical on every platform.
  assert.deepEqual(sim.mixes[1].conversions, { p10: 250.84315439822456, p50: 602.8194923715323, p90: 1298.4385455241345 });
  assert.deepEqual(tiermix.simulate({ budget: 20000 }, { draws: 1000, seed: 42 }), sim);
  for (const m of sim.mixes) {
    for (const key of ["spend", "reach", "engagements", "conversions", "roi", "costPerConversion"]) {
      assert.ok(m[key].p10 <= m[key].p50 && m[key].p50 <= m[key].p90, `${m.label.en} ${key}`);
    }
  }
  assert.equal(sim.beats.conversions[1][1], 0.5);
  assert.ok(sim.beats.conversions[1][2] > 0.6 && sim.beats.conversions[1][2] < 1, "micro beats macro in most worlds, not all");
  assert.equal(tiermix.simulate({}).draws, 2000);
  assert.throws(() => tiermix.simulate({}, { draws: 0 }), message(/^options\.draws must be a whole number from 1 to 100000 \(got 0\)$/));
  assert.throws(() => tiermix.simulate({}, { draws: 1e6 }), message(/^options\.draws must be a whole number/));
  assert.throws(() => tiermix.simulate({}, { seed: -1 }), message(/^options\.seed must be a whole number/));
  const swings = tiermix.sensitivity({});
  assert.equal(swings.length, 10);
  assert.ok(swings.every((w) => "reach" in w.low && "netValue" in w.high));
});

test("a ratio without a denominator is null, never NaN or Infinity", () => {
  const o = tiermix.evaluate({ budget: 0 });
  assert.equal(o.roi, null);
  assert.equal(o.costPerConversion, null);
  assert.equal(o.frequency, null);
});

test("assumptions reports low, typical, high and a source for every value", () => {
  const report = tiermix.assumptions({ overrides: { micro: { fee: 250 } } });
  for (const tier of report.tiers) {
    for (const key of ["typicalFollowers", "fee", "reachRate", "engagementRate", "sponsoredFactor", "realShare", "audienceFit", "persuasion", "delivery", "hours", "concentration"]) {
      const v = tier[key];
      assert.ok(v.low <= v.typical && v.typical <= v.high, `${tier.tier}.${key}`);
      assert.equal(typeof v.source.text, "string");
      assert.equal(typeof v.source.year, "number");
    }
  }
  assert.equal(report.tiers[1].fee.typical, 250);
  assert.equal(report.tiers[1].fee.overridden, true);
  assert.equal(report.globals.audience.typical, 5000000);
});

test("sources.json holds a note in both languages for every source the API cites", async () => {
  const { readFileSync } = await import("node:fs");
  const notes = JSON.parse(readFileSync(new URL("../../www/pkg/sources.json", import.meta.url), "utf8"));
  const report = tiermix.assumptions({});
  const cited = [...tiermix.presets().map((p) => p.source), ...report.tiers.flatMap((t) => Object.values(t).filter((v) => v.source).map((v) => v.source)),
    ...Object.values(report.globals).map((v) => v.source)];
  for (const source of cited) {
    assert.ok(notes[source.id]?.en && notes[source.id]?.fr, `note for ${source.id}`);
  }
  // The page loads one language's file: the same notes, split.
  for (const lang of ["en", "fr"]) {
    const one = JSON.parse(readFileSync(new URL(`../../www/pkg/sources.${lang}.json`, import.meta.url), "utf8"));
    assert.deepEqual(one, Object.fromEntries(Object.entries(notes).map(([id, note]) => [id, note[lang]])));
  }
});

test("the oEmbed answer describes an iframe WordPress will keep and size", async () => {
  const { readFileSync } = await import("node:fs");
  const answer = JSON.parse(readFileSync(new URL("../../www/oembed.json", import.meta.url), "utf8"));
  assert.equal(answer.version, "1.0");
  assert.equal(answer.type, "rich");
  assert.match(answer.html, /<iframe class="wp-embedded-content" sandbox="allow-scripts allow-popups"[^>]* src="https?:\/\/[^"]+\/embed\.html"/);
  assert.match(answer.html, /^<blockquote class="wp-embedded-content"><a href="https?:\/\/[^"]+\/">/);
  for (const page of ["index.html", "embed.html"]) {
    const html = readFileSync(new URL(`../../www/${page}`, import.meta.url), "utf8");
    assert.match(html, /<link rel="alternate" type="application\/json\+oembed" href="oembed.json"/, page);
  }
});

test("every bad input throws an Error naming the field, and the module keeps answering", () => {
  const cases = [
    [() => tiermix.evaluate({ budget: -5 }), /^budget must be a finite number from 0 to 1000000000000 \(got -5\)$/],
    [() => tiermix.evaluate({ budget: NaN }), /^budget .*\(got NaN\)$/],
    [() => tiermix.evaluate({ budget: "20k" }), /^budget must be a number \(got "20k"\)$/],
    [() => tiermix.evaluate({ audience: Infinity }), /^audience .*\(got Infinity\)$/],
    [() => tiermix.evaluate({ mix: { shares: { giga: 1 } } }), /^mix\.shares\.giga is not a tier/],
    [() => tiermix.evaluate({ mix: { counts: { micro: 1e9 } } }), /^mix\.counts\.micro must be a whole number/],
    [() => tiermix.evaluate({ scheme: { tiers: [] } }), /^scheme\.tiers must list at least one tier$/],
    [() => tiermix.evaluate({ overrides: { "*": { realShare: 2 } } }), /^overrides\.\*\.realShare must be a share/],
    [() => tiermix.evaluate("20000"), /^scenario must be an object/],
    [() => tiermix.classify(1.5), /^followers must be a whole number/],
    [() => tiermix.classify(10, "nope"), /^scheme must be a preset id/],
    [() => tiermix.classifyMany("nope"), /^followers must be a Float64Array or a list of numbers/],
    [() => tiermix.evaluate({ budget: () => 1 }), /^scenario\.budget must be a number, text, true\/false, a list or a plain object \(got a function\)$/],
    [() => tiermix.evaluate(new Map([["budget", 5]])), /^scenario must be .*a plain object \(got a Map or class instance\)$/],
    [() => tiermix.evaluate({ mix: { shares: new Map() } }), /^scenario\.mix\.shares must be .*\(got a Map or class instance\)$/],
    [() => tiermix.evaluate({ scheme: { tiers: [{ id: "a", minFollowers: 0, typicalFollowers: 5 }] } }), /^scheme\.tiers\[0\]\.typicalFollowers is not a known field/],
  ];
  for (const [call, pattern] of cases) {
    assert.throws(call, (e) => e instanceof Error && pattern.test(e.message) && e.message.startsWith(e.field), String(pattern));
    assert.equal(tiermix.evaluate({}).influencers > 0, true);
  }
});

test("a valid scenario always compares, even when one tier alone is absurd", () => {
  const { mixes } = tiermix.compare({ budget: 2e8, mix: { shares: { macro: 1 } } });
  assert.equal(mixes[0].capped, true);
  assert.equal(mixes[0].influencers, 1000000);
  assert.equal(mixes[2].capped, false);
  const free = tiermix.compare({ hourlyCost: 0, overrides: { nano: { fee: 0 } }, mix: { shares: { micro: 1 } } });
  assert.equal(free.mixes.length, 5);
});

test("hostile sizes are refused without trapping", () => {
  assert.throws(() => tiermix.evaluate({ currency: "x".repeat(10000) }), (e) => e.message.length < 200);
  const deep = JSON.parse("[".repeat(200) + "]".repeat(200));
  assert.throws(() => tiermix.evaluate({ mix: deep }), /nested at most 32 levels/);
  assert.throws(() => tiermix.evaluate({ budget: 1e12 }), /more than 1000000 influencers/);
  const manyTiers = { tiers: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, minFollowers: i })) };
  assert.throws(() => tiermix.classify(1, manyTiers), /at most 12 tiers/);
  assert.equal(tiermix.compare({}).mixes.length, 5);
});
