//! One error type for every bad input, shaped so a person can act on it:
//! *which* field, *what* it must be, and *what it got*.
//!
//! The offending value is kept as data rather than pre-formatted text so that the wasm
//! binding can let JavaScript print numbers: formatting an `f64` in Rust would pull
//! ~20 KB of float-printing code into the module.
//!
//! Every part of a message is bounded here, whoever builds the error: a caller's 10 MB key or
//! value is quoted by a short prefix, so no input can make a message that floods a page or a log.

use std::fmt;

/// The most characters of a value a message quotes, as the roster reader quotes a cell.
pub use tiermix_sheet::rows::QUOTE_LIMIT;
/// The most characters of a field's path. Each key in it is quoted like a value where the path
/// is built ([`crate::input::join`]); a deep input still makes a long path.
const PATH_LIMIT: usize = 100;
/// The most characters of a problem. Only a problem that lists a caller's own tier ids comes
/// near it; every fixed one is shorter.
const PROBLEM_LIMIT: usize = 200;

/// `text` cut to its first `limit` characters, marked with an ellipsis when cut.
pub fn clip(text: &str, limit: usize) -> String {
    // Counting the bytes that start a character is all it takes, and less code than decoding.
    let mut starts = text.bytes().enumerate().filter(|(_, byte)| (*byte as i8) >= -0x40);
    match starts.nth(limit) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// What the caller actually passed, kept for the error message.
#[derive(Debug, Clone, PartialEq)]
pub enum Got {
    Number(f64),
    /// Built by [`Got::text`], which shortens it.
    Text(String),
    /// A description of a value that is not worth quoting ("an object", "nothing").
    Kind(&'static str),
}

impl Got {
    /// Text as quoted in a message: shortened, as the roster reader quotes a cell.
    pub fn text(text: &str) -> Got {
        Got::Text(clip(text, QUOTE_LIMIT))
    }
}

/// What is wrong with an input, as a stable id a page can word in its reader's language (the
/// `message` says it in English). The range codes name what the value must be — `amount` is
/// "an amount from `min` to `max`" — and come with the range ([`Detail::range`]); an error
/// without a more precise code is `invalid`, and its message says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Code {
    Invalid,
    NotNumber,
    NotText,
    NotObject,
    UnknownField,
    /// A finite number from `min` to `max`.
    Number,
    Amount,
    /// A share of 1 (a page shows it as a percentage).
    Share,
    /// A multiplier around 1 (a page shows it as a percentage).
    Factor,
    Followers,
    People,
    Hours,
    Shape,
    Weight,
    /// An amount of at least `min`.
    AmountAtLeast,
    HoursAtLeast,
    /// A whole number from `min` to `max`.
    Whole,
}

impl Code {
    pub const ALL: [Code; 17] = [
        Code::Invalid,
        Code::NotNumber,
        Code::NotText,
        Code::NotObject,
        Code::UnknownField,
        Code::Number,
        Code::Amount,
        Code::Share,
        Code::Factor,
        Code::Followers,
        Code::People,
        Code::Hours,
        Code::Shape,
        Code::Weight,
        Code::AmountAtLeast,
        Code::HoursAtLeast,
        Code::Whole,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Code::Invalid => "invalid",
            Code::NotNumber => "notNumber",
            Code::NotText => "notText",
            Code::NotObject => "notObject",
            Code::UnknownField => "unknownField",
            Code::Number => "number",
            Code::Amount => "amount",
            Code::Share => "share",
            Code::Factor => "factor",
            Code::Followers => "followers",
            Code::People => "people",
            Code::Hours => "hours",
            Code::Shape => "shape",
            Code::Weight => "weight",
            Code::AmountAtLeast => "amountAtLeast",
            Code::HoursAtLeast => "hoursAtLeast",
            Code::Whole => "whole",
        }
    }
}

/// A bad input. Boxed so that every `Result` in the crate stays one word wide: cheaper to
/// pass around and markedly less code in the wasm module.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<Detail>);

#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// Path of the offending input, as a caller would write it: `mix.shares.micro`.
    pub field: String,
    /// What the field must be, phrased to follow the field name: `must be a finite number ≥ 0`.
    pub problem: String,
    pub got: Option<Got>,
    pub code: Code,
    /// The range a range code's value must be in, `(min, max)`.
    pub range: Option<(f64, f64)>,
}

impl Error {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self::bounded(field.into(), problem.into())
    }

    /// Out of line: `new` is built once per pair of argument types, this only once.
    #[inline(never)]
    fn bounded(field: String, problem: String) -> Self {
        // Bytes count at least the characters: most texts are kept as they are.
        let bound = |text: String, limit: usize| if text.len() > limit { clip(&text, limit) } else { text };
        let (field, problem) = (bound(field, PATH_LIMIT), bound(problem, PROBLEM_LIMIT));
        Error(Box::new(Detail { field, problem, got: None, code: Code::Invalid, range: None }))
    }

    pub fn code(mut self, code: Code) -> Self {
        self.0.code = code;
        self
    }

    /// A range code, with its range.
    pub fn range(mut self, code: Code, min: f64, max: f64) -> Self {
        self.0.code = code;
        self.0.range = Some((min, max));
        self
    }

    pub fn got(mut self, got: Got) -> Self {
        self.0.got = Some(got);
        self
    }

    pub fn got_number(self, value: f64) -> Self {
        self.got(Got::Number(value))
    }

    pub fn got_text(self, value: &str) -> Self {
        self.got(Got::text(value))
    }
}

impl Detail {
    /// The message with the offending value rendered by `render_number`, so each platform
    /// can choose how numbers become text.
    pub fn message_with(&self, render_number: impl Fn(f64) -> String) -> String {
        let mut message = format!("{} {}", self.field, self.problem);
        match &self.got {
            Some(Got::Number(n)) => {
                message.push_str(" (got ");
                message.push_str(&render_number(*n));
                message.push(')');
            }
            Some(Got::Text(t)) => {
                message.push_str(" (got \"");
                message.push_str(t);
                message.push_str("\")");
            }
            Some(Got::Kind(k)) => {
                message.push_str(" (got ");
                message.push_str(k);
                message.push(')');
            }
            None => {}
        }
        message
    }
}

impl std::ops::Deref for Error {
    type Target = Detail;

    fn deref(&self) -> &Detail {
        &self.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_with(|n| n.to_string()))
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;
    use tiermix_sheet::rows::QUOTE_LIMIT;

    #[test]
    fn every_code_has_its_own_id() {
        let ids: std::collections::BTreeSet<&str> = Code::ALL.iter().map(|code| code.id()).collect();
        assert_eq!(ids.len(), Code::ALL.len());
        // The binding sends a code as its number, which error.js reads in this order.
        assert!(Code::ALL.iter().enumerate().all(|(i, code)| *code as usize == i));
    }

    #[test]
    fn clip_keeps_short_text_and_cuts_long_text_on_a_character() {
        assert_eq!(clip("fee", 3), "fee");
        assert_eq!(clip("fees", 3), "fee…");
        assert_eq!(clip("ééé", 2), "éé…");
        assert_eq!(clip("", 0), "");
        // Quoting what was already quoted changes nothing.
        assert_eq!(clip(&clip(&"x".repeat(90), 40), 40), clip(&"x".repeat(90), 40));
    }

    #[test]
    fn a_short_path_is_kept_whole() {
        let path = "scenario.overrides.micro.fee";
        assert_eq!(Error::new(path, "must be a number").field, path);
        let deep = format!("goal{}", ".limit".repeat(15));
        assert_eq!(Error::new(deep.as_str(), "x").field, deep, "{} characters fit", deep.len());
    }

    #[test]
    fn a_long_path_is_cut_to_its_start() {
        let key = "k".repeat(10_000_000);
        let e = Error::new(format!("scenario.{key}.fee"), "is not a known field (known: budget, mix)");
        assert_eq!(e.field, format!("scenario.{}…", "k".repeat(PATH_LIMIT - "scenario.".len())));
        assert!(e.to_string().len() < 200, "{e}");
        let deep = format!("scenario{}", ".self".repeat(40));
        assert_eq!(Error::new(deep.as_str(), "x").field.chars().count(), PATH_LIMIT + 1);
    }

    #[test]
    fn every_part_of_a_message_is_bounded_whoever_builds_it() {
        let huge = "é".repeat(1_000_000);
        let e = Error::new(huge.as_str(), format!("is not a tier of this scheme (tiers: {huge})")).got_text(&huge);
        let message = e.to_string();
        // Three ellipses, a space and ` (got "…")` around the parts.
        assert!(message.chars().count() <= PATH_LIMIT + PROBLEM_LIMIT + QUOTE_LIMIT + 13, "{message}");
        assert!(message.starts_with(&e.field));
        assert!(message.contains("is not a tier of this scheme (tiers: ééé"), "{message}");
    }

    #[test]
    fn long_text_is_shortened_when_quoted() {
        let Got::Text(t) = Got::text(&"x".repeat(500)) else { unreachable!() };
        assert_eq!(t.chars().count(), QUOTE_LIMIT + 1);
        let e = Error::new("currency", "must be a code").got_text(&"é".repeat(300));
        assert!(e.to_string().len() < 150, "{e}");
    }
}
