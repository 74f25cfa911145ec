//! The score report's types: options, counts, per-kind, per-cue and speaker
//! figures, confusion and error samples.

use super::*;

/// Options of [`score`].
///
/// ```
/// use quotecheck_eval::score::ScoreOptions;
/// let opts = ScoreOptions { mention_iou: true, ..ScoreOptions::default() };
/// assert_eq!(opts.errors, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Judge speakers by mention span (IoU ≥ 0.5 with the gold mention)
    /// instead of by name; for corpora without coreference such as PolNeAR.
    pub mention_iou: bool,
    /// Number of sample misses and of sample false positives to report.
    pub errors: usize,
}

/// True positives, false positives and misses with the derived figures.
///
/// Ratios with a zero denominator are 0.
///
/// ```
/// use quotecheck_eval::score::Counts;
/// let c = Counts::new(8, 2, 8);
/// assert_eq!((c.precision, c.recall), (0.8, 0.5));
/// assert!((c.f1 - 8.0 / 13.0).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// True positives (found gold quotes).
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives (missed gold quotes); `fn` in JSON.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `tp / (tp + fp)`.
    pub precision: f64,
    /// `tp / (tp + fn)`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Counts {
    /// Counts with precision, recall and F1 filled in.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Counts {
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Counts {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
        }
    }

    pub(super) fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        *self = Counts::new(self.tp + tp, self.fp + fp, self.fn_ + fn_);
    }
}

/// Figures per quote kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ByKind<T> {
    /// Direct quotes.
    pub direct: T,
    /// Mixed quotes.
    pub mixed: T,
    /// Indirect quotes.
    pub indirect: T,
}

impl<T> ByKind<T> {
    /// The figures of one kind.
    ///
    /// ```
    /// use quotecheck_eval::score::{ByKind, Counts};
    /// use quotecheck_core::QuoteKind;
    /// let k = ByKind { direct: 1, mixed: 2, indirect: 3 };
    /// assert_eq!(*k.get(QuoteKind::Mixed), 2);
    /// ```
    pub fn get(&self, kind: QuoteKind) -> &T {
        match kind {
            QuoteKind::Direct => &self.direct,
            QuoteKind::Mixed => &self.mixed,
            QuoteKind::Indirect => &self.indirect,
        }
    }

    pub(super) fn get_mut(&mut self, kind: QuoteKind) -> &mut T {
        match kind {
            QuoteKind::Direct => &mut self.direct,
            QuoteKind::Mixed => &mut self.mixed,
            QuoteKind::Indirect => &mut self.indirect,
        }
    }
}

/// Counts for one gold cue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CueRow {
    /// The cue key ([`normalize_cue`]).
    pub cue: String,
    /// Number of (required) gold quotes with this cue: `tp + fn`.
    pub gold: usize,
    /// Found / missed gold quotes with this cue, and false positives whose
    /// predicted cue has this key.
    #[serde(flatten)]
    pub counts: Counts,
}

/// Speaker accuracy over a set of found gold quotes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Found quotes whose speaker was judged correct.
    pub correct: usize,
    /// Found quotes whose speaker could be judged.
    pub total: usize,
    /// `correct / total` (0 when `total` is 0).
    pub accuracy: f64,
    /// Found quotes excluded because the gold gives no speaker (name mode)
    /// or no mention span (mention-IoU mode).
    pub unscored: usize,
}

impl Accuracy {
    pub(super) fn record(&mut self, verdict: Option<bool>) {
        match verdict {
            None => self.unscored += 1,
            Some(ok) => {
                self.total += 1;
                self.correct += usize::from(ok);
            }
        }
        self.accuracy = ratio(self.correct, self.total);
    }
}

/// Speaker accuracy, overall and per gold kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerReport {
    /// `name` or `mention-iou`.
    pub mode: String,
    /// Over all found required gold quotes.
    pub overall: Accuracy,
    /// Per gold kind.
    pub by_kind: ByKind<Accuracy>,
}

/// How often a found gold quote of one kind was predicted as another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindConfusion {
    /// Gold kind.
    pub gold: QuoteKind,
    /// Kind of the main prediction assigned to it.
    pub predicted: QuoteKind,
    /// Number of found gold quotes.
    pub count: usize,
}

/// One sample miss or false positive with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorSample {
    /// Document id.
    pub doc_id: String,
    /// Gold kind (misses) or predicted kind (false positives).
    pub kind: QuoteKind,
    /// Code-point start of the span as annotated / predicted.
    pub start: usize,
    /// Code-point end.
    pub end: usize,
    /// The span's text.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before, whitespace runs collapsed
    /// to one space.
    pub before: String,
    /// Up to [`CONTEXT_CHARS`] characters after, whitespace runs collapsed
    /// to one space.
    pub after: String,
    /// Gold or predicted speaker.
    pub speaker: String,
    /// Gold or predicted cue.
    pub cue: String,
    /// Why it counts as an error.
    pub note: String,
}

/// Sample errors chosen evenly over all errors in (document id, offset)
/// order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ErrorSamples {
    /// Missed required gold quotes.
    pub misses: Vec<ErrorSample>,
    /// False positives.
    pub false_positives: Vec<ErrorSample>,
}

/// The result of [`score`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScoreReport {
    /// Number of gold documents.
    pub documents: usize,
    /// Required (non-optional) gold quotes.
    pub gold_quotes: usize,
    /// Optional gold quotes.
    pub optional_quotes: usize,
    /// Predictions for gold documents.
    pub predictions: usize,
    /// Predictions whose `doc_id` is not a gold document (ignored).
    pub predictions_outside_gold: usize,
    /// Predictions assigned to optional gold quotes (neither tp nor fp).
    pub optional_predictions: usize,
    /// Quote detection over all kinds.
    pub overall: Counts,
    /// Exact matches: a found gold quote counts only when an assigned
    /// prediction's trimmed span equals its trimmed span; otherwise it is
    /// both a miss and a false positive.
    pub exact: Counts,
    /// Per kind: tp and fn by gold kind, fp by predicted kind.
    pub by_kind: ByKind<Counts>,
    /// The [`TOP_CUES`] most frequent gold cues.
    pub by_cue: Vec<CueRow>,
    /// Speaker accuracy over found required gold quotes.
    pub speaker: SpeakerReport,
    /// Found gold quotes whose main prediction has another kind.
    pub kind_mismatches: usize,
    /// Breakdown of `kind_mismatches`.
    pub kind_confusion: Vec<KindConfusion>,
    /// Ids of gold documents with no prediction at all.
    pub documents_without_predictions: Vec<String>,
    /// Sample errors ([`ScoreOptions::errors`] of each).
    pub errors: ErrorSamples,
}
