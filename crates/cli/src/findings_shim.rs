//! TEMPORARY adapter (issue #21, to be replaced when issue #16 lands): the
//! rows of `misquotes.csv` in the shape of issue #16's `findings.csv`
//! (`Finding`), so that the Findings sheet of `report.xlsx` and the
//! findings list of `index.html` can be built and tested before the
//! findings branch is merged.
//!
//! At merge, delete this module and pass the findings branch's `Finding`
//! rows to [`crate::xlsx`] and [`crate::review`] instead of
//! [`from_misquotes`]: both take any `Serialize` row with these field
//! names.

use std::collections::HashMap;

use quotecheck_dedup::MisquoteKind;
use serde::Serialize;

use crate::claims::DedupTables;
use crate::report::QuoteRow;
use crate::speakers::SpeakerIndex;

/// One finding, with issue #16's columns in its order (TEMPORARY: the
/// findings branch's `Finding` replaces it).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[allow(missing_docs)]
pub struct FindingRow {
    pub finding_id: String,
    pub rank: usize,
    pub severity: &'static str,
    pub kind: &'static str,
    pub change: &'static str,
    pub doc_a: String,
    pub doc_b: String,
    pub date_a: String,
    pub date_b: String,
    pub speaker_a: String,
    pub speaker_b: String,
    pub speaker_key_a: String,
    pub speaker_key_b: String,
    pub text_a: String,
    pub text_b: String,
    pub diff: String,
    pub context_a: String,
    pub context_b: String,
    pub explanation: String,
    pub similarity: f32,
    pub quote_id_a: String,
    pub quote_id_b: String,
    pub char_start_a: usize,
    pub char_end_a: usize,
    pub char_start_b: usize,
    pub char_end_b: usize,
    pub url_a: String,
    pub url_b: String,
}

/// The misquote rows of a run as findings (TEMPORARY, see the module
/// documentation): conflicting attributions first, then misquotes, each in
/// `misquotes.csv` order.
pub fn from_misquotes(
    tables: &DedupTables,
    quotes: &[QuoteRow],
    speakers: &SpeakerIndex,
) -> Vec<FindingRow> {
    let by_span: HashMap<(&str, usize, usize), &QuoteRow> = quotes
        .iter()
        .map(|q| {
            let r = &q.record;
            ((r.doc_id.as_str(), r.char_start, r.char_end), q)
        })
        .collect();
    let quote = |doc: &str, s: usize, e: usize| by_span.get(&(doc, s, e)).copied();
    let mut rows: Vec<FindingRow> = Vec::new();
    for conflict in [true, false] {
        for m in &tables.report.misquotes {
            if (m.kind == MisquoteKind::ConflictingAttribution) != conflict {
                continue;
            }
            let qa = quote(&m.doc_a, m.char_start_a, m.char_end_a);
            let qb = quote(&m.doc_b, m.char_start_b, m.char_end_b);
            let id = |q: Option<&QuoteRow>| q.map(|q| q.record.quote_id.clone());
            let context = |q: Option<&QuoteRow>| q.map(|q| q.record.sentence.clone());
            let explanation = if conflict {
                format!(
                    "The same words are attributed to {} in {} and to {} in {}.",
                    m.speaker_a, m.doc_a, m.speaker_b, m.doc_b
                )
            } else {
                format!(
                    "{} is quoted differently in {} and in {}.",
                    m.speaker_a, m.doc_a, m.doc_b
                )
            };
            rows.push(FindingRow {
                finding_id: format!("m{}", rows.len() + 1),
                rank: rows.len() + 1,
                severity: if conflict { "high" } else { "medium" },
                kind: m.kind.as_str(),
                change: if conflict { "" } else { "words" },
                speaker_key_a: speakers.key(&m.doc_a, &m.speaker_a).to_string(),
                speaker_key_b: speakers.key(&m.doc_b, &m.speaker_b).to_string(),
                doc_a: m.doc_a.clone(),
                doc_b: m.doc_b.clone(),
                date_a: String::new(),
                date_b: String::new(),
                speaker_a: m.speaker_a.clone(),
                speaker_b: m.speaker_b.clone(),
                text_a: m.quote_a.clone(),
                text_b: m.quote_b.clone(),
                diff: m.diff.clone(),
                context_a: context(qa).unwrap_or_default(),
                context_b: context(qb).unwrap_or_default(),
                explanation,
                similarity: m.similarity,
                quote_id_a: id(qa).unwrap_or_default(),
                quote_id_b: id(qb).unwrap_or_default(),
                char_start_a: m.char_start_a,
                char_end_a: m.char_end_a,
                char_start_b: m.char_start_b,
                char_end_b: m.char_end_b,
                url_a: String::new(),
                url_b: String::new(),
            });
        }
    }
    rows
}
