//! Numbers as spreadsheets and influencer tools write them, in French and English:
//! `12 500`, `12,500`, `12.500`, `12.5k`, `1,2 M`, `3,4 %`, `€250`, `1'000`.
//!
//! Parsing is by hand rather than through `str::parse::<f64>`: the standard parser would add
//! several kilobytes to the wasm module, and every number here has at most 18 significant
//! digits, so `mantissa / 10^decimals` (one correctly rounded division) is exact enough.

/// What a column holds, which decides the one ambiguous case: a single separator followed by
/// exactly three digits (`12,500`, `12.500`) groups thousands in a count or an amount (nobody
/// has 12.5 followers or charges 12.5 € for a post) but is a decimal in a rate (`1,234 %`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Count,
    Amount,
    Rate,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    pub value: f64,
    /// Written with a `%` sign.
    pub percent: bool,
}

/// Why a cell is not a number; the caller words it with the column's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NotANumber,
    Negative,
    /// A percentage where a count is expected (`12 %` followers).
    Percent,
    /// More significant digits than any real figure has.
    TooLong,
}

const MAX_DIGITS: usize = 18;
/// Every scale a number with at most [`MAX_DIGITS`] digits can have; exact in `f64`.
const POWERS_OF_TEN: [f64; MAX_DIGITS + 1] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

use crate::csv::is_blank;

/// Currency marks tools put before or after amounts.
const CURRENCIES: [&str; 11] = ["us$", "eur", "usd", "gbp", "chf", "cad", "€", "$", "£", "¥", "fr"];

/// Multipliers written after the number, longest first so `mds` is not read as `s`.
const SUFFIXES: [(&str, f64); 9] =
    [("mds", 1e9), ("mio", 1e6), ("md", 1e9), ("bn", 1e9), ("mn", 1e6), ("k", 1e3), ("m", 1e6), ("b", 1e9), ("g", 1e9)];

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| text.get(prefix.len()..)).flatten()
}

fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let tail = text.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| text.get(..cut)).flatten()
}

fn strip_currency(mut text: &str) -> &str {
    // Currency marks are letters or symbols: a cell that starts and ends with a digit has none.
    for currency in CURRENCIES {
        if let Some(rest) = strip_prefix_ci(text, currency) {
            text = rest.trim_matches(is_blank);
        }
        if let Some(rest) = strip_suffix_ci(text, currency) {
            text = rest.trim_matches(is_blank);
        }
    }
    text
}

/// Reads one cell. `None` for an empty cell, which is "not given", not zero.
pub fn parse(cell: &str, kind: Kind) -> Option<Result<Parsed, Problem>> {
    let text = crate::csv::trim(cell);
    if text.is_empty() {
        return None;
    }
    Some(parse_text(text, kind))
}

fn parse_text(text: &str, kind: Kind) -> Result<Parsed, Problem> {
    // Most cells are plain digits: read them without the general path's searches.
    if text.len() <= MAX_DIGITS && text.bytes().all(|b| b.is_ascii_digit()) {
        let value = text.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Ok(Parsed { value: value as f64, percent: false });
    }
    if let Some(parsed) = plain_decimal(text, kind) {
        return Ok(parsed);
    }
    general(text, kind)
}

/// Any cell, by the rules the module's documentation gives.
fn general(text: &str, kind: Kind) -> Result<Parsed, Problem> {
    let mut text = text;
    let mut percent = false;
    if let Some(rest) = text.strip_suffix('%') {
        percent = true;
        text = rest.trim_matches(is_blank);
    }
    if !text.starts_with(|c: char| c.is_ascii_digit()) || !text.ends_with(|c: char| c.is_ascii_digit()) {
        text = strip_currency(text);
    }
    let mut multiplier = 1.0;
    let suffixed = text.ends_with(|c: char| c.is_ascii_alphabetic());
    for (suffix, factor) in SUFFIXES.into_iter().filter(|_| suffixed) {
        if let Some(rest) = strip_suffix_ci(text, suffix) {
            if rest.ends_with(|c: char| c.is_ascii_digit() || is_blank(c) || c == '.' || c == ',') {
                multiplier = factor;
                text = rest.trim_matches(is_blank);
                break;
            }
        }
    }
    let negative = text.starts_with(['-', '\u{2212}']);
    let text = text.trim_start_matches(['-', '\u{2212}', '+']);
    let value = decimal(text, kind, percent || multiplier != 1.0)?;
    if negative && value != 0.0 {
        return Err(Problem::Negative);
    }
    if percent && kind == Kind::Count {
        return Err(Problem::Percent);
    }
    Ok(Parsed { value: value * multiplier, percent })
}

/// The next most common cell, `3.45` or `3,45%`: digits on both sides of one mark, a percent
/// sign right after them or none, read in one pass as [`decimal`] would read them. Short enough
/// (at most [`MAX_DIGITS`] bytes) that no digit count can be too long. Anything else is `None`,
/// for the general path, and so is a count written as a percentage (an error it words).
fn plain_decimal(text: &str, kind: Kind) -> Option<Parsed> {
    let (digits, percent) = match text.strip_suffix('%') {
        Some(digits) => (digits, true),
        None => (text, false),
    };
    if digits.len() > MAX_DIGITS || (percent && kind == Kind::Count) {
        return None;
    }
    let bytes = digits.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit) || !bytes.last().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (mut mantissa, mut mark_at) = (0u64, None);
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            b'0'..=b'9' => mantissa = mantissa * 10 + u64::from(byte - b'0'),
            b',' | b'.' if mark_at.is_none() => mark_at = Some(at),
            _ => return None,
        }
    }
    let digits_after = bytes.len() - mark_at? - 1;
    // A single mark before exactly three digits groups thousands in a count or an amount.
    let grouping = digits_after == 3 && !percent && kind != Kind::Rate;
    let scale = if grouping { 1.0 } else { POWERS_OF_TEN.get(digits_after).copied()? };
    Some(Parsed { value: mantissa as f64 / scale, percent })
}

/// Digits with any of `,` `.` as decimal or grouping marks, and blanks or apostrophes grouping.
fn decimal(text: &str, kind: Kind, scaled: bool) -> Result<f64, Problem> {
    // One pass for what the marks look like: how many of each, the last one, and the digits
    // after it.
    let (mut commas, mut dots, mut last_mark, mut digits_after) = (0usize, 0usize, None, 0usize);
    for byte in text.bytes() {
        match byte {
            b',' | b'.' => {
                if byte == b',' {
                    commas += 1;
                } else {
                    dots += 1;
                }
                last_mark = Some(char::from(byte));
                digits_after = 0;
            }
            b'0'..=b'9' => digits_after += 1,
            _ => {}
        }
    }
    let decimal_mark = match (commas, dots) {
        // Both: the later one is the decimal mark (`12,500.50`, `12.500,50`).
        (c, d) if c > 0 && d > 0 => last_mark,
        (1, 0) | (0, 1) => {
            let grouping = digits_after == 3 && !scaled && kind != Kind::Rate;
            last_mark.filter(|_| !grouping)
        }
        // None, or the same mark several times, which only groups: `1,234,567`, `1.234.567`.
        _ => None,
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0usize;
    let mut decimals: Option<i32> = None;
    for c in text.chars() {
        match c {
            '0'..='9' => {
                if digits == 0 && c == '0' && decimals.is_none() {
                    continue;
                }
                digits += 1;
                if digits > MAX_DIGITS {
                    return Err(Problem::TooLong);
                }
                mantissa = mantissa * 10 + u64::from(c as u32 - '0' as u32);
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            c if Some(c) == decimal_mark => {
                if decimals.is_some() {
                    return Err(Problem::NotANumber);
                }
                decimals = Some(0);
            }
            ',' | '.' | '\'' | '\u{2019}' => {}
            c if is_blank(c) => {}
            _ => return Err(Problem::NotANumber),
        }
    }
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return Err(Problem::NotANumber);
    }
    let scale = POWERS_OF_TEN.get(decimals.unwrap_or(0) as usize).copied().unwrap_or(f64::INFINITY);
    Ok(mantissa as f64 / scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn plain_decimals_read_as_the_general_path_reads_them(text in "[0-9.,%]{1,20}", kind in 0..3u8) {
            let kind = [Kind::Count, Kind::Amount, Kind::Rate][usize::from(kind)];
            if let Some(parsed) = plain_decimal(&text, kind) {
                prop_assert_eq!(Ok(parsed), general(&text, kind));
            }
        }
    }

    #[test]
    fn plain_decimals_take_the_short_path() {
        for (text, kind) in [("3.45%", Kind::Rate), ("0,034", Kind::Rate), ("12,500", Kind::Count), ("99.9", Kind::Amount)] {
            assert_eq!(plain_decimal(text, kind).map(Ok), Some(general(text, kind)), "{text}");
        }
        for (text, kind) in
            [("12%", Kind::Count), ("1.2.3", Kind::Count), (".5", Kind::Rate), ("5.", Kind::Rate), ("1 000,5", Kind::Amount)]
        {
            assert_eq!(plain_decimal(text, kind), None, "{text}");
        }
    }

    fn read(text: &str, kind: Kind) -> f64 {
        match parse(text, kind) {
            Some(Ok(p)) => p.value,
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn french_and_english_counts() {
        for (text, value) in [
            ("12500", 12_500.0),
            ("12 500", 12_500.0),
            ("12\u{a0}500", 12_500.0),
            ("12\u{202f}500", 12_500.0),
            ("12,500", 12_500.0),
            ("12.500", 12_500.0),
            ("1,234,567", 1_234_567.0),
            ("1.234.567", 1_234_567.0),
            ("1'234'567", 1_234_567.0),
            ("12.5k", 12_500.0),
            ("12,5k", 12_500.0),
            ("12,5 K", 12_500.0),
            ("1,2 M", 1_200_000.0),
            ("1.2m", 1_200_000.0),
            ("3 Mio", 3_000_000.0),
            ("1,5 Md", 1_500_000_000.0),
            ("007", 7.0),
            ("  42  ", 42.0),
            ("+42", 42.0),
        ] {
            assert_eq!(read(text, Kind::Count), value, "{text}");
        }
    }

    #[test]
    fn amounts_with_currencies_and_decimals() {
        for (text, value) in [
            ("€250", 250.0),
            ("250 €", 250.0),
            ("250,50 €", 250.5),
            ("$1,500.00", 1500.0),
            ("1.500,00 EUR", 1500.0),
            ("1,500", 1500.0),
            ("USD 99.99", 99.99),
            ("2,75", 2.75),
        ] {
            assert_eq!(read(text, Kind::Amount), value, "{text}");
        }
    }

    #[test]
    fn rates_keep_their_percent_sign() {
        assert_eq!(parse("3,4 %", Kind::Rate), Some(Ok(Parsed { value: 3.4, percent: true })));
        assert_eq!(parse("3.45%", Kind::Rate), Some(Ok(Parsed { value: 3.45, percent: true })));
        assert_eq!(parse("0.034", Kind::Rate), Some(Ok(Parsed { value: 0.034, percent: false })));
        assert_eq!(read("1,234", Kind::Rate), 1.234);
    }

    #[test]
    fn what_is_not_a_number_says_why() {
        assert_eq!(parse("", Kind::Count), None);
        assert_eq!(parse(" \u{a0} ", Kind::Count), None);
        assert_eq!(parse("abc", Kind::Count), Some(Err(Problem::NotANumber)));
        assert_eq!(parse("12abc", Kind::Count), Some(Err(Problem::NotANumber)));
        assert_eq!(parse("k", Kind::Count), Some(Err(Problem::NotANumber)));
        assert_eq!(parse("1.2.3,4,5", Kind::Count), Some(Err(Problem::NotANumber)));
        assert_eq!(parse("-5", Kind::Amount), Some(Err(Problem::Negative)));
        assert_eq!(parse("12 %", Kind::Count), Some(Err(Problem::Percent)));
        assert_eq!(parse("1234567890123456789012", Kind::Count), Some(Err(Problem::TooLong)));
        assert_eq!(parse("=1+1", Kind::Count), Some(Err(Problem::NotANumber)));
    }
}
