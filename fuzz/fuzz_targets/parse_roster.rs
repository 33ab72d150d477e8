//! Any bytes, any scheme preset: reading a roster never traps, and what it returns holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tiermix::{roster, tiers};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let presets = tiers::presets();
    let Some(scheme) = presets.get(usize::from(selector) % presets.len()) else { return };
    let result = roster::parse_bytes(bytes, scheme);
    for row in &result.rows {
        assert!(row.followers >= 1.0 && row.fee.is_finite() && row.fee >= 0.0);
        assert!((0.0..=1.0).contains(&row.engagement_rate));
    }
    // Something is always reported: rows, or errors saying why there are none.
    assert!(!result.rows.is_empty() || !result.errors.is_empty());
});
