//! The binding as JavaScript sees it, run in headless Chromium by wasm-bindgen-test:
//! plain objects out, a JS `Error` naming the field for bad input, and a module that still
//! answers after every error.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::{Array, Float64Array, Object, Reflect, JSON};
use tiermix::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn message(error: JsValue) -> String {
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    String::from(error.message())
}

#[wasm_bindgen_test]
fn compare_returns_plain_objects_with_every_mix() {
    let result = wasm::compare(json(r#"{"budget": 20000}"#)).unwrap();
    let mixes: Array = get(&result, "mixes").dyn_into().unwrap();
    assert_eq!(mixes.length(), 5, "three single-tier mixes, the scenario's mix, the optimum");
    let first = mixes.get(0);
    assert_eq!(Object::get_prototype_of(&first), Object::get_prototype_of(&Object::new()));
    assert_eq!(get(&first, "influencers").as_f64(), Some(143.0));
    assert_eq!(get(&get(&first, "label"), "en").as_string().as_deref(), Some("Nano only"));
}

#[wasm_bindgen_test]
fn ratios_without_a_denominator_are_null() {
    let outcome = wasm::evaluate(json(r#"{"budget": 0}"#)).unwrap();
    assert!(get(&outcome, "roi").is_null());
    assert!(get(&outcome, "costPerConversion").is_null());
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_naming_the_field_and_the_module_still_answers() {
    let cases = [
        (r#"{"budget": -5}"#, "budget must be a finite number from 0 to 1000000000000 (got -5)"),
        (r#"{"budget": "a lot"}"#, "budget must be a number (got \"a lot\")"),
        (r#"{"mix": {"shares": {"micro": 0.9, "macro": 0.3}}}"#, "mix.shares must add up to at most 1"),
        (r#"{"scheme": "nope"}"#, "scheme must be a preset id"),
        (r#"{"overrides": {"micro": {"fee": -1}}}"#, "overrides.micro.fee must be an amount"),
    ];
    for (input, expected) in cases {
        let error = wasm::evaluate(json(input)).unwrap_err();
        let text = message(error);
        assert!(text.starts_with(expected), "{text}");
        assert!(wasm::evaluate(json("{}")).is_ok(), "the module must still answer after {input}");
    }
}

#[wasm_bindgen_test]
fn nan_and_infinity_are_reported_as_javascript_prints_them() {
    let scenario = Object::new();
    Reflect::set(&scenario, &"budget".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    assert!(message(wasm::evaluate(scenario.into()).unwrap_err()).ends_with("(got NaN)"));
    let scenario = Object::new();
    Reflect::set(&scenario, &"audience".into(), &JsValue::from_f64(f64::INFINITY)).unwrap();
    assert!(message(wasm::evaluate(scenario.into()).unwrap_err()).ends_with("(got Infinity)"));
}

#[wasm_bindgen_test]
fn functions_and_cycles_are_refused_not_trapped() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"mix".into(), &cyclic).unwrap();
    assert_eq!(
        message(wasm::evaluate(cyclic.into()).unwrap_err()),
        "scenario.mix refers back to an object that contains it (a cycle)"
    );
    let with_function = Object::new();
    Reflect::set(&with_function, &"budget".into(), &js_sys::Function::new_no_args("return 1")).unwrap();
    let error = message(wasm::evaluate(with_function.into()).unwrap_err());
    assert!(error.starts_with("scenario.budget must be a number") && error.ends_with("(got a function)"), "{error}");
    assert!(wasm::compare(json("{}")).is_ok());
}

/// A value made by JavaScript source, for what JSON cannot hold.
fn js(source: &str) -> JsValue {
    js_sys::Function::new_no_args(source).call0(&JsValue::NULL).unwrap()
}

#[wasm_bindgen_test]
fn what_reading_an_argument_throws_comes_back_as_an_error_and_the_module_survives() {
    let expected = wasm::evaluate(json(r#"{"budget": 20000}"#)).unwrap();
    let getter = js("return { get budget() { throw new Error('boom'); } }");
    let revoked = js("const p = Proxy.revocable({}, {}); p.revoke(); return { mix: p.proxy }");
    let trap = js("return new Proxy({}, { ownKeys() { throw Symbol('keys'); } })");
    // The module used to die after a few hundred of these.
    for _ in 0..3000 {
        assert_eq!(message(wasm::evaluate(getter.clone()).unwrap_err()), "scenario.budget could not be read: it threw \"boom\"");
        let error = message(wasm::compare(revoked.clone()).unwrap_err());
        assert!(error.starts_with("scenario.mix could not be read: it threw \"Cannot perform"), "{error}");
        let error = message(wasm::optimize(json("{}"), trap.clone()).unwrap_err());
        assert_eq!(error, "goal could not be read: it threw a value that is not an Error");
    }
    let again = wasm::evaluate(json(r#"{"budget": 20000}"#)).unwrap();
    assert_eq!(JSON::stringify(&again).unwrap(), JSON::stringify(&expected).unwrap());
}

#[wasm_bindgen_test]
fn the_limits_the_reader_states_are_the_ones_it_applies() {
    let error = message(wasm::evaluate(json(&format!(r#"{{"mix": {}}}"#, "[".repeat(40) + &"]".repeat(40)))).unwrap_err());
    assert!(error.ends_with(&format!("is too deep: input may be nested at most {} levels", tiermix::limits::MAX_DEPTH)), "{error}");
    // A plain list is read a count at a time, a Float64Array at once: each is held to its own
    // limit, which passes and is refused one past, before a single item is read.
    let error = message(wasm::classify_many(js("return new Array(10000001)"), JsValue::UNDEFINED).unwrap_err());
    assert_eq!(error, "followers may hold at most 200000 counts (a Float64Array 10000000) (got 10000001)");
    assert_eq!(wasm::classify_many(js("return new Array(200000).fill(5000)"), JsValue::UNDEFINED).unwrap().len(), 200_000);
    let error = message(wasm::classify_many(js("return new Array(200001).fill(5000)"), JsValue::UNDEFINED).unwrap_err());
    assert!(error.starts_with("followers may hold at most 200000 counts"), "{error}");
    let error = message(wasm::classify_many(Float64Array::new_with_length(10_000_001).into(), JsValue::UNDEFINED).unwrap_err());
    assert_eq!(error, "followers may hold at most 10000000 counts (got 10000001)");
    assert_eq!(
        wasm::classify_many(Float64Array::new_with_length(10_000_000).into(), JsValue::UNDEFINED).unwrap().len(),
        10_000_000
    );
    let tiers = |n: usize| {
        js(&format!("return {{ tiers: Array.from({{ length: {n} }}, (_, i) => ({{ id: 't' + i, minFollowers: i }})) }}"))
    };
    let most = tiermix::limits::MAX_TIERS;
    assert!(wasm::classify(JsValue::from_f64(5.0), tiers(most)).is_ok());
    let error = message(wasm::classify(JsValue::from_f64(5.0), tiers(most + 1)).unwrap_err());
    assert_eq!(error, format!("scheme.tiers may list at most {most} tiers (got {})", most + 1));
    // Any other list, and all the fields of an argument, share one bound of 10,000 values.
    let error = message(wasm::evaluate(js("return { overrides: { micro: { fee: new Array(10000) } } }")).unwrap_err());
    assert_eq!(error, "scenario.overrides.micro.fee is past the 10000 values (fields and items) an argument may hold (got 10000)");
    let error = message(wasm::evaluate(js("return { overrides: { micro: { fee: new Array(9990) } } }")).unwrap_err());
    assert!(error.starts_with("overrides.micro.fee must be an amount") && error.ends_with("(got a list)"), "{error}");
}

#[wasm_bindgen_test]
fn classify_handles_edges_and_bad_counts() {
    let tier = |n: f64| get(&wasm::classify(JsValue::from_f64(n), JsValue::UNDEFINED).unwrap(), "tier");
    assert_eq!(tier(999.0).as_string().as_deref(), Some("nano"));
    assert_eq!(tier(1000.0).as_string().as_deref(), Some("micro"));
    assert_eq!(tier(100_000.0).as_string().as_deref(), Some("micro"));
    assert_eq!(tier(100_001.0).as_string().as_deref(), Some("macro"));
    let below = wasm::classify(JsValue::from_f64(10.0), "imh".into()).unwrap();
    assert!(get(&below, "tier").is_null() && get(&below, "index").is_null());
    let error = wasm::classify(JsValue::from_f64(-1.0), JsValue::UNDEFINED).unwrap_err();
    assert!(message(error).starts_with("followers must be a whole number"));
}

#[wasm_bindgen_test]
fn classify_many_takes_typed_arrays_and_lists() {
    let typed = Float64Array::from(&[0.0, 999.0, 1000.0, 100_001.0][..]);
    assert_eq!(wasm::classify_many(typed.into(), JsValue::UNDEFINED).unwrap(), vec![0, 0, 1, 2]);
    assert_eq!(wasm::classify_many(json("[500, 2000]"), "imh".into()).unwrap(), vec![-1, 0]);
    let error = wasm::classify_many(json(r#"[1, "x"]"#), JsValue::UNDEFINED).unwrap_err();
    assert!(message(error).starts_with("followers[1] must be a number"));
}

#[wasm_bindgen_test]
fn custom_schemes_are_validated() {
    let error = wasm::classify(
        JsValue::from_f64(5.0),
        json(r#"{"tiers": [{"id": "a", "minFollowers": 10}, {"id": "b", "minFollowers": 5}]}"#),
    )
    .unwrap_err();
    assert!(message(error).starts_with("scheme.tiers[1].minFollowers must be greater"));
}

#[wasm_bindgen_test]
fn assumptions_carry_ranges_and_sources() {
    let report = wasm::assumptions(json("{}")).unwrap();
    let tiers: Array = get(&report, "tiers").dyn_into().unwrap();
    let fee = get(&tiers.get(1), "fee");
    assert!((get(&fee, "typical").as_f64().unwrap() - 100.0).abs() < 0.01);
    assert!(get(&get(&fee, "source"), "url").as_string().unwrap().starts_with("https://"));
    assert!(get(&get(&report, "globals"), "budget").is_object());
}

#[wasm_bindgen_test]
fn rosters_cross_the_boundary_as_plain_rows_and_pick_from_them() {
    let text = JsValue::from_str("pseudo;abonnés;taux d'engagement\n@léa;12 500;3,4 %\n<img src=x>;800;\nbad;lots;\n");
    let roster = wasm::parse_roster(text, JsValue::UNDEFINED).unwrap();
    let rows: Array = get(&roster, "rows").dyn_into().unwrap();
    assert_eq!(rows.length(), 2);
    let first = rows.get(0);
    assert_eq!(get(&first, "handle").as_string().unwrap(), "@léa");
    assert_eq!(get(&first, "tier").as_string().unwrap(), "micro");
    assert_eq!(Object::get_prototype_of(&first), Object::get_prototype_of(&Object::new()));
    assert_eq!(get(&rows.get(1), "handle").as_string().unwrap(), "<img src=x>");
    let errors: Array = get(&roster, "errors").dyn_into().unwrap();
    assert_eq!(get(&errors.get(0), "line").as_f64(), Some(4.0));
    let pick = wasm::pick_roster(roster, json(r#"{"budget": 5000}"#), json(r#"{"objective": "reach"}"#)).unwrap();
    assert_eq!(get(&pick, "exact").as_bool(), Some(true));
    let error = wasm::pick_roster(JsValue::from_f64(3.0), json(r#"{"budget": 5000}"#), JsValue::UNDEFINED).unwrap_err();
    assert!(message(error).starts_with("roster must be the result of parseRoster"));
    assert!(wasm::presets().is_ok());
}

/// Where `a`, from the tape (src/wasm/tape.rs, tape.js), and `b`, from serde-wasm-bindgen, which
/// the binding used before, first differ ("" if nowhere): values by `Object.is` (−0 is not 0,
/// NaN is NaN), lists and objects by prototype, keys in order, and items.
fn difference(a: &JsValue, b: &JsValue) -> String {
    let compare = js_sys::Function::new_with_args(
        "a, b",
        "const show = (v) => (Object.is(v, -0) ? '-0' : String(v));
         const at = (a, b, path) => {
           if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
             return Object.is(a, b) ? '' : `${path}: ${show(a)} against ${show(b)}`;
           if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: another prototype`;
           const keys = Object.keys(a);
           if (keys.join('\\u0000') !== Object.keys(b).join('\\u0000')) return `${path}: keys ${keys} against ${Object.keys(b)}`;
           for (const key of keys) { const d = at(a[key], b[key], `${path}.${key}`); if (d) return d; }
           return '';
         };
         return at(a, b, 'answer');",
    );
    compare.call2(&JsValue::NULL, a, b).unwrap().as_string().unwrap()
}

fn reference<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true))
}

fn assert_same<T: serde::Serialize + ?Sized>(value: &T) {
    let tape = wasm::tape::write(value).unwrap();
    assert_eq!(difference(&tape, &reference(value).unwrap()), "");
}

fn scenario(text: &str) -> tiermix::scenario::Scenario {
    tiermix::scenario::Scenario::from_value(&serde_wasm_bindgen::from_value(json(text)).unwrap()).unwrap()
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
enum Kind {
    Plain,
    Wrapped(f64),
    Pair(u32, Option<String>),
    Named { inner: Vec<Inner>, flag: bool },
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Inner {
    text: &'static str,
    low_high: (f64, f64),
    #[serde(skip_serializing_if = "Option::is_none")]
    maybe: Option<i64>,
}

#[derive(serde::Serialize)]
struct Unit;
#[derive(serde::Serialize)]
struct Newtype(f32);

/// Every shape serde can ask the tape for, with the values a decoder could get wrong.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Edges {
    nested: Vec<Vec<f64>>,
    absent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<f64>,
    present: Option<&'static str>,
    text: std::borrow::Cow<'static, str>,
    long_text: String,
    empty: String,
    seed: u64,
    small: (u32, i64, i8, f32, bool, bool, char, char),
    unit: (),
    kinds: Vec<Kind>,
    map: std::collections::BTreeMap<String, Option<u8>>,
    many_keys: std::collections::BTreeMap<String, u16>,
    empty_list: Vec<f64>,
    empty_object: std::collections::BTreeMap<String, u8>,
    unit_struct: Unit,
    newtype: Newtype,
    deep: Vec<Vec<Vec<Inner>>>,
}

#[wasm_bindgen_test]
fn the_tape_hands_over_every_shape_exactly_as_serde_wasm_bindgen() {
    let inner = |text, maybe| Inner { text, low_high: (-0.0, 5e-324), maybe };
    let edges = Edges {
        nested: vec![vec![], vec![-0.0, 0.0, 1e-300, -1e300], vec![9_007_199_254_740_991.0, f64::MAX, f64::MIN_POSITIVE, 5e-324]],
        absent: None,
        skipped: None,
        present: Some("é \"quoted\" 'single' \\ back\nline \u{1F600} <b>&amp;</b> \u{0} end"),
        text: std::borrow::Cow::Borrowed("Beauté ☕"),
        long_text: format!("{}𝄞{}", "x".repeat(200), "é".repeat(20_000)),
        empty: String::new(),
        seed: (1 << 53) - 1,
        small: (u32::MAX, -((1 << 53) - 1), i8::MIN, 0.1, true, false, 'é', '😀'),
        unit: (),
        kinds: vec![
            Kind::Plain,
            Kind::Wrapped(f64::NAN),
            Kind::Pair(7, None),
            Kind::Named { inner: vec![inner("a", Some(-3)), inner("", None)], flag: true },
        ],
        // Integer-like keys: JavaScript lists them first, whoever sets them.
        map: [("text", Some(1)), ("10", None), ("2", Some(255)), ("é\"", Some(0)), ("__x", None)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        // Past 127 keys, a key's number takes two bytes.
        many_keys: (0..300).map(|i| (format!("key{i}"), i)).collect(),
        empty_list: vec![],
        empty_object: std::collections::BTreeMap::new(),
        unit_struct: Unit,
        newtype: Newtype(-0.0),
        deep: vec![vec![], vec![vec![], vec![inner("deep", Some(1 << 40)), inner("deeper", None)]]],
    };
    assert_same(&edges);
    assert_same(&(0..1000).map(|i| f64::from(i) / 7.0).chain([f64::INFINITY, f64::NEG_INFINITY]).collect::<Vec<_>>());
    assert_same(&("a string alone", None::<u8>));
}

#[wasm_bindgen_test]
fn every_kind_of_answer_comes_out_as_serde_wasm_bindgen_made_it() {
    use tiermix::{optimize, uncertainty};
    assert_same(&tiermix::tiers::presets());
    for text in
        [r#"{"budget": 0}"#, r#"{"budget": 20000}"#, r#"{"budget": 500000, "scheme": "traackr", "goal": {"objective": "blend"}}"#]
    {
        let s = scenario(text);
        assert_same(&tiermix::scenario::report(&s));
        assert_same(&tiermix::model::evaluate(&s).unwrap());
        assert_same(&tiermix::compare::compare(&s).unwrap());
        assert_same(&optimize::optimize(&s, &s.goal).unwrap());
        assert_same(&optimize::frontier(&s, &s.goal, 9).unwrap());
        assert_same(&optimize::response_curves(&s, &s.goal, &[0.0, 1000.0, 1e6]).unwrap());
        // Beats are lists of lists; the seed is the largest JavaScript holds exactly.
        let settings = uncertainty::Settings { draws: 200, seed: (1 << 53) - 1 };
        assert_same(&uncertainty::simulate(&s, settings).unwrap());
        assert_same(&uncertainty::sensitivity(&s).unwrap());
        assert_same(&tiermix::switching::switching_values(&s).unwrap());
    }
    let s = scenario(r#"{"budget": 5000}"#);
    let bytes = "pseudo;abonnés;taux d'engagement;plateforme\n@léa;12 500;3,4 %;Insta\n\"a;b\";800;;\nbad;lots;;\n".as_bytes();
    let (sheet, completions) = tiermix::roster::read_bytes_completed(bytes, &s.scheme);
    assert_same(&sheet.reading);
    let candidates: Vec<_> = completions
        .iter()
        .zip(&sheet.rows)
        .enumerate()
        .map(|(i, (c, row))| {
            let raw = tiermix::roster::pick::Raw {
                line: Some(f64::from(row.line)),
                followers: Some(row.followers),
                fee: Some(c.fee),
                engagement_rate: Some(c.engagement_rate),
                audience_fit: row.audience_fit,
            };
            tiermix::roster::pick::Candidate::new(&format!("roster[{i}]"), raw).unwrap()
        })
        .collect();
    assert_same(&tiermix::roster::pick(&s, &candidates, &s.goal).unwrap());
}

/// `compareMixes`' answer as serde-wasm-bindgen would make it.
#[derive(serde::Serialize)]
struct Mixes<'a> {
    mixes: &'a [tiermix::model::Outcome],
}

/// The outcomes' records (src/wasm/tape/outcome.rs) give what serde-wasm-bindgen gives, as a
/// list and one by one.
fn assert_same_outcomes(outcomes: &[tiermix::model::Outcome]) {
    let list = wasm::tape::write_outcomes(outcomes, false).unwrap();
    assert_eq!(difference(&list, &reference(&Mixes { mixes: outcomes }).unwrap()), "");
    for outcome in outcomes {
        let one = wasm::tape::write_outcomes(std::slice::from_ref(outcome), true).unwrap();
        assert_eq!(difference(&one, &reference(outcome).unwrap()), "");
    }
}

#[wasm_bindgen_test]
fn outcomes_go_as_records_exactly_as_serde_wasm_bindgen_hands_them_over() {
    use std::borrow::Cow;
    for text in [
        r#"{"budget": 0}"#,
        r#"{"budget": 20000}"#,
        r#"{"budget": 500000, "scheme": "traackr", "goal": {"objective": "blend"}}"#,
        r#"{"budget": 5000, "mix": {"counts": {"nano": 2, "micro": 1}}}"#,
        r#"{"budget": 1e8, "mix": {"counts": {"macro": 3}}}"#,
    ] {
        assert_same_outcomes(&tiermix::compare::mixes(&scenario(text)).unwrap());
    }
    // What the model rarely or never gives, where a record could go wrong: texts of every
    // width, as long as the last answer's but not the same, −0, NaN, both infinities, the
    // extremes, no tiers at all.
    let mut edge = tiermix::model::evaluate(&scenario(r#"{"budget": 20000}"#)).unwrap();
    edge.label = tiermix::sources::Label { en: Cow::Owned("Beauté ☕ 😀 \"x\"".into()), fr: Cow::Borrowed("") };
    edge.tier = Some("é😀".into());
    edge.capped = true;
    (edge.influencers, edge.spend, edge.reach, edge.overlap) = (u32::MAX, -0.0, f64::NAN, 5e-324);
    (edge.frequency, edge.roi, edge.cost_per_engagement) = (Some(f64::INFINITY), Some(f64::NEG_INFINITY), Some(-0.0));
    edge.tiers[0].fee_per_thousand_views = Some(f64::MAX);
    edge.tiers[1].tier = "ab".repeat(200);
    let mut swapped = edge.clone();
    swapped.tiers[1].tier = "ba".repeat(200);
    let mut bare = edge.clone();
    bare.tiers.clear();
    assert_same_outcomes(&[edge.clone(), swapped, edge.clone(), bare]);
    // Each optional number alone absent, the others present and told apart, so that a null
    // read from another one's bit shows.
    let mut alone = Vec::new();
    for i in 0..5 {
        let mut o = edge.clone();
        let mut fields = [
            &mut o.frequency,
            &mut o.roi,
            &mut o.cost_per_thousand_reached,
            &mut o.cost_per_engagement,
            &mut o.cost_per_conversion,
        ];
        for (j, field) in fields.iter_mut().enumerate() {
            **field = (i != j).then_some(j as f64 + 0.5);
        }
        alone.push(o);
    }
    for i in 0..3 {
        let mut o = edge.clone();
        for (k, tier) in o.tiers.iter_mut().enumerate() {
            let mut fields = [&mut tier.allotted, &mut tier.fee_per_thousand_views, &mut tier.fee_per_engagement];
            for (j, field) in fields.iter_mut().enumerate() {
                **field = (i != j || k != 1).then_some((10 * k + j) as f64 + 0.25);
            }
        }
        alone.push(o);
    }
    assert_same_outcomes(&alone);
    // A tier that is there but empty; the same bytes of text cut otherwise than the last
    // answer's; a text past what tape.js keeps of the last answer; a tape between records.
    let mut empty_tier = edge.clone();
    empty_tier.tier = Some(String::new());
    let with_labels = |en: &'static str, fr: &'static str| {
        let mut o = edge.clone();
        o.label = tiermix::sources::Label::fixed(en, fr);
        o
    };
    assert_same_outcomes(&[empty_tier, with_labels("ab", "c")]);
    assert_same_outcomes(&[with_labels("a", "bc")]);
    assert_same_outcomes(&[with_labels("", "abc")]);
    // …and a cut as long as the last answer's at the same turn, from another place.
    let with_tiers = |tier: &str, first: &str, second: &str| {
        let mut o = edge.clone();
        o.tier = Some(tier.into());
        (o.tiers[0].tier, o.tiers[1].tier) = (first.into(), second.into());
        o
    };
    assert_same_outcomes(&[with_tiers("a", "bb", "c")]);
    assert_same_outcomes(&[with_tiers("", "ab", "bc")]);
    let mut long = edge.clone();
    long.label.en = Cow::Owned("é".repeat(40_000));
    assert_same_outcomes(&[long.clone()]);
    assert_same(&long);
    assert_same_outcomes(&[long, edge.clone()]);
    assert_same(&edge);
    assert_same_outcomes(&[edge]);
    // An optimum has more fields than a record: refused, and the next answer is whole.
    let s = scenario(r#"{"budget": 20000}"#);
    let optimum = tiermix::optimize::optimize(&s, &s.goal).unwrap();
    assert!(message(wasm::tape::write_outcomes(&[optimum], false).unwrap_err()).contains("optimum"));
    assert_same_outcomes(&tiermix::compare::mixes(&s).unwrap());
}

/// Asks for bytes, which neither converter hands over as a number.
struct Bytes;
impl serde::Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&[1, 2])
    }
}

/// Names first met in an answer that is refused after them: the key table must forget them.
#[derive(serde::Serialize)]
struct Late {
    never_seen_before: u32,
    then: u64,
}

#[wasm_bindgen_test]
fn what_javascript_cannot_hold_is_an_error_and_the_module_still_answers() {
    let expected = JSON::stringify(&wasm::compare(json(r#"{"budget": 20000}"#)).unwrap()).unwrap();
    let past = [1u64 << 53];
    let keyed: std::collections::BTreeMap<u32, f64> = [(1, 2.0)].into_iter().collect();
    for _ in 0..100 {
        // serde-wasm-bindgen refuses the same whole number.
        assert!(reference(&past).is_err());
        let error = message(wasm::tape::write(&past).unwrap_err());
        assert_eq!(error, "answer holds a whole number past 2^53 - 1, which JavaScript cannot hold exactly");
        assert!(message(wasm::tape::write(&Late { never_seen_before: 1, then: u64::MAX }).unwrap_err()).contains("2^53"));
        assert!(message(wasm::tape::write(&[i64::MIN]).unwrap_err()).contains("2^53"));
        assert!(message(wasm::tape::write(&keyed).unwrap_err()).contains("key is not text"));
        assert!(message(wasm::tape::write(&Bytes).unwrap_err()).contains("bytes"));
        assert!(message(wasm::tape::write(&1u128).unwrap_err()).contains("128-bit"));
    }
    assert_same(&Late { never_seen_before: 2, then: 3 });
    let again = JSON::stringify(&wasm::compare(json(r#"{"budget": 20000}"#)).unwrap()).unwrap();
    assert_eq!(again, expected);
}
