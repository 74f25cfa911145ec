//! Decoding the bytes of a text or HTML file into a string, and naming the
//! encoding that was used.
//!
//! In order, the first rule that applies decides:
//!
//! 1. `--encoding NAME` (any WHATWG label: `utf-8`, `windows-1252`,
//!    `latin1`, `utf-16le`, `shift_jis`, …). A byte-order mark of that
//!    encoding is skipped.
//! 2. A byte-order mark: UTF-8, UTF-16LE or UTF-16BE.
//! 3. UTF-16 without a byte-order mark, recognised by the NUL bytes of its
//!    ASCII characters (every other byte).
//! 4. Valid UTF-8 (this includes plain ASCII): UTF-8.
//! 5. A declaration in the first 1024 bytes: an XML declaration
//!    (`<?xml … encoding="…"?>`) or, for HTML, `<meta charset="…">` /
//!    `<meta http-equiv="Content-Type" content="…; charset=…">`.
//! 6. Damaged UTF-8 — text that is UTF-8 but for some bytes (it also holds
//!    valid multi-byte sequences, or ends inside one): an error naming the
//!    first bad byte, or with `--lossy` those bytes become U+FFFD.
//! 7. Otherwise a legacy encoding guessed from the bytes by `chardetng`
//!    (windows-1252 for Western European text, windows-1250, KOI8-R,
//!    Shift_JIS, …), leaning to windows-1252 when the bytes fit several.
//!
//! A declared or forced UTF-8 or UTF-16 that is malformed is an error
//! naming the first bad byte, or U+FFFD with `--lossy`. The byte-order mark
//! is never part of the text.

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The top-level domain given to `chardetng` as the text's origin: a
/// Western European one, so that where the bytes fit several encodings
/// equally (`£` of windows-1252 is `Ł` of windows-1250) the guess is
/// windows-1252, as for an English-language newsroom; text that is clearly
/// Central European, Cyrillic, Greek, … is still recognised.
const WESTERN_TLD: &[u8] = b"uk";

/// How to decode.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions {
    /// The encoding given with `--encoding`, overriding every other rule.
    pub forced: Option<&'static Encoding>,
    /// Replace malformed UTF-8/UTF-16 with U+FFFD instead of failing.
    pub lossy: bool,
    /// Look for an HTML `<meta>` declaration.
    pub html: bool,
}

/// A decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without byte-order mark.
    pub text: String,
    /// The encoding used, by its WHATWG name (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// Malformed bytes replaced by U+FFFD (only with `lossy`).
    pub replaced: usize,
}

/// Bytes that cannot be decoded: where, and as which encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    /// Byte offset of the first malformed byte, from the start of the input.
    pub offset: u64,
    /// The encoding the bytes were decoded as.
    pub encoding: &'static str,
}

/// The encoding named by a WHATWG label (`latin1`, `cp1252`, `utf8`, …).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decode `bytes` by the rules of the module documentation.
pub fn decode(bytes: &[u8], opts: DecodeOptions) -> Result<Decoded, Malformed> {
    if let Some(enc) = opts.forced {
        let (body, skip) = match Encoding::for_bom(bytes) {
            Some((bom, len)) if bom == enc => (&bytes[len..], len),
            _ => (bytes, 0),
        };
        return strict(enc, body, skip, opts.lossy);
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[len..], len, opts.lossy);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return strict(enc, bytes, 0, opts.lossy);
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(s) => {
            return Ok(Decoded {
                text: s.to_string(),
                encoding: UTF_8.name(),
                replaced: 0,
            })
        }
        Err(e) => e,
    };
    match declared(bytes, opts.html) {
        // A page declaring UTF-16 in ASCII markup is not UTF-16 (WHATWG).
        Some(enc) if enc == UTF_16LE || enc == UTF_16BE => {}
        Some(enc) if enc != UTF_8 => return strict(enc, bytes, 0, opts.lossy),
        Some(_) => return strict(UTF_8, bytes, 0, opts.lossy),
        None => {}
    }
    if damaged_utf8(bytes, &utf8_error) {
        return strict(UTF_8, bytes, 0, opts.lossy);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(Some(WESTERN_TLD), chardetng::Utf8Detection::Deny);
    strict(enc, bytes, 0, opts.lossy)
}

/// [`decode`] for owned bytes: valid UTF-8 (the common case) becomes the
/// text without a copy.
pub fn decode_vec(bytes: Vec<u8>, opts: DecodeOptions) -> Result<Decoded, Malformed> {
    if opts.forced.is_some() || Encoding::for_bom(&bytes).is_some() || sniff_utf16(&bytes).is_some()
    {
        return decode(&bytes, opts);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            replaced: 0,
        }),
        Err(e) => decode(e.as_bytes(), opts),
    }
}

/// True when bytes that are not UTF-8 look like damaged UTF-8 rather than
/// a legacy encoding: the text ends inside a multi-byte sequence, or holds
/// at least one valid multi-byte sequence.
fn damaged_utf8(bytes: &[u8], first: &std::str::Utf8Error) -> bool {
    if first.error_len().is_none() {
        return true; // the only problem is a sequence cut at the end
    }
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let valid = &rest[..e.valid_up_to()];
                if !valid.is_ascii() {
                    return true;
                }
                match e.error_len() {
                    Some(n) => rest = &rest[e.valid_up_to() + n..],
                    None => return true,
                }
            }
        }
    }
}

/// UTF-16 without a byte-order mark: most ASCII characters of UTF-16 text
/// have a NUL byte on one side, and text in any 8-bit encoding has none.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.iter().take(4096).any(|&b| b == 0) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 10 >= pairs * 3 && even * 10 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 3 && odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode all of `body` as `enc`; `skip` bytes (a byte-order mark) come
/// before `body` in the input, for error offsets.
fn strict(
    enc: &'static Encoding,
    body: &[u8],
    skip: usize,
    lossy: bool,
) -> Result<Decoded, Malformed> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(body.len().saturating_mul(3));
    let mut text = String::with_capacity(cap);
    let mut read = 0usize;
    let mut replaced = 0usize;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&body[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(body.len() - read)
                    .unwrap_or(64)
                    .max(64);
                text.reserve(more);
            }
            DecoderResult::Malformed(bad, extra) => {
                if !lossy {
                    let at = read - usize::from(bad) - usize::from(extra);
                    return Err(Malformed {
                        offset: (skip + at) as u64,
                        encoding: enc.name(),
                    });
                }
                replaced += usize::from(bad);
                text.push('\u{FFFD}');
            }
        }
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
        replaced,
    })
}

/// The encoding declared in the first 1024 bytes (XML declaration, and for
/// HTML a `<meta>` charset), if any and known.
fn declared(bytes: &[u8], html: bool) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, 0, b"?>").unwrap_or(lower.len());
        if let Some(enc) = attribute(&head[..end], &lower[..end], b"encoding") {
            return Some(enc);
        }
    }
    if !html {
        return None;
    }
    let mut from = 0;
    while let Some(at) = find(&lower, from, b"<meta") {
        let end = find(&lower, at, b">").unwrap_or(lower.len());
        let (tag, tag_lower) = (&head[at..end], &lower[at..end]);
        if let Some(enc) = attribute(tag, tag_lower, b"charset") {
            return Some(enc);
        }
        from = at + 5;
    }
    None
}

/// The encoding named after `name` (`charset=x`, `encoding="x"`) in a tag,
/// also inside another attribute's value (`content="text/html; charset=x"`).
fn attribute(tag: &[u8], lower: &[u8], name: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(at) = find(lower, from, name) {
        from = at + name.len();
        let mut i = from;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while tag
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !b"\"';>/".contains(b))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&tag[start..i]) {
            return Some(enc);
        }
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<(String, &'static str), Malformed> {
        let d = decode(bytes, DecodeOptions::default()).map(|d| (d.text, d.encoding));
        let v = decode_vec(bytes.to_vec(), DecodeOptions::default());
        assert_eq!(d, v.map(|d| (d.text, d.encoding)));
        d
    }

    fn html(bytes: &[u8]) -> Result<(String, &'static str), Malformed> {
        let opts = DecodeOptions {
            html: true,
            ..DecodeOptions::default()
        };
        decode(bytes, opts).map(|d| (d.text, d.encoding))
    }

    const SAID: &str = "\u{201C}It is safe,\u{201D} said Zo\u{eb} Ruiz, caf\u{e9} owner.";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(dec(SAID.as_bytes()), Ok((SAID.into(), "UTF-8")));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(SAID.as_bytes());
        assert_eq!(dec(&b), Ok((SAID.into(), "UTF-8")));
    }

    #[test]
    fn utf16_with_boms_and_without() {
        let units: Vec<u16> = SAID.encode_utf16().collect();
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        let with = |bom: &[u8], body: &[u8]| [bom, body].concat();
        assert_eq!(dec(&with(b"\xFF\xFE", &le)), Ok((SAID.into(), "UTF-16LE")));
        assert_eq!(dec(&with(b"\xFE\xFF", &be)), Ok((SAID.into(), "UTF-16BE")));
        assert_eq!(dec(&le), Ok((SAID.into(), "UTF-16LE")));
        assert_eq!(dec(&be), Ok((SAID.into(), "UTF-16BE")));
        // An unpaired surrogate: an error at its byte, or U+FFFD.
        let bad = with(b"\xFF\xFE", &[b'a', 0, 0x00, 0xD8, b'b', 0]);
        assert_eq!(
            dec(&bad),
            Err(Malformed {
                offset: 4,
                encoding: "UTF-16LE"
            })
        );
        let lossy = DecodeOptions {
            lossy: true,
            ..DecodeOptions::default()
        };
        let d = decode(&bad, lossy).map(|d| (d.text, d.replaced));
        assert_eq!(d, Ok(("a\u{FFFD}b".into(), 2)));
    }

    #[test]
    fn legacy_text_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(SAID);
        assert_eq!(dec(&bytes), Ok((SAID.into(), "windows-1252")));
    }

    #[test]
    fn declarations() {
        let page = format!("<html><head><meta charset=\"windows-1252\"></head><p>{SAID}</p>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
        assert_eq!(html(&bytes), Ok((page.clone(), "windows-1252")));
        let old = page.replace(
            "<meta charset=\"windows-1252\">",
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">",
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&old);
        assert_eq!(html(&bytes), Ok((old, "windows-1252")));
        let xml = "<?xml version='1.0' encoding='ISO-8859-15'?><p>Zo\u{eb} paid 5 \u{20ac}</p>";
        let (bytes, _, _) = encoding_rs::ISO_8859_15.encode(xml);
        assert_eq!(dec(&bytes), Ok((xml.to_string(), "ISO-8859-15")));
        // Valid UTF-8 wins over a wrong declaration.
        let lie = format!("<meta charset=latin1><p>{SAID}</p>");
        assert_eq!(html(lie.as_bytes()), Ok((lie, "UTF-8")));
    }

    #[test]
    fn damaged_utf8_is_an_error_or_lossy() {
        let bad = |b: &[u8]| dec(b).map_err(|m| m.offset);
        assert_eq!(bad(b"abc\xe2\x80"), Err(3));
        assert_eq!(bad(b"caf\xC3\xA9 \xff"), Err(6));
        let lossy = DecodeOptions {
            lossy: true,
            ..DecodeOptions::default()
        };
        let d = decode(b"caf\xC3\xA9 \xff!", lossy).map(|d| (d.text, d.encoding, d.replaced));
        assert_eq!(d, Ok(("caf\u{e9} \u{FFFD}!".into(), "UTF-8", 1)));
        assert_eq!(dec(b"\xEF\xBB\xBFab\xff").map_err(|m| m.offset), Err(5));
    }

    #[test]
    fn forced_encoding() {
        let opts = DecodeOptions {
            forced: encoding_for_label("latin1"),
            ..DecodeOptions::default()
        };
        let d = decode("caf\u{e9}".as_bytes(), opts).map(|d| (d.text, d.encoding));
        assert_eq!(d, Ok(("caf\u{c3}\u{a9}".into(), "windows-1252")));
        let utf8 = DecodeOptions {
            forced: encoding_for_label("utf-8"),
            ..DecodeOptions::default()
        };
        assert_eq!(decode(b"caf\xe9", utf8).map_err(|m| m.offset), Err(3));
        assert!(encoding_for_label("no-such-thing").is_none());
    }
}
