//! The scenario read in one call (read.js), and the last one kept.
//!
//! Read value by value, a scenario costs the module several calls into JavaScript per field,
//! and then its validation and the resolution of every assumption: measured on `evaluate`, three
//! fifths of the call, against a twentieth for the model itself. So read.js copies a plain
//! argument into two buffers and a string in one call, and the module keeps the last scenario it
//! made with what it was made from: the page asks `compare` and then `assumptions` of the same
//! scenario, and a caller repeating one is answered without validating it again. The same bytes,
//! numbers (bit for bit) and text make the same input tree, so the same scenario. Whatever
//! read.js refuses, the careful reader (read.rs) reads.

use super::super::js_error;
use super::{read_with, List};
use crate::input::Value;
use crate::scenario::Scenario;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/read.js")]
extern "C" {
    /// Writes a plain argument's shape into `ops` and its numbers into `numbers`, `sizes` set
    /// to how many of each; answers its text, or `None` for the careful reader. It catches
    /// whatever the caller's code throws.
    #[wasm_bindgen(js_name = readArgument)]
    fn read_argument(value: &JsValue, ops: &mut [u8], numbers: &mut [f64], sizes: &mut [u32]) -> Option<String>;
}

/// Room for a scenario with overrides on every quantity of twelve tiers, many times over.
const OPS: usize = 8192;
const NUMBERS: usize = 2048;

std::thread_local! {
    /// Between calls (a wasm module has one thread); taken by a call and put back, so no
    /// borrow can fail.
    static LAST: std::cell::Cell<Option<Kept>> = const { std::cell::Cell::new(None) };
}

/// The buffers read.js writes into, and the last scenario with the tape it was read from.
struct Kept {
    ops: Vec<u8>,
    numbers: Vec<f64>,
    last: Option<Last>,
}

struct Last {
    ops: Vec<u8>,
    numbers: Vec<u64>,
    text: String,
    scenario: Rc<Scenario>,
}

/// The scenario argument `value`, validated (through `tiers` for its scheme's list).
pub fn scenario(value: &JsValue, tiers: &List) -> Result<Rc<Scenario>, JsValue> {
    // Through `try_with`: `with` would link a panic message for an access during teardown.
    let mut kept = LAST.try_with(std::cell::Cell::take).ok().flatten().unwrap_or_else(|| Kept {
        ops: vec![0; OPS],
        numbers: vec![0.0; NUMBERS],
        last: None,
    });
    let answer = kept.scenario(value, tiers);
    let _ = LAST.try_with(|cell| cell.set(Some(kept)));
    answer
}

impl Kept {
    fn scenario(&mut self, value: &JsValue, tiers: &List) -> Result<Rc<Scenario>, JsValue> {
        let mut sizes = [0u32; 2];
        let tape = read_argument(value, &mut self.ops, &mut self.numbers, &mut sizes).and_then(|text| {
            let ops = self.ops.get(..sizes[0] as usize)?;
            let numbers = self.numbers.get(..sizes[1] as usize)?;
            Some((ops, numbers, text))
        });
        let Some((ops, numbers, text)) = tape else {
            return Scenario::from_value(&read_with("scenario", value, Some(tiers))?).map(Rc::new).map_err(js_error);
        };
        if let Some(last) = &self.last {
            if last.ops == ops && last.text == text && last.numbers.iter().copied().eq(numbers.iter().map(|n| n.to_bits())) {
                return Ok(Rc::clone(&last.scenario));
            }
        }
        let tree = match (Tape { ops, at: 0, numbers, number: 0, text: &text, byte: 0, ascii: text.is_ascii() }).value() {
            Some(tree) => tree,
            None => read_with("scenario", value, Some(tiers))?,
        };
        let scenario = Rc::new(Scenario::from_value(&tree).map_err(js_error)?);
        self.last = Some(Last {
            ops: ops.to_vec(),
            numbers: numbers.iter().map(|n| n.to_bits()).collect(),
            text,
            scenario: Rc::clone(&scenario),
        });
        Ok(scenario)
    }
}

/// read.js's tape being read back into the input tree.
struct Tape<'a> {
    ops: &'a [u8],
    at: usize,
    numbers: &'a [f64],
    number: usize,
    text: &'a str,
    /// Where the next text starts, in bytes.
    byte: usize,
    ascii: bool,
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

    /// The next text, `units` UTF-16 units long (JavaScript's lengths).
    fn text(&mut self, units: usize) -> Option<String> {
        let rest = self.text.get(self.byte..)?;
        let bytes = if self.ascii {
            units
        } else {
            let mut left = units;
            let mut bytes = 0;
            for c in rest.chars() {
                if left == 0 {
                    break;
                }
                left = left.checked_sub(c.len_utf16())?;
                bytes += c.len_utf8();
            }
            bytes
        };
        let text = rest.get(..bytes)?;
        self.byte += bytes;
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
                let units = self.count()?;
                Value::Text(self.text(units)?)
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
