//! Writes the data tiermix publishes next to its wasm modules into the folder it is given
//! (`make build`: `www/pkg`):
//! - `sources.json`, `{ id: { en, fr } }`, for API users, and `sources.en.json` and
//!   `sources.fr.json`, `{ id: note }`, so the page loads only its reader's language;
//! - `facts.js`, the engine's defaults, ids, units and limits ([`tiermix::describe`]) as a frozen
//!   object, so a page reads them rather than keeping copies that can drift.
//!
//! Both stay out of the wasm modules, where they would only add bytes: the page needs them, the
//! calculations do not.

use std::collections::BTreeMap;
use std::path::Path;
use tiermix::describe::describe;
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

/// The facts as an ES module. Frozen all the way down: a page that changed a default in place
/// would change it for every module that reads it.
fn facts_module() -> Result<String, String> {
    let facts = json("facts.js", &describe())?;
    Ok(format!(
        "// Written by `make build` (crates/build-data) from the engine's own facts: do not edit.\n\
         const freeze = (value) => {{\n  \
         if (value && typeof value === \"object\") Object.values(Object.freeze(value)).forEach(freeze);\n  \
         return value;\n}};\n\
         export default freeze({facts});\n"
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
        .and_then(|()| facts_module())
        .and_then(|module| write_text(folder, "facts.js", module));
    if let Err(message) = written {
        eprintln!("{message}");
        std::process::exit(1);
    }
}
