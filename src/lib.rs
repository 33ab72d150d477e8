//! # tiermix
//!
//! Nano, micro or macro influencers? tiermix classifies accounts into tiers under a named
//! scheme and computes the trade-off between reach and persuasion for a budget split across
//! tiers, with every default assumption sourced and overridable.
//!
//! The crate is a pure Rust core — usable and tested natively — plus one binding module,
//! [`wasm`] (only on `wasm32`), which is the single place that knows about JavaScript.
//!
//! ```
//! use tiermix::{input::Value, model, scenario::Scenario};
//! let scenario = Scenario::from_value(&Value::Object(vec![
//!     ("budget".into(), Value::Number(20_000.0)),
//! ])).unwrap();
//! let outcome = model::evaluate(&scenario).unwrap();
//! assert!(outcome.spend <= 20_000.0);
//! ```

pub mod assumptions;
pub mod compare;
pub mod describe;
pub mod error;
pub mod goal;
pub mod input;
pub mod limits;
pub mod model;
pub mod optimize;
pub mod roster;
pub mod scenario;
pub mod sort;
pub mod sources;
pub mod tiers;
pub mod uncertainty;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
