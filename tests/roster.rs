//! Picking the best subset of a roster: against every subset on small rosters, for every
//! objective and with limits; consistent with the tier model; proven bounds on large ones.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{scenario, score};
use proptest::prelude::*;
use tiermix::goal::{Goal, Objective, TierLimits};
use tiermix::model::{self, Outcome};
use tiermix::roster::pick::{self, Candidate};
use tiermix::scenario::Scenario;

fn candidate(line: u32, followers: f64, fee: Option<f64>, rate: Option<f64>) -> Candidate {
    Candidate { line, handle: format!("c{line}"), followers, fee, engagement_rate: rate, audience_fit: None }
}

fn feasible(s: &Scenario, goal: &Goal, o: &Outcome) -> bool {
    let slack = 1.0 + 1e-12;
    o.spend <= s.budget * slack
        && goal.max_hours.is_none_or(|h| o.workload_hours <= h * slack)
        && o.tiers.iter().zip(&goal.limits).all(|(t, l): (_, &TierLimits)| {
            l.min_count.is_none_or(|m| t.influencers >= m)
                && l.max_count.is_none_or(|m| t.influencers <= m)
                && l.min_spend.is_none_or(|m| t.spend >= m * (1.0 - 1e-12))
                && l.max_spend.is_none_or(|m| t.spend <= m * slack)
        })
}

/// The best score over every subset, by the model's own evaluation.
fn exhaustive(s: &Scenario, candidates: &[Candidate], goal: &Goal) -> Option<f64> {
    let extremes = |objective: Objective| exhaustive(s, candidates, &Goal { objective, ..goal.clone() }).unwrap_or(0.0);
    let best = if goal.objective == Objective::Blend {
        (extremes(Objective::Reach), extremes(Objective::Conversions))
    } else {
        (0.0, 0.0)
    };
    let n = candidates.len();
    let mut top: Option<f64> = None;
    for mask in 0u32..(1 << n) {
        let chosen: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
        let o = pick::evaluate(s, candidates, &chosen).unwrap();
        if feasible(s, goal, &o) {
            let v = score(&o, goal.objective, goal.lambda, best.0, best.1);
            top = Some(top.map_or(v, |t: f64| t.max(v)));
        }
    }
    top
}

const OBJECTIVES: [Objective; 5] =
    [Objective::Reach, Objective::Engagements, Objective::Conversions, Objective::NetValue, Objective::Blend];

fn roster_strategy(max: usize) -> impl Strategy<Value = Vec<Candidate>> {
    prop::collection::vec(
        (
            prop_oneof![50.0..1_000.0f64, 1_000.0..100_000.0f64, 100_000.0..3_000_000.0f64],
            prop::option::of(0.0..6_000.0f64),
            prop::option::of(0.001..0.12f64),
            prop::option::of(prop_oneof![Just(0.0), 0.0..=1.0f64]),
        ),
        1..=max,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (f, fee, rate, fit))| Candidate {
                audience_fit: fit,
                ..candidate(i as u32 + 2, f.round(), fee.map(f64::round), rate)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The pick is the true optimum on rosters small enough to try every subset.
    #[test]
    fn pick_is_the_best_subset(
        candidates in roster_strategy(10),
        budget in 0.0..20_000.0f64,
        objective in 0usize..5,
        lambda in 0.0..=1.0f64,
        max_micro in prop::option::of(0u32..4),
        min_nano in prop::option::of(0u32..2),
        max_hours in prop::option::of(0.0..60.0f64),
    ) {
        let s = scenario(&format!(r#"{{"budget": {budget}}}"#));
        let mut goal = Goal::new(OBJECTIVES[objective], 3);
        goal.lambda = lambda;
        goal.max_hours = max_hours;
        goal.limits[1].max_count = max_micro;
        goal.limits[0].min_count = min_nano;
        let truth = exhaustive(&s, &candidates, &goal);
        match pick::pick(&s, &candidates, &goal) {
            Ok(found) => {
                prop_assert!(found.exact);
                prop_assert!(feasible(&s, &goal, &found.outcome));
                let truth = truth.unwrap();
                prop_assert!((found.value - truth).abs() <= 1e-9 * truth.abs().max(1.0), "found {} truth {}", found.value, truth);
                let chosen: Vec<usize> = found.rows.iter().map(|r| r.index).collect();
                let again = pick::evaluate(&s, &candidates, &chosen).unwrap();
                prop_assert!((again.conversions - found.outcome.conversions).abs() <= 1e-9 * again.conversions.max(1.0));
                prop_assert_eq!(found.gap, 0.0);
            }
            // The greedy start can miss a feasible set only when minimums are hard to meet;
            // then exhaustive search must agree that nothing meets them.
            Err(e) => prop_assert!(truth.is_none(), "{e} but {truth:?} is feasible"),
        }
    }

    /// On any roster the pick stays within the budget and its limits, and its proven bound
    /// is at least what it found.
    #[test]
    fn pick_respects_limits_and_bounds(candidates in roster_strategy(60), budget in 0.0..200_000.0f64, objective in 0usize..5) {
        let s = scenario(&format!(r#"{{"budget": {budget}}}"#));
        let goal = Goal::new(OBJECTIVES[objective], 3);
        let found = pick::pick(&s, &candidates, &goal).unwrap();
        prop_assert!(found.outcome.spend <= budget * (1.0 + 1e-12));
        prop_assert!(found.upper_bound >= found.value - 1e-9 * found.value.abs());
        prop_assert!((0.0..=1.0).contains(&found.gap));
        prop_assert!(found.outcome.reach <= s.audience);
    }
}

/// A roster of accounts exactly like a tier's typical account gives the tier model's numbers.
#[test]
fn typical_candidates_reproduce_the_tier_model() {
    let s = scenario(
        r#"{"budget": 5000, "scheme": {"tiers": [{"id": "small", "minFollowers": 100}, {"id": "big", "minFollowers": 10000}]},
            "mix": {"counts": {"small": 7, "big": 0}}}"#,
    );
    assert_eq!(s.scheme.tiers[0].typical_followers, 1000.0);
    let candidates: Vec<Candidate> = (0..7).map(|i| candidate(i, 1000.0, None, None)).collect();
    let roster = pick::evaluate(&s, &candidates, &(0..7).collect::<Vec<_>>()).unwrap();
    let tiers = model::evaluate(&s).unwrap();
    for (a, b, what) in [
        (roster.spend, tiers.spend, "spend"),
        (roster.reach, tiers.reach, "reach"),
        (roster.engagements, tiers.engagements, "engagements"),
        (roster.conversions, tiers.conversions, "conversions"),
        (roster.workload_hours, tiers.workload_hours, "hours"),
    ] {
        assert!((a - b).abs() <= 1e-9 * b.max(1.0), "{what}: roster {a}, tiers {b}");
    }
    assert_eq!(roster.influencers, 7);
}

/// Overrides reach candidates whose values are estimated, not those the file gave.
#[test]
fn overrides_apply_to_estimates_only() {
    let plain = scenario(r#"{"budget": 5000}"#);
    let dear = scenario(r#"{"budget": 5000, "overrides": {"micro": {"fee": 1000}}}"#);
    let estimated = [candidate(2, 10_000.0, None, None)];
    let given = [candidate(2, 10_000.0, Some(100.0), None)];
    let cost = |s: &Scenario, c: &[Candidate]| pick::evaluate(s, c, &[0]).unwrap().spend;
    assert!(
        (cost(&dear, &estimated) - cost(&plain, &estimated) - 900.0).abs() < 0.1,
        "the tier typical is 10,000 followers up to rounding"
    );
    assert_eq!(cost(&dear, &given), cost(&plain, &given));
}

fn with_fit(c: Candidate, fit: Option<f64>) -> Candidate {
    Candidate { audience_fit: fit, ..c }
}

/// A candidate none of whose followers is in the target audience reaches and persuades no one,
/// however large and cheap: never chosen for reach, conversions or their blend.
#[test]
fn a_candidate_with_no_audience_fit_is_never_chosen_for_reach_or_conversions() {
    let s = scenario(r#"{"budget": 3000}"#);
    let mut candidates = Vec::new();
    for i in 0..6 {
        // Big and nearly free: without the fit column, each would be the first chosen.
        candidates.push(with_fit(candidate(2 + i, 80_000.0 + f64::from(i) * 1000.0, Some(1.0), Some(0.05)), Some(0.0)));
        candidates.push(with_fit(candidate(10 + i, 5_000.0 + f64::from(i) * 500.0, Some(150.0), Some(0.03)), Some(0.8)));
        candidates.push(candidate(20 + i, 20_000.0, Some(400.0), None));
    }
    let unfit: Vec<usize> = (0..candidates.len()).filter(|&i| candidates[i].audience_fit == Some(0.0)).collect();
    for objective in [Objective::Reach, Objective::Conversions, Objective::Blend] {
        let found = pick::pick(&s, &candidates, &Goal::new(objective, 3)).unwrap();
        assert!(!found.rows.is_empty(), "{objective:?} chose nobody");
        assert!(found.rows.iter().all(|r| !unfit.contains(&r.index)), "{objective:?} chose {:?}", found.rows);
    }
    // The same accounts with no fit given are the pick's first choice for reach.
    let given: Vec<Candidate> = candidates.iter().cloned().map(|c| with_fit(c, None)).collect();
    let found = pick::pick(&s, &given, &Goal::new(Objective::Reach, 3)).unwrap();
    assert!(found.rows.iter().any(|r| unfit.contains(&r.index)));
}

/// A candidate's fit scales the followers it can reach: half the fit, half the impressions
/// and less reach, the same fee and engagements. Absent, the tier's fit applies, overrides
/// included; given, it stands whatever the overrides say.
#[test]
fn audience_fit_scales_a_candidates_reach_and_overrides_reach_only_absent_fits() {
    let plain = scenario(r#"{"budget": 5000}"#);
    let half = scenario(r#"{"budget": 5000, "overrides": {"micro": {"audienceFit": 0.5}}}"#);
    let account = |fit: Option<f64>| [with_fit(candidate(2, 20_000.0, Some(300.0), Some(0.03)), fit)];
    let outcome = |s: &Scenario, fit: Option<f64>| pick::evaluate(s, &account(fit), &[0]).unwrap();
    let (full, halved) = (outcome(&plain, Some(1.0)), outcome(&plain, Some(0.5)));
    assert!((halved.impressions - 0.5 * full.impressions).abs() <= 1e-12 * full.impressions);
    assert!(0.5 * full.reach < halved.reach && halved.reach < full.reach, "{} of {}", halved.reach, full.reach);
    assert!(halved.conversions < full.conversions);
    assert_eq!((halved.spend, halved.engagements), (full.spend, full.engagements));
    assert_eq!(outcome(&plain, Some(0.0)).reach, 0.0);
    // Not given: the tier's value, 100 % by default, 50 % under the override.
    assert_eq!(outcome(&plain, None), full);
    assert_eq!(outcome(&half, None).reach, halved.reach);
    assert_eq!(outcome(&half, Some(1.0)).reach, full.reach);
}

#[test]
fn accounts_below_every_tier_are_never_picked() {
    let s = scenario(r#"{"budget": 100000, "scheme": "imh"}"#);
    let candidates = [candidate(2, 50.0, Some(0.0), None), candidate(3, 5000.0, None, None)];
    let found = pick::pick(&s, &candidates, &Goal::new(Objective::Reach, s.scheme.tiers.len())).unwrap();
    let below = s.scheme.classify(50).is_none();
    assert_eq!(found.below_tiers, if below { vec![0] } else { vec![] });
    assert!(found.rows.iter().all(|r| !below || r.index != 0));
}

#[test]
fn impossible_minimums_are_a_clear_error() {
    let s = scenario(r#"{"budget": 1000}"#);
    let candidates = [candidate(2, 500.0, Some(50.0), None)];
    let mut goal = Goal::new(Objective::Reach, 3);
    goal.limits[2].min_count = Some(1);
    let e = pick::pick(&s, &candidates, &goal).unwrap_err().to_string();
    assert_eq!(e, "goal.limits.macro.minCount asks for more macro candidates than the roster holds (0) (got 1)");
}

/// A large roster: the search may stop early, but its proven gap to the optimum stays small.
#[test]
fn large_rosters_come_with_a_small_proven_gap() {
    let mut rng = 12345u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % 1_000_000) as f64 / 1_000_000.0
    };
    let candidates: Vec<Candidate> = (0..5_000)
        .map(|i| {
            let followers = (10f64.powf(2.5 + 4.0 * next())).round();
            candidate(i + 2, followers, Some((followers / 100.0 * (0.5 + next())).round()), Some(0.01 + 0.05 * next()))
        })
        .collect();
    let s = scenario(r#"{"budget": 50000}"#);
    for objective in OBJECTIVES {
        let started = std::time::Instant::now();
        let found = pick::pick(&s, &candidates, &Goal::new(objective, 3)).unwrap();
        println!(
            "{objective:?}: {} chosen, exact {}, proven gap {:.4}%, {:?}",
            found.rows.len(),
            found.exact,
            found.gap * 100.0,
            started.elapsed()
        );
        assert!(found.gap < 0.01, "{objective:?}: gap {}", found.gap);
    }
}

mod parsing {
    use super::*;
    use tiermix::roster;
    use tiermix::tiers::preset;

    fn check_whole(roster: &roster::Roster, text_lines: usize) {
        for row in &roster.rows {
            assert!(row.followers >= 1.0 && row.fee.is_finite() && row.fee >= 0.0);
            assert!((0.0..=1.0).contains(&row.engagement_rate), "{row:?}");
            assert!(row.audience_fit.is_none_or(|fit| (0.0..=1.0).contains(&fit)), "{row:?}");
            assert!(row.line as usize <= text_lines + 1);
        }
        for e in &roster.errors {
            assert!(!e.message.is_empty());
        }
    }

    /// The fit column under its English and French names, in each unit, read as a share; an
    /// empty cell is no fit; over 100 % is refused on its line; and the pick uses what was read.
    #[test]
    fn an_audience_fit_column_in_english_or_french_reaches_the_pick() {
        let scheme = preset("fr2018").unwrap();
        for (header, cells) in [
            ("% in target", ["35 %", "35%", "0.35", ""]),
            ("Audience match", ["35 %", "35 %", "0.35", ""]),
            ("Part cible", ["35 %", "35%", "0,35", ""]),
            ("% audience cible", ["35 %", "35 %", "0,35", ""]),
        ] {
            let text = format!(
                "handle;followers;{header}\na;20000;{}\nb;20000;{}\nc;20000;{}\nd;20000;{}\ne;20000;120 %\n",
                cells[0], cells[1], cells[2], cells[3]
            );
            let roster = roster::parse(&text, &scheme);
            let fits: Vec<_> = roster.rows.iter().map(|r| r.audience_fit).collect();
            assert_eq!(fits, [Some(0.35), Some(0.35), Some(0.35), None], "{header}");
            let errors: Vec<_> = roster.errors.iter().map(|e| (e.line, e.column, e.code)).collect();
            assert_eq!(errors, [(6, Some("audienceFit"), "outOfRange")], "{header}");
            assert!(roster.errors[0].message.starts_with("audience fit \"120 %\" is over 100 %"));
            let candidates: Vec<Candidate> =
                roster.rows.iter().map(|r| with_fit(candidate(r.line, r.followers, None, None), r.audience_fit)).collect();
            let s = scenario(r#"{"budget": 100000}"#);
            let impressions = |i: usize| pick::evaluate(&s, &candidates, &[i]).unwrap().impressions;
            assert!((impressions(0) - 0.35 * impressions(3)).abs() <= 1e-9 * impressions(3), "{header}");
        }
        // Bare numbers over 1 make the column percentages, as for rates.
        let roster = roster::parse("handle,followers,fit\na,5000,35\nb,5000,100\n", &scheme);
        assert_eq!(roster.rows.iter().map(|r| r.audience_fit).collect::<Vec<_>>(), [Some(0.35), Some(1.0)]);
        assert_eq!(roster.notes, ["fitPercentAssumed"]);
    }

    /// In a file whose delimiter is ";", a line holding only "," is a cell, not a blank line.
    #[test]
    fn a_lone_comma_in_a_semicolon_file_is_a_cell_reported_as_such() {
        let roster = roster::parse("followers;topic\n,", &preset("fr2018").unwrap());
        assert_eq!(roster.delimiter, ";");
        assert!(roster.rows.is_empty());
        let codes: Vec<_> = roster.errors.iter().map(|e| (e.line, e.code)).collect();
        assert_eq!(codes, [(2, "notANumber")]);
    }

    /// A megabyte of random bytes: read without trapping, every error with a message.
    #[test]
    fn a_megabyte_of_random_bytes() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let bytes: Vec<u8> = (0..1 << 20)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        for header in [&b""[..], b"handle;followers;engagement rate;fee\n"] {
            let file = [header, &bytes].concat();
            let started = std::time::Instant::now();
            let roster = roster::parse_bytes(&file, &preset("fr2018").unwrap());
            println!("1 MB of random bytes: {} rows, {} errors, {:?}", roster.rows.len(), roster.errors.len(), started.elapsed());
            check_whole(&roster, file.iter().filter(|&&b| b == b'\n').count());
            assert!(!roster.errors.is_empty());
        }
    }

    fn utf16(text: &str, little_endian: bool, mark: bool) -> Vec<u8> {
        let units = mark.then_some(0xfeff_u16).into_iter().chain(text.encode_utf16());
        units.flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    /// What Excel writes for "Unicode Text": UTF-16 with a byte-order mark, tab-separated, CRLF.
    const UNICODE_TEXT: &str =
        "Pseudo\tAbonnés\tTaux d'engagement\tTarif\r\n@zoë.cuisine\t12 500\t3,4 %\t150 €\r\n\"日本 🌸\"\t1,2 M\t\t\r\n";

    fn check_unicode_text(roster: &roster::Roster) {
        assert_eq!(roster.errors, vec![]);
        assert_eq!(roster.delimiter, "\t");
        assert_eq!(roster.notes, Vec::<&str>::new());
        let read: Vec<_> = roster.rows.iter().map(|r| (r.line, r.handle.as_str(), r.followers, r.fee)).collect();
        assert_eq!(read, vec![(2, "@zoë.cuisine", 12_500.0, 150.0), (3, "日本 🌸", 1_200_000.0, read[1].3)]);
        assert!((roster.rows[0].engagement_rate - 0.034).abs() < 1e-15);
        assert_eq!(roster.rows[1].estimated.to_vec(), vec!["engagementRate", "fee"]);
    }

    #[test]
    fn excel_unicode_text_reads_in_either_byte_order() {
        for little_endian in [true, false] {
            check_unicode_text(&roster::parse_bytes(&utf16(UNICODE_TEXT, little_endian, true), &preset("fr2018").unwrap()));
        }
    }

    #[test]
    fn utf16_without_a_byte_order_mark_reads_too() {
        for little_endian in [true, false] {
            check_unicode_text(&roster::parse_bytes(&utf16(UNICODE_TEXT, little_endian, false), &preset("fr2018").unwrap()));
        }
    }

    #[test]
    fn a_quote_opened_in_the_last_cell_is_reported_on_its_line() {
        let fr = preset("fr2018").unwrap();
        for text in [
            "handle,followers\nlea,1200\ntom,\"",
            "handle,followers\nlea,1200\ntom,\"\n",
            "handle,followers\nlea,1200\n\"tom,900\n",
        ] {
            let roster = roster::parse(text, &fr);
            assert_eq!(roster.rows.len(), 1, "{text:?}");
            let errors: Vec<_> = roster.errors.iter().map(|e| (e.line, e.code, e.message.as_str())).collect();
            assert_eq!(
                errors,
                vec![(
                    3,
                    "unclosedQuote",
                    "a quote opened on this line is never closed, so the rest of the file was read as one cell: close the quote"
                )],
                "{text:?}"
            );
        }
        // The record starts on line 2; its second quoted cell opens on line 3 and swallows line 4.
        let roster = roster::parse("handle,notes,followers\nlea,\"two\nlines\",\"open\nrest,3\n", &fr);
        assert_eq!(roster.errors.iter().map(|e| (e.line, e.code)).collect::<Vec<_>>(), vec![(3, "unclosedQuote")]);
        // A quote in the middle of the last cell is text, as in any spreadsheet.
        let roster = roster::parse("handle,followers\nlea,1200\ntom 5'11\",900", &fr);
        assert_eq!((roster.rows.len(), roster.errors.len(), roster.rows[1].handle.as_str()), (2, 0, "tom 5'11\""));
    }

    fn csvish() -> impl Strategy<Value = String> {
        let cell = prop_oneof![
            Just(String::new()),
            "[a-zA-Zé@_ ]{0,8}",
            "[0-9 ,.]{1,9}[kKmM%€]?",
            Just("\"".to_owned()),
            Just("\"a,b\"".to_owned()),
            Just("\"x\"\"y\"".to_owned()),
        ];
        let header = prop::sample::subsequence(
            vec!["handle", "followers", "abonnés", "taux d'engagement", "fee", "platform", "topic", "notes"],
            0..6,
        );
        (
            header,
            prop::collection::vec(prop::collection::vec(cell, 0..7), 0..12),
            prop_oneof![Just(","), Just(";"), Just("\t")],
            prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        )
            .prop_map(|(header, rows, delimiter, newline)| {
                let mut text = header.join(delimiter);
                for row in rows {
                    text.push_str(newline);
                    text.push_str(&row.join(delimiter));
                }
                text
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn any_bytes_are_read_without_trapping(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
            let roster = roster::parse_bytes(&bytes, &preset("fr2018").unwrap());
            check_whole(&roster, bytes.len());
        }

        /// Every non-blank line of a one-line-per-row file is a row or an error: none vanish.
        #[test]
        fn no_row_is_dropped_silently(text in csvish()) {
            let roster = roster::parse(&text, &preset("fr2018").unwrap());
            check_whole(&roster, text.len());
            let read = roster.rows.len() + roster.errors.len();
            prop_assert!(read >= 1, "nothing reported for {text:?}");
            let quotes = text.contains('"');
            if !quotes && roster.errors.iter().all(|e| e.code != "noFollowersColumn") {
                // Blank means blank under the file's own delimiter: a lone "," in a ";" file is a
                // cell, and it must be reported.
                let delimiter = roster.delimiter;
                let records = text.split(['\n', '\r']).filter(|l| !l.split(delimiter).all(|c| c.trim().is_empty())).count();
                let header = usize::from(!roster.notes.contains(&"headerless") && records > 0);
                let file_level = roster.errors.iter().filter(|e| e.line == 0).count();
                prop_assert_eq!(read - file_level, records - header, "{:?}", text);
            }
        }
    }
}
