//! Outcomes as flat records: `evaluate`'s answer and `compareMixes`', the page's results until
//! its second module has loaded. Through the tape, each field took a lookup of its name and an
//! op on the Rust side and a check of both in JavaScript: `evaluate` took 1.5–1.8× as long in
//! Chromium.
//!
//! An outcome's record is numbers, read by tape.js (`readOutcomes`, which must agree with the
//! order here), and its texts, one after another in the answer's text:
//! - `[tier count, 1 if capped + 2 if it has a tier, which optional numbers are null (bit i
//!   for the i-th of frequency, roi, costPerThousandReached, costPerEngagement,
//!   costPerConversion)]`, then the UTF-16 lengths of its label's `en` and `fr`, its kind and
//!   its tier (0 without one), then its 18 numbers in the order of `Outcome`'s fields, a `null`
//!   one written as 0;
//! - per tier: its id's length, which optional numbers are null (allotted,
//!   feePerThousandViews, feePerEngagement), its 13 numbers in the order of `TierOutcome`'s.
//!
//! So 7 + 18 numbers an outcome and 15 a tier: 70 for an outcome of three tiers.
//!
//! An optimum's outcome has more fields (`binding`, `budgetLeft`, …): it goes by the tape.

use super::{Answer, Refused, Tape};
use crate::model::{Outcome, TierOutcome};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/tape.js")]
extern "C" {
    /// Builds the objects of `count` outcomes from their records (valid while the call
    /// lasts): `{ mixes: [...] }`, or the one outcome if `one`.
    #[wasm_bindgen(js_name = readOutcomes)]
    pub fn read(table: &JsValue, numbers: *const f64, text: *const u8, text_len: usize, count: usize, one: bool) -> JsValue;
}

/// `outcomes` as plain JavaScript objects: the one outcome if `one`, else `{ mixes: [...] }`.
pub fn write_outcomes(outcomes: &[Outcome], one: bool) -> Result<JsValue, JsValue> {
    let mut tape = Tape::take();
    let written = outcomes.iter().try_for_each(|outcome| record(&mut tape, outcome));
    tape.finish(written.map(|()| Answer::Outcomes { count: outcomes.len(), one }))
}

fn record(tape: &mut Tape, outcome: &Outcome) -> Result<(), Refused> {
    // Every field named, none left to `..`: a field added to `Outcome` or `TierOutcome` fails
    // to compile here instead of going missing from the answer.
    let Outcome {
        label,
        kind,
        tier,
        influencers,
        spend,
        fee_spend,
        team_spend,
        unspent,
        impressions,
        reach,
        reach_share,
        overlap,
        frequency,
        engagements,
        conversions,
        revenue,
        roi,
        cost_per_thousand_reached,
        cost_per_engagement,
        cost_per_conversion,
        workload_hours,
        capped,
        tiers,
        binding,
        budget_left,
        lambda,
        exact,
        gap,
    } = outcome;
    if binding.is_some() || budget_left.is_some() || lambda.is_some() || exact.is_some() || gap.is_some() {
        return Err(Refused::new("holds an optimum, whose fields an outcome's record does not have"));
    }
    let Tape { numbers, text, .. } = tape;
    let tier = tier.as_deref();
    let optional = [*frequency, *roi, *cost_per_thousand_reached, *cost_per_engagement, *cost_per_conversion];
    numbers.extend_from_slice(&[
        tiers.len() as f64,
        f64::from(u32::from(*capped) | u32::from(tier.is_some()) << 1),
        nulls(&optional),
    ]);
    for t in [&*label.en, &*label.fr, kind.id(), tier.unwrap_or("")] {
        put_text(numbers, text, t);
    }
    let [frequency, roi, per_thousand, per_engagement, per_conversion] = optional.map(|value| value.unwrap_or(0.0));
    numbers.extend_from_slice(&[
        f64::from(*influencers),
        *spend,
        *fee_spend,
        *team_spend,
        *unspent,
        *impressions,
        *reach,
        *reach_share,
        *overlap,
        frequency,
        *engagements,
        *conversions,
        *revenue,
        roi,
        per_thousand,
        per_engagement,
        per_conversion,
        *workload_hours,
    ]);
    for tier in tiers {
        let TierOutcome {
            tier: id,
            influencers,
            unit_cost,
            allotted,
            spend,
            fee_spend,
            team_spend,
            impressions,
            reach,
            engagements,
            conversions,
            workload_hours,
            fee_per_thousand_views,
            fee_per_engagement,
        } = tier;
        put_text(numbers, text, id);
        let optional = [*allotted, *fee_per_thousand_views, *fee_per_engagement];
        let [allotted, per_view, per_engagement] = optional.map(|value| value.unwrap_or(0.0));
        numbers.extend_from_slice(&[
            nulls(&optional),
            f64::from(*influencers),
            *unit_cost,
            allotted,
            *spend,
            *fee_spend,
            *team_spend,
            *impressions,
            *reach,
            *engagements,
            *conversions,
            *workload_hours,
            per_view,
            per_engagement,
        ]);
    }
    Ok(())
}

/// Bit i set where `values[i]` is `None`.
fn nulls(values: &[Option<f64>]) -> f64 {
    let mask = values.iter().enumerate().filter(|(_, value)| value.is_none()).fold(0u32, |mask, (bit, _)| mask | 1 << bit);
    f64::from(mask)
}

/// A text's UTF-16 length among the numbers, the text in the answer's text.
#[inline(never)]
fn put_text(numbers: &mut Vec<f64>, text: &mut String, t: &str) {
    numbers.push(super::utf16_len(t) as f64);
    text.push_str(t);
}
