//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Every function copies its plain JS arguments into the core's input tree, calls the core,
//! and hands the answer back as one tape that tape.js turns into plain objects (never `Map`s;
//! a missing ratio becomes `null`); the page's first module hands outcomes over as flat
//! records instead (tape/outcome.rs). Every error becomes a JS `Error` whose message names the
//! field; nothing here can trap, so the module stays usable after any input.

#[cfg(feature = "analysis")]
use crate::error::Code;
use crate::error::{Error, Got};
#[cfg(feature = "analysis")]
use crate::input::{self, Value};
use crate::scenario::Scenario;
#[cfg(not(feature = "first"))]
use crate::{goal::Goal, optimize, scenario};
use crate::{limits, model, tiers};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Reading and picking from roster files: the page loads a module with them only when its
/// candidates tab opens (see the `roster` feature in Cargo.toml).
#[cfg(feature = "roster")]
mod roster;
#[cfg(feature = "roster")]
pub use roster::{parse_roster, pick_roster};
mod read;
use read::{read, read_with};
/// Public for tests/web.rs only, which checks it against serde-wasm-bindgen: not an export.
#[doc(hidden)]
pub mod tape;
use tape::write;

/// Talc instead of the default dlmalloc: the same job in a fraction of the module bytes.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "analysis")]
/// The most counts a `Float64Array` holds for `classifyMany` (80 MB).
const MAX_BATCH: u32 = 10_000_000;
#[cfg(feature = "analysis")]
/// The most counts a plain list holds for `classifyMany`: each is read through its own calls
/// into JavaScript (200,000 take about 70 ms, a million 0.4 s, ten million 4 s), where a
/// `Float64Array` is copied at once.
const LISTED_COUNTS: read::List = read::List {
    keys: &[],
    limit: 200_000,
    // The limits, written out: formatting them would cost the module more than the text.
    too_many: "may hold at most 200000 counts (a Float64Array 10000000)",
};

type JsResult = Result<JsValue, JsValue>;

#[wasm_bindgen(module = "/src/wasm/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = engineError)]
    fn engine_error(
        field: &str,
        problem: &str,
        code: u8,
        min: Option<f64>,
        max: Option<f64>,
        got: u8,
        number: f64,
        text: &str,
    ) -> JsValue;
}

/// Turns a core error into a JS `Error` (error.js): its message, as `Detail::message_with` writes
/// it, and the field's path, the code (by number: error.js names it) and its numbers on their
/// own, so a page can point at the input and word the error in its reader's language without
/// parsing the message. JavaScript writes the message and prints the numbers in one call, so
/// the module carries no float-formatting code, no code names and no call per property.
fn js_error(error: Error) -> JsValue {
    let (got, number, text) = match &error.got {
        None => (0, 0.0, ""),
        Some(Got::Number(n)) => (1, *n, ""),
        Some(Got::Text(t)) => (2, 0.0, t.as_str()),
        Some(Got::Kind(k)) => (3, 0.0, *k),
    };
    let range = error.range;
    engine_error(&error.field, &error.problem, error.code as u8, range.map(|r| r.0), range.map(|r| r.1), got, number, text)
}

/// A scheme's tiers, the one list inside a scenario or a scheme, refused past their limit
/// before a single tier is read.
const fn tiers_at(keys: &'static [&'static str]) -> read::List {
    read::List { keys, limit: limits::MAX_TIERS as u32, too_many: limits::TOO_MANY_TIERS }
}

/// A scenario argument, read in one call and kept for the next call with the same one (read/fast.rs).
fn scenario(value: &JsValue) -> Result<std::rc::Rc<Scenario>, JsValue> {
    read::scenario(value, &tiers_at(&["scheme", "tiers"]))
}

fn scheme(value: &JsValue) -> Result<tiers::TierScheme, JsValue> {
    let value = read_with("scheme", value, Some(&tiers_at(&["tiers"])))?;
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

#[cfg(feature = "analysis")]
/// A list argument's items as numbers, each named by its position. The path is written only
/// for an error: a list may hold 200,000 counts.
fn numbers(field: &str, items: &[Value]) -> Result<Vec<f64>, JsValue> {
    let mut numbers = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Number(n) => numbers.push(*n),
            other => {
                let error = Error::new(format!("{field}[{i}]"), "must be a number").code(Code::NotNumber);
                return Err(js_error(error.got(other.describe())));
            }
        }
    }
    Ok(numbers)
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

#[cfg(feature = "analysis")]
/// Tier indices (−1 below every tier) of a `Float64Array` or list of follower counts.
#[wasm_bindgen(js_name = classifyMany)]
pub fn classify_many(followers: JsValue, scheme_value: JsValue) -> Result<Vec<i32>, JsValue> {
    let scheme = scheme(&scheme_value)?;
    let counts: Vec<f64> = if read::is_typed::<js_sys::Float64Array>(&followers) {
        let typed: js_sys::Float64Array = read::FloatsCopy::new(&followers)
            .map_err(|thrown| js_error(read::thrown_at("followers".into(), &thrown)))?
            .unchecked_into();
        if typed.length() > MAX_BATCH {
            return Err(js_error(
                // MAX_BATCH, written out: formatting it would cost the module more than the text.
                Error::new("followers", "may hold at most 10000000 counts").got_number(f64::from(typed.length())),
            ));
        }
        typed.to_vec()
    } else {
        // A plain list goes through the input tree, so a stray string is named by position.
        match read_with("followers", &followers, Some(&LISTED_COUNTS))? {
            Value::List(items) => numbers("followers", &items)?,
            other => {
                return Err(js_error(Error::new("followers", "must be a Float64Array or a list of numbers").got(other.describe())))
            }
        }
    };
    tiers::classify_many(&scheme, &counts).map_err(js_error)
}

// The page's first module (the `first` feature) leaves out the optimiser and the assumptions
// report: its first result is drawn from `compareMixes`, and calculator.js, loaded after it,
// answers these.

#[cfg(not(feature = "first"))]
/// Every assumption of the scenario after its overrides, with its range and source.
#[wasm_bindgen]
pub fn assumptions(scenario_value: JsValue) -> JsResult {
    write(&scenario::report(&*scenario(&scenario_value)?))
}

/// The outcome of the scenario's mix.
#[wasm_bindgen]
pub fn evaluate(scenario_value: JsValue) -> JsResult {
    let outcome = model::evaluate(&*scenario(&scenario_value)?).map_err(js_error)?;
    // A record in the page's first module (tape/outcome.rs). The others keep the tape: there
    // the record's code would add 150 bytes gzipped, and the page asks them for `compare`.
    #[cfg(feature = "first")]
    return tape::write_outcomes(std::slice::from_ref(&outcome), true);
    #[cfg(not(feature = "first"))]
    write(&outcome)
}

#[cfg(not(feature = "first"))]
#[derive(Serialize)]
struct Comparison {
    mixes: Vec<model::Outcome>,
}

#[cfg(not(feature = "first"))]
/// Every single-tier mix and the scenario's own mix, then the optimum, side by side.
#[wasm_bindgen]
pub fn compare(scenario_value: JsValue) -> JsResult {
    write(&Comparison { mixes: crate::compare::compare(&*scenario(&scenario_value)?).map_err(js_error)? })
}

#[cfg(feature = "first")]
/// `compare` without the optimum: every single-tier mix and the scenario's own mix.
#[wasm_bindgen(js_name = compareMixes)]
pub fn compare_mixes(scenario_value: JsValue) -> JsResult {
    tape::write_outcomes(&crate::compare::mixes(&*scenario(&scenario_value)?).map_err(js_error)?, false)
}

#[cfg(not(feature = "first"))]
/// Reads a goal argument; absent means the scenario's own goal.
fn goal(value: &JsValue, scenario: &Scenario) -> Result<Goal, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(scenario.goal.clone());
    }
    Goal::from_value("goal", Some(&read("goal", value)?), &scenario.scheme).map_err(js_error)
}

#[cfg(not(feature = "first"))]
/// The best whole-influencer mix for a goal, with the limits that bind and any budget left.
#[wasm_bindgen]
pub fn optimize(scenario_value: JsValue, goal_value: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let goal = goal(&goal_value, &scenario)?;
    write(&optimize::optimize(&scenario, &goal).map_err(js_error)?)
}

#[cfg(feature = "analysis")]
/// The optimum from λ = 0 (reach) to λ = 1 (persuasion), under the scenario goal's limits.
#[wasm_bindgen]
pub fn frontier(scenario_value: JsValue, points: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let points = match read("points", &points)? {
        Value::Null => 21,
        value => input::whole_in("points", input::number("points", &value).map_err(js_error)?, 2, u64::from(limits::MAX_POINTS))
            .map_err(js_error)? as u32,
    };
    write(&optimize::frontier(&scenario, &scenario.goal, points).map_err(js_error)?)
}

#[cfg(feature = "analysis")]
/// Reach and conversions at each budget, per single-tier mix and for the optimum.
#[wasm_bindgen(js_name = responseCurves)]
pub fn response_curves(scenario_value: JsValue, budgets: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let list = read::List { keys: &[], limit: limits::MAX_POINTS, too_many: limits::TOO_MANY_BUDGETS };
    let Value::List(items) = read_with("budgets", &budgets, Some(&list))? else {
        return Err(js_error(Error::new("budgets", "must be a list of budgets")));
    };
    if items.is_empty() {
        return Err(js_error(Error::new("budgets", limits::TOO_MANY_BUDGETS).got_number(0.0)));
    }
    let budgets = numbers("budgets", &items)?;
    // As the scenario's budget: NaN and ±∞ are outside the range too.
    if let Some((i, &budget)) = budgets.iter().enumerate().find(|(_, b)| !(0.0..=1e12).contains(*b)) {
        return Err(js_error(
            Error::new(format!("budgets[{i}]"), "must be a finite number from 0 to 1000000000000")
                .range(Code::Number, 0.0, 1e12)
                .got_number(budget),
        ));
    }
    write(&optimize::response_curves(&scenario, &scenario.goal, &budgets).map_err(js_error)?)
}

#[cfg(feature = "analysis")]
/// P10 / P50 / P90 of every output for every compared mix over seeded draws of every range,
/// and how often each mix beats each other one.
#[wasm_bindgen]
pub fn simulate(scenario_value: JsValue, options: JsValue) -> JsResult {
    let scenario = scenario(&scenario_value)?;
    let options = read("options", &options)?;
    let settings =
        crate::uncertainty::Settings::from_value("options", Some(&options).filter(|v| **v != Value::Null)).map_err(js_error)?;
    write(&crate::uncertainty::simulate(&scenario, settings).map_err(js_error)?)
}

#[cfg(feature = "analysis")]
/// Each assumption alone at its low and high bound, for the scenario's mix.
#[wasm_bindgen]
pub fn sensitivity(scenario_value: JsValue) -> JsResult {
    write(&crate::uncertainty::sensitivity(&*scenario(&scenario_value)?).map_err(js_error)?)
}

#[cfg(feature = "analysis")]
/// For the best mix against each single-tier mix and the caller's mix, each assumption's value
/// at which the two tie on the goal's measure.
#[wasm_bindgen(js_name = switchingValues)]
pub fn switching_values(scenario_value: JsValue) -> JsResult {
    write(&crate::switching::switching_values(&*scenario(&scenario_value)?).map_err(js_error)?)
}
