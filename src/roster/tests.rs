use super::*;
use crate::limits::MAX_ROWS;
use crate::tiers::preset;

fn fr() -> TierScheme {
    preset("fr2018").unwrap()
}

fn read(text: &str) -> Roster {
    parse(text, &fr())
}

fn messages(roster: &Roster) -> Vec<(u32, &str)> {
    roster.errors.iter().map(|e| (e.line, e.message.as_str())).collect()
}

#[test]
fn a_french_excel_export() {
    let text = "\u{feff}Pseudo;Abonnés;Taux d'engagement;Tarif (€);Plateforme;Thématique\r\n\
                @lea.cuisine;12 500;3,4 %;150 €;Instagram;Cuisine\r\n\
                @tom;1,2 M;1,1 %;4 500 €;TikTok;Humour\r\n";
    let roster = read(text);
    assert_eq!(roster.errors, vec![]);
    assert_eq!(roster.delimiter, ";");
    let [lea, tom] = &roster.rows[..] else { panic!("{:?}", roster.rows) };
    assert_eq!((lea.line, lea.handle.as_str(), lea.followers, lea.tier.as_deref()), (2, "@lea.cuisine", 12_500.0, Some("micro")));
    assert!((lea.engagement_rate - 0.034).abs() < 1e-15);
    assert_eq!(lea.fee, 150.0);
    assert_eq!(lea.platform.as_deref(), Some("Instagram"));
    assert_eq!(lea.topic.as_deref(), Some("Cuisine"));
    assert!(lea.estimated.is_empty());
    assert!(lea.platform.as_ref().unwrap().as_ptr() != tom.platform.as_ref().unwrap().as_ptr());
    assert_eq!((tom.line, tom.followers, tom.tier.as_deref(), tom.fee), (3, 1_200_000.0, Some("macro"), 4500.0));
    assert_eq!(roster.blank_lines, 0);
    assert_eq!(read("handle,followers\r\n\r\n\r\na,100\r\n").blank_lines, 2);
    let used: Vec<_> = roster.columns.iter().map(|c| (c.column, c.header.as_str())).collect();
    assert_eq!(used[..3], [("handle", "Pseudo"), ("followers", "Abonnés"), ("engagementRate", "Taux d'engagement")]);
}

#[test]
fn an_english_google_sheets_export_with_quotes() {
    let text = "Handle,Followers,Engagement rate,Fee,Notes\n\
                alice,\"12,500\",2.5%,$200,\"likes cats, dogs\"\n\
                \"bob, the builder\",12.5k,0.031,,\"two\nlines\"\n\
                carol,800,,,\n";
    let roster = read(text);
    assert_eq!(roster.errors, vec![]);
    assert_eq!(roster.ignored_columns, vec!["Notes".to_owned()]);
    let [alice, bob, carol] = &roster.rows[..] else { panic!("{:?}", roster.rows) };
    assert_eq!((alice.followers, alice.fee), (12_500.0, 200.0));
    assert!((alice.engagement_rate - 0.025).abs() < 1e-15);
    assert_eq!((bob.handle.as_str(), bob.followers, bob.line), ("bob, the builder", 12_500.0, 3));
    assert_eq!(bob.engagement_rate, 0.031);
    assert_eq!(bob.estimated.to_vec(), vec!["fee"]);
    assert_eq!(carol.line, 5);
    assert_eq!(carol.tier.as_deref(), Some("nano"));
    assert_eq!(carol.estimated.to_vec(), vec!["engagementRate", "fee"]);
    assert_eq!(carol.fee, 20.0);
}

#[test]
fn tab_separated_with_average_engagements() {
    let roster = read("username\tfollowers\tavg engagements\nzoe\t10000\t250\n");
    assert_eq!(roster.delimiter, "\t");
    assert_eq!(roster.rows[0].engagement_rate, 0.025);
    assert_eq!(roster.rows[0].estimated.to_vec(), vec!["fee"]);
}

#[test]
fn rates_without_a_percent_sign_are_percentages_when_some_exceed_one() {
    let roster = read("handle,followers,er\na,1000,3.5\nb,1000,0.8\n");
    assert_eq!(roster.notes, vec!["percentAssumed"]);
    assert!((roster.rows[0].engagement_rate - 0.035).abs() < 1e-15);
    assert!((roster.rows[1].engagement_rate - 0.008).abs() < 1e-15);
    let shares = read("handle,followers,er\na,1000,0.035\n");
    assert!(shares.notes.is_empty());
    assert_eq!(shares.rows[0].engagement_rate, 0.035);
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_none_is_dropped() {
    let text = "handle,followers,engagement rate,fee\n\
                ok,5000,2%,50\n\
                empty,,2%,50\n\
                words,lots,2%,50\n\
                zero,0,2%,50\n\
                minus,5000,2%,-50\n\
                split,12,500,2%,50\n\
                pct,12 %,2%,50\n\
                wild,5000,250%,50\n\
                \n\
                also ok,7000,,\n";
    let roster = read(text);
    let lines: Vec<u32> = roster.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 11]);
    assert_eq!(
        messages(&roster),
        vec![
            (3, "followers is empty: every candidate needs a follower count"),
            (4, "followers \"lots\" is not a number"),
            (5, "followers \"0\" is not a follower count from 1 to 10000000000"),
            (6, "fee \"-50\" is negative"),
            (7, "has 5 cells but the header has 4: a cell holding the delimiter (such as 12,500 in a comma-separated file) must be in quotes"),
            (8, "followers \"12 %\" is a percentage, not a count"),
            (9, "engagement rate is over 100 %: check the column's unit"),
        ]
    );
    assert_eq!(roster.blank_lines, 1);
    // Every non-blank line after the header is either a row or an error.
    assert_eq!(roster.rows.len() + roster.errors.len(), 9);
}

#[test]
fn errors_found_while_reading_and_by_the_rate_check_come_in_line_order() {
    // Rates over 100 % are refused only once every row is read; the other errors as they come.
    let roster = read("handle,followers,er\na,5000,250%\nb,lots,2%\nc,5000,300%\nd,-5,2%\ne,5000,2%\nf,5000,400%\n\"g,100\n");
    let found: Vec<(u32, &str)> = roster.errors.iter().map(|e| (e.line, e.code)).collect();
    assert_eq!(
        found,
        vec![(2, "outOfRange"), (3, "notANumber"), (4, "outOfRange"), (5, "negative"), (7, "outOfRange"), (8, "unclosedQuote")]
    );
    assert_eq!(roster.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![6]);
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let roster = read("handle,followers\n\"open,100\nnext,200\n");
    assert_eq!(roster.rows, vec![]);
    assert_eq!(roster.errors[0].line, 2);
    assert_eq!(roster.errors[0].code, "unclosedQuote");
}

#[test]
fn a_file_without_a_followers_column_says_what_it_found() {
    let roster = read("name,city\nalice,Paris\n");
    assert_eq!(roster.rows, vec![]);
    assert_eq!(roster.errors.len(), 1);
    assert_eq!(roster.errors[0].code, "noFollowersColumn");
    assert_eq!(roster.errors[0].text.as_deref(), Some("name, city"));
}

#[test]
fn a_headerless_list_of_handles_and_counts() {
    let roster = read("alice,12500\nbob,800\n");
    assert_eq!(roster.notes, vec!["headerless"]);
    assert_eq!(roster.rows.iter().map(|r| (r.line, r.followers)).collect::<Vec<_>>(), vec![(1, 12_500.0), (2, 800.0)]);
}

#[test]
fn empty_input_is_one_clear_error() {
    for text in ["", "\n\n", "\u{feff}"] {
        let roster = read(text);
        assert_eq!(roster.errors.len(), 1, "{text:?}");
        assert_eq!(roster.errors[0].code, "empty");
    }
}

#[test]
fn windows_1252_bytes_are_read() {
    let roster = parse_bytes(b"Pseudo;Abonn\xe9s\nL\xe9a;1200\n", &fr());
    assert_eq!(roster.errors, vec![]);
    assert_eq!(roster.rows[0].handle, "Léa");
    assert_eq!(roster.notes, vec!["windows1252"]);
}

#[test]
fn engagement_outside_the_band_is_flagged() {
    // At 10,000 followers the curve expects 2.5 %, from 1.25 % to 4 %.
    let roster = read("handle,followers,er\nquiet,10000,0.5%\nnormal,10000,2.5%\npod,10000,9%\nunknown,10000,\n");
    let flags: Vec<Vec<&str>> = roster.rows.iter().map(|r| r.flags.to_vec()).collect();
    assert_eq!(flags, vec![vec!["lowEngagement"], vec![], vec!["highEngagement"], vec![]]);
    let band = roster.rows[0].expected_engagement;
    assert!((band.low - 0.0125).abs() < 1e-12 && (band.high - 0.04).abs() < 1e-12, "{band:?}");
}

#[test]
fn duplicates_and_accounts_below_every_tier_are_flagged() {
    let scheme = preset("imh").unwrap();
    let roster = parse("handle,followers\n@Alice,5000\nbob,300\nalice,6000\n", &scheme);
    assert!(roster.rows[0].flags.is_empty());
    assert_eq!(roster.rows[2].flags.to_vec(), vec!["duplicate"]);
    let below_every_tier = scheme.tiers[0].min_followers > 300;
    assert_eq!(roster.rows[1].flags.contains("belowTiers"), below_every_tier);
}

#[test]
fn html_in_cells_is_kept_as_text() {
    let roster = read("handle,followers\n\"<img src=x onerror=alert(1)>\",5000\n=cmd|' /C calc'!A0,6000\n");
    assert_eq!(roster.rows[0].handle, "<img src=x onerror=alert(1)>");
    assert_eq!(roster.rows[1].handle, "=cmd|' /C calc'!A0");
}

#[test]
fn too_many_rows_are_reported_not_dropped() {
    let mut text = String::from("handle,followers\n");
    for i in 0..MAX_ROWS + 5 {
        text.push_str(&format!("a{i},1000\n"));
    }
    let roster = read(&text);
    assert_eq!(roster.rows.len(), MAX_ROWS);
    let last = roster.errors.last().unwrap();
    assert_eq!((last.code, last.line), ("tooManyRows", MAX_ROWS as u32 + 2));
}

#[test]
fn old_mac_line_endings_keep_their_line_numbers() {
    let roster = read("handle,followers\ralice,100\rbob,lots\rcarol,300\r");
    assert_eq!(roster.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 4]);
    assert_eq!(roster.errors[0].line, 3);
}

/// The pick uses a candidate's rates as they come: no clamp is needed, because the curves stay
/// within 0…1 at every size a candidate may have and an override is kept within its domain.
#[test]
fn candidate_shares_stay_within_zero_and_one() {
    let shares = [Quantity::ReachRate, Quantity::EngagementRate, Quantity::RealShare, Quantity::Persuasion, Quantity::AudienceFit];
    let plain = crate::scenario::Scenario::defaults().unwrap();
    let json = r#"{"overrides": {"*": {"reachRate": 1, "engagementRate": 1, "realShare": 1, "persuasion": 1, "audienceFit": 1}}}"#;
    let high = crate::scenario::Scenario::from_value(&serde_json::from_str(json).unwrap()).unwrap();
    for followers in [1.0, 7.0, 100.0, 1e4, 1e6, crate::limits::MAX_FOLLOWERS as f64] {
        for s in [&plain, &high] {
            for a in &s.assumptions {
                for q in shares {
                    let v = candidate_value(q, followers, a);
                    assert!((0.0..=1.0).contains(&v), "{} at {followers}: {v}", q.id());
                }
            }
        }
    }
}

/// Audience fit has no curve: a candidate without one in the file takes its tier's value, as
/// the scenario sets it, at any size.
#[test]
fn an_absent_audience_fit_is_the_tiers() {
    let json = r#"{"overrides": {"micro": {"audienceFit": 0.4}}}"#;
    let s = crate::scenario::Scenario::from_value(&serde_json::from_str(json).unwrap()).unwrap();
    for followers in [1.0, 15_000.0, 1e6] {
        let fits: Vec<f64> = s.assumptions.iter().map(|a| candidate_value(Quantity::AudienceFit, followers, a)).collect();
        assert_eq!(fits, [1.0, 0.4, 1.0], "at {followers}");
    }
}

#[test]
fn a_fit_column_reaches_the_rows_as_given_or_not() {
    let roster = read("Pseudo;Abonnés;Adéquation audience\na;5000;35 %\nb;5000;\nc;5000;0,35\n");
    assert_eq!(roster.errors, vec![]);
    assert_eq!(roster.rows.iter().map(|r| r.audience_fit).collect::<Vec<_>>(), vec![Some(0.35), None, Some(0.35)]);
    // A fit is the file's or nobody's: nothing is estimated for it.
    assert!(roster.rows.iter().all(|r| r.estimated.to_vec() == ["engagementRate", "fee"]));
    assert_eq!(roster.columns.last().map(|c| (c.column, c.header.as_str())), Some(("audienceFit", "Adéquation audience")));
    let wrong = read("handle,followers,match\na,5000,120 %\n");
    assert_eq!(messages(&wrong), vec![(2, "audience fit \"120 %\" is over 100 %")]);
}
