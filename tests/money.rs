//! What the budget buys, checked from outside the model (MODEL §8): a tier's fee-only cost per
//! 1,000 views and per engagement, recomputed here from the assumptions report, and the share of
//! the budget a tier of a share mix was given.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::scenario;
use tiermix::model::{self, TierOutcome};
use tiermix::scenario::report;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn fee_per_thousand_views_is_the_fees_over_every_followers_views() {
    // Three posts each, so views count repeats; a niche fit, so views still count every follower.
    let s = scenario(
        r#"{"scheme": "later", "budget": 1000000, "postsPerInfluencer": 3, "overrides": {"*": {"audienceFit": 0.2}},
            "mix": {"shares": {"nano": 0.2, "micro": 0.2, "mid": 0.2, "macro": 0.2, "mega": 0.2}}}"#,
    );
    let outcome = model::evaluate(&s).unwrap();
    let assumed = report(&s);
    let mut checked = 0;
    for (row, a) in outcome.tiers.iter().zip(&assumed.tiers) {
        let n = f64::from(row.influencers);
        let views = n * a.delivery.typical * 3.0 * a.typical_followers.typical * a.reach_rate.typical;
        let fees = n * 3.0 * a.fee.typical;
        if n == 0.0 {
            assert_eq!((row.fee_per_thousand_views, row.fee_per_engagement), (None, None), "{}", row.tier);
            continue;
        }
        checked += 1;
        assert!(close(row.fee_spend, fees), "{}: {} vs {fees}", row.tier, row.fee_spend);
        assert!(close(row.fee_per_thousand_views.unwrap(), fees * 1000.0 / views), "{}", row.tier);
        let engagements =
            n * a.delivery.typical * 3.0 * a.typical_followers.typical * a.engagement_rate.typical * a.sponsored_factor.typical;
        assert!(close(row.fee_per_engagement.unwrap(), fees / engagements), "{}", row.tier);
    }
    assert_eq!(checked, 5, "the mix hires in every tier");
}

#[test]
fn fee_ratios_leave_out_the_teams_time() {
    let cheap =
        model::evaluate(&scenario(r#"{"budget": 1000000, "mix": {"counts": {"nano": 9, "micro": 4, "macro": 1}}}"#)).unwrap();
    let dear = model::evaluate(&scenario(
        r#"{"budget": 1000000, "overrides": {"*": {"hours": 40}}, "mix": {"counts": {"nano": 9, "micro": 4, "macro": 1}}}"#,
    ))
    .unwrap();
    let ratios = |rows: &[TierOutcome]| rows.iter().map(|r| (r.fee_per_thousand_views, r.fee_per_engagement)).collect::<Vec<_>>();
    // The same influencers, however long the team works with them: only the fees are in the ratios.
    assert!(dear.team_spend > cheap.team_spend);
    assert_eq!(ratios(&cheap.tiers), ratios(&dear.tiers));
    let paid =
        model::evaluate(&scenario(r#"{"hourlyCost": 200, "mix": {"shares": {"nano": 0.3, "micro": 0.3, "macro": 0.4}}}"#)).unwrap();
    assert!(paid.tiers.iter().all(|r| r.influencers > 0));
    for row in paid.tiers.iter().filter(|r| r.influencers > 0) {
        assert!(close(row.fee_per_engagement.unwrap(), row.fee_spend / row.engagements), "{}", row.tier);
        assert!(row.fee_spend < row.spend, "{}", row.tier);
    }
}

#[test]
fn a_tier_that_delivers_no_view_has_no_ratio() {
    let s = scenario(r#"{"overrides": {"*": {"delivery": 0}}, "mix": {"shares": {"nano": 0.5, "micro": 0.5}}}"#);
    let outcome = model::evaluate(&s).unwrap();
    assert!(outcome.tiers.iter().any(|r| r.influencers > 0));
    for row in &outcome.tiers {
        assert_eq!((row.fee_per_thousand_views, row.fee_per_engagement), (None, None), "{}", row.tier);
    }
}

#[test]
fn a_share_mix_says_what_each_tier_was_given_and_others_do_not() {
    let s = scenario(r#"{"budget": 20000, "scheme": "traackr", "mix": {"shares": {"nano": 0.1, "mega": 0.25}}}"#);
    let outcome = model::evaluate(&s).unwrap();
    let given: Vec<f64> = outcome.tiers.iter().map(|r| r.allotted.unwrap()).collect();
    assert_eq!(given, [2000.0, 0.0, 0.0, 0.0, 5000.0, 0.0]);
    for row in &outcome.tiers {
        assert!(row.spend <= row.allotted.unwrap() || row.influencers == 0);
    }
    let counts = model::evaluate(&scenario(r#"{"mix": {"counts": {"micro": 2}}}"#)).unwrap();
    assert!(counts.tiers.iter().all(|r| r.allotted.is_none()));
}
