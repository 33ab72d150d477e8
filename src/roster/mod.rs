//! Rosters (MODEL §6): real candidates from a spreadsheet, classified into tiers, their
//! missing fees and engagement rates filled from the curves, their engagement audited against
//! the curve's band for their size, and the best subset under a budget picked from them.
//!
//! Reading never fails as a whole and never traps, whatever the bytes: every row becomes a
//! candidate or an error with its line number and a reason, and nothing is dropped silently.

mod columns;
pub mod marks;
pub mod pick;

use crate::assumptions::{default_range, Quantity, Range};
use crate::error::Got;
use crate::tiers::{TierScheme, MAX_FOLLOWERS};
use columns::{Column, Layout};
use tiermix_sheet::csv;
use tiermix_sheet::number::{self, Kind, Parsed, Problem};
use marks::{Estimated, Flags};
use serde::Serialize;
use std::rc::Rc;

pub use columns::normalise as normalise_header;
pub use pick::{pick, Pick};

/// The most candidates one file may hold; the rest is reported, not read.
pub const MAX_ROWS: usize = 200_000;
/// Longest handle, platform or topic kept, in characters.
const MAX_TEXT: usize = 200;

/// Why a row or the file could not be read. `code` is stable (the page words it in the
/// reader's language); `message` says it in English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    pub line: u32,
    /// The column's id (`followers`, `fee`, …) when one cell is at fault.
    pub column: Option<&'static str>,
    pub code: &'static str,
    /// The offending cell, shortened.
    pub text: Option<String>,
    pub message: String,
}

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
    /// `percentAssumed` (rates without `%` read as percentages because some exceed 1).
    pub notes: Vec<&'static str>,
    pub blank_lines: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnUse {
    pub column: &'static str,
    pub header: String,
}

/// The expected engagement band at `followers`, from the default curve.
pub fn expected_engagement(followers: f64) -> Band {
    let range = default_range(Quantity::EngagementRate, followers);
    Band { low: range.low, high: range.high }
}

/// Reads raw bytes: UTF-8 with or without a byte-order mark, else Windows-1252.
pub fn parse_bytes(bytes: &[u8], scheme: &TierScheme) -> Roster {
    let decoded = csv::decode(bytes);
    let mut roster = parse(&decoded.text, scheme);
    if decoded.windows_1252 {
        roster.notes.push("windows1252");
    }
    roster
}

/// A row between reading and completing: the rate column's unit is known only at the end.
struct Pending {
    line: u32,
    handle: String,
    platform: Option<Rc<str>>,
    topic: Option<Rc<str>>,
    followers: f64,
    fee: Option<f64>,
    rate: Option<Parsed>,
    engagements: Option<f64>,
}

/// Reads a roster from text.
pub fn parse(text: &str, scheme: &TierScheme) -> Roster {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = csv::detect_delimiter(text);
    let mut roster = Roster {
        rows: Vec::new(),
        errors: Vec::new(),
        delimiter: match delimiter {
            b'\t' => "\t",
            b';' => ";",
            _ => ",",
        },
        columns: Vec::new(),
        ignored_columns: Vec::new(),
        notes: Vec::new(),
        blank_lines: 0,
    };
    let mut layout: Option<Layout> = None;
    let mut labels = Labels::default();
    let mut header_width = 0usize;
    // Every line may be a row: reserving once saves the copies of a growing list.
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut pending: Vec<Pending> = Vec::with_capacity(lines.min(MAX_ROWS));
    csv::for_each_record(text, delimiter, &mut |record| {
        roster.blank_lines += record.blank_lines_before;
        if record.is_blank() {
            roster.blank_lines += 1;
            return true;
        }
        let layout = match &layout {
            Some(layout) => layout,
            None => match read_header(record, &mut roster) {
                Header::Names(found) => {
                    header_width = record.len();
                    layout = Some(found);
                    return true;
                }
                Header::Data(found) => layout.insert(found),
                Header::Missing => return false,
            },
        };
        if pending.len() >= MAX_ROWS {
            roster.errors.push(file_error(
                record.line,
                "tooManyRows",
                format!("the file has more than {MAX_ROWS} candidates: the rest, from this line on, was not read"),
            ));
            return false;
        }
        match read_row(record, layout, header_width, &mut labels) {
            Ok(row) => pending.push(row),
            Err(error) => roster.errors.push(*error),
        }
        true
    });
    if layout.is_none() && roster.errors.is_empty() {
        roster.errors.push(file_error(0, "empty", "the file holds no rows".to_owned()));
    } else if pending.is_empty() && roster.errors.is_empty() {
        roster.errors.push(file_error(0, "noRows", "the file has a header but no candidates under it".to_owned()));
    }
    let percent = pending.iter().any(|row| matches!(row.rate, Some(Parsed { value, percent: false }) if value > 1.0));
    if percent {
        roster.notes.push("percentAssumed");
    }
    roster.rows.reserve_exact(pending.len());
    for row in pending {
        match complete(row, scheme, percent) {
            Ok(row) => roster.rows.push(row),
            Err(error) => roster.errors.push(*error),
        }
    }
    flag_duplicates(&mut roster.rows);
    crate::sort::sort_by(&mut roster.errors, |a, b| a.line < b.line);
    roster
}

/// Flags every row whose handle (without `@`, in any ASCII case: platforms allow no other
/// letters in handles) an earlier row already has. A small open-addressing table of handle
/// hashes, each with the first row that had it, finds them in one pass.
fn flag_duplicates(rows: &mut [Row]) {
    fn key(row: &Row) -> &[u8] {
        row.handle.trim_start_matches('@').as_bytes()
    }
    let size = (rows.len() * 2).next_power_of_two().max(16);
    let mask = size - 1;
    // (hash, first row with it); index usize::MAX marks an empty slot.
    let mut table: Vec<(u64, usize)> = vec![(0, usize::MAX); size];
    let mut duplicates = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let bytes = key(row);
        if bytes.is_empty() {
            continue;
        }
        let hash = fnv1a(bytes);
        let mut slot = hash as usize & mask;
        while let Some(entry) = table.get_mut(slot) {
            if entry.1 == usize::MAX {
                *entry = (hash, index);
                break;
            }
            if entry.0 == hash {
                let first = entry.1;
                if rows.get(first).is_some_and(|other| key(other).eq_ignore_ascii_case(bytes)) {
                    duplicates.push(index);
                    break;
                }
            }
            slot = (slot + 1) & mask;
        }
    }
    for index in duplicates {
        if let Some(row) = rows.get_mut(index) {
            row.flags.insert("duplicate");
        }
    }
}

/// FNV-1a over ASCII-lower-cased bytes.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3))
}

enum Header {
    Names(Layout),
    /// No header: the first record is already a candidate.
    Data(Layout),
    Missing,
}

fn read_header(record: &csv::Record<'_>, roster: &mut Roster) -> Header {
    let (layout, unknown) = Layout::from_header(record.fields());
    if layout.has(Column::Followers) {
        for column in columns::COLUMNS {
            if let Some(position) = layout.position(column) {
                roster.columns.push(ColumnUse { column: column.id(), header: record.field(position).to_owned() });
            }
        }
        roster.ignored_columns = unknown.into_iter().map(|(_, h)| h.to_owned()).filter(|h| !h.is_empty()).collect();
        return Header::Names(layout);
    }
    let looks_like_data =
        layout.recognised() == 0 && matches!(number::parse(record.field(1), Kind::Count), Some(Ok(_)));
    if looks_like_data {
        roster.notes.push("headerless");
        roster.columns.push(ColumnUse { column: "handle", header: String::new() });
        roster.columns.push(ColumnUse { column: "followers", header: String::new() });
        return Header::Data(Layout::headerless());
    }
    let found: Vec<&str> = record.fields().take(12).collect();
    roster.errors.push(RowError {
        line: record.line,
        column: None,
        code: "noFollowersColumn",
        text: Some(shorten(&found.join(", "))),
        message: "no column of follower counts: name one followers or abonnés (with handle / pseudo, and optionally engagement rate, fee, platform, topic)".to_owned(),
    });
    Header::Missing
}

fn file_error(line: u32, code: &'static str, message: String) -> RowError {
    RowError { line, column: None, code, text: None, message }
}

fn shorten(text: &str) -> String {
    match Got::text(text) {
        Got::Text(t) => t,
        _ => String::new(),
    }
}

fn cell_error(line: u32, column: Column, code: &'static str, cell: &str, problem: &str) -> Box<RowError> {
    let name = column_name(column);
    Box::new(RowError {
        line,
        column: Some(column.id()),
        code,
        text: (!cell.is_empty()).then(|| shorten(cell)),
        message: if cell.is_empty() { format!("{name} {problem}") } else { format!("{name} \"{}\" {problem}", shorten(cell)) },
    })
}

fn column_name(column: Column) -> &'static str {
    match column {
        Column::Handle => "handle",
        Column::Followers => "followers",
        Column::EngagementRate => "engagement rate",
        Column::Engagements => "average engagements",
        Column::Fee => "fee",
        Column::Platform => "platform",
        Column::Topic => "topic",
    }
}

fn problem_text(problem: Problem) -> (&'static str, &'static str) {
    match problem {
        Problem::NotANumber => ("notANumber", "is not a number"),
        Problem::Negative => ("negative", "is negative"),
        Problem::Percent => ("percent", "is a percentage, not a count"),
        Problem::TooLong => ("notANumber", "has more digits than any real figure"),
    }
}

fn text_cell<'r>(record: &'r csv::Record<'_>, layout: &Layout, column: Column) -> Option<&'r str> {
    let cell = record.field(layout.position(column)?);
    (!cell.is_empty()).then_some(cell)
}

/// At most [`MAX_TEXT`] characters of `text`.
fn kept(text: &str) -> String {
    // MAX_TEXT characters take at least MAX_TEXT bytes: only longer texts need counting.
    if text.len() <= MAX_TEXT {
        text.to_owned()
    } else {
        text.chars().take(MAX_TEXT).collect()
    }
}

fn number_cell(record: &csv::Record<'_>, layout: &Layout, column: Column, kind: Kind) -> Result<Option<Parsed>, Box<RowError>> {
    let Some(position) = layout.position(column) else { return Ok(None) };
    let cell = record.field(position);
    match number::parse(cell, kind) {
        None => Ok(None),
        Some(Ok(parsed)) => Ok(Some(parsed)),
        Some(Err(problem)) => {
            let (code, text) = problem_text(problem);
            Err(cell_error(record.line, column, code, cell, text))
        }
    }
}

/// One shared copy of each distinct short text (platform, topic), up to a few hundred of them.
#[derive(Default)]
struct Labels(Vec<Rc<str>>);

impl Labels {
    const MAX: usize = 256;

    fn get(&mut self, text: Option<&str>) -> Option<Rc<str>> {
        let text = text?;
        if let Some(known) = self.0.iter().find(|known| ***known == *text) {
            return Some(known.clone());
        }
        let label: Rc<str> = kept(text).into();
        if self.0.len() < Self::MAX {
            self.0.push(label.clone());
        }
        Some(label)
    }
}

fn read_row(record: &csv::Record<'_>, layout: &Layout, header_width: usize, labels: &mut Labels) -> Result<Pending, Box<RowError>> {
    let line = record.line;
    if record.unclosed_quote {
        return Err(Box::new(file_error(
            line,
            "unclosedQuote",
            "a quote opened on this line is never closed, so the rest of the file was read as one cell: close the quote".to_owned(),
        )));
    }
    let extra = record.fields().skip(header_width).any(|f| !f.is_empty());
    if header_width > 0 && extra {
        return Err(Box::new(RowError {
            line,
            column: None,
            code: "fieldCount",
            text: None,
            message: format!(
                "has {} cells but the header has {header_width}: a cell holding the delimiter (such as 12,500 in a comma-separated file) must be in quotes",
                record.len()
            ),
        }));
    }
    let followers = match number_cell(record, layout, Column::Followers, Kind::Count)? {
        None => {
            return Err(cell_error(line, Column::Followers, "missingFollowers", "", "is empty: every candidate needs a follower count"))
        }
        Some(parsed) => parsed.value.round(),
    };
    if !(1.0..=MAX_FOLLOWERS as f64).contains(&followers) {
        let cell = layout.position(Column::Followers).map(|p| record.field(p)).unwrap_or_default();
        return Err(cell_error(line, Column::Followers, "outOfRange", cell, &format!("is not a follower count from 1 to {MAX_FOLLOWERS}")));
    }
    let fee = number_cell(record, layout, Column::Fee, Kind::Amount)?.map(|p| p.value);
    if let Some(fee) = fee {
        if fee > 1e9 {
            let cell = layout.position(Column::Fee).map(|p| record.field(p)).unwrap_or_default();
            return Err(cell_error(line, Column::Fee, "outOfRange", cell, "is more than 1000000000 for one post"));
        }
    }
    Ok(Pending {
        line,
        handle: text_cell(record, layout, Column::Handle).map(kept).unwrap_or_default(),
        platform: labels.get(text_cell(record, layout, Column::Platform)),
        topic: labels.get(text_cell(record, layout, Column::Topic)),
        followers,
        fee,
        rate: number_cell(record, layout, Column::EngagementRate, Kind::Rate)?,
        engagements: number_cell(record, layout, Column::Engagements, Kind::Count)?.map(|p| p.value),
    })
}

/// Fills in what the file left out and audits engagement against the curve's band.
fn complete(row: Pending, scheme: &TierScheme, percent_column: bool) -> Result<Row, Box<RowError>> {
    let followers = row.followers;
    let mut estimated = Estimated::default();
    let rate = match (row.rate, row.engagements) {
        (Some(parsed), _) => {
            let share = if parsed.percent || percent_column { parsed.value / 100.0 } else { parsed.value };
            if share > 1.0 {
                return Err(Box::new(RowError {
                    line: row.line,
                    column: Some(Column::EngagementRate.id()),
                    code: "outOfRange",
                    text: None,
                    message: "engagement rate is over 100 %: check the column's unit".to_owned(),
                }));
            }
            Some(share)
        }
        (None, Some(engagements)) => Some(engagements / followers),
        (None, None) => None,
    };
    // One evaluation of the curve gives both the estimate and the band it is audited against.
    let curve = default_range(Quantity::EngagementRate, followers);
    let engagement_rate = rate.unwrap_or_else(|| {
        estimated.insert("engagementRate");
        curve.typical
    });
    let fee = row.fee.unwrap_or_else(|| {
        estimated.insert("fee");
        default_range(Quantity::Fee, followers).typical
    });
    let expected = Band { low: curve.low, high: curve.high };
    let mut flags = Flags::default();
    let tier_index = scheme.classify(followers as u64);
    if tier_index.is_none() {
        flags.insert("belowTiers");
    }
    if rate.is_some() {
        if engagement_rate < expected.low {
            flags.insert("lowEngagement");
        } else if engagement_rate > expected.high {
            flags.insert("highEngagement");
        }
    }
    Ok(Row {
        line: row.line,
        handle: row.handle,
        platform: row.platform,
        topic: row.topic,
        followers,
        tier: tier_index.and_then(|i| scheme.tiers.get(i)).map(|t| t.id.to_string()),
        tier_index,
        fee,
        engagement_rate,
        estimated,
        expected_engagement: expected,
        flags,
    })
}

/// A candidate's value of `quantity`: the default curve at its own follower count, scaled the
/// way the scenario's overrides scaled its tier (`micro: { fee: 250 }` doubles a 125 default).
pub fn candidate_value(quantity: Quantity, followers: f64, tier: &crate::assumptions::TierAssumptions) -> f64 {
    let tier_followers = tier.typical(Quantity::TypicalFollowers);
    let tier_default: Range = default_range(quantity, tier_followers);
    let tier_value = tier.typical(quantity);
    let curve = default_range(quantity, followers).typical;
    if !tier.is_overridden(quantity) {
        return curve;
    }
    let value = if tier_default.typical > 0.0 { curve * (tier_value / tier_default.typical) } else { tier_value };
    let (min, max, _) = quantity.domain();
    crate::assumptions::within(value, min, max)
}

#[cfg(test)]
mod tests;
