//! What the optimiser maximises, and the limits it must respect (MODEL §4).

use crate::error::{Code, Error, Result};
use crate::input::{self, Bounds, Object, Value};
use crate::limits::MAX_COUNT;
use crate::tiers::TierScheme;
use serde::Serialize;

const LAMBDA: Bounds = Bounds { min: 0.0, max: 1.0, what: "a weight from 0 to 1", code: Code::Weight };
const MAX_HOURS: Bounds = Bounds { min: 0.0, max: 1e9, what: "a number of hours ≥ 0", code: Code::HoursAtLeast };
const SPEND: Bounds = Bounds { min: 0.0, max: 1e12, what: "an amount ≥ 0", code: Code::AmountAtLeast };

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
    /// In the order a page lists them.
    pub const ALL: [Objective; 5] =
        [Objective::Reach, Objective::Engagements, Objective::Conversions, Objective::Blend, Objective::NetValue];

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

    /// What the objective weighs: `conversion_value` prices a conversion for net value, `blend`
    /// holds the blend's weights `(1−λ)/U*` and `λ/P*` (see [`Goal::blend_weights`]).
    pub fn weights(self, conversion_value: f64, blend: (f64, f64)) -> Weights {
        let none = Weights { reach: 0.0, conversions: 0.0, engagements: 0.0, cost: 0.0 };
        match self {
            Objective::Reach => Weights { reach: 1.0, ..none },
            Objective::Engagements => Weights { engagements: 1.0, ..none },
            Objective::Conversions => Weights { conversions: 1.0, ..none },
            Objective::NetValue => Weights { conversions: conversion_value, cost: -1.0, ..none },
            Objective::Blend => Weights { reach: blend.0, conversions: blend.1, ..none },
        }
    }
}

/// Every objective is a weighted sum of four totals of a plan: people reached, people
/// persuaded (conversions), engagements and spend. The tier optimiser and the roster pick both
/// judge a plan, and take the objective's slopes, through these weights, so they maximise the
/// same thing.
///
/// People are counted from exposure terms `Φ = Σ_t k_t ln(1 + x_t/k_t)` (reach) and `Ψ` (the
/// same exposures thinned by persuasion): `A·(1 − e^{−Φ})` of an audience `A`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub reach: f64,
    pub conversions: f64,
    pub engagements: f64,
    pub cost: f64,
}

/// People reached at least once out of `audience`, from the exposure term `phi`. `expm1`
/// keeps precision when a plan barely dents a large audience.
pub fn people(audience: f64, phi: f64) -> f64 {
    audience * -libm::expm1(-phi)
}

impl Weights {
    /// The objective's value for a plan's exposure terms, engagements and cost. A total the
    /// objective does not weigh is not computed.
    pub fn value(&self, audience: f64, phi: f64, psi: f64, engagements: f64, cost: f64) -> f64 {
        let counted = |weight: f64, phi: f64| if weight == 0.0 { 0.0 } else { people(audience, phi) };
        self.total(counted(self.reach, phi), counted(self.conversions, psi), engagements, cost)
    }

    /// The objective's value for a plan's totals: people reached, people persuaded,
    /// engagements and cost.
    pub fn total(&self, reach: f64, conversions: f64, engagements: f64, cost: f64) -> f64 {
        self.reach * reach + self.conversions * conversions + self.engagements * engagements + self.cost * cost
    }

    /// [`Weights::value`] and [`Weights::slopes`] at once, from one exponential per people
    /// term: `A·e^{−Φ}` is the audience less the people reached.
    pub fn value_and_slopes(&self, audience: f64, phi: f64, psi: f64, engagements: f64, cost: f64) -> (f64, f64, f64) {
        let counted = |weight: f64, phi: f64| {
            if weight == 0.0 {
                (0.0, 0.0)
            } else {
                let unreached = libm::expm1(-phi);
                (audience * -unreached, weight * (audience * (1.0 + unreached)))
            }
        };
        let ((reach, dphi), (conversions, dpsi)) = (counted(self.reach, phi), counted(self.conversions, psi));
        (self.total(reach, conversions, engagements, cost), dphi, dpsi)
    }

    /// The value's slopes in `Φ` and `Ψ`: `weight · A·e^{−Φ}`, the people a little more
    /// exposure would still find.
    pub fn slopes(&self, audience: f64, phi: f64, psi: f64) -> (f64, f64) {
        let slope = |weight: f64, phi: f64| if weight == 0.0 { 0.0 } else { weight * (audience * libm::exp(-phi)) };
        (slope(self.reach, phi), slope(self.conversions, psi))
    }
}

/// What a scenario's goal aims for when it names none.
pub const DEFAULT_OBJECTIVE: Objective = Objective::Conversions;
/// The blend's weight of persuasion when the goal gives none: reach and persuasion alike.
pub const DEFAULT_LAMBDA: f64 = 0.5;

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
        Goal { objective, lambda: DEFAULT_LAMBDA, limits: vec![TierLimits::default(); tiers], max_hours: None }
    }

    /// The blend's weights `(1−λ)/U*` and `λ/P*` of reach and conversions, from the best reach
    /// `U*` and the best conversions `P*` alone; a goal nothing can reach weighs nothing.
    pub fn blend_weights(&self, best_reach: f64, best_conversions: f64) -> (f64, f64) {
        let weight = |share: f64, best: f64| if best > 0.0 { share / best } else { 0.0 };
        (weight(1.0 - self.lambda, best_reach), weight(self.lambda, best_conversions))
    }

    /// Reads `{ objective, lambda?, limits?, maxHours? }`; absent means "most conversions".
    pub fn from_value(path: &str, value: Option<&Value>, scheme: &TierScheme) -> Result<Goal> {
        let mut goal = Goal::new(DEFAULT_OBJECTIVE, scheme.tiers.len());
        let Some(value) = value else { return Ok(goal) };
        let object = Object::read(path, value)?;
        object.only(&["objective", "lambda", "limits", "maxHours"])?;
        if let Some(id) = object.text("objective")? {
            goal.objective = Objective::IDS.iter().find(|(known, _)| *known == id).map(|(_, o)| *o).ok_or_else(|| {
                Error::new(input::join(path, "objective"), "must be one of reach, engagements, conversions, netValue, blend")
                    .got_text(id)
            })?;
        }
        if let Some(lambda) = object.number("lambda")? {
            goal.lambda = input::finite_in(&input::join(path, "lambda"), lambda, &LAMBDA)?;
        }
        if let Some(hours) = object.number("maxHours")? {
            goal.max_hours = Some(input::finite_in(&input::join(path, "maxHours"), hours, &MAX_HOURS)?);
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
        object.number(key)?.map(|v| input::finite_in(&input::join(path, key), v, &SPEND)).transpose()
    };
    let limits = TierLimits {
        min_count: count("minCount")?,
        max_count: count("maxCount")?,
        min_spend: spend("minSpend")?,
        max_spend: spend("maxSpend")?,
    };
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
