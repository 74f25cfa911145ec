//! The document model: a [`Document`] is an id and its original text, and an
//! [`Analysis`] is everything the engine found in it.

use serde::{Deserialize, Serialize};

use crate::quote::Quote;
use crate::span::Span;
use crate::speaker::Speaker;

/// One article: an id chosen by the caller and its original text.
///
/// The text is never modified; every offset quotecheck reports points into it.
///
/// ```
/// use quotecheck_core::Document;
/// let doc = Document::new("a1", "“Yes,” she said.");
/// assert_eq!(doc.id, "a1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier, e.g. a file name or a CMS id.
    pub id: String,
    /// The original text.
    pub text: String,
}

impl Document {
    /// A document from an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
        }
    }
}

/// The result of analysing one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Paragraph spans (byte offsets), in order.
    pub paragraphs: Vec<Span>,
    /// Sentence spans (byte offsets), in order; boilerplate lines excluded.
    pub sentences: Vec<Span>,
    /// Lines recognised as page furniture (comment widgets, share lines, a
    /// repeated headline); never attributed and never claimed.
    pub boilerplate: Vec<Span>,
    /// Quotes sorted by span start (then longest first).
    pub quotes: Vec<Quote>,
    /// Canonical speakers of this document; [`Quote::speaker`] indexes into it.
    pub speakers: Vec<Speaker>,
}

impl Analysis {
    /// The canonical speaker of a quote, if resolved.
    pub fn speaker_of(&self, quote: &Quote) -> Option<&Speaker> {
        quote.speaker.and_then(|i| self.speakers.get(i))
    }

    /// True when `span` overlaps a boilerplate line.
    pub fn is_boilerplate(&self, span: Span) -> bool {
        // Boilerplate lines are sorted and disjoint: only the first one
        // ending after `span` starts can overlap it first (O(log n)).
        let i = self.boilerplate.partition_point(|b| b.end <= span.start);
        self.boilerplate[i..]
            .iter()
            .take_while(|b| b.start < span.end)
            .any(|b| b.overlap(span) > 0)
    }
}
