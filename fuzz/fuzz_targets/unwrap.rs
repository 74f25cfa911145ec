//! The analysis view (line endings, NUL, hard-wrap unwrapping) on arbitrary
//! text: it is exactly as long as the text, differs only where the text has
//! NUL, CR or LF (replaced by a space or LF), and the quotes found through
//! it are in bounds, on character boundaries, and equal to their slice of
//! the ORIGINAL text (bytes and code points).
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::view::{analysis_view, analyze};
use quotecheck_core::{quote_records, Document};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let view = analysis_view(&text);
    assert_eq!(view.len(), text.len());
    for (a, b) in text.bytes().zip(view.bytes()) {
        if a != b {
            assert!(matches!(a, 0 | b'\r' | b'\n'), "changed {a:?}");
            assert!(matches!(b, b' ' | b'\n'), "into {b:?}");
        }
    }
    if text.len() > 8192 {
        return;
    }
    let doc = Document::new("fuzz", text.as_ref());
    let records = quote_records(&doc, &analyze(&doc));
    for r in records {
        let slice = doc.text.get(r.byte_start..r.byte_end);
        assert_eq!(slice, Some(r.quote.as_str()), "quote is not its slice");
        let chars: String = doc
            .text
            .chars()
            .skip(r.char_start)
            .take(r.char_end - r.char_start)
            .collect();
        assert_eq!(chars, r.quote, "char offsets");
    }
});
