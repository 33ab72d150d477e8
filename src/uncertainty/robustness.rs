//! Is the best mix robust (MODEL §9)? In a sample of the simulated worlds, the plan is
//! re-optimised for the goal at that world's prices and rates, and the compared mixes are
//! ranked by the goal's measure there: how often each is the best of them, how the
//! re-optimised plan splits the budget, and how much re-planning would have gained over the
//! typical world's best mix.

use super::{run, score, Band, Draw, Plan};
use crate::error::Result;
use crate::goal::Weights;
use crate::model::{Outcome, OutcomeKind, TierEconomics};
use crate::optimize;
use crate::scenario::Scenario;
use crate::sources::Label;
use serde::Serialize;

/// Worlds re-optimised: 200, spread evenly over the draws (all of them when fewer).
pub const WORLDS: u32 = 200;
/// Work for one world's search: all the worlds together get what one `optimize` may spend, so
/// re-planning costs about one search, whatever the scenario. A world whose proof would take
/// longer keeps the best plan found from the typical best mix re-bought: re-planning's gain is
/// then a lower bound.
const WORK_PER_WORLD: u64 = optimize::WORK_PER_CALL / WORLDS as u64;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Robustness {
    /// Worlds re-optimised.
    pub worlds: u32,
    /// For each compared mix, in `mixes`' order: the share of those worlds in which it is the
    /// best of the compared mixes on the goal's measure, or ties with the best.
    pub best: Vec<MixBest>,
    /// For each tier: its share of the budget in the re-optimised plans.
    pub tiers: Vec<TierShare>,
    /// How much better re-planning in each world does than the typical world's best mix
    /// (re-bought there), relative to the re-planned value: 0 when re-planning gains nothing.
    pub shortfall: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MixBest {
    pub label: Label,
    pub kind: OutcomeKind,
    pub tier: Option<String>,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TierShare {
    pub tier: String,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// The share of worlds whose re-optimised plan puts at least as much of the budget on this
    /// tier as on any other (none when the plan spends nothing).
    pub leading: f64,
}

/// Collects the sampled worlds while the simulation draws them all.
pub struct Sampler<'a> {
    scenario: &'a Scenario,
    weights: &'a Weights,
    stride: usize,
    wanted: u32,
    worlds: u32,
    /// Worlds where the compared mixes were ranked (also those with no plan for the goal).
    ranked: u32,
    best: Vec<f64>,
    shares: Vec<Vec<f64>>,
    leading: Vec<f64>,
    shortfall: Vec<f64>,
}

impl<'a> Sampler<'a> {
    pub fn new(scenario: &'a Scenario, weights: &'a Weights, plans: &[Plan], draws: u32) -> Sampler<'a> {
        let wanted = draws.min(WORLDS);
        let tiers = scenario.scheme.tiers.len();
        Sampler {
            scenario,
            weights,
            stride: (draws / wanted.max(1)).max(1) as usize,
            wanted,
            worlds: 0,
            ranked: 0,
            best: vec![0.0; plans.len()],
            shares: vec![Vec::with_capacity(wanted as usize); tiers],
            leading: vec![0.0; tiers],
            shortfall: Vec::with_capacity(wanted as usize),
        }
    }

    /// Draw `index`'s world (its economics and each compared mix's totals there), if sampled.
    pub fn world(&mut self, index: usize, tiers: &[TierEconomics], mixes: &[Draw], optimum: &[u32]) -> Result<()> {
        if index % self.stride != 0 || self.worlds >= self.wanted {
            return Ok(());
        }
        let scores: Vec<f64> = mixes.iter().map(|d| score(self.weights, d)).collect();
        share_out(&mut self.best, &scores);
        self.ranked += 1;
        // A world where the goal's limits cannot be met (a limit on spend in a tier that costs
        // nothing there) has no plan: it is left out, not an error of the whole simulation.
        let Ok(counts) = optimize::best_counts(self.scenario, tiers, &self.scenario.goal, WORK_PER_WORLD, optimum) else {
            return Ok(());
        };
        self.worlds += 1;
        let budget = self.scenario.budget;
        let spends: Vec<f64> = tiers.iter().zip(&counts).map(|(t, &n)| f64::from(n) * t.unit_cost).collect();
        for (all, spend) in self.shares.iter_mut().zip(&spends) {
            all.push(if budget > 0.0 { spend / budget } else { 0.0 });
        }
        // A plan that spends nothing (net value, when no influencer pays for itself) puts no
        // tier ahead.
        if spends.iter().any(|&spend| spend > 0.0) {
            share_out(&mut self.leading, &spends);
        }
        let replanned = score(self.weights, &run(self.scenario, tiers, &counts));
        // The compared mixes end with the optimum.
        let kept = scores.last().copied().unwrap_or(0.0);
        let gain = if replanned.abs() > 0.0 { (replanned - kept) / replanned.abs() } else { 0.0 };
        self.shortfall.push(gain.max(0.0));
        Ok(())
    }

    pub fn finish(mut self, outcomes: &[Outcome]) -> Result<Robustness> {
        let seen = f64::from(self.worlds.max(1));
        let ranked = f64::from(self.ranked.max(1));
        Ok(Robustness {
            worlds: self.worlds,
            best: outcomes
                .iter()
                .zip(&self.best)
                .map(|(o, &won)| MixBest { label: o.label.clone(), kind: o.kind, tier: o.tier.clone(), share: won / ranked })
                .collect(),
            tiers: self
                .scenario
                .scheme
                .tiers
                .iter()
                .zip(self.shares.iter_mut().zip(&self.leading))
                .map(|(tier, (shares, &led))| {
                    let band = Band::of(shares);
                    TierShare { tier: tier.id.to_string(), p10: band.p10, p50: band.p50, p90: band.p90, leading: led / seen }
                })
                .collect(),
            shortfall: Band::of(&mut self.shortfall),
        })
    }
}

/// Counts a win for the largest of `values` in `tally`, and for each that ties with it: two
/// compared mixes that are the same plan (the best mix is often a single-tier one) are both
/// the best.
fn share_out(tally: &mut [f64], values: &[f64]) {
    let top = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    for (slot, &v) in tally.iter_mut().zip(values) {
        if v == top {
            *slot += 1.0;
        }
    }
}
