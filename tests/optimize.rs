//! The optimiser against exhaustive search: on random small instances and on every preset
//! scheme, for every objective, with and without limits, the optimum must be the true best.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{scenario, score};
use proptest::prelude::*;
use tiermix::compare;
use tiermix::goal::{Goal, Objective, TierLimits};
use tiermix::model;
use tiermix::optimize;
use tiermix::scenario::Scenario;

/// Every feasible count vector, and the best score among them.
fn brute_force(s: &Scenario, goal: &Goal) -> Option<(f64, Vec<u32>)> {
    let economics = model::economics(s);
    let tiers = economics.len();
    let mut lo = vec![0u32; tiers];
    let mut hi = vec![0u32; tiers];
    for t in 0..tiers {
        let l: TierLimits = goal.limits[t];
        let u = economics[t].unit_cost;
        let mut top = (s.budget / u).floor() as u32;
        if let Some(m) = l.max_count {
            top = top.min(m);
        }
        if let Some(m) = l.max_spend {
            top = top.min((m / u * (1.0 + 1e-12)).floor() as u32);
        }
        let mut bottom = l.min_count.unwrap_or(0);
        if let Some(m) = l.min_spend {
            bottom = bottom.max((m / u * (1.0 - 1e-12)).ceil() as u32);
        }
        lo[t] = bottom;
        hi[t] = top;
    }
    let extremes = |objective: Objective| -> f64 {
        let g = Goal { objective, ..goal.clone() };
        brute_force(s, &g).map_or(0.0, |(v, _)| v)
    };
    let (best_reach, best_conversions) = if goal.objective == Objective::Blend {
        (extremes(Objective::Reach), extremes(Objective::Conversions))
    } else {
        (0.0, 0.0)
    };
    let mut counts = lo.clone();
    let mut best: Option<(f64, Vec<u32>)> = None;
    loop {
        let spend: f64 = counts.iter().zip(&economics).map(|(&n, e)| f64::from(n) * e.unit_cost).sum();
        let hours: f64 = counts.iter().zip(&economics).map(|(&n, e)| f64::from(n) * e.hours).sum();
        if spend <= s.budget && goal.max_hours.is_none_or(|h| hours <= h * (1.0 + 1e-12)) {
            let o =
                model::outcome_for_counts(s, &economics, &counts, tiermix::sources::Label::fixed("", ""), model::OutcomeKind::Mix);
            let v = score(&o, goal.objective, goal.lambda, best_reach, best_conversions);
            if best.as_ref().is_none_or(|(b, _)| v > *b) {
                best = Some((v, counts.clone()));
            }
        }
        // Next vector in the box [lo, hi].
        let mut t = 0;
        loop {
            if t == tiers {
                return best;
            }
            if counts[t] < hi[t] {
                counts[t] += 1;
                break;
            }
            counts[t] = lo[t];
            t += 1;
        }
    }
}

fn check(s: &Scenario, goal: &Goal) {
    let brute = brute_force(s, goal);
    match (optimize::optimize(s, goal), brute) {
        (Ok(o), Some((best, counts))) => {
            let (best_reach, best_conversions) = if goal.objective == Objective::Blend {
                let r = brute_force(s, &Goal { objective: Objective::Reach, ..goal.clone() }).unwrap().0;
                let c = brute_force(s, &Goal { objective: Objective::Conversions, ..goal.clone() }).unwrap().0;
                (r, c)
            } else {
                (0.0, 0.0)
            };
            let got = score(&o, goal.objective, goal.lambda, best_reach, best_conversions);
            let tolerance = 1e-9 * best.abs().max(1.0);
            assert!(
                (got - best).abs() <= tolerance,
                "{:?} λ={}: optimiser {got} with {:?}, exhaustive {best} with {counts:?}",
                goal.objective,
                goal.lambda,
                o.tiers.iter().map(|t| t.influencers).collect::<Vec<_>>()
            );
            assert!(o.spend <= s.budget, "spend {} > budget {}", o.spend, s.budget);
            if let Some(cap) = goal.max_hours {
                assert!(o.workload_hours <= cap * (1.0 + 1e-9), "{} hours > {cap}", o.workload_hours);
            }
            for (row, limits) in o.tiers.iter().zip(&goal.limits) {
                assert!(limits.min_count.is_none_or(|m| row.influencers >= m), "{row:?} below {limits:?}");
                assert!(limits.max_count.is_none_or(|m| row.influencers <= m), "{row:?} above {limits:?}");
            }
        }
        (Err(e), None) => assert!(e.field.starts_with("goal"), "{e}"),
        (Ok(o), None) => panic!("optimiser found {o:?} where exhaustive search found nothing feasible"),
        (Err(e), Some(best)) => panic!("optimiser failed ({e}) where exhaustive search found {best:?}"),
    }
}

const OBJECTIVES: [Objective; 5] =
    [Objective::Reach, Objective::Engagements, Objective::Conversions, Objective::NetValue, Objective::Blend];

#[test]
fn every_preset_and_objective_matches_exhaustive_search() {
    for scheme in ["fr2018", "imh", "later", "traackr", "hypeauditor"] {
        for budget in [3_000, 12_000] {
            let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": {budget}}}"#));
            for objective in OBJECTIVES {
                for lambda in [0.0, 0.3, 1.0] {
                    let goal = Goal { objective, lambda, ..Goal::new(objective, s.scheme.tiers.len()) };
                    check(&s, &goal);
                }
            }
        }
    }
}

#[test]
fn the_default_fr2018_optimum_beats_every_single_tier_mix_on_conversions() {
    let s = scenario(r#"{"budget": 20000}"#);
    let goal = Goal::new(Objective::Conversions, 3);
    check(&s, &goal);
    let best = optimize::optimize(&s, &goal).unwrap();
    for o in compare::compare(&s).unwrap() {
        assert!(best.conversions >= o.conversions - 1e-9, "{} vs {}", best.conversions, o.label.en);
    }
}

#[test]
fn net_value_leaves_budget_unspent_and_says_why() {
    // A conversion worth almost nothing: hiring anyone loses money.
    let s = scenario(r#"{"budget": 20000, "conversionValue": 1}"#);
    let o = optimize::optimize(&s, &Goal::new(Objective::NetValue, 3)).unwrap();
    assert_eq!(o.influencers, 0);
    let left = o.budget_left.unwrap();
    assert_eq!(left.reason, "notWorthIt");
    assert!((left.amount - 20_000.0).abs() < 1e-9);
}

#[test]
fn limits_are_respected_and_reported_as_binding() {
    let s = scenario(
        r#"{"budget": 20000, "goal": {"objective": "reach", "limits": {"macro": {"maxCount": 2}, "nano": {"minCount": 10}}, "maxHours": 150}}"#,
    );
    let o = optimize::optimize(&s, &s.goal).unwrap();
    assert!(o.tiers[2].influencers <= 2);
    assert!(o.tiers[0].influencers >= 10);
    assert!(o.workload_hours <= 150.0 + 1e-9);
    check(&s, &s.goal);
    let binding = o.binding.unwrap();
    assert!(binding.iter().any(|b| b.limit == "maxCount" && b.tier.as_deref() == Some("macro")), "{binding:?}");
}

#[test]
fn conflicting_limits_are_refused_with_the_conflict_named() {
    let read = |goal: &str| Scenario::from_value(&serde_json::from_str(&format!(r#"{{"goal": {goal}}}"#)).unwrap());
    let e = read(r#"{"limits": {"micro": {"minCount": 5, "maxCount": 2}}}"#).unwrap_err();
    assert_eq!(e.to_string(), "goal.limits.micro asks for at least 5 and at most 2 influencers");
    let s = read(r#"{"limits": {"macro": {"minCount": 10}}}"#).unwrap();
    let e = optimize::optimize(&s, &s.goal).unwrap_err();
    assert!(e.to_string().starts_with("goal.limits ask for more than the budget"), "{e}");
    let s = read(r#"{"limits": {"micro": {"minSpend": 5000, "maxCount": 3}}}"#).unwrap();
    let e = optimize::optimize(&s, &s.goal).unwrap_err();
    assert!(e.to_string().contains("minSpend asks for at least 15 influencers but maxCount allows at most 3"), "{e}");
    let e = read(r#"{"objective": "fame"}"#).unwrap_err();
    assert!(e.to_string().starts_with("goal.objective must be one of reach"), "{e}");
    let e = read(r#"{"lambda": 2}"#).unwrap_err();
    assert_eq!(e.field, "goal.lambda");
}

#[test]
fn frontier_trades_reach_for_persuasion_monotonically() {
    for scheme in ["fr2018", "traackr"] {
        let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": 30000}}"#));
        let points = optimize::frontier(&s, &s.goal, 21).unwrap();
        assert_eq!(points.len(), 21);
        assert_eq!(points[0].lambda, Some(0.0));
        assert_eq!(points[20].lambda, Some(1.0));
        for pair in points.windows(2) {
            assert!(pair[1].reach <= pair[0].reach * (1.0 + 1e-9), "{scheme}: reach rose");
            assert!(pair[1].conversions >= pair[0].conversions * (1.0 - 1e-9), "{scheme}: conversions fell");
        }
    }
}

#[test]
fn response_curves_cover_every_single_tier_mix_and_the_optimum() {
    let s = scenario(r#"{"goal": {"objective": "reach"}}"#);
    let curves = optimize::response_curves(&s, &s.goal, &[0.0, 5_000.0, 20_000.0, 80_000.0]).unwrap();
    assert_eq!(curves.curves.len(), 4);
    let best = &curves.curves[3];
    assert_eq!(best.kind, model::OutcomeKind::Optimum);
    for w in best.reach.windows(2) {
        assert!(w[1] >= w[0]);
    }
    for single in &curves.curves[..3] {
        for (b, s) in best.reach.iter().zip(&single.reach) {
            assert!(b + 1e-6 >= *s);
        }
    }
}

#[test]
fn compare_ends_with_the_optimum_for_the_scenarios_goal() {
    let s = scenario(r#"{"goal": {"objective": "netValue"}}"#);
    let outcomes = compare::compare(&s).unwrap();
    let last = outcomes.last().unwrap();
    assert_eq!(last.kind, model::OutcomeKind::Optimum);
    assert_eq!(last.label.en, "Best net value");
    assert!(last.budget_left.is_some());
}

fn small_instance() -> impl Strategy<Value = (Scenario, Goal)> {
    (
        proptest::collection::btree_set(0u64..3_000_000, 2..5),
        500.0f64..6_000.0,
        0.0f64..80.0,
        1.0f64..200.0,
        0usize..5,
        0.0f64..1.0,
        proptest::collection::vec((0u32..4, 0u32..40, any::<bool>(), any::<bool>()), 5),
        prop_oneof![Just(None), (5.0f64..200.0).prop_map(Some)],
        0.05f64..5.0,
    )
        .prop_map(|(bounds, budget, hourly, value, objective, lambda, limits, max_hours, k)| {
            let tiers: Vec<String> =
                bounds.iter().enumerate().map(|(i, b)| format!(r#"{{"id": "t{i}", "minFollowers": {b}}}"#)).collect();
            let json = format!(
                r#"{{"scheme": {{"tiers": [{}]}}, "budget": {budget}, "hourlyCost": {hourly}, "conversionValue": {value},
                    "overrides": {{"*": {{"concentration": {k}}}}}}}"#,
                tiers.join(",")
            );
            let s = scenario(&json);
            let objective = OBJECTIVES[objective];
            let mut goal = Goal { objective, lambda, max_hours, ..Goal::new(objective, s.scheme.tiers.len()) };
            for (slot, (min, max, use_min, use_max)) in goal.limits.iter_mut().zip(limits) {
                if use_min {
                    slot.min_count = Some(min);
                }
                if use_max {
                    slot.max_count = Some(max.max(min));
                }
            }
            (s, goal)
        })
}

fn scheme_and_budget() -> impl Strategy<Value = (&'static str, f64, usize, f64)> {
    (
        prop_oneof![Just("fr2018"), Just("imh"), Just("later"), Just("traackr"), Just("hypeauditor")],
        1_000.0f64..300_000.0,
        0usize..5,
        0.0f64..1.0,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn the_optimum_is_at_least_as_good_as_every_other_mix_on_its_own_objective((scheme, budget, objective, lambda) in scheme_and_budget()) {
        let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": {budget}, "mix": {{"shares": {{}}}}}}"#));
        let objective = OBJECTIVES[objective];
        let goal = Goal { objective, lambda, ..Goal::new(objective, s.scheme.tiers.len()) };
        let best = optimize::optimize(&s, &goal).unwrap();
        let (r, c) = if objective == Objective::Blend {
            let r = optimize::optimize(&s, &Goal { objective: Objective::Reach, ..goal.clone() }).unwrap().reach;
            let c = optimize::optimize(&s, &Goal { objective: Objective::Conversions, ..goal.clone() }).unwrap().conversions;
            (r, c)
        } else {
            (0.0, 0.0)
        };
        let mine = score(&best, objective, lambda, r, c);
        let mut others = compare::compare(&s).unwrap();
        others.push(model::evaluate(&s.with_mix(tiermix::scenario::Mix::even(s.scheme.tiers.len()))).unwrap());
        for other in others.iter().filter(|o| !o.capped) {
            let theirs = score(other, objective, lambda, r, c);
            prop_assert!(mine >= theirs - 1e-9 * theirs.abs().max(1.0), "{objective:?}: optimum {mine} < {} {theirs}", other.label.en);
        }
        prop_assert_eq!(best.exact, Some(true));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn the_optimum_equals_exhaustive_search_on_random_small_instances((s, goal) in small_instance()) {
        check(&s, &goal);
    }
}

#[test]
fn large_budgets_with_a_linear_objective_stay_exact_and_quick() {
    // Found in review: the search used to wander here and stop at its limit with a plan worse
    // than a simple greedy fill (1,293,797 engagements).
    for (scheme, budget) in [("hypeauditor", 2_000_000), ("later", 10_000_000), ("hypeauditor", 1_000_000)] {
        // Every hired account posts, as when the greedy fill's figure was measured.
        let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": {budget}, "overrides": {{"*": {{"delivery": 1}}}}}}"#));
        let started = std::time::Instant::now();
        let best = optimize::optimize(&s, &Goal::new(Objective::Engagements, s.scheme.tiers.len())).unwrap();
        assert_eq!(best.exact, Some(true), "{scheme} {budget}");
        if scheme == "hypeauditor" && budget == 2_000_000 {
            assert!(best.engagements >= 1_293_797.0, "{}", best.engagements);
        }
        // Generous: a debug build on a busy machine; the benchmark tracks the real figure.
        assert!(started.elapsed().as_secs_f64() < 5.0, "{scheme} {budget}: {:?}", started.elapsed());
    }
}

#[test]
fn at_a_billion_the_last_tiers_rounding_prunes_the_proof_and_keeps_the_plan() {
    // Counts in the hundreds of thousands: the objective barely curves, and the proof used to
    // value every leaf whose fractional ceiling was above the best plan (19,044 and 31,166
    // units of work). The cheapest tier's whole count bounds those leaves instead. The plan is
    // the one the search proved when it valued every leaf (a bound a little too tight returns
    // a plan a few influencers off on three tiers, still marked exact).
    let s = scenario(r#"{"scheme": "hypeauditor", "budget": 1e9}"#);
    for (objective, most_work) in [(Objective::Conversions, 13_000), (Objective::Blend, 21_000)] {
        let goal = Goal::new(objective, s.scheme.tiers.len());
        let worked = optimize::optimize_with_work(&s, &goal, optimize::WORK_PER_CALL).unwrap();
        let o = worked.answer;
        assert_eq!((o.exact, o.gap), (Some(true), Some(0.0)), "{objective:?}");
        let counts: Vec<u32> = o.tiers.iter().map(|t| t.influencers).collect();
        assert_eq!(counts, [551_752, 621_968, 409_414, 100_079, 0], "{objective:?}");
        assert!(worked.work <= most_work, "{objective:?}: {} work", worked.work);
    }
}

/// The brute-force optimum, and the optimiser's answer with only `work` units of work.
fn cut_short(s: &Scenario, goal: &Goal, work: u64) -> Option<(f64, f64, model::Outcome)> {
    let (best, _) = brute_force(s, goal)?;
    let o = optimize::optimize_with_work(s, goal, work).ok()?.answer;
    let (r, c) = if goal.objective == Objective::Blend {
        let r = brute_force(s, &Goal { objective: Objective::Reach, ..goal.clone() }).unwrap().0;
        let c = brute_force(s, &Goal { objective: Objective::Conversions, ..goal.clone() }).unwrap().0;
        (r, c)
    } else {
        (0.0, 0.0)
    };
    let got = score(&o, goal.objective, goal.lambda, r, c);
    Some((best, got, o))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_search_cut_short_is_feasible_and_its_gap_bounds_the_true_optimum((s, goal) in small_instance(), work in prop_oneof![Just(0u64), 1u64..400, 400u64..4_000]) {
        let Some((best, got, o)) = cut_short(&s, &goal, work) else { return Ok(()) };
        let tolerance = 1e-9 * best.abs().max(1.0);
        let gap = o.gap.unwrap();
        prop_assert!(gap >= 0.0, "gap {gap}");
        prop_assert!(got <= best + tolerance, "{:?}: {got} beats the optimum {best}", goal.objective);
        if o.exact == Some(true) {
            prop_assert_eq!(gap, 0.0);
            prop_assert!((got - best).abs() <= tolerance, "{:?} exact with work {work}: {got}, optimum {best}", goal.objective);
        } else if best > 0.0 {
            // value ≥ (1 − gap) × U ≥ (1 − gap) × optimum.
            prop_assert!(best * (1.0 - gap) <= got + tolerance, "{:?} work {work}: {got} with gap {gap}, optimum {best}", goal.objective);
        }
        prop_assert!(o.spend <= s.budget, "spend {} > budget {}", o.spend, s.budget);
        if let Some(cap) = goal.max_hours {
            prop_assert!(o.workload_hours <= cap * (1.0 + 1e-9), "{} hours > {cap}", o.workload_hours);
        }
        for (row, limits) in o.tiers.iter().zip(&goal.limits) {
            prop_assert!(limits.min_count.is_none_or(|m| row.influencers >= m), "{row:?} below {limits:?}");
            prop_assert!(limits.max_count.is_none_or(|m| row.influencers <= m), "{row:?} above {limits:?}");
        }
    }
}

#[test]
fn no_work_at_all_still_gives_a_feasible_plan_with_a_proven_gap() {
    let mut cut = 0;
    for scheme in ["fr2018", "traackr"] {
        let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": 12000}}"#));
        for objective in OBJECTIVES {
            let goal = Goal { objective, ..Goal::new(objective, s.scheme.tiers.len()) };
            let (best, got, o) = cut_short(&s, &goal, 0).unwrap();
            let gap = o.gap.unwrap();
            cut += usize::from(o.exact == Some(false));
            assert!(got <= best * (1.0 + 1e-9) + 1e-9, "{scheme} {objective:?}");
            if best > 0.0 {
                assert!(best * (1.0 - gap) <= got + 1e-9 * best, "{scheme} {objective:?}: {got}, gap {gap}, optimum {best}");
            }
        }
    }
    // Not a vacuous check: without work, most searches stop before they can prove anything.
    assert!(cut >= 5, "only {cut} of 10 cut short");
}

/// The scenarios that once froze the page (seconds per call), as the page's links set them,
/// and the largest gap each may prove.
fn slow_scenarios() -> Vec<(String, Scenario, f64)> {
    let five = r#"{"tiers": [{"id": "a", "minFollowers": 1}, {"id": "b", "minFollowers": 1000}, {"id": "c", "minFollowers": 10000},
        {"id": "d", "minFollowers": 100000}, {"id": "e", "minFollowers": 1000000}]}"#;
    let mut cases: Vec<String> = vec![
        r#"{"budget": 1e9, "scheme": "imh", "goal": {"objective": "blend"}}"#.into(),
        r#"{"budget": 1e9, "scheme": "traackr", "goal": {"objective": "reach"}}"#.into(),
        r#"{"budget": 1e9, "scheme": "traackr"}"#.into(),
        r#"{"budget": 1e12, "scheme": "hypeauditor", "goal": {"objective": "netValue"}}"#.into(),
    ];
    for objective in ["reach", "conversions", "engagements", "netValue", "blend"] {
        cases.push(format!(r#"{{"budget": 1e8, "scheme": {five}, "goal": {{"objective": "{objective}"}}}}"#));
    }
    // As they were found, before creators who do not deliver were modelled: every hired account posts.
    let every_post = |json: String| json.replacen('{', r#"{"overrides": {"*": {"delivery": 1}}, "#, 1);
    let mut cases: Vec<(String, Scenario, f64)> =
        cases.into_iter().map(every_post).map(|json| (json.clone(), scenario(&json), 1e-6)).collect();
    // The most tiers there can be, and hours that bind with the budget: the loosest bounds
    // (about 1% for one optimum, 12% for the worst of 201 frontier points, each with little work).
    let twelve: Vec<String> = (0..12).map(|i| format!(r#"{{"id": "t{i}", "minFollowers": {}}}"#, 4u64.pow(i))).collect();
    for objective in ["engagements", "blend"] {
        let json = format!(
            r#"{{"scheme": {{"tiers": [{}]}}, "budget": 1e6, "mix": {{"counts": {{}}}}, "goal": {{"objective": "{objective}", "maxHours": 3000}}}}"#,
            twelve.join(",")
        );
        cases.push((json.clone(), scenario(&json), 0.2));
    }
    cases
}

/// A search stops at its first check past its limit, then proves its gap: a little more work
/// (at most one relaxation of the whole problem per solve; measured up to 49,000 for
/// `optimize` and 246,000 for a 201-point frontier, 12 tiers with hours).
const OVERSHOOT: u64 = 60_000;
const SERIES_OVERSHOOT: u64 = 300_000;

#[test]
fn the_scenarios_that_froze_the_page_stay_within_their_work_and_prove_a_tiny_gap() {
    for (json, s, max_gap) in slow_scenarios() {
        let o = optimize::optimize_with_work(&s, &s.goal, optimize::WORK_PER_CALL).unwrap();
        assert!(o.work <= optimize::WORK_PER_CALL + OVERSHOOT, "{json}: optimize spent {}", o.work);
        assert!(o.answer.gap.unwrap() < max_gap, "{json}: gap {:?}", o.answer.gap);
        assert_eq!(o.answer.exact, Some(o.answer.gap == Some(0.0)), "{json}");

        let f = optimize::frontier_with_work(&s, &s.goal, 201, optimize::WORK_PER_SERIES).unwrap();
        assert!(f.work <= optimize::WORK_PER_SERIES + SERIES_OVERSHOOT, "{json}: frontier spent {}", f.work);
        assert_eq!(f.answer.len(), 201);
        for point in &f.answer {
            assert!(point.gap.unwrap() < max_gap, "{json}: λ = {:?}, gap {:?}", point.lambda, point.gap);
        }

        let budgets: Vec<f64> = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0].iter().map(|k| k * s.budget).collect();
        let r = optimize::response_curves_with_work(&s, &s.goal, &budgets, optimize::WORK_PER_SERIES).unwrap();
        assert!(r.work <= optimize::WORK_PER_SERIES + SERIES_OVERSHOOT, "{json}: response curves spent {}", r.work);
        let optimum = r.answer.curves.last().unwrap();
        assert!(optimum.gap.unwrap() < max_gap, "{json}: response curves gap {:?}", optimum.gap);
    }
}

#[test]
fn realistic_scenarios_are_proven_optimal_with_a_fraction_of_the_work() {
    for scheme in ["fr2018", "imh", "later", "traackr", "hypeauditor"] {
        for budget in [5_000, 20_000, 100_000] {
            let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": {budget}}}"#));
            for objective in OBJECTIVES {
                let goal = Goal { objective, ..Goal::new(objective, s.scheme.tiers.len()) };
                let o = optimize::optimize_with_work(&s, &goal, optimize::WORK_PER_CALL).unwrap();
                assert_eq!(o.answer.exact, Some(true), "{scheme} {budget} {objective:?}");
                assert_eq!(o.answer.gap, Some(0.0));
                assert!(o.work <= optimize::WORK_PER_CALL / 8, "{scheme} {budget} {objective:?}: {} work", o.work);
            }
            let f = optimize::frontier(&s, &s.goal, 21).unwrap();
            assert!(f.iter().all(|o| o.exact == Some(true)), "{scheme} {budget}: frontier not proven");
        }
    }
    // The densest frontier the API draws, at budgets where proofs take real work.
    for (scheme, budget) in [("traackr", 500_000), ("hypeauditor", 300_000), ("fr2018", 500_000)] {
        let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": {budget}}}"#));
        let f = optimize::frontier_with_work(&s, &s.goal, 201, optimize::WORK_PER_SERIES).unwrap();
        let cut = f.answer.iter().filter(|o| o.exact != Some(true)).count();
        assert_eq!(cut, 0, "{scheme} {budget}: {cut} of 201 points not proven with {} work", f.work);
    }
}

#[test]
fn compare_and_response_curves_say_whether_their_optimum_is_proven() {
    let s = scenario(r#"{"budget": 20000}"#);
    let optimum = compare::compare(&s).unwrap().pop().unwrap();
    assert_eq!((optimum.exact, optimum.gap), (Some(true), Some(0.0)));
    let curves = optimize::response_curves(&s, &s.goal, &[0.0, 20_000.0, 80_000.0]).unwrap();
    let best = curves.curves.last().unwrap();
    assert_eq!((best.exact, best.gap), (Some(true), Some(0.0)));
    assert!(curves.curves.iter().filter(|c| c.kind == model::OutcomeKind::Single).all(|c| c.exact.is_none() && c.gap.is_none()));
    // Cut short, the largest gap among the budgets is the curve's.
    let s = scenario(r#"{"budget": 1e8, "scheme": "traackr", "goal": {"objective": "conversions"}}"#);
    let cut = optimize::response_curves_with_work(&s, &s.goal, &[1e8, 2e8], 0).unwrap().answer;
    let best = cut.curves.last().unwrap();
    assert_eq!(best.exact, Some(false));
    assert!(best.gap.unwrap() > 0.0);
}

/// An upper bound on the exposure term `Σ k ln(1 + r·x/k)` over fractional counts within the
/// budget and the size limit, from Lagrangian duality (any price gives one; the bisection
/// only makes it tight), and the fractional counts at that price, computed here on its own
/// rather than by the optimiser.
fn relaxed_exposure(s: &Scenario, persuaded: bool) -> (f64, Vec<f64>) {
    let economics = model::economics(s);
    let most = tiermix::limits::MAX_COUNT as f64;
    let rate = |e: &model::TierEconomics| if persuaded { e.persuaded } else { e.reached } / s.audience;
    let term = |e: &model::TierEconomics, x: f64| e.concentration * (rate(e) * x / e.concentration).ln_1p();
    let counts = |mu: f64| -> Vec<f64> {
        economics
            .iter()
            .map(|e| {
                if mu <= 0.0 {
                    most
                } else {
                    tiermix::assumptions::within(e.concentration / (mu * e.unit_cost) - e.concentration / rate(e), 0.0, most)
                }
            })
            .collect()
    };
    let spend = |x: &[f64]| x.iter().zip(&economics).map(|(n, e)| n * e.unit_cost).sum::<f64>();
    let mut mu = 0.0;
    if spend(&counts(0.0)) > s.budget {
        let (mut low, mut high) = (1e-300f64, 1e300f64);
        for _ in 0..4000 {
            let mid = (low * high).sqrt();
            if spend(&counts(mid)) > s.budget {
                low = mid;
            } else {
                high = mid;
            }
        }
        mu = high;
    }
    let x = counts(mu);
    let dual: f64 = x.iter().zip(&economics).map(|(&n, e)| term(e, n) - mu * e.unit_cost * n).sum::<f64>() + mu * s.budget;
    (dual, x)
}

#[test]
fn huge_budgets_are_feasible_near_the_relaxations_bound_and_proven_within_a_tenth_of_a_percent() {
    for scheme in ["fr2018", "imh", "later", "traackr", "hypeauditor"] {
        for budget in [1e9, 1e10, 1e11, 1e12] {
            for objective in [Objective::Reach, Objective::Conversions, Objective::Blend, Objective::NetValue] {
                let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": {budget}, "mix": {{"shares": {{}}}}}}"#));
                let goal = Goal::new(objective, s.scheme.tiers.len());
                let o = optimize::optimize(&s, &goal).unwrap();
                let at = format!("{scheme} {budget:e} {objective:?}");
                assert!(o.spend <= s.budget, "{at}: spend {}", o.spend);
                assert!(o.tiers.iter().all(|t| u64::from(t.influencers) <= tiermix::limits::MAX_COUNT), "{at}");
                let gap = o.gap.unwrap();
                assert!(gap <= 1e-3, "{at}: gap {gap}");
                assert_eq!(o.exact, Some(gap == 0.0), "{at}");
                // Reach and conversions maximise one exposure term: no plan beats its
                // relaxation, and the optimum beats the relaxation's counts rounded down.
                let persuaded = match objective {
                    Objective::Reach => Some(false),
                    Objective::Conversions => Some(true),
                    _ => None,
                };
                if let Some(persuaded) = persuaded {
                    let (bound, x) = relaxed_exposure(&s, persuaded);
                    let people = s.audience * -(-bound).exp_m1();
                    let got = if persuaded { o.conversions } else { o.reach };
                    assert!(got <= people * (1.0 + 1e-12), "{at}: {got} above the relaxation's {people}");
                    let floor: Vec<u32> = x.iter().map(|v| v.floor() as u32).collect();
                    let economics = model::economics(&s);
                    let label = tiermix::sources::Label::fixed("", "");
                    let rounded = model::outcome_for_counts(&s, &economics, &floor, label, model::OutcomeKind::Mix);
                    let theirs = if persuaded { rounded.conversions } else { rounded.reach };
                    assert!(got >= theirs * (1.0 - 1e-12), "{at}: {got} below the rounded relaxation's {theirs}");
                    assert!(got >= people * (1.0 - gap) * (1.0 - 1e-5), "{at}: {got} far below the relaxation's {people}");
                }
                // Every single-tier mix is a plan too.
                let (r, c) = if objective == Objective::Blend {
                    let alone = |objective| optimize::optimize(&s, &Goal::new(objective, s.scheme.tiers.len())).unwrap();
                    (alone(Objective::Reach).reach, alone(Objective::Conversions).conversions)
                } else {
                    (0.0, 0.0)
                };
                let mine = score(&o, objective, goal.lambda, r, c);
                for other in compare::compare(&s).unwrap().iter().filter(|o| !o.capped && o.kind == model::OutcomeKind::Single) {
                    let theirs = score(other, objective, goal.lambda, r, c);
                    assert!(mine >= theirs - 1e-9 * theirs.abs().max(1.0), "{at}: {mine} below {}'s {theirs}", other.label.en);
                }
            }
            let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": {budget}, "mix": {{"shares": {{}}}}}}"#));
            for point in optimize::frontier(&s, &s.goal, 21).unwrap() {
                assert!(
                    point.gap.unwrap() <= 1e-3 && point.spend <= s.budget,
                    "{scheme} {budget:e} frontier λ = {:?}",
                    point.lambda
                );
            }
        }
    }
}
