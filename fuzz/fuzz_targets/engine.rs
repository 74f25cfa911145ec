//! The attribution engine on arbitrary bytes decoded as UTF-8 (invalid
//! sequences replaced by U+FFFD, as `--lossy` does): no panic, and every
//! invariant of `tests/support/engine_invariants.rs` holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/core/tests/support/engine_invariants.rs"]
mod engine_invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = engine_invariants::check_text(&text) {
        panic!("invariant violated: {e}\ntext: {text:?}");
    }
});
