//! `index.html`: the self-contained review page of a report — findings,
//! each document with its quotes highlighted in their speakers' colours,
//! the speakers with their quotes, and each finding side by side.
//!
//! The page is one file that works from disk with no network: its HTML,
//! CSS and JavaScript are the assets in `review/` (included at build time),
//! and the report's data is embedded once as JSON in a
//! `<script type="application/json">` element, from which the script renders
//! one view at a time (so a report of thousands of documents is not
//! thousands of pages of DOM). The JSON is written with `<`, `>`, `&`,
//! U+2028 and U+2029 escaped, so no text of an article can end the element
//! or be read as markup, and the script puts every text into the page as a
//! text node. A Content-Security-Policy allows only the page's own script
//! (by its SHA-256 hash) and no network access at all.

use std::collections::HashMap;
use std::io::{self, Write};

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::output::HtmlSafe;
use crate::report::QuoteRow;
use crate::speakers::SpeakerKeyRecord;
use crate::summary::DocumentStatus;

const PAGE: &str = include_str!("review/page.html");
const CSS: &str = include_str!("review/review.css");
const JS: &str = include_str!("review/review.js");

/// What the page shows. `F` is any finding row type with the field names
/// of `findings.csv` (`finding_id`, `kind`, `severity`, `doc_a`,
/// `char_start_a`, …).
#[derive(Debug, Clone, Copy)]
pub struct PageInput<'a, F> {
    /// The documents of the run, in input order (failed inputs included).
    pub documents: &'a [DocumentStatus],
    /// The text of each document, by document id.
    pub texts: &'a HashMap<String, String>,
    /// The quotes (rows of `quotes.csv`).
    pub quotes: &'a [QuoteRow],
    /// The speakers (rows of `speakers.csv`).
    pub speakers: &'a [SpeakerKeyRecord],
    /// The findings, ranked.
    pub findings: &'a [F],
}

#[derive(Serialize)]
struct PageData<'a, F> {
    quotecheck_version: &'static str,
    documents: Vec<PageDoc<'a>>,
    quotes: Vec<PageQuote<'a>>,
    speakers: &'a [SpeakerKeyRecord],
    findings: &'a [F],
}

#[derive(Serialize)]
struct PageDoc<'a> {
    #[serde(flatten)]
    status: &'a DocumentStatus,
    text: &'a str,
}

/// The fields of a quote the page uses (not its sentence or byte offsets).
#[derive(Serialize)]
struct PageQuote<'a> {
    doc_id: &'a str,
    quote_id: &'a str,
    kind: &'a str,
    /// `speech`, `stance` or `evidence`.
    #[serde(rename = "type")]
    quote_type: &'a str,
    quote: &'a str,
    char_start: usize,
    char_end: usize,
    speaker: &'a str,
    speaker_key: &'a str,
    speaker_role: &'a str,
    mention: &'a str,
    cue: &'a str,
    confidence: f32,
    speaker_confidence: f32,
    reason: &'a str,
}

impl<'a> From<&'a QuoteRow> for PageQuote<'a> {
    fn from(row: &'a QuoteRow) -> Self {
        let r = &row.record;
        PageQuote {
            doc_id: &r.doc_id,
            quote_id: &r.quote_id,
            kind: r.kind.as_str(),
            quote_type: r.quote_type.as_str(),
            quote: &r.quote,
            char_start: r.char_start,
            char_end: r.char_end,
            speaker: &r.speaker,
            speaker_key: &row.speaker_key,
            speaker_role: &r.speaker_role,
            mention: &r.mention,
            cue: &r.cue,
            confidence: r.confidence,
            speaker_confidence: r.speaker_confidence,
            reason: &r.reason,
        }
    }
}

/// JSON text safe inside a `<script>` element: `<`, `>`, `&` as
/// [`HtmlSafe`] writes them, and U+2028 / U+2029 (line and paragraph
/// separators) as `\u2028` / `\u2029`. The JSON value is unchanged.
///
/// ```
/// let json = quotecheck::review::script_json(&"</script>\u{2028}").unwrap();
/// assert_eq!(json, r#""\u003c/script\u003e\u2028""#);
/// ```
pub fn script_json<T: Serialize + ?Sized>(value: &T) -> io::Result<String> {
    let mut out = Vec::new();
    write_script_json(&mut out, value)?;
    String::from_utf8(out).map_err(io::Error::other)
}

/// Write `value` as [`script_json`] does, straight to `w` (nothing of the
/// size of the JSON is held).
fn write_script_json<T: Serialize + ?Sized>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut out = HtmlSafe(Separators(w));
    serde_json::to_writer(&mut out, value)?;
    Ok(())
}

/// A writer that writes U+2028 and U+2029 as `\u2028` and `\u2029` (in
/// JSON strings, where serde_json writes them raw). serde_json writes
/// every character whole, in one call.
struct Separators<'a>(&'a mut dyn Write);

impl Write for Separators<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for i in memchr::memchr_iter(0xE2, buf) {
            let escaped: &[u8] = match buf.get(i + 1..i + 3) {
                Some([0x80, 0xA8]) => b"\\u2028",
                Some([0x80, 0xA9]) => b"\\u2029",
                _ => continue,
            };
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(escaped)?;
            start = i + 3;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The Content-Security-Policy source of the page's script.
fn script_hash() -> String {
    let digest = Sha256::digest(JS.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The whole page.
pub fn page<F: Serialize>(input: &PageInput<'_, F>) -> io::Result<String> {
    let mut out = Vec::new();
    write(&mut out, input)?;
    String::from_utf8(out).map_err(io::Error::other)
}

/// Write the page to `w` (for [`crate::output::Staged`]), its data
/// serialised straight into `w`.
pub fn write<F: Serialize>(w: &mut dyn Write, input: &PageInput<'_, F>) -> io::Result<()> {
    let documents = input
        .documents
        .iter()
        .map(|status| PageDoc {
            status,
            text: status
                .doc_id
                .as_ref()
                .filter(|_| status.status == "ok")
                .and_then(|id| input.texts.get(id))
                .map_or("", String::as_str),
        })
        .collect();
    let data = PageData {
        quotecheck_version: env!("CARGO_PKG_VERSION"),
        documents,
        quotes: input.quotes.iter().map(PageQuote::from).collect(),
        speakers: input.speakers,
        findings: input.findings,
    };
    // The data goes in last, so that nothing in it is read as a placeholder.
    let (head, tail) = PAGE
        .split_once("{{DATA}}")
        .ok_or_else(|| io::Error::other("page template without {{DATA}}"))?;
    let fill = |s: &str| {
        s.replace("{{SCRIPT_HASH}}", &script_hash())
            .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
            .replace("{{CSS}}", CSS)
            .replace("{{JS}}", JS)
    };
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    w.write_all(fill(head).as_bytes())?;
    write_script_json(&mut w, &data)?;
    w.write_all(fill(tail).as_bytes())?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(id: &str) -> DocumentStatus {
        DocumentStatus {
            doc_id: Some(id.into()),
            source: format!("{id}.txt"),
            line: None,
            status: "ok".into(),
            chars: 0,
            quotes: 0,
            speakers: 0,
            encoding: None,
            language: None,
            date: None,
            url: None,
            error_kind: None,
            error: None,
        }
    }

    /// Only the two separators are escaped; other characters that start
    /// with the same byte (dashes, curly quotes, the ellipsis) stay as
    /// they are, and the JSON reads back to the same value.
    #[test]
    fn separators_are_escaped_and_nothing_else() -> io::Result<()> {
        let text = "a\u{2028}b \u{2014} \u{201c}c\u{201d}\u{2026}\u{2029}";
        let json = script_json(text)?;
        assert_eq!(
            json,
            "\"a\\u2028b \u{2014} \u{201c}c\u{201d}\u{2026}\\u2029\""
        );
        let back: String = serde_json::from_str(&json)?;
        assert_eq!(back, text);
        Ok(())
    }

    #[test]
    fn article_markup_is_never_raw_in_the_page() -> io::Result<()> {
        let payload =
            "</script><script>document.title='x'</script><img src=x onerror=alert(1)> \u{2028}";
        let docs = [status("d1")];
        let texts = HashMap::from([("d1".to_string(), payload.to_string())]);
        let findings: [serde_json::Value; 0] = [];
        let html = page(&PageInput {
            documents: &docs,
            texts: &texts,
            quotes: &[],
            speakers: &[],
            findings: &findings,
        })?;
        assert!(!html.contains("<img"));
        assert!(!html.contains("onerror=alert(1)>"));
        assert!(!html.contains('\u{2028}'));
        assert_eq!(
            html.matches("<script").count(),
            2,
            "only the page's own scripts"
        );
        assert_eq!(html.matches("</script>").count(), 2);
        // The embedded data reads back to the article text.
        let start = html.find(r#"id="data">"#).map(|i| i + 10).unwrap_or(0);
        let end = html[start..].find("</script>").map_or(0, |i| start + i);
        let data: serde_json::Value = serde_json::from_str(&html[start..end])?;
        assert_eq!(data["documents"][0]["text"], payload);
        Ok(())
    }

    #[test]
    fn the_script_is_allowed_by_its_hash_only() -> io::Result<()> {
        let findings: [serde_json::Value; 0] = [];
        let html = page(&PageInput {
            documents: &[],
            texts: &HashMap::new(),
            quotes: &[],
            speakers: &[],
            findings: &findings,
        })?;
        assert!(html.contains(&format!("script-src '{}'", script_hash())));
        assert!(html.contains(&format!("<script>{JS}</script>")));
        assert!(!html.contains("{{"));
        assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
        Ok(())
    }
}
