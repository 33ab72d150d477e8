//! The comparison the page shows: every single-tier mix, the caller's mix and the optimum, side
//! by side. Above both the model and the optimiser, so neither depends on the other's caller.

use crate::error::Result;
use crate::model::{self, Outcome, OutcomeKind};
use crate::optimize;
use crate::scenario::{Mix, Scenario};

/// Each single-tier mix (the whole budget on one tier), the scenario's own mix, then the
/// optimum for the scenario's goal.
pub fn compare(scenario: &Scenario) -> Result<Vec<Outcome>> {
    let mut outcomes = mixes(scenario)?;
    outcomes.push(optimize::optimize(scenario, &scenario.goal)?);
    Ok(outcomes)
}

/// `compare` without its last mix, the optimum: what the model alone answers, so a build
/// without the optimiser (the page's first module) can draw everything else.
pub fn mixes(scenario: &Scenario) -> Result<Vec<Outcome>> {
    let tiers = model::economics(scenario);
    let tier_count = scenario.scheme.tiers.len();
    let mut outcomes = scenario
        .scheme
        .tiers
        .iter()
        .enumerate()
        .map(|(index, tier)| {
            let single = Mix::single(tier_count, index);
            let mut outcome = model::evaluate_mix(scenario, &tiers, &single, model::single_label(tier), OutcomeKind::Single)?;
            outcome.tier = Some(tier.id.to_string());
            Ok(outcome)
        })
        .collect::<Result<Vec<_>>>()?;
    outcomes.push(model::evaluate(scenario)?);
    Ok(outcomes)
}
