//! Helpers shared by the optimiser's and the roster's exhaustive-search tests.

#![allow(dead_code, clippy::unwrap_used)]

use tiermix::goal::Objective;
use tiermix::input::Value;
use tiermix::model::Outcome;
use tiermix::scenario::Scenario;

pub fn scenario(json: &str) -> Scenario {
    Scenario::from_value(&serde_json::from_str::<Value>(json).unwrap()).unwrap()
}

/// The objective of an outcome, computed from the outcome itself (not the optimiser's sums).
pub fn score(o: &Outcome, objective: Objective, lambda: f64, best_reach: f64, best_conversions: f64) -> f64 {
    let part = |v: f64, best: f64| if best > 0.0 { v / best } else { 0.0 };
    match objective {
        Objective::Reach => o.reach,
        Objective::Conversions => o.conversions,
        Objective::Engagements => o.engagements,
        Objective::NetValue => o.revenue - o.spend,
        Objective::Blend => (1.0 - lambda) * part(o.reach, best_reach) + lambda * part(o.conversions, best_conversions),
    }
}
