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

use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use tiermix::describe::{benchmarks, describe};
use tiermix::sources::NOTES;

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

fn main() {
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
