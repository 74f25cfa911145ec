//! The JSONL reader on arbitrary bytes (see `reader_common.rs` for the
//! invariants).
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::input::InputKind;

mod reader_common;

fuzz_target!(|data: &[u8]| {
    reader_common::check(data, InputKind::Jsonl, "jsonl");
});
