//! `parseRoster` and `pickRoster`: the binding of [`crate::roster`].

use super::read::{is_typed, thrown_at};
use super::tape::utf16_len;
use super::{goal, js_error, read, scenario, scheme, write, JsResult};
use crate::error::{Code, Error};
use crate::roster::marks::{Estimated, Flags};
use crate::{input, roster, tiers};
use wasm_bindgen::prelude::*;

// Roster rows cross the boundary as columns (see rows.js): a row at a time as objects was
// ten times slower than parsing them (measured with serde-wasm-bindgen). The two functions that read the
// caller's rows catch what a getter throws and say where (see `settled`); they are imported
// with `catch` too, so nothing they throw can unwind through the module (see read.rs).
#[wasm_bindgen(module = "/src/wasm/rows.js")]
extern "C" {
    #[wasm_bindgen(js_name = attachRows)]
    fn attach_rows(roster: &JsValue, columns: &js_sys::Object) -> JsValue;
    #[wasm_bindgen(catch, js_name = rosterColumns)]
    fn roster_columns(roster: &JsValue, max_rows: u32, estimated_names: &js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = attachHandles)]
    fn attach_handles(picked: &JsValue, roster: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsValue, memory: &JsValue, at: u32, room: u32, from: u32) -> js_sys::Array;
}

#[wasm_bindgen]
extern "C" {
    /// A copy of a caller's `Uint8Array` (or `Buffer`), as `FloatsCopy` in read.rs.
    #[wasm_bindgen(js_name = Uint8Array)]
    type BytesCopy;
    #[wasm_bindgen(catch, constructor, js_class = "Uint8Array")]
    fn new(array: &JsValue) -> Result<BytesCopy, JsValue>;
}

/// What rows.js answered: `{ failed: true, path, thrown }` when reading the caller's rows threw.
fn settled(answer: JsResult) -> JsResult {
    let get = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED);
    match answer {
        // `null` (not a roster) is answered as it is: reading it would throw.
        Ok(answer) if answer.is_object() && get(&answer, "failed").is_truthy() => {
            let path = get(&answer, "path").as_string().unwrap_or_else(|| "roster".to_owned());
            Err(js_error(thrown_at(path, &get(&answer, "thrown"))))
        }
        Ok(answer) => Ok(answer),
        Err(thrown) => Err(js_error(thrown_at("roster".to_owned(), &thrown))),
    }
}

/// A JavaScript string's UTF-8 bytes, written by the browser's encoder straight into a vector
/// of the module's memory (no intermediate array, no copy). Two passes at most: the first has
/// room for ASCII; if it stops short, the second has three bytes for every UTF-16 unit left,
/// the most one can need (a lone surrogate becomes U+FFFD, three bytes).
fn utf8_bytes(text: &JsValue, units: usize) -> Vec<u8> {
    let memory = wasm_bindgen::memory();
    let encode = |bytes: &mut Vec<u8>, written: usize, read: usize| -> (usize, usize) {
        let Some(room) = bytes.get_mut(written..) else { return (0, 0) };
        let counts = encode_into(text, &memory, room.as_mut_ptr() as u32, room.len() as u32, read as u32);
        let count = |i: u32| counts.get(i).as_f64().unwrap_or(0.0) as usize;
        (count(0), count(1))
    };
    let mut bytes = vec![0u8; units];
    let (read, mut written) = encode(&mut bytes, 0, 0);
    if read < units {
        bytes.resize(written + (units - read) * 3, 0);
        written += encode(&mut bytes, written, read).1;
    }
    bytes.truncate(written);
    bytes
}

/// Bits of `marks` for rows.js: estimated values in the low bits, flags above them, each set
/// in the order of `roster::marks`; rows.js gets the names from here (see `names`).
const FLAGS_SHIFT: usize = Estimated::names().len();

/// A set of marks' names, in bit order, for rows.js.
fn names(names: &[&str]) -> js_sys::Array {
    let list = js_sys::Array::new();
    for name in names {
        list.push(&JsValue::from_str(name));
    }
    list
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// In a row's whole numbers (see rows.js, which reads it signed, as −1; every other whole
/// number is a count, an index or an offset of less than 2³¹): no tier, no platform or topic.
const NONE: u32 = u32::MAX;
/// Whole numbers per row in the record rows.js reads.
const WHOLE: usize = 7;

/// Byte offsets in a text as JavaScript's offsets (UTF-16 units), asked for in rising order:
/// the units between two offsets are counted once.
struct Units<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    unit: u32,
}

impl Units<'_> {
    fn at(&mut self, byte: u32) -> u32 {
        if self.ascii {
            return byte;
        }
        let byte = byte as usize;
        self.unit += self.text.get(self.byte..byte).map_or(0, |text| utf16_len(text) as u32);
        self.byte = byte;
        self.unit
    }
}

/// Completes each row and hands the rows over in one pass, each row as two fixed-size records
/// of numbers (whole and fractional: see rows.js) appended to two lists: one append each per
/// row, where a list per field took eleven calls, and two arrays cross instead of fourteen.
/// The handles cross as the reader keeps them, one string, each row saying where its own is.
fn roster_to_js(sheet: &roster::sheet::Sheet, scheme: &tiers::TierScheme) -> JsResult {
    let meta = write(&sheet.reading)?;
    let n = sheet.rows.len();
    let mut whole: Vec<u32> = Vec::with_capacity(n * WHOLE);
    let mut fractional: Vec<f64> = Vec::with_capacity(n * 6);
    // Platforms and topics repeat: each label the reader shared crosses once, and rows refer to
    // it by the reader's index.
    let label_list = js_sys::Array::new();
    for label in &sheet.labels {
        label_list.push(&JsValue::from_str(label));
    }
    let mut units = Units { text: &sheet.handles, ascii: sheet.handles.is_ascii(), byte: 0, unit: 0 };
    for row in &sheet.rows {
        let c = roster::completion(row, scheme);
        let (platform, topic) = (row.platform.unwrap_or(NONE), row.topic.unwrap_or(NONE));
        let tier = c.tier_index.map_or(NONE, |t| t as u32);
        let marks = u32::from(c.flags.0 << FLAGS_SHIFT | c.estimated.0);
        let (start, end) = (units.at(row.handle.start), units.at(row.handle.end));
        whole.extend_from_slice(&[row.line, tier, marks, platform, topic, start, end]);
        // NaN: no audience fit given (rows.js makes it null).
        let fit = row.audience_fit.unwrap_or(f64::NAN);
        let band = c.expected_engagement;
        fractional.extend_from_slice(&[row.followers, c.fee, c.engagement_rate, fit, band.low, band.high]);
    }
    let columns = js_sys::Object::new();
    // Read in place by rows.js, which does not call back into the module: the lists outlive it
    // and the memory cannot grow meanwhile. Copying them into arrays of their own was a tenth
    // of the call (8 MB for 100,000 rows).
    set(&columns, "memory", &wasm_bindgen::memory());
    let at = |start: *const u8| JsValue::from(start as u32);
    set(&columns, "wholeAt", &at(whole.as_ptr().cast()));
    set(&columns, "fractionalAt", &at(fractional.as_ptr().cast()));
    set(&columns, "rows", &JsValue::from(n as u32));
    set(&columns, "labels", &label_list);
    set(&columns, "handles", &JsValue::from_str(&sheet.handles));
    let ids = js_sys::Array::new();
    for tier in &scheme.tiers {
        ids.push(&JsValue::from_str(&tier.id));
    }
    set(&columns, "tierIds", &ids);
    set(&columns, "estimatedNames", &names(Estimated::names()));
    set(&columns, "flagNames", &names(Flags::names()));
    Ok(attach_rows(&meta, &columns))
}

/// Reads a roster from a string or from a file's bytes (`Uint8Array`: UTF-16 or UTF-8, with or
/// without a byte-order mark, else Windows-1252). Never throws for the file's content: bad rows come
/// back as errors with their line numbers.
#[wasm_bindgen(js_name = parseRoster)]
pub fn parse_roster(input: JsValue, scheme_value: JsValue) -> JsResult {
    let scheme = scheme(&scheme_value)?;
    let sheet = if let Some(text) = input.dyn_ref::<js_sys::JsString>() {
        roster::sheet::read_bytes(&utf8_bytes(&input, text.length() as usize))
    } else if is_typed::<js_sys::Uint8Array>(&input) {
        let bytes: js_sys::Uint8Array =
            BytesCopy::new(&input).map_err(|thrown| js_error(thrown_at("text".to_owned(), &thrown)))?.unchecked_into();
        roster::sheet::read_bytes(&bytes.to_vec())
    } else {
        return Err(js_error(
            Error::new("text", "must be the file's text or its bytes (a Uint8Array)").got(read("text", &input)?.describe()),
        ));
    };
    roster_to_js(&sheet, &scheme)
}

/// The candidates of a `parseRoster` result (or a list of rows), read column by column.
fn candidates(roster_value: &JsValue) -> Result<Vec<roster::pick::Candidate>, JsValue> {
    let columns = settled(roster_columns(roster_value, crate::limits::MAX_ROWS as u32, &names(Estimated::names())))?;
    if columns.is_null() || columns.is_undefined() {
        return Err(js_error(
            Error::new("roster", "must be the result of parseRoster, or a list of rows")
                .got(read("roster", roster_value)?.describe()),
        ));
    }
    let get = |key: &str| js_sys::Reflect::get(&columns, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let path = get("path").as_string().unwrap_or_else(|| "roster".to_owned());
    // A list past its limit, refused by rows.js before it read an item.
    if let Some(limit) = get("limit").as_f64() {
        return Err(js_error(
            Error::new(&path, format!("may hold at most {} items", limit as u32))
                .got_number(get("length").as_f64().unwrap_or(f64::NAN)),
        ));
    }
    let floats = |key: &str| get(key).dyn_into::<js_sys::Float64Array>().map(|a| a.to_vec()).unwrap_or_default();
    let (followers, fees, rates, fits, lines) = (floats("followers"), floats("fee"), floats("rate"), floats("fit"), floats("line"));
    let estimated = get("estimated").dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
    let mut list = Vec::with_capacity(followers.len());
    for i in 0..followers.len() {
        let row_path = format!("{path}[{i}]");
        // NaN: absent. −∞: present but not a number.
        let value = |values: &[f64], key: &str, skip: bool| -> Result<Option<f64>, JsValue> {
            match values.get(i).copied() {
                Some(v) if v == f64::NEG_INFINITY => {
                    Err(js_error(Error::new(input::join(&row_path, key), "must be a number").code(Code::NotNumber)))
                }
                Some(v) if v.is_nan() || skip => Ok(None),
                other => Ok(other),
            }
        };
        let marks: Estimated = roster::marks::Marks(estimated.get(i).copied().unwrap_or(0));
        let raw = roster::pick::Raw {
            line: value(&lines, "line", false)?,
            followers: value(&followers, "followers", false)?,
            fee: value(&fees, "fee", marks.has(Estimated::FEE))?,
            engagement_rate: value(&rates, "engagementRate", marks.has(Estimated::ENGAGEMENT_RATE))?,
            audience_fit: value(&fits, "audienceFit", false)?,
        };
        list.push(roster::pick::Candidate::new(&row_path, raw).map_err(js_error)?);
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
    settled(attach_handles(&picked, &roster_value))
}
