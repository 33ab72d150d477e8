//! The optimal mix (MODEL §4): whole numbers of influencers per tier, within the budget, the
//! tier limits and the workload cap, maximising one objective — exactly.
//!
//! # Why the answer is the true integer optimum
//!
//! Every objective is a concave, non-decreasing function `h` of the tiers' summed exposure
//! terms, plus linear terms: reach is `A(1 − e^{−Φ})` with `Φ = Σ_t k_t ln(1 + g_t n_t / k_t)`,
//! conversions the same with `Ψ` (the persuaded instead of the reached), engagements
//! `Σ e_t n_t`, net value `vA(1 − e^{−Ψ}) − Σ u_t n_t`, the blend a positive mix of reach and
//! conversions. Each `k ln(1 + g n / k)` is concave in `n`. With follower-bounded audiences
//! (MODEL §7), `g_t n_t = μ_t (1 − z_t)`: `μ_t = n_t · delivery · F_t / A` is linear in `n_t` and
//! the posts' `1 − z_t` does not depend on it, so `g_t` is a constant per tier and the argument
//! holds unchanged (likewise for `Ψ` with `w_t`).
//!
//! The search is a depth-first branch and bound over the tiers' counts. At a node, some tiers
//! are fixed and the others are free within their limits. Two relaxations give a number no
//! completion of the node can beat:
//! 1. A concave `h` lies below its tangent at any point, so replacing `h` by its tangent at the
//!    best solution found so far turns the objective into a *separable* concave function of
//!    the free counts — an upper bound.
//! 2. Allowing fractional counts and pricing the budget (or the hours) with a multiplier
//!    `μ ≥ 0` (Lagrangian duality) makes every free tier an independent one-dimensional concave
//!    problem; for any `μ` the sum of their maxima plus `μ ×` the budget left bounds the
//!    separable problem from above. The per-tier maxima are solved in closed form, or by
//!    bisection with the residual bounded by the tangent at the bracket (so the bound never
//!    falls below the true maximum).
//!
//! A node is pruned only when that bound cannot beat the best solution found (by more than a
//! relative 1e-12, so flat objectives end quickly), so no solution better than the one returned
//! is ever discarded. The last tier of every branch is set
//! exactly: for a non-decreasing objective, as many as fit; for net value, the floor or ceiling
//! of the closed-form maximiser of a concave function of one variable. With one tier left
//! after a count, the objective with that tier at its fractional best bounds the count; and,
//! the objective being concave in the last tier's count, its tangent there bounds the one
//! whole count the branch would take (`leaf_bound`). Tests compare the result
//! with exhaustive enumeration on every preset scheme and hundreds of random instances.
//!
//! # Bounded work, and a proven gap when it runs out
//!
//! Every search counts its real work ([`Work`]: slopes, values, bisection steps) against a
//! budget, so no call takes long whatever the scenario: [`WORK_PER_CALL`] for `optimize` (and
//! so `compare`), [`WORK_PER_SERIES`] for a whole `frontier` or `responseCurves`, shared out
//! among their solves. Realistic scenarios are proven with a small part of it. Every search
//! first solves the fractional problem (Frank–Wolfe steps, each tangent's relaxation an upper
//! bound; at most an eighth of its work, usually a few hundred units) and starts from its
//! rounded-down plan: with the tangent at a near-optimal plan from the start, huge budgets
//! prune as fast as small ones. One that still runs out returns its best plan with `exact: false` and `gap = (U − value) / U`, where `U` is the
//! least of those bounds and of the relaxation with the tangent at the plan — any tangent of
//! a concave objective bounds it from above, so the optimum is at most `U`.

use crate::assumptions::within;
use crate::error::{Error, Result};
use crate::goal::{Goal, Objective, Weights};
use crate::limits::{MAX_COUNT, MAX_TIERS};
use crate::model::{self, Binding, BudgetLeft, Outcome, OutcomeKind, TierEconomics};
use crate::scenario::{Mix, Scenario};
use crate::sources::Label;
use serde::Serialize;
use std::cell::Cell;

/// The work one `optimize` (and so one `compare`) may spend, in [`Work`] units: the page calls
/// it on every input, on its main thread, so it must answer well within 50 ms whatever the
/// scenario. Calibrated on the wasm module in Node on a 2-core machine, where a unit takes
/// 15–25 ns: the worst scenarios found (12 tiers, budgets up to 10¹², hour caps) take up to
/// about 22 ms of CPU. Realistic scenarios are proven with a small part of it.
pub const WORK_PER_CALL: u64 = 1_000_000;
/// The work a whole `frontier` or `responseCurves` may spend, shared among its solves: at
/// most about 200 ms on a quiet machine, so under 500 ms on a busy one.
pub const WORK_PER_SERIES: u64 = 6_000_000;
/// Relative margin within which two plans count as equally good: a branch that cannot beat
/// the best by more than this is not explored (so "optimal" means within 1e-12 of the best).
const TIE: f64 = 1e-12;
/// Bisection steps: enough to reach floating-point resolution on any range used here.
const BISECTIONS: u32 = 60;
/// Golden-section steps for the share of the hours in a price on both limits: the range
/// shrinks to 10⁻⁵ of itself (a linear objective's bound has sharp corners in the share).
const GOLDEN_STEPS: u32 = 24;
/// Relative slack that absorbs decimal noise in money sums (as in the model).
const MONEY_SLACK: f64 = 1e-12;

/// Which limit stops a tier from going higher (or lower).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cap {
    None,
    MaxCount,
    MaxSpend,
    MinCount,
    MinSpend,
}

impl Cap {
    fn id(self) -> &'static str {
        match self {
            Cap::None => "",
            Cap::MaxCount => "maxCount",
            Cap::MaxSpend => "maxSpend",
            Cap::MinCount => "minCount",
            Cap::MinSpend => "minSpend",
        }
    }
}

/// One tier as the search sees it.
#[derive(Debug, Clone, Copy)]
struct Arm {
    /// Position in the scheme.
    index: usize,
    cost: f64,
    hours: f64,
    engagements: f64,
    /// Exposures per target person per influencer, and the same thinned by persuasion.
    reach_rate: f64,
    persuade_rate: f64,
    shape: f64,
    lo: u32,
    hi: u32,
    lo_cap: Cap,
    hi_cap: Cap,
}

impl Arm {
    fn phi(&self, n: f64) -> f64 {
        exposure(self.shape, self.reach_rate, n)
    }
    fn psi(&self, n: f64) -> f64 {
        exposure(self.shape, self.persuade_rate, n)
    }

    /// `dphi·φ′(x) + dpsi·ψ′(x)`: how fast the exposure terms, so weighted, grow with the count.
    fn exposure_slope(&self, dphi: f64, dpsi: f64, x: f64) -> f64 {
        dphi * self.reach_rate / (1.0 + self.reach_rate * x / self.shape)
            + dpsi * self.persuade_rate / (1.0 + self.persuade_rate * x / self.shape)
    }
}

/// `k ln(1 + r·n/k)`. A rate the objective does not weigh is zero (see `Problem::new`): no
/// logarithm for it, which halves the cost of every plan the search values.
fn exposure(shape: f64, rate: f64, n: f64) -> f64 {
    if rate == 0.0 {
        0.0
    } else {
        shape * libm::log1p(rate * n / shape)
    }
}

/// Running totals of a partial plan.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    phi: f64,
    psi: f64,
    engagements: f64,
    cost: f64,
    hours: f64,
}

impl Sums {
    fn with(self, arm: &Arm, n: u32) -> Sums {
        self.with_fraction(arm, f64::from(n))
    }

    fn with_fraction(self, arm: &Arm, count: f64) -> Sums {
        Sums {
            phi: self.phi + arm.phi(count),
            psi: self.psi + arm.psi(count),
            engagements: self.engagements + count * arm.engagements,
            cost: self.cost + count * arm.cost,
            hours: self.hours + count * arm.hours,
        }
    }
}

/// Slopes of the objective's tangent: `f ≤ constant + dphi·Φ + dpsi·Ψ + dengagements·E − dcost·C`.
#[derive(Debug, Clone, Copy)]
struct Tangent {
    constant: f64,
    dphi: f64,
    dpsi: f64,
    dengagements: f64,
    dcost: f64,
}

impl Tangent {
    /// The tangent's value at the totals `s`.
    // Out of line: inlined at both of its calls in the search, it cost more than the call.
    #[inline(never)]
    fn at(&self, s: &Sums) -> f64 {
        self.constant + self.dphi * s.phi + self.dpsi * s.psi + self.dengagements * s.engagements - self.dcost * s.cost
    }
}

struct Problem {
    arms: Vec<Arm>,
    audience: f64,
    value: f64,
    budget: f64,
    max_hours: f64,
    objective: Objective,
    /// Weights of reach and conversions in the blend: (1−λ)/U*, λ/P*.
    blend: (f64, f64),
    /// A proven upper bound on the objective over every plan, when one is known without a
    /// search (the blend's, from its extremes); infinite otherwise.
    known_upper: f64,
    work: Work,
    /// The fractional problem's upper bound, once a long search has solved it.
    upper: Cell<Option<f64>>,
    /// The share of the hours in the best price on both limits found last (see
    /// `root_relaxation`): the next tangent's, or the next frontier point's, is close to it.
    share: Cell<Option<f64>>,
    /// The last binding price found on the budget alone, and on the hours or a mix of both:
    /// where the next search for one starts.
    money_price: Cell<f64>,
    hours_price: Cell<f64>,
}

/// The search's real work, counted in evaluations of one tier's share of a relaxation (a
/// slope, a value, one bisection step) or of a plan, against a limit. Counting work, not
/// reading a clock, keeps every answer reproducible: the same inputs give the same plan on
/// any machine, however busy.
struct Work {
    spent: Cell<u64>,
    limit: u64,
}

impl Work {
    fn new(limit: u64) -> Work {
        Work { spent: Cell::new(0), limit }
    }

    #[inline(never)]
    fn add(&self, units: usize) {
        self.spent.set(self.spent.get().wrapping_add(units as u64));
    }

    fn exhausted(&self) -> bool {
        self.spent.get() > self.limit
    }
}

/// The work an engine call may spend, handed out to its solves one at a time: each gets an
/// even share of what is left, so work a quick solve did not need goes to the later ones.
struct Allowance {
    left: u64,
    solves: u64,
    used: u64,
}

impl Allowance {
    fn new(total: u64, solves: u64) -> Allowance {
        Allowance { left: total, solves: solves.max(1), used: 0 }
    }

    fn next(&self) -> u64 {
        self.left / self.solves.max(1)
    }

    /// Twice the even share (or all that is left, for the last solve or two): for a series
    /// whose solves start from their neighbour's plan, where a hard one early on must not be
    /// cut short for want of work that easy ones later will not use.
    fn generous(&self) -> u64 {
        self.left / self.solves.div_ceil(2).max(1)
    }

    fn spent(&mut self, work: &Work) {
        self.used = self.used.saturating_add(work.spent.get());
        self.left = self.left.saturating_sub(work.spent.get());
        self.solves = self.solves.saturating_sub(1);
    }
}

struct Best {
    value: f64,
    sums: Sums,
    counts: Vec<u32>,
    found: bool,
    /// The work budget ran out before the search could prove optimality.
    truncated: bool,
    /// How far below the optimum `value` may be, relative to a proven upper bound: 0 when exact.
    gap: f64,
}

impl Best {
    /// The blend's proof, once its weights `(1−λ)/U*` and `λ/P*` come from `reach` and
    /// `conversions`, solved alone. If those stopped early, `U*` and `P*` are short of the true
    /// best by at most their gaps, so each weight is too large by at most a factor `1/(1 − gap)`:
    /// the blend the search maximised lies between the true one and the true one over
    /// `1 − g` (`g` the larger gap among the weights in use), and a plan within `gap` of its
    /// optimum is within `1 − (1 − g)(1 − gap)` of the true blend's optimum.
    fn weighed_by(&mut self, lambda: f64, reach: &Best, conversions: &Best) {
        let mut g: f64 = 0.0;
        if lambda < 1.0 {
            self.truncated |= reach.truncated;
            g = g.max(reach.gap);
        }
        if lambda > 0.0 {
            self.truncated |= conversions.truncated;
            g = g.max(conversions.gap);
        }
        self.gap = 1.0 - (1.0 - g) * (1.0 - self.gap);
    }
}

impl Problem {
    fn new(scenario: &Scenario, economics: &[TierEconomics], goal: &Goal, objective: Objective) -> Result<Problem> {
        let budget = scenario.budget;
        let max_hours = goal.max_hours.unwrap_or(f64::INFINITY);
        let mut arms = Vec::with_capacity(economics.len());
        for ((index, e), tier) in economics.iter().enumerate().zip(&scenario.scheme.tiers) {
            let limits = goal.limits.get(index).copied().unwrap_or_default();
            let field = |key: &str| format!("goal.limits.{}.{key}", tier.id);
            let (mut hi, mut hi_cap) = (MAX_COUNT as f64, Cap::None);
            if let Some(max) = limits.max_count {
                if f64::from(max) < hi {
                    (hi, hi_cap) = (f64::from(max), Cap::MaxCount);
                }
            }
            if let Some(max) = limits.max_spend {
                if e.unit_cost > 0.0 && (max / e.unit_cost * (1.0 + MONEY_SLACK)).floor() < hi {
                    (hi, hi_cap) = ((max / e.unit_cost * (1.0 + MONEY_SLACK)).floor(), Cap::MaxSpend);
                }
            }
            let (mut lo, mut lo_cap) = (0.0, Cap::None);
            if let Some(min) = limits.min_count {
                (lo, lo_cap) = (f64::from(min), Cap::MinCount);
            }
            if let Some(min) = limits.min_spend {
                if min > 0.0 {
                    if e.unit_cost <= 0.0 {
                        return Err(Error::new(field("minSpend"), "cannot be met: this tier costs nothing").got_number(min));
                    }
                    let needed = (min / e.unit_cost * (1.0 - MONEY_SLACK)).ceil();
                    if needed > lo {
                        (lo, lo_cap) = (needed, Cap::MinSpend);
                    }
                }
            }
            if lo > hi {
                return Err(Error::new(
                    format!("goal.limits.{}", tier.id),
                    format!(
                        "conflict: {} asks for at least {} influencers but {} allows at most {}",
                        lo_cap.id(),
                        lo as u64,
                        if hi_cap == Cap::None { "the size limit" } else { hi_cap.id() },
                        hi as u64
                    ),
                ));
            }
            arms.push(Arm {
                index,
                cost: e.unit_cost,
                hours: e.hours,
                engagements: e.engagements,
                // The exposure terms the objective does not weigh are never read: zero rates
                // skip their logarithms.
                reach_rate: if matches!(objective, Objective::Reach | Objective::Blend) {
                    e.reached / scenario.audience
                } else {
                    0.0
                },
                persuade_rate: if matches!(objective, Objective::Reach | Objective::Engagements) {
                    0.0
                } else {
                    e.persuaded / scenario.audience
                },
                shape: e.concentration,
                lo: lo as u32,
                hi: hi as u32,
                lo_cap,
                hi_cap,
            });
        }
        let least = arms.iter().fold(Sums::default(), |s, a| s.with(a, a.lo));
        if least.cost > budget * (1.0 + MONEY_SLACK) {
            return Err(Error::new("goal.limits", "ask for more than the budget: their minimum counts and spends cost")
                .got_number(least.cost));
        }
        if least.hours > max_hours * (1.0 + MONEY_SLACK) {
            return Err(Error::new("goal.maxHours", "is below the hours the minimum counts need").got_number(max_hours));
        }
        // Expensive tiers first: their few possible counts make a narrow top of the tree, and
        // the cheapest tier — the one with most possible counts — is set exactly at the leaves.
        // At most a dozen tiers: an insertion sort is all this needs, and far smaller than the
        // standard library's general-purpose sort in the wasm module.
        for i in 1..arms.len() {
            let mut j = i;
            while j > 0 && arms.get(j - 1).map(|a| a.cost) < arms.get(j).map(|a| a.cost) {
                arms.swap(j - 1, j);
                j -= 1;
            }
        }
        Ok(Problem {
            arms,
            audience: scenario.audience,
            value: scenario.conversion_value,
            budget,
            max_hours,
            objective,
            blend: (0.0, 0.0),
            known_upper: f64::INFINITY,
            work: Work::new(u64::MAX),
            upper: Cell::new(None),
            share: Cell::new(None),
            money_price: Cell::new(0.0),
            hours_price: Cell::new(0.0),
        })
    }

    fn hint(&self, resource: Resource) -> &Cell<f64> {
        if resource.hours > 0.0 {
            &self.hours_price
        } else {
            &self.money_price
        }
    }

    fn weights(&self) -> Weights {
        self.objective.weights(self.value, self.blend)
    }

    fn value_of(&self, s: &Sums) -> f64 {
        self.weights().value(self.audience, s.phi, s.psi, s.engagements, s.cost)
    }

    /// The objective's tangent at the exposure point of `s`.
    fn tangent(&self, s: &Sums) -> Tangent {
        self.work.add(1);
        let weights = self.weights();
        let (dphi, dpsi) = weights.slopes(self.audience, s.phi, s.psi);
        let (dengagements, dcost) = (weights.engagements, -weights.cost);
        let constant = self.value_of(s) - dphi * s.phi - dpsi * s.psi - dengagements * s.engagements + dcost * s.cost;
        Tangent { constant, dphi, dpsi, dengagements, dcost }
    }

    /// An upper bound on `max Σ_free [dphi·φ(x) + dpsi·ψ(x) + (dengagements·e − dcost·u)·x]`
    /// over fractional counts within the tiers' limits, the money left and the hours left;
    /// also the relaxed count of the first free tier, to order its branches. `by_money` is the
    /// money's relaxation if already solved (by the parent node, bounding this child).
    fn relaxation(&self, free: &[Arm], t: &Tangent, money: f64, hours: f64, by_money: Option<(f64, f64)>) -> (f64, f64) {
        let (mut upper, centre) = by_money.unwrap_or_else(|| {
            let relaxed = self.dual(free, t, money, Resource::MONEY);
            (relaxed.upper, relaxed.centre)
        });
        if hours.is_finite() {
            upper = upper.min(self.dual(free, t, hours, Resource::HOURS).upper);
        }
        (upper, centre)
    }

    /// The relaxation for one resource (`price` reads each tier's use of it): an upper bound
    /// from Lagrangian duality, and a lower bound from a feasible fractional point.
    fn dual(&self, free: &[Arm], t: &Tangent, available: f64, resource: Resource) -> Relaxed {
        // The dual value at a price, a valid upper bound for every price ≥ 0; and, where the
        // price makes the point feasible, the relaxed objective there, a lower bound.
        // The dual value at a price (a valid upper bound for every price ≥ 0) and the
        // maximisers behind it.
        let bound = |mu: f64| {
            let mut upper = mu * available;
            let mut xs = [0.0; MAX_TIERS];
            for (arm, slot) in free.iter().zip(xs.iter_mut()) {
                let (v, x) = Piece::new(arm, t, mu * resource.of(arm), &self.work).best();
                upper += v;
                *slot = x;
            }
            (upper, xs)
        };
        // The relaxed objective at a feasible point: a lower bound.
        let value_at = |xs: &[f64; MAX_TIERS]| {
            let lower: f64 = free.iter().zip(xs).map(|(arm, &x)| Piece::new(arm, t, 0.0, &self.work).value(x)).sum();
            lower - 1e-12 * lower.abs()
        };
        match binding_price(free, t, available, resource, &self.work, self.hint(resource)) {
            None => {
                let (upper, xs) = bound(0.0);
                Relaxed { upper, lower: value_at(&xs), centre: xs.first().copied().unwrap_or(f64::NAN), point: xs }
            }
            // Every price gives a valid upper bound: keep the smaller of the bracket's two ends.
            // The high end's point is feasible but may leave some of the resource unused (a
            // linear objective puts every tier at a bound); moving towards the low end's point
            // until the resource is used up stays feasible and in bounds, and is the point the
            // relaxation really picks — a tight lower bound and the right place to branch from.
            Some((low, high)) => {
                let ((a, below), (b, above)) = (bound(low), bound(high));
                let use_of = |xs: &[f64; MAX_TIERS]| free.iter().zip(xs).map(|(arm, &x)| x * resource.of(arm)).sum::<f64>();
                let (over, under) = (use_of(&below), use_of(&above));
                let share = if over > under { within((available - under) / (over - under), 0.0, 1.0) } else { 0.0 };
                let mut xs = above;
                for (x, target) in xs.iter_mut().zip(&below) {
                    *x += share * (target - *x);
                }
                Relaxed { upper: a.min(b), lower: value_at(&xs), centre: xs.first().copied().unwrap_or(f64::NAN), point: xs }
            }
        }
    }

    /// The best plan, searched with at most about `limit` units of work, starting from the
    /// best feasible plan among `seeds` (counts in the search's tier order): a good plan to
    /// beat from the start lets the bounds prune at once. If the best of `seeds` and
    /// `corners` reaches the objective's ceiling, it is optimal and no search is needed.
    fn solve(&mut self, limit: u64, seeds: &[&[u32]], corners: &[&[u32]]) -> Best {
        self.work = Work::new(limit);
        self.upper.set(None);
        if self.known_upper.is_finite() {
            let mut top = self.no_plan();
            for &plan in seeds.iter().chain(corners) {
                self.offer(&mut top, plan);
            }
            if top.found && top.value >= self.known_upper - TIE * (1.0 + self.known_upper.abs()) {
                return top;
            }
        }
        let mut best = self.no_plan();
        for &seed in seeds {
            self.offer(&mut best, seed);
        }
        let mut counts = vec![0; self.arms.len()];
        // Reserve what the tiers after each depth need at least.
        let mut floor_cost = vec![0.0; self.arms.len() + 1];
        let mut floor_hours = vec![0.0; self.arms.len() + 1];
        for (i, arm) in self.arms.iter().enumerate().rev() {
            let next = (floor_cost.get(i + 1).copied().unwrap_or(0.0), floor_hours.get(i + 1).copied().unwrap_or(0.0));
            if let (Some(c), Some(h)) = (floor_cost.get_mut(i), floor_hours.get_mut(i)) {
                *c = next.0 + f64::from(arm.lo) * arm.cost;
                *h = next.1 + f64::from(arm.lo) * arm.hours;
            }
        }
        let floors = Floors { cost: &floor_cost, hours: &floor_hours };
        // A near-optimal plan to beat from the start, from the fractional problem, and the
        // tangent every node's bound is taken with: at the fractional optimum, where the
        // linearised objective is tightest near the plans worth exploring. (At the best plan
        // found instead, a seed far from the optimum, such as a frontier point's neighbour,
        // left bounds too loose to prune for hundreds of thousands of nodes.)
        let tangent = self.start_near_the_fractional_optimum(&mut best, limit / 8);
        self.search(0, Sums::default(), &mut counts, &mut best, &floors, &tangent, None);
        if best.truncated {
            self.bound_gap(&mut best);
        }
        best
    }

    fn no_plan(&self) -> Best {
        Best {
            value: f64::NEG_INFINITY,
            sums: Sums::default(),
            counts: vec![0; self.arms.len()],
            found: false,
            truncated: false,
            gap: 0.0,
        }
    }

    /// Solves the fractional problem with about `limit` work: a proven upper bound, kept for
    /// the gap, and its plan rounded down, which replaces `best` if better. Returns the
    /// objective's tangent at the fractional plan.
    fn start_near_the_fractional_optimum(&self, best: &mut Best, limit: u64) -> Tangent {
        let (upper, x) = self.fractional(limit);
        self.upper.set(Some(upper));
        let rounded: Vec<u32> =
            x.iter().zip(&self.arms).map(|(&v, arm)| within(v.floor(), f64::from(arm.lo), f64::from(arm.hi)) as u32).collect();
        self.offer(best, &rounded);
        self.tangent(&self.sums_at(&x))
    }

    /// The objective's slope at `x + gamma·direction`, along `direction`.
    fn slope_along(&self, x: &[f64; MAX_TIERS], direction: &[f64; MAX_TIERS], gamma: f64) -> f64 {
        let mut y = *x;
        for (v, d) in y.iter_mut().zip(direction) {
            *v += gamma * d;
        }
        let t = self.tangent(&self.sums_at(&y));
        self.arms.iter().zip(&y).zip(direction).map(|((arm, &v), d)| d * Piece::new(arm, &t, 0.0, &self.work).slope(v)).sum()
    }

    /// Makes `counts` (in the search's tier order) the best plan if it is better and feasible:
    /// within every tier's limits, the budget and the hours.
    fn offer(&self, best: &mut Best, counts: &[u32]) {
        let sums = self.arms.iter().zip(counts).fold(Sums::default(), |s, (arm, &n)| s.with(arm, n));
        let value = self.value_of(&sums);
        let within_limits = self.arms.iter().zip(counts).all(|(arm, &n)| (arm.lo..=arm.hi).contains(&n));
        if value > best.value
            && counts.len() == best.counts.len()
            && within_limits
            && sums.cost <= self.budget
            && sums.hours <= self.max_hours
        {
            best.value = value;
            best.sums = sums;
            best.counts.copy_from_slice(counts);
            best.found = true;
        }
    }

    /// The exposures and totals of fractional counts `x` (in the search's tier order).
    fn sums_at(&self, x: &[f64; MAX_TIERS]) -> Sums {
        self.work.add(2 * self.arms.len());
        self.arms.iter().zip(x).fold(Sums::default(), |s, (arm, &n)| s.with_fraction(arm, n))
    }

    /// The fractional problem, all tiers free, by Frank–Wolfe steps: from a feasible point,
    /// the tangent's relaxation gives both an upper bound on the optimum (every tangent does,
    /// the least of them is kept) and a point to move towards, as far along the segment as
    /// the objective still rises and the budget and hours allow. Spends about `limit` work at
    /// most. Returns the least upper bound and the last point, a near-optimal fractional plan
    /// when counts are large — rounded down, a plan to start the search from.
    fn fractional(&self, limit: u64) -> (f64, [f64; MAX_TIERS]) {
        let stop = self.work.spent.get().saturating_add(limit);
        let mut x = [0.0; MAX_TIERS];
        for (slot, arm) in x.iter_mut().zip(&self.arms) {
            *slot = f64::from(arm.lo);
        }
        let mut upper = f64::INFINITY;
        let floor = self.sums_at(&x);
        while self.work.spent.get() < stop {
            let at = self.sums_at(&x);
            let value = self.value_of(&at);
            let tangent = self.tangent(&at);
            let step = self.root_relaxation(&tangent, stop.saturating_sub(self.work.spent.get()));
            upper = upper.min(tangent.constant + step.upper);
            if upper - value <= TIE * (1.0 + value.abs()) {
                break;
            }
            // The relaxation's point may overrun one limit: shrink it towards the minimum
            // counts until it fits both. Then both ends fit, and so does the whole segment.
            let target = self.sums_at(&step.point);
            let mut shrink = 1.0f64;
            for (floor, used, available) in [(floor.cost, target.cost, self.budget), (floor.hours, target.hours, self.max_hours)] {
                if used > available {
                    shrink = shrink.min(((available - floor) / (used - floor)).max(0.0));
                }
            }
            let mut direction = [0.0; MAX_TIERS];
            for (((d, &s), &from), arm) in direction.iter_mut().zip(&step.point).zip(&x).zip(&self.arms) {
                let lo = f64::from(arm.lo);
                *d = lo + shrink * (s - lo) - from;
            }
            // The objective is concave along the segment: bisect its slope for the peak.
            let slope = |gamma: f64| self.slope_along(&x, &direction, gamma);
            // Not rising (or not a number): no step along this segment can help.
            if slope(0.0).partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
                break;
            }
            let (mut low, mut high) = (0.0, 1.0);
            if slope(1.0) >= 0.0 {
                low = 1.0;
            } else {
                for _ in 0..BISECTIONS / 2 {
                    let mid = 0.5 * (low + high);
                    if slope(mid) > 0.0 {
                        low = mid;
                    } else {
                        high = mid;
                    }
                }
            }
            for ((v, d), arm) in x.iter_mut().zip(&direction).zip(&self.arms) {
                *v = within(*v + low * d, f64::from(arm.lo), f64::from(arm.hi));
            }
        }
        (upper, x)
    }

    /// The whole problem's relaxation (all tiers free) under the budget and the hours at once.
    /// A price on each gives a bound, so does any mix of the two limits: the share of the hours
    /// in the mix is searched by golden section (the bound is unimodal in it, the dual being
    /// convex in the two prices), keeping the least bound found. The first search in a problem
    /// runs in full; later ones try the last best share first (the next tangent's, or the next
    /// frontier point's, is close to it), then search for as long as `reserve` work allows (a
    /// search out of work still proves a bound).
    fn root_relaxation(&self, t: &Tangent, reserve: u64) -> Relaxed {
        let stop = self.work.spent.get().saturating_add(reserve);
        let mut least = self.dual(&self.arms, t, self.budget, Resource::MONEY);
        if !(self.max_hours.is_finite() && self.budget > 0.0 && self.max_hours > 0.0) {
            return least;
        }
        let mixed = |share: f64| {
            self.dual(&self.arms, t, 1.0, Resource { money: (1.0 - share) / self.budget, hours: share / self.max_hours })
        };
        let hours = mixed(1.0);
        if let Some(share) = self.share.get() {
            let warm = mixed(share);
            if warm.upper < least.upper {
                least = warm;
            }
            if self.work.spent.get() >= stop {
                return if hours.upper < least.upper { hours } else { least };
            }
        }
        let golden = 0.5 * (libm::sqrt(5.0) - 1.0);
        // Shares in [low, high], with the bounds at the two inner points `(share, bound)`.
        let (mut low, mut high) = (0.0, 1.0);
        let at = |share: f64| (share, mixed(share));
        let (mut left, mut right) = (at(high - golden * (high - low)), at(low + golden * (high - low)));
        let mut best_share = None;
        let mut keep = |(share, relaxed): &(f64, Relaxed)| {
            if relaxed.upper < least.upper {
                least = *relaxed;
                best_share = Some(*share);
            }
        };
        keep(&(1.0, hours));
        let first = self.share.get().is_none();
        for _ in 0..GOLDEN_STEPS {
            if !first && self.work.spent.get() >= stop {
                break;
            }
            keep(&left);
            keep(&right);
            if left.1.upper < right.1.upper {
                high = right.0;
                right = left;
                left = at(high - golden * (high - low));
            } else {
                low = left.0;
                left = right;
                right = at(low + golden * (high - low));
            }
        }
        keep(&left);
        keep(&right);
        // Where the search ended if no mix beat the two limits alone, so it runs in full once.
        self.share.set(Some(best_share.unwrap_or(0.5 * (low + high))));
        least
    }

    /// Proves how far a cut-short search's plan can be from the optimum. The objective lies
    /// below its tangent at the plan, and the whole problem's relaxation bounds that tangent
    /// over every plan (the root of the search, all tiers free): an upper bound `U` on the
    /// optimum, so the plan is within `(U − value) / U` of it. Within the search's tie margin,
    /// that is a proof of optimality after all. The fractional problem's bound, if the search
    /// solved it, may be lower still.
    fn bound_gap(&self, best: &mut Best) {
        let tangent = self.tangent(&best.sums);
        let relaxed = self.root_relaxation(&tangent, self.work.limit / 8).upper;
        let upper = self.upper.get().map_or(f64::INFINITY, |u| u).min(tangent.constant + relaxed);
        let excess = upper - best.value;
        if excess <= TIE * (1.0 + best.value.abs()) {
            best.truncated = false;
            best.gap = 0.0;
        } else {
            best.gap = if upper.abs() > 0.0 { excess / upper.abs() } else { f64::INFINITY };
        }
    }

    /// Explores the node whose first `depth` tiers are fixed (`sums`); `by_money` is its
    /// relaxation on the money left, if its parent solved it to bound it.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        depth: usize,
        sums: Sums,
        counts: &mut [u32],
        best: &mut Best,
        floors: &Floors,
        tangent: &Tangent,
        by_money: Option<(f64, f64)>,
    ) {
        self.work.add(1);
        if self.work.exhausted() && best.found {
            best.truncated = true;
            return;
        }
        let Some(arm) = self.arms.get(depth) else { return };
        let rest_cost = floors.cost.get(depth + 1).copied().unwrap_or(0.0);
        let rest_hours = floors.hours.get(depth + 1).copied().unwrap_or(0.0);
        let Some(most) = affordable(arm, self.budget - sums.cost - rest_cost, self.max_hours - sums.hours - rest_hours) else {
            return;
        };
        if depth + 1 == self.arms.len() {
            // Weighed by their logarithms and exponentials, like the rest of the work.
            self.work.add(3);
            let n = self.last_count(arm, &sums, most);
            let done = sums.with(arm, n);
            let value = self.value_of(&done);
            if value > best.value {
                if let Some(slot) = counts.get_mut(depth) {
                    *slot = n;
                }
                best.value = value;
                best.sums = done;
                best.counts.copy_from_slice(counts);
                best.found = true;
            }
            return;
        }
        let free = self.arms.get(depth..).unwrap_or_default();
        let fixed = tangent.at(&sums);
        let (bound, centre) = self.relaxation(free, tangent, self.budget - sums.cost, self.max_hours - sums.hours, by_money);
        if best.found && fixed + bound <= best.value + TIE * (1.0 + best.value.abs()) {
            return;
        }
        // Children nearest the relaxed optimum first: the first leaf is then usually optimal,
        // which lets the bound prune almost everything else.
        let centre = if centre.is_finite() { within(centre.round(), f64::from(arm.lo), f64::from(most)) as u32 } else { most };
        // Skipping children, and whole runs of them. For each child count n, `g(n)` — the best
        // of the relaxation below it, with this node's tangent — is concave in n (a partial
        // maximum of a concave function over a convex set) and bounds every solution under
        // that child. With one tier left it is computed exactly (`ceiling`); higher up it is
        // bracketed by the dual (above) and a feasible point (below). Once g(n) is provably
        // below g at the previous count in the same direction *and* below the best found,
        // concavity says every further count that way is worse too.
        let last = self.arms.get(depth + 1).filter(|_| depth + 2 == self.arms.len());
        let rest = self.arms.get(depth + 1..).unwrap_or_default();
        let mut sweep = [(false, f64::NEG_INFINITY); 2];
        let mut children = Zigzag::new(centre, arm.lo, most);
        while let Some(n) = children.next() {
            let direction = usize::from(n < centre);
            // Each child's bound costs a relaxation: it counts towards the search's work.
            self.work.add(1);
            if self.work.exhausted() && best.found {
                best.truncated = true;
                return;
            }
            let child = sums.with(arm, n);
            let (upper, lower, relaxed, ceiling) = match last {
                Some(last) => {
                    self.work.add(3);
                    let c = self.ceiling(last, &child);
                    (c.value, c.value, None, Some(c))
                }
                None => {
                    let fixed = tangent.at(&child);
                    let relaxed = self.dual(rest, tangent, self.budget - child.cost, Resource::MONEY);
                    (fixed + relaxed.upper, fixed + relaxed.lower, Some((relaxed.upper, relaxed.centre)), None)
                }
            };
            if n == centre {
                sweep = [(false, lower); 2];
            }
            if let Some((stopped, previous)) = sweep.get_mut(direction) {
                // g rises by at most `slope` per further step (its slopes never increase), so
                // nothing further this way can beat `upper + remaining × slope`.
                let slope = (upper - *previous).max(0.0);
                let remaining = f64::from(if direction == 0 { most - n } else { n - arm.lo });
                *previous = lower;
                let tie = best.value + TIE * (1.0 + best.value.abs());
                if best.found && upper <= tie {
                    *stopped = n != centre && upper + remaining * slope <= tie;
                    if *stopped {
                        children.stop(direction == 1);
                    }
                    continue;
                }
            }
            // Skipped only if it cannot beat the best at all, not merely by the tie margin: a
            // leaf is taken whenever it is better, and near-ties keep the plan they had (a
            // hair under it, for the bound's round-off).
            if let (Some(last), Some(ceiling)) = (last, ceiling) {
                if best.found && self.leaf_bound(last, &child, &ceiling) < best.value - 1e-14 * (1.0 + best.value.abs()) {
                    continue;
                }
            }
            if let Some(slot) = counts.get_mut(depth) {
                *slot = n;
            }
            self.search(depth + 1, child, counts, best, floors, tangent, relaxed);
        }
    }

    /// A bound on the one completion of `sums` the search makes, the last tier at its whole
    /// count: tighter than the ceiling, which puts it at a fraction `x` of an influencer and so
    /// spends money no whole count can. The objective is concave in that count, so it lies
    /// below its tangent at `x`: `f(n) ≤ f(x) + f′(x)·(n − x)`. At the largest budgets counts
    /// run in the hundreds of thousands and the objective barely curves: dozens of counts of
    /// the tier before have a ceiling above the best plan, but nearly all of them lose more
    /// to the last tier's rounding than that, and are skipped without being valued.
    /// Net value's last count is not simply the most affordable (see `last_count`): its
    /// ceiling is kept.
    fn leaf_bound(&self, last: &Arm, sums: &Sums, ceiling: &Ceiling) -> f64 {
        if self.objective == Objective::NetValue {
            return ceiling.value;
        }
        // No work counted: no logarithm, no exponential, far less than the leaf it may save.
        // The count the leaf takes (see `search`: no tier comes after the last).
        let Some(n) = affordable(last, self.budget - sums.cost, self.max_hours - sums.hours) else {
            return f64::NEG_INFINITY;
        };
        let weights = self.weights();
        let slope = last.exposure_slope(ceiling.dphi, ceiling.dpsi, ceiling.x)
            + weights.engagements * last.engagements
            + weights.cost * last.cost;
        ceiling.value.min(ceiling.value + slope * (f64::from(n) - ceiling.x))
    }

    /// The objective with the last tier at its best *fractional* count: an upper bound on every
    /// completion of `sums`, concave in the count of the tier before it.
    fn ceiling(&self, last: &Arm, sums: &Sums) -> Ceiling {
        let money = self.budget - sums.cost;
        let hours = self.max_hours - sums.hours;
        let mut most = f64::from(last.hi);
        if last.cost > 0.0 {
            most = most.min(money / last.cost);
        }
        if last.hours > 0.0 {
            most = most.min(hours / last.hours);
        }
        if most < f64::from(last.lo) || money < 0.0 || hours < 0.0 {
            return Ceiling { value: f64::NEG_INFINITY, x: f64::NAN, dphi: 0.0, dpsi: 0.0 };
        }
        let x = if self.objective == Objective::NetValue && last.cost > 0.0 {
            within(self.net_value_count(last, sums), f64::from(last.lo), most)
        } else {
            most
        };
        let s = sums.with_fraction(last, x);
        let (value, dphi, dpsi) = self.weights().value_and_slopes(self.audience, s.phi, s.psi, s.engagements, s.cost);
        Ceiling { value, x, dphi, dpsi }
    }

    /// Where net value peaks as `arm`'s count grows (fractional):
    /// d/dn [vA(1 − e^{−Ψ−ψ(n)}) − u·n] = 0 ⇔ (1 + b·n/k)^{k+1} = vA·b·e^{−Ψ}/u.
    fn net_value_count(&self, arm: &Arm, sums: &Sums) -> f64 {
        let (b, k) = (arm.persuade_rate, arm.shape);
        let ratio = libm::log(self.value * self.audience * b / arm.cost) - sums.psi;
        if b > 0.0 && ratio > 0.0 {
            k / b * libm::expm1(ratio / (k + 1.0))
        } else {
            0.0
        }
    }

    /// The exact best count of the last tier given the others.
    fn last_count(&self, arm: &Arm, sums: &Sums, most: u32) -> u32 {
        if self.objective != Objective::NetValue || arm.cost <= 0.0 {
            return most;
        }
        let x = within(self.net_value_count(arm, sums), f64::from(arm.lo), f64::from(most));
        let (down, up) = (x.floor() as u32, (x.ceil() as u32).min(most));
        let score = |n: u32| self.value_of(&sums.with(arm, n));
        if score(up) > score(down) {
            up
        } else {
            down
        }
    }
}

/// The objective with the last tier at its best fractional count `x`, and its slopes in the
/// exposure terms there.
#[derive(Clone, Copy)]
struct Ceiling {
    value: f64,
    x: f64,
    dphi: f64,
    dpsi: f64,
}

/// What a limit counts, as weights on each tier's cost and hours: the budget `(1, 0)`, the
/// hours `(0, 1)`, or a mix of both, implied by the two limits (for a price on both).
#[derive(Clone, Copy)]
struct Resource {
    money: f64,
    hours: f64,
}

impl Resource {
    const MONEY: Resource = Resource { money: 1.0, hours: 0.0 };
    const HOURS: Resource = Resource { money: 0.0, hours: 1.0 };

    #[inline(never)]
    fn of(self, arm: &Arm) -> f64 {
        self.money * arm.cost + self.hours * arm.hours
    }
}

/// The price bracket `(low, high)` at which the free tiers' relaxed optimum uses exactly the
/// resource left — to a relative 1e-12 — or `None` when it is not scarce. Above `high` the
/// point is feasible; below `low` it is not.
///
/// The search starts at `hint` (the last price found: a sibling's, or the previous step's,
/// is close) and widens geometrically until the root is bracketed, then interpolates in the
/// inverse price: each tier's relaxed count goes as `1/price` when one exposure term counts,
/// so the resource used is nearly linear in it and a few secant steps (Illinois's variant,
/// which keeps both ends moving) reach the root where bisection needed sixty.
fn binding_price(
    free: &[Arm],
    t: &Tangent,
    available: f64,
    resource: Resource,
    work: &Work,
    hint: &Cell<f64>,
) -> Option<(f64, f64)> {
    // No logarithms here: only the maximisers are needed, which keeps the search cheap.
    let excess = |mu: f64| {
        free.iter().map(|a| Piece::new(a, t, mu * resource.of(a), work).argmax().0 * resource.of(a)).sum::<f64>() - available
    };
    let at_zero = excess(0.0);
    if at_zero <= 0.0 {
        return None;
    }
    // (price, excess) at each end: positive at `low`, not at `high`.
    let (mut low, mut high) = ((0.0, at_zero), (f64::INFINITY, 0.0));
    let mut mu = hint.get();
    if !(mu > 0.0 && mu < 1e300) {
        // Above the steepest slope per unit of resource, every tier sits at its minimum.
        mu = free
            .iter()
            .filter(|a| resource.of(a) > 0.0)
            .map(|a| Piece::new(a, t, 0.0, work).slope(f64::from(a.lo)) / resource.of(a))
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
    }
    let mut step = 1e-6;
    while low.0 == 0.0 || high.0 == f64::INFINITY {
        let e = excess(mu);
        if e > 0.0 {
            low = (mu, e);
        } else {
            high = (mu, e);
        }
        step *= 16.0;
        mu = if e > 0.0 { mu * (1.0 + step) } else { mu / (1.0 + step) };
        if !(1e-300..1e300).contains(&mu) {
            // Not bracketed: the smallest positive price is feasible (or none is).
            return Some((low.0, high.0.min(1e300)));
        }
    }
    // Secant steps in ν = 1/price (the excess rises with ν), kept a hair inside the bracket
    // so that a step landing on the root closes it from the other side at once.
    let mut side = 0;
    for _ in 0..BISECTIONS {
        let (a, b) = (1.0 / high.0, 1.0 / low.0);
        let tol = 1e-12 * a;
        if b - a <= tol {
            break;
        }
        let secant = a + (b - a) * (-high.1 / (low.1 - high.1));
        let nu = if secant.is_finite() { within(secant, a + 0.4 * tol, b - 0.4 * tol) } else { 0.5 * (a + b) };
        let mu = 1.0 / nu;
        let e = excess(mu);
        if e > 0.0 {
            low = (mu, e);
            if side > 0 {
                high.1 *= 0.5;
            }
            side = 1;
        } else {
            high = (mu, e);
            if side < 0 {
                low.1 *= 0.5;
            }
            side = -1;
        }
    }
    hint.set(high.0);
    Some((low.0, high.0))
}

/// A relaxation's bounds on its own optimum, and the relaxed counts at the lower one (the
/// first is the relaxed count of the first tier).
#[derive(Clone, Copy)]
struct Relaxed {
    upper: f64,
    lower: f64,
    centre: f64,
    point: [f64; MAX_TIERS],
}

struct Floors<'a> {
    cost: &'a [f64],
    hours: &'a [f64],
}

/// How many influencers of `arm` fit in the money and hours left, within its own maximum;
/// `None` when not even its minimum fits. Strict: the count's cost never exceeds the money.
fn affordable(arm: &Arm, money: f64, hours: f64) -> Option<u32> {
    let mut most = f64::from(arm.hi);
    for (have, unit) in [(money, arm.cost), (hours, arm.hours)] {
        if unit > 0.0 {
            let mut n = (have / unit).floor();
            if n * unit > have {
                n -= 1.0;
            }
            most = most.min(n);
        } else if have < 0.0 {
            return None;
        }
    }
    (most >= f64::from(arm.lo)).then_some(most as u32)
}

/// The counts of `[lo, hi]` from `centre` outwards: centre, +1, −1, +2, −2, … then
/// whichever side is left; either side can be stopped, and its counts are then never visited
/// (a node may have a million children: walking past stopped ones would cost as much).
struct Zigzag {
    centre: u32,
    /// Next count above and below, while that side goes on.
    up: Option<u32>,
    down: Option<u32>,
    hi: u32,
    lo: u32,
    started: bool,
    /// Whether the last count given was above the centre.
    last_up: bool,
}

impl Zigzag {
    fn new(centre: u32, lo: u32, hi: u32) -> Zigzag {
        Zigzag {
            centre,
            up: centre.checked_add(1).filter(|&n| n <= hi),
            down: centre.checked_sub(1).filter(|&n| n >= lo),
            hi,
            lo,
            started: false,
            last_up: false,
        }
    }

    /// No more counts below the centre (`below`) or above it.
    fn stop(&mut self, below: bool) {
        if below {
            self.down = None;
        } else {
            self.up = None;
        }
    }

    fn next(&mut self) -> Option<u32> {
        if !self.started {
            self.started = true;
            return Some(self.centre);
        }
        // Alternate while both sides go on, starting above.
        let take_up = match (self.up, self.down) {
            (Some(_), Some(_)) => !self.last_up,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        self.last_up = take_up;
        if take_up {
            let n = self.up?;
            self.up = n.checked_add(1).filter(|&m| m <= self.hi);
            Some(n)
        } else {
            let n = self.down?;
            self.down = n.checked_sub(1).filter(|&m| m >= self.lo);
            Some(n)
        }
    }
}

/// One free tier's share of a relaxation: `q(x) = dphi·φ(x) + dpsi·ψ(x) + (dengagements·e − dcost·u − price)·x`
/// on `[lo, hi]`, concave.
struct Piece<'a> {
    arm: &'a Arm,
    tangent: &'a Tangent,
    linear: f64,
    work: &'a Work,
}

impl<'a> Piece<'a> {
    // Out of line, as are `Resource::of` and `Work::add`: inlined into every bound and
    // search loop they cost the core module about 140 bytes gzipped (measured).
    #[inline(never)]
    fn new(arm: &'a Arm, tangent: &'a Tangent, price: f64, work: &'a Work) -> Self {
        let linear = tangent.dengagements * arm.engagements - tangent.dcost * arm.cost - price;
        Piece { arm, tangent, linear, work }
    }

    fn value(&self, x: f64) -> f64 {
        self.work.add(1);
        self.tangent.dphi * self.arm.phi(x) + self.tangent.dpsi * self.arm.psi(x) + self.linear * x
    }

    fn slope(&self, x: f64) -> f64 {
        self.work.add(1);
        self.arm.exposure_slope(self.tangent.dphi, self.tangent.dpsi, x) + self.linear
    }

    /// The maximiser, and how far the true one may be from it (0 when exact).
    fn argmax(&self) -> (f64, f64) {
        let (arm, t) = (self.arm, self.tangent);
        let (lo, hi) = (f64::from(arm.lo), f64::from(arm.hi));
        if self.slope(hi) >= 0.0 {
            return (hi, 0.0);
        }
        if self.slope(lo) <= 0.0 {
            return (lo, 0.0);
        }
        // Round-off in a closed form may land a hair off the peak.
        let closed = |x: f64| (within(x, lo, hi), 1e-9 * (1.0 + x.abs()));
        // One exposure term: (1 + r·x/k) = w·r / (net price).
        let single = if t.dpsi == 0.0 {
            Some((t.dphi, arm.reach_rate))
        } else if t.dphi == 0.0 {
            Some((t.dpsi, arm.persuade_rate))
        } else {
            None
        };
        if let Some((weight, rate)) = single {
            if rate > 0.0 && self.linear < 0.0 {
                return closed(arm.shape / rate * (weight * rate / -self.linear - 1.0));
            }
        }
        // Two exposure terms: q'(x) = 0 is the quadratic c·a·b·x² + (c(a+b) − P·b − Q·a)·x + (c − P − Q) = 0,
        // with P, Q the slopes at 0, a, b the rates per shape and c the net price; its root in
        // [lo, hi] is the maximiser (q' falls from positive to negative there).
        let (p, q) = (t.dphi * arm.reach_rate, t.dpsi * arm.persuade_rate);
        let (ra, rb, c) = (arm.reach_rate / arm.shape, arm.persuade_rate / arm.shape, -self.linear);
        let (qa, qb, qc) = (c * ra * rb, c * (ra + rb) - p * rb - q * ra, c - p - q);
        let discriminant = qb * qb - 4.0 * qa * qc;
        if qa > 0.0 && discriminant >= 0.0 {
            let root = discriminant.sqrt();
            // The numerically stable pair of roots.
            let first = if qb >= 0.0 { (-qb - root) / (2.0 * qa) } else { 2.0 * qc / (-qb + root) };
            let second = if first != 0.0 { qc / (qa * first) } else { f64::NAN };
            for x in [first, second] {
                if x.is_finite() && x >= lo && x <= hi {
                    return closed(x);
                }
            }
        }
        let (mut a, mut b) = (lo, hi);
        for _ in 0..BISECTIONS {
            let mid = 0.5 * (a + b);
            if self.slope(mid) > 0.0 {
                a = mid;
            } else {
                b = mid;
            }
        }
        (a, b - a)
    }

    /// An upper bound on `max q`, and the maximiser. q is concave, so within `width` of `x`
    /// it stays below the tangent at `x`.
    fn best(&self) -> (f64, f64) {
        let (x, width) = self.argmax();
        (self.value(x) + self.slope(x).abs() * width, x)
    }
}

// ---------------------------------------------------------------------------------------------
// Results

// Out of line: inlined, its five labels were built anew at each of its three callers.
#[inline(never)]
fn label(objective: Objective) -> Label {
    match objective {
        Objective::Reach => Label::fixed("Best for reach", "Le plus de portée"),
        Objective::Engagements => Label::fixed("Best for engagements", "Le plus d'engagements"),
        Objective::Conversions => Label::fixed("Best for conversions", "Le plus de conversions"),
        Objective::NetValue => Label::fixed("Best net value", "Meilleure valeur nette"),
        Objective::Blend => Label::fixed("Best balance", "Meilleur équilibre"),
    }
}

/// Solves one objective within the work `allowance` hands out; the blend first solves reach
/// and conversions alone for `U*`, `P*`, and starts from the better of their plans.
fn solve(
    scenario: &Scenario,
    economics: &[TierEconomics],
    goal: &Goal,
    objective: Objective,
    allowance: &mut Allowance,
) -> Result<(Problem, Best)> {
    let mut problem = Problem::new(scenario, economics, goal, objective)?;
    if objective != Objective::Blend {
        let best = problem.solve(allowance.next(), &[], &[]);
        allowance.spent(&problem.work);
        return Ok((problem, best));
    }
    let (_, reach) = solve(scenario, economics, goal, Objective::Reach, allowance)?;
    let (_, conversions) = solve(scenario, economics, goal, Objective::Conversions, allowance)?;
    let best = solve_blend(&mut problem, goal, &reach, &conversions, &[], allowance.next(), allowance);
    Ok((problem, best))
}

/// Solves the blend of `goal` whose extremes are `reach` and `conversions`, with `limit` work.
fn solve_blend(
    problem: &mut Problem,
    goal: &Goal,
    reach: &Best,
    conversions: &Best,
    seeds: &[&[u32]],
    limit: u64,
    allowance: &mut Allowance,
) -> Best {
    problem.blend = goal.blend_weights(reach.value, conversions.value);
    // No plan beats both extremes at once: the blend is at most (1−λ)·U*/U* + λ·P*/P* once
    // both are proven. Where one plan is best on both (a budget that reaches the whole
    // audience), it meets that ceiling and needs no search; at λ = 0 and 1, the extreme's own
    // plan does.
    problem.known_upper = if reach.truncated || conversions.truncated {
        f64::INFINITY
    } else {
        problem.blend.0 * reach.value + problem.blend.1 * conversions.value
    };
    let mut best = problem.solve(limit, seeds, &[&reach.counts, &conversions.counts]);
    allowance.spent(&problem.work);
    best.weighed_by(goal.lambda, reach, conversions);
    best
}

/// How many searches `optimize` runs for an objective.
fn solves(objective: Objective) -> u64 {
    if objective == Objective::Blend {
        3
    } else {
        1
    }
}

impl Problem {
    /// The solution's counts in the scheme's tier order (the search sorts tiers by cost).
    fn counts_in_scheme_order(&self, best: &Best) -> Vec<u32> {
        let mut counts = vec![0; self.arms.len()];
        for (arm, &n) in self.arms.iter().zip(&best.counts) {
            if let Some(slot) = counts.get_mut(arm.index) {
                *slot = n;
            }
        }
        counts
    }
}

/// An answer, and the work its searches spent: a little over the work allowed at most (a
/// search stops at the first check past its limit, and then proves its gap).
#[derive(Debug)]
pub struct Worked<T> {
    pub answer: T,
    pub work: u64,
}

/// The best mix for `goal`, with the limits that bind and why any budget is left.
pub fn optimize(scenario: &Scenario, goal: &Goal) -> Result<Outcome> {
    Ok(optimize_with_work(scenario, goal, WORK_PER_CALL)?.answer)
}

/// [`optimize`] with `work` units of work instead of [`WORK_PER_CALL`].
pub fn optimize_with_work(scenario: &Scenario, goal: &Goal, work: u64) -> Result<Worked<Outcome>> {
    let mut allowance = Allowance::new(work, solves(goal.objective));
    let answer = optimize_within(scenario, goal, &mut allowance)?;
    Ok(Worked { answer, work: allowance.used })
}

/// The best counts per tier for `goal` at `economics`' prices and rates (one simulated world's),
/// within `work`, starting from `near` (counts in scheme order, within the budget at those
/// prices: the typical world's best mix re-bought); past the work, the best plan found.
pub fn best_counts(scenario: &Scenario, economics: &[TierEconomics], goal: &Goal, work: u64, near: &[u32]) -> Result<Vec<u32>> {
    let mut allowance = Allowance::new(work, solves(goal.objective));
    if goal.objective == Objective::Blend {
        let (problem, best) = solve(scenario, economics, goal, goal.objective, &mut allowance)?;
        return Ok(problem.counts_in_scheme_order(&best));
    }
    let mut problem = Problem::new(scenario, economics, goal, goal.objective)?;
    let seed: Vec<u32> = problem.arms.iter().map(|arm| near.get(arm.index).copied().unwrap_or(0)).collect();
    let best = problem.solve(allowance.next(), &[&seed], &[]);
    Ok(problem.counts_in_scheme_order(&best))
}

fn optimize_within(scenario: &Scenario, goal: &Goal, allowance: &mut Allowance) -> Result<Outcome> {
    let economics = model::economics(scenario);
    let (problem, best) = solve(scenario, &economics, goal, goal.objective, allowance)?;
    let counts = problem.counts_in_scheme_order(&best);
    let mut outcome = model::outcome_for_counts(scenario, &economics, &counts, label(goal.objective), OutcomeKind::Optimum);
    outcome.capped = counts.iter().any(|&n| u64::from(n) >= MAX_COUNT);
    prove(&mut outcome, &best);
    let (binding, left) = explain(&problem, &best, scenario);
    outcome.binding = Some(binding);
    outcome.budget_left = Some(left);
    outcome.lambda = (goal.objective == Objective::Blend).then_some(goal.lambda);
    Ok(outcome)
}

// Out of line: a copy at each of its two callers cost more than the call (measured).
#[inline(never)]
fn prove(outcome: &mut Outcome, best: &Best) {
    outcome.exact = Some(!best.truncated);
    outcome.gap = Some(if best.truncated { best.gap } else { 0.0 });
}

fn explain(problem: &Problem, best: &Best, scenario: &Scenario) -> (Vec<Binding>, BudgetLeft) {
    let money = problem.budget - best.sums.cost;
    let hours = problem.max_hours - best.sums.hours;
    let tier_id = |arm: &Arm| scenario.scheme.tiers.get(arm.index).map(|t| t.id.to_string());
    let mut binding = Vec::new();
    let mut can_grow_money = false;
    let mut can_grow = false;
    let mut growable = false;
    for (arm, &n) in problem.arms.iter().zip(&best.counts) {
        if n >= arm.hi && arm.hi_cap != Cap::None {
            binding.push(Binding { limit: arm.hi_cap.id(), tier: tier_id(arm) });
        }
        if n <= arm.lo && arm.lo > 0 {
            binding.push(Binding { limit: arm.lo_cap.id(), tier: tier_id(arm) });
        }
        if n < arm.hi {
            growable = true;
            let fits_money = arm.cost <= money * (1.0 + MONEY_SLACK) + 1e-9;
            can_grow_money |= fits_money;
            can_grow |= fits_money && arm.hours <= hours * (1.0 + MONEY_SLACK) + 1e-9;
        }
    }
    if growable && !can_grow_money {
        binding.push(Binding { limit: "budget", tier: None });
    }
    let hours_bind = can_grow_money && !can_grow;
    if hours_bind {
        binding.push(Binding { limit: "maxHours", tier: None });
    }
    let reason = if money <= problem.budget * 1e-9 {
        "none"
    } else if !growable {
        "limits"
    } else if hours_bind {
        "maxHours"
    } else if can_grow {
        "notWorthIt"
    } else {
        "tooSmall"
    };
    (binding, BudgetLeft { amount: money.max(0.0), reason })
}

/// The optimum as λ goes from 0 (reach only) to 1 (conversions only), `points` steps. The
/// whole series shares one work allowance, and each point starts from its neighbour's plan,
/// usually optimal or nearly so for the next λ too.
pub fn frontier(scenario: &Scenario, goal: &Goal, points: u32) -> Result<Vec<Outcome>> {
    Ok(frontier_with_work(scenario, goal, points, WORK_PER_SERIES)?.answer)
}

/// [`frontier`] with `work` units of work instead of [`WORK_PER_SERIES`].
pub fn frontier_with_work(scenario: &Scenario, goal: &Goal, points: u32, work: u64) -> Result<Worked<Vec<Outcome>>> {
    let steps = points.max(2) - 1;
    let economics = model::economics(scenario);
    // Every point's proof rests on the two extremes (the blend's weights): they get a quarter
    // of the work between them, and the points share what they leave.
    let mut extremes = Allowance::new(work / 4, 2);
    let (_, reach) = solve(scenario, &economics, goal, Objective::Reach, &mut extremes)?;
    let (_, conversions) = solve(scenario, &economics, goal, Objective::Conversions, &mut extremes)?;
    let mut allowance = Allowance::new(work.saturating_sub(extremes.used), u64::from(steps) + 1);
    allowance.used = extremes.used;
    let blend = Goal { objective: Objective::Blend, ..goal.clone() };
    let mut problem = Problem::new(scenario, &economics, &blend, Objective::Blend)?;
    let mut previous = reach.counts.clone();
    let mut outcomes = Vec::with_capacity(steps as usize + 1);
    for i in 0..=steps {
        let lambda = f64::from(i) / f64::from(steps);
        let point = Goal { lambda, ..blend.clone() };
        let best = solve_blend(
            &mut problem,
            &point,
            &reach,
            &conversions,
            &[&previous, &conversions.counts],
            allowance.generous(),
            &mut allowance,
        );
        let counts = problem.counts_in_scheme_order(&best);
        let mut outcome = model::outcome_for_counts(scenario, &economics, &counts, label(Objective::Blend), OutcomeKind::Optimum);
        outcome.lambda = Some(lambda);
        prove(&mut outcome, &best);
        outcomes.push(outcome);
        previous = best.counts;
    }
    Ok(Worked { answer: outcomes, work: allowance.used })
}

/// Reach and conversions of one mix at each budget.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    pub label: Label,
    pub kind: OutcomeKind,
    pub tier: Option<String>,
    pub reach: Vec<f64>,
    pub conversions: Vec<f64>,
    /// For the optimum: whether every point is proven optimal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<bool>,
    /// For the optimum: the largest gap among its points (see [`Outcome::gap`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseCurves {
    pub budgets: Vec<f64>,
    pub curves: Vec<Curve>,
}

/// Reach and conversions as the budget grows, for each single-tier mix and the optimum.
pub fn response_curves(scenario: &Scenario, goal: &Goal, budgets: &[f64]) -> Result<ResponseCurves> {
    Ok(response_curves_with_work(scenario, goal, budgets, WORK_PER_SERIES)?.answer)
}

/// [`response_curves`] with `work` units of work instead of [`WORK_PER_SERIES`].
pub fn response_curves_with_work(scenario: &Scenario, goal: &Goal, budgets: &[f64], work: u64) -> Result<Worked<ResponseCurves>> {
    let economics = model::economics(scenario);
    let tiers = scenario.scheme.tiers.len();
    let mut curves: Vec<Curve> = Vec::with_capacity(tiers + 1);
    let mut at = scenario.clone();
    for (index, tier) in scenario.scheme.tiers.iter().enumerate() {
        let mut curve = Curve {
            label: model::single_label(tier),
            kind: OutcomeKind::Single,
            tier: Some(tier.id.to_string()),
            reach: Vec::with_capacity(budgets.len()),
            conversions: Vec::with_capacity(budgets.len()),
            exact: None,
            gap: None,
        };
        for &budget in budgets {
            at.budget = budget;
            let Mix::Shares(shares) = Mix::single(tiers, index) else { continue };
            let counts = model::counts_for_shares(&at, &economics, &shares, true)?.counts;
            curve.reach.push(model::unique_people(&economics, &counts, at.audience, false));
            curve.conversions.push(model::unique_people(&economics, &counts, at.audience, true));
        }
        curves.push(curve);
    }
    let mut best = Curve {
        label: label(goal.objective),
        kind: OutcomeKind::Optimum,
        tier: None,
        reach: Vec::with_capacity(budgets.len()),
        conversions: Vec::with_capacity(budgets.len()),
        exact: Some(true),
        gap: Some(0.0),
    };
    // One allowance for the whole series, like the frontier.
    let mut allowance = Allowance::new(work, budgets.len() as u64 * solves(goal.objective));
    for &budget in budgets {
        at.budget = budget;
        let outcome = optimize_within(&at, goal, &mut allowance)?;
        best.reach.push(outcome.reach);
        best.conversions.push(outcome.conversions);
        best.exact = best.exact.zip(outcome.exact).map(|(a, b)| a && b);
        best.gap = best.gap.zip(outcome.gap).map(|(a, b)| a.max(b));
    }
    curves.push(best);
    Ok(Worked { answer: ResponseCurves { budgets: budgets.to_vec(), curves }, work: allowance.used })
}
