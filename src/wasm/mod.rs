//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Every function copies its plain JS arguments into the core's input tree, calls the core,
//! and converts the answer back with serde-wasm-bindgen into plain objects (never `Map`s; a
//! missing ratio becomes `null`). Every error becomes a JS `Error` whose message names the
//! field; nothing here can trap, so the module stays usable after any input.

use crate::error::Error;
use crate::input::{self, Value, MAX_DEPTH};
use crate::scenario::{self, Scenario};
use crate::goal::Goal;
use crate::{model, optimize, roster, tiers};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Talc instead of the default dlmalloc: the same job in a fraction of the module bytes.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The most follower counts one `classifyMany` call takes (80 MB of input).
const MAX_BATCH: u32 = 10_000_000;

type JsResult = Result<JsValue, JsValue>;

/// Turns a core error into a JS `Error`. JavaScript prints the offending number, so the module
/// carries no float-formatting code.
fn js_error(error: Error) -> JsValue {
    let message = error.message_with(|n| {
        js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_else(|_| "a number".to_owned())
    });
    let js = js_sys::Error::new(&message);
    // The path on its own, so a page can point at the input without parsing the message.
    let _ = js_sys::Reflect::set(&js, &"field".into(), &error.field.as_str().into());
    js.into()
}

/// Copies a JS value into the core's input tree.
///
/// This walker replaces serde-wasm-bindgen's deserializer on the way *in*: that deserializer
/// reports type mismatches through serde's `Unexpected`, whose `Display` links Rust's float
/// formatter (about 15 KB of the module). Type errors are the core's job anyway, with the path.
fn read(field: &str, value: &JsValue) -> Result<Value, JsValue> {
    to_value(value, 0).ok_or_else(|| {
        js_error(Error::new(
            field,
            format!("must hold only numbers, text, true/false, lists and plain objects (not Maps or class instances), nested at most {MAX_DEPTH} levels deep"),
        ))
    })
}

/// `None` for what no input holds: functions, symbols, big integers, cycles (by depth).
fn to_value(value: &JsValue, depth: usize) -> Option<Value> {
    if value.is_undefined() || value.is_null() {
        return Some(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Some(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Some(Value::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Some(Value::Text(s));
    }
    if depth >= MAX_DEPTH || !value.is_object() || value.is_function() {
        return None;
    }
    let array = js_sys::Array::is_array(value);
    // A Map, a Date or a class instance would read as an empty object and silently fall back
    // to the defaults: only plain objects are input.
    if !array {
        let prototype = js_sys::Object::get_prototype_of(value);
        if !prototype.is_null() && prototype != js_sys::Object::get_prototype_of(&js_sys::Object::new()) {
            return None;
        }
    }
    let items = if array { js_sys::Array::from(value) } else { js_sys::Object::entries(value.unchecked_ref()) };
    let mut list = Vec::with_capacity(items.length() as usize);
    let mut entries = Vec::new();
    for item in items.iter() {
        if array {
            list.push(to_value(&item, depth + 1)?);
        } else {
            let pair: js_sys::Array = item.unchecked_into();
            entries.push((pair.get(0).as_string()?, to_value(&pair.get(1), depth + 1)?));
        }
    }
    Some(if array { Value::List(list) } else { Value::Object(entries) })
}

fn write<T: Serialize>(value: &T) -> JsResult {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| js_sys::Error::new(&String::from(js_sys::JsString::from(JsValue::from(e)))).into())
}

fn scenario(value: &JsValue) -> Result<Scenario, JsValue> {
    Scenario::from_value(&read("scenario", value)?).map_err(js_error)
}

fn scheme(value: &JsValue) -> Result<tiers::TierScheme, JsValue> {
    let value = read("scheme", value)?;
    tiers::TierScheme::from_value("scheme", Some(&value)).map_err(js_error)
}

/// Every preset tier scheme with its source.
#[wasm_bindgen]
pub fn presets() -> JsResult {
    write(&tiers::presets())
}

#[derive(Serialize)]
struct Classified<'a> {
    tier: Option<&'a str>,
    index: Option<usize>,
}

/// The tier of one follower count: `{ tier, index }`, both `null` below every tier.
#[wasm_bindgen]
pub fn classify(followers: JsValue, scheme_value: JsValue) -> JsResult {
    let scheme = scheme(&scheme_value)?;
    let count = tiers::followers_from_value("followers", &read("followers", &followers)?).map_err(js_error)?;
    let index = scheme.classify(count);
    let tier = index.and_then(|i| scheme.tiers.get(i)).map(|t| t.id.as_ref());
    write(&Classified { tier, index })
}

/// Tier indices (−1 below every tier) of a `Float64Array` or list of follower counts.
#[wasm_bindgen(js_name = classifyMany)]
pub fn classify_many(followers: JsValue, scheme_value: JsValue) -> Result<Vec<i32>, JsValue> {
    let scheme = scheme(&scheme_value)?;
    let counts: Vec<f64> = match followers.dyn_ref::<js_sys::Float64Array>() {
        Some(typed) if typed.length() <= MAX_BATCH => typed.to_vec(),
        Some(typed) => {
            return Err(js_error(
                Error::new("followers", format!("may hold at most {MAX_BATCH} counts"))
                    .got_number(f64::from(typed.length())),
            ))
        }
        // A plain list goes through the input tree, so a stray string is named by position.
        None => match read("followers", &followers)? {
            Value::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| input::number(&format!("followers[{i}]"), item))
                .collect::<Result<_, _>>()
                .map_err(js_error)?,
            other => {
                return Err(js_error(
                    Error::new("followers", "must be a Float64Array or a list of numbers").got(other.describe()),
                ))
            }
        },
    };
    tiers::classify_many(&scheme, &counts).map_err(js_error)
}

/// Every assumption of the scenario after its overrides, with its range and source.
#[wasm_bindgen]
pub fn assumptions(scenario_value: JsValue) -> JsResult {
    write(&scenario::report(&scenario(&scenario_value)?))
}

/// The outcome of the scenario's mix.
#[wasm_bindgen]
pub fn evaluate(scenario_value: JsValue) -> JsResult {
    write(&model::evaluate(&scenario(&scenario_value)?).map_err(js_error)?)
}

#[derive(Serialize)]
struct Comparison {
    mixes: Vec<model::Outcome>,
}

/// Every single-tier mix and the scenario's own mix, side by side.
#[wasm_bindgen]
pub fn compare(scenario_value: JsValue) -> JsResult {
    write(&Comparison { mixes: model::compare(&scenario(&scenario_value)?).map_err(js_error)? })
}

/// Reads a goal argument; absent means the scenario's own goal.
fn goal(value: &JsValue, scenario: &Scenario) -> Result<Goal, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(scenario.goal.clone());
    }
    Goal::from_value("goal", Some(&read("goal", value)?), &scenario.scheme).map_err(js_error)
}

/// The best whole-influencer mix for a goal, with the limits that bind and any budget left.
#[wasm_bindgen]
pub fn optimize(scenario_value: JsValue, goal_value: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let goal = goal(&goal_value, &scenario)?;
    write(&optimize::optimize(&scenario, &goal).map_err(js_error)?)
}

/// The most points a frontier or a response curve is computed at.
const MAX_POINTS: u32 = 201;

/// The optimum from λ = 0 (reach) to λ = 1 (persuasion), under the scenario goal's limits.
#[wasm_bindgen]
pub fn frontier(scenario_value: JsValue, points: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let points = match read("points", &points)? {
        Value::Null => 21,
        value => input::whole_in("points", input::number("points", &value).map_err(js_error)?, 2, u64::from(MAX_POINTS))
            .map_err(js_error)? as u32,
    };
    write(&optimize::frontier(&scenario, &scenario.goal, points).map_err(js_error)?)
}

/// Reach and conversions at each budget, per single-tier mix and for the optimum.
#[wasm_bindgen(js_name = responseCurves)]
pub fn response_curves(scenario_value: JsValue, budgets: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let Value::List(items) = read("budgets", &budgets)? else {
        return Err(js_error(Error::new("budgets", "must be a list of budgets")));
    };
    if items.is_empty() || items.len() > MAX_POINTS as usize {
        return Err(js_error(Error::new("budgets", format!("must hold from 1 to {MAX_POINTS} budgets")).got_number(items.len() as f64)));
    }
    let budgets = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let path = format!("budgets[{i}]");
            input::finite_in(&path, input::number(&path, item)?, 0.0, 1e12, "a finite number from 0 to 1000000000000")
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(js_error)?;
    write(&optimize::response_curves(&scenario, &scenario.goal, &budgets).map_err(js_error)?)
}

/// P10 / P50 / P90 of every output for every compared mix over seeded draws of every range,
/// and how often each mix beats each other one.
#[wasm_bindgen]
pub fn simulate(scenario_value: JsValue, options: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let options = read("options", &options)?;
    let settings = crate::uncertainty::Settings::from_value("options", Some(&options).filter(|v| **v != Value::Null))
        .map_err(js_error)?;
    write(&crate::uncertainty::simulate(&scenario, settings).map_err(js_error)?)
}

/// Each assumption alone at its low and high bound, for the scenario's mix.
#[wasm_bindgen]
pub fn sensitivity(scenario_value: JsValue) -> JsResult {
    write(&crate::uncertainty::sensitivity(&scenario(&scenario_value)?).map_err(js_error)?)
}

// Roster rows cross the boundary as columns (see rows.js): a row at a time through
// serde-wasm-bindgen is ten times slower than parsing them.
#[wasm_bindgen(module = "/src/wasm/rows.js")]
extern "C" {
    #[wasm_bindgen(js_name = attachRows)]
    fn attach_rows(roster: &JsValue, columns: &js_sys::Object) -> JsValue;
    #[wasm_bindgen(js_name = rosterColumns)]
    fn roster_columns(roster: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = attachHandles)]
    fn attach_handles(picked: &JsValue, roster: &JsValue) -> JsValue;
    fn utf8(text: &JsValue) -> js_sys::Uint8Array;
}

/// Bits of `marks` for rows.js: estimated values in the low two (as `roster::marks` orders
/// them), flags in the next four.
const RATE_ESTIMATED: u8 = 1;
const FEE_ESTIMATED: u8 = 2;
const FLAGS_SHIFT: u8 = 2;

/// Length of `text` in UTF-16 code units, JavaScript's string offsets.
fn utf16_len(text: &str) -> u32 {
    if text.is_ascii() {
        text.len() as u32
    } else {
        text.encode_utf16().count() as u32
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RosterWithoutRows<'a> {
    errors: &'a [roster::RowError],
    delimiter: &'static str,
    columns: &'a [roster::ColumnUse],
    ignored_columns: &'a [String],
    notes: &'a [&'static str],
    blank_lines: u32,
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

fn roster_to_js(sheet: &roster::sheet::Sheet, completions: &[roster::Completion], scheme: &tiers::TierScheme) -> JsResult {
    let meta = write(&RosterWithoutRows {
        errors: &sheet.errors,
        delimiter: sheet.delimiter,
        columns: &sheet.columns,
        ignored_columns: &sheet.ignored_columns,
        notes: &sheet.notes,
        blank_lines: sheet.blank_lines,
    })?;
    let n = sheet.rows.len();
    let (mut lines, mut followers, mut tiers_of) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut fees, mut rates, mut lows, mut highs) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut marks, mut platforms, mut topics) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let mut texts = String::new();
    let mut ends = Vec::with_capacity(n * 3);
    // Platforms and topics repeat: each label the reader shared crosses once, and rows refer to
    // it by index (found by pointer: the reader already compared the texts).
    let label_of = |text: Option<&std::rc::Rc<str>>| -> i32 {
        let Some(text) = text else { return -1 };
        // Past the reader's last label, the row carries its own text.
        sheet.labels.iter().position(|label| std::rc::Rc::ptr_eq(label, text)).map_or(-2, |index| index as i32)
    };
    let mut end = 0u32;
    for (row, c) in sheet.rows.iter().zip(completions) {
        lines.push(row.line);
        followers.push(row.followers);
        tiers_of.push(c.tier_index.map_or(-1, |t| t as i32));
        fees.push(c.fee);
        rates.push(c.engagement_rate);
        lows.push(c.expected_engagement.low);
        highs.push(c.expected_engagement.high);
        marks.push(c.flags.0 << FLAGS_SHIFT | c.estimated.0);
        let (platform, topic) = (label_of(row.platform.as_ref()), label_of(row.topic.as_ref()));
        for (text, label) in [(Some(row.handle.as_str()), -2), (row.platform.as_deref(), platform), (row.topic.as_deref(), topic)] {
            if let (Some(text), -2) = (text, label) {
                texts.push_str(text);
                end += utf16_len(text);
            }
            ends.push(end);
        }
        platforms.push(platform);
        topics.push(topic);
    }
    let label_list = js_sys::Array::new();
    for label in &sheet.labels {
        label_list.push(&JsValue::from_str(label));
    }
    let floats = |values: &[f64]| js_sys::Float64Array::from(values);
    let columns = js_sys::Object::new();
    set(&columns, "line", &js_sys::Uint32Array::from(lines.as_slice()));
    set(&columns, "followers", &floats(&followers));
    set(&columns, "tier", &js_sys::Int32Array::from(tiers_of.as_slice()));
    set(&columns, "fee", &floats(&fees));
    set(&columns, "rate", &floats(&rates));
    set(&columns, "low", &floats(&lows));
    set(&columns, "high", &floats(&highs));
    set(&columns, "marks", &js_sys::Uint8Array::from(marks.as_slice()));
    set(&columns, "platform", &js_sys::Int32Array::from(platforms.as_slice()));
    set(&columns, "topic", &js_sys::Int32Array::from(topics.as_slice()));
    set(&columns, "labels", &label_list);
    set(&columns, "texts", &JsValue::from_str(&texts));
    set(&columns, "ends", &js_sys::Uint32Array::from(ends.as_slice()));
    let ids = js_sys::Array::new();
    for tier in &scheme.tiers {
        ids.push(&JsValue::from_str(&tier.id));
    }
    set(&columns, "tierIds", &ids);
    Ok(attach_rows(&meta, &columns))
}

/// Reads a roster from a string or from a file's bytes (`Uint8Array`: UTF-8, with or without
/// a byte-order mark, else Windows-1252). Never throws for the file's content: bad rows come
/// back as errors with their line numbers.
#[wasm_bindgen(js_name = parseRoster)]
pub fn parse_roster(input: JsValue, scheme_value: JsValue) -> JsResult {
    let scheme = scheme(&scheme_value)?;
    let (sheet, completions) = if input.is_string() {
        roster::read_bytes_completed(&utf8(&input).to_vec(), &scheme)
    } else if let Some(bytes) = input.dyn_ref::<js_sys::Uint8Array>() {
        roster::read_bytes_completed(&bytes.to_vec(), &scheme)
    } else {
        return Err(js_error(
            Error::new("text", "must be the file's text or its bytes (a Uint8Array)").got(read("text", &input)?.describe()),
        ));
    };
    roster_to_js(&sheet, &completions, &scheme)
}

/// The candidates of a `parseRoster` result (or a list of rows), read column by column.
fn candidates(roster_value: &JsValue) -> Result<Vec<roster::pick::Candidate>, JsValue> {
    let columns = roster_columns(roster_value);
    if columns.is_null() || columns.is_undefined() {
        return Err(js_error(
            Error::new("roster", "must be the result of parseRoster, or a list of rows").got(read("roster", roster_value)?.describe()),
        ));
    }
    let get = |key: &str| js_sys::Reflect::get(&columns, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let floats = |key: &str| get(key).dyn_into::<js_sys::Float64Array>().map(|a| a.to_vec()).unwrap_or_default();
    let path = get("path").as_string().unwrap_or_else(|| "roster".to_owned());
    let (followers, fees, rates, lines) = (floats("followers"), floats("fee"), floats("rate"), floats("line"));
    let estimated = get("estimated").dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
    if followers.len() > roster::MAX_ROWS {
        return Err(js_error(
            Error::new(&path, format!("may hold at most {} candidates", roster::MAX_ROWS)).got_number(followers.len() as f64),
        ));
    }
    let mut list = Vec::with_capacity(followers.len());
    for i in 0..followers.len() {
        let row_path = format!("{path}[{i}]");
        // NaN: absent. −∞: present but not a number.
        let value = |values: &[f64], key: &str, skip: bool| -> Result<Option<f64>, JsValue> {
            match values.get(i).copied() {
                Some(v) if v == f64::NEG_INFINITY => {
                    Err(js_error(Error::new(input::join(&row_path, key), "must be a number")))
                }
                Some(v) if v.is_nan() || skip => Ok(None),
                other => Ok(other),
            }
        };
        let marks = estimated.get(i).copied().unwrap_or(0);
        let raw = roster::pick::Raw {
            line: value(&lines, "line", false)?,
            followers: value(&followers, "followers", false)?,
            fee: value(&fees, "fee", marks & FEE_ESTIMATED != 0)?,
            engagement_rate: value(&rates, "engagementRate", marks & RATE_ESTIMATED != 0)?,
        };
        list.push(roster::pick::Candidate::new(&row_path, raw, "").map_err(js_error)?);
    }
    Ok(list)
}

/// The best subset of a roster for a goal under the scenario's budget, with its outcome and
/// how far from the optimum it can be. Each chosen row carries its `index` in the roster.
#[wasm_bindgen(js_name = pickRoster)]
pub fn pick_roster(roster_value: JsValue, scenario_value: JsValue, goal_value: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let goal = goal(&goal_value, &scenario)?;
    let candidates = candidates(&roster_value)?;
    let picked = write(&roster::pick(&scenario, &candidates, &goal).map_err(js_error)?)?;
    Ok(attach_handles(&picked, &roster_value))
}
