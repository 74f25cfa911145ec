//! The last word on each found quote: its type (speech, stance or
//! evidence), decided by the class of its cue in the lexicon, and its
//! calibrated confidences — the probability that the quote and its speaker
//! are right, and that the speaker is right when the quote is — from a
//! logistic model over a few features of the quote ([`FEATURES`]) whose
//! weights are data (`data/confidence.tsv`, fitted on the PolNeAR train
//! split by `scripts/fit_confidence.py`). Inference is two dot products
//! per quote.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::cue::{CueEntry, Lexicon};
use crate::document::{Analysis, Document};
use crate::quote::{Quote, QuoteKind, QuoteType};
use crate::span::Span;
use crate::speaker::MentionKind;

/// The rules of the engine (`Quote::reason`), one feature each.
const RULES: [&str; 26] = [
    "direct:according-to",
    "direct:colon",
    "direct:continuation",
    "direct:cue-after",
    "direct:cue-before",
    "direct:gerund",
    "direct:headline",
    "direct:interview",
    "direct:verb-after",
    "indirect:according-to",
    "indirect:asked",
    "indirect:belief",
    "indirect:coordinated",
    "indirect:cue-after",
    "indirect:cue-before",
    "indirect:evidence",
    "indirect:fallback",
    "indirect:gerund",
    "indirect:headline",
    "indirect:hedge",
    "indirect:nominal",
    "indirect:object",
    "mixed:continuation",
    "mixed:cue",
    "mixed:cue-after",
    "mixed:headline",
];

/// Mention kinds, one feature each (`none`: no mention).
const MENTIONS: [&str; 7] = [
    "name",
    "surname",
    "role",
    "organization",
    "group",
    "pronoun",
    "none",
];

/// The features that are not a rule or a mention kind.
const OTHER: [&str; 12] = [
    "bias",
    "type:stance",
    "type:evidence",
    "learned_cue",
    "no_cue",
    "no_speaker",
    "mention_gap",
    "mention_other_sentence",
    "cue_gap",
    "length",
    "position",
    "interrupted",
];

/// Number of features.
const N: usize = OTHER.len() + RULES.len() + MENTIONS.len();

/// The names of the confidence model's features, in the order of
/// [`confidence_features`]: `bias`, `type:stance`, `type:evidence`,
/// `learned_cue` (a cue learned from PolNeAR), `no_cue`, `no_speaker`
/// (no speaker resolved), `mention_gap` (ln(1 + bytes between the mention
/// and the quote)), `mention_other_sentence` (the mention is outside the
/// quote's sentences), `cue_gap` (ln(1 + bytes between cue and quote)),
/// `length` (ln(1 + bytes quoted)), `position` (quote start over text
/// length), `interrupted` (a quotation in pieces), then `rule:<reason>`
/// for each engine rule and `mention:<kind>` for each mention kind.
pub fn feature_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut v: Vec<String> = OTHER.iter().map(|s| s.to_string()).collect();
        v.extend(RULES.iter().map(|r| format!("rule:{r}")));
        v.extend(MENTIONS.iter().map(|m| format!("mention:{m}")));
        debug_assert_eq!(v.len(), N);
        v
    })
}

/// The fitted weights: per feature, for the quote model and the speaker model.
struct Weights {
    quote: [f32; N],
    speaker: [f32; N],
}

const WEIGHTS: &str = include_str!("../../data/confidence.tsv");

/// The weights of `data/confidence.tsv` (`feature<TAB>quote<TAB>speaker`;
/// a feature it does not list weighs 0).
fn weights() -> &'static Weights {
    static W: OnceLock<Weights> = OnceLock::new();
    W.get_or_init(|| parse_weights(WEIGHTS))
}

fn parse_weights(data: &str) -> Weights {
    let mut w = Weights {
        quote: [0.0; N],
        speaker: [0.0; N],
    };
    let names = feature_names();
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(i), Some(q), Some(s)) = (
            names.iter().position(|n| n == cols[0]),
            cols.get(1).and_then(|v| v.trim().parse::<f32>().ok()),
            cols.get(2).and_then(|v| v.trim().parse::<f32>().ok()),
        ) else {
            continue;
        };
        w.quote[i] = q;
        w.speaker[i] = s;
    }
    w
}

/// The lexicon entry of a quote's cue, if the cue is a lexicon form.
fn cue_entry(q: &Quote) -> Option<&'static CueEntry> {
    let c = q.cue.as_ref()?;
    // The cue as the lexicon lists it: lower case, one space between words.
    let lex = Lexicon::builtin();
    // Most cues are one lower-case ASCII word already (`said`).
    if c.text.bytes().all(|b| b.is_ascii_lowercase()) {
        return lex.lookup(&c.text);
    }
    let mut form = String::with_capacity(c.text.len());
    for (i, w) in c.text.split_whitespace().enumerate() {
        if i > 0 {
            form.push(' ');
        }
        form.extend(w.chars().flat_map(char::to_lowercase));
    }
    lex.lookup(&form)
}

/// The type of `q`: the type of its cue in the lexicon (`data/cues.tsv`,
/// `class:type`, or the class's default), else the type of the rule that
/// found it (a writer's hedge is a stance, a document's finding evidence),
/// else speech (quote marks without a cue).
fn quote_type(q: &Quote, entry: Option<&CueEntry>, text: &str) -> QuoteType {
    let t = match (entry, q.reason.as_str()) {
        (Some(e), _) => e.quote_type,
        (None, "indirect:belief" | "indirect:hedge") => QuoteType::Stance,
        (None, "indirect:evidence") => QuoteType::Evidence,
        _ => QuoteType::Speech,
    };
    if t == QuoteType::Speech && document_subject(q, text) {
        QuoteType::Evidence
    } else {
        t
    }
}

/// Is the speaker of `q` a document, poll, study or data
/// (`data/evidence_nouns.txt`): the head of its mention (`the survey
/// report`, `One lawsuit, filed by …`), or the noun before `by` when the
/// mention is the author of one (`An analysis by the Congressional Budget
/// Office estimated …`)?
fn document_subject(q: &Quote, text: &str) -> bool {
    let Some(m) = &q.mention else {
        return false;
    };
    let nouns = evidence_nouns();
    let is_doc = |w: &str| nouns.contains(w.to_lowercase().as_str());
    // The head: the last word before an appositive or a relative clause.
    let head = m.text.split(',').next().unwrap_or_default();
    if head.split_whitespace().last().is_some_and(is_doc) {
        return true;
    }
    let before = text.get(..m.span.start).unwrap_or_default();
    let mut words = before.split_whitespace().rev().peekable();
    words.next_if(|w| w.eq_ignore_ascii_case("the"));
    words.next().is_some_and(|w| w == "by") && words.next().is_some_and(is_doc)
}

/// The nouns of `data/evidence_nouns.txt`.
fn evidence_nouns() -> &'static HashSet<&'static str> {
    static NOUNS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NOUNS.get_or_init(|| {
        include_str!("../../data/evidence_nouns.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// Bytes between two spans (0 when they touch or overlap).
fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The non-zero features of `q` (typed already) in a text of `len` bytes
/// with these sentences, as `(index, value)` in ascending index order (so
/// that a sparse dot product adds in the same order as a dense one), and
/// their number.
fn features(
    q: &Quote,
    entry: Option<&CueEntry>,
    sentences: &[Span],
    len: usize,
) -> ([(usize, f32); 16], usize) {
    // Indices into `OTHER`.
    const BIAS: usize = 0;
    const STANCE: usize = 1;
    const EVIDENCE: usize = 2;
    const LEARNED: usize = 3;
    const NO_CUE: usize = 4;
    const NO_SPEAKER: usize = 5;
    const MENTION_GAP: usize = 6;
    const MENTION_OTHER: usize = 7;
    const CUE_GAP: usize = 8;
    const LENGTH: usize = 9;
    const POSITION: usize = 10;
    const INTERRUPTED: usize = 11;
    let mut f = [(0usize, 0f32); 16];
    let mut n = 0;
    let mut set = |i: usize, v: f32| {
        if v != 0.0 {
            f[n] = (i, v);
            n += 1;
        }
    };
    let flag = |b: bool| f32::from(u8::from(b));
    let ln = |n: usize| (n as f32).ln_1p();
    set(BIAS, 1.0);
    set(STANCE, flag(q.quote_type == QuoteType::Stance));
    set(EVIDENCE, flag(q.quote_type == QuoteType::Evidence));
    set(LEARNED, flag(entry.is_some_and(|e| e.learned)));
    set(NO_CUE, flag(q.cue.is_none()));
    set(NO_SPEAKER, flag(q.speaker.is_none()));
    if let Some(m) = &q.mention {
        let sentence = |pos: usize| sentences.partition_point(|s| s.end <= pos);
        set(MENTION_GAP, ln(gap(m.span, q.span)));
        let (first, last) = (
            sentence(q.span.start),
            sentence(q.span.end.saturating_sub(1)),
        );
        let at = sentence(m.span.start);
        set(MENTION_OTHER, flag(at < first || at > last));
    }
    if let Some(c) = &q.cue {
        set(CUE_GAP, ln(gap(c.span, q.span)));
    }
    // (Only a direct quote is interrupted by its attribution; the parts of
    // coordinated reports, `said A and that B`, leave the features alone.)
    let interrupted = q.kind == QuoteKind::Direct && !q.parts.is_empty();
    let length = if interrupted {
        q.pieces().map(|p| p.len()).sum()
    } else {
        q.span.len()
    };
    set(LENGTH, ln(length));
    set(POSITION, q.span.start as f32 / len.max(1) as f32);
    set(INTERRUPTED, flag(interrupted));
    let base = OTHER.len();
    if let Some(r) = RULES.iter().position(|r| *r == q.reason) {
        set(base + r, 1.0);
    }
    let kind = match q.mention.as_ref().map(|m| m.kind) {
        Some(MentionKind::Name) => 0,
        Some(MentionKind::Surname) => 1,
        Some(MentionKind::Role) => 2,
        Some(MentionKind::Organization) => 3,
        Some(MentionKind::Group) => 4,
        Some(MentionKind::Pronoun) => 5,
        None => 6,
    };
    set(base + RULES.len() + kind, 1.0);
    (f, n)
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// `w · f` for the sparse features `f`.
fn dot(w: &[f32; N], f: &[(usize, f32)]) -> f32 {
    f.iter().fold(0.0, |acc, &(i, v)| acc + w[i] * v)
}

/// Set the type and the calibrated confidences of every quote of `text`
/// with these sentences.
pub(crate) fn assess(quotes: &mut [Quote], sentences: &[Span], text: &str) {
    let w = weights();
    for q in quotes {
        let entry = cue_entry(q);
        q.quote_type = quote_type(q, entry, text);
        let (f, n) = features(q, entry, sentences, text.len());
        let p_quote = sigmoid(dot(&w.quote, &f[..n]));
        let p_speaker = sigmoid(dot(&w.speaker, &f[..n]));
        q.speaker_confidence = p_speaker;
        q.confidence = p_quote * p_speaker;
    }
}

/// The confidence model's features of each quote of an analysis, in quote
/// order, named by [`feature_names`]: the input of
/// `scripts/fit_confidence.py`.
///
/// ```
/// use quotecheck_core::{analyze, confidence_features, feature_names, Document};
/// let doc = Document::new("d", "“We will win,” she said.");
/// let a = analyze(&doc);
/// let f = confidence_features(&doc, &a);
/// assert_eq!(f.len(), a.quotes.len());
/// assert_eq!(f[0].len(), feature_names().len());
/// ```
pub fn confidence_features(doc: &Document, analysis: &Analysis) -> Vec<Vec<f32>> {
    analysis
        .quotes
        .iter()
        .map(|q| {
            let (f, n) = features(q, cue_entry(q), &analysis.sentences, doc.text.len());
            let mut dense = vec![0f32; N];
            for &(i, v) in &f[..n] {
                dense[i] = v;
            }
            dense
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    fn types(text: &str) -> Vec<QuoteType> {
        let doc = Document::new("t", text);
        analyze(&doc).quotes.iter().map(|q| q.quote_type).collect()
    }

    #[test]
    fn the_cue_class_decides_the_type() {
        assert_eq!(
            types("The mayor said that the bridge would reopen in May."),
            [QuoteType::Speech]
        );
        assert_eq!(
            types("The mayor believes that the bridge will reopen in May."),
            [QuoteType::Stance]
        );
        assert_eq!(
            types("A survey by the county found that most residents want the bridge reopened."),
            [QuoteType::Evidence]
        );
        // An object cue typed `stance` in the lexicon.
        assert_eq!(
            types("The union endorsed the mayor's plan to reopen the bridge."),
            [QuoteType::Stance]
        );
        // Quote marks and a speech cue.
        assert_eq!(
            types("“We will reopen it,” the mayor said."),
            [QuoteType::Speech]
        );
    }

    #[test]
    fn a_document_subject_makes_a_speech_cue_evidence() {
        assert_eq!(
            types("The petition demands that the council freeze rents."),
            [QuoteType::Evidence]
        );
        assert_eq!(
            types("According to the charging documents, the thefts began in 2021."),
            [QuoteType::Evidence]
        );
        assert_eq!(
            types("A survey by the county suggested that most residents want the bridge."),
            [QuoteType::Evidence]
        );
        // A person or an organisation keeps speech; `statement` is speech.
        assert_eq!(
            types("The county said that most residents want the bridge."),
            [QuoteType::Speech]
        );
        assert_eq!(
            types("In a statement, the county said that the bridge would reopen."),
            [QuoteType::Speech]
        );
    }

    #[test]
    fn every_rule_is_a_feature() {
        let names = feature_names();
        assert_eq!(names.len(), N);
        let mut sorted = names.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), N, "feature names are unique");
    }

    #[test]
    fn weights_name_known_features_and_confidences_are_probabilities() {
        let names = feature_names();
        for line in WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let name = line.split('\t').next().unwrap_or_default();
            assert!(names.iter().any(|n| n == name), "unknown feature {name:?}");
        }
        let doc = Document::new(
            "t",
            "“We will reopen it,” the mayor said. She believes that the bridge is safe.",
        );
        for q in analyze(&doc).quotes {
            assert!((0.0..=1.0).contains(&q.confidence), "{}", q.confidence);
            assert!(q.confidence <= q.speaker_confidence + 1e-6);
        }
    }
}
