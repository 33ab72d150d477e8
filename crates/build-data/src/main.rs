//! Writes every source's note as JSON into the folder it is given (`make build`: `www/pkg`):
//! `sources.json`, `{ id: { en, fr } }`, for API users, and `sources.en.json` and
//! `sources.fr.json`, `{ id: note }`, so the page loads only its reader's language. The notes stay
//! out of the wasm module, where they would only add bytes: the page needs them, the
//! calculations do not.

use std::collections::BTreeMap;
use std::path::Path;
use tiermix::sources::NOTES;

fn write<T: serde::Serialize>(folder: &Path, name: &str, value: &T) -> Result<(), String> {
    let json = serde_json::to_string(value).map_err(|e| format!("could not write {name}: {e}"))?;
    std::fs::write(folder.join(name), json + "\n").map_err(|e| format!("could not write {name}: {e}"))
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
        .and_then(|()| write(folder, "sources.fr.json", &french));
    if let Err(message) = written {
        eprintln!("{message}");
        std::process::exit(1);
    }
}
