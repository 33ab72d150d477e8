//! Reading candidate spreadsheets, with no knowledge of what the candidates are worth:
//! records of delimited text with the line each starts on ([`csv`]), numbers as French and
//! English spreadsheets write them ([`number`]), columns found by their French or English
//! header ([`columns`]), and checked rows with every refused line explained ([`rows`]).
//!
//! A crate of its own so that it can be compiled for speed while the rest of tiermix is
//! compiled for size: a roster file runs every byte through this code.

pub mod columns;
pub mod csv;
pub mod number;
pub mod rows;
