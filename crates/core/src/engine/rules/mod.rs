//! The rule registry: every attribution rule the engine applies, with the
//! code it writes into [`Quote::reason`](crate::Quote), the kind of quote it
//! reports, its default confidence and what it matches.
//!
//! Control flow compares [`Rule`] variants, never reason strings. The
//! constructions that apply the rules live in the submodules, one per
//! construction (`according_to`, `asked`, `gerund`, `hedge`, `nominal`,
//! `inverted`); the general speech-verb rules (cue before or after its
//! content) are applied by `Finder::attribute` in the engine's `attribute`
//! module, and the rules for quote marks no cue claimed in `unclaimed`.
//!
//! To add a rule: add a variant with a What/Why doc, give it a code, a kind
//! and a confidence in the three tables below, and emit it from the
//! construction that finds it.

use std::fmt;

use crate::quote::QuoteKind;

mod according_to;
mod asked;
mod coordinated;
mod fallback;
mod gerund;
mod hedge;
mod inverted;
mod nominal;
mod speech;

pub(super) use gerund::Participle;

/// The confidence of a direct quote whose closing mark is missing (any rule
/// that reports a quoted span as direct).
pub(super) const UNCLOSED_DIRECT_CONFIDENCE: f32 = 0.75;
/// The confidence of [`Rule::IndirectObject`] when the cue is a learned
/// stance (`voted`, `approved`), below a hand-listed cue's so that editors
/// can filter it.
pub(super) const LEARNED_STANCE_CONFIDENCE: f32 = 0.5;
/// The confidence of a report before an evidence cue (`…, the poll found.`),
/// direct or mixed.
pub(super) const EVIDENCE_AFTER_CONFIDENCE: f32 = 0.6;

/// One attribution rule. Its [`code`](Rule::code) is the `reason` written
/// for every quote it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// What: a quoted span right after a cue and its subject (`X said: “…”`,
    /// `X said, “…”`). Why: the commonest way to quote someone.
    DirectCueBefore,
    /// What: a quoted span right before its attribution (`“…,” X said.`,
    /// `“…,” said X.`). Why: the other half of newswire quoting.
    DirectCueAfter,
    /// What: `according to X, “…”`. Why: a quoted source named by `according to`.
    DirectAccordingTo,
    /// What: a quoted span after a participle clause (`…, saying “…”`).
    /// Why: the participle's subject is the previous cue's speaker.
    DirectGerund,
    /// What: the turns of a Q&A interview (`TRUMP: …`, three or more
    /// labelled paragraphs, at least two labels). Why: transcripts carry no cue.
    DirectInterview,
    /// What: a quoted headline after a label (`Cruz: “…”`). Why: headline attribution.
    DirectHeadline,
    /// What: a quote after a label or a sentence ending in a colon (`Sen.
    /// Smith: “…”`, `And Mr. Christie gloated: “…”`). Why: a colon stands
    /// for the speech verb.
    DirectColon,
    /// What: a quote handing over (`,` `?` `!`) to a name, pronoun or role
    /// and a past-tense verb no lexicon lists (`“…?” Hannity pressed.`).
    /// Why: inverted attributions with verbs the cue lexicon lacks.
    DirectVerbAfter,
    /// What: a quoted sentence with no cue, near a speaker's previous quote.
    /// Why: reporters quote one speaker over several paragraphs.
    DirectContinuation,
    /// What: a clause after a cue with a quoted fragment in it (`said the
    /// plan was “a disaster”`). Why: partial quotation.
    MixedCue,
    /// What: a clause with a quoted fragment before its attribution (`…
    /// “a disaster,” he said.`). Why: as [`Rule::MixedCue`], inverted.
    MixedCueAfter,
    /// What: a sentence with a quoted fragment near a speaker's previous
    /// quote, without a cue. Why: as [`Rule::DirectContinuation`].
    MixedContinuation,
    /// What: a headline label's report holding a quoted fragment. Why: as
    /// [`Rule::IndirectHeadline`].
    MixedHeadline,
    /// What: the clause after a speech cue and its subject (`X said that
    /// …`). Why: reported speech.
    IndirectCueBefore,
    /// What: an unquoted report before its attribution (`…, he said.`). Why:
    /// reported speech, inverted.
    IndirectCueAfter,
    /// What: `according to X, …` or `…, according to X.`. Why: a source
    /// named without a verb.
    IndirectAccordingTo,
    /// What: the question after a passive `asked` (`Asked about …, X
    /// said`). Why: the question is reported, without a speaker.
    IndirectAsked,
    /// What: the clause after a belief verb (`X believes that …`). Why:
    /// attributed belief; less certain than speech.
    IndirectBelief,
    /// What: what a document, poll or study found or showed (`the poll
    /// found that …`). Why: evidence attributed to a source.
    IndirectEvidence,
    /// What: the writer's hedge (`The donors appear to have ties …`). Why:
    /// PolNeAR annotates it, without a speaker.
    IndirectHedge,
    /// What: the object of a stance or speaking verb (`endorsed Cruz`,
    /// `spoke about the economy`). Why: a position attributed to its subject.
    IndirectObject,
    /// What: the clause after a reporting noun (`the claim that …`,
    /// `Trump’s accusation that …`). Why: a report named by a noun.
    IndirectNominal,
    /// What: the content of a participle clause (`Noting that …, X added`,
    /// `…, saying …`). Why: its subject is the main clause's speaker.
    IndirectGerund,
    /// What: the report of a second verb joined by `and`/`but` (`… and
    /// then said …`). Why: it shares the first verb's subject.
    IndirectCoordinated,
    /// What: a report whose subject only the fallback parser found (a
    /// noun phrase before the verb). Why: coverage, at lower confidence.
    IndirectFallback,
    /// What: a headline label and what it reports (`Poll: Clinton leads in
    /// Ohio`). Why: headline attribution.
    IndirectHeadline,
}

impl Rule {
    /// Every rule, in the order of the registry.
    pub const ALL: [Rule; 26] = [
        Rule::DirectCueBefore,
        Rule::DirectCueAfter,
        Rule::DirectAccordingTo,
        Rule::DirectGerund,
        Rule::DirectInterview,
        Rule::DirectHeadline,
        Rule::DirectColon,
        Rule::DirectVerbAfter,
        Rule::DirectContinuation,
        Rule::MixedCue,
        Rule::MixedCueAfter,
        Rule::MixedContinuation,
        Rule::MixedHeadline,
        Rule::IndirectCueBefore,
        Rule::IndirectCueAfter,
        Rule::IndirectAccordingTo,
        Rule::IndirectAsked,
        Rule::IndirectBelief,
        Rule::IndirectEvidence,
        Rule::IndirectHedge,
        Rule::IndirectObject,
        Rule::IndirectNominal,
        Rule::IndirectGerund,
        Rule::IndirectCoordinated,
        Rule::IndirectFallback,
        Rule::IndirectHeadline,
    ];

    /// The code written as the quote's `reason` (`kind:construction`).
    pub const fn code(self) -> &'static str {
        match self {
            Rule::DirectCueBefore => "direct:cue-before",
            Rule::DirectCueAfter => "direct:cue-after",
            Rule::DirectAccordingTo => "direct:according-to",
            Rule::DirectGerund => "direct:gerund",
            Rule::DirectInterview => "direct:interview",
            Rule::DirectHeadline => "direct:headline",
            Rule::DirectColon => "direct:colon",
            Rule::DirectVerbAfter => "direct:verb-after",
            Rule::DirectContinuation => "direct:continuation",
            Rule::MixedCue => "mixed:cue",
            Rule::MixedCueAfter => "mixed:cue-after",
            Rule::MixedContinuation => "mixed:continuation",
            Rule::MixedHeadline => "mixed:headline",
            Rule::IndirectCueBefore => "indirect:cue-before",
            Rule::IndirectCueAfter => "indirect:cue-after",
            Rule::IndirectAccordingTo => "indirect:according-to",
            Rule::IndirectAsked => "indirect:asked",
            Rule::IndirectBelief => "indirect:belief",
            Rule::IndirectEvidence => "indirect:evidence",
            Rule::IndirectHedge => "indirect:hedge",
            Rule::IndirectObject => "indirect:object",
            Rule::IndirectNominal => "indirect:nominal",
            Rule::IndirectGerund => "indirect:gerund",
            Rule::IndirectCoordinated => "indirect:coordinated",
            Rule::IndirectFallback => "indirect:fallback",
            Rule::IndirectHeadline => "indirect:headline",
        }
    }

    /// The kind of quote the rule reports.
    pub const fn kind(self) -> QuoteKind {
        match self {
            Rule::DirectCueBefore
            | Rule::DirectCueAfter
            | Rule::DirectAccordingTo
            | Rule::DirectGerund
            | Rule::DirectInterview
            | Rule::DirectHeadline
            | Rule::DirectColon
            | Rule::DirectVerbAfter
            | Rule::DirectContinuation => QuoteKind::Direct,
            Rule::MixedCue
            | Rule::MixedCueAfter
            | Rule::MixedContinuation
            | Rule::MixedHeadline => QuoteKind::Mixed,
            _ => QuoteKind::Indirect,
        }
    }

    /// The rule's confidence. The exceptions are named constants:
    /// [`UNCLOSED_DIRECT_CONFIDENCE`], [`LEARNED_STANCE_CONFIDENCE`],
    /// [`EVIDENCE_AFTER_CONFIDENCE`].
    pub const fn confidence(self) -> f32 {
        match self {
            Rule::DirectCueBefore
            | Rule::DirectCueAfter
            | Rule::DirectAccordingTo
            | Rule::DirectGerund => 0.95,
            Rule::DirectInterview => 0.9,
            Rule::DirectColon => 0.85,
            Rule::MixedCue | Rule::IndirectCueBefore | Rule::IndirectAccordingTo => 0.8,
            Rule::MixedCueAfter | Rule::IndirectCueAfter => 0.75,
            Rule::DirectVerbAfter
            | Rule::IndirectObject
            | Rule::IndirectGerund
            | Rule::IndirectCoordinated => 0.7,
            Rule::DirectHeadline
            | Rule::MixedHeadline
            | Rule::IndirectHeadline
            | Rule::DirectContinuation
            | Rule::IndirectEvidence
            | Rule::IndirectFallback => 0.6,
            Rule::IndirectBelief => 0.55,
            Rule::MixedContinuation
            | Rule::IndirectAsked
            | Rule::IndirectHedge
            | Rule::IndirectNominal => 0.5,
        }
    }

    /// The confidence of a direct quote reported by this rule: the rule's
    /// own when the quote is closed, else [`UNCLOSED_DIRECT_CONFIDENCE`].
    pub(super) fn direct_confidence(self, closed: bool) -> f32 {
        if closed {
            self.confidence()
        } else {
            UNCLOSED_DIRECT_CONFIDENCE
        }
    }

    /// The rule whose code is `code`, if any.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How `Finder::attribute` found the speaker of a cue: it decides which
/// [`Rule`] a report after the cue is credited to (see `Finder::emit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// The cue's own subject, before it (`X said …`).
    SubjectCue,
    /// A participle clause (`…, saying …`): the previous subject.
    Gerund,
    /// A second verb after `and`/`but`: the first verb's subject.
    Coordinated,
    /// The fallback subject parser.
    Fallback,
    /// `according to X`.
    AccordingTo,
    /// A reporting noun (`the claim that …`).
    Nominal,
    /// The writer's hedge: no speaker.
    Hedge,
}

impl Route {
    /// The rule for a quoted span right after the cue.
    pub(super) fn direct_rule(self) -> Rule {
        match self {
            Route::AccordingTo => Rule::DirectAccordingTo,
            Route::Gerund => Rule::DirectGerund,
            _ => Rule::DirectCueBefore,
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::{analyze, Document};

    /// The quotes found in `text`: reason, quoted text and mention, each
    /// as written (empty when none).
    pub(in crate::engine) fn reports(text: &str) -> Vec<(&'static str, &str, &str)> {
        let doc = Document::new("t", text);
        analyze(&doc)
            .quotes
            .iter()
            .map(|q| {
                let rule = Rule::from_code(&q.reason).expect("a registered rule");
                let quoted = q.span.slice(text).unwrap_or_default();
                let mention = q.mention.as_ref().and_then(|m| m.span.slice(text));
                (rule.code(), quoted, mention.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn codes_are_unique_and_name_their_kind() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            assert!(seen.insert(r.code()), "duplicate code {}", r.code());
            let prefix = match r.kind() {
                QuoteKind::Direct => "direct:",
                QuoteKind::Mixed => "mixed:",
                QuoteKind::Indirect => "indirect:",
            };
            assert!(r.code().starts_with(prefix), "{r:?}");
            assert_eq!(Rule::from_code(r.code()), Some(r));
            assert!((0.0..=1.0).contains(&r.confidence()));
        }
        assert_eq!(Rule::from_code("direct:nothing"), None);
    }

    #[test]
    fn docs_table_matches_the_registry() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/engine.md");
        let doc = std::fs::read_to_string(path).expect("docs/engine.md");
        let rows: Vec<Vec<&str>> = doc
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|l| l.split('|').map(str::trim).collect())
            .collect();
        assert_eq!(rows.len(), Rule::ALL.len(), "one row per rule");
        for (row, rule) in rows.iter().zip(Rule::ALL) {
            assert_eq!(row[1].trim_matches('`'), rule.code());
            assert_eq!(row[2], rule.kind().as_str(), "{rule:?}");
            assert_eq!(row[3].parse::<f32>(), Ok(rule.confidence()), "{rule:?}");
        }
    }

    #[test]
    fn unclosed_direct_quotes_are_less_certain() {
        assert_eq!(Rule::DirectCueAfter.direct_confidence(true), 0.95);
        assert_eq!(Rule::DirectCueAfter.direct_confidence(false), 0.75);
    }
}
