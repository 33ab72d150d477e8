//! Records out of delimited text, with the line each starts on: csv-core does the quoting
//! (delimiters and newlines inside quotes, doubled quotes), this module the bookkeeping.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// Text decoded from bytes, and how.
pub struct Decoded<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub encoding: Encoding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Excel's "Unicode Text" (tab-separated, with a byte-order mark), little-endian on
    /// Windows; big-endian from older Macs.
    Utf16Le,
    Utf16Be,
    /// The bytes were not UTF-8 and were read as Windows-1252, what Excel writes on Windows.
    Windows1252,
}

/// UTF-16 with a byte-order mark (or, without one, unmistakably so: see [`utf16_without_mark`]);
/// UTF-8 with or without a byte-order mark; anything else as Windows-1252, where every byte is
/// a character, so decoding never fails.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some((Encoding::Utf16Le, rest)),
        [0xfe, 0xff, rest @ ..] => Some((Encoding::Utf16Be, rest)),
        _ => utf16_without_mark(bytes).map(|encoding| (encoding, bytes)),
    };
    if let Some((encoding, units)) = utf16 {
        return Decoded { text: utf16_text(units, encoding == Encoding::Utf16Le).into(), encoding };
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.into(), encoding: Encoding::Utf8 },
        Err(_) => {
            Decoded { text: bytes.iter().map(|&b| windows_1252(b)).collect::<String>().into(), encoding: Encoding::Windows1252 }
        }
    }
}

/// UTF-16 without a byte-order mark, recognised only when it cannot be anything else: text in
/// UTF-8 or Windows-1252 holds no NUL byte, while the headers and numbers of a roster in UTF-16
/// are ASCII, so every other byte is NUL. The first kilobyte must have NULs on one side of each
/// pair only, and on at least half of them. Only that kilobyte is looked at, so files without
/// NULs (every UTF-8 file) pay one short scan.
fn utf16_without_mark(bytes: &[u8]) -> Option<Encoding> {
    let sample = bytes.get(..bytes.len().min(1024) & !1).unwrap_or_default();
    if !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut first, mut second) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            first += usize::from(*a == 0);
            second += usize::from(*b == 0);
        }
    }
    match (first, second) {
        (0, nuls) if nuls * 2 >= pairs => Some(Encoding::Utf16Le),
        (nuls, 0) if nuls * 2 >= pairs => Some(Encoding::Utf16Be),
        _ => None,
    }
}

/// UTF-16 code units to text; a lone surrogate or an odd last byte becomes U+FFFD, as a
/// browser decodes them.
fn utf16_text(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xfffd,
    });
    // Rosters are mostly ASCII: one byte of text per unit.
    let mut text = String::with_capacity(bytes.len() / 2 + 3);
    text.extend(char::decode_utf16(units).map(|unit| unit.unwrap_or('\u{fffd}')));
    if bytes.len() % 2 == 1 {
        text.push('\u{fffd}');
    }
    text
}

/// The characters Windows-1252 puts at 0x80–0x9F; elsewhere it agrees with Latin-1.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”',
    '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
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
    let lines: Vec<[usize; 3]> = sample_lines(text, 20).map(|line| CANDIDATES.map(|d| count_outside_quotes(line, d))).collect();
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

/// Eight copies of a byte, one per byte of a word.
const fn repeated(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

const LOW_BITS: u64 = repeated(0x7f);

/// The high bit of each byte of `word` that is zero, and of no other byte (exact, unlike the
/// shorter trick that can mark a 0x01 above a zero).
fn zero_bytes(word: u64) -> u64 {
    !(((word & LOW_BITS) + LOW_BITS) | word | LOW_BITS)
}

/// The eight bytes of `bytes` from `from` on, as a little-endian word; past the end, zeros,
/// which are none of the bytes looked for here (the delimiter is never NUL).
fn word_at(bytes: &[u8], from: usize) -> u64 {
    if let Some(Ok(word)) = bytes.get(from..from + 8).map(<[u8; 8]>::try_from) {
        return u64::from_le_bytes(word);
    }
    let mut word = [0u8; 8];
    for (slot, &byte) in word.iter_mut().zip(bytes.get(from..).unwrap_or_default()) {
        *slot = byte;
    }
    u64::from_le_bytes(word)
}

/// How many line feeds `bytes` holds, eight bytes at a time: wasm has no vector search of its
/// own, and a file is megabytes.
pub fn count_newlines(bytes: &[u8]) -> usize {
    (0..bytes.len()).step_by(8).map(|from| zero_bytes(word_at(bytes, from) ^ repeated(b'\n')).count_ones() as usize).sum()
}

/// One record: its fields, and where it starts in the file.
pub struct Record<'a> {
    /// 1-based line of the record's first character.
    pub line: u32,
    output: &'a str,
    ends: &'a [usize],
    /// The line of a quote opened in this record that never closed: it swallowed the rest of
    /// the file.
    pub unclosed_quote: Option<u32>,
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

/// Where the first byte of `rest` from `from` on that ends a field or needs csv-core (the
/// delimiter, a quote, a line feed or a carriage return) is; `rest.len()` when there is none.
/// Eight bytes at a time: fields are a few bytes long, but lines are tens.
fn next_special(rest: &[u8], mut from: usize, delimiter: u8) -> usize {
    let (delimiters, feeds, quotes, returns) = (repeated(delimiter), repeated(b'\n'), repeated(b'"'), repeated(b'\r'));
    while from < rest.len() {
        let word = word_at(rest, from);
        let found =
            zero_bytes(word ^ delimiters) | zero_bytes(word ^ feeds) | zero_bytes(word ^ quotes) | zero_bytes(word ^ returns);
        if found != 0 {
            return from + (found.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    rest.len()
}

/// One pass over the line at the start of `rest`: if it holds no quote, its length without the
/// terminator and the offset where the next line starts, with the end of each of its fields in
/// `ends`. A carriage return anywhere but before the line feed also sends the line to csv-core,
/// which reads it as a line end.
fn plain_line(rest: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<(usize, usize)> {
    ends.clear();
    let mut from = 0;
    loop {
        let i = next_special(rest, from, delimiter);
        let Some(&byte) = rest.get(i) else { break };
        if byte == delimiter {
            ends.push(i);
            from = i + 1;
            continue;
        }
        let next = match byte {
            b'\n' => i + 1,
            b'\r' => match rest.get(i + 1) {
                None => i + 1,
                Some(b'\n') => i + 2,
                Some(_) => return None,
            },
            _ => return None,
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
                unclosed_quote: None,
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
            let (result, read, wrote, ends_written) =
                reader.read_record(rest, output.get_mut(written..).unwrap_or_default(), ends.get_mut(ended..).unwrap_or_default());
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
        let unclosed_quote = if position >= input.len() { open_quote(raw, delimiter) } else { None };
        let record = Record {
            line: line + skipped,
            // csv-core splits only at ASCII bytes, so the fields of UTF-8 text are UTF-8.
            output: std::str::from_utf8(output.get(..written).unwrap_or_default()).unwrap_or(""),
            ends: ends.get(..ended).unwrap_or_default(),
            unclosed_quote: unclosed_quote.map(|at| {
                let newlines = raw.get(..at).unwrap_or_default().iter().filter(|b| **b == b'\n').count() as u32;
                line.saturating_add(newlines)
            }),
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

/// Where the quote that `raw` (one whole record) ends inside opened, if it ends inside one.
/// csv-core's own rules: a quote opens a field only as its first byte; inside, a doubled quote
/// is a quote and a single one closes; after it, and in the middle of a field, a quote is text.
fn open_quote(raw: &[u8], delimiter: u8) -> Option<usize> {
    let mut opened = None;
    let mut field_start = true;
    let mut bytes = raw.iter().enumerate().peekable();
    while let Some((at, &byte)) = bytes.next() {
        if opened.is_some() {
            if byte == b'"' && bytes.next_if(|(_, &next)| next == b'"').is_none() {
                opened = None;
                field_start = false;
            }
            continue;
        }
        if byte == b'"' && field_start {
            opened = Some(at);
        }
        field_start = byte == delimiter || byte == b'\n' || byte == b'\r';
    }
    opened
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

    fn unclosed(text: &str) -> Vec<(u32, Option<u32>)> {
        let mut records = Vec::new();
        for_each_record(text, b',', &mut |r| {
            records.push((r.line, r.unclosed_quote));
            true
        });
        records
    }

    #[test]
    fn an_unclosed_quote_is_noticed_on_the_line_it_opens() {
        assert_eq!(unclosed("a,b\n\"open,1\nc,2\n"), vec![(1, None), (2, Some(2))]);
        // The last cell opens a quote: nothing after it to swallow, still never closed.
        assert_eq!(unclosed("a,b\nc,\""), vec![(1, None), (2, Some(2))]);
        assert_eq!(unclosed("a,b\nc,\"\n"), vec![(1, None), (2, Some(2))]);
        assert_eq!(unclosed("a,b\nc,\"12"), vec![(1, None), (2, Some(2))]);
        // A record over several lines whose second quoted cell never closes.
        assert_eq!(unclosed("a,b\n\n\"two\nlines\",\"open\nrest"), vec![(1, None), (3, Some(4))]);
    }

    #[test]
    fn closed_and_literal_quotes_are_not_unclosed() {
        for text in ["a,b\nc,\"x\"", "a,b\nc,\"x\"\"\"\n", "a,b\nc,\"\"", "a,b\n5'11\",3", "a,b\nx \"y,3\r\n", "a,b\n\"x\"y\"z,3"] {
            assert!(unclosed(text).iter().all(|(_, open)| open.is_none()), "{text:?}");
        }
    }

    #[test]
    fn newlines_are_counted_and_specials_found_at_every_offset() {
        let text = "ab\ncd,\"e\r\n\n0123456789\nxyz;\t\n";
        for start in 0..text.len() {
            let bytes = &text.as_bytes()[start..];
            assert_eq!(count_newlines(bytes), bytes.iter().filter(|&&b| b == b'\n').count(), "{start}");
            for delimiter in [b',', b';', b'\t'] {
                let naive = bytes.iter().position(|&b| matches!(b, b'\n' | b'"' | b'\r') || b == delimiter);
                assert_eq!(next_special(bytes, 0, delimiter), naive.unwrap_or(bytes.len()), "{start}");
            }
        }
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
        assert_eq!((utf8.text.as_ref(), utf8.encoding), ("Abonnés", Encoding::Utf8));
        let excel = decode(b"Abonn\xe9s \x80");
        assert_eq!((excel.text.as_ref(), excel.encoding), ("Abonnés €", Encoding::Windows1252));
    }

    fn utf16(text: &str, little_endian: bool, mark: bool) -> Vec<u8> {
        let units = mark.then_some(0xfeff).into_iter().chain(text.encode_utf16());
        units.flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn utf16_with_a_byte_order_mark_decodes_either_way_round() {
        let text = "Pseudo\tAbonnés\r\nZoë 🌸\t1 200\r\n";
        for (little_endian, encoding) in [(true, Encoding::Utf16Le), (false, Encoding::Utf16Be)] {
            let bytes = utf16(text, little_endian, true);
            let decoded = decode(&bytes);
            assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, encoding));
        }
        // A lone surrogate and an odd last byte become U+FFFD instead of failing.
        let mut broken = utf16("a", true, true);
        broken.extend([0x00, 0xd8, b'b', 0x00, 0x41]);
        assert_eq!(decode(&broken).text, "a\u{fffd}b\u{fffd}");
        assert_eq!(decode(b"\xff\xfe").text, "");
    }

    #[test]
    fn utf16_without_a_mark_is_recognised_only_when_unmistakable() {
        let text = "handle,followers\nlea,1200\n";
        assert_eq!(decode(&utf16(text, true, false)).encoding, Encoding::Utf16Le);
        assert_eq!(decode(&utf16(text, false, false)).text, text);
        // NULs on both sides of the pairs, or too few of them: not text in UTF-16.
        assert_eq!(decode(b"a\0\0b").encoding, Encoding::Utf8);
        assert_eq!(decode(b"abcdefgh\0i").encoding, Encoding::Utf8);
        assert_eq!(decode("no NUL at all, é".as_bytes()).encoding, Encoding::Utf8);
    }
}
