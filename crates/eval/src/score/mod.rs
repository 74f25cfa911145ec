//! Scoring predicted quotes against gold annotations.
//!
//! The matching rule is described in full in `docs/scoring.md`. In short:
//!
//! 1. Every span, gold and predicted, is trimmed of quote marks, whitespace
//!    and final punctuation at both ends ([`trim_chars`]) and of a leading
//!    complementiser `that`, `whether` or `if` ([`content_chars`]).
//! 2. Each prediction is *assigned* to the gold quote of the same document it
//!    overlaps most, provided at least half of the prediction lies inside it.
//!    A mixed prediction tries its clause span first and its quoted fragment
//!    when the clause fails that test.
//! 3. A gold quote is *found* when the union of the predictions assigned to
//!    it reaches IoU ≥ 0.5 with it ([`union_iou`]). Predictions assigned to
//!    nothing, or to a gold quote that is not found, are false positives.
//! 4. Optional gold quotes are never misses, and predictions assigned to them
//!    are neither true nor false positives.
//!
//! ```
//! use quotecheck_eval::gold::GoldDocument;
//! use quotecheck_eval::score::{score, ScoreOptions};
//! use quotecheck_core::QuoteRecord;
//!
//! let gold: GoldDocument = serde_json::from_str(r#"{
//!     "id": "d", "text": "“We will win,” she said.",
//!     "quotes": [{"kind": "direct", "quote": "We will win,", "start": 1, "end": 13,
//!                 "speaker": "Ana Ruiz", "mention": "she"}]}"#).unwrap();
//! let pred: QuoteRecord = serde_json::from_str(r#"{
//!     "doc_id": "d", "kind": "direct", "quote": "We will win", "char_start": 1,
//!     "char_end": 12, "speaker": "Ana Ruiz", "confidence": 0.9}"#).unwrap();
//! let report = score(&[gold], &[pred], &ScoreOptions::default());
//! assert_eq!((report.overall.tp, report.overall.fp, report.overall.fn_), (1, 0, 0));
//! assert_eq!(report.exact.tp, 1); // equal after trimming the comma
//! assert_eq!(report.speaker.overall.accuracy, 1.0);
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::gold::{GoldDocument, GoldQuote};
use crate::Error;
use quotecheck_core::Document;
use quotecheck_core::QuoteKind;
use quotecheck_core::QuoteRecord;

/// Number of gold cues listed in [`ScoreReport::by_cue`].
pub const TOP_CUES: usize = 30;

/// Characters of context on each side of an [`ErrorSample`].
pub const CONTEXT_CHARS: usize = 80;

/// Documents without predictions listed by [`ScoreReport::render_table`]
/// (the JSON report lists all of them).
const MAX_LISTED_DOCUMENTS: usize = 20;

const KINDS: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect];

pub mod keys;
mod load;
mod names;
mod render;
mod report;
mod spans;
pub mod speech;
#[cfg(test)]
mod tests;

pub use load::{load_gold, load_predictions, predict};
pub use names::{names_match, normalize_cue, normalize_name};
pub use report::*;
pub use spans::{content_chars, iou, is_trimmed, overlap, trim_chars, union_iou, COMPLEMENTISERS};

/// The compared span ([`content_chars`]) of each gold quote of `doc`,
/// whose text is `chars`.
pub(crate) fn gold_spans(doc: &GoldDocument, chars: &[char]) -> Vec<(usize, usize)> {
    doc.quotes
        .iter()
        .map(|q| content_chars(chars, q.start, q.end))
        .collect()
}

/// How a prediction was assigned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Assignment {
    pub(crate) gold: usize,
    /// The (trimmed) prediction span used: clause or fragment.
    pub(crate) span: (usize, usize),
    overlap: usize,
}

/// The gold quote `span` overlaps most (lowest index on ties), when at least
/// half of `span` lies inside it.
fn assign_span(span: (usize, usize), gold_spans: &[(usize, usize)]) -> Option<Assignment> {
    let len = span.1.saturating_sub(span.0);
    if len == 0 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (gi, &g) in gold_spans.iter().enumerate() {
        let ov = overlap(span, g);
        if ov > 0 && !matches!(best, Some((_, b)) if ov <= b) {
            best = Some((gi, ov));
        }
    }
    let (gold, ov) = best?;
    (2 * ov >= len).then_some(Assignment {
        gold,
        span,
        overlap: ov,
    })
}

pub(crate) fn assign(
    pred: &QuoteRecord,
    chars: &[char],
    gold_spans: &[(usize, usize)],
) -> Option<Assignment> {
    let clause = content_chars(chars, pred.char_start, pred.char_end);
    if let Some(a) = assign_span(clause, gold_spans) {
        return Some(a);
    }
    if pred.kind == QuoteKind::Mixed {
        if let (Some(s), Some(e)) = (pred.fragment_start, pred.fragment_end) {
            return assign_span(content_chars(chars, s, e), gold_spans);
        }
    }
    None
}

/// The speaker verdict for a found gold quote and its main prediction;
/// `None` when the gold gives nothing to judge against.
/// How the predictions of one document (sorted by span) meet its gold
/// quotes: each prediction's assignment, the predictions assigned to each
/// gold quote and whether (with what union IoU) each gold quote is found.
pub(crate) struct DocMatch {
    pub(crate) assignments: Vec<Option<Assignment>>,
    pub(crate) assigned: Vec<Vec<usize>>,
    pub(crate) found: Vec<(bool, f64)>,
}

impl DocMatch {
    pub(crate) fn new(
        preds: &[&QuoteRecord],
        chars: &[char],
        gold_spans: &[(usize, usize)],
    ) -> DocMatch {
        let assignments: Vec<Option<Assignment>> =
            preds.iter().map(|p| assign(p, chars, gold_spans)).collect();
        let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); gold_spans.len()];
        for (pi, a) in assignments.iter().enumerate() {
            if let Some(a) = a {
                assigned[a.gold].push(pi);
            }
        }
        let found: Vec<(bool, f64)> = gold_spans
            .iter()
            .zip(&assigned)
            .map(|(&g, ps)| {
                let spans: Vec<(usize, usize)> = ps
                    .iter()
                    .filter_map(|&pi| assignments[pi].map(|a| a.span))
                    .collect();
                let v = union_iou(&spans, g);
                (v >= 0.5, v)
            })
            .collect();
        DocMatch {
            assignments,
            assigned,
            found,
        }
    }
}

/// The main prediction among those assigned to one gold quote: the largest
/// overlap, the earliest on ties.
pub(crate) fn main_prediction(
    assigned: &[usize],
    assignments: &[Option<Assignment>],
) -> Option<(usize, Assignment)> {
    let mut main: Option<(usize, Assignment)> = None;
    for &pi in assigned {
        if let Some(a) = assignments[pi] {
            if !matches!(main, Some((_, m)) if a.overlap <= m.overlap) {
                main = Some((pi, a));
            }
        }
    }
    main
}

pub(crate) fn speaker_verdict(
    gold: &GoldQuote,
    pred: &QuoteRecord,
    mention_iou: bool,
) -> Option<bool> {
    if mention_iou {
        let g = (gold.mention_start?, gold.mention_end?);
        let ok = match (pred.mention_start, pred.mention_end) {
            (Some(s), Some(e)) => iou(g, (s, e)) >= 0.5,
            _ => false,
        };
        return Some(ok);
    }
    if normalize_name(&gold.speaker).is_empty() {
        return None;
    }
    // The same mention is right when no speaker was resolved, or when the
    // gold speaker is written as its mention (`he`, `officials`: no
    // coreference annotated); a wrongly resolved name is wrong even with the
    // right mention (`he` resolved to `Lisa Marchetti` for `Gary L. Pruett`).
    let mention_ok = {
        let gm = normalize_name(&gold.mention);
        !gm.is_empty()
            && gm == normalize_name(&pred.mention)
            && (normalize_name(&pred.speaker).is_empty() || gm == normalize_name(&gold.speaker))
    };
    Some(names_match(&gold.speaker, &pred.speaker) || mention_ok)
}

/// Collapse every run of whitespace (line breaks included) into one space.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn sample(
    doc: &GoldDocument,
    chars: &[char],
    kind: QuoteKind,
    span: (usize, usize),
    speaker: &str,
    cue: &str,
    note: String,
) -> ErrorSample {
    let end = span.1.min(chars.len());
    let start = span.0.min(end);
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    let before: String = chars[from..start].iter().collect();
    let after: String = chars[end..to].iter().collect();
    ErrorSample {
        doc_id: doc.id.clone(),
        kind,
        start: span.0,
        end: span.1,
        quote: chars[start..end].iter().collect(),
        before: squash(&before),
        after: squash(&after),
        speaker: speaker.to_string(),
        cue: cue.to_string(),
        note,
    }
}

/// Up to `n` items evenly spaced over `items` (all of them when there are
/// no more than `n`).
fn evenly<T: Clone>(items: &[T], n: usize) -> Vec<T> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n).map(|i| items[i * items.len() / n].clone()).collect()
}

#[derive(Default)]
struct CueTally {
    gold: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
}

/// Score predictions against gold documents with the rule of
/// `docs/scoring.md` (see the [module documentation](self)).
///
/// Predictions are matched to gold documents by `doc_id`; predictions for
/// other documents are counted in
/// [`ScoreReport::predictions_outside_gold`] and otherwise ignored.
///
/// ```
/// use quotecheck_eval::gold::GoldDocument;
/// use quotecheck_eval::score::{score, ScoreOptions};
/// use quotecheck_core::QuoteRecord;
///
/// // A quote split around its attribution is found by its two halves.
/// let text = "“We will win,” she said, “and we will rebuild.”";
/// let gold: GoldDocument = serde_json::from_value(serde_json::json!({
///     "id": "d", "text": text,
///     "quotes": [{"kind": "direct", "quote": "We will win,” she said, “and we will rebuild.",
///                 "start": 1, "end": 46}]})).unwrap();
/// let pred = |s: usize, e: usize| -> QuoteRecord {
///     let quote: String = text.chars().skip(s).take(e - s).collect();
///     serde_json::from_value(serde_json::json!({"doc_id": "d", "kind": "direct",
///         "quote": quote, "char_start": s, "char_end": e, "confidence": 1.0})).unwrap()
/// };
/// let report = score(&[gold], &[pred(1, 13), pred(25, 46)], &ScoreOptions::default());
/// assert_eq!((report.overall.tp, report.overall.fp, report.overall.fn_), (1, 0, 0));
/// ```
pub fn score(
    gold: &[GoldDocument],
    predictions: &[QuoteRecord],
    opts: &ScoreOptions,
) -> ScoreReport {
    let mut by_doc: HashMap<&str, Vec<&QuoteRecord>> = HashMap::new();
    for p in predictions {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }

    let mut report = ScoreReport {
        documents: gold.len(),
        speaker: SpeakerReport {
            mode: if opts.mention_iou {
                "mention-iou"
            } else {
                "name"
            }
            .to_string(),
            ..SpeakerReport::default()
        },
        ..ScoreReport::default()
    };
    let (mut tp, mut fp, mut fn_, mut exact) = (0usize, 0usize, 0usize, 0usize);
    let mut cues: BTreeMap<String, CueTally> = BTreeMap::new();
    let mut confusion: BTreeMap<(QuoteKind, QuoteKind), usize> = BTreeMap::new();
    let mut misses: Vec<(&str, usize, ErrorSample)> = Vec::new();
    let mut false_pos: Vec<(&str, usize, ErrorSample)> = Vec::new();
    let mut gold_ids: Vec<&str> = Vec::with_capacity(gold.len());

    for doc in gold {
        gold_ids.push(doc.id.as_str());
        let chars: Vec<char> = doc.text.chars().collect();
        let gold_spans = gold_spans(doc, &chars);
        let mut preds: Vec<&QuoteRecord> = by_doc.get(doc.id.as_str()).cloned().unwrap_or_default();
        preds.sort_by_key(|p| (p.char_start, p.char_end));
        report.predictions += preds.len();
        if preds.is_empty() {
            report.documents_without_predictions.push(doc.id.clone());
        }

        let DocMatch {
            assignments,
            assigned,
            found,
        } = DocMatch::new(&preds, &chars, &gold_spans);

        for (gi, q) in doc.quotes.iter().enumerate() {
            if q.optional {
                report.optional_quotes += 1;
                continue;
            }
            report.gold_quotes += 1;
            let cue = cues.entry(normalize_cue(&q.cue)).or_default();
            cue.gold += 1;
            let (is_found, best_iou) = found[gi];
            if !is_found {
                fn_ += 1;
                cue.fn_ += 1;
                report.by_kind.get_mut(q.kind).add(0, 0, 1);
                let note = if assigned[gi].is_empty() {
                    "no prediction assigned".to_string()
                } else {
                    format!(
                        "{} prediction(s) assigned, union IoU {best_iou:.2} < 0.5",
                        assigned[gi].len()
                    )
                };
                let s = sample(
                    doc,
                    &chars,
                    q.kind,
                    (q.start, q.end),
                    &q.speaker,
                    &q.cue,
                    note,
                );
                misses.push((doc.id.as_str(), q.start, s));
                continue;
            }
            tp += 1;
            cue.tp += 1;
            report.by_kind.get_mut(q.kind).add(1, 0, 0);
            // The main prediction: largest overlap, earliest on ties.
            let main = main_prediction(&assigned[gi], &assignments);
            if assigned[gi]
                .iter()
                .any(|&pi| assignments[pi].is_some_and(|a| a.span == gold_spans[gi]))
            {
                exact += 1;
            }
            if let Some((pi, _)) = main {
                let p = preds[pi];
                if p.kind != q.kind {
                    report.kind_mismatches += 1;
                    *confusion.entry((q.kind, p.kind)).or_default() += 1;
                }
                let verdict = speaker_verdict(q, p, opts.mention_iou);
                report.speaker.overall.record(verdict);
                report.speaker.by_kind.get_mut(q.kind).record(verdict);
            }
        }

        for (pi, p) in preds.iter().enumerate() {
            let note = match assignments[pi] {
                Some(a) if doc.quotes[a.gold].optional => {
                    report.optional_predictions += 1;
                    continue;
                }
                Some(a) if found[a.gold].0 => continue,
                Some(a) => format!(
                    "assigned to gold quotes[{}] ({}..{}) but union IoU {:.2} < 0.5",
                    a.gold, doc.quotes[a.gold].start, doc.quotes[a.gold].end, found[a.gold].1
                ),
                None => "overlaps no gold quote by half".to_string(),
            };
            fp += 1;
            report.by_kind.get_mut(p.kind).add(0, 1, 0);
            cues.entry(normalize_cue(&p.cue)).or_default().fp += 1;
            let s = sample(
                doc,
                &chars,
                p.kind,
                (p.char_start, p.char_end),
                &p.speaker,
                &p.cue,
                note,
            );
            false_pos.push((doc.id.as_str(), p.char_start, s));
        }
    }

    gold_ids.sort_unstable();
    report.predictions_outside_gold = by_doc
        .iter()
        .filter(|(id, _)| gold_ids.binary_search(id).is_err())
        .map(|(_, ps)| ps.len())
        .sum();
    report.overall = Counts::new(tp, fp, fn_);
    report.exact = Counts::new(exact, fp + (tp - exact), fn_ + (tp - exact));

    let mut top: Vec<(String, CueTally)> = cues.into_iter().filter(|(_, t)| t.gold > 0).collect();
    top.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then_with(|| a.0.cmp(&b.0)));
    report.by_cue = top
        .into_iter()
        .take(TOP_CUES)
        .map(|(cue, t)| CueRow {
            cue,
            gold: t.gold,
            counts: Counts::new(t.tp, t.fp, t.fn_),
        })
        .collect();
    report.kind_confusion = confusion
        .into_iter()
        .map(|((gold, predicted), count)| KindConfusion {
            gold,
            predicted,
            count,
        })
        .collect();

    let order = |v: &mut Vec<(&str, usize, ErrorSample)>| {
        v.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    };
    order(&mut misses);
    order(&mut false_pos);
    let misses: Vec<ErrorSample> = misses.into_iter().map(|t| t.2).collect();
    let false_pos: Vec<ErrorSample> = false_pos.into_iter().map(|t| t.2).collect();
    report.errors = ErrorSamples {
        misses: evenly(&misses, opts.errors),
        false_positives: evenly(&false_pos, opts.errors),
    };
    report
}
