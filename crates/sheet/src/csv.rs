//! Records out of delimited text, with the line each starts on: csv-core does the quoting
//! (delimiters and newlines inside quotes, doubled quotes), this module the bookkeeping.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// Text decoded from bytes, and how.
pub struct Decoded<'a> {
    pub text: std::borrow::Cow<'a, str>,
    /// The bytes were not UTF-8 and were read as Windows-1252, what Excel writes on Windows.
    pub windows_1252: bool,
}

/// UTF-8 with or without a byte-order mark; anything else as Windows-1252, where every byte is
/// a character, so decoding never fails.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.into(), windows_1252: false },
        Err(_) => Decoded { text: bytes.iter().map(|&b| windows_1252(b)).collect::<String>().into(), windows_1252: true },
    }
}

/// The characters Windows-1252 puts at 0x80–0x9F; elsewhere it agrees with Latin-1.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9f => WINDOWS_1252_HIGH.get(usize::from(byte - 0x80)).copied().unwrap_or('\u{fffd}'),
        other => char::from(other),
    }
}

/// The delimiter of a file: of `,` `;` and tab, the one that splits the first lines into the
/// same number of fields most often, counted outside quotes. Ties go to tab, then `;` (a
/// French export's `;` file is full of decimal commas), then `,`.
pub fn detect_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b'\t', b';', b','];
    let lines: Vec<[usize; 3]> = sample_lines(text, 20)
        .map(|line| CANDIDATES.map(|d| count_outside_quotes(line, d)))
        .collect();
    let Some(first) = lines.first().copied() else { return b',' };
    let mut best = (b',', 0usize);
    for (slot, &delimiter) in CANDIDATES.iter().enumerate() {
        let per_line = first.get(slot).copied().unwrap_or(0);
        let agreeing = lines.iter().filter(|counts| counts.get(slot).copied() == Some(per_line)).count();
        // Strictly more: an earlier candidate wins a tie.
        if per_line > 0 && agreeing > best.1 {
            best = (delimiter, agreeing);
        }
    }
    best.0
}

fn sample_lines(text: &str, count: usize) -> impl Iterator<Item = &str> {
    text.lines().filter(|line| !line.trim().is_empty()).take(count)
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for &byte in line.as_bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if byte == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

/// One record: its fields, and where it starts in the file.
pub struct Record<'a> {
    /// 1-based line of the record's first character.
    pub line: u32,
    output: &'a str,
    ends: &'a [usize],
    /// A quote opened in this record never closed: it swallowed the rest of the file.
    pub unclosed_quote: bool,
    /// Empty lines between the previous record and this one.
    pub blank_lines_before: u32,
    /// `output` is the line as written, fields separated by one delimiter byte each (the fast
    /// path); otherwise csv-core's unquoted fields, back to back.
    delimited: bool,
}

impl Record<'_> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `index`, trimmed; empty when the record is shorter.
    pub fn field(&self, index: usize) -> &str {
        let Some(&end) = self.ends.get(index) else { return "" };
        let start = match index.checked_sub(1).and_then(|i| self.ends.get(i)) {
            None => 0,
            Some(&previous) => previous + usize::from(self.delimited),
        };
        trim(self.output.get(start..end).unwrap_or(""))
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.field(i))
    }

    pub fn is_blank(&self) -> bool {
        self.fields().all(str::is_empty)
    }
}

/// `text` without surrounding blanks (spaces, tabs, no-break spaces). Most cells start and end
/// with a visible ASCII character: those are returned without decoding a single character.
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(&first), Some(&last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim_matches(is_blank),
    }
}

pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// One pass over the line at the start of `rest`: if it holds no quote, its length without the
/// terminator and the offset where the next line starts, with the end of each of its fields in
/// `ends`. A carriage return anywhere but before the line feed also sends the line to csv-core,
/// which reads it as a line end.
fn plain_line(rest: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<(usize, usize)> {
    ends.clear();
    for (i, &byte) in rest.iter().enumerate() {
        if byte == delimiter {
            ends.push(i);
            continue;
        }
        let next = match byte {
            b'\n' => i + 1,
            b'"' => return None,
            b'\r' => match rest.get(i + 1) {
                None => i + 1,
                Some(b'\n') => i + 2,
                Some(_) => return None,
            },
            _ => continue,
        };
        ends.push(i);
        return Some((i, next));
    }
    ends.push(rest.len());
    Some((rest.len(), rest.len()))
}

/// Calls `each` with every record of `text`; stops early when it returns `false`. `each` is a
/// trait object so that this loop is compiled here, at this crate's optimisation level.
pub fn for_each_record(text: &str, delimiter: u8, each: &mut dyn FnMut(&Record<'_>) -> bool) {
    let mut reader: Reader = ReaderBuilder::new().delimiter(delimiter).build();
    let input = text.as_bytes();
    let mut output = vec![0u8; 4096];
    let mut ends = vec![0usize; 32];
    let mut position = 0usize;
    let mut line: u32 = 1;
    // The line the previous record's last character is on.
    let mut previous_end: u32 = 0;
    let mut fast_ends: Vec<usize> = Vec::with_capacity(32);
    loop {
        // Fast path: a line without quotes (nearly every line of an export) is split where it
        // stands, without copying it through csv-core.
        let rest = input.get(position..).unwrap_or_default();
        if rest.is_empty() {
            return;
        }
        if let Some((content, next)) = plain_line(rest, delimiter, &mut fast_ends) {
            let start = position;
            position += next;
            if content == 0 {
                // An empty line: csv-core would skip it too.
                line = line.saturating_add(1);
                continue;
            }
            let record = Record {
                line,
                // Cut at ASCII bytes of a &str: still UTF-8.
                output: text.get(start..start + content).unwrap_or(""),
                ends: &fast_ends,
                unclosed_quote: false,
                blank_lines_before: line.saturating_sub(previous_end + 1),
                delimited: true,
            };
            previous_end = line;
            line = line.saturating_add(1);
            if !each(&record) {
                return;
            }
            continue;
        }
        // csv-core's own count of the newlines it has consumed, before this record.
        let consumed_newlines = reader.line() as u32;
        let start = position;
        let (mut written, mut ended) = (0usize, 0usize);
        let finished = loop {
            let rest = input.get(position..).unwrap_or_default();
            let (result, read, wrote, ends_written) = reader.read_record(
                rest,
                output.get_mut(written..).unwrap_or_default(),
                ends.get_mut(ended..).unwrap_or_default(),
            );
            position += read;
            written += wrote;
            ended += ends_written;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => output.resize(output.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
                ReadRecordResult::Record => break false,
                ReadRecordResult::End => break true,
            }
        };
        if finished {
            return;
        }
        let raw = input.get(start..position).unwrap_or_default();
        // csv-core counts the newlines it consumed; the record's own bytes are looked at only at
        // its two ends: blank lines it skipped before the record (to find where it starts) and
        // its terminator (to find where it ends).
        let newlines = (reader.line() as u32).saturating_sub(consumed_newlines);
        let is_newline = |b: &&u8| **b == b'\n' || **b == b'\r';
        let skipped = raw.iter().take_while(is_newline).filter(|b| **b == b'\n').count() as u32;
        let trailing = raw.iter().rev().take_while(is_newline).filter(|b| **b == b'\n').count() as u32;
        let content_newlines = newlines.saturating_sub(trailing);
        // Only the last record can hold a quote that never closed: it swallowed the rest.
        let at_end = position >= input.len();
        let quotes = if at_end { raw.iter().filter(|b| **b == b'"').count() } else { 0 };
        let record = Record {
            line: line + skipped,
            // csv-core splits only at ASCII bytes, so the fields of UTF-8 text are UTF-8.
            output: std::str::from_utf8(output.get(..written).unwrap_or_default()).unwrap_or(""),
            ends: ends.get(..ended).unwrap_or_default(),
            unclosed_quote: at_end && quotes % 2 == 1 && content_newlines > skipped,
            blank_lines_before: (line + skipped).saturating_sub(previous_end + 1),
            delimited: false,
        };
        previous_end = line + content_newlines;
        line = line.saturating_add(newlines);
        // csv-core offsets each field end from the record's start; `written` already is.
        if !each(&record) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, delimiter: u8) -> Vec<(u32, Vec<String>)> {
        let mut records = Vec::new();
        for_each_record(text, delimiter, &mut |r| {
            records.push((r.line, r.fields().map(str::to_owned).collect()));
            true
        });
        records
    }

    #[test]
    fn quoted_delimiters_newlines_and_quotes() {
        let text = "a,b\n\"x, y\",\"two\nlines\"\n\n\"say \"\"hi\"\"\",3\r\nlast,4";
        let records = read(text, b',');
        assert_eq!(
            records,
            vec![
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["x, y".into(), "two\nlines".into()]),
                (5, vec!["say \"hi\"".into(), "3".into()]),
                (6, vec!["last".into(), "4".into()]),
            ]
        );
    }

    #[test]
    fn long_fields_and_many_fields_grow_the_buffers() {
        let long = "x".repeat(10_000);
        let many = vec!["1"; 100].join(",");
        let records = read(&format!("{long},2\n{many}\n"), b',');
        assert_eq!(records[0].1[0].len(), 10_000);
        assert_eq!(records[1].1.len(), 100);
    }

    #[test]
    fn an_unclosed_quote_is_noticed() {
        let mut unclosed = Vec::new();
        for_each_record("a,b\n\"open,1\nc,2\n", b',', &mut |r| {
            unclosed.push((r.line, r.unclosed_quote));
            true
        });
        assert_eq!(unclosed, vec![(1, false), (2, true)]);
    }

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(detect_delimiter("handle,followers\na,\"12,500\"\nb,300"), b',');
        assert_eq!(detect_delimiter("pseudo;abonnés;taux\na;12 500;3,4 %\nb;300;2,1 %"), b';');
        assert_eq!(detect_delimiter("handle\tfollowers\na\t12,500\n"), b'\t');
        assert_eq!(detect_delimiter(""), b',');
        assert_eq!(detect_delimiter("just one column\n"), b',');
    }

    #[test]
    fn bytes_decode_as_utf8_or_windows_1252() {
        let utf8 = decode("\u{feff}Abonnés".as_bytes());
        assert_eq!((utf8.text.as_ref(), utf8.windows_1252), ("Abonnés", false));
        let excel = decode(b"Abonn\xe9s \x80");
        assert_eq!((excel.text.as_ref(), excel.windows_1252), ("Abonnés €", true));
    }
}
