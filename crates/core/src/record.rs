//! Flat, serialisable records of an [`Analysis`]: the stable output schema
//! shared by the CLI, the scorer and anyone reading quotecheck's JSON.
//!
//! Offsets named `char_*` / `*_start` / `*_end` are Unicode code-point
//! offsets into the document text, end exclusive; offsets named `byte_*`
//! are UTF-8 byte offsets. Fields are only ever added, never renamed.

use serde::{Deserialize, Serialize};

use crate::document::{Analysis, Document};
use crate::quote::{QuoteKind, QuoteType};
use crate::span::{CharIndex, Span};

/// One quote as a flat record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Document id.
    pub doc_id: String,
    /// `<doc_id>#<n>`, n counting quotes of the document from 1 in text order.
    #[serde(default)]
    pub quote_id: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: QuoteKind,
    /// The quoted content: exactly `text[char_start..char_end]` for a quote
    /// in one piece; for a quotation interrupted by its own attribution
    /// (`“A,” he said. “B.”`), only the spoken words: the texts of its
    /// [`QuoteRecord::parts`] joined by [`PART_JOINER`] (`A, … B.`), never
    /// the attribution between them.
    pub quote: String,
    /// Code-point offset of the first quoted character.
    pub char_start: usize,
    /// Code-point offset one past the last quoted character.
    pub char_end: usize,
    /// Byte offset of the first quoted character.
    #[serde(default)]
    pub byte_start: usize,
    /// Byte offset one past the last quoted character.
    #[serde(default)]
    pub byte_end: usize,
    /// Canonical speaker name (empty when unknown).
    #[serde(default)]
    pub speaker: String,
    /// The speaker's role or title, when known.
    #[serde(default)]
    pub speaker_role: String,
    /// Speaker mention as written at this quote, with a describing
    /// appositive or relative clause (`Ms. Leon, who works as a secretary`).
    #[serde(default)]
    pub mention: String,
    /// Code-point offset of the mention (absent when there is none).
    #[serde(default)]
    pub mention_start: Option<usize>,
    /// Code-point end of the mention.
    #[serde(default)]
    pub mention_end: Option<usize>,
    /// The cue as written (`said`, `according to`).
    #[serde(default)]
    pub cue: String,
    /// Code-point offset of the cue.
    #[serde(default)]
    pub cue_start: Option<usize>,
    /// Code-point end of the cue.
    #[serde(default)]
    pub cue_end: Option<usize>,
    /// For mixed quotes, the quoted fragment.
    #[serde(default)]
    pub fragment: String,
    /// Code-point offset of the fragment.
    #[serde(default)]
    pub fragment_start: Option<usize>,
    /// Code-point end of the fragment.
    #[serde(default)]
    pub fragment_end: Option<usize>,
    /// The sentence(s) around the quote, for context.
    #[serde(default)]
    pub sentence: String,
    /// The probability that the quote and its speaker are both right, in
    /// `[0, 1]`, calibrated on the PolNeAR train split (docs/accuracy.md,
    /// "Confidence").
    pub confidence: f32,
    /// The probability that the speaker is right when the quote is, in
    /// `[0, 1]` (absent in records written before it: 0).
    #[serde(default)]
    pub speaker_confidence: f32,
    /// The rule that produced the quote.
    #[serde(default)]
    pub reason: String,
    /// `speech`, `stance` (beliefs, intentions, hedges, positions) or
    /// `evidence` (documents, polls, data): the class of the cue.
    #[serde(rename = "type", default = "speech")]
    pub quote_type: QuoteType,
    /// The quoted pieces of a quotation interrupted by its own attribution
    /// (`“A,” he said. “B.”`), whose `char_start..char_end` then spans both
    /// pieces with the attribution between them (as PolNeAR annotates it)
    /// while `quote` joins only the pieces; empty for a quote in one piece.
    #[serde(default)]
    pub parts: Vec<PartRecord>,
}

/// One quoted piece of an interrupted quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartRecord {
    /// The piece, exactly `text[char_start..char_end]`.
    pub text: String,
    /// Code-point offset of the first character of the piece.
    pub char_start: usize,
    /// Code-point offset one past the last character of the piece.
    pub char_end: usize,
    /// Byte offset of the first character of the piece.
    pub byte_start: usize,
    /// Byte offset one past the last character of the piece.
    pub byte_end: usize,
}

/// One speaker of one document as a flat record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    /// Document id.
    pub doc_id: String,
    /// Canonical name.
    pub speaker: String,
    /// Role or title, when known.
    pub role: String,
    /// `person`, `organization`, `group` or `unknown`.
    pub kind: String,
    /// Distinct mentions as written, in order of first use.
    pub mentions: Vec<String>,
    /// Number of quotes attributed to the speaker.
    pub quote_count: usize,
}

/// What joins the pieces of an interrupted quotation in
/// [`QuoteRecord::quote`]: an ellipsis between spaces, the editor's mark
/// for words left out (here the attribution).
pub const PART_JOINER: &str = " … ";

/// The type of a record that does not name one (written before types).
fn speech() -> QuoteType {
    QuoteType::Speech
}

fn slice(text: &str, span: Span) -> String {
    span.slice(text).unwrap_or_default().to_string()
}

/// Flatten the quotes of an analysis into records, in text order.
///
/// ```
/// use quotecheck_core::{analyze, quote_records, Document};
/// let doc = Document::new("d", "“We will win,” she said.");
/// let analysis = analyze(&doc);
/// let records = quote_records(&doc, &analysis);
/// assert_eq!(records[0].quote, "We will win,");
/// assert_eq!((records[0].char_start, records[0].char_end), (1, 13));
///
/// // An interrupted quotation: the spoken words only, its pieces in `parts`.
/// let doc = Document::new("d", "“We will win,” she said. “We always win in the end.”");
/// let records = quote_records(&doc, &analyze(&doc));
/// assert_eq!(records[0].quote, "We will win, … We always win in the end.");
/// assert_eq!(records[0].parts.len(), 2);
/// ```
pub fn quote_records(doc: &Document, analysis: &Analysis) -> Vec<QuoteRecord> {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    let ch = |s: Span| idx.char_span(s);
    analysis
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let (char_start, char_end) = ch(q.span);
            let speaker = analysis.speaker_of(q);
            let mention = q.mention.as_ref();
            let mspan = mention.map(|m| ch(m.span));
            let cspan = q.cue.as_ref().map(|c| ch(c.span));
            let fspan = q.fragment.map(ch);
            let mut around = q.span;
            if let Some(m) = mention {
                around = around.hull(m.span);
            }
            if let Some(c) = &q.cue {
                around = around.hull(c.span);
            }
            let context = clamp_context(
                text,
                context_span(&analysis.sentences, around).unwrap_or(around),
                around,
            );
            QuoteRecord {
                doc_id: doc.id.clone(),
                quote_id: format!("{}#{}", doc.id, i + 1),
                kind: q.kind,
                quote: if q.parts.is_empty() {
                    slice(text, q.span)
                } else {
                    let pieces: Vec<&str> = q
                        .parts
                        .iter()
                        .map(|p| p.slice(text).unwrap_or_default())
                        .collect();
                    pieces.join(PART_JOINER)
                },
                char_start,
                char_end,
                byte_start: q.span.start,
                byte_end: q.span.end,
                speaker: speaker.map(|s| s.name.clone()).unwrap_or_default(),
                speaker_role: speaker.and_then(|s| s.role.clone()).unwrap_or_default(),
                mention: mention.map(|m| m.text.clone()).unwrap_or_default(),
                mention_start: mspan.map(|s| s.0),
                mention_end: mspan.map(|s| s.1),
                cue: q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                cue_start: cspan.map(|s| s.0),
                cue_end: cspan.map(|s| s.1),
                fragment: q.fragment.map(|f| slice(text, f)).unwrap_or_default(),
                fragment_start: fspan.map(|s| s.0),
                fragment_end: fspan.map(|s| s.1),
                sentence: slice(text, context)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                confidence: q.confidence,
                speaker_confidence: q.speaker_confidence,
                reason: match q.no_speaker {
                    Some(why) => format!("{}; no speaker: {why}", q.reason),
                    None => q.reason.clone(),
                },
                quote_type: q.quote_type,
                parts: q
                    .parts
                    .iter()
                    .map(|&p| {
                        let (char_start, char_end) = ch(p);
                        PartRecord {
                            text: slice(text, p),
                            char_start,
                            char_end,
                            byte_start: p.start,
                            byte_end: p.end,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Keep at most ~300 bytes of context on each side of `around`, so that one
/// enormous sentence does not make every record as long as the document.
fn clamp_context(text: &str, context: Span, around: Span) -> Span {
    let mut start = context.start.max(around.start.saturating_sub(300));
    let mut end = context.end.min(around.end + 300).max(start);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

/// The hull of the sentences overlapping `span`, if any.
fn context_span(sentences: &[Span], span: Span) -> Option<Span> {
    let first = sentences.partition_point(|s| s.end <= span.start);
    let mut hull: Option<Span> = None;
    for s in &sentences[first..] {
        if s.start >= span.end.max(span.start + 1) {
            break;
        }
        hull = Some(hull.map_or(*s, |h| h.hull(*s)));
    }
    hull
}

/// Flatten the speakers of an analysis into records.
pub fn speaker_records(doc: &Document, analysis: &Analysis) -> Vec<SpeakerRecord> {
    // Quotes per speaker, counted once (not a scan of every quote per
    // speaker, which made documents with many speakers quadratic).
    let mut counts = vec![0usize; analysis.speakers.len()];
    for q in &analysis.quotes {
        if let Some(c) = q.speaker.and_then(|i| counts.get_mut(i)) {
            *c += 1;
        }
    }
    analysis
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut mentions: Vec<String> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for m in &s.mentions {
                if seen.insert(m.text.as_str()) {
                    mentions.push(m.text.clone());
                }
            }
            SpeakerRecord {
                doc_id: doc.id.clone(),
                speaker: s.name.clone(),
                role: s.role.clone().unwrap_or_default(),
                kind: serde_json::to_value(s.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                mentions,
                quote_count: counts[i],
            }
        })
        .collect()
}
