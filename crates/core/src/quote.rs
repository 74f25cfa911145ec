//! Quotes: direct, indirect (reported) and mixed speech, with the cue that
//! introduces them and the mention of their speaker.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::speaker::Mention;

/// What kind of speech a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quote marks: `“We will win,” she said.`
    Direct,
    /// Reported speech without quote marks: `She said that they would win.`
    Indirect,
    /// Reported speech containing a quoted fragment:
    /// `She described the raids as “disappointing”.`
    Mixed,
}

impl QuoteKind {
    /// Lower-case name as used in reports (`direct`, `indirect`, `mixed`).
    ///
    /// ```
    /// use quotecheck_core::QuoteKind;
    /// assert_eq!(QuoteKind::Mixed.as_str(), "mixed");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// What a quote reports, decided by the class of its cue in the lexicon
/// (`data/cues.tsv`): what someone said, a stance they hold, or what a
/// document or poll shows. Editors who want only speech filter on
/// [`QuoteType::Speech`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteType {
    /// What someone said or wrote: `she said that …`, `“…,” he added`,
    /// `accused X of …`, `announced …`.
    Speech,
    /// A belief, intention, hedge or position, not necessarily voiced:
    /// `believes that …`, `wants to …`, `X is expected to …`, `endorsed X`.
    Stance,
    /// What a document, poll or data shows: `the survey found …`,
    /// `records show …`.
    Evidence,
}

impl QuoteType {
    /// Lower-case name as used in reports (`speech`, `stance`, `evidence`).
    ///
    /// ```
    /// use quotecheck_core::QuoteType;
    /// assert_eq!(QuoteType::Stance.as_str(), "stance");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteType::Speech => "speech",
            QuoteType::Stance => "stance",
            QuoteType::Evidence => "evidence",
        }
    }
}

/// The reporting verb or phrase that attributes a quote (`said`,
/// `according to`, `told reporters`, `pointed out`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written in the text.
    pub text: String,
    /// Where it is (bytes).
    pub span: Span,
}

/// One quote found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The quoted content (bytes), without surrounding quote marks. For a
    /// quotation interrupted by its own attribution (`“A,” he said. “B.”`)
    /// this is the hull of the pieces, attribution included, as news
    /// annotation (PolNeAR) marks it; [`Quote::parts`] has the pieces.
    pub span: Span,
    /// The quoted pieces of an interrupted quotation, in text order; empty
    /// for a quote in one piece. See [`Quote::pieces`].
    pub parts: Vec<Span>,
    /// For mixed quotes: the quoted fragment inside the reported content
    /// (without its quote marks).
    pub fragment: Option<Span>,
    /// The reporting cue, when one was found.
    pub cue: Option<Cue>,
    /// The mention of the speaker at this quote, when one was found.
    pub mention: Option<Mention>,
    /// Index into [`crate::Analysis::speakers`].
    pub speaker: Option<usize>,
    /// Speech, stance or evidence, from the class of the cue.
    pub quote_type: QuoteType,
    /// The probability that the quote and its speaker are both right, in
    /// `[0, 1]`, calibrated on the PolNeAR train split (see
    /// `engine/assess.rs`).
    pub confidence: f32,
    /// The probability that the speaker is right when the quote is, in
    /// `[0, 1]` (calibrated like [`Quote::confidence`]).
    pub speaker_confidence: f32,
    /// Which rule produced the quote, e.g. `direct:cue-after`.
    pub reason: String,
    /// Why the quote has no speaker although its speaker phrase was found:
    /// the phrase names no one (`number`, `time word`, `not a name`,
    /// `unresolved pronoun`; see `data/not_names.tsv`). Reported after the
    /// rule in the record's `reason` (`direct:cue-after; no speaker:
    /// number`).
    pub no_speaker: Option<&'static str>,
}

impl Quote {
    /// The quoted pieces: [`Quote::parts`] for an interrupted quotation,
    /// else the whole span.
    ///
    /// ```
    /// use quotecheck_core::{analyze, Document};
    /// let doc = Document::new("d", "“We will win,” she said. “We always win in the end.”");
    /// let analysis = analyze(&doc);
    /// let q = &analysis.quotes[0];
    /// let pieces: Vec<&str> = q.pieces().filter_map(|p| p.slice(&doc.text)).collect();
    /// assert_eq!(pieces, ["We will win,", "We always win in the end."]);
    /// assert_eq!(analysis.quotes.len(), 1);
    /// ```
    pub fn pieces(&self) -> impl Iterator<Item = Span> + '_ {
        let whole = self.parts.is_empty().then_some(self.span);
        self.parts.iter().copied().chain(whole)
    }
}
