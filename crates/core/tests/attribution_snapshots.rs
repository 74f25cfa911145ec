//! Snapshots of the engine's output on every fixture article
//! (`fixtures/articles/*.txt`): a compact view of the quote records plus the
//! speakers and boilerplate lines, one JSON snapshot per article in
//! `tests/snapshots/`. Review changes with `cargo insta review`.

use quotecheck_core::{analyze, quote_records, speaker_records, Document, QuoteKind, QuoteType};
use serde::Serialize;

fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// One quote record, compactly (fields in reading order).
#[derive(Serialize)]
struct QuoteView {
    kind: QuoteKind,
    #[serde(rename = "type")]
    quote_type: QuoteType,
    quote: String,
    char_start: usize,
    char_end: usize,
    speaker: String,
    mention: String,
    cue: String,
    confidence: f64,
    speaker_confidence: f64,
    reason: String,
}

/// One speaker of the article.
#[derive(Serialize)]
struct SpeakerView {
    speaker: String,
    role: String,
    kind: String,
    mentions: Vec<String>,
    quote_count: usize,
}

/// The snapshot of one article.
#[derive(Serialize)]
struct View {
    quotes: Vec<QuoteView>,
    speakers: Vec<SpeakerView>,
    boilerplate: Vec<String>,
}

/// The compact view of one article's analysis.
fn view(doc: &Document) -> View {
    let analysis = analyze(doc);
    let quotes = quote_records(doc, &analysis)
        .into_iter()
        .map(|r| QuoteView {
            kind: r.kind,
            quote_type: r.quote_type,
            quote: r.quote,
            char_start: r.char_start,
            char_end: r.char_end,
            speaker: r.speaker,
            mention: r.mention,
            cue: r.cue,
            confidence: round2(r.confidence),
            speaker_confidence: round2(r.speaker_confidence),
            reason: r.reason,
        })
        .collect();
    let speakers = speaker_records(doc, &analysis)
        .into_iter()
        .map(|s| SpeakerView {
            speaker: s.speaker,
            role: s.role,
            kind: s.kind,
            mentions: s.mentions,
            quote_count: s.quote_count,
        })
        .collect();
    let boilerplate = analysis
        .boilerplate
        .iter()
        .filter_map(|b| b.slice(&doc.text))
        .map(str::to_string)
        .collect();
    View {
        quotes,
        speakers,
        boilerplate,
    }
}

/// One snapshot per article, named after the file (`insta::glob!` would
/// suffix the name with the file name; the suffix is dropped because the
/// name already is the file's stem). `glob!` fails when nothing matches.
#[test]
fn attribution_snapshots() {
    insta::glob!("../../../fixtures/articles", "*.txt", |path| {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 file name")
            .to_string();
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let doc = Document::new(name.clone(), text);
        let value = view(&doc);
        insta::with_settings!({
            snapshot_path => "snapshots",
            prepend_module_to_snapshot => false,
            snapshot_suffix => "",
            omit_expression => true,
        }, {
            insta::assert_json_snapshot!(name, value);
        });
    });
}
