//! What the optimiser maximises, and the limits it must respect (MODEL §4).

use crate::error::{Error, Result};
use crate::input::{self, Object, Value};
use crate::limits::MAX_COUNT;
use crate::tiers::TierScheme;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Objective {
    Reach,
    Engagements,
    Conversions,
    /// Revenue minus spend: may leave budget unspent when the next influencer returns less
    /// than it costs.
    NetValue,
    /// `(1−λ)·U/U* + λ·P/P*`, with `U*` and `P*` the best reach and conversions alone.
    Blend,
}

impl Objective {
    const IDS: [(&'static str, Objective); 5] = [
        ("reach", Objective::Reach),
        ("engagements", Objective::Engagements),
        ("conversions", Objective::Conversions),
        ("netValue", Objective::NetValue),
        ("blend", Objective::Blend),
    ];

    pub fn id(self) -> &'static str {
        Objective::IDS.iter().find(|(_, o)| *o == self).map_or("", |(id, _)| id)
    }
}

/// Limits on one tier. Each is optional; a tier locked to a count has equal min and max.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TierLimits {
    pub min_count: Option<u32>,
    pub max_count: Option<u32>,
    pub min_spend: Option<f64>,
    pub max_spend: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub objective: Objective,
    /// Weight of persuasion in the blend, 0 (reach only) … 1 (conversions only).
    pub lambda: f64,
    /// Indexed like the scheme's tiers.
    pub limits: Vec<TierLimits>,
    pub max_hours: Option<f64>,
}

impl Goal {
    pub fn new(objective: Objective, tiers: usize) -> Goal {
        Goal { objective, lambda: 0.5, limits: vec![TierLimits::default(); tiers], max_hours: None }
    }

    /// The blend's weights `(1−λ)/U*` and `λ/P*` of reach and conversions, from the best reach
    /// `U*` and the best conversions `P*` alone; a goal nothing can reach weighs nothing.
    pub fn blend_weights(&self, best_reach: f64, best_conversions: f64) -> (f64, f64) {
        let weight = |share: f64, best: f64| if best > 0.0 { share / best } else { 0.0 };
        (weight(1.0 - self.lambda, best_reach), weight(self.lambda, best_conversions))
    }

    /// Reads `{ objective, lambda?, limits?, maxHours? }`; absent means "most conversions".
    pub fn from_value(path: &str, value: Option<&Value>, scheme: &TierScheme) -> Result<Goal> {
        let mut goal = Goal::new(Objective::Conversions, scheme.tiers.len());
        let Some(value) = value else { return Ok(goal) };
        let object = Object::read(path, value)?;
        object.only(&["objective", "lambda", "limits", "maxHours"])?;
        if let Some(id) = object.text("objective")? {
            goal.objective = Objective::IDS.iter().find(|(known, _)| *known == id).map(|(_, o)| *o).ok_or_else(|| {
                Error::new(
                    input::join(path, "objective"),
                    "must be one of reach, engagements, conversions, netValue, blend",
                )
                .got_text(id)
            })?;
        }
        if let Some(lambda) = object.number("lambda")? {
            goal.lambda = input::finite_in(&input::join(path, "lambda"), lambda, 0.0, 1.0, "a weight from 0 to 1")?;
        }
        if let Some(hours) = object.number("maxHours")? {
            goal.max_hours =
                Some(input::finite_in(&input::join(path, "maxHours"), hours, 0.0, 1e9, "a number of hours ≥ 0")?);
        }
        if let Some(limits) = object.get("limits") {
            let limits_path = input::join(path, "limits");
            for (key, value) in Object::read(&limits_path, limits)?.entries() {
                let tier_path = input::join(&limits_path, key);
                let slot = scheme.index_of(key).and_then(|i| goal.limits.get_mut(i)).ok_or_else(|| {
                    Error::new(&tier_path, format!("is not a tier of this scheme (tiers: {})", scheme.tier_ids()))
                })?;
                *slot = read_limits(&tier_path, value)?;
            }
        }
        Ok(goal)
    }
}

fn read_limits(path: &str, value: &Value) -> Result<TierLimits> {
    let object = Object::read(path, value)?;
    object.only(&["minCount", "maxCount", "minSpend", "maxSpend"])?;
    let count = |key: &str| -> Result<Option<u32>> {
        object.number(key)?.map(|v| input::whole_in(&input::join(path, key), v, 0, MAX_COUNT).map(|n| n as u32)).transpose()
    };
    let spend = |key: &str| -> Result<Option<f64>> {
        object.number(key)?.map(|v| input::finite_in(&input::join(path, key), v, 0.0, 1e12, "an amount ≥ 0")).transpose()
    };
    let limits =
        TierLimits { min_count: count("minCount")?, max_count: count("maxCount")?, min_spend: spend("minSpend")?, max_spend: spend("maxSpend")? };
    if let (Some(min), Some(max)) = (limits.min_count, limits.max_count) {
        if min > max {
            return Err(Error::new(path, format!("asks for at least {min} and at most {max} influencers")));
        }
    }
    if let (Some(min), Some(max)) = (limits.min_spend, limits.max_spend) {
        if min > max {
            return Err(Error::new(input::join(path, "minSpend"), "must not exceed maxSpend").got_number(min));
        }
    }
    Ok(limits)
}
