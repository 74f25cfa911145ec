//! The score report as a plain-text table.

use super::*;

pub(super) fn counts_row(out: &mut String, label: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "{label:<22} {:>7} {:>7} {:>7} {:>7.3} {:>7.3} {:>7.3}",
        c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
    );
}

pub(super) fn accuracy_cell(a: &Accuracy) -> String {
    format!("{:.3} ({}/{})", a.accuracy, a.correct, a.total)
}

impl ScoreReport {
    /// The report as an aligned plain-text table: quote figures overall,
    /// exact and per kind, speaker accuracy, kind confusion, per-cue figures,
    /// documents without predictions and the sample errors.
    ///
    /// ```
    /// use quotecheck_eval::score::{score, ScoreOptions};
    /// let table = score(&[], &[], &ScoreOptions::default()).render_table();
    /// assert!(table.contains("overall"));
    /// ```
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} documents, {} gold quotes (+{} optional), {} predictions",
            self.documents, self.gold_quotes, self.optional_quotes, self.predictions
        );
        if self.predictions_outside_gold > 0 {
            let _ = writeln!(
                out,
                "{} predictions for documents not in the gold were ignored",
                self.predictions_outside_gold
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:<22} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "quotes", "tp", "fp", "fn", "prec", "recall", "f1"
        );
        counts_row(&mut out, "overall", &self.overall);
        counts_row(&mut out, "exact span", &self.exact);
        for k in KINDS {
            counts_row(&mut out, k.as_str(), self.by_kind.get(k));
        }

        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:<22} {}",
            format!("speaker ({})", self.speaker.mode),
            accuracy_cell(&self.speaker.overall)
        );
        for k in KINDS {
            let _ = writeln!(
                out,
                "{:<22} {}",
                format!("  {}", k.as_str()),
                accuracy_cell(self.speaker.by_kind.get(k))
            );
        }
        if self.speaker.overall.unscored > 0 {
            let _ = writeln!(
                out,
                "  ({} found quotes without a gold speaker were not judged)",
                self.speaker.overall.unscored
            );
        }

        let _ = writeln!(out);
        let _ = write!(out, "kind mismatches: {}", self.kind_mismatches);
        for c in &self.kind_confusion {
            let _ = write!(
                out,
                "  {}→{} {}",
                c.gold.as_str(),
                c.predicted.as_str(),
                c.count
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "predictions on optional gold quotes: {}",
            self.optional_predictions
        );

        if !self.by_cue.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{:<22} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
                "gold cue", "gold", "tp", "fp", "fn", "prec", "recall", "f1"
            );
            for row in &self.by_cue {
                let c = &row.counts;
                let cue: String = row.cue.chars().take(22).collect();
                let _ = writeln!(
                    out,
                    "{cue:<22} {:>7} {:>7} {:>7} {:>7} {:>7.3} {:>7.3} {:>7.3}",
                    row.gold, c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
                );
            }
        }

        if !self.documents_without_predictions.is_empty() {
            let _ = writeln!(out);
            let ids = &self.documents_without_predictions;
            let shown = ids.len().min(MAX_LISTED_DOCUMENTS);
            let _ = write!(
                out,
                "documents without predictions ({}): {}",
                ids.len(),
                ids[..shown].join(", ")
            );
            if ids.len() > shown {
                let _ = write!(out, ", … and {} more", ids.len() - shown);
            }
            let _ = writeln!(out);
        }
        for (title, samples) in [
            ("sample misses", &self.errors.misses),
            ("sample false positives", &self.errors.false_positives),
        ] {
            if samples.is_empty() {
                continue;
            }
            let _ = writeln!(out);
            let _ = writeln!(out, "{title}:");
            for s in samples {
                let _ = writeln!(
                    out,
                    "- {} {}..{} {} [{} / {}] {}",
                    s.doc_id,
                    s.start,
                    s.end,
                    s.kind.as_str(),
                    if s.speaker.is_empty() {
                        "-"
                    } else {
                        &s.speaker
                    },
                    if s.cue.is_empty() { "-" } else { &s.cue },
                    s.note
                );
                let _ = writeln!(out, "    …{}⟦{}⟧{}…", s.before, squash(&s.quote), s.after);
            }
        }
        out
    }
}
