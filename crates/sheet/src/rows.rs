//! Candidate rows out of a spreadsheet: which column is which, every cell read and checked,
//! every refused line explained with its line number. What the rows *mean* — tiers, curves,
//! audit against them — is tiermix's business, not this crate's.

use crate::columns::{self, Column, Layout};
use crate::csv;
use crate::number::{self, Kind, Parsed, Problem};
use serde::Serialize;
use std::rc::Rc;

/// The most candidates one file may hold; the rest is reported, not read.
pub const MAX_ROWS: usize = 200_000;
/// Longest handle, platform or topic kept, in characters.
pub const MAX_TEXT: usize = 200;
/// The most distinct platforms and topics shared between rows.
pub const MAX_LABELS: usize = 256;
/// Follower counts above this are typos, not accounts.
pub const MAX_FOLLOWERS: u64 = 10_000_000_000;
/// Longest text quoted back in an error message, in characters.
pub const QUOTE_LIMIT: usize = 40;

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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnUse {
    pub column: &'static str,
    pub header: String,
}

/// One candidate as the file gives it, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub line: u32,
    /// Where the handle is in [`Sheet::handles`] (see [`Sheet::handle`]).
    pub handle: Span,
    /// Platforms and topics repeat: each is an index into [`Sheet::labels`], where rows share
    /// one copy of each.
    pub platform: Option<u32>,
    pub topic: Option<u32>,
    /// A whole number from 1 to [`MAX_FOLLOWERS`].
    pub followers: f64,
    pub fee: Option<f64>,
    /// Engagements per follower per post, as a share (0.034 for 3.4 %), from the rate column
    /// or from average engagements; `None` when the file gives neither.
    pub engagement_rate: Option<f64>,
    /// The share of its real followers in the user's target audience (0.35 for 35 %), read as
    /// the rate column is; `None` when the cell is empty or the file has no such column.
    pub audience_fit: Option<f64>,
    /// An earlier line has the same handle.
    pub duplicate: bool,
}

/// Where a text is in a longer one, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// This span of `text` (empty when it is not one of `text`'s).
    pub fn of(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize).unwrap_or_default()
    }
}

/// What reading a file found besides its rows: what a page reports about the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reading {
    pub errors: Vec<RowError>,
    /// `","`, `";"` or `"\t"`.
    pub delimiter: &'static str,
    pub columns: Vec<ColumnUse>,
    pub ignored_columns: Vec<String>,
    /// `headerless`, `windows1252`, `percentAssumed` (rates), `fitPercentAssumed` (audience fit).
    pub notes: Vec<&'static str>,
    pub blank_lines: u32,
}

/// What reading a file found.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub rows: Vec<RawRow>,
    pub reading: Reading,
    /// The platforms and topics, in the order they first appear: each distinct one once, up to
    /// [`MAX_LABELS`] of them; past that many, a copy for each row that has one.
    pub labels: Vec<Rc<str>>,
    /// Every row's handle, back to back: a string per row was a tenth of reading a roster in
    /// wasm (allocated, copied, freed).
    pub handles: String,
}

impl Sheet {
    /// `row`'s handle (empty when the file gives none).
    pub fn handle(&self, row: &RawRow) -> &str {
        row.handle.of(&self.handles)
    }
}

/// Reads raw bytes: UTF-16 (Excel's "Unicode Text"), UTF-8 with or without a byte-order mark,
/// else Windows-1252 (see [`csv::decode`]).
pub fn read_bytes(bytes: &[u8]) -> Sheet {
    let decoded = csv::decode(bytes);
    let mut sheet = read(&decoded.text);
    if decoded.encoding == csv::Encoding::Windows1252 {
        sheet.reading.notes.push("windows1252");
    }
    sheet
}

/// A row between reading and completing: the rate and fit columns' units are known only at the end.
struct Pending {
    line: u32,
    handle: Span,
    /// Of the handle as duplicates are found (see [`handle_hash`]): hashed while its bytes are
    /// at hand, so that finding duplicates reads no handle unless two hashes agree.
    hash: u64,
    platform: Option<u32>,
    topic: Option<u32>,
    followers: f64,
    fee: Option<f64>,
    rate: Option<Parsed>,
    engagements: Option<f64>,
    /// At most 100 in whichever unit (checked in `number_cell`, where the cell is at hand).
    fit: Option<Parsed>,
}

/// Reads candidates from text.
pub fn read(text: &str) -> Sheet {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Old Mac exports end lines with a bare carriage return: read those as line feeds so that
    // line numbers count.
    let lines_fed;
    let text = if !text.contains('\n') && text.contains('\r') {
        lines_fed = text.replace('\r', "\n");
        lines_fed.as_str()
    } else {
        text
    };
    let delimiter = csv::detect_delimiter(text);
    let mut roster = Sheet {
        rows: Vec::new(),
        reading: Reading {
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
        },
        labels: Vec::new(),
        handles: String::new(),
    };
    let mut layout: Option<Layout> = None;
    let mut labels = Labels { known: Vec::new(), all: Vec::new(), last: [0, 0] };
    let mut header_width = 0usize;
    // Every line may be a row: reserving once saves the copies of a growing list.
    let lines = csv::count_newlines(text.as_bytes()) + 1;
    let mut pending: Vec<Pending> = Vec::with_capacity(lines.min(MAX_ROWS));
    // Handles are a dozen bytes each: room for that many saves the copies of a growing text.
    let mut handles = String::with_capacity(pending.capacity() * 16);
    let bare_over_one = |cell: Option<Parsed>| matches!(cell, Some(Parsed { value, percent: false }) if value > 1.0);
    let (mut percent, mut fit_percent) = (false, false);
    csv::for_each_record(text, delimiter, &mut |record| {
        roster.reading.blank_lines += record.blank_lines_before;
        if record.is_blank() {
            roster.reading.blank_lines += 1;
            return true;
        }
        let layout = match &layout {
            Some(layout) => layout,
            None => match read_header(record, &mut roster.reading) {
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
            roster.reading.errors.push(file_error(
                record.line,
                "tooManyRows",
                format!("the file has more than {MAX_ROWS} candidates: the rest, from this line on, was not read"),
            ));
            return false;
        }
        match read_row(record, layout, header_width, &mut labels, &mut handles) {
            Ok(row) => {
                // Bare numbers are shares unless one of the column's exceeds 1: then they all
                // are percentages.
                percent |= bare_over_one(row.rate);
                fit_percent |= bare_over_one(row.fit);
                pending.push(row);
            }
            Err(error) => roster.reading.errors.push(*error),
        }
        true
    });
    if layout.is_none() && roster.reading.errors.is_empty() {
        roster.reading.errors.push(file_error(0, "empty", "the file holds no rows".to_owned()));
    } else if pending.is_empty() && roster.reading.errors.is_empty() {
        roster.reading.errors.push(file_error(0, "noRows", "the file has a header but no candidates under it".to_owned()));
    }
    if percent {
        roster.reading.notes.push("percentAssumed");
    }
    if fit_percent {
        roster.reading.notes.push("fitPercentAssumed");
    }
    roster.rows.reserve_exact(pending.len());
    let mut rate_errors = Vec::new();
    let mut hashes = Vec::with_capacity(pending.len());
    for row in pending {
        let hash = row.hash;
        match resolve(row, percent, fit_percent) {
            Ok(row) => {
                roster.rows.push(row);
                hashes.push(hash);
            }
            Err(error) => rate_errors.push(*error),
        }
    }
    flag_duplicates(&mut roster.rows, &hashes, &handles);
    roster.handles = handles;
    merge_by_line(&mut roster.reading.errors, rate_errors);
    roster.labels = labels.all;
    roster
}

/// Moves `later` (the rate check's errors) among `errors` (those found while reading), in line
/// order. Rows are read in order, so both lists already are: one merge from the back, in place,
/// keeps an error read on a line before a rate error on it, as a stable sort would, without a
/// sort's kilobytes of code.
fn merge_by_line(errors: &mut Vec<RowError>, mut later: Vec<RowError>) {
    let mut read = errors.len();
    // Room at the end, each slot overwritten below (an empty message does not allocate).
    for _ in 0..later.len() {
        errors.push(file_error(0, "", String::new()));
    }
    // `read..free` is the room left: the latest error not yet placed goes at its end, once the
    // read errors on later lines have been moved past it.
    let mut free = errors.len();
    while let Some(error) = later.pop() {
        while read > 0 && errors.get(read - 1).is_some_and(|earlier| earlier.line > error.line) {
            read -= 1;
            free -= 1;
            errors.swap(read, free);
        }
        free -= 1;
        if let Some(slot) = errors.get_mut(free) {
            *slot = error;
        }
    }
}

/// What two handles must share to be the same account: the handle without `@`, in any ASCII
/// case (platforms allow no other letters in handles).
fn handle_key(handle: &str) -> &[u8] {
    handle.trim_start_matches('@').as_bytes()
}

/// A hash of a handle's key in any ASCII case, with its lowest bit set; 0 for no handle (never
/// a duplicate).
fn handle_hash(handle: &str) -> u64 {
    let key = handle_key(handle);
    if key.is_empty() {
        0
    } else {
        case_blind_hash(key) | 1
    }
}

/// Flags every row whose handle an earlier row already has (see [`handle_key`]), given each
/// row's [`handle_hash`]. A small open-addressing table of hashes, each with the first row that
/// had it, finds them in one pass.
fn flag_duplicates(rows: &mut [RawRow], hashes: &[u64], handles: &str) {
    let size = (rows.len() * 2).next_power_of_two().max(16);
    let mask = size - 1;
    // (the hash's high half, first row with it + 1); 0 marks an empty slot. Eight bytes a slot:
    // the table of a large roster is megabytes, and every probe is a cache miss, so its size is
    // its speed. Rows are at most MAX_ROWS, so their positions fit.
    let mut table: Vec<(u32, u32)> = vec![(0, 0); size];
    let mut duplicates = Vec::new();
    for (index, &hash) in hashes.iter().enumerate() {
        if hash == 0 {
            continue;
        }
        let check = (hash >> 32) as u32;
        let mut slot = hash as usize & mask;
        while let Some(entry) = table.get_mut(slot) {
            if entry.1 == 0 {
                *entry = (check, index as u32 + 1);
                break;
            }
            if entry.0 == check {
                let first = entry.1 as usize - 1;
                let same = |other: &RawRow| {
                    rows.get(index).is_some_and(|row| {
                        handle_key(other.handle.of(handles)).eq_ignore_ascii_case(handle_key(row.handle.of(handles)))
                    })
                };
                if rows.get(first).is_some_and(same) {
                    duplicates.push(index);
                    break;
                }
            }
            slot = (slot + 1) & mask;
        }
    }
    for index in duplicates {
        if let Some(row) = rows.get_mut(index) {
            row.duplicate = true;
        }
    }
}

/// Eight bytes with their ASCII capitals made small letters, all eight at once.
fn lower_ascii(word: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let low = word & !HIGH;
    // A byte's high bit is set when its low seven bits are at least 'A' (resp. more than 'Z'):
    // none of these additions carries into the next byte.
    let from_a = low + ONES * u64::from(0x80 - b'A');
    let past_z = low + ONES * u64::from(0x80 - b'Z' - 1);
    let capitals = from_a & !past_z & !word & HIGH;
    word | capitals >> 2
}

/// A hash of `bytes` with ASCII capitals read as small letters, eight bytes a step: handles are
/// a dozen bytes, and FNV-1a, a byte a step, took about 2 ms of reading 100,000 rows in
/// Chromium (this saves 1–2 ms of it, measured side by side). Mixed at the end so that its low
/// bits (the table's slot) depend on every byte.
fn case_blind_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut chunks = bytes.chunks_exact(8);
    let mut hash = bytes.len() as u64;
    for chunk in &mut chunks {
        let word = chunk.try_into().map_or(0, u64::from_le_bytes);
        hash = (hash ^ lower_ascii(word)).wrapping_mul(K).rotate_left(29);
    }
    let mut tail = [0u8; 8];
    for (slot, &byte) in tail.iter_mut().zip(chunks.remainder()) {
        *slot = byte;
    }
    hash = (hash ^ lower_ascii(u64::from_le_bytes(tail))).wrapping_mul(K);
    hash ^= hash >> 32;
    hash = hash.wrapping_mul(0xd6e8_feb8_6659_fd93);
    hash ^ hash >> 32
}

enum Header {
    Names(Layout),
    /// No header: the first record is already a candidate.
    Data(Layout),
    Missing,
}

fn read_header(record: &csv::Record<'_>, reading: &mut Reading) -> Header {
    let (layout, unknown) = Layout::from_header(record.fields());
    if layout.has(Column::Followers) {
        for column in columns::COLUMNS {
            if let Some(position) = layout.position(column) {
                reading.columns.push(ColumnUse { column: column.id(), header: record.field(position).to_owned() });
            }
        }
        reading.ignored_columns = unknown.into_iter().map(|(_, h)| h.to_owned()).filter(|h| !h.is_empty()).collect();
        return Header::Names(layout);
    }
    let looks_like_data = layout.recognised() == 0 && matches!(number::parse(record.field(1), Kind::Count), Some(Ok(_)));
    if looks_like_data {
        reading.notes.push("headerless");
        reading.columns.push(ColumnUse { column: "handle", header: String::new() });
        reading.columns.push(ColumnUse { column: "followers", header: String::new() });
        return Header::Data(Layout::headerless());
    }
    // Written out: the standard `join` costs the wasm module several times these lines.
    let mut found = String::new();
    for (i, field) in record.fields().take(12).enumerate() {
        if i > 0 {
            found.push_str(", ");
        }
        found.push_str(field);
    }
    reading.errors.push(RowError {
        line: record.line,
        column: None,
        code: "noFollowersColumn",
        text: Some(shorten(&found)),
        message: "no column of follower counts: name one followers or abonnés (with handle / pseudo, and optionally engagement rate, fee, platform, topic)".to_owned(),
    });
    Header::Missing
}

fn file_error(line: u32, code: &'static str, message: String) -> RowError {
    RowError { line, column: None, code, text: None, message }
}

/// Text as quoted in a message: shortened, so hostile or huge input never floods it.
pub fn shorten(text: &str) -> String {
    let mut quoted = first_chars(text, QUOTE_LIMIT).to_owned();
    if quoted.len() < text.len() {
        quoted.push('…');
    }
    quoted
}

/// The first `count` characters of `text` (all of it when shorter).
fn first_chars(text: &str, count: usize) -> &str {
    text.char_indices().nth(count).and_then(|(cut, _)| text.get(..cut)).unwrap_or(text)
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
        Column::AudienceFit => "audience fit",
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
fn kept(text: &str) -> &str {
    // MAX_TEXT characters take at least MAX_TEXT bytes: only longer texts need counting.
    if text.len() <= MAX_TEXT {
        text
    } else {
        first_chars(text, MAX_TEXT)
    }
}

fn number_cell(record: &csv::Record<'_>, layout: &Layout, column: Column, kind: Kind) -> Result<Option<Parsed>, Box<RowError>> {
    let Some(position) = layout.position(column) else { return Ok(None) };
    let cell = record.field(position);
    match number::parse(cell, kind) {
        None => Ok(None),
        // Over 100 is over 100 % whatever the column's unit turns out to be: said here, where the
        // cell is at hand to quote.
        Some(Ok(parsed)) if column == Column::AudienceFit && parsed.value > 100.0 => {
            Err(cell_error(record.line, column, "outOfRange", cell, "is over 100 %"))
        }
        Some(Ok(parsed)) => Ok(Some(parsed)),
        Some(Err(problem)) => {
            let (code, text) = problem_text(problem);
            Err(cell_error(record.line, column, code, cell, text))
        }
    }
}

/// The platforms and topics read: one shared copy of each distinct one, up to a few hundred of
/// them, then a copy for each row that has one.
struct Labels {
    /// The length and first byte of each of the first labels of `all`, the shared ones,
    /// checked before comparing whole texts.
    known: Vec<(usize, u8)>,
    all: Vec<Rc<str>>,
    /// The index of the label each column (platform, topic) matched last: rows sorted by
    /// platform repeat it, and a column's own hint is not lost to the other column's lookup.
    last: [usize; 2],
}

impl Labels {
    const MAX: usize = MAX_LABELS;

    /// `text`'s index in `all`, where it is added unless it is there already.
    fn get(&mut self, column: usize, text: Option<&str>) -> Option<u32> {
        let text = text?;
        let key = (text.len(), text.as_bytes().first().copied().unwrap_or(0));
        let all = &self.all;
        // Labels are short: a plain loop beats a call to memcmp.
        let same = |index: usize| all.get(index).is_some_and(|label| label.bytes().zip(text.bytes()).all(|(a, b)| a == b));
        let last = self.last.get(column).copied().unwrap_or(0);
        if self.known.get(last) == Some(&key) && same(last) {
            return Some(last as u32);
        }
        if let Some(index) = self.known.iter().enumerate().position(|(index, entry)| *entry == key && same(index)) {
            if let Some(hint) = self.last.get_mut(column) {
                *hint = index;
            }
            return Some(index as u32);
        }
        // Past the shared ones, a copy of its own: `known` stays as long as the shared part.
        if self.known.len() < Self::MAX {
            self.known.push(key);
        }
        self.all.push(Rc::from(kept(text)));
        Some(self.all.len() as u32 - 1)
    }
}

fn read_row(
    record: &csv::Record<'_>,
    layout: &Layout,
    header_width: usize,
    labels: &mut Labels,
    handles: &mut String,
) -> Result<Pending, Box<RowError>> {
    let line = record.line;
    if let Some(opened) = record.unclosed_quote {
        return Err(Box::new(file_error(
            opened,
            "unclosedQuote",
            "a quote opened on this line is never closed, so the rest of the file was read as one cell: close the quote".to_owned(),
        )));
    }
    // By index: skipping over `fields()` would trim every cell before the first extra one.
    if header_width > 0 && (header_width..record.len()).any(|i| !record.field(i).is_empty()) {
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
            return Err(cell_error(
                line,
                Column::Followers,
                "missingFollowers",
                "",
                "is empty: every candidate needs a follower count",
            ))
        }
        // Counts are nearly always whole: `trunc` is one wasm instruction, `round` a call.
        Some(Parsed { value, .. }) if value == value.trunc() => value,
        Some(parsed) => parsed.value.round(),
    };
    if !(1.0..=MAX_FOLLOWERS as f64).contains(&followers) {
        let cell = layout.position(Column::Followers).map(|p| record.field(p)).unwrap_or_default();
        return Err(cell_error(
            line,
            Column::Followers,
            "outOfRange",
            cell,
            &format!("is not a follower count from 1 to {MAX_FOLLOWERS}"),
        ));
    }
    let fee = number_cell(record, layout, Column::Fee, Kind::Amount)?.map(|p| p.value);
    if let Some(fee) = fee {
        if fee > 1e9 {
            let cell = layout.position(Column::Fee).map(|p| record.field(p)).unwrap_or_default();
            return Err(cell_error(line, Column::Fee, "outOfRange", cell, "is more than 1000000000 for one post"));
        }
    }
    let handle = text_cell(record, layout, Column::Handle).map(kept).unwrap_or_default();
    let start = handles.len() as u32;
    handles.push_str(handle);
    Ok(Pending {
        line,
        hash: handle_hash(handle),
        handle: Span { start, end: handles.len() as u32 },
        platform: labels.get(0, text_cell(record, layout, Column::Platform)),
        topic: labels.get(1, text_cell(record, layout, Column::Topic)),
        followers,
        fee,
        rate: number_cell(record, layout, Column::EngagementRate, Kind::Rate)?,
        engagements: number_cell(record, layout, Column::Engagements, Kind::Count)?.map(|p| p.value),
        fit: number_cell(record, layout, Column::AudienceFit, Kind::Rate)?,
    })
}

/// Settles the rate and fit columns' units (known only once every row is read) and checks the rate.
fn resolve(row: Pending, percent_column: bool, fit_percent_column: bool) -> Result<RawRow, Box<RowError>> {
    let engagement_rate = match (row.rate, row.engagements) {
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
        (None, Some(engagements)) => Some(engagements / row.followers),
        (None, None) => None,
    };
    // 0…100 in either unit (see `number_cell`), so 0…1 as a share.
    let audience_fit = row.fit.map(|fit| if fit.percent || fit_percent_column { fit.value / 100.0 } else { fit.value });
    Ok(RawRow {
        line: row.line,
        handle: row.handle,
        platform: row.platform,
        topic: row.topic,
        followers: row.followers,
        fee: row.fee,
        engagement_rate,
        audience_fit,
        duplicate: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read_error(line: u32) -> RowError {
        file_error(line, "notANumber", format!("read on line {line}"))
    }

    fn rate_error(line: u32) -> RowError {
        file_error(line, "outOfRange", format!("rate on line {line}"))
    }

    #[test]
    fn long_texts_are_cut_to_whole_characters() {
        let handle = "é".repeat(MAX_TEXT + 1);
        let sheet = read(&format!("handle,followers\n{handle},1200\nab,{}\n", "9".repeat(QUOTE_LIMIT + 1)));
        assert_eq!(sheet.handle(&sheet.rows[0]), "é".repeat(MAX_TEXT));
        assert_eq!(sheet.reading.errors[0].text.as_deref(), Some(format!("{}…", "9".repeat(QUOTE_LIMIT)).as_str()));
        assert_eq!(kept("short"), "short");
        assert_eq!(shorten(&"ü".repeat(QUOTE_LIMIT)), "ü".repeat(QUOTE_LIMIT));
        assert_eq!(shorten(&"ü".repeat(QUOTE_LIMIT + 1)), format!("{}…", "ü".repeat(QUOTE_LIMIT)));
    }

    fn fits(text: &str) -> Vec<Option<f64>> {
        read(text).rows.iter().map(|row| row.audience_fit).collect()
    }

    #[test]
    fn audience_fit_is_read_like_a_rate_a_percent_sign_meaning_percent() {
        assert_eq!(fits("handle;followers;audience fit\na;1000;35 %\nb;1000;35%\nc;1000;0,35\nd;1000;0.35\n"), [Some(0.35); 4]);
        assert_eq!(
            fits("pseudo;abonnés;% audience cible\na;1000;4,5 %\nb;1000;100 %\nc;1000;0 %\n"),
            [Some(0.045), Some(1.0), Some(0.0)]
        );
        // Bare numbers are shares, unless one exceeds 1: then the whole column is in percent, and
        // the reading says so.
        let shares = read("handle,followers,fit\na,1000,1\nb,1000,0.6\n");
        assert_eq!(shares.rows.iter().map(|r| r.audience_fit).collect::<Vec<_>>(), [Some(1.0), Some(0.6)]);
        assert!(shares.reading.notes.is_empty());
        let percents = read("handle,followers,fit\na,1000,35\nb,1000,0.6\nc,1000,100\n");
        assert_eq!(percents.rows.iter().map(|r| r.audience_fit).collect::<Vec<_>>(), [Some(0.35), Some(0.006), Some(1.0)]);
        assert_eq!(percents.reading.notes, ["fitPercentAssumed"]);
        // The rate column's unit is its own.
        let both = read("handle,followers,er,fit\na,1000,3.5,0.5\n");
        assert_eq!((both.rows[0].engagement_rate, both.rows[0].audience_fit), (Some(0.035), Some(0.5)));
        assert_eq!(both.reading.notes, ["percentAssumed"]);
    }

    #[test]
    fn an_empty_fit_cell_is_not_given() {
        let sheet = read("handle,followers,target share\na,1000,\nb,1000,  \nc,1000,50%\n");
        assert_eq!(sheet.reading.errors, []);
        assert_eq!(sheet.rows.iter().map(|r| r.audience_fit).collect::<Vec<_>>(), [None, None, Some(0.5)]);
        assert_eq!(fits("handle,followers\na,1000\n"), [None]);
        assert_eq!(sheet.reading.columns.last(), Some(&ColumnUse { column: "audienceFit", header: "target share".to_owned() }));
    }

    #[test]
    fn a_fit_outside_0_to_100_percent_or_not_a_number_names_its_line_and_column() {
        let sheet = read("handle,followers,audience fit\nok,1000,40%\nover,1000,120 %\nneg,1000,-5%\nbare,1000,101\nnan,1000,NaN\ntext,1000,high\n");
        assert_eq!(sheet.rows.iter().map(|r| sheet.handle(r)).collect::<Vec<_>>(), ["ok"]);
        let errors: Vec<_> =
            sheet.reading.errors.iter().map(|e| (e.line, e.column, e.code, e.text.as_deref(), e.message.as_str())).collect();
        assert_eq!(
            errors,
            [
                (3, Some("audienceFit"), "outOfRange", Some("120 %"), "audience fit \"120 %\" is over 100 %"),
                (4, Some("audienceFit"), "negative", Some("-5%"), "audience fit \"-5%\" is negative"),
                (5, Some("audienceFit"), "outOfRange", Some("101"), "audience fit \"101\" is over 100 %"),
                (6, Some("audienceFit"), "notANumber", Some("NaN"), "audience fit \"NaN\" is not a number"),
                (7, Some("audienceFit"), "notANumber", Some("high"), "audience fit \"high\" is not a number"),
            ]
        );
        // The refused lines' bare 101 does not turn the kept rows' shares into percentages.
        assert!(sheet.reading.notes.is_empty());
    }

    #[test]
    fn a_rate_refused_after_reading_takes_its_row_out_of_the_duplicate_search() {
        let sheet = read("handle,followers,engagement rate\na,1000,150%\nb,1000,2%\nA,1000,1%\nb,1000,3\nc,1000,0.5\n");
        let rows: Vec<_> = sheet.rows.iter().map(|r| (r.line, sheet.handle(r), r.engagement_rate, r.duplicate)).collect();
        // 3 is over 1: the column's bare numbers are percentages.
        assert_eq!(
            rows,
            [(3, "b", Some(0.02), false), (4, "A", Some(0.01), false), (5, "b", Some(0.03), true), (6, "c", Some(0.005), false)]
        );
        assert_eq!(sheet.reading.errors.iter().map(|e| (e.line, e.code)).collect::<Vec<_>>(), [(2, "outOfRange")]);
        assert_eq!(sheet.reading.notes, ["percentAssumed"]);
    }

    #[test]
    fn platforms_and_topics_are_shared_up_to_the_label_limit_and_kept_past_it() {
        let mut text = String::from("handle,followers,platform,topic\n");
        // Each topic twice, far apart, and the same few platforms throughout.
        let topics = MAX_LABELS + 40;
        for round in 0..2 {
            for t in 0..topics {
                text.push_str(&format!("h{round}_{t},1000,{},topic {t}\n", ["Instagram", "TikTok", "YouTube"][t % 3]));
            }
        }
        let sheet = read(&text);
        assert_eq!(sheet.rows.len(), 2 * topics);
        assert_eq!(&*sheet.labels[0], "Instagram");
        assert_eq!(&*sheet.labels[1], "topic 0");
        let label = |index: Option<u32>| index.and_then(|i| sheet.labels.get(i as usize)).map(|label| &**label);
        for (i, row) in sheet.rows.iter().enumerate() {
            let t = i % topics;
            assert_eq!(label(row.topic), Some(format!("topic {t}").as_str()), "line {}", row.line);
            assert_eq!(label(row.platform), Some(["Instagram", "TikTok", "YouTube"][t % 3]), "line {}", row.line);
            // Three platforms (among the first labels, with the first topics) and the first 253
            // topics are shared; later topics are their own.
            assert!(row.platform.is_some_and(|p| p < 5), "line {}", row.line);
            let shared = row.topic.is_some_and(|index| (index as usize) < MAX_LABELS);
            assert_eq!(shared, t < MAX_LABELS - 3, "line {}", row.line);
            if shared && i >= topics {
                assert_eq!(row.topic, sheet.rows[t].topic, "line {}", row.line);
            }
        }
        // The shared labels, then a copy per row for the rest.
        assert_eq!(sheet.labels.len(), MAX_LABELS + 2 * (topics - (MAX_LABELS - 3)));
    }

    proptest! {
        #[test]
        fn handles_differing_only_in_ascii_case_hash_alike(handle in "[ -~]{0,40}") {
            prop_assert_eq!(case_blind_hash(handle.to_ascii_lowercase().as_bytes()), case_blind_hash(handle.to_ascii_uppercase().as_bytes()));
            let bytes: Vec<u8> = handle.bytes().collect();
            let word = |b: &[u8]| { let mut w = [0u8; 8]; for (s, &x) in w.iter_mut().zip(b) { *s = x; } u64::from_le_bytes(w) };
            for chunk in bytes.chunks(8) {
                prop_assert_eq!(lower_ascii(word(chunk)), word(&chunk.to_ascii_lowercase()));
            }
        }

        #[test]
        fn lower_ascii_leaves_every_other_byte_alone(bytes in proptest::array::uniform8(any::<u8>())) {
            prop_assert_eq!(lower_ascii(u64::from_le_bytes(bytes)), u64::from_le_bytes(bytes.map(|b| b.to_ascii_lowercase())));
        }

        #[test]
        fn rate_errors_are_placed_as_a_stable_sort_places_them(
            mut read in proptest::collection::vec(0u32..40, 0..30),
            mut rates in proptest::collection::vec(0u32..40, 0..30),
        ) {
            read.sort_unstable();
            rates.sort_unstable();
            let mut errors: Vec<RowError> = read.iter().map(|&line| read_error(line)).collect();
            let later: Vec<RowError> = rates.iter().map(|&line| rate_error(line)).collect();
            let mut expected = errors.clone();
            expected.extend(later.iter().cloned());
            expected.sort_by_key(|error| error.line);
            merge_by_line(&mut errors, later);
            prop_assert_eq!(errors, expected);
        }
    }
}
