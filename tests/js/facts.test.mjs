// pkg/facts.js, which the build writes from the engine, against what the engine really does:
// each id it lists is one the engine accepts, each bound one it keeps, each default one it uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "./load.mjs";
import facts from "../../www/pkg/facts.js";
import benchmarks from "../../www/pkg/benchmarks.js";
import { readFileSync } from "node:fs";
import { GLOBAL_NAMES, PAGE_GOALS, readFragment, writeFragment } from "../../www/js/share.js";

/** Just past `bound` on the side `direction` points to: the smallest step a bound check sees. */
const past = (bound, direction) => bound + direction * Math.max(Math.abs(bound) * 1e-6, 1e-9);
const refusedAt = (field) => (error) => error instanceof Error && error.field === field;

test("the facts are frozen all the way down", () => {
  assert.ok(Object.isFrozen(facts) && Object.isFrozen(facts.defaults.goal) && Object.isFrozen(facts.quantities[0]));
});

test("the defaults are what an empty scenario computes with", () => {
  const { defaults } = facts;
  const empty = tiermix.compare({});
  assert.deepEqual(tiermix.compare({ budget: defaults.budget, currency: defaults.currency, scheme: defaults.scheme, goal: defaults.goal }), empty);
  assert.deepEqual(tiermix.compare({ goal: { objective: defaults.goal.objective } }), empty);
  const single = empty.mixes.find((mix) => mix.kind === "single");
  assert.ok(single.spend <= defaults.budget && single.spend + single.unspent === defaults.budget);
});

test("compare accepts every objective id, and only those", () => {
  for (const { id } of facts.objectives) assert.equal(tiermix.compare({ goal: { objective: id } }).mixes.at(-1).kind, "optimum", id);
  assert.throws(() => tiermix.compare({ goal: { objective: "fame" } }), refusedAt("goal.objective"));
  const ids = facts.objectives.map(({ id }) => id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(facts.objectives.filter((o) => o.usesLambda).map((o) => o.id), ["blend"]);
});

test("every quantity is accepted as an override from its min to its max, and refused just outside", () => {
  for (const { id, min, max } of facts.quantities) {
    for (const value of [min, max]) tiermix.compare({ overrides: { "*": { [id]: value } } });
    for (const [value, direction] of [[min, -1], [max, 1]]) {
      assert.throws(() => tiermix.compare({ overrides: { micro: { [id]: past(value, direction) } } }), refusedAt(`overrides.micro.${id}`), `${id} ${past(value, direction)}`);
    }
  }
  const { tier, ...reported } = tiermix.assumptions({}).tiers[0];
  assert.deepEqual(facts.quantities.map(({ id }) => id), Object.keys(reported), tier);
  assert.deepEqual(facts.globals.map(({ id }) => id), Object.keys(tiermix.assumptions({}).globals));
});

test("every global is accepted from its min to its max and at its default, and refused just outside", () => {
  for (const { id, min, max, default: value } of facts.globals) {
    // The assumptions report reads every global but computes no mix, which a huge budget overflows.
    for (const v of [min, max, value]) assert.equal(tiermix.assumptions({ [id]: v }).globals[id].typical, v, id);
    for (const [bound, direction] of [[min, -1], [max, 1]]) {
      assert.throws(() => tiermix.assumptions({ [id]: past(bound, direction) }), refusedAt(id), `${id} ${past(bound, direction)}`);
    }
  }
  assert.equal(facts.globals[0].id, "budget");
  assert.equal(facts.globals[0].default, facts.defaults.budget);
});

test("limits.maxCount influencers of a tier are accepted, one more is refused", () => {
  const { maxCount } = facts.limits;
  const counts = (n) => ({ budget: 1e12, mix: { counts: { nano: n } } });
  assert.equal(tiermix.evaluate(counts(maxCount)).influencers, maxCount);
  assert.throws(() => tiermix.evaluate(counts(maxCount + 1)), refusedAt("mix.counts.nano"));
});

test("simulate without options draws simulation.draws with simulation.seed", () => {
  const scenario = { budget: 5000 };
  const drawn = tiermix.simulate(scenario);
  assert.equal(drawn.draws, facts.simulation.draws);
  assert.deepEqual(tiermix.simulate(scenario, facts.simulation), drawn);
});

test("every kind in compare's and pickRoster's answers is an outcome kind", () => {
  const kinds = new Set(tiermix.compare({ mix: { shares: { micro: 1 } } }).mixes.map((mix) => mix.kind));
  const roster = tiermix.parseRoster("handle,followers,fee\n@a,5000,100\n@b,200000,900\n");
  kinds.add(tiermix.pickRoster(roster, { budget: 5000 }).outcome.kind);
  for (const kind of kinds) assert.ok(facts.outcomeKinds.includes(kind), kind);
  assert.deepEqual([...kinds].sort(), [...facts.outcomeKinds].sort());
});

test("every flag a roster row carries is a roster flag", () => {
  const text = "handle,followers,engagement rate\n@a,5,1%\n@b,12000,0.01%\n@c,12000,40%\n@c,9000,\n";
  const flags = new Set(tiermix.parseRoster(text, { tiers: [{ id: "big", minFollowers: 1000 }] }).rows.flatMap((row) => row.flags));
  assert.deepEqual([...flags].sort(), [...facts.rosterFlags].sort());
});

test("the page's markup shows the engine's defaults before any script runs", () => {
  const html = readFileSync(new URL("../../www/index.html", import.meta.url), "utf8");
  const { defaults } = facts;
  assert.equal(html.match(/<input id="budget"[^>]* value="([^"]*)"/)?.[1], String(defaults.budget));
  assert.equal(html.match(/<select id="currency"[^>]*>\s*<option>(\w+)</)?.[1], defaults.currency);
  assert.equal(html.match(/<input type="radio" name="goal" value="(\w+)" checked>/)?.[1], defaults.goal.objective);
  assert.equal(html.match(/<input id="lambda"[^>]* value="(\d+)"/)?.[1], String(defaults.goal.lambda * 100));
  // The scheme's options come from the engine's presets, the default selected by the script.
  assert.match(html, /<select id="scheme"[^>]*><\/select>/);
  // The goals a link or the widget may carry are the page's radios, each an objective of the engine.
  assert.deepEqual([...html.matchAll(/name="goal" value="(\w+)"/g)].map((m) => m[1]), PAGE_GOALS);
  for (const goal of PAGE_GOALS) assert.ok(facts.objectives.some(({ id }) => id === goal), goal);
});

test("every global the facts list has a short name in the link, and only those", () => {
  assert.deepEqual(Object.keys(GLOBAL_NAMES).sort(), facts.globals.map(({ id }) => id).sort());
  const shorts = Object.values(GLOBAL_NAMES);
  assert.equal(new Set(shorts).size, shorts.length);
  const globals = Object.fromEntries(facts.globals.filter(({ id }) => id !== "budget").map(({ id, default: value }) => [id, value]));
  const { shared, rejected } = readFragment(writeFragment({ budget: facts.defaults.budget, globals }));
  assert.deepEqual(rejected, []);
  assert.deepEqual({ ...shared.globals }, globals);
  assert.equal(shared.budget, facts.defaults.budget);
});

test("benchmarks.js: bands from the smallest accounts up, each range low to high, every source linked, and the page's ratios to hold against them", () => {
  const { bands, cpe, currency, sources } = benchmarks;
  assert.equal(currency, "USD");
  assert.equal(bands[0].minFollowers, 0, "every account falls in a band");
  for (let i = 1; i < bands.length; i++) assert.ok(bands[i - 1].minFollowers < bands[i].minFollowers, bands[i].id);
  for (const range of [...bands.map((band) => band.cpm), cpe]) assert.ok(range.low > 0 && range.low < range.high, JSON.stringify(range));
  assert.ok(sources.length >= 2 && sources.every((source) => source.url.startsWith("https://") && source.text.length > 0));
  // What the ranges are held against: each hiring tier's fee-only ratios, from the engine.
  const mine = tiermix.evaluate({ scheme: "later", budget: 100000, mix: { shares: { nano: 0.2, micro: 0.3, mid: 0.5 } } });
  for (const row of mine.tiers) {
    const hired = row.influencers > 0;
    assert.equal(typeof row.feePerThousandViews === "number", hired, row.tier);
    assert.equal(typeof row.feePerEngagement === "number", hired, row.tier);
    if (hired) assert.ok(Math.abs(row.feePerEngagement - row.feeSpend / row.engagements) <= 1e-9 * row.feePerEngagement, row.tier);
  }
});
