//! Per-influencer assumptions: the default curves of MODEL §2 as functions of follower count,
//! each with a low / typical / high range and a source, and the user's overrides on top.

use crate::error::{Code, Error, Result};
use crate::input::{self, Bounds, Object, Value};
use crate::limits::MAX_FOLLOWERS;
use crate::sources::{self, Source};
use crate::tiers::TierScheme;
use serde::Serialize;

/// A value and how unsure we are of it. Always `low ≤ typical ≤ high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub low: f64,
    pub typical: f64,
    pub high: f64,
}

impl Range {
    pub const fn fixed(value: f64) -> Self {
        Range { low: value, typical: value, high: value }
    }
}

/// What a number is measured in, so a page knows how to show and read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// People, followers, influencers, posts.
    Count,
    /// In the scenario's currency.
    Money,
    /// A fraction from 0 to 1 (a page shows it as a percentage).
    Share,
    /// A multiplier around 1 (a page shows it as a percentage: 50 % of the usual engagement).
    Factor,
    Hours,
    /// The audience's spread, the negative binomial's `k`: no unit.
    Shape,
}

/// Every per-tier quantity a user can see and override.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    TypicalFollowers,
    Fee,
    ReachRate,
    EngagementRate,
    SponsoredFactor,
    RealShare,
    AudienceFit,
    Persuasion,
    Delivery,
    Hours,
    Concentration,
}

pub const QUANTITY_COUNT: usize = 11;

impl Quantity {
    pub const ALL: [Quantity; QUANTITY_COUNT] = [
        Quantity::TypicalFollowers,
        Quantity::Fee,
        Quantity::ReachRate,
        Quantity::EngagementRate,
        Quantity::SponsoredFactor,
        Quantity::RealShare,
        Quantity::AudienceFit,
        Quantity::Persuasion,
        Quantity::Delivery,
        Quantity::Hours,
        Quantity::Concentration,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Quantity::TypicalFollowers => "typicalFollowers",
            Quantity::Fee => "fee",
            Quantity::ReachRate => "reachRate",
            Quantity::EngagementRate => "engagementRate",
            Quantity::SponsoredFactor => "sponsoredFactor",
            Quantity::RealShare => "realShare",
            Quantity::AudienceFit => "audienceFit",
            Quantity::Persuasion => "persuasion",
            Quantity::Delivery => "delivery",
            Quantity::Hours => "hours",
            Quantity::Concentration => "concentration",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Quantity::TypicalFollowers => Unit::Count,
            Quantity::Fee => Unit::Money,
            Quantity::ReachRate
            | Quantity::EngagementRate
            | Quantity::RealShare
            | Quantity::AudienceFit
            | Quantity::Persuasion
            | Quantity::Delivery => Unit::Share,
            Quantity::SponsoredFactor => Unit::Factor,
            Quantity::Hours => Unit::Hours,
            Quantity::Concentration => Unit::Shape,
        }
    }

    pub fn source(self) -> &'static Source {
        match self {
            Quantity::TypicalFollowers => &sources::TYPICAL_FOLLOWERS,
            Quantity::Fee => &sources::FEE_CURVE,
            Quantity::ReachRate => &sources::REACH_RATE,
            Quantity::EngagementRate => &sources::ENGAGEMENT_RATE,
            Quantity::SponsoredFactor => &sources::SPONSORED_FACTOR,
            Quantity::RealShare => &sources::REAL_SHARE,
            Quantity::AudienceFit => &sources::AUDIENCE_FIT,
            Quantity::Persuasion => &sources::PERSUASION,
            Quantity::Delivery => &sources::DELIVERY,
            Quantity::Hours => &sources::HOURS,
            Quantity::Concentration => &sources::CONCENTRATION,
        }
    }

    /// The values that make sense, and how to say so.
    pub fn domain(self) -> Bounds {
        let (min, max, what, code) = match self {
            Quantity::TypicalFollowers => {
                (1.0, MAX_FOLLOWERS as f64, "a number of followers from 1 to 10000000000", Code::Followers)
            }
            Quantity::Fee => return input::FEE,
            Quantity::ReachRate
            | Quantity::EngagementRate
            | Quantity::RealShare
            | Quantity::AudienceFit
            | Quantity::Persuasion
            | Quantity::Delivery => return input::SHARE,
            Quantity::SponsoredFactor => (0.0, 2.0, "a factor from 0 to 2", Code::Factor),
            Quantity::Hours => (0.0, 10_000.0, "a number of hours from 0 to 10000", Code::Hours),
            // k → ∞ is the Poisson limit; a million is indistinguishable from it.
            Quantity::Concentration => (0.001, 1e6, "a shape from 0.001 to 1000000", Code::Shape),
        };
        Bounds { min, max, what, code }
    }

    fn from_id(id: &str) -> Option<Quantity> {
        Quantity::ALL.into_iter().find(|q| q.id() == id)
    }

    fn index(self) -> usize {
        self as usize
    }
}

fn known_quantities() -> String {
    crate::input::listed(&Quantity::ALL.map(Quantity::id))
}

// ---------------------------------------------------------------------------------------------
// The default curves (MODEL §2). `f` is the typical follower count of the tier.

/// Persuasion per reached person at 100,000 followers: the curve's level.
pub const PERSUASION_AT_100K: Range = Range { low: 0.001, typical: 0.005, high: 0.015 };

/// The share of hired creators who post as agreed: Later's forecasts count on 80%; paid,
/// contracted deals do better, unpaid gifting worse.
pub const DELIVERY: Range = Range { low: 0.6, typical: 0.8, high: 0.95 };

/// The curve's steepness γ: 0 (size does not matter) … 0.35, typically the trade press's 4×.
pub fn persuasion_gamma() -> Range {
    Range { low: 0.0, typical: default_persuasion_gamma(), high: 0.35 }
}

/// The persuasion curve: `p_ref × (f / 100,000)^−γ`.
pub fn persuasion(followers: f64, p_ref: f64, gamma: f64) -> f64 {
    p_ref * power(followers / 100_000.0, -gamma)
}

/// Exponent of the persuasion curve that makes nano ≈ 4× macro across three decades of
/// followers, the trade press's claim: 1000^γ = 4.
pub fn default_persuasion_gamma() -> f64 {
    libm::log(4.0) / libm::log(1000.0)
}

/// `base^exponent` for a positive base, through `exp` and `ln`, which the module links anyway:
/// `powf` would add libm's general `pow` (about 2 KB) for no accuracy this model can use.
fn power(base: f64, exponent: f64) -> f64 {
    libm::exp(exponent * libm::log(base))
}

/// `value` kept within `[low, high]`. Unlike `f64::clamp` it never panics (and so never links
/// the float formatter of the panic message into the wasm module).
pub fn within(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

// Out of line: one call is smaller in the wasm module than a copy at each caller (measured).
#[inline(never)]
fn scaled(typical: f64, low_factor: f64, high_factor: f64, cap: f64) -> Range {
    Range { low: typical * low_factor, typical, high: (typical * high_factor).min(cap) }
}

pub fn default_range(quantity: Quantity, f: f64) -> Range {
    match quantity {
        Quantity::TypicalFollowers => Range::fixed(f),
        Quantity::Fee => {
            let fee = |rate: f64, floor: f64| (rate * f / 1000.0).max(floor);
            Range { low: fee(5.0, 0.0), typical: fee(10.0, 20.0), high: fee(20.0, 50.0) }
        }
        Quantity::ReachRate => {
            let typical = within(0.25 * power(f / 10_000.0, -0.22), 0.02, 0.6);
            scaled(typical, 0.6, 1.4, 1.0)
        }
        Quantity::EngagementRate => scaled(0.025 * power(f / 10_000.0, -0.15), 0.5, 1.6, 1.0),
        Quantity::SponsoredFactor => Range { low: 0.2, typical: 0.5, high: 1.0 },
        Quantity::RealShare => Range { low: 0.55, typical: 0.75, high: 0.85 },
        // Only the user knows their audience: every follower is in it until they say otherwise.
        Quantity::AudienceFit => Range::fixed(1.0),
        Quantity::Persuasion => {
            // The corners of the box p_ref × γ: every value the curve can take at this size.
            let at = |p_ref: f64, gamma: f64| persuasion(f, p_ref, gamma);
            let (p, g) = (PERSUASION_AT_100K, persuasion_gamma());
            Range {
                low: at(p.low, g.low).min(at(p.low, g.high)),
                typical: at(p.typical, g.typical),
                high: at(p.high, g.low).max(at(p.high, g.high)),
            }
        }
        Quantity::Delivery => DELIVERY,
        Quantity::Hours => scaled((12.0 * power(f / 1_000_000.0, 0.2)).max(1.0), 0.5, 2.0, f64::INFINITY),
        Quantity::Concentration => scaled(0.5 * power(f / 1000.0, 0.25), 0.5, 2.0, f64::INFINITY),
    }
}

// ---------------------------------------------------------------------------------------------
// Overrides

/// What a user said about one quantity: a number sets the typical value (the range keeps its
/// relative width); an object sets any of low / typical / high.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Override {
    Typical(f64),
    Range { low: Option<f64>, typical: Option<f64>, high: Option<f64> },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    /// Under `"*"`: applies to every tier, before the tier's own overrides.
    every_tier: Vec<(Quantity, Override)>,
    per_tier: Vec<Vec<(Quantity, Override)>>,
}

impl Overrides {
    pub fn from_value(path: &str, value: Option<&Value>, scheme: &TierScheme) -> Result<Self> {
        let mut overrides = Overrides { every_tier: Vec::new(), per_tier: vec![Vec::new(); scheme.tiers.len()] };
        let Some(value) = value else { return Ok(overrides) };
        let object = Object::read(path, value)?;
        for (key, tier_value) in object.entries() {
            let tier_path = input::join(path, key);
            let list = read_tier_overrides(&tier_path, tier_value)?;
            if key == "*" {
                overrides.every_tier = list;
            } else if let Some(slot) = scheme.index_of(key).and_then(|i| overrides.per_tier.get_mut(i)) {
                *slot = list;
            } else {
                return Err(Error::new(
                    tier_path,
                    format!("is not a tier of this scheme (tiers: {}; \"*\" means all)", scheme.tier_ids()),
                ));
            }
        }
        Ok(overrides)
    }
}

fn read_tier_overrides(path: &str, value: &Value) -> Result<Vec<(Quantity, Override)>> {
    let object = Object::read(path, value)?;
    object
        .entries()
        .map(|(key, value)| {
            let field = input::join(path, key);
            let quantity = Quantity::from_id(key)
                .ok_or_else(|| Error::new(&field, format!("is not a known assumption (known: {})", known_quantities())))?;
            Ok((quantity, read_override(&field, quantity, value)?))
        })
        .collect()
}

fn read_override(path: &str, quantity: Quantity, value: &Value) -> Result<Override> {
    let bounds = quantity.domain();
    let check = |path: &str, v: f64| input::finite_in(path, v, &bounds);
    match value {
        Value::Number(n) => Ok(Override::Typical(check(path, *n)?)),
        Value::Object(_) => {
            let object = Object::read(path, value)?;
            object.only(&["low", "typical", "high"])?;
            let read =
                |key: &str| -> Result<Option<f64>> { object.number(key)?.map(|v| check(&input::join(path, key), v)).transpose() };
            Ok(Override::Range { low: read("low")?, typical: read("typical")?, high: read("high")? })
        }
        other => Err(Error::new(path, format!("must be {}, or {{ low, typical, high }}", bounds.what)).got(other.describe())),
    }
}

/// Applies one override to `range`. A bare number rescales the *default* range, so the
/// relative uncertainty survives (a typical of 0, then another value, does not lose it).
fn apply(path: &str, quantity: Quantity, default: Range, range: Range, change: Override) -> Result<Range> {
    let Bounds { min, max, .. } = quantity.domain();
    let next = match change {
        Override::Typical(typical) => {
            let (low, high) = if default.typical > 0.0 {
                let scale = typical / default.typical;
                (default.low * scale, default.high * scale)
            } else {
                (default.low, default.high)
            };
            Range { low: within(low, min, typical), typical, high: within(high, typical, max) }
        }
        Override::Range { low, typical, high } => {
            let typical_now = typical.unwrap_or(range.typical);
            Range {
                low: low.unwrap_or_else(|| range.low.min(typical_now)),
                typical: typical_now,
                high: high.unwrap_or_else(|| range.high.max(typical_now)),
            }
        }
    };
    if next.low <= next.typical && next.typical <= next.high {
        Ok(next)
    } else {
        Err(Error::new(path, "must keep low ≤ typical ≤ high"))
    }
}

// ---------------------------------------------------------------------------------------------
// Resolved assumptions

/// Every quantity of one tier after overrides, and which ones the user changed.
#[derive(Debug, Clone, PartialEq)]
pub struct TierAssumptions {
    values: [Range; QUANTITY_COUNT],
    overridden: [bool; QUANTITY_COUNT],
}

impl TierAssumptions {
    pub fn range(&self, quantity: Quantity) -> Range {
        self.values.get(quantity.index()).copied().unwrap_or(Range::fixed(0.0))
    }

    pub fn typical(&self, quantity: Quantity) -> f64 {
        self.range(quantity).typical
    }

    /// The same tier with every range transformed by `f`; a range that changes counts as
    /// overridden (it is no longer the default curve's).
    pub fn map(&self, f: impl Fn(Quantity, Range) -> Range) -> TierAssumptions {
        let mut next = self.clone();
        for ((quantity, slot), flag) in Quantity::ALL.into_iter().zip(next.values.iter_mut()).zip(next.overridden.iter_mut()) {
            let mapped = f(quantity, *slot);
            *flag |= mapped != *slot;
            *slot = mapped;
        }
        next
    }

    pub fn is_overridden(&self, quantity: Quantity) -> bool {
        self.overridden.get(quantity.index()).copied().unwrap_or(false)
    }
}

/// Resolves every tier's assumptions: the follower count first (the curves depend on it),
/// then the curves at that count, then the user's overrides, `"*"` before the tier's own.
pub fn resolve(scheme: &TierScheme, overrides: &Overrides, path: &str) -> Result<Vec<TierAssumptions>> {
    scheme
        .tiers
        .iter()
        .enumerate()
        .map(|(index, tier)| {
            let own = overrides.per_tier.get(index).map(Vec::as_slice).unwrap_or_default();
            let changes = |q: Quantity| {
                let every = overrides.every_tier.iter().filter(move |(k, _)| *k == q).map(|(_, c)| ("*", *c));
                let mine = own.iter().filter(move |(k, _)| *k == q).map(|(_, c)| (tier.id.as_ref(), *c));
                every.chain(mine)
            };
            let mut result = TierAssumptions { values: [Range::fixed(0.0); QUANTITY_COUNT], overridden: [false; QUANTITY_COUNT] };
            let (low, high) = scheme.span(index).unwrap_or((tier.typical_followers, tier.typical_followers));
            let mut followers = Range { low, typical: tier.typical_followers, high };
            for quantity in Quantity::ALL {
                let default = match quantity {
                    Quantity::TypicalFollowers => followers,
                    other => default_range(other, followers.typical),
                };
                let mut range = default;
                for (key, change) in changes(quantity) {
                    let field = input::join(&input::join(path, key), quantity.id());
                    range = apply(&field, quantity, default, range, change)?;
                    if let Some(flag) = result.overridden.get_mut(quantity.index()) {
                        *flag = true;
                    }
                }
                if quantity == Quantity::TypicalFollowers {
                    followers = range;
                }
                if let Some(slot) = result.values.get_mut(quantity.index()) {
                    *slot = range;
                }
            }
            Ok(result)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tiers::preset;

    fn fr_defaults() -> Vec<TierAssumptions> {
        let scheme = preset("fr2018").unwrap();
        resolve(&scheme, &Overrides::default(), "overrides").unwrap()
    }

    #[test]
    fn default_persuasion_makes_nano_four_times_macro_and_twice_micro() {
        let a = fr_defaults();
        let p: Vec<f64> = a.iter().map(|t| t.typical(Quantity::Persuasion)).collect();
        assert!((p[0] / p[2] - 4.0).abs() < 1e-3, "nano/macro {}", p[0] / p[2]);
        assert!((p[0] / p[1] - 2.0).abs() < 1e-3, "nano/micro {}", p[0] / p[1]);
    }

    #[test]
    fn every_default_range_is_ordered_and_within_its_domain() {
        for f in [1.0, 100.0, 316.0, 10_000.0, 1e6, 1e10] {
            for q in Quantity::ALL {
                let r = default_range(q, f);
                let Bounds { min, max, .. } = q.domain();
                assert!(r.low <= r.typical && r.typical <= r.high, "{q:?} at {f}: {r:?}");
                if q != Quantity::TypicalFollowers {
                    assert!(r.low >= min && r.high <= max, "{q:?} at {f}: {r:?}");
                }
            }
        }
    }

    #[test]
    fn every_quantity_has_a_source_with_a_note() {
        for q in Quantity::ALL {
            assert!(q.source().note().is_some(), "{q:?}");
        }
    }

    #[test]
    fn fee_follows_the_rate_card_with_a_floor() {
        assert_eq!(default_range(Quantity::Fee, 316.0).typical, 20.0);
        assert!((default_range(Quantity::Fee, 10_000.0).typical - 100.0).abs() < 1e-9);
    }

    #[test]
    fn reach_rate_is_clamped() {
        assert_eq!(default_range(Quantity::ReachRate, 1.0).typical, 0.6);
        assert_eq!(default_range(Quantity::ReachRate, 1e10).typical, 0.02);
    }

    #[test]
    fn tier_override_wins_over_star_and_keeps_relative_width() {
        let scheme = preset("fr2018").unwrap();
        let input: Value = serde_json::from_str(r#"{"*": {"realShare": 0.8}, "micro": {"fee": 250, "realShare": 0.6}}"#).unwrap();
        let o = Overrides::from_value("overrides", Some(&input), &scheme).unwrap();
        let a = resolve(&scheme, &o, "overrides").unwrap();
        assert_eq!(a[0].typical(Quantity::RealShare), 0.8);
        assert_eq!(a[1].typical(Quantity::RealShare), 0.6);
        let fee = a[1].range(Quantity::Fee);
        assert_eq!(fee.typical, 250.0);
        assert!((fee.low - 125.0).abs() < 1e-9 && (fee.high - 500.0).abs() < 1e-9, "{fee:?}");
        assert!(a[1].is_overridden(Quantity::Fee));
        assert!(!a[0].is_overridden(Quantity::Fee));
    }

    #[test]
    fn a_zero_then_a_tier_value_keeps_the_relative_range() {
        let scheme = preset("fr2018").unwrap();
        let input: Value = serde_json::from_str(r#"{"*": {"hours": 0}, "micro": {"hours": 5}}"#).unwrap();
        let o = Overrides::from_value("overrides", Some(&input), &scheme).unwrap();
        let a = resolve(&scheme, &o, "overrides").unwrap();
        let hours = a[1].range(Quantity::Hours);
        assert!((hours.low - 2.5).abs() < 1e-9 && (hours.high - 10.0).abs() < 1e-9, "{hours:?}");
        assert_eq!(a[0].range(Quantity::Hours), Range::fixed(0.0));
    }

    #[test]
    fn overriding_followers_moves_the_curves() {
        let scheme = preset("fr2018").unwrap();
        let input: Value = serde_json::from_str(r#"{"micro": {"typicalFollowers": 50000}}"#).unwrap();
        let o = Overrides::from_value("overrides", Some(&input), &scheme).unwrap();
        let a = resolve(&scheme, &o, "overrides").unwrap();
        assert!((a[1].typical(Quantity::Fee) - 500.0).abs() < 1e-9);
    }

    #[test]
    fn bad_overrides_name_the_field() {
        let scheme = preset("fr2018").unwrap();
        let read = |json: &str| {
            let v: Value = serde_json::from_str(json).unwrap();
            Overrides::from_value("overrides", Some(&v), &scheme)
                .and_then(|o| resolve(&scheme, &o, "overrides"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            read(r#"{"giga": {"fee": 1}}"#),
            "overrides.giga is not a tier of this scheme (tiers: nano, micro, macro; \"*\" means all)"
        );
        assert!(read(r#"{"micro": {"feee": 1}}"#).starts_with("overrides.micro.feee is not a known assumption"));
        assert_eq!(read(r#"{"micro": {"realShare": 1.5}}"#), "overrides.micro.realShare must be a share from 0 to 1 (got 1.5)");
        assert_eq!(read(r#"{"micro": {"fee": -5}}"#), "overrides.micro.fee must be an amount from 0 to 1000000000 (got -5)");
        assert_eq!(
            read(r#"{"micro": {"fee": {"low": 300, "typical": 200}}}"#),
            "overrides.micro.fee must keep low ≤ typical ≤ high"
        );
        assert!(read(r#"{"micro": {"fee": "cheap"}}"#).contains("(got \"cheap\")"));
    }
}
