//! MODEL §9: a budget that holds in every simulated world, the goal's own measure, and whether
//! the best mix stays the best when the world is not the typical one.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use proptest::prelude::*;
use tiermix::compare;
use tiermix::input::Value;
use tiermix::model::OutcomeKind;
use tiermix::scenario::Scenario;
use tiermix::uncertainty::{self, Plan, Settings};

fn scenario(json: &str) -> Scenario {
    Scenario::from_value(&serde_json::from_str::<Value>(json).unwrap()).unwrap()
}

const SCHEMES: [&str; 5] = ["fr2018", "imh", "later", "traackr", "hypeauditor"];
const OBJECTIVES: [&str; 5] = ["reach", "engagements", "conversions", "netValue", "blend"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(80))]

    #[test]
    fn a_plan_given_as_shares_never_spends_more_than_the_budget_in_any_world(
        scheme in 0usize..5, budget in 0.0f64..300_000.0, objective in 0usize..5, seed in 0u64..1000, hourly in 0.0f64..200.0,
    ) {
        let s = scenario(&format!(
            r#"{{"scheme": "{}", "budget": {budget}, "hourlyCost": {hourly}, "goal": {{"objective": "{}"}}}}"#,
            SCHEMES[scheme], OBJECTIVES[objective]
        ));
        let plans: Vec<Plan> = compare::compare(&s).unwrap().iter().map(|o| Plan::of(&s, o)).collect();
        for tiers in uncertainty::worlds(&s, Settings { draws: 100, seed }) {
            for plan in &plans {
                let counts = plan.counts(&s, &tiers).unwrap();
                let spend: f64 = tiers.iter().zip(&counts).map(|(t, &n)| f64::from(n) * t.unit_cost).sum();
                prop_assert!(spend <= budget * (1.0 + 1e-12), "{plan:?} spends {spend} of {budget}");
            }
        }
        let sim = uncertainty::simulate(&s, Settings { draws: 100, seed }).unwrap();
        for m in &sim.mixes {
            prop_assert!(m.spend.p90 <= budget * (1.0 + 1e-12), "{}: {:?}", m.label.en, m.spend);
        }
    }
}

#[test]
fn the_defaults_spend_at_most_the_budget_in_every_world_and_fewer_influencers_when_they_cost_more() {
    let s = scenario(r#"{"budget": 20000}"#);
    let sim = uncertainty::simulate(&s, Settings { draws: 2000, seed: 1 }).unwrap();
    for m in &sim.mixes {
        assert!(m.spend.p90 <= 20_000.0, "{}: {:?}", m.label.en, m.spend);
    }
    // Re-bought at each world's prices, the macro plan hires 4, 5 or 6 accounts, never 5 always.
    let macro_plan = Plan::Shares(vec![0.0, 0.0, 1.0]);
    let counts: std::collections::BTreeSet<u32> =
        uncertainty::worlds(&s, Settings { draws: 500, seed: 1 }).map(|t| macro_plan.counts(&s, &t).unwrap()[2]).collect();
    assert!(counts.len() > 1, "{counts:?}");
}

#[test]
fn a_plan_given_as_counts_keeps_its_counts_and_its_spend_varies() {
    let s = scenario(r#"{"mix": {"counts": {"micro": 40}}}"#);
    let mine = compare::compare(&s).unwrap().into_iter().find(|o| o.kind == OutcomeKind::Mix).unwrap();
    let plan = Plan::of(&s, &mine);
    assert_eq!(plan, Plan::Counts(vec![0, 40, 0]));
    let sim = uncertainty::simulate(&s, Settings { draws: 500, seed: 3 }).unwrap();
    let spend = &sim.mixes[3].spend;
    assert!(spend.p10 < spend.p90, "{spend:?}");
}

#[test]
fn the_tornado_gives_fees_and_hours_their_real_effect_on_the_goal() {
    let s = scenario("{}");
    let swings = uncertainty::sensitivity(&s).unwrap();
    for quantity in ["fee", "hours"] {
        let w = swings.iter().find(|w| w.quantity == quantity).unwrap();
        // Dearer means fewer influencers for the same share of the budget: fewer conversions.
        assert!(w.low.conversions > w.high.conversions, "{quantity}: {:?}", w);
        assert_eq!(w.low.goal, w.low.conversions, "the default goal is conversions");
    }
}

#[test]
fn beats_and_the_tornado_use_the_goals_own_measure() {
    for (objective, measure) in [
        ("reach", "reach"),
        ("engagements", "engagements"),
        ("conversions", "conversions"),
        ("netValue", "netValue"),
        ("blend", "blend"),
    ] {
        let s = scenario(&format!(r#"{{"goal": {{"objective": "{objective}"}}}}"#));
        let sim = uncertainty::simulate(&s, Settings { draws: 200, seed: 5 }).unwrap();
        assert_eq!(sim.beats.measure, measure);
        match objective {
            "reach" => assert_eq!(sim.beats.goal, sim.beats.reach),
            "conversions" => assert_eq!(sim.beats.goal, sim.beats.conversions),
            _ => {}
        }
        for m in &sim.mixes {
            match objective {
                "reach" => assert_eq!(m.goal, m.reach),
                "engagements" => assert_eq!(m.goal, m.engagements),
                "conversions" => assert_eq!(m.goal, m.conversions),
                // The blend scores the typical best mix near 1; nothing scores above the sum of its weights.
                "blend" => assert!(m.goal.p90 <= 1.5 && m.goal.p10 >= 0.0, "{:?}", m.goal),
                _ => {}
            }
        }
        let swings = uncertainty::sensitivity(&s).unwrap();
        let fee = swings.iter().find(|w| w.quantity == "fee").unwrap();
        if objective == "netValue" {
            assert_eq!(fee.low.goal, fee.low.net_value);
        }
    }
}

#[test]
fn the_best_mix_is_re_planned_in_at_least_two_hundred_worlds() {
    let s = scenario("{}");
    let sim = uncertainty::simulate(&s, Settings { draws: 2000, seed: 1 }).unwrap();
    let r = &sim.robustness;
    assert!(r.worlds >= 200, "{}", r.worlds);
    assert_eq!(r.best.len(), sim.mixes.len());
    // Some mix is the best in every world; mixes that are the same plan are both the best.
    assert!(r.best.iter().map(|b| b.share).sum::<f64>() >= 1.0 - 1e-9);
    assert!(r.tiers.iter().map(|t| t.leading).sum::<f64>() >= 1.0 - 1e-9);
    let (micro_only, best) = (&r.best[1], &r.best[4]);
    assert_eq!(micro_only.share, best.share, "at the defaults the best mix is micro only");
    for t in &r.tiers {
        assert!(0.0 <= t.p10 && t.p10 <= t.p50 && t.p50 <= t.p90 && t.p90 <= 1.0 + 1e-12, "{t:?}");
    }
    // Re-planning never does worse than the typical best mix, re-bought: the shortfall is a gain.
    assert!(r.shortfall.p10 >= 0.0 && r.shortfall.p90 < 1.0, "{:?}", r.shortfall);
    // At the defaults micro leads the re-planned budget in most worlds, but not all.
    let micro = &r.tiers[1];
    assert!(micro.leading > 0.5 && micro.leading < 1.0, "{micro:?}");
    // Fewer draws than the sample: every draw is a sampled world.
    assert_eq!(uncertainty::simulate(&s, Settings { draws: 50, seed: 1 }).unwrap().robustness.worlds, 50);
}

#[test]
fn a_plan_that_spends_nothing_puts_no_tier_ahead_and_the_tornado_knows_its_centre() {
    let s = scenario(r#"{"goal": {"objective": "netValue"}}"#);
    let r = uncertainty::simulate(&s, Settings { draws: 2000, seed: 1 }).unwrap().robustness;
    let led: f64 = r.tiers.iter().map(|t| t.leading).sum();
    assert!(led <= 1.0 + 1e-9, "{led}: {:?}", r.tiers);
    let mine = tiermix::model::evaluate(&s).unwrap();
    for w in uncertainty::sensitivity(&s).unwrap() {
        assert!((w.typical.goal - (mine.revenue - mine.spend)).abs() < 1e-6, "{}: {:?}", w.quantity, w.typical);
        assert_eq!(w.typical.conversions, mine.conversions);
    }
}
