//! Evaluating a mix (MODEL §3, with the follower-bounded audiences of §7): whole influencers,
//! spend, reach with audience overlap, engagements, conversions, money and workload.
//!
//! Nobody is reached who does not follow a hired account. Per tier, an account has
//! `F = f · realShare · audienceFit` real followers in the target audience of `A` people, and a
//! share `delivery` of the hired accounts actually post, so a person of the audience follows on
//! average `μ = n · delivery · F / A` of the tier's posting accounts; how many is negative
//! binomial with shape `k` (the tier's audience concentration). Each of an account's `m` posts
//! is seen by each follower with probability `ρ`: a follower misses them all with probability
//! `z = (1 − ρ)^m` and is persuaded by none with `w = (1 − ρ·p)^m`. The negative binomial's
//! generating function `E[z^J] = (1 + μ(1 − z)/k)^(−k)`, with tiers independent (Sainsbury),
//! gives the share of the audience no post reaches, and so
//! `U = A · (1 − Π_t (1 + μ_t(1 − z_t)/k_t)^(−k_t))` and likewise `P` with `w`. Repeat posts
//! raise how often the same followers see the brand; they never add people. At `m = 1`,
//! `μ(1 − z) = n·f·realShare·ρ/A` (with full fit and delivery): version 1's exposures.

use crate::assumptions::{Quantity, TierAssumptions};
use crate::error::{Error, Result};
use crate::limits::MAX_COUNT;
use crate::scenario::{Mix, Scenario};
use crate::sources::Label;
use serde::Serialize;
use std::borrow::Cow;

/// What one influencer of a tier costs and delivers, derived once per scenario. Also what a
/// group of real candidates of one tier costs and delivers together (see `roster::pick`): every
/// field but `concentration` adds up over a group.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TierEconomics {
    /// Fees for every post plus the team's time, for every hired account (see `Quantity::Delivery`).
    pub unit_cost: f64,
    /// The fees alone; the rest of `unit_cost` is the team's time.
    pub fee_cost: f64,
    /// Expected in-target real followers of the account (0 when it does not post): `delivery · F`.
    pub followers: f64,
    /// Those of them who see at least one of its posts: `delivery · F · (1 − (1 − ρ)^m)`.
    pub reached: f64,
    /// Those of them whom at least one post persuades: `delivery · F · (1 − (1 − ρ·p)^m)`.
    pub persuaded: f64,
    /// Views of its posts by those followers, repeats included: `delivery · m · F · ρ`.
    pub impressions: f64,
    /// Views of its posts as platforms count them, by every follower (fake or out of target):
    /// `delivery · m · f · ρ`, the base of a published cost per thousand views.
    pub views: f64,
    /// Counted on every follower, as platforms count them.
    pub engagements: f64,
    pub hours: f64,
    pub concentration: f64,
}

/// The chance that at least one of `posts` independent tries succeeds, each with `chance`:
/// `1 − (1 − chance)^posts`, through `log1p`/`expm1` so a small chance keeps its precision.
fn at_least_once(chance: f64, posts: f64) -> f64 {
    // One post is the chance itself, exactly: version 1's numbers come back bit for bit.
    if posts == 1.0 {
        chance
    } else {
        -libm::expm1(posts * libm::log1p(-chance))
    }
}

impl TierEconomics {
    /// A tier's typical influencer.
    pub fn new(a: &TierAssumptions, posts: f64, hourly_cost: f64) -> Self {
        TierEconomics::of(&|q| a.typical(q), posts, hourly_cost)
    }

    /// The one account whose value of each quantity is `at(quantity)` (its follower count
    /// under `TypicalFollowers`): the unit economics both the tier model and the roster pick
    /// use.
    // A trait object, not a generic: one copy in the wasm module for every caller (measured).
    pub fn of(at: &dyn Fn(Quantity) -> f64, posts: f64, hourly_cost: f64) -> Self {
        let all_followers = at(Quantity::TypicalFollowers);
        let hours = at(Quantity::Hours);
        let delivery = at(Quantity::Delivery);
        let reach_rate = at(Quantity::ReachRate);
        let followers = delivery * all_followers * at(Quantity::RealShare) * at(Quantity::AudienceFit);
        let fee_cost = posts * at(Quantity::Fee);
        TierEconomics {
            unit_cost: fee_cost + hours * hourly_cost,
            fee_cost,
            followers,
            reached: followers * at_least_once(reach_rate, posts),
            persuaded: followers * at_least_once(reach_rate * at(Quantity::Persuasion), posts),
            impressions: posts * followers * reach_rate,
            views: delivery * posts * all_followers * reach_rate,
            engagements: delivery * posts * all_followers * at(Quantity::EngagementRate) * at(Quantity::SponsoredFactor),
            hours,
            concentration: at(Quantity::Concentration),
        }
    }

    /// What `n` such accounts cost and deliver together (fractions allowed).
    pub fn scaled(&self, n: f64) -> TierEconomics {
        self.combined(self, |_, b| n * b)
    }

    /// This group and `other` together; the audience's shape is this group's.
    pub fn plus(&self, other: &TierEconomics) -> TierEconomics {
        self.combined(other, |a, b| a + b)
    }

    /// Every additive field of `self` and `other` combined by `f`: the one list of them.
    fn combined(&self, other: &TierEconomics, f: impl Fn(f64, f64) -> f64) -> TierEconomics {
        TierEconomics {
            unit_cost: f(self.unit_cost, other.unit_cost),
            fee_cost: f(self.fee_cost, other.fee_cost),
            followers: f(self.followers, other.followers),
            reached: f(self.reached, other.reached),
            persuaded: f(self.persuaded, other.persuaded),
            impressions: f(self.impressions, other.impressions),
            views: f(self.views, other.views),
            engagements: f(self.engagements, other.engagements),
            hours: f(self.hours, other.hours),
            concentration: self.concentration,
        }
    }

    /// `ln` of the share of the audience `influencers` such accounts leave unreached (or
    /// unpersuaded). `ln_1p` keeps precision when a tier barely dents a large audience.
    // Out of line: one call is smaller in the wasm module than a copy at each caller (measured).
    #[inline(never)]
    fn log_missed(&self, influencers: f64, audience: f64, persuaded: bool) -> f64 {
        let people = if persuaded { self.persuaded } else { self.reached };
        let exposures = influencers * people / audience;
        -self.concentration * libm::log1p(exposures / self.concentration)
    }
}

pub fn economics(scenario: &Scenario) -> Vec<TierEconomics> {
    scenario.assumptions.iter().map(|a| TierEconomics::new(a, scenario.posts_per_influencer, scenario.hourly_cost)).collect()
}

/// People reached at least once, or persuaded (`persuaded`), by `counts`.
pub fn unique_people(tiers: &[TierEconomics], counts: &[u32], audience: f64, persuaded: bool) -> f64 {
    people_of(tiers, counts.iter().map(|&n| f64::from(n)), audience, persuaded)
}

/// [`unique_people`] for counts that may be fractions.
pub fn people_of(tiers: &[TierEconomics], counts: impl IntoIterator<Item = f64>, audience: f64, persuaded: bool) -> f64 {
    let log_missed: f64 = tiers.iter().zip(counts).map(|(t, n)| t.log_missed(n, audience, persuaded)).sum();
    audience * -libm::expm1(log_missed)
}

/// Whole influencers per tier that each tier's share of the budget pays for.
///
/// With `cap`, a tier that would hire more than [`MAX_COUNT`] influencers (an enormous budget,
/// or a tier that costs nothing) is held at that many and reported as capped instead of
/// failing: comparisons must work for every valid scenario. Without it, that is an error
/// naming the tier, because the caller asked for that share.
pub fn counts_for_shares(scenario: &Scenario, tiers: &[TierEconomics], shares: &[f64], cap: bool) -> Result<Counts> {
    let mut counts = Vec::with_capacity(tiers.len());
    let mut capped = false;
    for (tier, (economics, &share)) in scenario.scheme.tiers.iter().zip(tiers.iter().zip(shares)) {
        let allotted = share * scenario.budget;
        let field = || format!("mix.shares.{}", tier.id);
        let count = if allotted <= 0.0 {
            0.0
        } else if economics.unit_cost <= 0.0 {
            if !cap {
                return Err(Error::new(
                    field(),
                    "buys unlimited influencers: their fee and management time both cost nothing (set overrides for fee or hours)",
                ));
            }
            f64::INFINITY
        } else {
            // The slack absorbs decimal noise such as 0.3 × 1000 / 100 = 2.9999999999999996.
            (allotted / economics.unit_cost * (1.0 + 1e-12)).floor()
        };
        if count > MAX_COUNT as f64 {
            if !cap {
                return Err(Error::new(
                    field(),
                    format!("would hire more than {MAX_COUNT} influencers: the budget is far too large for this tier's cost"),
                )
                .got_number(count));
            }
            capped = true;
        }
        counts.push(count.min(MAX_COUNT as f64) as u32);
    }
    // The slack must never buy more than the budget: give back what it rounded up.
    let mut spend: f64 = tiers.iter().zip(&counts).map(|(t, &n)| f64::from(n) * t.unit_cost).sum();
    for ((economics, &share), count) in tiers.iter().zip(shares).zip(counts.iter_mut()) {
        if spend > scenario.budget && *count > 0 && f64::from(*count) * economics.unit_cost > share * scenario.budget {
            *count -= 1;
            spend -= economics.unit_cost;
        }
    }
    Ok(Counts { counts, capped })
}

/// Influencers per tier, and whether a comparison had to hold one tier at [`MAX_COUNT`].
pub struct Counts {
    pub counts: Vec<u32>,
    pub capped: bool,
}

/// "Nano only", "Nano uniquement".
pub fn single_label(tier: &crate::tiers::Tier) -> Label {
    Label { en: Cow::Owned(format!("{} only", tier.label.en)), fr: Cow::Owned(format!("{} uniquement", tier.label.fr)) }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TierOutcome {
    pub tier: String,
    pub influencers: u32,
    pub unit_cost: f64,
    /// For a mix of shares: the tier's share of the budget, which its whole influencers spend
    /// up to (a share smaller than `unit_cost` buys none). `None` for a mix of counts or an optimum.
    pub allotted: Option<f64>,
    pub spend: f64,
    /// What the creators are paid; `spend − fee_spend`.
    pub fee_spend: f64,
    /// What the team's hours cost: `workload_hours × hourlyCost`.
    pub team_spend: f64,
    pub impressions: f64,
    /// This tier's reach on its own; the tiers' reaches add up to more than the total because
    /// their audiences overlap.
    pub reach: f64,
    pub engagements: f64,
    pub conversions: f64,
    pub workload_hours: f64,
    /// The fees alone per 1,000 views as platforms count them (every follower who sees a post,
    /// fake or out of target): the figure published benchmarks quote as CPM.
    pub fee_per_thousand_views: Option<f64>,
    /// The fees alone per engagement, as published CPE benchmarks quote it.
    pub fee_per_engagement: Option<f64>,
}

/// What an outcome is the outcome of. Serialised as its id, `"single"`, `"mix"`, …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeKind {
    /// The whole budget on one tier.
    Single,
    /// The caller's own mix.
    Mix,
    /// The best mix for a goal.
    Optimum,
    /// The best subset of a roster's real candidates (`pickRoster`).
    Roster,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 4] = [OutcomeKind::Single, OutcomeKind::Mix, OutcomeKind::Optimum, OutcomeKind::Roster];

    pub fn id(self) -> &'static str {
        match self {
            OutcomeKind::Single => "single",
            OutcomeKind::Mix => "mix",
            OutcomeKind::Optimum => "optimum",
            OutcomeKind::Roster => "roster",
        }
    }
}

// As text rather than serde's unit variant: the output every caller already reads, and one
// string for any serializer, with no variant path to carry in the wasm module.
impl Serialize for OutcomeKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub label: Label,
    pub kind: OutcomeKind,
    /// The tier of a single-tier mix.
    pub tier: Option<String>,
    pub influencers: u32,
    pub spend: f64,
    /// `spend` split into the creators' fees and the team's time.
    pub fee_spend: f64,
    pub team_spend: f64,
    pub unspent: f64,
    pub impressions: f64,
    pub reach: f64,
    pub reach_share: f64,
    /// People counted in more than one tier's reach: Σ tier reach − reach.
    pub overlap: f64,
    pub frequency: Option<f64>,
    pub engagements: f64,
    pub conversions: f64,
    pub revenue: f64,
    pub roi: Option<f64>,
    pub cost_per_thousand_reached: Option<f64>,
    pub cost_per_engagement: Option<f64>,
    pub cost_per_conversion: Option<f64>,
    pub workload_hours: f64,
    /// True when a tier was held at the largest count tiermix evaluates (see `counts_for_shares`).
    pub capped: bool,
    pub tiers: Vec<TierOutcome>,
    /// For an optimum: the limits that hold it where it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding: Option<Vec<Binding>>,
    /// For an optimum: the money it leaves, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_left: Option<BudgetLeft>,
    /// For a blend optimum: the weight of persuasion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda: Option<f64>,
    /// For an optimum: false only if the search ran out of work before it could prove it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<bool>,
    /// For an optimum: how far below the true optimum it may be, relative to a proven upper
    /// bound `U` on the optimum, `(U − value) / U`; 0 when `exact`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
}

/// A limit that holds the optimum where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Binding {
    /// `budget`, `maxHours`, `minCount`, `maxCount`, `minSpend` or `maxSpend`.
    pub limit: &'static str,
    /// The tier a per-tier limit applies to.
    pub tier: Option<String>,
}

/// Money the optimum leaves, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetLeft {
    pub amount: f64,
    /// `none`; `tooSmall` (less than one more influencer of any tier that may still grow);
    /// `limits` (every tier is at its maximum); `maxHours` (the workload cap stops it);
    /// `notWorthIt` (net value: one more influencer would return less than it costs).
    pub reason: &'static str,
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    let value = numerator / denominator;
    (denominator > 0.0 && value.is_finite()).then_some(value)
}

/// The outcome of hiring `counts` influencers per tier.
pub fn outcome_for_counts(
    scenario: &Scenario,
    tiers: &[TierEconomics],
    counts: &[u32],
    label: Label,
    kind: OutcomeKind,
) -> Outcome {
    let groups: Vec<TierEconomics> = tiers.iter().zip(counts).map(|(e, &n)| e.scaled(f64::from(n))).collect();
    let mut outcome = outcome_for_groups(scenario, &groups, counts, label, kind);
    for (row, e) in outcome.tiers.iter_mut().zip(tiers) {
        row.unit_cost = e.unit_cost;
    }
    outcome
}

/// The outcome of hiring, in each tier, a group of `members` influencers that together cost
/// and deliver `groups[t]` (each group's `unit_cost`, `impressions`, … are its totals).
pub fn outcome_for_groups(
    scenario: &Scenario,
    groups: &[TierEconomics],
    members: &[u32],
    label: Label,
    kind: OutcomeKind,
) -> Outcome {
    let audience = scenario.audience;
    let hired: Vec<u32> = members.iter().map(|&n| u32::from(n > 0)).collect();
    let rows: Vec<TierOutcome> = scenario
        .scheme
        .tiers
        .iter()
        .zip(groups.iter().zip(members))
        .map(|(tier, (e, &n))| {
            let one = [*e];
            let only = [u32::from(n > 0)];
            TierOutcome {
                tier: tier.id.to_string(),
                influencers: n,
                unit_cost: if n > 0 { e.unit_cost / f64::from(n) } else { 0.0 },
                allotted: None,
                spend: e.unit_cost,
                fee_spend: e.fee_cost,
                team_spend: e.unit_cost - e.fee_cost,
                impressions: e.impressions,
                reach: unique_people(&one, &only, audience, false),
                engagements: e.engagements,
                conversions: unique_people(&one, &only, audience, true),
                workload_hours: e.hours,
                fee_per_thousand_views: ratio(e.fee_cost * 1000.0, e.views),
                fee_per_engagement: ratio(e.fee_cost, e.engagements),
            }
        })
        .collect();
    let spend: f64 = rows.iter().map(|r| r.spend).sum();
    let impressions: f64 = rows.iter().map(|r| r.impressions).sum();
    let engagements: f64 = rows.iter().map(|r| r.engagements).sum();
    let reach = unique_people(groups, &hired, audience, false);
    let conversions = unique_people(groups, &hired, audience, true);
    let revenue = conversions * scenario.conversion_value;
    Outcome {
        label,
        kind,
        tier: None,
        influencers: members.iter().sum(),
        spend,
        fee_spend: rows.iter().map(|r| r.fee_spend).sum(),
        team_spend: rows.iter().map(|r| r.team_spend).sum(),
        unspent: (scenario.budget - spend).max(0.0),
        impressions,
        reach,
        reach_share: reach / audience,
        overlap: (rows.iter().map(|r| r.reach).sum::<f64>() - reach).max(0.0),
        frequency: ratio(impressions, reach),
        engagements,
        conversions,
        revenue,
        roi: ratio(revenue - spend, spend),
        cost_per_thousand_reached: ratio(spend * 1000.0, reach),
        cost_per_engagement: ratio(spend, engagements),
        cost_per_conversion: ratio(spend, conversions),
        workload_hours: rows.iter().map(|r| r.workload_hours).sum(),
        capped: false,
        tiers: rows,
        binding: None,
        budget_left: None,
        lambda: None,
        exact: None,
        gap: None,
    }
}

/// Evaluates the scenario's own mix.
pub fn evaluate(scenario: &Scenario) -> Result<Outcome> {
    evaluate_mix(scenario, &economics(scenario), &scenario.mix, Label::fixed("Your mix", "Votre mix"), OutcomeKind::Mix)
}

pub(crate) fn evaluate_mix(
    scenario: &Scenario,
    tiers: &[TierEconomics],
    mix: &Mix,
    label: Label,
    kind: OutcomeKind,
) -> Result<Outcome> {
    // Only a single-tier mix holds a tier at the largest count instead of failing: the caller
    // chose neither its share nor its count.
    let cap = kind == OutcomeKind::Single;
    let mut capped = false;
    let mut allotted: &[f64] = &[];
    let counts = match mix {
        Mix::Shares(shares) => {
            let result = counts_for_shares(scenario, tiers, shares, cap)?;
            capped = result.capped;
            allotted = shares;
            result.counts
        }
        Mix::Counts(counts) => {
            let counts: Vec<u32> = counts.iter().map(|&n| n.min(MAX_COUNT) as u32).collect();
            let cost: f64 = tiers.iter().zip(&counts).map(|(t, &n)| f64::from(n) * t.unit_cost).sum();
            // Strict, like the optimiser: a plan that costs a hair more than the budget is over it.
            if cost > scenario.budget {
                return Err(
                    Error::new("mix.counts", "costs more than the budget: lower the counts or raise the budget").got_number(cost)
                );
            }
            counts
        }
    };
    let mut outcome = outcome_for_counts(scenario, tiers, &counts, label, kind);
    outcome.capped = capped;
    for (row, share) in outcome.tiers.iter_mut().zip(allotted) {
        row.allotted = Some(share * scenario.budget);
    }
    Ok(outcome)
}
