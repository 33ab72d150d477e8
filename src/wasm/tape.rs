//! Answers handed to JavaScript as one tape, decoded by tape.js in a single call.
//!
//! Building the answer's objects from Rust takes a call into JavaScript per field and per list
//! item, and generic code for each on the Rust side. This serializer instead writes the answer
//! into three buffers, which cross the boundary in one call: op bytes for its shape, the
//! numbers as a `Float64Array` (bit-exact, −0 and NaN included), and one string of all its text.
//!
//! The ops, read by tape.js (which must agree with the codes below):
//! - a value is one op: `NULL`, `FALSE`, `TRUE`, `NUMBER` (the next number), `TEXT` followed by
//!   its length, `LIST` followed by its values and `END`, or `OBJECT` followed by its fields
//!   and `END`;
//! - a field is its key followed by its value. A key is a number: 0 is `END`, 1 a map's key
//!   (its length follows), and from 2 on a field's name in the key table, number − 2. The
//!   table lasts as long as the module: a struct's field name crosses once, with the first
//!   answer that holds it (the next number, followed by its length), and from then on costs a
//!   byte or two, and JavaScript sets each field with the same string, as serde-wasm-bindgen
//!   did with its cache of names. Texts are the next in the string; numbers and lengths are
//!   LEB128 (7 bits a byte, the low ones first), lengths in UTF-16 units, as JavaScript
//!   slices strings.
//!
//! What serde can ask for becomes what serde-wasm-bindgen made of it, with
//! `serialize_missing_as_null` and `serialize_maps_as_objects`: `None` and `()` become `null`,
//! a unit variant its name, a newtype, tuple or struct variant `{ name: value }`, a map an
//! object (its keys must be text). What JavaScript cannot hold exactly (a whole number past
//! 2⁵³ − 1, a 128-bit one) and bytes are refused with an error, which the caller throws.
//!
//! The outcomes of `evaluate` and `compareMixes` skip the ops: their numbers and texts go as
//! flat records into the same buffers (tape/outcome.rs says why and how).

use crate::error::Error;
use serde::ser::{self, Serialize};
use std::fmt;
use wasm_bindgen::prelude::*;

mod keys;
mod outcome;
use keys::Keys;
pub use outcome::write_outcomes;

#[wasm_bindgen(module = "/src/wasm/tape.js")]
extern "C" {
    /// This module's half of the key table, with views of its memory made once: views made
    /// per answer cost as much as reading a small one.
    #[wasm_bindgen(js_name = tapeTable)]
    fn tape_table(memory: &JsValue) -> JsValue;

    /// Builds the answer's plain objects from the three buffers, which it reads in place (by
    /// address in the module's memory, valid while the call lasts: the ops say where each
    /// ends) and does not keep. `table` is this module's, to which it adds the names defined.
    /// The text is UTF-8: tape.js decodes it only when it differs from the last answer's.
    #[wasm_bindgen(js_name = readTape)]
    fn read_tape(table: &JsValue, ops: *const u8, numbers: *const f64, text: *const u8, text_len: usize) -> JsValue;
}

const END: u8 = 0;
const NULL: u8 = 1;
const FALSE: u8 = 2;
const TRUE: u8 = 3;
const NUMBER: u8 = 4;
const TEXT: u8 = 5;
const LIST: u8 = 6;
const OBJECT: u8 = 7;
/// The key number of a map's key, which is not kept in the table.
const MAP_KEY: usize = 1;
/// The key number of the table's first name.
const FIRST_KEY: usize = 2;

/// The most bytes of each buffer kept between answers.
const KEPT_BYTES: usize = 1 << 16;

/// JavaScript's `Number.MAX_SAFE_INTEGER`: every whole number up to it is exact in an `f64`.
const MAX_SAFE: u64 = (1 << 53) - 1;

/// Converts `value` into plain JavaScript objects, or a JS `Error` when it holds what
/// JavaScript cannot (see the module's documentation).
pub fn write<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // Generic only in the call to `serialize`: a copy of all of it per answer's type took
    // half a kilobyte each in the module.
    let mut tape = Tape::take();
    let written = value.serialize(&mut tape);
    tape.finish(written.map(|()| Answer::Tape))
}

/// What the buffers hold: a tape (ops, numbers, text), or outcomes' records (numbers, text).
enum Answer {
    Tape,
    Outcomes { count: usize, one: bool },
}

pub struct Tape {
    ops: Vec<u8>,
    numbers: Vec<f64>,
    text: String,
    keys: Keys,
    /// How many names JavaScript held when this answer began.
    known: usize,
}

impl Tape {
    /// The buffers of the last answer, emptied: growing new ones took a tenth of an `evaluate`.
    #[inline(never)]
    fn take() -> Self {
        let (keys, ops, numbers, text) = keys::take();
        Tape { ops, numbers, text, known: keys.names, keys }
    }

    /// Hands the answer written to JavaScript, and keeps the buffers for the next.
    #[inline(never)]
    fn finish(self, written: Result<Answer, Refused>) -> Result<JsValue, JsValue> {
        let Tape { mut ops, mut numbers, mut text, mut keys, known } = self;
        let answer = match written {
            Ok(Answer::Tape) => Ok(read_tape(&keys.js, ops.as_ptr(), numbers.as_ptr(), text.as_ptr(), text.len())),
            Ok(Answer::Outcomes { count, one }) => {
                Ok(outcome::read(&keys.js, numbers.as_ptr(), text.as_ptr(), text.len(), count, one))
            }
            Err(refused) => {
                // The names this answer defined never reached JavaScript: forgotten, they are
                // defined again by the next answer that holds them.
                keys.forget_from(known);
                Err(super::js_error(refused.0))
            }
        };
        // Kept for the next answer up to a size, beyond which a large answer would hold on to
        // its memory for the module's life.
        ops.clear();
        ops.shrink_to(KEPT_BYTES);
        numbers.clear();
        numbers.shrink_to(KEPT_BYTES / 8);
        text.clear();
        text.shrink_to(KEPT_BYTES);
        keys::put_back((keys, ops, numbers, text));
        answer
    }
}

/// What this serializer refuses, as the core's error (one word: the error is boxed).
pub struct Refused(Error);

impl Refused {
    fn new(problem: &str) -> Self {
        Refused(Error::new("answer", problem))
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The field and problem only: the core's `Display` would format numbers in Rust.
        f.write_str(&self.0.field)?;
        f.write_str(" ")?;
        f.write_str(&self.0.problem)
    }
}

impl fmt::Debug for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Refused {}

impl ser::Error for Refused {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Refused::new(&message.to_string())
    }
}

/// Length of `text` in UTF-16 code units, JavaScript's string offsets.
pub(super) fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

type Done = Result<(), Refused>;

impl Tape {
    fn op(&mut self, op: u8) -> Done {
        self.ops.push(op);
        Ok(())
    }

    fn count(&mut self, mut n: usize) {
        while n >= 0x80 {
            self.ops.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.ops.push(n as u8);
    }

    fn number(&mut self, n: f64) -> Done {
        self.ops.push(NUMBER);
        self.numbers.push(n);
        Ok(())
    }

    fn whole(&mut self, n: u64) -> Done {
        if n > MAX_SAFE {
            return Err(Refused::new("holds a whole number past 2^53 - 1, which JavaScript cannot hold exactly"));
        }
        self.number(n as f64)
    }

    fn string(&mut self, text: &str) -> Done {
        self.ops.push(TEXT);
        self.counted_text(text);
        Ok(())
    }

    fn key(&mut self, name: &'static str) {
        match self.keys.number(name.as_ptr() as usize, name.len()) {
            Some((key, new)) => {
                self.count(key);
                if new {
                    self.counted_text(name);
                }
            }
            None => {
                self.count(MAP_KEY);
                self.counted_text(name);
            }
        }
    }

    /// A text's length, then the text.
    fn counted_text(&mut self, text: &str) {
        self.count(utf16_len(text));
        self.text.push_str(text);
    }

    /// `{ variant: … }`, for an enum's newtype, tuple or struct variant.
    fn variant(&mut self, variant: &'static str) {
        self.ops.push(OBJECT);
        self.key(variant);
    }
}

/// A list or an object being written, closed with as many `END`s as it opened (two for a
/// variant: its value, then the object around it).
pub struct Open<'a> {
    tape: &'a mut Tape,
    ends: usize,
}

impl Open<'_> {
    fn close(self) -> Done {
        for _ in 0..self.ends {
            self.tape.ops.push(END);
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Refused;
    type SerializeSeq = Open<'a>;
    type SerializeTuple = Open<'a>;
    type SerializeTupleStruct = Open<'a>;
    type SerializeTupleVariant = Open<'a>;
    type SerializeMap = Open<'a>;
    type SerializeStruct = Open<'a>;
    type SerializeStructVariant = Open<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.op(if v { TRUE } else { FALSE })
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.number(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.number(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.number(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        if v.unsigned_abs() > MAX_SAFE {
            return self.whole(v.unsigned_abs());
        }
        self.number(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.number(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.number(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.number(f64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.whole(v)
    }
    fn serialize_i128(self, _: i128) -> Done {
        Err(Refused::new("holds a 128-bit number, which the binding does not hand over"))
    }
    fn serialize_u128(self, _: u128) -> Done {
        Err(Refused::new("holds a 128-bit number, which the binding does not hand over"))
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.number(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Err(Refused::new("holds bytes, which the binding does not hand over"))
    }
    fn serialize_none(self) -> Done {
        self.op(NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.op(NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.op(NULL)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, variant: &'static str, value: &T) -> Done {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.op(END)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Open<'a>, Refused> {
        self.ops.push(LIST);
        Ok(Open { tape: self, ends: 1 })
    }
    fn serialize_tuple(self, _: usize) -> Result<Open<'a>, Refused> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Open<'a>, Refused> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Open<'a>, Refused> {
        self.variant(variant);
        self.ops.push(LIST);
        Ok(Open { tape: self, ends: 2 })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Open<'a>, Refused> {
        self.serialize_struct("", 0)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Open<'a>, Refused> {
        self.ops.push(OBJECT);
        Ok(Open { tape: self, ends: 1 })
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Open<'a>, Refused> {
        self.variant(variant);
        self.ops.push(OBJECT);
        Ok(Open { tape: self, ends: 2 })
    }
}

/// The compounds whose items are values: lists, and the list of a tuple variant.
macro_rules! items {
    ($($compound:ident :: $item:ident),*) => {$(
        impl ser::$compound for Open<'_> {
            type Ok = ();
            type Error = Refused;
            fn $item<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut *self.tape)
            }
            fn end(self) -> Done {
                self.close()
            }
        }
    )*};
}
items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The compounds whose items are fields: objects, and the object of a struct variant.
macro_rules! fields {
    ($($compound:ident),*) => {$(
        impl ser::$compound for Open<'_> {
            type Ok = ();
            type Error = Refused;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
                self.tape.key(key);
                value.serialize(&mut *self.tape)
            }
            fn end(self) -> Done {
                self.close()
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Refused;
    /// The key is written as a value, then taken back as a key: it must have been one string.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        let tape = &mut *self.tape;
        let (ops, numbers) = (tape.ops.len(), tape.numbers.len());
        key.serialize(&mut *tape)?;
        if tape.ops.get(ops) != Some(&TEXT) || tape.numbers.len() != numbers {
            return Err(Refused::new("holds a map whose key is not text, which an object cannot have"));
        }
        // `TEXT` and its length become the map key's number and the same length.
        if let Some(op) = tape.ops.get_mut(ops) {
            *op = MAP_KEY as u8;
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Done {
        self.close()
    }
}
