//! The tape's key table: which field names JavaScript already holds, so that each crosses once
//! in the module's life (see tape.rs).

use super::FIRST_KEY;

/// The key table and the tape's buffers (ops, numbers, text), empty between answers.
pub type Kept = (Keys, Vec<u8>, Vec<f64>, String);

std::thread_local! {
    /// The key table and buffers between calls (a wasm module has one thread). Taken by a
    /// call and put back, so no borrow can fail.
    static KEYS: std::cell::Cell<Option<Kept>> = const { std::cell::Cell::new(None) };
}

/// The module's key table and buffers, taken for one answer (made on first use). Through
/// `try_with`: `take` and `set` would link a panic message for an access during teardown.
pub fn take() -> Kept {
    KEYS.try_with(std::cell::Cell::take).ok().flatten().unwrap_or_else(|| (Keys::new(), Vec::new(), Vec::new(), String::new()))
}

/// Puts the key table and buffers back for the next answer.
pub fn put_back(kept: Kept) {
    let _ = KEYS.try_with(|table| table.set(Some(kept)));
}

/// The Rust half of the key table: a hash table of the names JavaScript holds. A field's name
/// is a `&'static str`, the same text at the same address every time, so it is found by its
/// address and length, with no search and no comparison of texts (comparing texts took a
/// fifth of a `compare` call); two copies of one name take two entries, a few bytes once.
pub struct Keys {
    slots: Vec<Name>,
    /// How many names JavaScript holds: the next name's number is this plus `FIRST_KEY`.
    pub names: usize,
    /// The JavaScript half, which tape.js fills, with its views of the memory.
    pub js: wasm_bindgen::JsValue,
}

/// A name's address and length, and its key number (0: an empty slot).
#[derive(Clone, Copy, Default)]
struct Name {
    address: usize,
    len: usize,
    key: usize,
}

/// Slots of `Keys::slots`, of which at most half are filled: past that, a name is sent as a
/// map's key is, with its text every time. The whole API has under 300 names.
const SLOT_BITS: u32 = 10;
const MAX_NAMES: usize = 1 << (SLOT_BITS - 1);

impl Keys {
    fn new() -> Self {
        Keys { slots: vec![Name::default(); 1 << SLOT_BITS], names: 0, js: super::tape_table(&wasm_bindgen::memory()) }
    }

    /// The key number of a name, and whether it is new to JavaScript (it has one from now on).
    pub fn number(&mut self, address: usize, len: usize) -> Option<(usize, bool)> {
        // Fibonacci hashing (the top bits of the address times 2³² / φ), then the next slots.
        let mut slot = ((address as u32).wrapping_mul(0x9E37_79B9) >> (32 - SLOT_BITS)) as usize;
        loop {
            let name = self.slots.get_mut(slot)?;
            if name.key == 0 {
                if self.names >= MAX_NAMES {
                    return None;
                }
                *name = Name { address, len, key: self.names + FIRST_KEY };
                self.names += 1;
                return Some((name.key, true));
            }
            if (name.address, name.len) == (address, len) {
                return Some((name.key, false));
            }
            slot = (slot + 1) & ((1 << SLOT_BITS) - 1);
        }
    }

    /// Forgets the names numbered from `names` on, which never reached JavaScript. None of
    /// the names kept was placed after them, so no search for one passes an emptied slot.
    pub fn forget_from(&mut self, names: usize) {
        self.slots.iter_mut().filter(|name| name.key >= names + FIRST_KEY).for_each(|name| *name = Name::default());
        self.names = names;
    }
}
