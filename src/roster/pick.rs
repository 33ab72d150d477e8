//! The best subset of real candidates under a budget, for the optimiser's objectives and
//! limits (MODEL §4 applied to §6).
//!
//! Every objective is a concave function of a few sums over the chosen candidates — each
//! tier's exposures `X_t` and persuaded exposures `Y_t` (the candidates' in-target followers
//! who see a post, and whom one persuades, per person of the audience: MODEL §7; reach
//! `A·(1 − Π (1 + X_t/k_t)^−k_t)` is concave in them), engagements and spend. So the tangent at any point bounds the
//! objective from above by a linear function of the choice, and the best fractional choice
//! under the budget (a greedy fill by value per euro, exact for fractions) bounds that. A
//! depth-first branch and bound over the candidates, ordered by value per euro, uses this bound
//! to prove the optimum; when its work budget runs out on a large roster it keeps the best
//! subset found, and the bound at that subset proves how far from the optimum it can be.

use crate::assumptions::Quantity;
use crate::error::{Error, Result};
use crate::goal::{Goal, Objective, Weights};
use crate::input;
use crate::model::{self, Outcome, TierEconomics};
use crate::scenario::Scenario;
use crate::sources::Label;
use serde::Serialize;

use super::candidate_value;

/// Bound evaluations the search may spend, counted in candidates scanned: about 30 ms in the
/// browser, so a pick recomputes as inputs change.
const WORK_LIMIT: u64 = 4_000_000;
/// What one node of the search costs besides its fill, in candidates scanned (measured: a fill
/// that stops after a few candidates leaves the node's own work the larger part).
const NODE_WORK: u64 = 24;
/// A plan that costs a hair more than the budget through rounding is within it.
const MONEY_SLACK: f64 = 1e-12;

/// A candidate as `pickRoster` reads it: what `parseRoster` returned, possibly edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub line: u32,
    pub handle: String,
    pub followers: f64,
    /// `None`: estimate from the curve, under the scenario's overrides.
    pub fee: Option<f64>,
    pub engagement_rate: Option<f64>,
    /// `None`: the tier's audience fit, under the scenario's overrides.
    pub audience_fit: Option<f64>,
}

impl Candidate {
    /// Checks one row's values; `path` names the row in messages.
    pub fn new(path: &str, raw: Raw) -> Result<Candidate> {
        let field = |key: &str| input::join(path, key);
        let followers = raw.followers.ok_or_else(|| Error::new(field("followers"), "is missing"))?;
        let followers = crate::tiers::followers(&field("followers"), followers)?;
        if followers == 0 {
            return Err(Error::new(field("followers"), "must be at least 1").got_number(0.0));
        }
        let fee = raw.fee.map(|fee| input::finite_in(&field("fee"), fee, &input::FEE)).transpose()?;
        let engagement_rate =
            raw.engagement_rate.map(|rate| input::finite_in(&field("engagementRate"), rate, &input::SHARE)).transpose()?;
        let audience_fit = raw.audience_fit.map(|fit| input::finite_in(&field("audienceFit"), fit, &input::SHARE)).transpose()?;
        let line = raw.line.map(|line| input::whole_in(&field("line"), line, 0, u64::from(u32::MAX))).transpose()?;
        Ok(Candidate {
            line: line.unwrap_or(0) as u32,
            // The binding copies each chosen row's handle from the roster itself.
            handle: String::new(),
            followers: followers as f64,
            fee,
            engagement_rate,
            audience_fit,
        })
    }
}

/// A row's numbers as given: `None` for absent (or estimated, so estimated again).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Raw {
    pub line: Option<f64>,
    pub followers: Option<f64>,
    pub fee: Option<f64>,
    pub engagement_rate: Option<f64>,
    pub audience_fit: Option<f64>,
}

/// What one candidate costs and delivers under a scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Item {
    /// Position in the caller's list.
    index: usize,
    tier: usize,
    cost: f64,
    hours: f64,
    engagements: f64,
    /// In-target real followers who see a post, and those whom one persuades (see
    /// `TierEconomics`); the rest of its economics, for the outcome, is in `Problem::economics`.
    reached: f64,
    persuaded: f64,
}

/// Each tier's totals over a choice, plus the whole choice's.
#[derive(Debug, Clone, PartialEq)]
struct Sums {
    exposures: Vec<f64>,
    persuaded: Vec<f64>,
    counts: Vec<u32>,
    spends: Vec<f64>,
    engagements: f64,
    cost: f64,
    hours: f64,
}

impl Sums {
    fn empty(tiers: usize) -> Sums {
        Sums {
            exposures: vec![0.0; tiers],
            persuaded: vec![0.0; tiers],
            counts: vec![0; tiers],
            spends: vec![0.0; tiers],
            engagements: 0.0,
            cost: 0.0,
            hours: 0.0,
        }
    }

    fn add(&mut self, item: &Item, audience: f64, sign: f64) {
        let t = item.tier;
        if let Some(x) = self.exposures.get_mut(t) {
            *x += sign * item.reached / audience;
        }
        if let Some(y) = self.persuaded.get_mut(t) {
            *y += sign * item.persuaded / audience;
        }
        if let Some(n) = self.counts.get_mut(t) {
            *n = if sign > 0.0 { n.saturating_add(1) } else { n.saturating_sub(1) };
        }
        if let Some(s) = self.spends.get_mut(t) {
            *s += sign * item.cost;
        }
        self.engagements += sign * item.engagements;
        self.cost += sign * item.cost;
        self.hours += sign * item.hours;
    }
}

/// Per-tier limits in the form the search checks.
#[derive(Debug, Clone, Copy)]
struct Limits {
    min_count: u32,
    max_count: u32,
    min_spend: f64,
    max_spend: f64,
}

impl Limits {
    /// Whether `count` candidates costing `spend` meet the minimums. Sums that went up and
    /// down during the search carry rounding dust, so "at least nothing" is always met.
    fn met(&self, count: u32, spend: f64) -> bool {
        count >= self.min_count && (self.min_spend <= 0.0 || spend >= self.min_spend * (1.0 - MONEY_SLACK))
    }
}

#[derive(Clone)]
struct Problem {
    items: Vec<Item>,
    /// Each item's whole economics, in `items`' order.
    economics: Vec<TierEconomics>,
    shapes: Vec<f64>,
    limits: Vec<Limits>,
    audience: f64,
    value: f64,
    budget: f64,
    max_hours: f64,
    objective: Objective,
    /// The blend's weights `(1−λ)/U*` and `λ/P*`.
    blend: (f64, f64),
}

/// The slopes of the objective at a point: per tier for exposures and persuaded exposures,
/// then engagements and cost.
struct Tangent {
    value: f64,
    d_exposures: Vec<f64>,
    d_persuaded: Vec<f64>,
    d_engagements: f64,
    d_cost: f64,
}

impl Problem {
    fn new(scenario: &Scenario, candidates: &[Candidate], goal: &Goal, objective: Objective) -> Result<(Problem, Vec<usize>)> {
        let tiers = scenario.scheme.tiers.len();
        let mut items = Vec::with_capacity(candidates.len());
        let mut economics = Vec::with_capacity(candidates.len());
        let mut below = Vec::new();
        for (index, c) in candidates.iter().enumerate() {
            let Some(tier) = scenario.scheme.classify(c.followers as u64) else {
                below.push(index);
                continue;
            };
            let Some(a) = scenario.assumptions.get(tier) else { continue };
            // The candidate's own numbers where the file gives them, else the curves at its size
            // under the tier's overrides (for audience fit, which has no curve, the tier's
            // value); within a tier, audiences overlap with the tier's shape.
            // Shares need no clamp: a curve stays within 0…1 at any size, an override within
            // its domain (tested in `tests.rs`).
            let at = |q: Quantity| match q {
                Quantity::TypicalFollowers => c.followers,
                Quantity::Fee => c.fee.unwrap_or_else(|| candidate_value(q, c.followers, a)),
                Quantity::EngagementRate => c.engagement_rate.unwrap_or_else(|| candidate_value(q, c.followers, a)),
                Quantity::AudienceFit => c.audience_fit.unwrap_or_else(|| candidate_value(q, c.followers, a)),
                Quantity::Concentration => a.typical(q),
                _ => candidate_value(q, c.followers, a),
            };
            let e = TierEconomics::of(&at, scenario.posts_per_influencer, scenario.hourly_cost);
            items.push(Item {
                index,
                tier,
                cost: e.unit_cost,
                hours: e.hours,
                engagements: e.engagements,
                reached: e.reached,
                persuaded: e.persuaded,
            });
            economics.push(e);
        }
        let mut limits = Vec::with_capacity(tiers);
        for (index, tier) in scenario.scheme.tiers.iter().enumerate() {
            let goal_limits = goal.limits.get(index).copied().unwrap_or_default();
            let limit = Limits {
                min_count: goal_limits.min_count.unwrap_or(0),
                max_count: goal_limits.max_count.unwrap_or(u32::MAX),
                min_spend: goal_limits.min_spend.unwrap_or(0.0),
                max_spend: goal_limits.max_spend.unwrap_or(f64::INFINITY),
            };
            let available = items.iter().filter(|i| i.tier == index).count() as u32;
            if limit.min_count > available {
                return Err(Error::new(
                    format!("goal.limits.{}.minCount", tier.id),
                    format!("asks for more {} candidates than the roster holds ({available})", tier.id),
                )
                .got_number(f64::from(limit.min_count)));
            }
            limits.push(limit);
        }
        let problem = Problem {
            items,
            economics,
            shapes: scenario.assumptions.iter().map(|a| a.typical(Quantity::Concentration)).collect(),
            limits,
            audience: scenario.audience,
            value: scenario.conversion_value,
            budget: scenario.budget,
            max_hours: goal.max_hours.unwrap_or(f64::INFINITY),
            objective,
            blend: (0.0, 0.0),
        };
        Ok((problem, below))
    }

    fn tiers(&self) -> usize {
        self.shapes.len()
    }

    /// The exposure term `Φ = Σ k ln(1 + x/k)` of exposures `x` per tier (see [`Weights`]).
    fn phi(&self, x: &[f64]) -> f64 {
        self.shapes.iter().zip(x).map(|(&k, &x)| k * libm::log1p(x / k)).sum()
    }

    fn weights(&self) -> Weights {
        self.objective.weights(self.value, self.blend)
    }

    /// `Φ` and `Ψ` of a choice, each only if the objective weighs it: the search evaluates
    /// choices in its inner loop.
    fn terms(&self, weights: &Weights, s: &Sums) -> (f64, f64) {
        let term = |weight: f64, x: &[f64]| if weight == 0.0 { 0.0 } else { self.phi(x) };
        (term(weights.reach, &s.exposures), term(weights.conversions, &s.persuaded))
    }

    fn value_of(&self, s: &Sums) -> f64 {
        let weights = self.weights();
        let (phi, psi) = self.terms(&weights, s);
        weights.value(self.audience, phi, psi, s.engagements, s.cost)
    }

    fn tangent(&self, s: &Sums) -> Tangent {
        let weights = self.weights();
        let (phi, psi) = self.terms(&weights, s);
        let (d_phi, d_psi) = weights.slopes(self.audience, phi, psi);
        // dΦ/dx_t = 1 / (1 + x_t/k_t).
        let spread =
            |slope: f64, x: &[f64]| -> Vec<f64> { self.shapes.iter().zip(x).map(|(&k, &x)| slope / (1.0 + x / k)).collect() };
        Tangent {
            value: self.value_of(s),
            d_exposures: spread(d_phi, &s.exposures),
            d_persuaded: spread(d_psi, &s.persuaded),
            d_engagements: weights.engagements,
            d_cost: weights.cost,
        }
    }

    /// An item's value on the tangent plane.
    fn weight(&self, t: &Tangent, item: &Item) -> f64 {
        let dx = t.d_exposures.get(item.tier).copied().unwrap_or(0.0);
        let dy = t.d_persuaded.get(item.tier).copied().unwrap_or(0.0);
        (dx * item.reached + dy * item.persuaded) / self.audience + t.d_engagements * item.engagements + t.d_cost * item.cost
    }

    /// The tangent plane's value at `s`, relative to the tangent point: `value + slope·(s − point)`.
    fn plane(&self, t: &Tangent, point: &Sums, s: &Sums) -> f64 {
        let mut v = t.value + t.d_engagements * (s.engagements - point.engagements) + t.d_cost * (s.cost - point.cost);
        for tier in 0..self.tiers() {
            let get = |v: &Vec<f64>| v.get(tier).copied().unwrap_or(0.0);
            v += get(&t.d_exposures) * (get(&s.exposures) - get(&point.exposures));
            v += get(&t.d_persuaded) * (get(&s.persuaded) - get(&point.persuaded));
        }
        v
    }

    fn fits(&self, s: &Sums, item: &Item) -> bool {
        let Some(limit) = self.limits.get(item.tier) else { return false };
        let count = s.counts.get(item.tier).copied().unwrap_or(0);
        let spend = s.spends.get(item.tier).copied().unwrap_or(0.0);
        s.cost + item.cost <= self.budget * (1.0 + MONEY_SLACK)
            && s.hours + item.hours <= self.max_hours * (1.0 + MONEY_SLACK)
            && count < limit.max_count
            && spend + item.cost <= limit.max_spend * (1.0 + MONEY_SLACK)
    }

    fn meets_minimums(&self, s: &Sums) -> bool {
        self.limits
            .iter()
            .enumerate()
            .all(|(t, limit)| limit.met(s.counts.get(t).copied().unwrap_or(0), s.spends.get(t).copied().unwrap_or(0.0)))
    }

    /// Items in decreasing value per euro on the tangent plane; free items first.
    fn order(&self, t: &Tangent) -> Vec<(f64, usize)> {
        let mut order: Vec<(f64, usize)> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let w = self.weight(t, item);
                let ratio = if item.cost > 0.0 {
                    w / item.cost
                } else if w > 0.0 {
                    f64::INFINITY
                } else {
                    w
                };
                (ratio, i)
            })
            .collect();
        crate::sort::sort_by(&mut order, |a, b| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1));
        order
    }

    /// A good first choice: the minimums, then every candidate that still fits and still helps,
    /// best value per euro first at the tangent of `point`.
    fn greedy(&self, point: &Sums) -> Option<(Sums, Vec<bool>)> {
        let tangent = self.tangent(point);
        let order = self.order(&tangent);
        let mut s = Sums::empty(self.tiers());
        let mut chosen = vec![false; self.items.len()];
        for (tier, limit) in self.limits.iter().enumerate() {
            for &(_, i) in &order {
                let (Some(item), Some(taken)) = (self.items.get(i), chosen.get(i).copied()) else { continue };
                let count = s.counts.get(tier).copied().unwrap_or(0);
                let spend = s.spends.get(tier).copied().unwrap_or(0.0);
                if item.tier != tier || taken || limit.met(count, spend) {
                    continue;
                }
                if self.fits(&s, item) {
                    s.add(item, self.audience, 1.0);
                    if let Some(slot) = chosen.get_mut(i) {
                        *slot = true;
                    }
                }
            }
        }
        if !self.meets_minimums(&s) {
            return None;
        }
        let mut value = self.value_of(&s);
        for &(ratio, i) in &order {
            let (Some(item), Some(taken)) = (self.items.get(i), chosen.get(i).copied()) else { continue };
            if taken || ratio <= 0.0 || !self.fits(&s, item) {
                continue;
            }
            s.add(item, self.audience, 1.0);
            let next = self.value_of(&s);
            if next > value || (next == value && self.objective != Objective::NetValue && item.cost == 0.0) {
                value = next;
                if let Some(slot) = chosen.get_mut(i) {
                    *slot = true;
                }
            } else {
                s.add(item, self.audience, -1.0);
            }
        }
        Some((s, chosen))
    }

    /// The best fractional fill of `order[from..]` on the tangent plane: within the money left
    /// and each tier's spend cap (a tier's count cap counts as the spend of its dearest free
    /// candidates). Greedy by value per euro is optimal for these nested money limits.
    fn fill(&self, t: &Tangent, order: &[(f64, usize)], from: usize, s: &Sums, caps: &mut [f64], work: &mut u64) -> f64 {
        let mut money = self.budget * (1.0 + MONEY_SLACK) - s.cost;
        for (tier, cap) in caps.iter_mut().enumerate() {
            let limit = self.limits.get(tier).map_or(f64::INFINITY, |l| l.max_spend * (1.0 + MONEY_SLACK));
            *cap = limit - s.spends.get(tier).copied().unwrap_or(0.0);
        }
        let mut gain = 0.0;
        for &(ratio, i) in order.get(from..).unwrap_or_default() {
            *work += 1;
            if ratio <= 0.0 {
                break;
            }
            let Some(item) = self.items.get(i) else { continue };
            let Some(cap) = caps.get_mut(item.tier) else { continue };
            if item.cost <= 0.0 {
                gain += self.weight(t, item);
                continue;
            }
            let room = money.min(*cap);
            if room <= 0.0 {
                if money <= 0.0 {
                    break;
                }
                continue;
            }
            let fraction = (room / item.cost).min(1.0);
            gain += fraction * ratio * item.cost;
            money -= fraction * item.cost;
            *cap -= fraction * item.cost;
        }
        gain
    }

    /// The bound of the whole problem at tangent point `point`.
    fn root_bound(&self, point: &Sums) -> f64 {
        let t = self.tangent(point);
        let order = self.order(&t);
        let empty = Sums::empty(self.tiers());
        let mut caps = vec![0.0; self.tiers()];
        let mut work = 0;
        self.plane(&t, point, &empty) + self.fill(&t, &order, 0, &empty, &mut caps, &mut work)
    }
}

/// What the search found.
struct Found {
    sums: Sums,
    chosen: Vec<bool>,
    value: f64,
    exact: bool,
    upper_bound: f64,
}

fn solve(problem: &Problem) -> Result<Found> {
    let tiers = problem.tiers();
    // The tangent point moves to each greedy choice in turn: a few rounds settle it.
    let mut best: Option<(Sums, Vec<bool>, f64)> = None;
    let mut point = Sums::empty(tiers);
    for _ in 0..4 {
        let Some((s, chosen)) = problem.greedy(&point) else {
            return Err(Error::new(
                "goal.limits",
                "cannot all be met by this roster within the budget and hours: lower a minimum or raise the budget",
            ));
        };
        let value = problem.value_of(&s);
        if best.as_ref().is_none_or(|b| value > b.2) {
            best = Some((s.clone(), chosen, value));
        }
        if s == point {
            break;
        }
        point = s;
    }
    let Some((sums, chosen, value)) = best else { return Err(Error::new("roster", "holds no candidate")) };
    let mut found = Found { upper_bound: f64::INFINITY, sums, chosen, value, exact: false };
    search(problem, &mut found);
    let bound = if found.exact { found.value } else { problem.root_bound(&found.sums).max(found.value) };
    found.upper_bound = bound;
    Ok(found)
}

/// Depth-first branch and bound over the candidates in value-per-euro order at the tangent of
/// the best choice so far, taking a candidate before leaving it out.
fn search(problem: &Problem, found: &mut Found) {
    let tangent = problem.tangent(&found.sums);
    let point = found.sums.clone();
    let order = problem.order(&tangent);
    let n = order.len();
    let tiers = problem.tiers();
    // What each tier can still add from position d on, to give up early on unmeetable minimums.
    let mut left_count = vec![0u32; (n + 1) * tiers];
    let mut left_spend = vec![0.0f64; (n + 1) * tiers];
    for d in (0..n).rev() {
        for t in 0..tiers {
            let (Some(&c), Some(&m)) = (left_count.get((d + 1) * tiers + t), left_spend.get((d + 1) * tiers + t)) else {
                continue;
            };
            let item = order.get(d).and_then(|&(_, i)| problem.items.get(i)).filter(|item| item.tier == t);
            if let (Some(slot_c), Some(slot_m)) = (left_count.get_mut(d * tiers + t), left_spend.get_mut(d * tiers + t)) {
                *slot_c = c + u32::from(item.is_some());
                *slot_m = m + item.map_or(0.0, |i| i.cost);
            }
        }
    }
    let reachable = |s: &Sums, d: usize| {
        problem.limits.iter().enumerate().all(|(t, limit)| {
            let count = s.counts.get(t).copied().unwrap_or(0) + left_count.get(d * tiers + t).copied().unwrap_or(0);
            let spend = s.spends.get(t).copied().unwrap_or(0.0) + left_spend.get(d * tiers + t).copied().unwrap_or(0.0);
            limit.met(count, spend)
        })
    };
    let mut caps = vec![0.0; tiers];
    let mut work: u64 = 0;
    let mut s = Sums::empty(tiers);
    let mut taken = vec![false; n];
    // The path: at each depth, whether the "leave it out" branch is still to do.
    let mut stack: Vec<bool> = Vec::with_capacity(n);
    let mut depth = 0usize;
    loop {
        // Descend: evaluate the node at `depth` with `s` holding the choices above it.
        // A node costs more than the candidates its fill scans (the plane, the limits, the
        // value): counted too, or a search whose fills stop early runs for seconds.
        work += NODE_WORK + tiers as u64;
        let bound = problem.plane(&tangent, &point, &s) + problem.fill(&tangent, &order, depth, &s, &mut caps, &mut work);
        let promising = bound > found.value + found.value.abs() * 1e-12 + 1e-9 && reachable(&s, depth);
        if promising && problem.meets_minimums(&s) {
            let value = problem.value_of(&s);
            if value > found.value {
                found.value = value;
                found.sums = s.clone();
                found.chosen = vec![false; problem.items.len()];
                for (d, &(_, i)) in order.iter().enumerate() {
                    if taken.get(d).copied().unwrap_or(false) {
                        if let Some(slot) = found.chosen.get_mut(i) {
                            *slot = true;
                        }
                    }
                }
            }
        }
        if work > WORK_LIMIT {
            return;
        }
        let item = order.get(depth).and_then(|&(_, i)| problem.items.get(i));
        match item {
            Some(item) if promising => {
                if problem.fits(&s, item) {
                    s.add(item, problem.audience, 1.0);
                    if let Some(slot) = taken.get_mut(depth) {
                        *slot = true;
                    }
                    stack.push(true);
                } else {
                    stack.push(false);
                }
                depth += 1;
                continue;
            }
            _ => {}
        }
        // Backtrack to the deepest depth whose "leave it out" branch is still to do.
        loop {
            let Some(pending) = stack.pop() else {
                found.exact = true;
                return;
            };
            depth -= 1;
            if pending {
                if let (Some(slot), Some(item)) = (taken.get_mut(depth), order.get(depth).and_then(|&(_, i)| problem.items.get(i)))
                {
                    *slot = false;
                    s.add(item, problem.audience, -1.0);
                }
                stack.push(false);
                depth += 1;
                break;
            }
        }
    }
}

/// One chosen candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chosen {
    /// Position in the roster passed in.
    pub index: usize,
    pub line: u32,
    pub handle: String,
    pub tier: String,
    pub followers: f64,
    /// Fees for every post plus the team's time.
    pub cost: f64,
    pub hours: f64,
}

/// The best subset and how sure we are that it is the best.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pick {
    pub rows: Vec<Chosen>,
    pub outcome: Outcome,
    pub objective: &'static str,
    /// The objective's value for the chosen subset.
    pub value: f64,
    /// No subset can score more than this (proven); equal to `value` when `exact`.
    pub upper_bound: f64,
    /// `(upperBound − value) / upperBound`: how far from the optimum the pick can be, at most.
    pub gap: f64,
    /// True when the search proved this is the best subset.
    pub exact: bool,
    /// Candidates that could be picked (those below every tier cannot).
    pub candidates: usize,
    /// Positions of the candidates below every tier of the scheme.
    pub below_tiers: Vec<usize>,
}

/// The chosen candidates and their outcome, tier by tier: within a tier the candidates'
/// audiences overlap with the tier's concentration, across tiers independently, as in the
/// tier model.
fn describe(scenario: &Scenario, candidates: &[Candidate], problem: &Problem, chosen: &[bool]) -> (Vec<Chosen>, Outcome) {
    let mut totals = vec![TierEconomics::default(); problem.tiers()];
    let mut members = vec![0u32; problem.tiers()];
    let mut rows = Vec::new();
    for ((item, economics), _) in problem.items.iter().zip(&problem.economics).zip(chosen).filter(|(_, &c)| c) {
        let (Some(total), Some(count)) = (totals.get_mut(item.tier), members.get_mut(item.tier)) else { continue };
        *count += 1;
        *total = total.plus(economics);
        if let (Some(c), Some(tier)) = (candidates.get(item.index), scenario.scheme.tiers.get(item.tier)) {
            rows.push(Chosen {
                index: item.index,
                line: c.line,
                handle: c.handle.clone(),
                tier: tier.id.to_string(),
                followers: c.followers,
                cost: item.cost,
                hours: item.hours,
            });
        }
    }
    for (total, &k) in totals.iter_mut().zip(&problem.shapes) {
        total.concentration = k;
    }
    let label = Label::fixed("Best from your roster", "Le meilleur de votre liste");
    (rows, model::outcome_for_groups(scenario, &totals, &members, label, model::OutcomeKind::Roster))
}

/// The outcome of hiring the candidates at the positions in `chosen`, whatever the budget:
/// to judge a hand-made selection, and to test the search against every subset.
pub fn evaluate(scenario: &Scenario, candidates: &[Candidate], chosen: &[usize]) -> Result<Outcome> {
    let goal = Goal::new(Objective::Conversions, scenario.scheme.tiers.len());
    let (problem, _) = Problem::new(scenario, candidates, &goal, Objective::Conversions)?;
    let mut flags = vec![false; problem.items.len()];
    for (slot, item) in flags.iter_mut().zip(&problem.items) {
        *slot = chosen.contains(&item.index);
    }
    let (_, mut outcome) = describe(scenario, candidates, &problem, &flags);
    outcome.label = Label::fixed("Your selection", "Votre sélection");
    Ok(outcome)
}

/// The best subset of `candidates` for `goal` under the scenario's budget.
pub fn pick(scenario: &Scenario, candidates: &[Candidate], goal: &Goal) -> Result<Pick> {
    let (mut problem, below) = Problem::new(scenario, candidates, goal, goal.objective)?;
    if goal.objective == Objective::Blend {
        // The same candidates and limits, each objective alone: only the objective differs.
        let best = |objective: Objective| -> Result<f64> { Ok(solve(&Problem { objective, ..problem.clone() })?.value) };
        problem.blend = goal.blend_weights(best(Objective::Reach)?, best(Objective::Conversions)?);
    }
    let found = solve(&problem)?;
    let (rows, mut outcome) = describe(scenario, candidates, &problem, &found.chosen);
    outcome.exact = Some(found.exact);
    outcome.lambda = (goal.objective == Objective::Blend).then_some(goal.lambda);
    let gap = if found.upper_bound > 0.0 { ((found.upper_bound - found.value) / found.upper_bound).max(0.0) } else { 0.0 };
    Ok(Pick {
        rows,
        outcome,
        objective: goal.objective.id(),
        value: found.value,
        upper_bound: found.upper_bound,
        gap,
        exact: found.exact,
        candidates: problem.items.len(),
        below_tiers: below,
    })
}
