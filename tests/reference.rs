//! The reference outcomes of MODEL.md: defaults, `fr2018`, budget 20,000, audience 5,000,000.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
use tiermix::compare;
use tiermix::input::Value;
use tiermix::model::{self, Outcome};
use tiermix::scenario::Scenario;

fn scenario(json: &str) -> Scenario {
    let value: Value = serde_json::from_str(json).unwrap();
    Scenario::from_value(&value).unwrap()
}

fn close(actual: f64, expected: f64, relative: f64) -> bool {
    (actual - expected).abs() <= expected.abs() * relative
}

fn single(outcomes: &[Outcome], tier: &str) -> Outcome {
    outcomes.iter().find(|o| o.tier.as_deref() == Some(tier)).unwrap().clone()
}

/// (tier, influencers, unique reach, conversions, ROI) of each single-tier mix.
type Table = [(&'static str, u32, f64, f64, f64); 3];

fn check_table(json: &str, table: Table) {
    let outcomes = compare::compare(&scenario(json)).unwrap();
    for (tier, influencers, reach, conversions, roi) in table {
        let o = single(&outcomes, tier);
        assert_eq!(o.influencers, influencers, "{tier} influencers");
        assert!(close(o.reach, reach, 1e-5), "{tier} reach {}", o.reach);
        assert!(close(o.conversions, conversions, 2e-4), "{tier} conversions {}", o.conversions);
        assert!((o.roi.unwrap() - roi).abs() < 0.005, "{tier} roi {:?}", o.roi);
    }
}

#[test]
fn single_tier_mixes_match_the_reference_table() {
    // Version 2's defaults: one hired creator in five does not post (Later's completion rate).
    check_table(
        r#"{"budget": 20000, "audience": 5000000, "scheme": "fr2018"}"#,
        [("nano", 143, 14_425.3, 230.19, -0.54), ("micro", 59, 86_867.5, 702.32, 0.41), ("macro", 5, 109_145.5, 440.21, -0.03)],
    );
}

#[test]
fn version_one_comes_back_with_full_fit_full_delivery_one_post_and_three_quarters_real() {
    check_table(
        r#"{"budget": 20000, "audience": 5000000, "scheme": "fr2018", "postsPerInfluencer": 1,
            "overrides": {"*": {"audienceFit": 1, "delivery": 1, "realShare": 0.75}}}"#,
        [("nano", 143, 18_008.0, 287.7, -0.42), ("micro", 59, 108_086.0, 877.9, 0.76), ("macro", 5, 135_882.0, 550.3, 0.21)],
    );
}

#[test]
fn compare_lists_every_single_tier_mix_then_the_users_mix() {
    let s = scenario(r#"{"mix": {"shares": {"nano": 0.2, "micro": 0.5, "macro": 0.3}}}"#);
    let outcomes = compare::compare(&s).unwrap();
    // As the JSON output names them.
    let kinds: Vec<String> = outcomes.iter().map(|o| serde_json::to_value(o.kind).unwrap().as_str().unwrap().to_owned()).collect();
    assert_eq!(kinds, ["single", "single", "single", "mix", "optimum"]);
    assert_eq!(outcomes[0].label.en, "Nano only");
    assert_eq!(outcomes[0].label.fr, "Nano uniquement");
    assert_eq!(outcomes[3].label.en, "Your mix");
    assert_eq!(outcomes[3], model::evaluate(&s).unwrap());
}

#[test]
fn a_mixed_plan_reaches_fewer_people_than_its_tiers_added_up() {
    let s = scenario(r#"{"mix": {"shares": {"nano": 0.2, "micro": 0.5, "macro": 0.3}}}"#);
    let o = model::evaluate(&s).unwrap();
    let sum: f64 = o.tiers.iter().map(|t| t.reach).sum();
    assert!(o.reach < sum);
    assert!((o.overlap - (sum - o.reach)).abs() < 1e-6);
    assert!(o.overlap > 0.0);
}

#[test]
fn unspent_budget_is_reported() {
    let s = scenario(r#"{"mix": {"shares": {"macro": 1}}}"#);
    let o = model::evaluate(&s).unwrap();
    assert_eq!(o.influencers, 5);
    assert!((o.spend + o.unspent - 20_000.0).abs() < 1e-6);
    assert!(o.unspent > 1_000.0, "five macro accounts leave {} unspent", o.unspent);
}

#[test]
fn explicit_counts_are_evaluated_and_capped_by_the_budget() {
    let s = scenario(r#"{"mix": {"counts": {"nano": 10, "micro": 3}}}"#);
    let o = model::evaluate(&s).unwrap();
    assert_eq!(o.influencers, 13);
    assert_eq!(o.tiers[0].influencers, 10);
    let over = Scenario::from_value(&serde_json::from_str(r#"{"budget": 100, "mix": {"counts": {"macro": 3}}}"#).unwrap()).unwrap();
    let e = model::evaluate(&over).unwrap_err();
    assert_eq!(e.field, "mix.counts");
}

#[test]
fn zero_budget_gives_zeros_and_null_ratios() {
    let s = scenario(r#"{"budget": 0}"#);
    let o = model::evaluate(&s).unwrap();
    assert_eq!(o.influencers, 0);
    assert_eq!(o.reach, 0.0);
    assert_eq!(o.roi, None);
    assert_eq!(o.frequency, None);
    assert_eq!(o.cost_per_conversion, None);
}

#[test]
fn free_influencers_are_an_error_not_infinity() {
    let s = scenario(r#"{"hourlyCost": 0, "overrides": {"*": {"fee": 0}}}"#);
    let e = model::evaluate(&s).unwrap_err();
    assert_eq!(e.field, "mix.shares.nano");
}

#[test]
fn a_huge_budget_on_cheap_tiers_is_refused_clearly_for_the_users_mix() {
    let s = scenario(r#"{"budget": 1000000000000}"#);
    let e = model::evaluate(&s).unwrap_err();
    assert!(e.problem.contains("more than 1000000 influencers"), "{e}");
}

#[test]
fn comparisons_hold_an_unaffordably_large_tier_at_the_cap_instead_of_failing() {
    let s = scenario(r#"{"budget": 200000000, "mix": {"shares": {"macro": 1}}}"#);
    let outcomes = compare::compare(&s).unwrap();
    let nano = single(&outcomes, "nano");
    assert!(nano.capped);
    assert_eq!(nano.influencers, 1_000_000);
    assert!(nano.unspent > 0.0 && nano.spend <= 200_000_000.0);
    assert!(!single(&outcomes, "macro").capped);
}

#[test]
fn a_free_tier_left_out_of_the_users_mix_still_compares() {
    let s = scenario(r#"{"hourlyCost": 0, "overrides": {"nano": {"fee": 0}}, "mix": {"shares": {"micro": 0.5, "macro": 0.5}}}"#);
    let outcomes = compare::compare(&s).unwrap();
    assert!(single(&outcomes, "nano").capped);
    let mine = outcomes.iter().find(|o| o.kind == model::OutcomeKind::Mix).unwrap();
    assert_eq!(mine.tiers[0].influencers, 0);
}

#[test]
fn rounding_slack_never_spends_more_than_the_budget() {
    // 59 micro influencers cost a hair more than this budget: the share must buy 58.
    let unit = model::economics(&scenario("{}"))[1].unit_cost;
    let budget = 59.0 * unit * (1.0 - 5e-13);
    let s = scenario(&format!(r#"{{"budget": {budget}, "mix": {{"shares": {{"micro": 1}}}}}}"#));
    let o = model::evaluate(&s).unwrap();
    assert!(o.spend <= budget, "{} > {budget}", o.spend);
    assert_eq!(o.influencers, 58);
}

#[test]
fn many_posts_multiply_fees_and_impressions() {
    let one = model::evaluate(&scenario(r#"{"mix": {"counts": {"micro": 10}}}"#)).unwrap();
    let three = model::evaluate(&scenario(r#"{"postsPerInfluencer": 3, "mix": {"counts": {"micro": 10}}}"#)).unwrap();
    assert!((three.impressions - 3.0 * one.impressions).abs() < 1e-6);
    assert!(three.reach > one.reach);
    assert!(three.spend > one.spend);
}

#[test]
fn large_concentration_approaches_the_poisson_curve() {
    let s = scenario(r#"{"overrides": {"*": {"concentration": 1000000}}, "mix": {"counts": {"micro": 50}}}"#);
    let o = model::evaluate(&s).unwrap();
    let poisson = 5e6 * (1.0 - (-o.impressions / 5e6f64).exp());
    assert!(close(o.reach, poisson, 1e-5), "{} vs {poisson}", o.reach);
}
