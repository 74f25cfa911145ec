//! The speech-only view: predictions of `type = speech` against gold that
//! annotates speech only (`tests/speech/`), interrupted quotations scored
//! by their parts, with speaker accuracy by the name shown and by mention
//! span (`docs/scoring.md`, "Speech-only view").

use super::*;
use quotecheck_core::QuoteType;

/// The predictions the speech-only view scores: only `type = speech`, and
/// every interrupted quotation (a record with [`QuoteRecord::parts`]) split
/// into one record per part, each with the record's kind, speaker, mention
/// and cue, its span and text those of the part, and the fragment only
/// when it lies inside the part.
///
/// ```
/// use quotecheck_core::QuoteRecord;
/// use quotecheck_eval::score::speech::speech_view;
/// let r: QuoteRecord = serde_json::from_str(r#"{"doc_id": "d", "kind": "direct",
///     "quote": "A, … B.", "char_start": 1, "char_end": 20, "type": "speech", "confidence": 0.9,
///     "parts": [{"text": "A,", "char_start": 1, "char_end": 3, "byte_start": 3, "byte_end": 5},
///               {"text": "B.", "char_start": 18, "char_end": 20, "byte_start": 22, "byte_end": 24}]}"#).unwrap();
/// let mut stance = r.clone();
/// stance.quote_type = quotecheck_core::QuoteType::Stance;
/// let view = speech_view(&[r, stance]);
/// assert_eq!(view.len(), 2);
/// assert_eq!((view[1].char_start, view[1].char_end, view[1].quote.as_str()), (18, 20, "B."));
/// ```
pub fn speech_view(predictions: &[QuoteRecord]) -> Vec<QuoteRecord> {
    let mut out = Vec::with_capacity(predictions.len());
    for p in predictions {
        if p.quote_type != QuoteType::Speech {
            continue;
        }
        if p.parts.is_empty() {
            out.push(p.clone());
            continue;
        }
        for part in &p.parts {
            let mut r = p.clone();
            r.parts = Vec::new();
            r.quote = part.text.clone();
            r.char_start = part.char_start;
            r.char_end = part.char_end;
            r.byte_start = part.byte_start;
            r.byte_end = part.byte_end;
            // A part of coordinated reports (`said A “…” and that B`)
            // keeps the quoted fragment inside it.
            let inside = matches!((p.fragment_start, p.fragment_end),
                (Some(s), Some(e)) if part.char_start <= s && e <= part.char_end);
            if !inside {
                r.fragment = String::new();
                r.fragment_start = None;
                r.fragment_end = None;
            }
            out.push(r);
        }
    }
    out
}

/// The result of [`score_speech`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeechReport {
    /// Predictions dropped because their type is not `speech`.
    pub non_speech_predictions: usize,
    /// Dropped (non-speech) predictions that lie, by the assignment rule,
    /// on a required gold speech quote: speech typed as stance or evidence,
    /// or a stance found inside reported speech.
    pub non_speech_on_gold: usize,
    /// Records added by splitting interrupted quotations into their parts.
    pub added_parts: usize,
    /// The full score of the view (name mode): quote counts, exact spans,
    /// per kind, per cue, error samples.
    pub score: ScoreReport,
    /// Found gold quotes whose main prediction shows the gold speaker's
    /// name ([`names_match`] of the predicted `speaker` with the canonical
    /// gold name; the mention does not count).
    pub speaker_name: Accuracy,
    /// Found gold quotes whose main prediction's mention span has IoU ≥ 0.5
    /// with the gold mention span or contains it ([`mention_verdict`]).
    pub speaker_mention: Accuracy,
    /// Found gold quotes whose main prediction shows another name (up to
    /// the `errors` argument of [`score_speech`], evenly spaced).
    pub speaker_errors: Vec<SpeakerError>,
}

/// A found gold quote whose main prediction names another speaker.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerError {
    /// Document id.
    pub doc_id: String,
    /// Gold content span.
    pub start: usize,
    /// End of the gold content span.
    pub end: usize,
    /// Gold content.
    pub quote: String,
    /// Canonical gold speaker.
    pub gold_speaker: String,
    /// Gold mention as written.
    pub gold_mention: String,
    /// The name the prediction shows.
    pub speaker: String,
    /// The prediction's mention as written.
    pub mention: String,
    /// The prediction's rule.
    pub reason: String,
}

/// Whether a prediction's mention span is right for a gold quote: IoU ≥ 0.5
/// with the gold mention span, or containing it — the engine's mention
/// carries the appositive or relative clause that describes the speaker
/// (`Sophie Nadeau, a nurse who commutes from Saint-Hubert` for the gold
/// `Sophie Nadeau`). `None` when the gold quote has no mention span; a
/// prediction without one is wrong.
///
/// ```
/// use quotecheck_eval::gold::GoldQuote;
/// use quotecheck_eval::score::speech::mention_verdict;
/// use quotecheck_core::QuoteRecord;
/// let gold: GoldQuote = serde_json::from_str(r#"{"kind": "direct", "quote": "x", "start": 0, "end": 1,
///     "mention": "Ana Ruiz", "mention_start": 10, "mention_end": 18}"#).unwrap();
/// let mut p: QuoteRecord = serde_json::from_str(r#"{"doc_id": "d", "kind": "direct", "quote": "x",
///     "char_start": 0, "char_end": 1, "mention_start": 10, "mention_end": 40,
///     "confidence": 0.9}"#).unwrap();
/// assert_eq!(mention_verdict(&gold, &p), Some(true)); // `Ana Ruiz, a nurse who …`
/// p.mention_start = Some(14);
/// assert_eq!(mention_verdict(&gold, &p), Some(false));
/// ```
pub fn mention_verdict(gold: &GoldQuote, pred: &QuoteRecord) -> Option<bool> {
    let g = (gold.mention_start?, gold.mention_end?);
    Some(match (pred.mention_start, pred.mention_end) {
        (Some(s), Some(e)) => iou(g, (s, e)) >= 0.5 || (s <= g.0 && g.1 <= e),
        _ => false,
    })
}

/// Score `predictions` in the speech-only view ([`speech_view`]) against
/// `gold`, with `errors` sample misses and false positives.
///
/// ```
/// use quotecheck_eval::gold::GoldDocument;
/// use quotecheck_eval::score::speech::score_speech;
/// use quotecheck_core::QuoteRecord;
/// let gold: GoldDocument = serde_json::from_str(r#"{"id": "d", "text": "“No,” Ana Ruiz said.",
///     "quotes": [{"kind": "direct", "quote": "No,", "start": 1, "end": 4, "speaker": "Ana Ruiz",
///                 "mention": "Ana Ruiz", "mention_start": 6, "mention_end": 14}]}"#).unwrap();
/// let pred: QuoteRecord = serde_json::from_str(r#"{"doc_id": "d", "kind": "direct", "quote": "No",
///     "char_start": 1, "char_end": 3, "speaker": "Ruiz", "mention": "Ana Ruiz",
///     "mention_start": 6, "mention_end": 14, "confidence": 0.9}"#).unwrap();
/// let r = score_speech(&[gold], &[pred], 0);
/// assert_eq!((r.score.overall.tp, r.speaker_name.correct, r.speaker_mention.correct), (1, 1, 1));
/// ```
pub fn score_speech(
    gold: &[GoldDocument],
    predictions: &[QuoteRecord],
    errors: usize,
) -> SpeechReport {
    let speech = predictions
        .iter()
        .filter(|p| p.quote_type == QuoteType::Speech)
        .count();
    let view = speech_view(predictions);
    let mut report = SpeechReport {
        non_speech_predictions: predictions.len() - speech,
        added_parts: view.len() - speech,
        score: score(
            gold,
            &view,
            &ScoreOptions {
                mention_iou: false,
                errors,
            },
        ),
        ..SpeechReport::default()
    };
    let mut by_doc: HashMap<&str, Vec<&QuoteRecord>> = HashMap::new();
    for p in &view {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }
    let mut wrong = Vec::new();
    for doc in gold {
        let chars: Vec<char> = doc.text.chars().collect();
        let spans = gold_spans(doc, &chars);
        report.non_speech_on_gold += predictions
            .iter()
            .filter(|p| p.doc_id == doc.id && p.quote_type != QuoteType::Speech)
            .filter_map(|p| assign(p, &chars, &spans))
            .filter(|a| !doc.quotes[a.gold].optional)
            .count();
        let mut preds = by_doc.remove(doc.id.as_str()).unwrap_or_default();
        preds.sort_by_key(|p| (p.char_start, p.char_end));
        let m = DocMatch::new(&preds, &chars, &spans);
        for (gi, q) in doc.quotes.iter().enumerate() {
            if q.optional || !m.found[gi].0 {
                continue;
            }
            if let Some((pi, _)) = main_prediction(&m.assigned[gi], &m.assignments) {
                let p = preds[pi];
                let named = (!normalize_name(&q.speaker).is_empty())
                    .then(|| names_match(&q.speaker, &p.speaker));
                report.speaker_name.record(named);
                if named == Some(false) {
                    wrong.push(SpeakerError {
                        doc_id: doc.id.clone(),
                        start: q.start,
                        end: q.end,
                        quote: q.quote.clone(),
                        gold_speaker: q.speaker.clone(),
                        gold_mention: q.mention.clone(),
                        speaker: p.speaker.clone(),
                        mention: p.mention.clone(),
                        reason: p.reason.clone(),
                    });
                }
                report.speaker_mention.record(mention_verdict(q, p));
            }
        }
    }
    report.speaker_errors = evenly(&wrong, errors);
    report
}

impl SpeechReport {
    /// The report as plain text: the view's counts, then the score table.
    ///
    /// ```
    /// let r = quotecheck_eval::score::speech::score_speech(&[], &[], 0);
    /// assert!(r.render_table().contains("speaker (name shown)"));
    /// ```
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "speech-only view: {} non-speech predictions dropped ({} of them on a gold speech quote), {} records added by splitting interrupted quotes",
            self.non_speech_predictions, self.non_speech_on_gold, self.added_parts
        );
        let _ = writeln!(
            out,
            "{:<22} {}",
            "speaker (name shown)",
            render::accuracy_cell(&self.speaker_name)
        );
        let _ = writeln!(
            out,
            "{:<22} {}",
            "speaker (mention span)",
            render::accuracy_cell(&self.speaker_mention)
        );
        let _ = writeln!(out);
        out.push_str(&self.score.render_table());
        if !self.speaker_errors.is_empty() {
            let _ = writeln!(out, "\nsample speaker errors (gold ← shown):");
        }
        for e in &self.speaker_errors {
            let _ = writeln!(
                out,
                "- {} {}..{} [{} / {}] ← [{} / {}] ({}): {}",
                e.doc_id,
                e.start,
                e.end,
                e.gold_speaker,
                e.gold_mention,
                e.speaker,
                e.mention,
                e.reason,
                squash(&e.quote)
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“We won,” Ana Ruiz said. “It was close.” She believes the vote was fair.";

    fn gold() -> GoldDocument {
        serde_json::from_str(
            r#"{"id": "d", "text": "“We won,” Ana Ruiz said. “It was close.” She believes the vote was fair.",
                "quotes": [
                  {"kind": "direct", "quote": "We won,", "start": 1, "end": 8, "speaker": "Ana Ruiz",
                   "mention": "Ana Ruiz", "mention_start": 10, "mention_end": 18},
                  {"kind": "direct", "quote": "It was close.", "start": 26, "end": 39, "speaker": "Ana Ruiz",
                   "mention": "Ana Ruiz", "mention_start": 10, "mention_end": 18}]}"#,
        )
        .expect("gold JSON")
    }

    fn record(json: &str) -> QuoteRecord {
        let mut v: serde_json::Value = serde_json::from_str(json).expect("record JSON");
        v["confidence"] = 0.8.into();
        serde_json::from_value(v).expect("a quote record")
    }

    #[test]
    fn the_text_is_the_gold_text() {
        assert_eq!(gold().text, TEXT);
    }

    #[test]
    fn a_part_keeps_the_fragment_inside_it() {
        let r = record(
            r#"{"doc_id": "d", "kind": "mixed", "quote": "it was \"fair\" … we won",
                "char_start": 0, "char_end": 30, "fragment": "fair", "fragment_start": 8,
                "fragment_end": 12, "type": "speech",
                "parts": [{"text": "it was \"fair\"", "char_start": 0, "char_end": 13, "byte_start": 0, "byte_end": 13},
                          {"text": "we won", "char_start": 24, "char_end": 30, "byte_start": 24, "byte_end": 30}]}"#,
        );
        let view = speech_view(&[r]);
        let frags: Vec<_> = view.iter().map(|v| v.fragment_start).collect();
        assert_eq!(frags, [Some(8), None]);
    }

    #[test]
    fn interrupted_quotes_are_scored_by_their_parts_and_stances_are_dropped() {
        let joined = record(
            r#"{"doc_id": "d", "kind": "direct", "quote": "We won, … It was close.",
                "char_start": 1, "char_end": 39, "speaker": "Ana Ruiz", "mention": "Ana Ruiz",
                "mention_start": 10, "mention_end": 18, "type": "speech",
                "parts": [{"text": "We won,", "char_start": 1, "char_end": 8, "byte_start": 3, "byte_end": 10},
                          {"text": "It was close.", "char_start": 26, "char_end": 39, "byte_start": 30, "byte_end": 43}]}"#,
        );
        let stance = record(
            r#"{"doc_id": "d", "kind": "indirect", "quote": "the vote was fair", "char_start": 54,
                "char_end": 71, "speaker": "Ana Ruiz", "type": "stance"}"#,
        );
        let r = score_speech(&[gold()], &[joined.clone(), stance], 0);
        assert_eq!(
            (r.score.overall.tp, r.score.overall.fp, r.score.overall.fn_),
            (2, 0, 0)
        );
        assert_eq!(
            (r.score.exact.tp, r.added_parts, r.non_speech_predictions),
            (2, 1, 1)
        );
        assert_eq!(r.non_speech_on_gold, 0);
        // Without the split, the joined span (with `Ana Ruiz said` inside)
        // finds neither part.
        let whole = score(&[gold()], &[joined], &ScoreOptions::default());
        assert_eq!(whole.overall.tp, 0);
    }

    #[test]
    fn a_speech_quote_typed_as_stance_is_a_miss() {
        let p = record(
            r#"{"doc_id": "d", "kind": "direct", "quote": "We won,", "char_start": 1, "char_end": 8,
                "speaker": "Ana Ruiz", "type": "stance"}"#,
        );
        let r = score_speech(&[gold()], &[p], 0);
        assert_eq!(
            (
                r.score.overall.tp,
                r.score.overall.fn_,
                r.non_speech_on_gold
            ),
            (0, 2, 1)
        );
    }

    #[test]
    fn the_name_shown_counts_not_the_mention_text() {
        // The right mention resolved to another name: right by mention span
        // (and by the scorer's default name-or-mention rule), wrong by name.
        let p = record(
            r#"{"doc_id": "d", "kind": "direct", "quote": "We won,", "char_start": 1, "char_end": 8,
                "speaker": "Ruiz campaign", "mention": "Ana Ruiz", "mention_start": 10,
                "mention_end": 18, "reason": "direct:cue-after"}"#,
        );
        let r = score_speech(&[gold()], &[p], 5);
        assert_eq!((r.speaker_name.correct, r.speaker_name.total), (0, 1));
        assert_eq!((r.speaker_mention.correct, r.speaker_mention.total), (1, 1));
        assert_eq!(r.speaker_errors.len(), 1);
        assert_eq!(r.speaker_errors[0].speaker, "Ruiz campaign");
        assert!(r
            .render_table()
            .contains("[Ana Ruiz / Ana Ruiz] ← [Ruiz campaign / Ana Ruiz]"));
    }
}
