//! Copying a JavaScript argument into the core's input tree, without letting JavaScript unwind
//! through the module.
//!
//! Reading an argument can run the caller's code: a getter, a Proxy trap, a revoked Proxy (a
//! finished Immer draft). An exception thrown inside an import that is not declared `catch`
//! unwinds straight past the wasm frames, and the module's stack pointer, which those frames had
//! moved, is never restored: a few hundred such calls and every later call traps with "memory
//! access out of bounds". So every import that touches a caller's value here is declared below
//! with `catch`, and what the caller's code threw becomes an error naming the field.
//!
//! This walker also replaces serde-wasm-bindgen's deserializer on the way *in*: that
//! deserializer reports type mismatches through serde's `Unexpected`, whose `Display` links
//! Rust's float formatter (about 15 KB of the module). Type errors are the core's job anyway.

use super::{js_error, MAX_BATCH};
use crate::error::{clip, Error, Got, QUOTE_LIMIT};
use crate::input::{Value, MAX_DEPTH};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Any value read from the caller's argument. The imports answer optional values because of
    /// how wasm-bindgen returns one: an import declared `catch` that throws still takes a slot
    /// of the module's table of JavaScript values for the `undefined` it gave back, and never
    /// frees it (100,000 throwing getters grew the table to 132,000 slots). An absent value
    /// takes none.
    type Read;
    /// Runs a getter, or a Proxy's `get` trap.
    #[wasm_bindgen(catch, js_namespace = Reflect)]
    fn get(target: &JsValue, key: &JsValue) -> Result<Option<Read>, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn get_index(target: &JsValue, index: u32) -> Result<Option<Read>, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = getPrototypeOf)]
    fn prototype_of(value: &JsValue) -> Result<Option<Read>, JsValue>;
    /// Throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// Runs a Proxy's `ownKeys` and `getOwnPropertyDescriptor` traps.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn keys(value: &JsValue) -> Result<Option<js_sys::Array>, JsValue>;
    /// A copy of a caller's `Float64Array`, made by the engine from the original's internal
    /// slots, so no getter of the caller's runs (even `length` can be an own getter). It can
    /// throw only for an object that merely poses as one.
    #[wasm_bindgen(js_name = Float64Array)]
    pub type FloatsCopy;
    #[wasm_bindgen(catch, constructor, js_class = "Float64Array")]
    pub fn new(array: &JsValue) -> Result<FloatsCopy, JsValue>;
}

/// Whether `value` is a real typed array of kind `T`: `ArrayBuffer.isView` is false for a Proxy
/// and runs no trap, and wasm-bindgen's `instanceof` answers false when a prototype throws.
pub fn is_typed<T: JsCast>(value: &JsValue) -> bool {
    js_sys::ArrayBuffer::is_view(value) && value.is_instance_of::<T>()
}

/// What the reader says of a value no input holds.
const NOT_INPUT: &str = "must be a number, text, true/false, a list or a plain object";

/// Copies `value`, the argument called `field`, into the input tree.
pub fn read(field: &str, value: &JsValue) -> Result<Value, JsValue> {
    to_value(&Place { parent: None, step: Step::Root(field), value, depth: 0 }).map_err(js_error)
}

/// Where a value sits in the argument: the step from its parent, for the error's path, and the
/// value itself, to tell a cycle from a deep input.
struct Place<'a> {
    parent: Option<&'a Place<'a>>,
    step: Step<'a>,
    value: &'a JsValue,
    depth: usize,
}

enum Step<'a> {
    Root(&'a str),
    Key(&'a str),
    Index(u32),
}

impl Place<'_> {
    /// Built only for an error: a path per value would cost every large list its time.
    fn path(&self) -> String {
        let parent = self.parent.map(Place::path).unwrap_or_default();
        match self.step {
            Step::Root(field) => field.to_owned(),
            Step::Key(key) => crate::input::join(&parent, key),
            Step::Index(i) => format!("{parent}[{i}]"),
        }
    }

    fn error(&self, problem: &str) -> Error {
        Error::new(self.path(), problem)
    }
}

/// The error for an exception the caller's code threw while `path` was read.
pub fn thrown_at(path: String, thrown: &JsValue) -> Error {
    Error::new(path, format!("could not be read: it threw {}", describe(thrown)))
}

/// Says what was thrown without letting the caller's code throw out of the module: no
/// `toString`, which could throw in turn. A string or a `message` is quoted, shortened.
fn describe(thrown: &JsValue) -> String {
    let message = if thrown.is_object() {
        // Through a catching import: a `message` getter that throws is only not quoted.
        get(thrown, &"message".into()).ok().flatten().and_then(|message| JsValue::from(message).as_string())
    } else {
        thrown.as_string()
    };
    match message {
        Some(text) if !text.is_empty() => format!("\"{}\"", clip(&text, QUOTE_LIMIT)),
        // `instanceof` is wrapped by wasm-bindgen: a Proxy's trap throwing here answers false.
        _ if thrown.is_instance_of::<js_sys::Error>() => "an Error".to_owned(),
        _ => "a value that is not an Error".to_owned(),
    }
}

/// Reads the value at `step` below `place`, from what getting it gave.
fn child(place: &Place, step: Step, got: Result<Option<Read>, JsValue>) -> Result<Value, Error> {
    let (item, thrown) = match got {
        Ok(item) => (item.map_or(JsValue::UNDEFINED, JsValue::from), None),
        Err(thrown) => (JsValue::UNDEFINED, Some(thrown)),
    };
    let child = Place { parent: Some(place), step, value: &item, depth: place.depth + 1 };
    match thrown {
        Some(thrown) => Err(thrown_at(child.path(), &thrown)),
        None => to_value(&child),
    }
}

fn to_value(place: &Place) -> Result<Value, Error> {
    let value = place.value;
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::Text(s));
    }
    if !value.is_object() {
        let kind = if value.is_function() {
            "a function"
        } else if value.is_symbol() {
            "a Symbol"
        } else {
            "a BigInt"
        };
        return Err(place.error(NOT_INPUT).got(Got::Kind(kind)));
    }
    let mut above = place.parent;
    while let Some(ancestor) = above {
        if ancestor.value == value {
            return Err(place.error("refers back to an object that contains it (a cycle)"));
        }
        above = ancestor.parent;
    }
    if place.depth >= MAX_DEPTH {
        // MAX_DEPTH, written out: formatting it here would cost the module more than the text.
        return Err(place.error("is too deep: input may be nested at most 32 levels"));
    }
    let threw = |thrown: JsValue| thrown_at(place.path(), &thrown);
    if is_array(value).map_err(threw)? {
        let length = get(value, &"length".into()).map_err(threw)?.and_then(|n| JsValue::from(n).as_f64()).unwrap_or(0.0);
        if length.is_nan() || length > f64::from(MAX_BATCH) {
            // MAX_BATCH, written out as above.
            return Err(place.error("may hold at most 10000000 items").got_number(length));
        }
        let mut list = Vec::new();
        for i in 0..length as u32 {
            list.push(child(place, Step::Index(i), get_index(value, i))?);
        }
        return Ok(Value::List(list));
    }
    // A Map, a Date or a class instance would read as an empty object and silently fall back
    // to the defaults: only plain objects are input, made by `{}` in any window (a prototype
    // with none above it) or with no prototype.
    if let Some(prototype) = prototype_of(value).map_err(threw)? {
        if prototype_of(&prototype).map_err(threw)?.is_some() {
            return Err(place.error(NOT_INPUT).got(Got::Kind("a Map or class instance")));
        }
    }
    let mut entries = Vec::new();
    for key in keys(value).map_err(threw)?.unwrap_or_default().iter() {
        let name = key.as_string().unwrap_or_default();
        let item = child(place, Step::Key(&name), get(value, &key))?;
        entries.push((name, item));
    }
    Ok(Value::Object(entries))
}
