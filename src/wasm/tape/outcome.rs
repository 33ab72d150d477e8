//! Outcomes as flat records: `evaluate`'s answer and `compareMixes`', the page's every
//! keystroke. Through the tape, each field took a lookup of its name and an op on the Rust
//! side and a check of both in JavaScript: `evaluate` took 1.5× as long in Chromium.
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
//! An optimum's outcome has more fields (`binding`, `budgetLeft`, …): it goes by the tape.

use super::{Answer, Refused, Tape};
use crate::model::Outcome;
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

fn record(tape: &mut Tape, o: &Outcome) -> Result<(), Refused> {
    if o.binding.is_some() || o.budget_left.is_some() || o.lambda.is_some() || o.exact.is_some() || o.gap.is_some() {
        return Err(Refused::new("holds an optimum, whose fields an outcome's record does not have"));
    }
    let Tape { numbers, text, .. } = tape;
    let tier = o.tier.as_deref();
    let optional = [o.frequency, o.roi, o.cost_per_thousand_reached, o.cost_per_engagement, o.cost_per_conversion];
    numbers.extend_from_slice(&[
        o.tiers.len() as f64,
        f64::from(u32::from(o.capped) | u32::from(tier.is_some()) << 1),
        nulls(&optional),
    ]);
    for t in [&*o.label.en, &*o.label.fr, o.kind.id(), tier.unwrap_or("")] {
        put_text(numbers, text, t);
    }
    let [frequency, roi, per_thousand, per_engagement, per_conversion] = optional.map(|value| value.unwrap_or(0.0));
    numbers.extend_from_slice(&[
        f64::from(o.influencers),
        o.spend,
        o.fee_spend,
        o.team_spend,
        o.unspent,
        o.impressions,
        o.reach,
        o.reach_share,
        o.overlap,
        frequency,
        o.engagements,
        o.conversions,
        o.revenue,
        roi,
        per_thousand,
        per_engagement,
        per_conversion,
        o.workload_hours,
    ]);
    for t in &o.tiers {
        put_text(numbers, text, &t.tier);
        let optional = [t.allotted, t.fee_per_thousand_views, t.fee_per_engagement];
        let [allotted, per_view, per_engagement] = optional.map(|value| value.unwrap_or(0.0));
        numbers.extend_from_slice(&[
            nulls(&optional),
            f64::from(t.influencers),
            t.unit_cost,
            allotted,
            t.spend,
            t.fee_spend,
            t.team_spend,
            t.impressions,
            t.reach,
            t.engagements,
            t.conversions,
            t.workload_hours,
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
