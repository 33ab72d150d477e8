//! A scenario: the budget, the tier scheme, the mix and every assumption, validated once so
//! the model can trust it.

use crate::assumptions::{self, Overrides, Range, TierAssumptions, Unit};
use crate::error::{Code, Error, Result};
use crate::goal::Goal;
use crate::input::{self, Bounds, Object, Value};
use crate::limits::MAX_COUNT;
use crate::sources::{self, Source};
use crate::tiers::TierScheme;
use serde::Serialize;

/// The currency of a scenario that names none.
pub const DEFAULT_CURRENCY: &str = "EUR";
/// Shares may add up to a hair above 1 from decimal rounding in the caller.
const SHARE_SUM_SLACK: f64 = 1e-9;

/// A scenario-wide input with its default and the values it accepts.
pub struct Global {
    pub id: &'static str,
    pub unit: Unit,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub source: &'static Source,
    what: &'static str,
    /// `whole` for a count that must be whole, else the range's code.
    code: Code,
}

/// One of each scenario-wide input, by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Globals<T> {
    pub budget: T,
    pub audience: T,
    pub posts_per_influencer: T,
    pub hourly_cost: T,
    pub conversion_value: T,
}

impl<T> Globals<T> {
    /// Every one, in the order a person fills them in.
    pub fn list(&self) -> [&T; 5] {
        [&self.budget, &self.audience, &self.posts_per_influencer, &self.hourly_cost, &self.conversion_value]
    }
}

const fn global(id: &'static str, unit: Unit, default: f64, min: f64, max: f64, what: &'static str, code: Code) -> Global {
    Global { id, unit, default, min, max, source: &sources::YOUR_INPUT, what, code }
}

/// Every scenario-wide input: the caller's own numbers, with no curve behind them.
pub const GLOBALS: Globals<Global> = Globals {
    budget: global("budget", Unit::Money, 20_000.0, 0.0, 1e12, "a finite number from 0 to 1000000000000", Code::Number),
    audience: global("audience", Unit::Count, 5_000_000.0, 1.0, 1e10, "a number of people from 1 to 10000000000", Code::People),
    posts_per_influencer: global("postsPerInfluencer", Unit::Count, 1.0, 1.0, 1000.0, "", Code::Whole),
    // The one global with a researched default: what an hour of a marketing coordinator costs.
    hourly_cost: Global {
        source: &sources::HOURLY_COST,
        ..global("hourlyCost", Unit::Money, 50.0, 0.0, 1e6, "an amount from 0 to 1000000", Code::Amount)
    },
    conversion_value: global("conversionValue", Unit::Money, 40.0, 0.0, 1e9, "an amount from 0 to 1000000000", Code::Amount),
};

impl Global {
    // Out of line: inlined, its search was copied for each global.
    #[inline(never)]
    fn is_set(&self, object: &Object) -> bool {
        object.get(self.id).is_some()
    }

    fn read(&self, object: &Object) -> Result<f64> {
        let Some(value) = object.number(self.id)? else { return Ok(self.default) };
        let path = input::join(object.path(), self.id);
        if self.code == Code::Whole {
            Ok(input::whole_in(&path, value, self.min as u64, self.max as u64)? as f64)
        } else {
            input::finite_in(&path, value, &Bounds { min: self.min, max: self.max, what: self.what, code: self.code })
        }
    }
}

/// How the budget is split: a share of the budget per tier, or a number of influencers per
/// tier. Indexed like the scheme's tiers.
#[derive(Debug, Clone, PartialEq)]
pub enum Mix {
    Shares(Vec<f64>),
    Counts(Vec<u64>),
}

impl Mix {
    /// The whole budget on one tier.
    pub fn single(tiers: usize, tier: usize) -> Mix {
        Mix::Shares((0..tiers).map(|i| if i == tier { 1.0 } else { 0.0 }).collect())
    }

    pub fn even(tiers: usize) -> Mix {
        Mix::Shares(vec![1.0 / tiers.max(1) as f64; tiers])
    }

    fn from_value(path: &str, value: &Value, scheme: &TierScheme) -> Result<Mix> {
        let object = Object::read(path, value)?;
        object.only(&["shares", "counts"])?;
        match (object.get("shares"), object.get("counts")) {
            (Some(shares), None) => {
                let path = input::join(path, "shares");
                let shares = per_tier(&path, shares, scheme, |field, v| input::finite_in(field, v, &input::SHARE))?;
                let sum: f64 = shares.iter().sum();
                if sum > 1.0 + SHARE_SUM_SLACK {
                    return Err(Error::new(path, "must add up to at most 1 (100% of the budget)").got_number(sum));
                }
                Ok(Mix::Shares(shares))
            }
            (None, Some(counts)) => {
                let path = input::join(path, "counts");
                let counts = per_tier(&path, counts, scheme, |field, v| input::whole_in(field, v, 0, MAX_COUNT))?;
                Ok(Mix::Counts(counts))
            }
            _ => Err(Error::new(path, "must give either shares or counts, not both or neither")),
        }
    }
}

/// Reads `{ tierId: number }`; tiers left out get the default (zero).
fn per_tier<T: Default + Clone>(
    path: &str,
    value: &Value,
    scheme: &TierScheme,
    read: impl Fn(&str, f64) -> Result<T>,
) -> Result<Vec<T>> {
    let object = Object::read(path, value)?;
    let mut out = vec![T::default(); scheme.tiers.len()];
    for (key, v) in object.entries() {
        let field = input::join(path, key);
        let slot = scheme
            .index_of(key)
            .and_then(|i| out.get_mut(i))
            .ok_or_else(|| Error::new(&field, format!("is not a tier of this scheme (tiers: {})", scheme.tier_ids())))?;
        *slot = read(&field, input::number(&field, v)?)?;
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub budget: f64,
    pub currency: String,
    pub scheme: TierScheme,
    pub mix: Mix,
    pub audience: f64,
    pub posts_per_influencer: f64,
    pub hourly_cost: f64,
    pub conversion_value: f64,
    pub assumptions: Vec<TierAssumptions>,
    /// What the optimum in comparisons aims for (default: most conversions).
    pub goal: Goal,
    /// Which globals the caller set.
    pub globals_set: Globals<bool>,
}

const SCENARIO_FIELDS: [&str; 10] =
    ["budget", "currency", "scheme", "mix", "audience", "postsPerInfluencer", "hourlyCost", "conversionValue", "overrides", "goal"];

impl Scenario {
    pub fn from_value(value: &Value) -> Result<Scenario> {
        if !matches!(value, Value::Object(_)) {
            return Err(Error::new("scenario", "must be an object").code(Code::NotObject).got(value.describe()));
        }
        // Top-level fields are named without a prefix, as callers write them: `budget`.
        let object = Object::read("", value)?;
        object.only(&SCENARIO_FIELDS)?;
        // Fields are checked in the order a person fills them in, so the first error reported
        // is the first one on the page.
        let budget = GLOBALS.budget.read(&object)?;
        let currency = match object.text("currency")? {
            None => DEFAULT_CURRENCY.to_owned(),
            Some(code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => code.to_owned(),
            Some(code) => {
                return Err(Error::new("currency", "must be a three-letter ISO 4217 code such as EUR or USD").got_text(code))
            }
        };
        let scheme = TierScheme::from_value("scheme", object.get("scheme"))?;
        let mix = match object.get("mix") {
            Some(mix) => Mix::from_value("mix", mix, &scheme)?,
            None => Mix::even(scheme.tiers.len()),
        };
        let audience = GLOBALS.audience.read(&object)?;
        let posts_per_influencer = GLOBALS.posts_per_influencer.read(&object)?;
        let hourly_cost = GLOBALS.hourly_cost.read(&object)?;
        let conversion_value = GLOBALS.conversion_value.read(&object)?;
        let overrides = Overrides::from_value("overrides", object.get("overrides"), &scheme)?;
        let assumptions = assumptions::resolve(&scheme, &overrides, "overrides")?;
        let goal = Goal::from_value("goal", object.get("goal"), &scheme)?;
        let set = |g: &Global| g.is_set(&object);
        let globals_set = Globals {
            budget: set(&GLOBALS.budget),
            audience: set(&GLOBALS.audience),
            posts_per_influencer: set(&GLOBALS.posts_per_influencer),
            hourly_cost: set(&GLOBALS.hourly_cost),
            conversion_value: set(&GLOBALS.conversion_value),
        };
        Ok(Scenario {
            budget,
            audience,
            posts_per_influencer,
            hourly_cost,
            conversion_value,
            currency,
            scheme,
            mix,
            assumptions,
            goal,
            globals_set,
        })
    }

    /// The scenario with every default: handy for tests and examples.
    pub fn defaults() -> Result<Scenario> {
        Scenario::from_value(&Value::Object(Vec::new()))
    }

    pub fn with_mix(&self, mix: Mix) -> Scenario {
        Scenario { mix, ..self.clone() }
    }

    pub fn with_budget(&self, budget: f64) -> Scenario {
        Scenario { budget, ..self.clone() }
    }
}

// ---------------------------------------------------------------------------------------------
// The assumptions report (what `assumptions()` returns)

#[derive(Debug, Serialize)]
pub struct Assumed {
    pub low: f64,
    pub typical: f64,
    pub high: f64,
    pub source: &'static Source,
    pub overridden: bool,
}

impl Assumed {
    fn new(range: Range, source: &'static Source, overridden: bool) -> Self {
        Assumed { low: range.low, typical: range.typical, high: range.high, source, overridden }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TierReport {
    pub tier: String,
    pub typical_followers: Assumed,
    pub fee: Assumed,
    pub reach_rate: Assumed,
    pub engagement_rate: Assumed,
    pub sponsored_factor: Assumed,
    pub real_share: Assumed,
    pub audience_fit: Assumed,
    pub persuasion: Assumed,
    pub delivery: Assumed,
    pub hours: Assumed,
    pub concentration: Assumed,
}

pub type GlobalsReport = Globals<Assumed>;

#[derive(Debug, Serialize)]
pub struct AssumptionsReport {
    pub tiers: Vec<TierReport>,
    pub globals: GlobalsReport,
}

pub fn report(scenario: &Scenario) -> AssumptionsReport {
    use assumptions::Quantity as Q;
    let tiers = scenario
        .scheme
        .tiers
        .iter()
        .zip(&scenario.assumptions)
        .map(|(tier, a)| {
            let assumed = |q: Q| Assumed::new(a.range(q), q.source(), a.is_overridden(q));
            TierReport {
                tier: tier.id.to_string(),
                typical_followers: assumed(Q::TypicalFollowers),
                fee: assumed(Q::Fee),
                reach_rate: assumed(Q::ReachRate),
                engagement_rate: assumed(Q::EngagementRate),
                sponsored_factor: assumed(Q::SponsoredFactor),
                real_share: assumed(Q::RealShare),
                audience_fit: assumed(Q::AudienceFit),
                persuasion: assumed(Q::Persuasion),
                delivery: assumed(Q::Delivery),
                hours: assumed(Q::Hours),
                concentration: assumed(Q::Concentration),
            }
        })
        .collect();
    let global = |g: &Global, value: f64, set: bool| Assumed::new(Range::fixed(value), g.source, set);
    let (s, set) = (scenario, &scenario.globals_set);
    AssumptionsReport {
        tiers,
        globals: Globals {
            budget: global(&GLOBALS.budget, s.budget, set.budget),
            audience: global(&GLOBALS.audience, s.audience, set.audience),
            posts_per_influencer: global(&GLOBALS.posts_per_influencer, s.posts_per_influencer, set.posts_per_influencer),
            hourly_cost: global(&GLOBALS.hourly_cost, s.hourly_cost, set.hourly_cost),
            conversion_value: global(&GLOBALS.conversion_value, s.conversion_value, set.conversion_value),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Scenario> {
        Scenario::from_value(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn omitted_fields_take_the_model_defaults() {
        let s = Scenario::defaults().unwrap();
        assert_eq!(s.budget, 20_000.0);
        assert_eq!(s.audience, 5_000_000.0);
        assert_eq!(s.hourly_cost, 50.0);
        assert_eq!(s.conversion_value, 40.0);
        assert_eq!(s.posts_per_influencer, 1.0);
        assert_eq!(s.scheme.id, "fr2018");
        assert_eq!(s.currency, "EUR");
        assert_eq!(s.mix, Mix::even(3));
    }

    #[test]
    fn bad_globals_name_the_field_and_the_value() {
        assert_eq!(
            read(r#"{"budget": -5}"#).unwrap_err().to_string(),
            "budget must be a finite number from 0 to 1000000000000 (got -5)"
        );
        assert_eq!(read(r#"{"budget": "lots"}"#).unwrap_err().to_string(), "budget must be a number (got \"lots\")");
        assert_eq!(read(r#"{"postsPerInfluencer": 1.5}"#).unwrap_err().field, "postsPerInfluencer");
        assert_eq!(read(r#"{"audience": 0}"#).unwrap_err().field, "audience");
        assert_eq!(read(r#"{"currency": "euro"}"#).unwrap_err().field, "currency");
        assert_eq!(read(r#"{"budjet": 5}"#).unwrap_err().field, "budjet");
        assert_eq!(read(r#"[1, 2]"#).unwrap_err().to_string(), "scenario must be an object (got a list)");
    }

    #[test]
    fn mixes_are_checked_per_tier() {
        assert_eq!(read(r#"{"mix": {"shares": {"micro": 0.7, "macro": 0.4}}}"#).unwrap_err().field, "mix.shares");
        assert_eq!(read(r#"{"mix": {"shares": {"mega": 0.5}}}"#).unwrap_err().field, "mix.shares.mega");
        assert_eq!(read(r#"{"mix": {"shares": {"nano": -0.1}}}"#).unwrap_err().field, "mix.shares.nano");
        assert_eq!(read(r#"{"mix": {"counts": {"nano": 2.5}}}"#).unwrap_err().field, "mix.counts.nano");
        assert_eq!(read(r#"{"mix": {}}"#).unwrap_err().field, "mix");
        let s = read(r#"{"mix": {"counts": {"micro": 3}}}"#).unwrap();
        assert_eq!(s.mix, Mix::Counts(vec![0, 3, 0]));
    }

    #[test]
    fn report_marks_what_the_user_set() {
        let s = read(r#"{"budget": 5000, "overrides": {"nano": {"hours": 2}}}"#).unwrap();
        let r = report(&s);
        assert!(r.globals.budget.overridden);
        assert!(!r.globals.audience.overridden);
        assert!(r.tiers[0].hours.overridden);
        assert_eq!(r.tiers[0].hours.typical, 2.0);
        assert_eq!(r.globals.budget.typical, 5000.0);
    }
}
