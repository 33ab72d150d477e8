//! Invariants of MODEL §7, the follower-bounded audience: nobody is reached who does not follow
//! a hired account, repeat posts add frequency, never people, and a tier outside the target
//! reaches no one. Checked on random scenarios with explicit counts.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
use proptest::prelude::*;
use serde_json::json;
use tiermix::assumptions::Quantity;
use tiermix::input::Value;
use tiermix::model::{self, Outcome};
use tiermix::scenario::Scenario;

const SCHEMES: [&str; 5] = ["fr2018", "imh", "later", "traackr", "hypeauditor"];

/// Counts, fit, delivery and real share per tier, for any preset; a budget that affords them.
#[derive(Debug, Clone)]
struct Case {
    scheme: &'static str,
    audience: f64,
    counts: Vec<u32>,
    fits: Vec<f64>,
    deliveries: Vec<f64>,
    real: f64,
}

impl Case {
    fn json(&self, posts: u32) -> serde_json::Value {
        let tiers = tiermix::tiers::preset(self.scheme).unwrap().tiers;
        let mut counts = serde_json::Map::new();
        let mut overrides = serde_json::Map::new();
        overrides.insert("*".into(), json!({ "realShare": self.real }));
        for (i, tier) in tiers.iter().enumerate() {
            counts.insert(tier.id.to_string(), json!(self.counts[i]));
            overrides.insert(tier.id.to_string(), json!({ "audienceFit": self.fits[i], "delivery": self.deliveries[i] }));
        }
        json!({
            "scheme": self.scheme, "budget": 1e12, "audience": self.audience, "postsPerInfluencer": posts,
            "mix": { "counts": counts }, "overrides": overrides,
        })
    }

    fn scenario(&self, posts: u32) -> Scenario {
        let value: Value = serde_json::from_str(&self.json(posts).to_string()).unwrap();
        Scenario::from_value(&value).unwrap()
    }

    fn outcome(&self, posts: u32) -> Outcome {
        model::evaluate(&self.scenario(posts)).unwrap()
    }
}

fn case() -> impl Strategy<Value = Case> {
    (
        0usize..SCHEMES.len(),
        1_000.0f64..50_000_000.0,
        proptest::collection::vec(0u32..60, 6),
        proptest::collection::vec(0.0f64..=1.0, 6),
        proptest::collection::vec(0.0f64..=1.0, 6),
        0.0f64..=1.0,
    )
        .prop_map(|(scheme, audience, counts, fits, deliveries, real)| Case {
            scheme: SCHEMES[scheme],
            audience: audience.round(),
            counts,
            fits,
            deliveries,
            real,
        })
}

/// Per tier, the in-target real followers of one account, `F = f · realShare · audienceFit`,
/// and its delivery and audience concentration, read back from the resolved assumptions.
fn followers_in_target(s: &Scenario) -> Vec<(f64, f64, f64)> {
    s.assumptions
        .iter()
        .map(|a| {
            let f = a.typical(Quantity::TypicalFollowers) * a.typical(Quantity::RealShare) * a.typical(Quantity::AudienceFit);
            (f, a.typical(Quantity::Delivery), a.typical(Quantity::Concentration))
        })
        .collect()
}

/// Slack for rounding: a millionth of the larger side, and a hair for zero.
fn at_most(a: f64, b: f64) -> bool {
    a <= b + 1e-9 * b.abs().max(a.abs()) + 1e-9
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn nobody_is_reached_who_does_not_follow_a_hired_account(c in case(), posts in 1u32..200) {
        let s = c.scenario(posts);
        let o = model::evaluate(&s).unwrap();
        let followers: f64 = followers_in_target(&s).iter().zip(&o.tiers).map(|((f, _, _), row)| f64::from(row.influencers) * f).sum();
        prop_assert!(at_most(o.reach, followers), "reach {} > in-target real followers {followers}", o.reach);
        prop_assert!(at_most(o.reach, s.audience));
        prop_assert!(at_most(o.conversions, o.reach), "conversions {} > reach {}", o.conversions, o.reach);
    }

    #[test]
    fn repeat_posts_raise_reach_toward_the_all_followers_bound_and_never_past_it(c in case(), posts in 1u32..100) {
        let s = c.scenario(posts);
        let (fewer, more) = (c.outcome(posts), c.outcome(posts + 1 + posts / 3));
        // Everyone who follows at least one posting account: A · (1 − Π (1 + μ/k)^−k), μ = n·delivery·F/A.
        let log_nobody: f64 = followers_in_target(&s)
            .iter()
            .zip(&c.counts)
            .map(|(&(f, delivery, k), &n)| -k * (f64::from(n) * delivery * f / s.audience / k).ln_1p())
            .sum();
        let bound = s.audience * -log_nobody.exp_m1();
        prop_assert!(at_most(fewer.reach, more.reach), "{} posts reach {}, more posts {}", posts, fewer.reach, more.reach);
        prop_assert!(at_most(more.reach, bound), "reach {} above everyone who follows: {bound}", more.reach);
        prop_assert!(at_most(fewer.conversions, more.conversions));
    }

    #[test]
    fn frequency_is_at_least_one_and_rises_with_posts(c in case(), posts in 1u32..100) {
        let (fewer, more) = (c.outcome(posts), c.outcome(posts + 1));
        if let (Some(low), Some(high)) = (fewer.frequency, more.frequency) {
            prop_assert!(low >= 1.0 - 1e-9, "frequency {low}");
            prop_assert!(at_most(low, high), "{posts} posts: frequency {low}, one more: {high}");
        }
    }

    #[test]
    fn a_tier_outside_the_target_reaches_and_persuades_no_one(c in case(), posts in 1u32..20, pick in 0usize..6) {
        let mut c = c;
        let tiers = c.scenario(posts).scheme.tiers.len();
        let t = pick % tiers;
        c.fits[t] = 0.0;
        let with = c.outcome(posts);
        prop_assert_eq!(with.tiers[t].reach, 0.0);
        prop_assert_eq!(with.tiers[t].conversions, 0.0);
        c.counts[t] = 0;
        let without = c.outcome(posts);
        prop_assert!((with.reach - without.reach).abs() <= 1e-9 * with.reach.max(1.0), "{} vs {}", with.reach, without.reach);
        prop_assert!((with.conversions - without.conversions).abs() <= 1e-9 * with.conversions.max(1.0));
    }
}

fn evaluate(value: serde_json::Value) -> Outcome {
    let value: Value = serde_json::from_str(&value.to_string()).unwrap();
    model::evaluate(&Scenario::from_value(&value).unwrap()).unwrap()
}

#[test]
fn one_nano_account_posting_a_hundred_times_reaches_at_most_its_real_followers() {
    let o =
        evaluate(json!({ "mix": { "counts": { "nano": 1 } }, "postsPerInfluencer": 100, "overrides": { "*": { "delivery": 1 } } }));
    // 316 followers, three in four real: 237 people, each of whom sees about 53 of the posts.
    assert!(o.reach <= 237.2 && o.reach > 237.0, "{}", o.reach);
    assert!(o.frequency.unwrap() > 50.0, "{:?}", o.frequency);
}

#[test]
fn ten_micro_accounts_posting_fifty_times_reach_at_most_their_real_followers() {
    let o = evaluate(json!({
        "budget": 100000, "mix": { "counts": { "micro": 10 } }, "postsPerInfluencer": 50, "overrides": { "*": { "delivery": 1 } }
    }));
    assert!(o.reach <= 75_000.0, "{}", o.reach);
}

#[test]
fn creators_who_do_not_post_cost_their_fee_and_hours_but_bring_no_one() {
    let all = evaluate(json!({ "mix": { "counts": { "micro": 10 } }, "overrides": { "*": { "delivery": 1 } } }));
    let most = evaluate(json!({ "mix": { "counts": { "micro": 10 } }, "overrides": { "*": { "delivery": 0.8 } } }));
    assert_eq!(all.spend, most.spend);
    assert_eq!(all.workload_hours, most.workload_hours);
    assert!((most.engagements / all.engagements - 0.8).abs() < 1e-12);
    assert!((most.impressions / all.impressions - 0.8).abs() < 1e-12);
    assert!(most.reach < all.reach && most.reach > 0.8 * all.reach, "{} vs {}", most.reach, all.reach);
}

#[test]
fn a_fit_or_delivery_outside_zero_to_one_is_refused_by_name() {
    for (quantity, value) in [("audienceFit", 1.2), ("audienceFit", -0.1), ("delivery", 1.5), ("delivery", f64::NAN)] {
        let value = Value::Object(vec![(
            "overrides".into(),
            Value::Object(vec![("macro".into(), Value::Object(vec![(quantity.into(), Value::Number(value))]))]),
        )]);
        let error = Scenario::from_value(&value).unwrap_err();
        assert_eq!(error.field, format!("overrides.macro.{quantity}"));
    }
}
