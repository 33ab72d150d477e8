//! The tier optimiser and the roster pick maximise the same objectives over the same unit
//! economics: on a roster of typical accounts, a few per tier, they choose the same plan.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{scenario, score};
use tiermix::assumptions::Quantity;
use tiermix::goal::{Goal, Objective, TierLimits};
use tiermix::optimize;
use tiermix::roster::pick::{self, Candidate};
use tiermix::scenario::Scenario;

const OBJECTIVES: [Objective; 5] =
    [Objective::Reach, Objective::Engagements, Objective::Conversions, Objective::NetValue, Objective::Blend];

/// `per_tier` accounts per tier, each the tier's typical account.
fn typical_roster(s: &Scenario, per_tier: usize) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for (tier, a) in s.scheme.tiers.iter().zip(&s.assumptions) {
        for _ in 0..per_tier {
            let line = candidates.len() as u32 + 2;
            candidates.push(Candidate {
                line,
                handle: format!("{}{line}", tier.id),
                followers: tier.typical_followers,
                fee: Some(a.typical(Quantity::Fee)),
                engagement_rate: Some(a.typical(Quantity::EngagementRate)),
                audience_fit: None,
            });
        }
    }
    candidates
}

/// The tier optimiser held to the roster's size: at most `per_tier` influencers per tier.
fn held_goal(s: &Scenario, objective: Objective, per_tier: usize) -> Goal {
    let mut goal = Goal::new(objective, s.scheme.tiers.len());
    goal.limits = vec![TierLimits { max_count: Some(per_tier as u32), ..TierLimits::default() }; s.scheme.tiers.len()];
    goal
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn pick_and_tier_optimiser_agree_on_typical_accounts() {
    let per_tier = 4;
    for json in [
        r#"{"budget": 1500}"#,
        r#"{"budget": 9000}"#,
        r#"{"budget": 40000, "conversionValue": 400}"#,
        r#"{"budget": 3000, "hourlyCost": 0, "postsPerInfluencer": 2}"#,
        r#"{"budget": 20000, "scheme": "traackr"}"#,
    ] {
        let s = scenario(json);
        let candidates = typical_roster(&s, per_tier);
        for objective in OBJECTIVES {
            let goal = held_goal(&s, objective, per_tier);
            let picked = pick::pick(&s, &candidates, &goal).unwrap();
            let optimum = optimize::optimize(&s, &goal).unwrap();
            let alone = |objective: Objective| optimize::optimize(&s, &Goal { objective, ..goal.clone() }).unwrap();
            let (best_reach, best_conversions) = (alone(Objective::Reach).reach, alone(Objective::Conversions).conversions);
            let value = score(&optimum, objective, goal.lambda, best_reach, best_conversions);
            assert!(picked.exact && optimum.exact == Some(true), "{json} {objective:?}");
            assert!(close(picked.value, value), "{json} {objective:?}: pick {} against the tiers' {value}", picked.value);
            let counts = |o: &tiermix::model::Outcome| o.tiers.iter().map(|t| t.influencers).collect::<Vec<_>>();
            assert_eq!(counts(&picked.outcome), counts(&optimum), "{json} {objective:?}");
            assert!(close(picked.outcome.spend, optimum.spend), "{json} {objective:?}");
        }
    }
}
