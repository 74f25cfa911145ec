//! Shared by the reader targets: write the input to a per-process file,
//! read it with `read_source` (strict and lossy), and check what comes out.
//!
//! Invariants: no panic; every document has a non-empty id and a text that
//! is not only whitespace; line numbers are between 1 and the number of
//! lines; byte offsets in errors are inside the input; documents come in
//! input order (non-decreasing lines); ids and texts of small documents go
//! through the engine with its invariants.

use std::path::PathBuf;

use quotecheck::input::{read_source, InputKind, InputOptions, Source};

#[path = "../../crates/core/tests/support/engine_invariants.rs"]
mod engine_invariants;

fn scratch(ext: &str) -> PathBuf {
    std::env::temp_dir().join(format!("quotecheck-fuzz-{}.{ext}", std::process::id()))
}

pub fn check(data: &[u8], kind: InputKind, ext: &str) {
    let path = scratch(ext);
    std::fs::write(&path, data).expect("write scratch file");
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for lossy in [false, true] {
        let source = Source {
            path: Some(path.clone()),
            display: "fuzz".into(),
            id_base: "fuzz".into(),
            kind,
        };
        let opts = InputOptions {
            lossy,
            ..InputOptions::default()
        };
        let mut last_line = 0usize;
        read_source(&source, &opts, &mut |r| {
            match r {
                Ok(d) => {
                    assert!(!d.doc.id.is_empty(), "empty id");
                    assert!(!d.doc.text.trim().is_empty(), "blank document accepted");
                    if let Some(l) = d.line {
                        assert!((1..=lines).contains(&l), "line {l} of {lines}");
                        assert!(l >= last_line, "documents out of order");
                        last_line = l;
                    }
                    if d.doc.text.len() <= 4096 {
                        if let Err(e) = engine_invariants::check_text(&d.doc.text) {
                            panic!("engine invariant: {e}\ntext: {:?}", d.doc.text);
                        }
                    }
                }
                Err(e) => {
                    let msg = e.to_string();
                    assert!(!msg.is_empty());
                    if let Some(l) = e.line() {
                        assert!((1..=lines).contains(&l), "error line {l} of {lines}: {msg}");
                    }
                    if let Some(o) = e.offset() {
                        assert!(
                            o <= data.len() as u64,
                            "error offset {o} past the end: {msg}"
                        );
                    }
                }
            }
            true
        });
    }
}
