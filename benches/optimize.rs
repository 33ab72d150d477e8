//! `make bench` (native half): optimise, frontier, compare and the simulation on 3- and 6-tier
//! schemes, p50 and p95 over many runs. Prints numbers; asserts nothing (timings depend on the machine).

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Instant;
use tiermix::input::Value;
use tiermix::uncertainty::{self, Settings};
use tiermix::{model, optimize, scenario::Scenario};

fn scenario(json: &str) -> Scenario {
    Scenario::from_value(&serde_json::from_str::<Value>(json).unwrap()).unwrap()
}

fn time(name: &str, runs: usize, mut work: impl FnMut()) {
    for _ in 0..runs / 10 + 1 {
        work();
    }
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    println!("{name:<44} p50 {:>8.3} ms   p95 {:>8.3} ms", at(0.5), at(0.95));
}

fn main() {
    println!("native ({} build)", if cfg!(debug_assertions) { "debug" } else { "release" });
    for (label, json) in [
        ("3 tiers (fr2018), budget 20k", r#"{"budget": 20000}"#),
        ("6 tiers (traackr), budget 20k", r#"{"budget": 20000, "scheme": "traackr"}"#),
        ("3 tiers (fr2018), budget 500k", r#"{"budget": 500000}"#),
        ("6 tiers (traackr), budget 500k", r#"{"budget": 500000, "scheme": "traackr"}"#),
    ] {
        let s = scenario(json);
        for objective in ["conversions", "blend", "netValue"] {
            let goal = tiermix::goal::Goal::from_value(
                "goal",
                Some(&serde_json::from_str(&format!(r#"{{"objective": "{objective}"}}"#)).unwrap()),
                &s.scheme,
            )
            .unwrap();
            time(&format!("optimize {objective:<11} {label}"), 200, || {
                black_box(optimize::optimize(&s, &goal).unwrap());
            });
        }
        time(&format!("frontier (21 points)  {label}"), 50, || {
            black_box(optimize::frontier(&s, &s.goal, 21).unwrap());
        });
        time(&format!("compare (with optimum) {label}"), 200, || {
            black_box(model::compare(&s).unwrap());
        });
        time(&format!("simulate 2000 draws × {} mixes {label}", s.scheme.tiers.len() + 2), 20, || {
            black_box(uncertainty::simulate(&s, Settings { draws: 2000, seed: 1 }).unwrap());
        });
    }
}
