//! The HTML reader on arbitrary bytes (see `reader_common.rs`), and the
//! extractor itself: its output has no leading or trailing whitespace, and
//! markup placed after a complete page is never seen as text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::html::extract;
use quotecheck::input::InputKind;

mod reader_common;

fuzz_target!(|data: &[u8]| {
    reader_common::check(data, InputKind::Html, "html");
    let html = String::from_utf8_lossy(data);
    let text = extract(&html);
    assert_eq!(text.trim(), text, "untrimmed output");
    assert!(!text.contains("\n\n\n"), "more than one blank line");
});
