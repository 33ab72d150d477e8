// Arguments too large to read: every list's length is checked against the limit of its field
// before a single item is copied, a Proxy cannot grow a list while it is read, and objects and
// texts that would take the reader millions of steps are refused by the bounds of the whole
// argument. The largest lists allowed are read, and read right.
import { test } from "node:test";
import assert from "node:assert/strict";
import tiermix from "./load.mjs";

const SPARSE = 2 ** 32 - 1;
const sparse = () => new Array(SPARSE);

/** `call` throws an Error whose field is `field` and whose message starts with it and matches `pattern`. */
function refuses(call, field, pattern) {
  try {
    call();
  } catch (e) {
    assert.ok(e instanceof Error, `expected an Error, got ${typeof e}`);
    assert.equal(e.field, field, e.message);
    assert.ok(e.message.startsWith(`${field} `) && pattern.test(e.message), e.message);
    return e.message;
  }
  assert.fail(`expected ${field} to be refused`);
}

/** An array Proxy whose `length` grows by one each time it is read, and how often it was. */
function growing(items) {
  const counted = { reads: 0 };
  counted.list = new Proxy(items, { get: (target, key) => (key === "length" ? items.length + counted.reads++ : Reflect.get(target, key)) });
  return counted;
}

const ROW = { followers: 5000, fee: 100, engagementRate: 0.03 };
const pick = (roster) => tiermix.pickRoster(roster, { budget: 1000 }, { objective: "reach" });
const reference = tiermix.evaluate({ budget: 20000 });

test("classifyMany reads 10,000,000 counts of a Float64Array, each in its tier", () => {
  const counts = new Float64Array(10_000_000);
  for (let i = 0; i < counts.length; i++) counts[i] = (i * 7919) % 2_000_003;
  counts[counts.length - 1] = 1e10;
  const start = performance.now();
  const tiers = tiermix.classifyMany(counts, "imh");
  console.log(`classifyMany: 10,000,000 counts in ${Math.round(performance.now() - start)} ms`);
  assert.ok(tiers instanceof Int32Array);
  assert.equal(tiers.length, counts.length);
  for (let i = 0; i < counts.length; i += 99_991) {
    assert.equal(tiers[i], tiermix.classify(counts[i], "imh").index ?? -1, `count ${counts[i]} at ${i}`);
  }
  assert.equal(tiers[counts.length - 1], 4);
  counts[9_999_998] = 2.5;
  refuses(() => tiermix.classifyMany(counts), "followers[9999998]", /must be a whole number from 0 to 10000000000 \(got 2\.5\)$/);
});

test("a plain list of counts is read up to its own limit, which the message states", () => {
  const counts = Array.from({ length: 200_000 }, (_, i) => (i * 104_729) % 1_000_003);
  const start = performance.now();
  const tiers = tiermix.classifyMany(counts);
  console.log(`classifyMany: a list of 200,000 counts in ${Math.round(performance.now() - start)} ms`);
  assert.equal(tiers.length, counts.length);
  for (let i = 0; i < counts.length; i += 997) assert.equal(tiers[i], tiermix.classify(counts[i]).index ?? -1);
  counts.push(5);
  refuses(() => tiermix.classifyMany(counts), "followers", /may hold at most 200000 counts \(a Float64Array 10000000\) \(got 200001\)$/);
  assert.deepEqual([...tiermix.classifyMany(Float64Array.from(counts))].slice(-2), [tiers.at(-1), 0]);
});

test("a sparse list of 2³² − 1 items is refused at once, wherever a list is read", () => {
  const tiers = /may list at most 12 tiers \(got 4294967295\)$/;
  const values = /is past the 10000 values \(fields and items\) an argument may hold \(got 4294967295\)$/;
  const cases = [
    [() => tiermix.classifyMany(sparse()), "followers", /may hold at most 200000 counts .*\(got 4294967295\)$/],
    [() => tiermix.classify(1, { tiers: sparse() }), "scheme.tiers", tiers],
    [() => tiermix.classifyMany([1], { tiers: sparse() }), "scheme.tiers", tiers],
    [() => tiermix.parseRoster("handle,followers\na,5\n", { tiers: sparse() }), "scheme.tiers", tiers],
    [() => tiermix.evaluate({ scheme: { tiers: sparse() } }), "scenario.scheme.tiers", tiers],
    [() => tiermix.responseCurves({}, sparse()), "budgets", /must hold from 1 to 201 budgets \(got 4294967295\)$/],
    [() => pick(sparse()), "roster", /may hold at most 200000 items \(got 4294967295\)$/],
    [() => pick({ rows: sparse() }), "roster.rows", /may hold at most 200000 items \(got 4294967295\)$/],
    [() => pick([ROW, { ...ROW, estimated: sparse() }]), "roster[1].estimated", /may hold at most 2 items \(got 4294967295\)$/],
    // Lists where no list belongs are refused by the bound of the whole argument.
    [() => tiermix.evaluate({ budget: sparse() }), "scenario.budget", values],
    [() => tiermix.evaluate({ mix: { shares: sparse() } }), "scenario.mix.shares", values],
    [() => tiermix.optimize({}, { limits: { micro: sparse() } }), "goal.limits.micro", values],
    [() => tiermix.simulate({}, { draws: sparse() }), "options.draws", values],
    [() => tiermix.frontier({}, sparse()), "points", values],
    [() => tiermix.parseRoster(sparse()), "text", values],
    [() => tiermix.classify(sparse()), "followers", values],
  ];
  for (const [call, field, pattern] of cases) refuses(call, field, pattern);
  assert.deepEqual(tiermix.evaluate({ budget: 20000 }), reference);
});

test("a list whose length grows as it is read has it read once", () => {
  const cases = [
    [(list) => tiermix.classifyMany(list), [10, 5000, 2e6], (answer) => assert.deepEqual([...answer], [0, 1, 2])],
    [(list) => tiermix.classify(5, { tiers: list }), [{ id: "a", minFollowers: 0 }], (answer) => assert.equal(answer.tier, "a")],
    [(list) => tiermix.evaluate({ scheme: { tiers: list } }), [{ id: "a", minFollowers: 0 }], (answer) => assert.ok(answer.influencers > 0)],
    [(list) => tiermix.responseCurves({}, list), [0, 20000], (answer) => assert.deepEqual(answer.budgets, [0, 20000])],
    [(list) => pick(list), [ROW, ROW], (answer) => assert.equal(answer.candidates, 2)],
    [(list) => pick([{ ...ROW, estimated: list }]), ["fee"], (answer) => assert.equal(answer.candidates, 1)],
    [(list) => tiermix.evaluate({ mix: { shares: list } }), [0.5], () => assert.fail("a list is not shares")],
  ];
  for (const [call, items, check] of cases) {
    const counted = growing(items);
    let answer;
    try {
      answer = call(counted.list);
    } catch (e) {
      assert.ok(e instanceof Error && / must be /.test(e.message), String(e));
      answer = null;
    }
    if (answer !== null) check(answer);
    // Read once, the length cannot make the reader go on.
    assert.equal(counted.reads, 1, `${call}`);
  }
});

test("objects and texts that would take millions of steps are refused by the argument's bounds", () => {
  const fields = {};
  for (let i = 0; i < 1_000_000; i++) fields[`k${i}`] = i;
  refuses(() => tiermix.evaluate({ mix: { shares: fields } }), "scenario.mix.shares", /is past the 10000 values \(fields and items\) an argument may hold \(got 1000000\)$/);
  // Every field refers to one smaller object: 2³⁰ values from a few lines, 10,000 read.
  let shared = 1;
  for (let i = 0; i < 30; i++) shared = { a: shared, b: shared };
  assert.throws(() => tiermix.optimize({}, { limits: shared }), (e) => e.field.startsWith("goal.limits.a.a.") && / is past the 10000 values /.test(e.message));
  // One 10 MB text is read; the same text under 200 keys would be copied 200 times.
  const text = "x".repeat(10_000_000);
  assert.throws(() => tiermix.evaluate({ currency: text }), (e) => /^currency must be .*\(got "x{40}…"\)$/.test(e.message));
  const repeated = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`t${i}`, text]));
  refuses(() => tiermix.evaluate({ overrides: repeated }), "scenario.overrides.t1", /is past the 20000000 bytes of text an argument may hold \(got 10000000\)$/);
  assert.deepEqual(tiermix.evaluate({ budget: 20000 }), reference);
});
