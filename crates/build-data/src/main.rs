//! Writes the data tiermix publishes next to its wasm modules into the folder it is given
//! (`make build`: `www/pkg`):
//! - `sources.json`, `{ id: { en, fr } }`, for API users, and `sources.en.json` and
//!   `sources.fr.json`, `{ id: note }`, so the page loads only its reader's language;
//! - `facts.js`, the engine's defaults, ids, units and limits ([`tiermix::describe`]) as a frozen
//!   object, so a page reads them rather than keeping copies that can drift;
//! - `benchmarks.js`, the published cost ranges ([`tiermix::describe::benchmarks`]), the same
//!   way, in a file of its own: only the page's benchmarks panel loads it.
//!
//! Both stay out of the wasm modules, where they would only add bytes: the page needs them, the
//! calculations do not.
//!
//! `tiermix-build-data answer` is the engine natively, for the build's prerendering
//! (scripts/build/prerender.mjs): it reads a JSON list of calls, `[[name, [arguments…]], …]`,
//! and prints a list of answers, each `{ "ok": value }` or `{ "error": message }`, shaped as the
//! wasm module's (the same structures, serialized by serde), so the pages' first results are the
//! engine's own, written into the HTML before any reader asks.

use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use tiermix::describe::{benchmarks, describe};
use tiermix::input::Value;
use tiermix::scenario::{report, Scenario};
use tiermix::sources::NOTES;
use tiermix::tiers::presets;

fn write_text(folder: &Path, name: &str, text: String) -> Result<(), String> {
    std::fs::write(folder.join(name), text).map_err(|e| format!("could not write {name}: {e}"))
}

fn json<T: serde::Serialize>(name: &str, value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("could not write {name}: {e}"))
}

fn write<T: serde::Serialize>(folder: &Path, name: &str, value: &T) -> Result<(), String> {
    write_text(folder, name, json(name, value)? + "\n")
}

/// serde_json's compact output, but whole numbers as integers (`20000`, not `20000.0`): the same
/// values in fewer bytes, on a file every page load downloads.
struct WholeNumbers;

impl serde_json::ser::Formatter for WholeNumbers {
    fn write_f64<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: f64) -> std::io::Result<()> {
        // Rust prints a whole f64 in full, without exponent or fraction; JSON has no NaN or infinity.
        if value.is_finite() && value.fract() == 0.0 {
            write!(writer, "{value}")
        } else {
            serde_json::ser::CompactFormatter.write_f64(writer, value)
        }
    }
}

/// A value as an ES module. Frozen all the way down: a page that changed a default in place
/// would change it for every module that reads it.
fn frozen_module<T: Serialize>(name: &str, value: &T) -> Result<String, String> {
    let mut json = Vec::new();
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut json, WholeNumbers))
        .map_err(|e| format!("could not write {name}: {e}"))?;
    let json = String::from_utf8(json).map_err(|e| format!("could not write {name}: {e}"))?;
    Ok(format!(
        "// Written by `make build` (crates/build-data) from the engine's own facts: do not edit.\n\
         const freeze = (value) => {{\n  \
         if (value && typeof value === \"object\") Object.values(Object.freeze(value)).forEach(freeze);\n  \
         return value;\n}};\n\
         export default freeze({json});\n"
    ))
}

#[derive(Serialize)]
struct Comparison {
    mixes: Vec<tiermix::model::Outcome>,
}

/// One call the page makes at start-up, answered as the wasm binding answers it.
fn answer_one(name: &str, arguments: &[Value]) -> Result<serde_json::Value, String> {
    let scenario = || -> Result<Scenario, String> {
        let value = arguments.first().ok_or_else(|| format!("{name}: no scenario given"))?;
        Scenario::from_value(value).map_err(|e| e.to_string())
    };
    let json = |value: serde_json::Result<serde_json::Value>| value.map_err(|e| format!("{name}: {e}"));
    match name {
        "presets" => json(serde_json::to_value(presets())),
        "compare" => {
            let mixes = tiermix::compare::compare(&scenario()?).map_err(|e| e.to_string())?;
            json(serde_json::to_value(Comparison { mixes }))
        }
        "assumptions" => json(serde_json::to_value(report(&scenario()?))),
        other => Err(format!("{other}: not a call the prerendering answers")),
    }
}

/// Reads the calls on standard input, writes the answers on standard output.
fn answer() -> Result<(), String> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| format!("could not read the calls: {e}"))?;
    let calls: Vec<(String, Vec<Value>)> = serde_json::from_str(&text).map_err(|e| format!("could not read the calls: {e}"))?;
    let answers: Vec<serde_json::Value> = calls
        .iter()
        .map(|(name, arguments)| match answer_one(name, arguments) {
            Ok(value) => serde_json::json!({ "ok": value }),
            Err(message) => serde_json::json!({ "error": message }),
        })
        .collect();
    println!("{}", json("answers", &answers)?);
    Ok(())
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("answer") {
        if let Err(message) = answer() {
            eprintln!("{message}");
            std::process::exit(1);
        }
        return;
    }
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: tiermix-build-data FOLDER");
        std::process::exit(2);
    };
    let folder = Path::new(&folder);
    let both: BTreeMap<&str, _> = NOTES.iter().map(|(id, note)| (*id, note)).collect();
    let english: BTreeMap<&str, &str> = NOTES.iter().map(|(id, note)| (*id, note.en.as_ref())).collect();
    let french: BTreeMap<&str, &str> = NOTES.iter().map(|(id, note)| (*id, note.fr.as_ref())).collect();
    let written = write(folder, "sources.json", &both)
        .and_then(|()| write(folder, "sources.en.json", &english))
        .and_then(|()| write(folder, "sources.fr.json", &french))
        .and_then(|()| frozen_module("facts.js", &describe()))
        .and_then(|module| write_text(folder, "facts.js", module))
        .and_then(|()| frozen_module("benchmarks.js", &benchmarks()))
        .and_then(|module| write_text(folder, "benchmarks.js", module));
    if let Err(message) = written {
        eprintln!("{message}");
        std::process::exit(1);
    }
}
