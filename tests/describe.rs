//! `describe()` states the engine's real defaults, ids, units and limits: each is checked
//! against what the engine does with it.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use serde_json::{json, Value as Json};
use tiermix::describe::{benchmarks, describe};
use tiermix::input::Value;
use tiermix::scenario::Scenario;
use tiermix::uncertainty::Settings;

fn scenario(json: Json) -> tiermix::Result<Scenario> {
    Scenario::from_value(&serde_json::from_value::<Value>(json).unwrap())
}

#[test]
fn the_description_serialises_to_the_documented_shape() {
    let d = serde_json::to_value(describe()).unwrap();
    assert_eq!(
        d["defaults"],
        json!({ "budget": 20000.0, "currency": "EUR", "scheme": "fr2018", "goal": { "objective": "conversions", "lambda": 0.5 } })
    );
    assert_eq!(
        d["objectives"],
        json!([
            { "id": "reach", "measure": "reach", "unit": "count" },
            { "id": "engagements", "measure": "engagements", "unit": "count" },
            { "id": "conversions", "measure": "conversions", "unit": "count" },
            { "id": "blend", "measure": "conversions", "unit": "count", "usesLambda": true },
            { "id": "netValue", "measure": "netValue", "unit": "money" },
        ])
    );
    let units: Vec<(&str, &str)> =
        d["quantities"].as_array().unwrap().iter().map(|q| (q["id"].as_str().unwrap(), q["unit"].as_str().unwrap())).collect();
    assert_eq!(
        units,
        [
            ("typicalFollowers", "count"),
            ("fee", "money"),
            ("reachRate", "share"),
            ("engagementRate", "share"),
            ("sponsoredFactor", "factor"),
            ("realShare", "share"),
            ("audienceFit", "share"),
            ("persuasion", "share"),
            ("delivery", "share"),
            ("hours", "hours"),
            ("concentration", "shape"),
        ]
    );
    let globals: Vec<&str> = d["globals"].as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(globals, ["budget", "audience", "postsPerInfluencer", "hourlyCost", "conversionValue"]);
    assert_eq!(d["globals"][2], json!({ "id": "postsPerInfluencer", "unit": "count", "min": 1.0, "max": 1000.0, "default": 1.0 }));
    assert_eq!(d["limits"]["maxCount"], json!(1e6));
    assert_eq!(d["limits"]["maxTiers"], json!(12.0));
    assert_eq!(d["limits"]["maxBudgetPoints"], json!(201.0));
    assert_eq!(d["simulation"], json!({ "draws": 2000.0, "seed": 1.0 }));
    assert_eq!(d["outcomeKinds"], json!(["single", "mix", "optimum", "roster"]));
}

#[test]
fn defaults_are_what_an_empty_scenario_gets() {
    let d = describe();
    let s = Scenario::defaults().unwrap();
    assert_eq!((d.defaults.budget, d.defaults.currency, d.defaults.scheme), (s.budget, s.currency.as_str(), s.scheme.id.as_ref()));
    assert_eq!((d.defaults.goal.objective, d.defaults.goal.lambda), (s.goal.objective.id(), s.goal.lambda));
    let values = [s.budget, s.audience, s.posts_per_influencer, s.hourly_cost, s.conversion_value];
    for (g, value) in d.globals.iter().zip(values) {
        assert_eq!(g.default, Some(value), "{}", g.id);
        assert!(scenario(json!({ g.id: g.max })).is_ok() && scenario(json!({ g.id: g.min })).is_ok(), "{}", g.id);
        assert_eq!(scenario(json!({ g.id: g.max * 2.0 + 1.0 })).unwrap_err().field, g.id);
    }
    let settings = Settings::from_value("options", None).unwrap();
    assert_eq!((d.simulation.draws, d.simulation.seed), (f64::from(settings.draws), settings.seed as f64));
}

#[test]
fn every_id_is_one_the_engine_accepts() {
    let d = describe();
    for o in &d.objectives {
        let s = scenario(json!({ "goal": { "objective": o.id } })).unwrap();
        assert_eq!(s.goal.objective.id(), o.id);
        assert!(tiermix::compare::compare(&s).is_ok(), "{}", o.id);
    }
    for q in &d.quantities {
        let s = scenario(json!({ "overrides": { "micro": { q.id: q.max } } })).unwrap();
        let report = serde_json::to_value(tiermix::scenario::report(&s)).unwrap();
        assert_eq!(
            report["tiers"][1][q.id],
            json!({ "low": report["tiers"][1][q.id]["low"], "typical": q.max, "high": report["tiers"][1][q.id]["high"], "source": report["tiers"][1][q.id]["source"], "overridden": true }),
            "{}",
            q.id
        );
        let e = scenario(json!({ "overrides": { "micro": { q.id: q.max * 2.0 + 1.0 } } })).unwrap_err();
        assert_eq!(e.field, format!("overrides.micro.{}", q.id));
        assert!(scenario(json!({ "overrides": { "micro": { q.id: q.min } } })).is_ok(), "{}", q.id);
    }
}

#[test]
fn limits_are_where_the_engine_refuses() {
    let d = describe();
    let max = d.limits.max_count;
    let counts = |n: f64| scenario(json!({ "budget": 1e12, "mix": { "counts": { "nano": n } } }));
    assert!(counts(max).is_ok());
    assert_eq!(counts(max + 1.0).unwrap_err().field, "mix.counts.nano");
    let tiers = |n: f64| {
        let list: Vec<Json> = (0..n as u64).map(|i| json!({ "id": format!("t{i}"), "minFollowers": 1000 * (i + 1) })).collect();
        scenario(json!({ "scheme": { "tiers": list } }))
    };
    assert!(tiers(d.limits.max_tiers).is_ok());
    assert!(tiers(d.limits.max_tiers + 1.0).is_err());
    let draws = |n: f64| Settings::from_value("options", Some(&serde_json::from_value::<Value>(json!({ "draws": n })).unwrap()));
    assert!(draws(d.limits.max_draws).is_ok() && draws(d.limits.max_draws + 1.0).is_err());
}

#[test]
fn benchmarks_are_bands_from_the_smallest_accounts_up_each_with_a_range_and_every_source_linked() {
    let b = &serde_json::to_value(benchmarks()).unwrap();
    assert_eq!(b["currency"], "USD");
    let bands = b["bands"].as_array().unwrap();
    let ids: Vec<&str> = bands.iter().map(|band| band["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["nano", "micro", "mid", "macro", "mega"]);
    assert_eq!(bands[0]["minFollowers"], 0.0, "every account is in a band");
    for pair in bands.windows(2) {
        assert!(pair[0]["minFollowers"].as_f64() < pair[1]["minFollowers"].as_f64(), "{pair:?}");
    }
    for range in bands.iter().map(|band| &band["cpm"]).chain([&b["cpe"]]) {
        assert!(range["low"].as_f64().unwrap() > 0.0 && range["low"].as_f64() < range["high"].as_f64(), "{range}");
    }
    assert_eq!(bands[1]["cpm"], json!({ "low": 10.0, "high": 25.0 }));
    assert_eq!(b["cpe"], json!({ "low": 0.2, "high": 1.4 }));
    for source in b["sources"].as_array().unwrap() {
        assert!(source["url"].as_str().unwrap().starts_with("https://"), "{source}");
        assert!(!source["text"].as_str().unwrap().is_empty());
    }
}
