//! Any file read as a roster, then picked from under a budget taken from the input: the pick
//! never traps, stays within the budget, and never claims more than its proven bound.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tiermix::goal::{Goal, Objective};
use tiermix::input::Value;
use tiermix::roster::{self, pick};
use tiermix::scenario::Scenario;

fuzz_target!(|data: &[u8]| {
    let Some((&[budget_byte, objective_byte], bytes)) = data.split_first_chunk::<2>() else { return };
    let budget = f64::from(budget_byte) * 500.0;
    let Ok(scenario) = Scenario::from_value(&Value::Object(vec![("budget".into(), Value::Number(budget))])) else { return };
    let parsed = roster::parse_bytes(bytes, &scenario.scheme);
    let candidates: Vec<pick::Candidate> = parsed
        .rows
        .iter()
        .take(200)
        .map(|r| pick::Candidate {
            line: r.line,
            handle: r.handle.clone(),
            followers: r.followers,
            fee: (!r.estimated.contains("fee")).then_some(r.fee),
            engagement_rate: (!r.estimated.contains("engagementRate")).then_some(r.engagement_rate),
            audience_fit: r.audience_fit,
        })
        .collect();
    let objectives = [Objective::Reach, Objective::Engagements, Objective::Conversions, Objective::NetValue, Objective::Blend];
    let objective = objectives[usize::from(objective_byte) % objectives.len()];
    if let Ok(found) = pick::pick(&scenario, &candidates, &Goal::new(objective, scenario.scheme.tiers.len())) {
        assert!(found.outcome.spend <= budget * (1.0 + 1e-9) + 1e-9);
        assert!(found.upper_bound >= found.value - 1e-6 * found.value.abs().max(1.0));
    }
});
