//! Reading spreadsheet exports, with no knowledge of what the sheet is about: records of
//! delimited text with the line each starts on ([`csv`]), and numbers as French and English
//! spreadsheets write them ([`number`]).
//!
//! A crate of its own so that it can be compiled for speed while the rest of tiermix is
//! compiled for size: a roster file runs every byte through this code.

pub mod csv;
pub mod number;
