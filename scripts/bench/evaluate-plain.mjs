// `evaluate(scenario)` written in plain JavaScript, the peer `make bench` holds the engine to
// (bench-boundary.mjs): the formulas of src/model.rs and the default curves of
// src/assumptions.rs, as a JavaScript developer would write them, building the same outcome
// object. It trusts its input (no validation beyond what the formulas need) and reads only
// the typical value of each assumption, all `evaluate` uses. tests/js/evaluate-plain.test.mjs
// holds it to the engine's numbers, so it stays in step with the model. Not part of the page:
// the page's numbers all come from the engine.

const PRESETS = {
  fr2018: [["nano", "Nano", "Nano", 0], ["micro", "Micro", "Micro", 1_000], ["macro", "Macro", "Macro", 100_001]],
  imh: [["nano", "Nano", "Nano", 1_000], ["micro", "Micro", "Micro", 10_000], ["mid", "Mid-tier", "Intermédiaire", 50_000],
    ["macro", "Macro", "Macro", 500_000], ["mega", "Mega", "Méga", 1_000_000]],
  later: [["nano", "Nano", "Nano", 0], ["micro", "Micro", "Micro", 10_000], ["mid", "Mid-tier", "Intermédiaire", 100_000],
    ["macro", "Macro", "Macro", 500_000], ["mega", "Mega", "Méga", 1_000_000]],
  traackr: [["nano", "Nano", "Nano", 1_000], ["micro", "Micro", "Micro", 10_000], ["mid", "Mid-tier", "Intermédiaire", 50_000],
    ["macro", "Macro", "Macro", 500_000], ["mega", "Mega", "Méga", 1_000_000], ["vip", "VIP", "VIP", 5_000_000]],
  hypeauditor: [["rookie", "Rookie", "Débutant", 1_000], ["rising", "Rising", "Émergent", 5_000],
    ["prosumer", "Prosumer", "Confirmé", 20_000], ["maven", "Maven", "Expert", 100_000], ["celebrity", "Celebrity", "Célébrité", 1_000_000]],
};

const MAX_COUNT = 1_000_000;
const GAMMA = Math.log(4) / Math.log(1000);
const QUANTITIES = ["typicalFollowers", "fee", "reachRate", "engagementRate", "sponsoredFactor", "realShare", "audienceFit",
  "persuasion", "delivery", "hours", "concentration"];

/** The tiers' ids and follower bounds: a preset's, or the caller's own. */
function tiersOf(scheme = "fr2018") {
  if (typeof scheme === "string") return PRESETS[scheme].map(([id, , , min]) => ({ id, min }));
  return scheme.tiers.map((tier) => ({ id: tier.id, min: tier.minFollowers }));
}

/** The typical account of a tier spanning [min, upper): the geometric middle of its span. */
function typicalFollowers(min, upper) {
  let low;
  let high;
  if (upper === undefined) {
    low = Math.max(min, 100);
    high = low * 10;
  } else {
    low = upper > 100 ? Math.max(min, 100) : Math.max(min, 1);
    high = Math.max(upper, low);
  }
  return Math.sqrt(low * high);
}

/** The default curves' typical values at `f` followers. */
function defaults(f) {
  return {
    fee: Math.max((10 * f) / 1000, 20),
    reachRate: Math.min(Math.max(0.25 * (f / 10_000) ** -0.22, 0.02), 0.6),
    engagementRate: 0.025 * (f / 10_000) ** -0.15,
    sponsoredFactor: 0.5,
    realShare: 0.75,
    audienceFit: 1,
    persuasion: 0.005 * (f / 100_000) ** -GAMMA,
    delivery: 0.8,
    hours: Math.max(12 * (f / 1_000_000) ** 0.2, 1),
    concentration: 0.5 * (f / 1000) ** 0.25,
  };
}

/** An override's typical value: a number sets it, `{ typical }` may. */
const overridden = (change, typical) => (typeof change === "number" ? change : change.typical ?? typical);

/** Every typical value of a tier after the overrides, `"*"` first. */
function assumptionsOf(tier, upper, overrides = {}) {
  const every = overrides["*"] ?? {};
  const own = overrides[tier.id] ?? {};
  const apply = (id, typical) => {
    if (id in every) typical = overridden(every[id], typical);
    if (id in own) typical = overridden(own[id], typical);
    return typical;
  };
  const followers = apply("typicalFollowers", typicalFollowers(tier.min, upper));
  const values = defaults(followers);
  values.typicalFollowers = followers;
  for (const id of QUANTITIES) values[id] = apply(id, values[id]);
  return values;
}

const atLeastOnce = (chance, posts) => (posts === 1 ? chance : -Math.expm1(posts * Math.log1p(-chance)));

/** What one influencer of a tier costs and delivers. */
function economics(a, posts, hourlyCost) {
  const followers = a.delivery * a.typicalFollowers * a.realShare * a.audienceFit;
  const feeCost = posts * a.fee;
  return {
    unitCost: feeCost + a.hours * hourlyCost,
    feeCost,
    reached: followers * atLeastOnce(a.reachRate, posts),
    persuaded: followers * atLeastOnce(a.reachRate * a.persuasion, posts),
    impressions: posts * followers * a.reachRate,
    views: a.delivery * posts * a.typicalFollowers * a.reachRate,
    engagements: a.delivery * posts * a.typicalFollowers * a.engagementRate * a.sponsoredFactor,
    hours: a.hours,
    concentration: a.concentration,
  };
}

/** ln of the share of the audience a group leaves unreached: the negative binomial's generating function. */
const logMissed = (people, audience, k) => -k * Math.log1p(people / audience / k);

const ratio = (numerator, denominator) => {
  const value = numerator / denominator;
  return denominator > 0 && Number.isFinite(value) ? value : null;
};

/** Whole influencers per tier that each share of the budget pays for. */
function countsForShares(tiers, economy, shares, budget) {
  const counts = tiers.map((tier, i) => {
    const allotted = shares[i] * budget;
    if (allotted <= 0) return 0;
    if (economy[i].unitCost <= 0) throw new Error(`mix.shares.${tier.id} buys unlimited influencers`);
    const count = Math.floor((allotted / economy[i].unitCost) * (1 + 1e-12));
    if (count > MAX_COUNT) throw new Error(`mix.shares.${tier.id} would hire more than ${MAX_COUNT} influencers`);
    return count;
  });
  // The slack that absorbs decimal noise must never buy more than the budget.
  let spend = counts.reduce((sum, n, i) => sum + n * economy[i].unitCost, 0);
  for (let i = 0; i < counts.length; i++) {
    if (spend > budget && counts[i] > 0 && counts[i] * economy[i].unitCost > shares[i] * budget) {
      counts[i] -= 1;
      spend -= economy[i].unitCost;
    }
  }
  return counts;
}

/** The outcome of the scenario's mix, as the engine's `evaluate` gives it. */
export function evaluatePlain(scenario) {
  const budget = scenario.budget ?? 20_000;
  const audience = scenario.audience ?? 5_000_000;
  const posts = scenario.postsPerInfluencer ?? 1;
  const hourlyCost = scenario.hourlyCost ?? 50;
  const conversionValue = scenario.conversionValue ?? 40;
  const tiers = tiersOf(scenario.scheme);
  const economy = tiers.map((tier, i) => economics(assumptionsOf(tier, tiers[i + 1]?.min, scenario.overrides), posts, hourlyCost));
  const mix = scenario.mix ?? { shares: Object.fromEntries(tiers.map((tier) => [tier.id, 1 / tiers.length])) };
  let shares = null;
  let counts;
  if (mix.shares) {
    shares = tiers.map((tier) => mix.shares[tier.id] ?? 0);
    counts = countsForShares(tiers, economy, shares, budget);
  } else {
    counts = tiers.map((tier) => Math.min(mix.counts[tier.id] ?? 0, MAX_COUNT));
    const cost = counts.reduce((sum, n, i) => sum + n * economy[i].unitCost, 0);
    if (cost > budget) throw new Error("mix.counts costs more than the budget");
  }

  let spend = 0;
  let feeSpend = 0;
  let teamSpend = 0;
  let impressions = 0;
  let engagements = 0;
  let workloadHours = 0;
  let tierReach = 0;
  let missedReach = 0;
  let missedPersuasion = 0;
  let influencers = 0;
  const rows = tiers.map((tier, i) => {
    const e = economy[i];
    const n = counts[i];
    const hired = n > 0 ? 1 : 0;
    const rowSpend = n * e.unitCost;
    const rowFees = n * e.feeCost;
    const rowEngagements = n * e.engagements;
    const logReach = hired * logMissed(n * e.reached, audience, e.concentration);
    const logPersuasion = hired * logMissed(n * e.persuaded, audience, e.concentration);
    const row = {
      tier: tier.id,
      influencers: n,
      unitCost: e.unitCost,
      allotted: shares ? shares[i] * budget : null,
      spend: rowSpend,
      feeSpend: rowFees,
      teamSpend: rowSpend - rowFees,
      impressions: n * e.impressions,
      reach: audience * -Math.expm1(logReach),
      engagements: rowEngagements,
      conversions: audience * -Math.expm1(logPersuasion),
      workloadHours: n * e.hours,
      feePerThousandViews: ratio(rowFees * 1000, n * e.views),
      feePerEngagement: ratio(rowFees, rowEngagements),
    };
    influencers += n;
    spend += row.spend;
    feeSpend += row.feeSpend;
    teamSpend += row.teamSpend;
    impressions += row.impressions;
    engagements += row.engagements;
    workloadHours += row.workloadHours;
    tierReach += row.reach;
    missedReach += logReach;
    missedPersuasion += logPersuasion;
    return row;
  });
  const reach = audience * -Math.expm1(missedReach);
  const conversions = audience * -Math.expm1(missedPersuasion);
  const revenue = conversions * conversionValue;
  return {
    label: { en: "Your mix", fr: "Votre mix" },
    kind: "mix",
    tier: null,
    influencers,
    spend,
    feeSpend,
    teamSpend,
    unspent: Math.max(budget - spend, 0),
    impressions,
    reach,
    reachShare: reach / audience,
    overlap: Math.max(tierReach - reach, 0),
    frequency: ratio(impressions, reach),
    engagements,
    conversions,
    revenue,
    roi: ratio(revenue - spend, spend),
    costPerThousandReached: ratio(spend * 1000, reach),
    costPerEngagement: ratio(spend, engagements),
    costPerConversion: ratio(spend, conversions),
    workloadHours,
    capped: false,
    tiers: rows,
  };
}

/**
 * The largest relative difference between two answers of the same shape, or Infinity when
 * their shapes, texts or nulls differ: what the bench and the test hold to 1e-9.
 */
export function relativeDifference(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return 0;
    return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Object.is(a, b) ? 0 : Infinity;
  const keys = Object.keys(a);
  if (keys.join() !== Object.keys(b).join()) return Infinity;
  return Math.max(0, ...keys.map((key) => relativeDifference(a[key], b[key])));
}

/** Scenarios both are checked on: the default, other schemes, budgets, globals, overrides and a mix of counts. */
export const SCENARIOS = [
  {},
  { budget: 20_000 },
  { budget: 5_000, scheme: "traackr", mix: { shares: { nano: 0.2, micro: 0.3, mid: 0.1, macro: 0.4 } } },
  { budget: 500_000, scheme: "imh", audience: 2e7, postsPerInfluencer: 3, hourlyCost: 80, conversionValue: 12 },
  { budget: 30_000, scheme: "hypeauditor", overrides: { "*": { realShare: 0.6 }, maven: { fee: 900, typicalFollowers: 400_000 } } },
  { budget: 12_000, mix: { counts: { nano: 40, micro: 10 } }, overrides: { micro: { persuasion: { typical: 0.02 }, concentration: 2 } } },
  { budget: 8_000, scheme: { tiers: [{ id: "small", minFollowers: 50 }, { id: "big", minFollowers: 80_000 }] }, postsPerInfluencer: 2 },
];

/**
 * ns per call of `engine(scenario)` and `plain(scenario)`, timed in alternating batches so both
 * see the same load; the medians of `rounds` batches of `calls` calls each. Runs in Node and in
 * the browser alike (bench-boundary.mjs). Every answer is kept until its batch ends, as a page
 * keeps what it shows, so neither side's garbage is left uncollected in the other's batch.
 */
export function sideBySide(engine, plain, scenario, { rounds = 41, calls = 2000 } = {}) {
  const kept = new Array(calls);
  const batch = (evaluate) => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) kept[i] = evaluate(scenario);
    return ((performance.now() - start) * 1e6) / calls;
  };
  for (let i = 0; i < 5; i++) batch(engine), batch(plain);
  const times = { engine: [], plain: [] };
  for (let i = 0; i < rounds; i++) {
    // Alternating which goes first, so neither always pays for the other's garbage.
    if (i % 2) times.plain.push(batch(plain)), times.engine.push(batch(engine));
    else times.engine.push(batch(engine)), times.plain.push(batch(plain));
  }
  const median = (list) => list.sort((a, b) => a - b)[list.length >> 1];
  return { engine: median(times.engine), plain: median(times.plain) };
}
