//! How sure are we (MODEL §5): a seeded Monte Carlo over every assumption's low / typical /
//! high range, with the same draws for every compared mix (common random numbers).
//!
//! # The distribution
//! Each range is read as a *split log-triangular* distribution: the typical value — the figure
//! the sources quote — is the median; below it and above it, each with probability ½, the
//! distance from the typical value in log scale has a triangular density that peaks at the
//! typical value and vanishes at the bound. Log scale because every quantity here is a rate or
//! a price that varies by factors, not by fixed amounts; triangular because the range is a
//! plausible bound, not a tail; split because sources give a central figure and a spread that
//! is rarely symmetric. Its quantile has a closed form, so widening one bound moves every draw
//! on that side outward and leaves the other side alone. A range that reaches 0 is drawn on a
//! linear scale.
//!
//! # Common random numbers
//! One uniform number per quantity per draw, shared by every tier — a draw is one plausible
//! world where, say, fees run high everywhere — and by every mix, so "mix A beats mix B in 87%
//! of draws" compares the mixes in the same worlds. The follower count of a tier's typical
//! account is not drawn: it defines the plan.
//!
//! Persuasion is drawn through its curve, `p_ref × (f/100,000)^−γ`, with the level `p_ref` and
//! the steepness γ drawn separately (unless the user overrode a tier's persuasion): the
//! question "do small accounts really persuade more?" is γ's uncertainty, which a draw of each
//! tier's value alone would blur.
//!
//! # A fixed budget in every world (MODEL §9)
//! A plan given as shares of the budget — every single-tier mix, a share-based user mix, and
//! the optimum's split of the budget — is re-bought in every world at that world's fees and
//! hours, `n_t = ⌊share_t · B / u_t⌋`: spend never exceeds the budget, and dearer influencers
//! mean fewer of them. A user mix given as counts keeps its counts, so its spend varies.
//!
//! "Beats" and the tornado judge mixes by the goal's own measure: reach, engagements,
//! conversions, net value, or the blend's score (with `U*` and `P*` those of the typical world,
//! a fixed yardstick across worlds).

use crate::assumptions::{self, Quantity, Range, TierAssumptions, QUANTITY_COUNT};
use crate::error::Result;
use crate::goal::{Goal, Objective, Weights};
use crate::input::{self, Object, Value};
use crate::limits::{MAX_COUNT, MAX_DRAWS, MAX_SEED};
use crate::model::{self, Outcome, OutcomeKind, TierEconomics};
use crate::optimize;
use crate::scenario::{Mix, Scenario};
use crate::sources::Label;
use serde::Serialize;

pub mod robustness;

pub const DEFAULT_DRAWS: u32 = 2_000;
pub const DEFAULT_SEED: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    pub draws: u32,
    pub seed: u64,
}

impl Settings {
    pub fn from_value(path: &str, value: Option<&Value>) -> Result<Settings> {
        let mut settings = Settings { draws: DEFAULT_DRAWS, seed: DEFAULT_SEED };
        let Some(value) = value else { return Ok(settings) };
        let object = Object::read(path, value)?;
        object.only(&["draws", "seed"])?;
        if let Some(draws) = object.number("draws")? {
            settings.draws = input::whole_in(&input::join(path, "draws"), draws, 1, u64::from(MAX_DRAWS))? as u32;
        }
        if let Some(seed) = object.number("seed")? {
            settings.seed = input::whole_in(&input::join(path, "seed"), seed, 0, MAX_SEED)?;
        }
        Ok(settings)
    }
}

/// The value at quantile `u` ∈ [0, 1] of a range (see the module documentation).
pub fn quantile(range: Range, u: f64) -> f64 {
    let (bound, share) = if u < 0.5 { (range.low, 2.0 * u) } else { (range.high, 2.0 * (1.0 - u)) };
    // Distance from the typical value, 0 … 1 of the way to the bound; triangular, peaking at 0.
    let distance = 1.0 - share.max(0.0).sqrt();
    if range.low > 0.0 && range.typical > 0.0 {
        range.typical * libm::exp(distance * libm::log(bound / range.typical))
    } else {
        range.typical + distance * (bound - range.typical)
    }
}

/// P10, P50 and P90 of one output over the draws.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Band {
    /// Percentiles by linear interpolation between order statistics; sorts `values`.
    pub fn of(values: &mut [f64]) -> Band {
        crate::sort::sort_by(values, |a, b| a < b);
        let at = |q: f64| {
            let position = q * (values.len().saturating_sub(1)) as f64;
            let below = position.floor() as usize;
            let (a, b) = (values.get(below).copied().unwrap_or(0.0), values.get(below + 1).copied());
            b.map_or(a, |b| a + (b - a) * (position - below as f64))
        };
        Band { p10: at(0.1), p50: at(0.5), p90: at(0.9) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MixBands {
    pub label: Label,
    pub kind: OutcomeKind,
    pub tier: Option<String>,
    pub spend: Band,
    pub reach: Band,
    pub engagements: Band,
    pub conversions: Band,
    /// The goal's own measure (see [`Beats::measure`]).
    pub goal: Band,
    /// `None` when some draw has nothing spent (ROI undefined).
    pub roi: Option<Band>,
    /// `None` when some draw has no conversion.
    pub cost_per_conversion: Option<Band>,
}

/// `beats[i][j]`: the share of draws in which mix i does better than mix j, ties counting
/// half — so a mix against itself is exactly 0.5, and `beats[i][j] + beats[j][i] = 1`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Beats {
    pub conversions: Vec<Vec<f64>>,
    pub reach: Vec<Vec<f64>>,
    /// On the goal's own measure, named by `measure`.
    pub goal: Vec<Vec<f64>>,
    /// `reach`, `engagements`, `conversions`, `netValue` or `blend` (the blend's score).
    pub measure: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Simulation {
    pub draws: u32,
    pub seed: u64,
    pub mixes: Vec<MixBands>,
    pub beats: Beats,
    /// Is the best mix still the best when the world is not the typical one?
    pub robustness: robustness::Robustness,
}

/// How a compared mix is bought in each world.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Shares of the budget, re-bought at each world's prices.
    Shares(Vec<f64>),
    /// The caller's own counts, kept whatever they cost.
    Counts(Vec<u32>),
}

impl Plan {
    /// The plan behind one of `compare`'s outcomes.
    pub fn of(scenario: &Scenario, outcome: &Outcome) -> Plan {
        match (outcome.kind, &scenario.mix) {
            (OutcomeKind::Mix, Mix::Counts(_)) => Plan::Counts(outcome.tiers.iter().map(|t| t.influencers).collect()),
            (OutcomeKind::Mix, Mix::Shares(shares)) => Plan::Shares(shares.clone()),
            _ if outcome.kind == OutcomeKind::Single => Plan::Shares(
                scenario.scheme.tiers.iter().map(|t| f64::from(outcome.tier.as_deref() == Some(t.id.as_ref()))).collect(),
            ),
            // The optimum's split of the budget. What it leaves is the rounding of whole
            // influencers, re-bought in each world, except for net value, which may leave money
            // on purpose; a zero budget splits nothing.
            _ => {
                let whole = if scenario.goal.objective == Objective::NetValue { scenario.budget } else { outcome.spend };
                Plan::Shares(outcome.tiers.iter().map(|t| if whole > 0.0 { t.spend / whole } else { 0.0 }).collect())
            }
        }
    }

    /// Its counts at `tiers`' prices.
    pub fn counts(&self, scenario: &Scenario, tiers: &[TierEconomics]) -> Result<Vec<u32>> {
        match self {
            Plan::Counts(counts) => Ok(counts.clone()),
            Plan::Shares(shares) => Ok(model::counts_for_shares(scenario, tiers, shares, true)?.counts),
        }
    }

    /// Its counts at `tiers`' prices if influencers could be bought in fractions (as many as
    /// [`counts`](Plan::counts) would buy before rounding down), for searches that need every
    /// measure to move smoothly.
    pub fn fractional_counts(&self, scenario: &Scenario, tiers: &[TierEconomics]) -> Vec<f64> {
        match self {
            Plan::Counts(counts) => counts.iter().map(|&n| f64::from(n)).collect(),
            Plan::Shares(shares) => tiers
                .iter()
                .zip(shares)
                .map(|(t, &share)| {
                    let allotted = share * scenario.budget;
                    if allotted <= 0.0 {
                        0.0
                    } else if t.unit_cost > 0.0 {
                        (allotted / t.unit_cost).min(MAX_COUNT as f64)
                    } else {
                        MAX_COUNT as f64
                    }
                })
                .collect(),
        }
    }
}

/// How the goal judges a plan's totals: its objective's weights, the blend's scaled by the
/// typical world's best reach and best conversions.
pub fn goal_weights(scenario: &Scenario) -> Result<Weights> {
    let goal = &scenario.goal;
    let blend = if goal.objective == Objective::Blend {
        let best = |objective: Objective| optimize::optimize(scenario, &Goal { objective, ..goal.clone() });
        goal.blend_weights(best(Objective::Reach)?.reach, best(Objective::Conversions)?.conversions)
    } else {
        (0.0, 0.0)
    };
    Ok(goal.objective.weights(scenario.conversion_value, blend))
}

/// The goal's measure of one draw's totals.
pub fn score(weights: &Weights, draw: &Draw) -> f64 {
    weights.total(draw.reach, draw.conversions, draw.engagements, draw.spend)
}

/// One plausible world: a quantile per quantity, shared by every tier, and one for γ.
#[derive(Clone, Copy)]
struct World {
    quantiles: [f64; QUANTITY_COUNT],
    steepness: f64,
}

impl World {
    const TYPICAL: World = World { quantiles: [0.5; QUANTITY_COUNT], steepness: 0.5 };
}

/// Every tier's economics in one world.
fn draw_economics(scenario: &Scenario, world: &World) -> Vec<TierEconomics> {
    scenario
        .assumptions
        .iter()
        .map(|a| TierEconomics::new(&in_world(a, world), scenario.posts_per_influencer, scenario.hourly_cost))
        .collect()
}

fn in_world(a: &TierAssumptions, world: &World) -> TierAssumptions {
    let followers = a.typical(Quantity::TypicalFollowers);
    let curve_persuasion = !a.is_overridden(Quantity::Persuasion);
    a.map(|quantity, range| {
        let u = world.quantiles.get(quantity as usize).copied().unwrap_or(0.5);
        match quantity {
            Quantity::TypicalFollowers => range,
            Quantity::Persuasion if curve_persuasion => Range::fixed(assumptions::persuasion(
                followers,
                quantile(assumptions::PERSUASION_AT_100K, u),
                quantile(assumptions::persuasion_gamma(), world.steepness),
            )),
            _ => Range::fixed(quantile(range, u)),
        }
    })
}

/// One draw's outputs for a plan.
#[derive(Debug, Clone, Copy, Default)]
pub struct Draw {
    pub spend: f64,
    pub reach: f64,
    pub engagements: f64,
    pub conversions: f64,
}

pub fn run(scenario: &Scenario, tiers: &[TierEconomics], counts: &[u32]) -> Draw {
    totals(scenario, tiers, counts.iter().map(|&n| f64::from(n)))
}

/// [`run`] for counts that may be fractions.
pub fn totals(scenario: &Scenario, tiers: &[TierEconomics], counts: impl Iterator<Item = f64> + Clone) -> Draw {
    let mut draw = Draw::default();
    for (t, n) in tiers.iter().zip(counts.clone()) {
        draw.spend += n * t.unit_cost;
        draw.engagements += n * t.engagements;
    }
    draw.reach = model::people_of(tiers, counts.clone(), scenario.audience, false);
    draw.conversions = model::people_of(tiers, counts, scenario.audience, true);
    draw
}

/// Every tier's economics in each of the simulation's worlds, in order: seeded, so the same
/// settings give the same worlds on every platform.
pub fn worlds(scenario: &Scenario, settings: Settings) -> impl Iterator<Item = Vec<TierEconomics>> + '_ {
    let mut rng = fastrand::Rng::with_seed(settings.seed);
    (0..settings.draws).map(move |_| {
        let mut world = World::TYPICAL;
        for slot in &mut world.quantiles {
            *slot = rng.f64();
        }
        world.steepness = rng.f64();
        draw_economics(scenario, &world)
    })
}

/// The share of draws in which each mix's measure beats each other's, ties counting half.
fn beats(results: &[Vec<Draw>], measure: impl Fn(&Draw) -> f64) -> Vec<Vec<f64>> {
    results
        .iter()
        .map(|mine| {
            results
                .iter()
                .map(|theirs| {
                    let score: f64 = mine
                        .iter()
                        .zip(theirs)
                        .map(|(a, b)| match measure(a).total_cmp(&measure(b)) {
                            std::cmp::Ordering::Greater => 1.0,
                            std::cmp::Ordering::Equal => 0.5,
                            std::cmp::Ordering::Less => 0.0,
                        })
                        .sum();
                    score / mine.len().max(1) as f64
                })
                .collect()
        })
        .collect()
}

/// Simulates every mix of `compare` (single-tier mixes, the user's mix, the optimum).
pub fn simulate(scenario: &Scenario, settings: Settings) -> Result<Simulation> {
    let outcomes: Vec<Outcome> = crate::compare::compare(scenario)?;
    let plans: Vec<Plan> = outcomes.iter().map(|o| Plan::of(scenario, o)).collect();
    let weights = goal_weights(scenario)?;
    let mut results: Vec<Vec<Draw>> = vec![Vec::with_capacity(settings.draws as usize); plans.len()];
    let mut sampled = robustness::Sampler::new(scenario, &weights, &plans, settings.draws);
    for (index, tiers) in worlds(scenario, settings).enumerate() {
        let mut these = Vec::with_capacity(plans.len());
        let mut optimum = Vec::new();
        for (plan, out) in plans.iter().zip(results.iter_mut()) {
            optimum = plan.counts(scenario, &tiers)?;
            let draw = run(scenario, &tiers, &optimum);
            out.push(draw);
            these.push(draw);
        }
        // The compared mixes end with the optimum, whose counts here start the re-planning.
        sampled.world(index, &tiers, &these, &optimum)?;
    }
    let value = scenario.conversion_value;
    let mixes = outcomes
        .iter()
        .zip(&results)
        .map(|(plan, runs)| {
            let band = |f: &dyn Fn(&Draw) -> f64| Band::of(&mut runs.iter().map(f).collect::<Vec<_>>());
            let ratio_band = |f: &dyn Fn(&Draw) -> Option<f64>| {
                runs.iter().map(f).collect::<Option<Vec<f64>>>().map(|mut values| Band::of(&mut values))
            };
            MixBands {
                label: plan.label.clone(),
                kind: plan.kind,
                tier: plan.tier.clone(),
                spend: band(&|d| d.spend),
                reach: band(&|d| d.reach),
                engagements: band(&|d| d.engagements),
                conversions: band(&|d| d.conversions),
                goal: band(&|d| score(&weights, d)),
                roi: ratio_band(&|d| (d.spend > 0.0).then(|| (d.conversions * value - d.spend) / d.spend)),
                cost_per_conversion: ratio_band(&|d| (d.conversions > 0.0).then(|| d.spend / d.conversions)),
            }
        })
        .collect();
    Ok(Simulation {
        draws: settings.draws,
        seed: settings.seed,
        mixes,
        beats: Beats {
            conversions: beats(&results, |d| d.conversions),
            reach: beats(&results, |d| d.reach),
            goal: beats(&results, |d| score(&weights, d)),
            measure: measure_id(scenario.goal.objective),
        },
        robustness: sampled.finish(&outcomes)?,
    })
}

/// The name of the goal's measure.
pub fn measure_id(objective: Objective) -> &'static str {
    match objective {
        Objective::Blend => "blend",
        other => other.id(),
    }
}

/// What one assumption does to the user's mix when it alone goes to its low or high value.

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Swing {
    pub quantity: &'static str,
    pub low: Effect,
    pub high: Effect,
    /// Every assumption typical: the centre the swings are measured from.
    pub typical: Effect,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Effect {
    pub reach: f64,
    pub engagements: f64,
    pub conversions: f64,
    pub net_value: f64,
    /// The goal's own measure (see [`Beats::measure`]).
    pub goal: f64,
}

/// One-at-a-time sensitivity of the user's mix (a tornado chart's data): each quantity at its
/// low and at its high bound in every tier, everything else typical.
pub fn sensitivity(scenario: &Scenario) -> Result<Vec<Swing>> {
    // A share-based mix is re-bought at each end's prices, as in the simulation.
    let plan = Plan::of(scenario, &model::evaluate(scenario)?);
    let weights = goal_weights(scenario)?;
    let effect = |world: World| -> Result<Effect> {
        let tiers = draw_economics(scenario, &world);
        let draw = run(scenario, &tiers, &plan.counts(scenario, &tiers)?);
        Ok(Effect {
            reach: draw.reach,
            engagements: draw.engagements,
            conversions: draw.conversions,
            net_value: draw.conversions * scenario.conversion_value - draw.spend,
            goal: score(&weights, &draw),
        })
    };
    let typical = effect(World::TYPICAL)?;
    let at = |quantity: Quantity, u: f64| {
        let mut world = World::TYPICAL;
        if let Some(slot) = world.quantiles.get_mut(quantity as usize) {
            *slot = u;
        }
        effect(world)
    };
    let mut swings: Vec<Swing> = Quantity::ALL
        .into_iter()
        // The follower count defines the plan; a quantity no tier is unsure of (the audience fit
        // the user states, 100% until they do) has nothing to swing.
        .filter(|&q| q != Quantity::TypicalFollowers && scenario.assumptions.iter().any(|a| a.range(q).low < a.range(q).high))
        .map(|quantity| Ok(Swing { quantity: quantity.id(), low: at(quantity, 0.0)?, high: at(quantity, 1.0)?, typical }))
        .collect::<Result<_>>()?;
    // How much more small accounts persuade: γ from 0 (size does not matter) to its steepest.
    let steep = |u: f64| effect(World { steepness: u, ..World::TYPICAL });
    swings.push(Swing { quantity: "persuasionGamma", low: steep(0.0)?, high: steep(1.0)?, typical });
    Ok(swings)
}
