//! Per-prediction outcomes under the matching rule of [`crate::score`]: was
//! each predicted quote right, and was its speaker? These are the labels
//! the engine's confidence is calibrated on (`scripts/fit_confidence.py`,
//! via `examples/confidence_data.rs`) and the observed rates of its
//! reliability table.

use serde::Serialize;

use crate::gold::GoldDocument;
use crate::score::{assign, gold_spans, speaker_verdict, union_iou};
use quotecheck_core::QuoteRecord;

/// What happened to one prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// True when the prediction is assigned to a gold quote that is found
    /// (a true positive), false when it is a false positive; `None` when it
    /// is assigned to an optional gold quote (neither).
    pub quote_ok: Option<bool>,
    /// For a right quote: whether its speaker is right by the scorer's
    /// speaker rule (`None` when the gold gives nothing to judge against,
    /// or the quote is not right).
    pub speaker_ok: Option<bool>,
}

/// The outcome of each of `preds` (predictions for `doc`, in any order),
/// in the order given. Unlike the scorer, which judges the speaker of a
/// found gold quote's main prediction only, every prediction assigned to a
/// found gold quote gets a speaker verdict.
///
/// ```
/// use quotecheck_eval::gold::GoldDocument;
/// use quotecheck_eval::outcome::outcomes;
/// use quotecheck_eval::score::predict;
/// let gold: GoldDocument = serde_json::from_str(r#"{
///     "id": "d", "text": "“We will win,” Ana Ruiz said. Ruiz believes it.",
///     "quotes": [{"kind": "direct", "quote": "We will win,", "start": 1, "end": 13,
///                 "speaker": "Ana Ruiz", "mention": "Ana Ruiz"}]}"#).unwrap();
/// let preds = predict(std::slice::from_ref(&gold));
/// let o = outcomes(&gold, &preds, false);
/// assert_eq!(o[0].quote_ok, Some(true));
/// assert_eq!(o[0].speaker_ok, Some(true));
/// ```
pub fn outcomes(doc: &GoldDocument, preds: &[QuoteRecord], mention_iou: bool) -> Vec<Outcome> {
    let chars: Vec<char> = doc.text.chars().collect();
    let gold_spans = gold_spans(doc, &chars);
    let assignments: Vec<_> = preds
        .iter()
        .map(|p| assign(p, &chars, &gold_spans))
        .collect();
    let mut assigned: Vec<Vec<(usize, usize)>> = vec![Vec::new(); gold_spans.len()];
    for a in assignments.iter().flatten() {
        assigned[a.gold].push(a.span);
    }
    let found: Vec<bool> = gold_spans
        .iter()
        .zip(&assigned)
        .map(|(&g, spans)| union_iou(spans, g) >= 0.5)
        .collect();
    preds
        .iter()
        .zip(&assignments)
        .map(|(p, a)| match a {
            None => Outcome {
                quote_ok: Some(false),
                speaker_ok: None,
            },
            Some(a) if doc.quotes[a.gold].optional => Outcome {
                quote_ok: None,
                speaker_ok: None,
            },
            Some(a) if found[a.gold] => Outcome {
                quote_ok: Some(true),
                speaker_ok: speaker_verdict(&doc.quotes[a.gold], p, mention_iou),
            },
            Some(_) => Outcome {
                quote_ok: Some(false),
                speaker_ok: None,
            },
        })
        .collect()
}
