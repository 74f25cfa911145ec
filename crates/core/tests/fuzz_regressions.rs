//! Minimised inputs found by the cargo-fuzz campaign (`fuzz/`,
//! `docs/reliability.md`), kept as regression tests of the engine. Each is
//! checked against every invariant of `support/engine_invariants.rs`.

use crate::support::engine_invariants;

/// Run the engine on `bytes` decoded as the fuzz target does (lossy UTF-8).
fn check(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Err(e) = engine_invariants::check_text(&text) {
        panic!("{text:?}: {e}");
    }
}

/// engine: the cue `:` of an interview turn whose label ends in a space
/// (`Vm :`) pointed at the space (`Finder::interview`, engine.rs).
#[test]
fn interview_label_with_space_before_colon() {
    check(b"Vm :o \0\nV:o r\nV:o a");
    check(b"Ana Ruiz : we will win\n\nTom  :  no we will not\n\nAna Ruiz : yes we will");
}
