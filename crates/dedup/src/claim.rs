//! Claims: the units an editor would check.
//!
//! Every sentence of body text (boilerplate excluded) is a claim, and so is
//! every attributed quote (a quote whose speaker the engine resolved). A
//! quote that is its whole sentence (same normalised form) is only claimed
//! once, as the sentence, which then carries the quote's speaker. A document without any sentence but with text (a
//! one-line document the segmenter did not split) is one claim: the whole
//! trimmed text.
//!
//! ```
//! use quotecheck_core::{analyze, Document};
//! use quotecheck_dedup::claim::{claims_from, ClaimKind};
//!
//! let doc = Document::new("d1", "Žilina’s bridge reopened on Monday. Traffic resumed.");
//! let claims = claims_from(&doc, &analyze(&doc));
//! assert_eq!(claims.len(), 2);
//! assert_eq!(claims[1].kind, ClaimKind::Sentence);
//! assert_eq!(claims[1].text, "Traffic resumed.");
//! assert_eq!((claims[1].char_start, claims[1].char_end), (36, 52)); // code points
//! assert_eq!((claims[1].span.start, claims[1].span.end), (39, 55)); // bytes
//! assert_eq!(claims[1].normalized, "traffic resumed");
//! ```

use serde::{Deserialize, Serialize};

use quotecheck_core::{Analysis, CharIndex, Document, QuoteKind, Span};

use crate::normalize::normalize;

/// Where a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A sentence of body text.
    Sentence,
    /// An attributed quote.
    Quote,
}

impl ClaimKind {
    /// `sentence` or `quote`.
    ///
    /// ```
    /// use quotecheck_dedup::claim::ClaimKind;
    /// assert_eq!(ClaimKind::Quote.as_str(), "quote");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Sentence => "sentence",
            ClaimKind::Quote => "quote",
        }
    }
}

/// One claim of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Id of the document the claim is in.
    pub doc_id: String,
    /// Sentence or quote.
    pub kind: ClaimKind,
    /// The claim as written, exactly `text[span]` of the document.
    pub text: String,
    /// The normalised form ([`crate::normalize::normalize`]).
    pub normalized: String,
    /// Byte offsets into the document text, end exclusive.
    pub span: Span,
    /// Code-point offset of the first character.
    pub char_start: usize,
    /// Code-point offset one past the last character.
    pub char_end: usize,
    /// Canonical speaker name, for quotes.
    pub speaker: Option<String>,
    /// Direct, indirect or mixed, for quotes.
    #[serde(default)]
    pub quote_kind: Option<QuoteKind>,
}

impl Claim {
    /// The claim covering `span` of `doc_text` (`idx` indexes `doc_text`).
    /// Returns `None` when the span is not a valid slice of the text.
    pub fn at(
        doc_id: &str,
        doc_text: &str,
        idx: &CharIndex,
        span: Span,
        kind: ClaimKind,
        speaker: Option<String>,
    ) -> Option<Claim> {
        let text = span.slice(doc_text)?;
        let (char_start, char_end) = idx.char_span(span);
        Some(Claim {
            doc_id: doc_id.to_string(),
            kind,
            text: text.to_string(),
            normalized: normalize(text),
            span,
            char_start,
            char_end,
            speaker,
            quote_kind: None,
        })
    }

    /// A sentence claim that is a whole document of its own (offsets from 0).
    ///
    /// ```
    /// use quotecheck_dedup::claim::Claim;
    /// let c = Claim::whole("n1", "Fire kills 3 in Ōsaka");
    /// assert_eq!((c.char_start, c.char_end, c.span.end), (0, 21, 22));
    /// ```
    pub fn whole(doc_id: &str, text: &str) -> Claim {
        let idx = CharIndex::new(text);
        let span = Span::new(0, text.len());
        let (char_start, char_end) = idx.char_span(span);
        Claim {
            doc_id: doc_id.to_string(),
            kind: ClaimKind::Sentence,
            text: text.to_string(),
            normalized: normalize(text),
            span,
            char_start,
            char_end,
            speaker: None,
            quote_kind: None,
        }
    }
}

/// The claims of an analysed document, sorted by (start, end, kind).
pub fn claims_from(doc: &Document, analysis: &Analysis) -> Vec<Claim> {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    let mut out: Vec<Claim> = analysis
        .sentences
        .iter()
        .filter(|s| !analysis.is_boilerplate(**s))
        .filter_map(|&s| Claim::at(&doc.id, text, &idx, s, ClaimKind::Sentence, None))
        .filter(|c| !c.normalized.is_empty())
        .collect();
    if out.is_empty() && analysis.sentences.is_empty() && analysis.boilerplate.is_empty() {
        let span = Span::new(0, text.len()).trim(text);
        if let Some(c) = Claim::at(&doc.id, text, &idx, span, ClaimKind::Sentence, None) {
            if !c.normalized.is_empty() {
                out.push(c);
            }
        }
    }
    let sentences = out.len();
    // The sentence claims are in text order; when their spans never nest
    // or overlap (ends ascending too), the sentences that can contain a
    // quote are found by binary search instead of a scan of every sentence
    // for every quote.
    let ordered = out
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start && w[0].span.end <= w[1].span.end);
    // One claim per quoted piece: the attribution that interrupts a quotation
    // (`“A,” he said. “B.”`) is not part of what was said.
    for q in &analysis.quotes {
        let Some(speaker) = analysis.speaker_of(q) else {
            continue;
        };
        if analysis.is_boilerplate(q.span) {
            continue;
        }
        for piece in q.pieces() {
            let Some(mut c) = Claim::at(
                &doc.id,
                text,
                &idx,
                piece.trim(text),
                ClaimKind::Quote,
                Some(speaker.name.clone()),
            ) else {
                continue;
            };
            c.quote_kind = Some(q.kind);
            if c.normalized.is_empty() {
                continue;
            }
            let range = if ordered {
                let hi = out[..sentences].partition_point(|s| s.span.start <= c.span.start);
                let lo = out[..hi].partition_point(|s| s.span.end < c.span.end);
                lo..hi
            } else {
                0..sentences
            };
            let same_as_sentence = out[range]
                .iter_mut()
                .find(|s| s.span.contains(c.span) && s.normalized == c.normalized);
            match same_as_sentence {
                // The sentence is the quote: it keeps its speaker, so that
                // misquotes and conflicting attributions see it.
                Some(s) => {
                    s.speaker = c.speaker;
                    s.quote_kind = c.quote_kind;
                }
                None => out.push(c),
            }
        }
    }
    out.sort_by_key(|c| (c.span.start, c.span.end, c.kind));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use quotecheck_core::analyze;

    #[test]
    fn one_sentence_document() {
        let doc = Document::new("one", "Fire kills 3 in Osaka");
        let claims = claims_from(&doc, &analyze(&doc));
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].text, "Fire kills 3 in Osaka");
        assert_eq!((claims[0].char_start, claims[0].char_end), (0, 21));
    }

    #[test]
    fn interrupted_quotation_gives_one_claim_per_piece() {
        let doc = Document::new(
            "q",
            "Mayor Ana Ruiz spoke on Monday. “The bridge is safe for every car and truck,” Ruiz said. “We inspected all of its cables in March.”",
        );
        let analysis = analyze(&doc);
        assert!(analysis.quotes.iter().any(|q| q.parts.len() == 2));
        let claims = claims_from(&doc, &analysis);
        let quotes: Vec<&str> = claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Quote)
            .map(|c| c.text.as_str())
            .collect();
        // The first piece is a quote claim; the second is its whole sentence,
        // claimed once as the sentence; the attribution is in neither.
        assert_eq!(quotes, ["The bridge is safe for every car and truck,"]);
        assert!(claims
            .iter()
            .any(|c| c.text.contains("We inspected all of its cables in March.")));
    }

    #[test]
    fn empty_document_has_no_claims() {
        let doc = Document::new("e", "  \n ");
        assert!(claims_from(&doc, &analyze(&doc)).is_empty());
    }

    #[test]
    fn offsets_are_code_points() {
        let doc = Document::new("u", "“Ça va.” Žižek left.");
        let claims = claims_from(&doc, &analyze(&doc));
        let last = claims.last().expect("claims");
        let chars: Vec<char> = doc.text.chars().collect();
        let s: String = chars[last.char_start..last.char_end].iter().collect();
        assert_eq!(s, last.text);
    }
}
