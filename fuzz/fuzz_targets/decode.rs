//! The decoder on arbitrary bytes with options from the first byte: no
//! panic; valid UTF-8 without a byte-order mark or NUL comes back unchanged
//! as UTF-8; an error's offset is inside the input; `--lossy` never fails
//! on UTF-8 or UTF-16; `decode_vec` agrees with `decode`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::decode::{decode, decode_vec, encoding_for_label, DecodeOptions};

const FORCED: [Option<&str>; 6] = [
    None,
    None,
    Some("utf-8"),
    Some("windows-1252"),
    Some("utf-16le"),
    Some("shift_jis"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let forced = FORCED[usize::from(flags >> 2) % FORCED.len()].and_then(encoding_for_label);
    let opts = DecodeOptions {
        forced,
        lossy: flags & 1 == 1,
        html: flags & 2 == 2,
    };
    let result = decode(bytes, opts);
    assert_eq!(result, decode_vec(bytes.to_vec(), opts), "decode_vec differs");
    match result {
        Ok(d) => {
            assert!(!d.text.starts_with('\u{FEFF}') || !bytes.starts_with(b"\xEF\xBB\xBF"));
            if forced.is_none() && !bytes.contains(&0) && !bytes.starts_with(b"\xEF\xBB\xBF") {
                if let Ok(s) = std::str::from_utf8(bytes) {
                    if encoding_rs::Encoding::for_bom(bytes).is_none() {
                        assert_eq!(d.text, s);
                        assert_eq!(d.encoding, "UTF-8");
                    }
                }
            }
            assert!(opts.lossy || d.replaced == 0);
        }
        Err(m) => {
            assert!(m.offset <= bytes.len() as u64, "offset {} of {}", m.offset, bytes.len());
            assert!(!opts.lossy, "lossy decoding failed");
        }
    }
});
