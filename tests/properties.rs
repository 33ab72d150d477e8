//! Invariants of MODEL §3 that must hold for every valid scenario, checked on random ones.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
use proptest::prelude::*;
use tiermix::compare;
use tiermix::input::Value;
use tiermix::model::{self, Outcome};
use tiermix::scenario::Scenario;

const SCHEMES: [&str; 5] = ["fr2018", "imh", "later", "traackr", "hypeauditor"];

fn number(v: f64) -> Value {
    Value::Number(v)
}

/// A random valid scenario: any preset, budget up to 500k, random shares summing to ≤ 1,
/// random globals and a random overall real-audience override.
fn scenario_value() -> impl Strategy<Value = (Value, usize)> {
    (
        0usize..SCHEMES.len(),
        0.0f64..500_000.0,
        proptest::collection::vec(0.0f64..1.0, 6),
        0.1f64..1.0,
        1_000.0f64..50_000_000.0,
        1u32..5,
        0.0f64..200.0,
        0.0f64..500.0,
        0.3f64..1.0,
    )
        .prop_map(|(scheme, budget, raw, fill, audience, posts, hourly, value, real)| {
            let tiers = tiermix::tiers::preset(SCHEMES[scheme]).unwrap().tiers;
            let total: f64 = raw.iter().take(tiers.len()).sum::<f64>().max(1e-9);
            let shares = tiers.iter().zip(&raw).map(|(t, r)| (t.id.to_string(), number(r / total * fill))).collect();
            let object = Value::Object(vec![
                ("scheme".into(), Value::Text(SCHEMES[scheme].into())),
                ("budget".into(), number(budget)),
                ("audience".into(), number(audience.round())),
                ("postsPerInfluencer".into(), number(f64::from(posts))),
                ("hourlyCost".into(), number(hourly)),
                ("conversionValue".into(), number(value)),
                ("mix".into(), Value::Object(vec![("shares".into(), Value::Object(shares))])),
                ("overrides".into(), Value::Object(vec![("*".into(), Value::Object(vec![("realShare".into(), number(real))]))])),
            ]);
            (object, scheme)
        })
}

fn all_finite_and_non_negative(o: &Outcome) -> bool {
    let optional = [o.frequency, o.cost_per_thousand_reached, o.cost_per_engagement, o.cost_per_conversion];
    let plain = [
        o.spend,
        o.unspent,
        o.impressions,
        o.reach,
        o.reach_share,
        o.overlap,
        o.engagements,
        o.conversions,
        o.revenue,
        o.workload_hours,
    ];
    plain.iter().chain(optional.iter().flatten()).all(|v| v.is_finite() && *v >= 0.0)
        && o.roi.is_none_or(f64::is_finite)
        && o.tiers.iter().all(|t| {
            [t.spend, t.impressions, t.reach, t.engagements, t.conversions, t.workload_hours]
                .iter()
                .all(|v| v.is_finite() && *v >= 0.0)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spend_never_exceeds_budget((value, _) in scenario_value()) {
        let s = Scenario::from_value(&value).unwrap();
        for o in compare::compare(&s).unwrap() {
            prop_assert!(o.spend <= s.budget, "{} > {}", o.spend, s.budget);
            prop_assert!((o.spend + o.unspent - s.budget).abs() <= s.budget * 1e-9 + 1e-6);
            // What the creators are paid and what the team's time costs make up the spend.
            prop_assert!((o.fee_spend + o.team_spend - o.spend).abs() <= o.spend * 1e-12 + 1e-9);
            for t in &o.tiers {
                prop_assert!((t.fee_spend + t.team_spend - t.spend).abs() <= t.spend * 1e-12 + 1e-9);
                prop_assert!((t.team_spend - t.workload_hours * s.hourly_cost).abs() <= t.spend * 1e-9 + 1e-9);
            }
        }
    }

    #[test]
    fn reach_is_at_most_audience_and_impressions((value, _) in scenario_value()) {
        let s = Scenario::from_value(&value).unwrap();
        for o in compare::compare(&s).unwrap() {
            prop_assert!(o.reach <= s.audience.min(o.impressions) * (1.0 + 1e-9) + 1e-9,
                "reach {} audience {} impressions {}", o.reach, s.audience, o.impressions);
            prop_assert!(o.conversions <= o.reach * (1.0 + 1e-9) + 1e-9);
        }
    }

    #[test]
    fn every_output_is_finite_and_non_negative((value, _) in scenario_value()) {
        let s = Scenario::from_value(&value).unwrap();
        for o in compare::compare(&s).unwrap() {
            prop_assert!(all_finite_and_non_negative(&o), "{o:?}");
        }
    }

    #[test]
    fn more_budget_never_lowers_reach_engagements_or_conversions(
        (value, _) in scenario_value(), extra in 0.0f64..200_000.0
    ) {
        let s = Scenario::from_value(&value).unwrap();
        let richer = s.with_budget(s.budget + extra);
        for (poor, rich) in compare::compare(&s).unwrap().iter().zip(compare::compare(&richer).unwrap()) {
            // The optimum (for conversions, the default goal) may trade reach for persuasion
            // as money grows; it never loses conversions.
            if poor.kind != model::OutcomeKind::Optimum {
                prop_assert!(rich.reach >= poor.reach);
                prop_assert!(rich.engagements >= poor.engagements);
            }
            prop_assert!(rich.conversions >= poor.conversions * (1.0 - 1e-12));
        }
    }

    #[test]
    fn total_reach_is_at_most_the_sum_of_tier_reaches((value, _) in scenario_value()) {
        let s = Scenario::from_value(&value).unwrap();
        let o = model::evaluate(&s).unwrap();
        let sum: f64 = o.tiers.iter().map(|t| t.reach).sum();
        prop_assert!(o.reach <= sum * (1.0 + 1e-9) + 1e-9);
        prop_assert!(o.reach >= o.tiers.iter().map(|t| t.reach).fold(0.0, f64::max) * (1.0 - 1e-9));
    }

    #[test]
    fn classify_puts_every_count_in_the_last_tier_it_reaches(scheme in 0usize..SCHEMES.len(), n in 0u64..=10_000_000_000) {
        let s = tiermix::tiers::preset(SCHEMES[scheme]).unwrap();
        match s.classify(n) {
            None => prop_assert!(n < s.tiers[0].min_followers),
            Some(i) => {
                prop_assert!(n >= s.tiers[i].min_followers);
                if let Some(next) = s.tiers.get(i + 1) {
                    prop_assert!(n < next.min_followers);
                }
            }
        }
    }

    #[test]
    fn arbitrary_input_trees_never_panic(value in arbitrary_value()) {
        // Whatever the shape, reading a scenario returns Ok or an error that names a field
        // and says what it must be.
        match Scenario::from_value(&value) {
            Ok(s) => {
                let compared = compare::compare(&s);
                if let Err(e) = compared {
                    prop_assert!(e.field.starts_with("mix"), "only the user's own mix may fail: {e}");
                }
            }
            Err(e) => prop_assert!(!e.field.is_empty() && !e.problem.is_empty(), "{e}"),
        }
    }

}

proptest! {
    // Each case compares with the exact optimum on extreme inputs: fewer, heavier cases.
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn extreme_but_valid_scenarios_keep_every_invariant(value in wild_scenario()) {
        let s = Scenario::from_value(&value).unwrap();
        // The user's mix may legitimately be refused (counts over budget, a free tier with a
        // share); every single-tier comparison must still come out.
        let outcomes = match compare::compare(&s) {
            Ok(outcomes) => outcomes,
            Err(e) => {
                prop_assert!(e.field.starts_with("mix"), "{e}");
                return Ok(());
            }
        };
        prop_assert_eq!(outcomes.len(), s.scheme.tiers.len() + 2);
        for o in &outcomes {
            prop_assert!(all_finite_and_non_negative(o), "{o:?}");
            prop_assert!(o.spend <= s.budget, "{} > {}", o.spend, s.budget);
            prop_assert!(o.reach <= s.audience.min(o.impressions) * (1.0 + 1e-9) + 1e-9);
            prop_assert!(o.conversions <= o.reach * (1.0 + 1e-9) + 1e-9);
        }
    }
}

/// Custom schemes, count mixes and overrides at the edges of their domains.
fn wild_scenario() -> impl Strategy<Value = Value> {
    let quantity = prop_oneof![
        (Just("typicalFollowers"), prop_oneof![Just(1.0), Just(1e10), 1.0f64..1e7]),
        (Just("fee"), prop_oneof![Just(0.0), Just(1e9), 0.0f64..1e5]),
        (Just("reachRate"), prop_oneof![Just(0.0), Just(1.0), 0.0f64..1.0]),
        (Just("engagementRate"), prop_oneof![Just(0.0), Just(1.0), 0.0f64..1.0]),
        (Just("sponsoredFactor"), 0.0f64..2.0),
        (Just("realShare"), prop_oneof![Just(0.0), Just(1.0), 0.0f64..1.0]),
        (Just("persuasion"), prop_oneof![Just(0.0), Just(1.0), 0.0f64..1.0]),
        (Just("hours"), prop_oneof![Just(0.0), Just(10_000.0), 0.0f64..100.0]),
        (Just("concentration"), prop_oneof![Just(0.001), Just(1e6), 0.001f64..100.0]),
    ];
    let overrides = proptest::collection::vec(quantity, 0..5)
        .prop_map(|items| items.into_iter().map(|(k, v)| (k.to_string(), Value::Number(v))).collect::<Vec<_>>());
    let bounds = proptest::collection::btree_set(0u64..=10_000_000_000, 1..6);
    (
        bounds,
        prop_oneof![Just(0.0), Just(1e9), 0.0f64..1e7],
        prop_oneof![Just(1.0), Just(1e10), 1.0f64..1e8],
        1u32..=1000,
        prop_oneof![Just(0.0), 0.0f64..500.0],
        overrides,
        any::<bool>(),
        proptest::collection::vec(0u32..50, 6),
    )
        .prop_map(|(bounds, budget, audience, posts, hourly, overrides, use_counts, raw)| {
            let ids: Vec<String> = (0..bounds.len()).map(|i| format!("t{i}")).collect();
            let tiers = bounds
                .iter()
                .zip(&ids)
                .map(|(b, id)| {
                    Value::Object(vec![("id".into(), Value::Text(id.clone())), ("minFollowers".into(), number(*b as f64))])
                })
                .collect();
            let total: f64 = raw.iter().take(ids.len()).map(|&r| f64::from(r)).sum::<f64>().max(1.0);
            let mix = if use_counts {
                let counts = ids.iter().zip(&raw).map(|(id, &r)| (id.clone(), number(f64::from(r % 4)))).collect();
                Value::Object(vec![("counts".into(), Value::Object(counts))])
            } else {
                let shares = ids.iter().zip(&raw).map(|(id, &r)| (id.clone(), number(f64::from(r) / total))).collect();
                Value::Object(vec![("shares".into(), Value::Object(shares))])
            };
            Value::Object(vec![
                ("scheme".into(), Value::Object(vec![("tiers".into(), Value::List(tiers))])),
                ("budget".into(), number(budget)),
                ("audience".into(), number(audience.round().max(1.0))),
                ("postsPerInfluencer".into(), number(f64::from(posts))),
                ("hourlyCost".into(), number(hourly)),
                ("mix".into(), mix),
                ("overrides".into(), Value::Object(vec![("*".into(), Value::Object(overrides))])),
            ])
        })
}

fn arbitrary_value() -> impl Strategy<Value = Value> {
    let keys = prop_oneof![
        Just("budget".to_string()),
        Just("mix".to_string()),
        Just("shares".to_string()),
        Just("counts".to_string()),
        Just("nano".to_string()),
        Just("micro".to_string()),
        Just("scheme".to_string()),
        Just("tiers".to_string()),
        Just("minFollowers".to_string()),
        Just("id".to_string()),
        Just("overrides".to_string()),
        Just("*".to_string()),
        Just("fee".to_string()),
        Just("audience".to_string()),
        "[a-z]{1,6}".prop_map(String::from),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        (-2.0f64..2.0).prop_map(Value::Number),
        (0u64..2_000_000).prop_map(|n| Value::Number(n as f64)),
        prop_oneof![Just("fr2018".to_string()), "[a-z*]{0,8}".prop_map(String::from)].prop_map(Value::Text),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            proptest::collection::vec((keys.clone(), inner), 0..6).prop_map(Value::Object),
        ]
    })
}
