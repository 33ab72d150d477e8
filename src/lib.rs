//! # tiermix
//!
//! Nano, micro or macro influencers? tiermix classifies accounts into tiers under a named
//! scheme and computes the trade-off between reach and persuasion for a budget split across
//! tiers, with every default assumption sourced and overridable.
//!
//! The crate is a pure Rust core — usable and tested natively — plus one binding module,
//! [`wasm`] (only on `wasm32`), which is the single place that knows about JavaScript.
//!
//! # Layers
//!
//! A module uses only modules of lower layers, so the imports form no cycle:
//!
//! 1. [`limits`], [`error`], [`sort`], [`sources`]: the ground floor
//! 2. [`input`]: the input tree and its path-aware readers
//! 3. [`tiers`]: schemes and classification
//! 4. [`assumptions`] (curves, overrides, units), [`goal`] (objectives, their weights, limits)
//! 5. [`scenario`]: a validated scenario and the assumptions report
//! 6. [`model`]: an account's unit economics, a mix's outcome
//! 7. [`optimize`] (the tier optimiser), [`roster`] (reading and picking candidates)
//! 8. [`compare`]: single-tier mixes, the caller's mix and the optimum
//! 9. [`uncertainty`]: simulation, robustness and sensitivity over `compare`
//! 10. [`switching`]: what would have to be true for another mix to win
//! 11. [`describe`]: the facts a page restates
//! 12. [`wasm`]: the binding
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
pub mod switching;
pub mod tiers;
pub mod uncertainty;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
