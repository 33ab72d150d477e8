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
