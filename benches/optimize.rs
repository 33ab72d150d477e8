//! `make bench` (native half): optimise, frontier, compare and the simulation on 3- and 6-tier
//! schemes, p50 and p95 over many runs; then the worst cases known (huge budgets, a 5-tier
//! custom scheme), with the work each call spent and whether its optimum is proven. Prints
//! numbers; asserts nothing (timings depend on the machine). `cargo bench --bench optimize --
//! worst` runs the worst cases alone, `-- grid` the page's presets and goals at every budget decade.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Instant;
use tiermix::input::Value;
use tiermix::uncertainty::{self, Settings};
use tiermix::{compare, model, optimize, scenario::Scenario};

fn scenario(json: &str) -> Scenario {
    Scenario::from_value(&serde_json::from_str::<Value>(json).unwrap()).unwrap()
}

/// `runs` timed calls of `work`, in ms, sorted.
fn sorted_samples(runs: usize, mut work: impl FnMut()) -> Vec<f64> {
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples
}

fn time(name: &str, runs: usize, mut work: impl FnMut()) {
    for _ in 0..runs / 10 + 1 {
        work();
    }
    let samples = sorted_samples(runs, work);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    println!("{name:<44} p50 {:>8.3} ms   p95 {:>8.3} ms", at(0.5), at(0.95));
}

/// "exact", or how many optima were cut short and the largest gap among them.
fn proof<'a>(optima: impl Iterator<Item = &'a model::Outcome>) -> String {
    let (mut all, mut cut, mut gap) = (0, 0, 0.0f64);
    for o in optima.filter(|o| o.kind == model::OutcomeKind::Optimum) {
        all += 1;
        if o.exact == Some(false) {
            cut += 1;
            gap = gap.max(o.gap.unwrap_or(f64::NAN));
        }
    }
    if cut == 0 {
        "exact".into()
    } else {
        format!("{cut}/{all} cut short, gap ≤ {gap:.1e}")
    }
}

/// Times one slow call a few times: its worst time, the work it spent, its proof.
fn worst(name: &str, mut work: impl FnMut() -> (u64, String)) {
    let mut times = Vec::new();
    let mut last = (0, String::new());
    for _ in 0..3 {
        let start = Instant::now();
        last = work();
        times.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let max = times.iter().copied().fold(0.0, f64::max);
    println!("{name:<56} max {max:>9.3} ms   work {:>9}   {}", last.0, last.1);
}

fn worst_cases() {
    let five = r#"{"tiers": [{"id": "a", "minFollowers": 1}, {"id": "b", "minFollowers": 1000}, {"id": "c", "minFollowers": 10000},
        {"id": "d", "minFollowers": 100000}, {"id": "e", "minFollowers": 1000000}]}"#;
    let mut cases = vec![
        ("default scenario".to_string(), "{}".to_string()),
        ("imh, blend, budget 1e9".into(), r#"{"budget": 1e9, "scheme": "imh", "goal": {"objective": "blend"}}"#.into()),
        ("traackr, reach, budget 1e9".into(), r#"{"budget": 1e9, "scheme": "traackr", "goal": {"objective": "reach"}}"#.into()),
        ("traackr, budget 1e9".into(), r#"{"budget": 1e9, "scheme": "traackr"}"#.into()),
    ];
    for objective in ["reach", "conversions", "engagements", "netValue", "blend"] {
        cases.push((
            format!("5-tier custom, {objective}, budget 1e8"),
            format!(r#"{{"budget": 1e8, "scheme": {five}, "goal": {{"objective": "{objective}"}}}}"#),
        ));
    }
    println!(
        "worst cases (native; work in units of optimize::WORK_PER_CALL = {}, WORK_PER_SERIES = {})",
        optimize::WORK_PER_CALL,
        optimize::WORK_PER_SERIES
    );
    for (label, json) in &cases {
        let s = scenario(json);
        worst(&format!("optimize (as in compare), {label}"), || {
            let o = optimize::optimize_with_work(&s, &s.goal, optimize::WORK_PER_CALL).unwrap();
            (o.work, proof(std::iter::once(&o.answer)))
        });
        worst(&format!("frontier (201 points), {label}"), || {
            let f = optimize::frontier_with_work(&s, &s.goal, 201, optimize::WORK_PER_SERIES).unwrap();
            (f.work, proof(f.answer.iter()))
        });
        let budgets: Vec<f64> = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0].iter().map(|k| k * s.budget).collect();
        worst(&format!("responseCurves (9 budgets), {label}"), || {
            let r = optimize::response_curves_with_work(&s, &s.goal, &budgets, optimize::WORK_PER_SERIES).unwrap();
            let optimum = r.answer.curves.last().unwrap();
            let proof = if optimum.exact == Some(false) {
                format!("cut short, gap ≤ {:.1e}", optimum.gap.unwrap_or(f64::NAN))
            } else {
                "exact".into()
            };
            (r.work, proof)
        });
    }
}

/// The page's presets and goals at every budget decade from 10³ to 10¹², the grid the targets
/// are set on: `compare` p50 / p95 per cell and a 21-point frontier per scheme and budget, then
/// the worst of each. Also how many optima are proven and the largest gap.
fn grid() {
    const SCHEMES: [&str; 5] = ["fr2018", "imh", "later", "traackr", "hypeauditor"];
    const GOALS: [&str; 4] = ["reach", "blend", "conversions", "netValue"];
    println!("grid (native): compare p50 / p95 ms per scheme × goal × budget 10^3 … 10^12");
    let mut worst_compare: Vec<(f64, String)> = vec![(0.0, String::new()); GOALS.len()];
    let (mut cut, mut all, mut gap) = (0, 0, 0.0f64);
    for scheme in SCHEMES {
        for (g, goal) in GOALS.iter().enumerate() {
            let mut line = format!("{scheme:<12} {goal:<12}");
            for decade in 3..=12 {
                let s = scenario(&format!(
                    r#"{{"scheme": "{scheme}", "budget": 1e{decade}, "mix": {{"shares": {{}}}}, "goal": {{"objective": "{goal}", "lambda": 0.5}}}}"#
                ));
                let (p50, p95) = quantiles(20, || {
                    black_box(compare::compare(&s).unwrap());
                });
                let o = compare::compare(&s).unwrap().pop().unwrap();
                all += 1;
                if o.exact == Some(false) {
                    cut += 1;
                    gap = gap.max(o.gap.unwrap_or(f64::NAN));
                }
                if p95 > worst_compare[g].0 {
                    worst_compare[g] = (p95, format!("{scheme} 1e{decade}"));
                }
                line += &format!(" {p50:>6.2}/{p95:<6.2}{}", if o.exact == Some(false) { "*" } else { " " });
            }
            println!("{line}");
        }
    }
    for (goal, (p95, at)) in GOALS.iter().zip(&worst_compare) {
        println!("compare {goal:<12} worst p95 {p95:>8.3} ms ({at})");
    }
    println!("compare optima cut short (*): {cut}/{all}, largest gap {gap:.1e}");
    println!("grid (native): frontier (21 points) p50 / p95 ms per scheme × budget 10^3 … 10^12");
    let (mut worst, mut at) = (0.0f64, String::new());
    let (mut cut, mut all, mut gap) = (0, 0, 0.0f64);
    for scheme in SCHEMES {
        let mut line = format!("{scheme:<12}");
        for decade in 3..=12 {
            let s = scenario(&format!(r#"{{"scheme": "{scheme}", "budget": 1e{decade}, "mix": {{"shares": {{}}}}}}"#));
            let (p50, p95) = quantiles(5, || {
                black_box(optimize::frontier(&s, &s.goal, 21).unwrap());
            });
            let points = optimize::frontier(&s, &s.goal, 21).unwrap();
            let short = points.iter().filter(|o| o.exact == Some(false)).count();
            all += points.len();
            cut += short;
            gap = points.iter().filter_map(|o| o.gap).fold(gap, f64::max);
            if p95 > worst {
                (worst, at) = (p95, format!("{scheme} 1e{decade}"));
            }
            line += &format!(" {p50:>7.2}/{p95:<7.2}{}", if short > 0 { "*" } else { " " });
        }
        println!("{line}");
    }
    println!("frontier worst p95 {worst:>8.3} ms ({at}); points cut short (*): {cut}/{all}, largest gap {gap:.1e}");
}

/// p50 and p95 of `runs` timed calls (after a few untimed ones), in ms.
/// A slow call runs fewer times: its time is the point.
fn quantiles(runs: usize, mut work: impl FnMut()) -> (f64, f64) {
    let start = Instant::now();
    work();
    let runs = if start.elapsed().as_secs_f64() > 0.05 { 3 } else { runs };
    let samples = sorted_samples(runs, work);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

fn main() {
    if std::env::args().any(|a| a == "worst") {
        worst_cases();
        return;
    }
    if std::env::args().any(|a| a == "grid") {
        grid();
        return;
    }
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
            black_box(compare::compare(&s).unwrap());
        });
        time(&format!("simulate 2000 draws × {} mixes {label}", s.scheme.tiers.len() + 2), 20, || {
            black_box(uncertainty::simulate(&s, Settings { draws: 2000, seed: 1 }).unwrap());
        });
    }
    worst_cases();
    grid();
}
