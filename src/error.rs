//! One error type for every bad input, shaped so a person can act on it:
//! *which* field, *what* it must be, and *what it got*.
//!
//! The offending value is kept as data rather than pre-formatted text so that the wasm
//! binding can let JavaScript print numbers: formatting an `f64` in Rust would pull
//! ~20 KB of float-printing code into the module.

use std::fmt;

/// What the caller actually passed, kept for the error message.
#[derive(Debug, Clone, PartialEq)]
pub enum Got {
    Number(f64),
    Text(String),
    /// A description of a value that is not worth quoting ("an object", "nothing").
    Kind(&'static str),
}

impl Got {
    /// Text as quoted in a message: shortened, as the roster reader quotes a cell.
    pub fn text(text: &str) -> Got {
        Got::Text(tiermix_sheet::rows::shorten(text))
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
}

impl Error {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Error(Box::new(Detail { field: field.into(), problem: problem.into(), got: None }))
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
    fn long_text_is_shortened_when_quoted() {
        let Got::Text(t) = Got::text(&"x".repeat(500)) else { unreachable!() };
        assert_eq!(t.chars().count(), QUOTE_LIMIT + 1);
        let e = Error::new("currency", "must be a code").got_text(&"é".repeat(300));
        assert!(e.to_string().len() < 150, "{e}");
    }
}
