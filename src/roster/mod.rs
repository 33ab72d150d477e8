//! Rosters (MODEL §6): real candidates from a spreadsheet, classified into tiers, their
//! missing fees and engagement rates filled from the curves, their engagement audited against
//! the curve's band for their size, and the best subset under a budget picked from them.
//!
//! Reading never fails as a whole and never traps, whatever the bytes: every row becomes a
//! candidate or an error with its line number and a reason, and nothing is dropped silently.

pub mod marks;
pub mod pick;

use crate::assumptions::{default_range, Quantity, Range};
use crate::tiers::TierScheme;
use marks::{Estimated, Flags};
use serde::Serialize;
use std::rc::Rc;
pub use tiermix_sheet::rows as sheet;

pub use pick::{pick, Pick};
pub use sheet::{ColumnUse, RowError};

/// The low and high engagement rate the curve expects for an account's size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    pub low: f64,
    pub high: f64,
}

/// One candidate, as read and as completed from the curves.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub line: u32,
    pub handle: String,
    /// Platforms and topics repeat: rows share one copy of each.
    pub platform: Option<Rc<str>>,
    pub topic: Option<Rc<str>>,
    pub followers: f64,
    /// The tier under the scheme; `None` below every tier.
    pub tier: Option<String>,
    pub tier_index: Option<usize>,
    /// Fee per sponsored post.
    pub fee: f64,
    /// Engagements per follower per post, as a share (0.034 for 3.4 %).
    pub engagement_rate: f64,
    /// The share of its real followers in the user's target audience, as the file gives it;
    /// `None` when it does not: the tier's `audienceFit` (a scenario's assumption, not a curve
    /// at the account's size) applies when picking.
    pub audience_fit: Option<f64>,
    /// Which of `fee` and `engagementRate` came from the curves rather than the file.
    pub estimated: Estimated,
    pub expected_engagement: Band,
    /// `lowEngagement` (possible inactive or bought audience), `highEngagement` (possible
    /// engagement pods), `belowTiers`, `duplicate` (the handle appears on an earlier line).
    pub flags: Flags,
}

/// What reading a file found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Roster {
    pub rows: Vec<Row>,
    pub errors: Vec<RowError>,
    /// `","`, `";"` or `"\t"`.
    pub delimiter: &'static str,
    /// Each recognised column and the header it was read from.
    pub columns: Vec<ColumnUse>,
    /// Headers tiermix does not use, as written.
    pub ignored_columns: Vec<String>,
    /// How the file was read, for the page to explain: `headerless`, `windows1252`,
    /// `percentAssumed` (rates without `%` read as percentages because some exceed 1),
    /// `fitPercentAssumed` (the same for audience fit).
    pub notes: Vec<&'static str>,
    pub blank_lines: u32,
}

/// Reads raw bytes: UTF-16 (Excel's "Unicode Text"), UTF-8 with or without a byte-order mark,
/// else Windows-1252.
pub fn parse_bytes(bytes: &[u8], scheme: &TierScheme) -> Roster {
    complete_all(sheet::read_bytes(bytes), scheme)
}

/// Reads a roster from text.
pub fn parse(text: &str, scheme: &TierScheme) -> Roster {
    complete_all(sheet::read(text), scheme)
}

fn complete_all(sheet: sheet::Sheet, scheme: &TierScheme) -> Roster {
    let sheet::Reading { errors, delimiter, columns, ignored_columns, notes, blank_lines } = sheet.reading;
    Roster {
        rows: sheet.rows.into_iter().map(|row| complete(row, &sheet.handles, &sheet.labels, scheme)).collect(),
        errors,
        delimiter,
        columns,
        ignored_columns,
        notes,
        blank_lines,
    }
}

/// What tiermix adds to a row as read: its tier, its fee and engagement rate (from the curves
/// when the file has none), the band its engagement is audited against, and the audit flags.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Completion {
    pub tier_index: Option<usize>,
    pub fee: f64,
    pub engagement_rate: f64,
    pub expected_engagement: Band,
    pub estimated: Estimated,
    pub flags: Flags,
}

/// Completes one row under `scheme`.
pub fn completion(row: &sheet::RawRow, scheme: &TierScheme) -> Completion {
    let followers = row.followers;
    let mut estimated = Estimated::default();
    // One evaluation of the curve gives both the estimate and the band it is audited against.
    let curve = default_range(Quantity::EngagementRate, followers);
    let engagement_rate = row.engagement_rate.unwrap_or_else(|| {
        estimated.add(Estimated::ENGAGEMENT_RATE);
        curve.typical
    });
    let fee = row.fee.unwrap_or_else(|| {
        estimated.add(Estimated::FEE);
        default_range(Quantity::Fee, followers).typical
    });
    let mut flags = Flags::default();
    let tier_index = scheme.classify(followers as u64);
    if tier_index.is_none() {
        flags.add(Flags::BELOW_TIERS);
    }
    if row.engagement_rate.is_some() {
        if engagement_rate < curve.low {
            flags.add(Flags::LOW_ENGAGEMENT);
        } else if engagement_rate > curve.high {
            flags.add(Flags::HIGH_ENGAGEMENT);
        }
    }
    if row.duplicate {
        flags.add(Flags::DUPLICATE);
    }
    Completion {
        tier_index,
        fee,
        engagement_rate,
        expected_engagement: Band { low: curve.low, high: curve.high },
        estimated,
        flags,
    }
}

fn complete(row: sheet::RawRow, handles: &str, labels: &[Rc<str>], scheme: &TierScheme) -> Row {
    let label = |index: Option<u32>| index.and_then(|i| labels.get(i as usize)).cloned();
    let c = completion(&row, scheme);
    Row {
        line: row.line,
        handle: row.handle.of(handles).to_owned(),
        platform: label(row.platform),
        topic: label(row.topic),
        followers: row.followers,
        tier: c.tier_index.and_then(|i| scheme.tiers.get(i)).map(|t| t.id.to_string()),
        tier_index: c.tier_index,
        fee: c.fee,
        engagement_rate: c.engagement_rate,
        audience_fit: row.audience_fit,
        estimated: c.estimated,
        expected_engagement: c.expected_engagement,
        flags: c.flags,
    }
}

/// Reads bytes like [`parse_bytes`] but keeps the rows as read beside their completions:
/// for handing a large roster to JavaScript column by column without building [`Row`]s.
pub fn read_bytes_completed(bytes: &[u8], scheme: &TierScheme) -> (sheet::Sheet, Vec<Completion>) {
    let sheet = sheet::read_bytes(bytes);
    let completions = sheet.rows.iter().map(|row| completion(row, scheme)).collect();
    (sheet, completions)
}

/// A candidate's value of `quantity`: the default curve at its own follower count, scaled the
/// way the scenario's overrides scaled its tier (`micro: { fee: 250 }` doubles a 125 default).
pub fn candidate_value(quantity: Quantity, followers: f64, tier: &crate::assumptions::TierAssumptions) -> f64 {
    let curve = default_range(quantity, followers).typical;
    if !tier.is_overridden(quantity) {
        return curve;
    }
    let tier_default: Range = default_range(quantity, tier.typical(Quantity::TypicalFollowers));
    let tier_value = tier.typical(quantity);
    let value = if tier_default.typical > 0.0 { curve * (tier_value / tier_default.typical) } else { tier_value };
    let crate::input::Bounds { min, max, .. } = quantity.domain();
    crate::assumptions::within(value, min, max)
}

#[cfg(test)]
mod tests;
