//! Every numeric limit of the engine, and its wording where a message states it: the ground
//! floor every other module may read and none of them redefines.
//!
//! The limits are written out in the messages rather than formatted into them: formatting a
//! number would cost the wasm module more than the text.

/// More influencers than this per tier is not a campaign, it is a census.
pub const MAX_COUNT: u64 = 1_000_000;
/// Follower counts above this are not accounts but typos (no account has 10 billion followers).
/// The same bound for counts typed in and counts read from a roster file.
pub const MAX_FOLLOWERS: u64 = tiermix_sheet::rows::MAX_FOLLOWERS;
/// A scheme with more tiers than this is a mistake, not a taxonomy.
pub const MAX_TIERS: usize = 12;
/// MAX_TIERS, written out: the binding refuses a longer list with it before reading a tier.
pub const TOO_MANY_TIERS: &str = "may list at most 12 tiers";
/// Ids are keys in mixes and overrides, not prose.
pub const MAX_ID_BYTES: usize = 64;
/// The most points a frontier or a response curve is computed at.
pub const MAX_POINTS: u32 = 201;
/// MAX_POINTS, written out.
pub const TOO_MANY_BUDGETS: &str = "must hold from 1 to 201 budgets";
/// The most draws one simulation makes.
pub const MAX_DRAWS: u32 = 100_000;
/// Seeds are whole numbers JavaScript can hold exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// No real input nests deeper; a deeper (or cyclic) object would otherwise exhaust the stack.
pub const MAX_DEPTH: usize = 32;
/// The most rows a roster file or a pick holds.
pub const MAX_ROWS: usize = tiermix_sheet::rows::MAX_ROWS;
