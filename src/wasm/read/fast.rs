//! The scenario read in one call (read.js), and the last one kept.
//!
//! Read value by value, a scenario costs the module several calls into JavaScript per field,
//! and then its validation and the resolution of every assumption: measured on `evaluate`, three
//! fifths of the call, against a twentieth for the model itself. So read.js copies a plain
//! argument into three buffers of the module's memory in one call, and the module keeps the
//! last scenario it made from them: the page asks `compare` and then `assumptions` of the same
//! scenario, and a caller repeating one is answered without validating it again. read.js
//! compares as it writes, and says when the buffers held the argument already: the same ops,
//! numbers (bit for bit, NaN's payload aside) and texts make the same input tree, so the same
//! scenario, and nothing crosses back. Whatever read.js refuses, the careful reader (read.rs)
//! reads.

use super::super::js_error;
use super::{read_with, List};
use crate::input::Value;
use crate::scenario::Scenario;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/read.js")]
extern "C" {
    /// Tells read.js where the buffers are, in bytes, and their lengths.
    #[wasm_bindgen(js_name = bindBuffers)]
    fn bind_buffers(memory: JsValue, ops: u32, ops_len: u32, numbers: u32, numbers_len: u32, text: u32, text_len: u32, sizes: u32);
    /// Writes a plain argument's shape into `ops`, its numbers into `numbers` and its texts
    /// into `text` (UTF-8), `sizes` set to how many of each; answers `WRITTEN`,
    /// `UNCHANGED` if the buffers held it already (only asked when `kept`), or `REFUSED` for the
    /// careful reader. It catches whatever the caller's code throws.
    #[wasm_bindgen(js_name = readArgument)]
    fn read_argument(value: &JsValue, kept: bool) -> u8;
}

/// read.js's answers.
const UNCHANGED: u8 = 1;
const WRITTEN: u8 = 2;

/// Room for a scenario with overrides on every quantity of twelve tiers, many times over.
const OPS: usize = 8192;
const NUMBERS: usize = 2048;
const TEXT: usize = 16384;

std::thread_local! {
    /// Between calls (a wasm module has one thread); taken by a call and put back, so no
    /// borrow can fail.
    static LAST: std::cell::Cell<Option<Kept>> = const { std::cell::Cell::new(None) };
}

/// The buffers read.js writes into (never moved: read.js holds where they are), and the
/// scenario made from what they hold, if it was valid.
struct Kept {
    ops: Vec<u8>,
    numbers: Vec<f64>,
    text: Vec<u8>,
    sizes: Vec<u32>,
    last: Option<Rc<Scenario>>,
}

/// The scenario argument `value`, validated (through `tiers` for its scheme's list).
pub fn scenario(value: &JsValue, tiers: &List) -> Result<Rc<Scenario>, JsValue> {
    // Through `try_with`: `with` would link a panic message for an access during teardown.
    let mut kept = LAST.try_with(std::cell::Cell::take).ok().flatten().unwrap_or_else(|| {
        let kept = Kept { ops: vec![0; OPS], numbers: vec![0.0; NUMBERS], text: vec![0; TEXT], sizes: vec![0; 3], last: None };
        let at = |address: *const u8| address as usize as u32;
        bind_buffers(
            wasm_bindgen::memory(),
            at(kept.ops.as_ptr()),
            OPS as u32,
            at(kept.numbers.as_ptr().cast()),
            NUMBERS as u32,
            at(kept.text.as_ptr()),
            TEXT as u32,
            at(kept.sizes.as_ptr().cast()),
        );
        kept
    });
    let answer = kept.scenario(value, tiers);
    let _ = LAST.try_with(|cell| cell.set(Some(kept)));
    answer
}

impl Kept {
    fn scenario(&mut self, value: &JsValue, tiers: &List) -> Result<Rc<Scenario>, JsValue> {
        let read = read_argument(value, self.last.is_some());
        if let (UNCHANGED, Some(last)) = (read, &self.last) {
            return Ok(Rc::clone(last));
        }
        // Whatever happens next, the buffers no longer hold what `last` was made from.
        self.last = None;
        let tree = match *self.sizes.as_slice() {
            [ops, numbers, text] if read == WRITTEN => Tape {
                ops: self.ops.get(..ops as usize).unwrap_or_default(),
                at: 0,
                numbers: self.numbers.get(..numbers as usize).unwrap_or_default(),
                number: 0,
                text: self.text.get(..text as usize).unwrap_or_default(),
                byte: 0,
            }
            .value(),
            _ => None,
        };
        let tree = match tree {
            Some(tree) => tree,
            None => read_with("scenario", value, Some(tiers))?,
        };
        let scenario = Rc::new(Scenario::from_value(&tree).map_err(js_error)?);
        if read == WRITTEN {
            self.last = Some(Rc::clone(&scenario));
        }
        Ok(scenario)
    }
}

/// read.js's tape being read back into the input tree.
struct Tape<'a> {
    ops: &'a [u8],
    at: usize,
    numbers: &'a [f64],
    number: usize,
    text: &'a [u8],
    byte: usize,
}

impl Tape<'_> {
    fn op(&mut self) -> Option<u8> {
        let op = *self.ops.get(self.at)?;
        self.at += 1;
        Some(op)
    }

    fn count(&mut self) -> Option<usize> {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let byte = self.op()?;
            n |= usize::from(byte & 127).checked_shl(shift)?;
            if byte & 128 == 0 {
                return Some(n);
            }
            shift += 7;
        }
    }

    /// The next text, `length` bytes long (read.js writes UTF-8 and is checked).
    fn text(&mut self, length: usize) -> Option<String> {
        let text = std::str::from_utf8(self.text.get(self.byte..self.byte.checked_add(length)?)?).ok()?;
        self.byte += length;
        Some(text.to_owned())
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.op()? {
            1 => Value::Null,
            2 => Value::Bool(false),
            3 => Value::Bool(true),
            4 => {
                let n = *self.numbers.get(self.number)?;
                self.number += 1;
                Value::Number(n)
            }
            5 => {
                let length = self.count()?;
                Value::Text(self.text(length)?)
            }
            6 => {
                let mut list = Vec::new();
                while *self.ops.get(self.at)? != 0 {
                    list.push(self.value()?);
                }
                self.at += 1;
                Value::List(list)
            }
            7 => {
                let mut entries = Vec::new();
                loop {
                    let key = self.count()?;
                    if key == 0 {
                        break;
                    }
                    let name = self.text(key - 1)?;
                    entries.push((name, self.value()?));
                }
                Value::Object(entries)
            }
            _ => return None,
        })
    }
}
