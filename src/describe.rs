//! The engine's facts that a page restates — its defaults, objectives, assumptions and their
//! units, limits, simulation settings — in one answer, so no page keeps a copy that can drift.
//!
//! The wasm modules do not export it: serialising it there costs the core module about 2.7 KB
//! gzipped, more than its size budget leaves. It serialises to JSON natively, so a build step
//! can write it next to the modules, as the `sources_json` example writes the sources.

use crate::assumptions::{Quantity, Unit};
use crate::goal::{Objective, DEFAULT_LAMBDA, DEFAULT_OBJECTIVE};
use crate::limits;
use crate::model::OutcomeKind;
use crate::roster::marks::Flags;
use crate::scenario::{DEFAULT_CURRENCY, GLOBALS};
use crate::sources::Source;
use crate::tiers::DEFAULT_SCHEME;
use crate::uncertainty::{DEFAULT_DRAWS, DEFAULT_SEED};
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Description {
    /// What an empty scenario means.
    pub defaults: Defaults,
    pub objectives: Vec<ObjectiveFact>,
    /// The per-tier assumptions, in the order of the assumptions report.
    pub quantities: Vec<Fact>,
    /// The scenario-wide inputs, budget first.
    pub globals: Vec<Fact>,
    pub limits: Limits,
    /// What `simulate` draws when its options are absent.
    pub simulation: Simulation,
    /// Every `kind` an outcome may have.
    pub outcome_kinds: &'static [OutcomeKind],
    /// Every audit flag a roster row may carry.
    pub roster_flags: &'static [&'static str],
}

/// Published cost benchmarks to hold a tier's fee-only `feePerThousandViews` and
/// `feePerEngagement` against. Data for the page, not for the model: nothing computes with it.
/// Apart from [`Description`]: the build writes it to a file of its own, which the page loads
/// only when its benchmarks panel opens (every page load downloads the facts).
/// The per-size CPM ranges are secondary blog compilations whose methods are not shown; the
/// first-hand figures are all-tier. Kept in the currency they are published in (no exchange
/// rate is a fact of the engine).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Benchmarks {
    pub currency: &'static str,
    pub platform: &'static str,
    /// Sizes by follower count, smallest first: a band runs from its `minFollowers` up to the
    /// next band's. A tier is held against the band of its typical follower count.
    pub bands: &'static [BenchmarkBand],
    /// Cost per engagement is published for all sizes only: one range for every band.
    pub cpe: Span,
    pub sources: &'static [Source],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenchmarkBand {
    pub id: &'static str,
    pub min_followers: f64,
    /// Fees per 1,000 views.
    pub cpm: Span,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Span {
    pub low: f64,
    pub high: f64,
}

const fn band(id: &'static str, min_followers: f64, low: f64, high: f64) -> BenchmarkBand {
    BenchmarkBand { id, min_followers, cpm: Span { low, high } }
}

/// Instagram, US dollars (InfluencerRadar, about 2025; Untapper 2026 agrees for micro and macro).
pub const BENCHMARK_BANDS: [BenchmarkBand; 5] = [
    band("nano", 0.0, 5.0, 15.0),
    band("micro", 10_000.0, 10.0, 25.0),
    band("mid", 100_000.0, 15.0, 30.0),
    band("macro", 500_000.0, 25.0, 50.0),
    band("mega", 1_000_000.0, 40.0, 100.0),
];

/// inzpire.me's 2019 average (€0.20) to #paid's 2021 average ($1.40).
pub const BENCHMARK_CPE: Span = Span { low: 0.2, high: 1.4 };

pub static BENCHMARK_SOURCES: [Source; 5] = [
    Source {
        id: "influencerradar_cpm",
        text: "InfluencerRadar, “Benchmarking influencer CPM” (per-tier ranges compiled from 200+ campaigns, cross-referenced with Influencer Marketing Hub 2024 and Klear; methods not shown)",
        url: Some("https://influencerradar.com/blog-post.php?slug=benchmarking-influencer-cpm-industry-standards"),
        year: 2025,
    },
    Source {
        id: "untapper_2026",
        text: "Untapper, “Influencer marketing benchmarks” (micro $10–25, macro $25–50)",
        url: Some("https://untapper.com/influencer-marketing-benchmarks"),
        year: 2026,
    },
    Source {
        id: "inzpire_cpm",
        text: "inzpire.me, “Understanding CPM benchmarks in influencer marketing” (first-hand, all tiers: Instagram CPM €30–40; its 2019 average cost per engagement €0.20)",
        url: Some("https://knowledge.inzpire.me/en/articles/9826839-understanding-cpm-benchmarks-in-influencer-marketing"),
        year: 2024,
    },
    Source {
        id: "hashtagpaid_cpe",
        text: "#paid, “Creators' cost per engagement (CPE)” (first-hand, all tiers: $1.40 average)",
        url: Some("https://help.hashtagpaid.com/en/articles/6209200-creators-cost-per-engagement-cpe"),
        year: 2021,
    },
    Source {
        id: "superads_cpm",
        text: "superads.ai, “Facebook ads costs: CPM” (for comparison, paid social ≈ $5–20 per 1,000 impressions; Meta ≈ $19.80, 12-month average 2024–25)",
        url: Some("https://www.superads.ai/facebook-ads-costs/cpm-cost-per-mille"),
        year: 2025,
    },
];

#[derive(Debug, Serialize)]
pub struct Defaults {
    pub budget: f64,
    pub currency: &'static str,
    pub scheme: &'static str,
    pub goal: GoalDefaults,
}

#[derive(Debug, Serialize)]
pub struct GoalDefaults {
    pub objective: &'static str,
    pub lambda: f64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveFact {
    pub id: &'static str,
    /// The outcome's measure the objective is judged by: `reach`, `engagements`,
    /// `conversions`, or `netValue` (revenue − spend).
    pub measure: &'static str,
    pub unit: Unit,
    /// Whether the goal's `lambda` weighs it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub uses_lambda: bool,
}

/// An input a scenario may set: its id (the key of an override or of the scenario), its unit
/// and the values it accepts; a global also has its default.
#[derive(Debug, Serialize)]
pub struct Fact {
    pub id: &'static str,
    pub unit: Unit,
    pub min: f64,
    pub max: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<f64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Influencers per tier: a mix's count above it is refused, a single-tier mix is held at it.
    pub max_count: f64,
    pub max_tiers: f64,
    pub max_followers: f64,
    pub max_id_bytes: f64,
    /// Points of a frontier, budgets of `responseCurves`.
    pub max_budget_points: f64,
    pub max_draws: f64,
    pub max_seed: f64,
    pub max_depth: f64,
    pub max_rows: f64,
}

#[derive(Debug, Serialize)]
pub struct Simulation {
    pub draws: f64,
    pub seed: f64,
}

pub fn describe() -> Description {
    let objective = |objective: Objective| {
        let (measure, unit) = match objective {
            Objective::Reach => ("reach", Unit::Count),
            Objective::Engagements => ("engagements", Unit::Count),
            Objective::NetValue => ("netValue", Unit::Money),
            // The blend is shown by its conversions, as the page reads its trade-off.
            Objective::Conversions | Objective::Blend => ("conversions", Unit::Count),
        };
        ObjectiveFact { id: objective.id(), measure, unit, uses_lambda: objective == Objective::Blend }
    };
    let quantity = |q: Quantity| {
        let crate::input::Bounds { min, max, .. } = q.domain();
        Fact { id: q.id(), unit: q.unit(), min, max, default: None }
    };
    Description {
        defaults: Defaults {
            budget: GLOBALS.budget.default,
            currency: DEFAULT_CURRENCY,
            scheme: DEFAULT_SCHEME,
            goal: GoalDefaults { objective: DEFAULT_OBJECTIVE.id(), lambda: DEFAULT_LAMBDA },
        },
        objectives: Objective::ALL.into_iter().map(objective).collect(),
        quantities: Quantity::ALL.into_iter().map(quantity).collect(),
        globals: GLOBALS
            .list()
            .into_iter()
            .map(|g| Fact { id: g.id, unit: g.unit, min: g.min, max: g.max, default: Some(g.default) })
            .collect(),
        limits: Limits {
            max_count: limits::MAX_COUNT as f64,
            max_tiers: limits::MAX_TIERS as f64,
            max_followers: limits::MAX_FOLLOWERS as f64,
            max_id_bytes: limits::MAX_ID_BYTES as f64,
            max_budget_points: f64::from(limits::MAX_POINTS),
            max_draws: f64::from(limits::MAX_DRAWS),
            max_seed: limits::MAX_SEED as f64,
            max_depth: limits::MAX_DEPTH as f64,
            max_rows: limits::MAX_ROWS as f64,
        },
        simulation: Simulation { draws: f64::from(DEFAULT_DRAWS), seed: DEFAULT_SEED as f64 },
        outcome_kinds: &OutcomeKind::ALL,
        roster_flags: Flags::names(),
    }
}

/// Published ranges of what creators' fees cost per 1,000 views and per engagement.
pub fn benchmarks() -> Benchmarks {
    Benchmarks { currency: "USD", platform: "instagram", bands: &BENCHMARK_BANDS, cpe: BENCHMARK_CPE, sources: &BENCHMARK_SOURCES }
}
