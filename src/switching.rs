//! What would have to be true (MODEL §10): for the best mix against each runner-up (each
//! single-tier mix and the caller's mix), the value of one assumption at which the two tie on
//! the goal's measure, everything else typical — the value at which the other answer would
//! win.
//!
//! # Why fractional influencers here
//! A plan given as shares of the budget is re-bought at the changed prices, so a dearer fee
//! means fewer influencers. With whole influencers the goal's measure jumps at each count, and
//! two plans may never tie: the search would stop on a jump, not a tie. Here each share buys
//! `share · B / u` influencers, fractions included, so every measure moves continuously with
//! every assumption and the switching value is a true tie; the whole-influencer plans swap
//! places within one influencer of it.
//!
//! # The search
//! From the typical value outward, in steps of ×1.25 up to ×100 and down to ×0.01 (within the
//! quantity's domain), until the difference between the two plans changes sign; then
//! bisection, in log scale, to a relative 1e-9. The nearer of the two sides wins; no sign change
//! in the range means no value there makes the other plan win.

use crate::assumptions::{self, Quantity};
use crate::compare;
use crate::error::Result;
use crate::goal::{Objective, Weights};
use crate::input::Bounds;
use crate::model::{OutcomeKind, TierEconomics};
use crate::scenario::{Scenario, GLOBALS};
use crate::sources::Label;
use crate::uncertainty::{goal_weights, measure_id, score, totals, Plan};
use serde::Serialize;

/// The widest change searched, as a factor of the typical value.
const REACH: f64 = 100.0;
const STEP: f64 = 1.25;

/// One assumption's switching value against one runner-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Switch {
    /// The runner-up that would win past `value`.
    pub against: Against,
    /// A quantity's id, `persuasionGamma`, `hourlyCost` or `conversionValue`.
    pub quantity: &'static str,
    /// The tier whose value changes; `None` for every tier at once (then `typical` is 1 and
    /// `value` a factor on every tier's value) and for the campaign-wide figures.
    pub tier: Option<String>,
    pub typical: f64,
    /// Where the two plans tie; `None` when no value in the searched range does.
    pub value: Option<f64>,
    /// What the goal judges by: `reach`, `engagements`, `conversions`, `netValue`, `blend`.
    pub measure: &'static str,
    /// For `persuasionGamma`: how many times as many of the people they reach the scheme's
    /// smallest typical accounts persuade as its largest, at `typical` and at `value`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Against {
    pub label: Label,
    pub kind: OutcomeKind,
    pub tier: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ratio {
    pub typical: f64,
    pub value: Option<f64>,
}

/// What changes: one quantity in one tier or in all, γ, or a campaign-wide figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    Quantity { quantity: Quantity, tier: Option<usize> },
    Gamma,
    HourlyCost,
    ConversionValue,
}

impl Change {
    fn id(self) -> &'static str {
        match self {
            Change::Quantity { quantity, .. } => quantity.id(),
            Change::Gamma => "persuasionGamma",
            Change::HourlyCost => GLOBALS.hourly_cost.id,
            Change::ConversionValue => GLOBALS.conversion_value.id,
        }
    }

    /// The typical value, and the values the search may try.
    fn span(self, s: &Scenario) -> Option<(f64, f64, f64)> {
        let (typical, min, max) = match self {
            Change::Quantity { quantity, tier: Some(t) } => {
                let Bounds { min, max, .. } = quantity.domain();
                (s.assumptions.get(t)?.typical(quantity), min, max)
            }
            // A factor on every tier's value.
            Change::Quantity { tier: None, .. } => (1.0, 0.0, f64::INFINITY),
            // The steepness has no input bounds of its own: size stops mattering at 0, and at 2 an
            // account a thousand times smaller persuades a million times more of those it reaches.
            Change::Gamma => (assumptions::persuasion_gamma().typical, 0.0, 2.0),
            Change::HourlyCost => (s.hourly_cost, GLOBALS.hourly_cost.min, GLOBALS.hourly_cost.max),
            Change::ConversionValue => (s.conversion_value, GLOBALS.conversion_value.min, GLOBALS.conversion_value.max),
        };
        (typical > 0.0).then(|| (typical, (typical / REACH).max(min), (typical * REACH).min(max)))
    }
}

/// Every tier's economics with `change` at `x`, and the value of a conversion.
pub fn economics_at(s: &Scenario, change: Change, x: f64) -> (Vec<TierEconomics>, f64) {
    let hourly = if change == Change::HourlyCost { x } else { s.hourly_cost };
    let tiers = s
        .assumptions
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let at = |q: Quantity| match change {
                Change::Quantity { quantity, tier: Some(t) } if quantity == q && t == index => x,
                Change::Quantity { quantity, tier: None } if quantity == q => {
                    let Bounds { min, max, .. } = q.domain();
                    assumptions::within(a.typical(q) * x, min, max)
                }
                Change::Gamma if q == Quantity::Persuasion && !a.is_overridden(q) => {
                    assumptions::persuasion(a.typical(Quantity::TypicalFollowers), assumptions::PERSUASION_AT_100K.typical, x)
                }
                _ => a.typical(q),
            };
            TierEconomics::of(&at, s.posts_per_influencer, hourly)
        })
        .collect();
    (tiers, if change == Change::ConversionValue { x } else { s.conversion_value })
}

/// The goal's measure of `plan` with `change` at `x`, on fractional influencers (see the
/// module documentation).
pub fn measure_at(s: &Scenario, weights: &Weights, plan: &Plan, change: Change, x: f64) -> f64 {
    let (tiers, value) = economics_at(s, change, x);
    let counts = plan.fractional_counts(s, &tiers);
    // Net value prices a conversion: a change of that price changes the weights.
    let weights = if s.goal.objective == Objective::NetValue { Objective::NetValue.weights(value, (0.0, 0.0)) } else { *weights };
    score(&weights, &totals(s, &tiers, counts.iter().copied()))
}

/// The value nearest `typical` at which `best` and `other` tie, searched over `low…high`.
fn tie(gap: impl Fn(f64) -> f64, typical: f64, low: f64, high: f64) -> Option<f64> {
    let at_typical = gap(typical);
    if at_typical == 0.0 || !at_typical.is_finite() {
        return None;
    }
    let side = |outward: f64, limit: f64| -> Option<(f64, f64)> {
        let mut inner = typical;
        loop {
            let next = if outward > 1.0 { (inner * outward).min(limit) } else { (inner * outward).max(limit) };
            if next == inner {
                return None;
            }
            if gap(next).signum() != at_typical.signum() {
                return Some((inner, next));
            }
            inner = next;
        }
    };
    let bisect = |(mut a, mut b): (f64, f64)| {
        for _ in 0..200 {
            // Geometric middle for positive values (the quantities vary by factors), else linear.
            let mid = if a > 0.0 && b > 0.0 { (a * b).sqrt() } else { 0.5 * (a + b) };
            if mid == a || mid == b || (b - a).abs() <= 1e-9 * a.abs().max(b.abs()) {
                break;
            }
            if gap(mid).signum() == at_typical.signum() {
                a = mid;
            } else {
                b = mid;
            }
        }
        b
    };
    let down = side(1.0 / STEP, low).map(bisect);
    let up = side(STEP, high).map(bisect);
    let distance = |v: f64| if v > 0.0 { (v / typical).ln().abs() } else { f64::INFINITY };
    match (down, up) {
        (Some(d), Some(u)) => Some(if distance(d) <= distance(u) { d } else { u }),
        (d, u) => d.or(u),
    }
}

/// Every switching value for the scenario's goal.
pub fn switching_values(s: &Scenario) -> Result<Vec<Switch>> {
    let outcomes = compare::compare(s)?;
    let weights = goal_weights(s)?;
    let Some(best) = outcomes.last() else { return Ok(Vec::new()) };
    let best_plan = Plan::of(s, best);
    let best_counts: Vec<u32> = best.tiers.iter().map(|t| t.influencers).collect();
    let tier_count = s.scheme.tiers.len();
    let mut changes = Vec::new();
    for quantity in Quantity::ALL.into_iter().filter(|&q| q != Quantity::TypicalFollowers) {
        changes.extend((0..tier_count).map(|t| Change::Quantity { quantity, tier: Some(t) }));
        changes.push(Change::Quantity { quantity, tier: None });
    }
    changes.extend([Change::Gamma, Change::HourlyCost, Change::ConversionValue]);
    let measure = measure_id(s.goal.objective);
    let mut switches = Vec::new();
    for other in outcomes.iter().filter(|o| o.kind == OutcomeKind::Single || o.kind == OutcomeKind::Mix) {
        // The same plan as the best mix (often a single-tier one) never swaps places with it.
        if other.tiers.iter().map(|t| t.influencers).eq(best_counts.iter().copied()) {
            continue;
        }
        let other_plan = Plan::of(s, other);
        for &change in &changes {
            let Some((typical, low, high)) = change.span(s) else { continue };
            let gap = |x: f64| measure_at(s, &weights, &best_plan, change, x) - measure_at(s, &weights, &other_plan, change, x);
            let value = tie(gap, typical, low, high);
            let tier = match change {
                Change::Quantity { tier: Some(t), .. } => s.scheme.tiers.get(t).map(|t| t.id.to_string()),
                _ => None,
            };
            switches.push(Switch {
                against: Against { label: other.label.clone(), kind: other.kind, tier: other.tier.clone() },
                quantity: change.id(),
                tier,
                typical,
                value,
                measure,
                ratio: (change == Change::Gamma)
                    .then(|| Ratio { typical: size_ratio(s, typical), value: value.map(|v| size_ratio(s, v)) }),
            });
        }
    }
    Ok(switches)
}

/// How many times as many of the people they reach the smallest typical account persuades as
/// the largest, at steepness γ: `(f_small / f_large)^−γ`.
fn size_ratio(s: &Scenario, gamma: f64) -> f64 {
    let followers = s.assumptions.iter().map(|a| a.typical(Quantity::TypicalFollowers));
    let (small, large) = followers.fold((f64::INFINITY, 0.0f64), |(lo, hi), f| (lo.min(f), hi.max(f)));
    if small > 0.0 && large > 0.0 {
        assumptions::persuasion(small, 1.0, gamma) / assumptions::persuasion(large, 1.0, gamma)
    } else {
        1.0
    }
}

/// The change a [`Switch`] describes, to evaluate plans at its value.
pub fn change_of(s: &Scenario, switch: &Switch) -> Option<Change> {
    match switch.quantity {
        id if id == Change::Gamma.id() => Some(Change::Gamma),
        id if id == GLOBALS.hourly_cost.id => Some(Change::HourlyCost),
        id if id == GLOBALS.conversion_value.id => Some(Change::ConversionValue),
        id => {
            let quantity = Quantity::ALL.into_iter().find(|q| q.id() == id)?;
            let tier = match &switch.tier {
                Some(t) => Some(s.scheme.index_of(t)?),
                None => None,
            };
            Some(Change::Quantity { quantity, tier })
        }
    }
}
