//! The loosely typed input tree every API call starts from, and path-aware readers over it.
//!
//! Inputs arrive from JavaScript as arbitrary values. Rather than let a typed deserializer fail
//! with "invalid type: string, expected f64" (which names no field), the binding converts the
//! value into this tree and the domain reads it field by field, so every error names the exact
//! path (`mix.shares.micro`) and what it got.

use crate::error::{clip, Code, Error, Got, Result, QUOTE_LIMIT};
use crate::limits::MAX_DEPTH;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// How the value is described in an error message.
    pub fn describe(&self) -> Got {
        match self {
            Value::Null => Got::Kind("nothing"),
            Value::Bool(_) => Got::Kind("a true/false value"),
            Value::Number(n) => Got::Number(*n),
            Value::Text(t) => Got::text(t),
            Value::List(_) => Got::Kind("a list"),
            Value::Object(_) => Got::Kind("an object"),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        Nested { depth: 0 }.deserialize(deserializer)
    }
}

/// Reads one value `depth` levels below the top.
#[derive(Clone, Copy)]
struct Nested {
    depth: usize,
}

impl Nested {
    fn child<E: de::Error>(self) -> std::result::Result<Nested, E> {
        if self.depth >= MAX_DEPTH {
            Err(E::custom("the input nests objects or lists more than 32 levels deep"))
        } else {
            Ok(Nested { depth: self.depth + 1 })
        }
    }
}

impl<'de> DeserializeSeed<'de> for Nested {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> std::result::Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Nested {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, text, true/false, list or object")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let child = self.child()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(child)? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        let child = self.child()?;
        let mut entries = Vec::new();
        // Keys go through `Value` too: a typed `String` key would link serde's float-printing
        // "invalid type" path into the wasm module.
        while let Some(key) = map.next_key_seed(child)? {
            let Value::Text(key) = key else {
                return Err(de::Error::custom("object keys must be text"));
            };
            let value = map.next_value_seed(child)?;
            entries.push((key, value));
        }
        Ok(Value::Object(entries))
    }
}

/// Joins a parent path and a key the way a caller writes it. The key may be the caller's own
/// (an unknown field, a tier that does not exist): it is quoted by a prefix, like a value.
pub fn join(path: &str, key: &str) -> String {
    let key = clip(key, QUOTE_LIMIT);
    if path.is_empty() {
        key
    } else {
        format!("{path}.{key}")
    }
}

/// Names as a message lists them, `a, b, c`. The standard `join` is generic over what it joins
/// and costs the wasm module several times this.
pub fn listed(names: &[&str]) -> String {
    let mut text = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(name);
    }
    text
}

/// An object being read, remembering where it sits in the input.
#[derive(Debug, Clone, Copy)]
pub struct Object<'a> {
    path: &'a str,
    entries: &'a [(String, Value)],
}

impl<'a> Object<'a> {
    pub fn read(path: &'a str, value: &'a Value) -> Result<Self> {
        match value {
            Value::Object(entries) => Ok(Object { path, entries }),
            other => Err(Error::new(display_path(path), "must be an object").code(Code::NotObject).got(other.describe())),
        }
    }

    pub fn path(&self) -> &'a str {
        self.path
    }

    pub fn entries(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        self.entries.iter().filter(|(_, v)| !matches!(v, Value::Null)).map(|(k, v)| (k.as_str(), v))
    }

    /// The value under `key`; `null` counts as absent so callers may pass it for "default".
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Value::Null))
    }

    pub fn number(&self, key: &str) -> Result<Option<f64>> {
        self.get(key).map(|v| number(&join(self.path, key), v)).transpose()
    }

    pub fn text(&self, key: &str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Text(t)) => Ok(Some(t)),
            Some(other) => Err(Error::new(join(self.path, key), "must be text").code(Code::NotText).got(other.describe())),
        }
    }

    /// Rejects keys outside `known`: a typo such as `budjet` must not silently fall back to
    /// the default.
    pub fn only(&self, known: &[&str]) -> Result<()> {
        match self.entries.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            None => Ok(()),
            Some((key, _)) => Err(Error::new(join(self.path, key), format!("is not a known field (known: {})", listed(known)))
                .code(Code::UnknownField)),
        }
    }
}

fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "the input"
    } else {
        path
    }
}

pub fn number(path: &str, value: &Value) -> Result<f64> {
    match value {
        Value::Number(n) => Ok(*n),
        other => Err(Error::new(path, "must be a number").code(Code::NotNumber).got(other.describe())),
    }
}

/// What a range of numbers holds, as a message and a page say it.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
    /// The range for the message: `a share from 0 to 1` (written out: formatting the bounds
    /// would cost the wasm module float-printing code).
    pub what: &'static str,
    pub code: Code,
}

/// A share of 1, wherever one is read.
pub const SHARE: Bounds = Bounds { min: 0.0, max: 1.0, what: "a share from 0 to 1", code: Code::Share };
/// A fee, wherever one is read.
pub const FEE: Bounds = Bounds { min: 0.0, max: 1e9, what: "an amount from 0 to 1000000000", code: Code::Amount };

/// A finite number within `bounds`.
pub fn finite_in(path: &str, value: f64, bounds: &Bounds) -> Result<f64> {
    let Bounds { min, max, what, code } = *bounds;
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(Error::new(path, format!("must be {what}")).range(code, min, max).got_number(value))
    }
}

/// Whether `value` is a whole number within `[min, max]`, with no error built.
pub fn is_whole_in(value: f64, min: u64, max: u64) -> bool {
    value.is_finite() && value.fract() == 0.0 && value >= min as f64 && value <= max as f64
}

/// A whole number within `[min, max]`.
pub fn whole_in(path: &str, value: f64, min: u64, max: u64) -> Result<u64> {
    if is_whole_in(value, min, max) {
        Ok(value as u64)
    } else {
        Err(Error::new(path, format!("must be a whole number from {min} to {max}"))
            .range(Code::Whole, min as f64, max as f64)
            .got_number(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_counts_as_absent() {
        let v = Value::Object(vec![("budget".into(), Value::Null)]);
        let o = Object::read("", &v).unwrap();
        assert_eq!(o.number("budget").unwrap(), None);
    }

    #[test]
    fn unknown_key_names_the_path_and_the_known_ones() {
        let v = Value::Object(vec![("budjet".into(), Value::Number(1.0))]);
        let e = Object::read("", &v).unwrap().only(&["budget", "mix"]).unwrap_err();
        assert_eq!(e.to_string(), "budjet is not a known field (known: budget, mix)");
    }

    #[test]
    fn a_huge_unknown_key_is_named_by_a_prefix() {
        let key = "k".repeat(10_000_000);
        let v = Value::Object(vec![(key.clone(), Value::Number(1.0))]);
        let e = Object::read("goal", &v).unwrap().only(&["objective"]).unwrap_err();
        assert_eq!(e.field, format!("goal.{}…", "k".repeat(QUOTE_LIMIT)));
        assert!(e.to_string().len() < 150, "{e}");
        assert_eq!(join("", "fee"), "fee");
    }

    #[test]
    fn deep_nesting_is_refused_before_it_exhausts_the_stack() {
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        let mut de = serde_json::Deserializer::from_str(&deep);
        de.disable_recursion_limit();
        let e = Value::deserialize(&mut de).unwrap_err();
        assert!(e.to_string().contains("32 levels"), "{e}");
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(serde_json::from_str::<Value>(&ok).is_ok());
    }

    #[test]
    fn listed_names_read_as_join_writes_them() {
        for names in [&[][..], &["a"][..], &["a", "", "c"][..]] {
            assert_eq!(listed(names), names.join(", "));
        }
    }

    #[test]
    fn a_range_error_carries_its_code_and_bounds_and_reads_as_before() {
        let e = finite_in("overrides.micro.fee", -5.0, &FEE).unwrap_err();
        assert_eq!((e.code, e.range), (Code::Amount, Some((0.0, 1e9))));
        assert_eq!(e.to_string(), "overrides.micro.fee must be an amount from 0 to 1000000000 (got -5)");
        let e = whole_in("draws", 0.5, 1, 100_000).unwrap_err();
        assert_eq!((e.code, e.range), (Code::Whole, Some((1.0, 1e5))));
        assert_eq!(number("budget", &Value::Bool(true)).unwrap_err().code, Code::NotNumber);
        let v = Value::Object(vec![("budjet".into(), Value::Number(1.0))]);
        assert_eq!(Object::read("", &v).unwrap().only(&["budget"]).unwrap_err().code, Code::UnknownField);
        assert_eq!(Error::new("mix", "must give either shares or counts").code, Code::Invalid);
    }

    #[test]
    fn whole_numbers_reject_fractions_and_nan() {
        assert!(whole_in("n", 1.5, 0, 10).is_err());
        assert!(whole_in("n", f64::NAN, 0, 10).is_err());
        assert_eq!(whole_in("n", 10.0, 0, 10).unwrap(), 10);
    }
}
