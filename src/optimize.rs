//! The optimal mix (MODEL §4): whole numbers of influencers per tier, within the budget, the
//! tier limits and the workload cap, maximising one objective — exactly.
//!
//! # Why the answer is the true integer optimum
//!
//! Every objective is a concave, non-decreasing function `h` of the tiers' summed exposure
//! terms, plus linear terms: reach is `A(1 − e^{−Φ})` with `Φ = Σ_t k_t ln(1 + g_t n_t / k_t)`,
//! conversions the same with `Ψ` (exposures thinned by persuasion), engagements `Σ e_t n_t`,
//! net value `vA(1 − e^{−Ψ}) − Σ u_t n_t`, the blend a positive mix of reach and conversions.
//! Each `k ln(1 + g n / k)` is concave in `n`.
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
//! of the closed-form maximiser of a concave function of one variable. Tests compare the result
//! with exhaustive enumeration on every preset scheme and hundreds of random instances.

use crate::assumptions::within;
use crate::error::{Error, Result};
use crate::goal::{Goal, Objective};
use crate::model::{self, Outcome, TierEconomics};
use crate::scenario::{Mix, Scenario, MAX_COUNT};
use crate::sources::Label;
use crate::tiers::MAX_TIERS;
use serde::Serialize;

/// Beyond this many nodes the search stops and returns the best mix found, marked as not
/// proven optimal: the page must answer, never hang. No realistic scenario comes near it.
const MAX_NODES: u64 = 20_000;
/// Relative margin within which two plans count as equally good: a branch that cannot beat
/// the best by more than this is not explored (so "optimal" means within 1e-12 of the best).
const TIE: f64 = 1e-12;
/// Bisection steps: enough to reach floating-point resolution on any range used here.
const BISECTIONS: u32 = 60;
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
        self.shape * libm::log1p(self.reach_rate * n / self.shape)
    }
    fn psi(&self, n: f64) -> f64 {
        self.shape * libm::log1p(self.persuade_rate * n / self.shape)
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

struct Problem {
    arms: Vec<Arm>,
    audience: f64,
    value: f64,
    budget: f64,
    max_hours: f64,
    objective: Objective,
    /// Weights of reach and conversions in the blend: (1−λ)/U*, λ/P*.
    blend: (f64, f64),
}

struct Best {
    value: f64,
    sums: Sums,
    counts: Vec<u32>,
    found: bool,
    /// The node budget ran out before the search could prove optimality.
    truncated: bool,
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
                reach_rate: e.impressions / scenario.audience,
                persuade_rate: e.impressions * e.persuasion / scenario.audience,
                shape: e.concentration,
                lo: lo as u32,
                hi: hi as u32,
                lo_cap,
                hi_cap,
            });
        }
        let least = arms.iter().fold(Sums::default(), |s, a| s.with(a, a.lo));
        if least.cost > budget * (1.0 + MONEY_SLACK) {
            return Err(Error::new("goal.limits", "ask for more than the budget: their minimum counts and spends cost").got_number(least.cost));
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
        })
    }

    fn reach(&self, phi: f64) -> f64 {
        self.audience * -libm::expm1(-phi)
    }

    fn value_of(&self, s: &Sums) -> f64 {
        match self.objective {
            Objective::Reach => self.reach(s.phi),
            Objective::Conversions => self.reach(s.psi),
            Objective::Engagements => s.engagements,
            Objective::NetValue => self.value * self.reach(s.psi) - s.cost,
            Objective::Blend => self.blend.0 * self.reach(s.phi) + self.blend.1 * self.reach(s.psi),
        }
    }

    /// The objective's tangent at the exposure point of `s`.
    fn tangent(&self, s: &Sums) -> Tangent {
        let slope_phi = self.audience * libm::exp(-s.phi);
        let slope_psi = self.audience * libm::exp(-s.psi);
        let (dphi, dpsi, dengagements, dcost) = match self.objective {
            Objective::Reach => (slope_phi, 0.0, 0.0, 0.0),
            Objective::Conversions => (0.0, slope_psi, 0.0, 0.0),
            Objective::Engagements => (0.0, 0.0, 1.0, 0.0),
            Objective::NetValue => (0.0, self.value * slope_psi, 0.0, 1.0),
            Objective::Blend => (self.blend.0 * slope_phi, self.blend.1 * slope_psi, 0.0, 0.0),
        };
        let constant = self.value_of(s) - dphi * s.phi - dpsi * s.psi - dengagements * s.engagements + dcost * s.cost;
        Tangent { constant, dphi, dpsi, dengagements, dcost }
    }

    /// An upper bound on `max Σ_free [dphi·φ(x) + dpsi·ψ(x) + (dengagements·e − dcost·u)·x]`
    /// over fractional counts within the tiers' limits, the money left and the hours left;
    /// also the relaxed count of the first free tier, to order its branches.
    fn relaxation(&self, free: &[Arm], t: &Tangent, money: f64, hours: f64) -> (f64, f64) {
        let by_money = self.dual(free, t, money, Resource::Money);
        let mut upper = by_money.upper;
        if hours.is_finite() {
            upper = upper.min(self.dual(free, t, hours, Resource::Hours).upper);
        }
        (upper, by_money.centre)
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
                let (v, x) = Piece::new(arm, t, mu * resource.of(arm)).best();
                upper += v;
                *slot = x;
            }
            (upper, xs)
        };
        // The relaxed objective at a feasible point: a lower bound.
        let value_at = |xs: &[f64; MAX_TIERS]| {
            let lower: f64 = free.iter().zip(xs).map(|(arm, &x)| Piece::new(arm, t, 0.0).value(x)).sum();
            lower - 1e-12 * lower.abs()
        };
        match binding_price(free, t, available, resource) {
            None => {
                let (upper, xs) = bound(0.0);
                Relaxed { upper, lower: value_at(&xs), centre: xs.first().copied().unwrap_or(f64::NAN) }
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
                Relaxed { upper: a.min(b), lower: value_at(&xs), centre: xs.first().copied().unwrap_or(f64::NAN) }
            }
        }
    }

    fn solve(&self) -> Result<Best> {
        let mut best = Best {
            value: f64::NEG_INFINITY,
            sums: Sums::default(),
            counts: vec![0; self.arms.len()],
            found: false,
            truncated: false,
        };
        let mut counts = vec![0; self.arms.len()];
        let mut nodes = 0;
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
        self.search(0, Sums::default(), &mut counts, &mut best, &mut nodes, &floors);
        Ok(best)
    }

    fn search(&self, depth: usize, sums: Sums, counts: &mut [u32], best: &mut Best, nodes: &mut u64, floors: &Floors) {
        *nodes += 1;
        if *nodes > MAX_NODES && best.found {
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
        let point = if best.found { best.sums } else { self.relaxed_point(free, &sums) };
        let tangent = self.tangent(&point);
        let fixed = tangent.constant + tangent.dphi * sums.phi + tangent.dpsi * sums.psi + tangent.dengagements * sums.engagements
            - tangent.dcost * sums.cost;
        let (bound, centre) = self.relaxation(free, &tangent, self.budget - sums.cost, self.max_hours - sums.hours);
        if best.found && fixed + bound <= best.value + TIE * (1.0 + best.value.abs()) {
            return;
        }
        // Children nearest the relaxed optimum first: the first leaf is then usually optimal,
        // which lets the bound prune almost everything else.
        let centre = if centre.is_finite() { within(centre.round(), f64::from(arm.lo), f64::from(most)) as u32 } else { most };
        let (below, above) = (centre - arm.lo, most - centre);
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
        for step in 0..=(below + above) {
            let n = zigzag(centre, step, below, above);
            let direction = usize::from(n < centre);
            if sweep.get(direction).is_some_and(|(stopped, _)| *stopped) {
                continue;
            }
            // Each child's bound costs a relaxation: it counts towards the search's limit.
            *nodes += 1;
            if *nodes > MAX_NODES && best.found {
                best.truncated = true;
                return;
            }
            let child = sums.with(arm, n);
            let (upper, lower) = match last {
                Some(last) => {
                    let g = self.ceiling(last, &child);
                    (g, g)
                }
                None => {
                    let fixed = tangent.constant + tangent.dphi * child.phi + tangent.dpsi * child.psi
                        + tangent.dengagements * child.engagements
                        - tangent.dcost * child.cost;
                    let relaxed = self.dual(rest, &tangent, self.budget - child.cost, Resource::Money);
                    (fixed + relaxed.upper, fixed + relaxed.lower)
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
                    continue;
                }
            }
            if let Some(slot) = counts.get_mut(depth) {
                *slot = n;
            }
            self.search(depth + 1, child, counts, best, nodes, floors);
        }
    }

    /// The objective with the last tier at its best *fractional* count: an upper bound on every
    /// completion of `sums`, concave in the count of the tier before it.
    fn ceiling(&self, last: &Arm, sums: &Sums) -> f64 {
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
            return f64::NEG_INFINITY;
        }
        let x = if self.objective == Objective::NetValue && last.cost > 0.0 {
            within(self.net_value_count(last, sums), f64::from(last.lo), most)
        } else {
            most
        };
        self.value_of(&sums.with_fraction(last, x))
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

    /// A tangent point for the first bound, before any solution exists: the exposures of the
    /// relaxed optimum with the tangent taken at the current partial plan.
    fn relaxed_point(&self, free: &[Arm], sums: &Sums) -> Sums {
        let tangent = self.tangent(sums);
        let mut point = *sums;
        let price = binding_price(free, &tangent, self.budget - sums.cost, Resource::Money).map_or(0.0, |(_, high)| high);
        for arm in free {
            let (_, x) = best_fraction(arm, &tangent, price * arm.cost);
            point.phi += arm.phi(x);
            point.psi += arm.psi(x);
        }
        point
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

#[derive(Clone, Copy)]
enum Resource {
    Money,
    Hours,
}

impl Resource {
    fn of(self, arm: &Arm) -> f64 {
        match self {
            Resource::Money => arm.cost,
            Resource::Hours => arm.hours,
        }
    }
}

/// The price bracket `(low, high)` at which the free tiers' relaxed optimum uses exactly the
/// resource left — bisected to floating-point resolution — or `None` when it is not scarce.
/// Above `high` the point is feasible; below `low` it is not.
fn binding_price(free: &[Arm], t: &Tangent, available: f64, resource: Resource) -> Option<(f64, f64)> {
    // No logarithms here: only the maximisers are needed, which keeps the search cheap.
    let used = |mu: f64| free.iter().map(|a| Piece::new(a, t, mu * resource.of(a)).argmax().0 * resource.of(a)).sum::<f64>();
    if used(0.0) <= available {
        return None;
    }
    // Above the steepest slope per unit of resource, every tier sits at its minimum.
    let mut high = free
        .iter()
        .filter(|a| resource.of(a) > 0.0)
        .map(|a| Piece::new(a, t, 0.0).slope(f64::from(a.lo)) / resource.of(a))
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    while used(high) > available && high < 1e300 {
        high *= 2.0;
    }
    let mut low = 0.0;
    for _ in 0..BISECTIONS {
        let mid = 0.5 * (low + high);
        if used(mid) > available {
            low = mid;
        } else {
            high = mid;
        }
    }
    Some((low, high))
}

/// A relaxation's bounds on its own optimum, and the relaxed count of its first tier.
struct Relaxed {
    upper: f64,
    lower: f64,
    centre: f64,
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

/// The `step`-th count around `centre`: centre, +1, −1, +2, −2, … then whichever side is left.
fn zigzag(centre: u32, step: u32, below: u32, above: u32) -> u32 {
    let both = 2 * below.min(above);
    if step == 0 {
        centre
    } else if step <= both {
        if step % 2 == 1 {
            centre + step.div_ceil(2)
        } else {
            centre - step / 2
        }
    } else if above > below {
        centre + below + (step - both)
    } else {
        centre - above - (step - both)
    }
}

/// One free tier's share of a relaxation: `q(x) = dphi·φ(x) + dpsi·ψ(x) + (dengagements·e − dcost·u − price)·x`
/// on `[lo, hi]`, concave.
struct Piece<'a> {
    arm: &'a Arm,
    tangent: &'a Tangent,
    linear: f64,
}

impl<'a> Piece<'a> {
    fn new(arm: &'a Arm, tangent: &'a Tangent, price: f64) -> Self {
        let linear = tangent.dengagements * arm.engagements - tangent.dcost * arm.cost - price;
        Piece { arm, tangent, linear }
    }

    fn value(&self, x: f64) -> f64 {
        self.tangent.dphi * self.arm.phi(x) + self.tangent.dpsi * self.arm.psi(x) + self.linear * x
    }

    fn slope(&self, x: f64) -> f64 {
        let (arm, t) = (self.arm, self.tangent);
        t.dphi * arm.reach_rate / (1.0 + arm.reach_rate * x / arm.shape)
            + t.dpsi * arm.persuade_rate / (1.0 + arm.persuade_rate * x / arm.shape)
            + self.linear
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

fn best_fraction(arm: &Arm, t: &Tangent, price: f64) -> (f64, f64) {
    Piece::new(arm, t, price).best()
}

// ---------------------------------------------------------------------------------------------
// Results

/// A limit that holds the optimum where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Binding {
    /// `budget`, `maxHours`, `minCount`, `maxCount`, `minSpend` or `maxSpend`.
    pub limit: &'static str,
    /// The tier a per-tier limit applies to.
    pub tier: Option<String>,
}

/// Money the optimum leaves, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetLeft {
    pub amount: f64,
    /// `none`; `tooSmall` (less than one more influencer of any tier that may still grow);
    /// `limits` (every tier is at its maximum); `maxHours` (the workload cap stops it);
    /// `notWorthIt` (net value: one more influencer would return less than it costs).
    pub reason: &'static str,
}

fn label(objective: Objective) -> Label {
    match objective {
        Objective::Reach => Label::fixed("Best for reach", "Le plus de portée"),
        Objective::Engagements => Label::fixed("Best for engagements", "Le plus d'engagements"),
        Objective::Conversions => Label::fixed("Best for conversions", "Le plus de conversions"),
        Objective::NetValue => Label::fixed("Best net value", "Meilleure valeur nette"),
        Objective::Blend => Label::fixed("Best balance", "Meilleur équilibre"),
    }
}

/// Solves one objective; the blend first solves reach and conversions alone for `U*`, `P*`.
fn solve(scenario: &Scenario, economics: &[TierEconomics], goal: &Goal, objective: Objective) -> Result<(Problem, Best)> {
    let mut problem = Problem::new(scenario, economics, goal, objective)?;
    if objective == Objective::Blend {
        let (_, reach) = solve(scenario, economics, goal, Objective::Reach)?;
        let (_, conversions) = solve(scenario, economics, goal, Objective::Conversions)?;
        problem.blend = goal.blend_weights(reach.value, conversions.value);
    }
    let best = problem.solve()?;
    Ok((problem, best))
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

/// The best mix for `goal`, with the limits that bind and why any budget is left.
pub fn optimize(scenario: &Scenario, goal: &Goal) -> Result<Outcome> {
    let economics = model::economics(scenario);
    let (problem, best) = solve(scenario, &economics, goal, goal.objective)?;
    let counts = problem.counts_in_scheme_order(&best);
    let mut outcome = model::outcome_for_counts(scenario, &economics, &counts, label(goal.objective), "optimum");
    outcome.capped = counts.iter().any(|&n| u64::from(n) >= MAX_COUNT);
    outcome.exact = Some(!best.truncated);
    let (binding, left) = explain(&problem, &best, scenario);
    outcome.binding = Some(binding);
    outcome.budget_left = Some(left);
    outcome.lambda = (goal.objective == Objective::Blend).then_some(goal.lambda);
    Ok(outcome)
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

/// The optimum as λ goes from 0 (reach only) to 1 (conversions only), `points` steps.
pub fn frontier(scenario: &Scenario, goal: &Goal, points: u32) -> Result<Vec<Outcome>> {
    let steps = points.max(2) - 1;
    let economics = model::economics(scenario);
    let (_, reach) = solve(scenario, &economics, goal, Objective::Reach)?;
    let (_, conversions) = solve(scenario, &economics, goal, Objective::Conversions)?;
    (0..=steps)
        .map(|i| {
            let lambda = f64::from(i) / f64::from(steps);
            let blend = Goal { objective: Objective::Blend, lambda, ..goal.clone() };
            let mut problem = Problem::new(scenario, &economics, &blend, Objective::Blend)?;
            problem.blend = blend.blend_weights(reach.value, conversions.value);
            let counts = problem.counts_in_scheme_order(&problem.solve()?);
            let mut outcome = model::outcome_for_counts(scenario, &economics, &counts, label(Objective::Blend), "optimum");
            outcome.lambda = Some(lambda);
            Ok(outcome)
        })
        .collect()
}

/// Reach and conversions of one mix at each budget.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    pub label: Label,
    pub kind: &'static str,
    pub tier: Option<String>,
    pub reach: Vec<f64>,
    pub conversions: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseCurves {
    pub budgets: Vec<f64>,
    pub curves: Vec<Curve>,
}

/// Reach and conversions as the budget grows, for each single-tier mix and the optimum.
pub fn response_curves(scenario: &Scenario, goal: &Goal, budgets: &[f64]) -> Result<ResponseCurves> {
    let economics = model::economics(scenario);
    let tiers = scenario.scheme.tiers.len();
    let mut curves: Vec<Curve> = Vec::with_capacity(tiers + 1);
    let mut at = scenario.clone();
    for (index, tier) in scenario.scheme.tiers.iter().enumerate() {
        let mut curve = Curve {
            label: model::single_label(tier),
            kind: "single",
            tier: Some(tier.id.to_string()),
            reach: Vec::with_capacity(budgets.len()),
            conversions: Vec::with_capacity(budgets.len()),
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
    let mut best = Curve { label: label(goal.objective), kind: "optimum", tier: None, reach: Vec::new(), conversions: Vec::new() };
    for &budget in budgets {
        at.budget = budget;
        let outcome = optimize(&at, goal)?;
        best.reach.push(outcome.reach);
        best.conversions.push(outcome.conversions);
    }
    curves.push(best);
    Ok(ResponseCurves { budgets: budgets.to_vec(), curves })
}
