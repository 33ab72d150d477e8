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

use super::js_error;
use crate::error::{clip, Error, Got, QUOTE_LIMIT};
use crate::input::Value;
use crate::limits::MAX_DEPTH;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[cfg(feature = "first")]
mod fast;

/// The scenario argument `value`, validated (through `tiers` for its scheme's list). The page's
/// first module reads it in one call and keeps the last one (read/fast.rs): it is the module
/// asked at every keystroke, and the only one whose bytes the `first` feature's 1.6 KB buys
/// anything in.
#[cfg(not(feature = "first"))]
pub fn scenario(value: &JsValue, tiers: &List) -> Result<std::rc::Rc<crate::scenario::Scenario>, JsValue> {
    crate::scenario::Scenario::from_value(&read_with("scenario", value, Some(tiers))?).map(std::rc::Rc::new).map_err(js_error)
}
#[cfg(feature = "first")]
pub use fast::scenario;

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
#[cfg(feature = "analysis")]
pub fn is_typed<T: JsCast>(value: &JsValue) -> bool {
    js_sys::ArrayBuffer::is_view(value) && value.is_instance_of::<T>()
}

/// What the reader says of a value no input holds.
const NOT_INPUT: &str = "must be a number, text, true/false, a list or a plain object";

/// The most values (fields and list items) one argument holds in all, nested ones included. A
/// full scenario holds under a thousand; without a bound, an object whose fields all refer to
/// one smaller object, 32 levels deep, is a few lines to write and 2³² values to read.
const MAX_VALUES: u32 = 10_000;
/// The most bytes of text (UTF-8, keys included) one argument holds in all: room for a 10 MB
/// text, where one string repeated a thousand times would otherwise be copied a thousand times.
const MAX_TEXT: u32 = 20_000_000;
// The bounds, written out: formatting them would cost the module more than the text.
const TOO_MANY_VALUES: &str = "is past the 10000 values (fields and items) an argument may hold";
const TOO_MUCH_TEXT: &str = "is past the 20000000 bytes of text an argument may hold";

/// A list the core reads at a known place, the keys that lead to it from the argument (none:
/// the argument itself), with the most items it takes there and the problem that names that
/// limit. Its items are not counted against `MAX_VALUES`: a list of counts is long.
pub struct List {
    pub keys: &'static [&'static str],
    pub limit: u32,
    pub too_many: &'static str,
}

/// Copies `value`, the argument called `field`, into the input tree.
pub fn read(field: &str, value: &JsValue) -> Result<Value, JsValue> {
    read_with(field, value, None)
}

/// Copies `value` into the input tree, and `list` only up to its limit. Every list's length is
/// read once and checked before a single item is read, so neither a sparse list of 2³² − 1
/// items nor a Proxy whose length grows as it is read costs more than its limit.
pub fn read_with(field: &str, value: &JsValue, list: Option<&List>) -> Result<Value, JsValue> {
    let reader = Reader { list, values: Cell::new(MAX_VALUES), text: Cell::new(MAX_TEXT) };
    reader.to_value(&Place { parent: None, step: Step::Root(field), value, depth: 0 }).map_err(js_error)
}

/// One argument being read, and what is left of its bounds.
struct Reader<'a> {
    list: Option<&'a List>,
    values: Cell<u32>,
    text: Cell<u32>,
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

    /// Whether `keys` lead from the argument here: compared step by step, as writing the path
    /// of every list of a deep input would take longer than reading it.
    fn is_at(&self, keys: &[&str]) -> bool {
        match (keys.split_last(), &self.step, self.parent) {
            (None, Step::Root(_), _) => true,
            (Some((last, keys)), Step::Key(key), Some(parent)) => key == last && parent.is_at(keys),
            _ => false,
        }
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

impl<'a> Reader<'a> {
    /// Takes `count` from what is left of `bound`, or says that `place`, holding `count`
    /// values or bytes, is past it.
    fn spend(place: &Place, bound: &Cell<u32>, count: f64, problem: &str) -> Result<(), Error> {
        let left = bound.get();
        if count >= 0.0 && count <= f64::from(left) {
            bound.set(left - count as u32);
            Ok(())
        } else {
            Err(place.error(problem).got_number(count))
        }
    }

    /// Reads the value at `step` below `place`, from what getting it gave.
    fn child(&self, place: &Place, step: Step, got: Result<Option<Read>, JsValue>) -> Result<Value, Error> {
        let (item, thrown) = match got {
            Ok(item) => (item.map_or(JsValue::UNDEFINED, JsValue::from), None),
            Err(thrown) => (JsValue::UNDEFINED, Some(thrown)),
        };
        let child = Place { parent: Some(place), step, value: &item, depth: place.depth + 1 };
        match thrown {
            Some(thrown) => Err(thrown_at(child.path(), &thrown)),
            None => self.to_value(&child),
        }
    }

    fn to_value(&self, place: &Place) -> Result<Value, Error> {
        let value = place.value;
        // Numbers first: a list of a million counts asks this a million times.
        if let Some(n) = value.as_f64() {
            return Ok(Value::Number(n));
        }
        if value.is_undefined() || value.is_null() {
            return Ok(Value::Null);
        }
        if let Some(b) = value.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(text) = value.as_string() {
            // Measured once copied: the bound is passed by one text at most.
            Self::spend(place, &self.text, text.len() as f64, TOO_MUCH_TEXT)?;
            return Ok(Value::Text(text));
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
            // Checked before a single item is read: against its own limit where the core
            // reads a list, else against what is left of the argument's bound.
            match self.list.filter(|list| place.is_at(list.keys)) {
                Some(list) if length.is_nan() || length > f64::from(list.limit) => {
                    return Err(place.error(list.too_many).got_number(length))
                }
                Some(_) => {}
                None => Self::spend(place, &self.values, length, TOO_MANY_VALUES)?,
            }
            let mut list = Vec::with_capacity(length as usize);
            for i in 0..length as u32 {
                list.push(self.child(place, Step::Index(i), get_index(value, i))?);
            }
            return Ok(Value::List(list));
        }
        // A Map, a Date or a class instance would read as an empty object and silently fall
        // back to the defaults: only plain objects are input, made by `{}` in any window (a
        // prototype with none above it) or with no prototype.
        if let Some(prototype) = prototype_of(value).map_err(threw)? {
            if prototype_of(&prototype).map_err(threw)?.is_some() {
                return Err(place.error(NOT_INPUT).got(Got::Kind("a Map or class instance")));
            }
        }
        let keys = keys(value).map_err(threw)?.unwrap_or_default();
        Self::spend(place, &self.values, f64::from(keys.length()), TOO_MANY_VALUES)?;
        let mut entries = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            Self::spend(place, &self.text, name.len() as f64, TOO_MUCH_TEXT)?;
            let item = self.child(place, Step::Key(&name), get(value, &key))?;
            entries.push((name, item));
        }
        Ok(Value::Object(entries))
    }
}
