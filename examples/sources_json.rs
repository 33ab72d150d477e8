//! Writes every source's note as JSON, `{ id: { en, fr } }`, for the page (`make build` puts it
//! in `www/pkg/sources.json`). The notes stay out of the wasm module, where they would only add
//! bytes: the page needs them, the calculations do not.

use std::collections::BTreeMap;
use tiermix::sources::NOTES;

fn main() {
    let notes: BTreeMap<&str, _> = NOTES.iter().map(|(id, note)| (*id, note)).collect();
    match serde_json::to_string(&notes) {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("could not write the notes: {error}");
            std::process::exit(1);
        }
    }
}
