//! MODEL §10: every switching value is a tie between the best mix and the runner-up.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use tiermix::compare;
use tiermix::input::Value;
use tiermix::scenario::Scenario;
use tiermix::switching::{self, change_of};
use tiermix::uncertainty::{goal_weights, Plan};

fn scenario(json: &str) -> Scenario {
    Scenario::from_value(&serde_json::from_str::<Value>(json).unwrap()).unwrap()
}

#[test]
fn every_switching_value_is_a_tie_and_the_typical_value_is_not() {
    let mut checked = 0;
    for json in [
        "{}",
        r#"{"scheme": "traackr", "budget": 50000}"#,
        r#"{"goal": {"objective": "reach"}}"#,
        r#"{"goal": {"objective": "netValue"}, "mix": {"counts": {"nano": 20, "micro": 10}}}"#,
        r#"{"goal": {"objective": "blend", "lambda": 0.3}, "scheme": "imh"}"#,
        r#"{"audience": 500000, "overrides": {"nano": {"audienceFit": 0.3}, "micro": {"audienceFit": 0.1}, "macro": {"audienceFit": 0.02}}}"#,
    ] {
        let s = scenario(json);
        let outcomes = compare::compare(&s).unwrap();
        let weights = goal_weights(&s).unwrap();
        let best = Plan::of(&s, outcomes.last().unwrap());
        let switches = switching::switching_values(&s).unwrap();
        assert!(!switches.is_empty(), "{json}");
        for w in switches.iter().filter(|w| w.value.is_some()) {
            let other = outcomes.iter().find(|o| o.label == w.against.label).unwrap();
            let other = Plan::of(&s, other);
            let change = change_of(&s, w).unwrap();
            let value = w.value.unwrap();
            let (a, b) = (
                switching::measure_at(&s, &weights, &best, change, value),
                switching::measure_at(&s, &weights, &other, change, value),
            );
            assert!((a - b).abs() <= 1e-3 * a.abs().max(b.abs()), "{json}: {w:?}: {a} vs {b}");
            let (a0, b0) = (
                switching::measure_at(&s, &weights, &best, change, w.typical),
                switching::measure_at(&s, &weights, &other, change, w.typical),
            );
            assert!(a0 != b0, "{json}: {w:?} ties already at the typical value");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} switching values found");
}
