//! The attribution pipeline: segment, find boilerplate, detect quotes,
//! resolve speakers.

use crate::boilerplate;
use crate::document::{Analysis, Document};
use crate::segment;

/// Analyse one document.
pub fn analyze(doc: &Document) -> Analysis {
    let text = doc.text.as_str();
    let paragraphs = segment::paragraphs(text);
    let boilerplate = boilerplate::detect(text, &paragraphs);
    let body: Vec<_> = paragraphs
        .iter()
        .copied()
        .filter(|p| !boilerplate.contains(p))
        .collect();
    let sentences = segment::sentences_in(text, &body);
    Analysis {
        paragraphs,
        sentences,
        boilerplate,
        quotes: Vec::new(),
        speakers: Vec::new(),
    }
}
