//! Comparing two versions of one text for a finding: what changed
//! ([`Change`]), how similar they are once a partial quote is aligned with
//! the matching stretch of the longer one, and an anchored diff an editor
//! can read (`… the plant will «not → now» close …`).
//!
//! Words are compared in their normalised form ([`crate::normalize`]:
//! case, punctuation, contractions folded; numbers by value, so
//! `twenty-nine` = `29`), shown as written.
//!
//! ```
//! use quotecheck_dedup::compare::{compare, Change};
//! let c = compare("The mayor called the deal a disaster for Leeds", "The mayor called the deal a triumph for Leeds");
//! assert_eq!(c.change, Change::Words);
//! assert_eq!(c.diff, "… the deal a «disaster → triumph» for Leeds");
//! let c = compare("The plant will not close this year, she said", "The plant will close this year");
//! assert_eq!(c.change, Change::Negation);
//! assert_eq!(c.diff, "The plant will «not → » close this year, …");
//! let c = compare("Twenty-nine people were hurt in the blast", "29 people were hurt in the blast");
//! assert_eq!(c.change, Change::None);
//! let c = compare("We will cut 1,600 jobs across the north of England", "we will cut 1,600 jobs");
//! assert_eq!(c.change, Change::Shortened);
//! ```

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::normalize::{classify, for_each_word, word_hash, WordClass};
use crate::rules::{is_clause_lead, is_generic, is_qualifier};

/// What differs between two versions of a text, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// One version negates what the other says (`will not` / `will`).
    Negation,
    /// A number differs by value.
    Number,
    /// Other words differ.
    Words,
    /// One version is a faithful part of the other.
    Shortened,
    /// The same words.
    None,
}

impl Change {
    /// `negation`, `number`, `words`, `shortened` or the empty string.
    pub fn as_str(&self) -> &'static str {
        match self {
            Change::Negation => "negation",
            Change::Number => "number",
            Change::Words => "words",
            Change::Shortened => "shortened",
            Change::None => "",
        }
    }
}

/// The comparison of two texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// What changed (in the aligned stretch, see [`compare`]).
    pub change: Change,
    /// Word similarity `1 − lev / max(len)` of the aligned stretches.
    pub similarity: f32,
    /// True when the shorter text was aligned with a stretch of the longer.
    pub aligned: bool,
    /// Anchored diff of the texts as written (empty when equal).
    pub diff: String,
    /// Content words the aligned stretches share (words of
    /// [`WordClass::Content`] that are not [generic](crate::rules::is_generic)):
    /// the evidence that the two texts are one text.
    pub shared_content: usize,
    /// Content words (as for `shared_content`) of the shorter aligned
    /// stretch: `shared_content / short_content` is the share of the
    /// shorter text's substance the two texts have in common.
    pub short_content: usize,
}

/// The normalised words of a text.
pub fn words(text: &str) -> Vec<String> {
    let mut v = Vec::new();
    for_each_word(text, |w| v.push(w.to_string()));
    v
}

fn negations(ws: &[String]) -> usize {
    ws.iter()
        .filter(|w| classify(w, word_hash(w)) == WordClass::Negation)
        .count()
}

fn numbers(ws: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = ws
        .iter()
        .filter(|w| classify(w, word_hash(w)) == WordClass::Number)
        .map(String::as_str)
        .collect();
    v.sort_unstable();
    v
}

/// Word similarity `1 − lev / max(len)`.
pub fn similarity(a: &[String], b: &[String]) -> f32 {
    let max = a.len().max(b.len());
    if max == 0 {
        return 1.0;
    }
    let d = strsim::generic_levenshtein(&a.to_vec(), &b.to_vec());
    1.0 - d as f32 / max as f32
}

/// The stretch of `long` that `short` matches best: the window of
/// `short`'s length (give or take a word or two) with the highest word
/// similarity, earliest on ties. Very long pairs fall back to the span of a
/// longest common subsequence.
fn stretch(short: &[String], long: &[String]) -> (usize, usize) {
    let m = short.len();
    if m == 0 || long.len() <= m {
        return (0, long.len());
    }
    if long.len() * m > 200_000 {
        return lcs_stretch(short, long);
    }
    let mut best = (f32::MIN, 0, long.len());
    let (head, second, tail) = (&short[0], short.get(1), &short[m - 1]);
    for len in m.saturating_sub(1).max(1)..=(m + 2).min(long.len()) {
        for start in 0..=long.len() - len {
            // Only windows anchored on the first, second or last word.
            let w = &long[start..start + len];
            let anchored = &w[0] == head
                || second.is_some_and(|s| &w[0] == s || w.get(1) == Some(s))
                || &w[len - 1] == tail;
            if !anchored {
                continue;
            }
            let sim = similarity(short, w);
            if sim > best.0 {
                best = (sim, start, start + len);
            }
        }
    }
    (best.1, best.2)
}

/// From the first to the last word of a longest common subsequence.
fn lcs_stretch(short: &[String], long: &[String]) -> (usize, usize) {
    let ops = capture_diff_slices(Algorithm::Myers, short, long);
    let mut first: Option<usize> = None;
    let mut last = long.len();
    for op in &ops {
        if let DiffOp::Equal { new_index, len, .. } = *op {
            first.get_or_insert(new_index);
            last = new_index + len;
        }
    }
    (first.unwrap_or(0), last)
}

/// The normalised words of a text for a comparison: an interjection `No,`
/// (a `no` followed by a comma or the end of a sentence) is no negation of
/// what follows, so it is left out.
fn compared_words(text: &str) -> Vec<String> {
    let interjection = |t: &str| {
        let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
        let rest = t.get(2..).unwrap_or("");
        t.get(..2).is_some_and(|h| h.eq_ignore_ascii_case("no"))
            && rest.starts_with([',', '!', '.', ';', '?'])
    };
    let mut ws = if text.split_whitespace().any(interjection) {
        let kept: Vec<&str> = text
            .split_whitespace()
            .filter(|t| !interjection(t))
            .collect();
        words(&kept.join(" "))
    } else {
        words(text)
    };
    drop_restarts(&mut ws);
    // A possessive is spelled `ISIS’s` or `ISIS’`: one word either way.
    for w in &mut ws {
        if let Some(base) = w.strip_suffix('\'') {
            *w = base.to_string();
        } else if let Some(base) = w.strip_suffix("'s") {
            if !CONTRACTIONS.contains(&w.as_str()) {
                *w = base.to_string();
            }
        }
    }
    ws
}

/// Words ending in `'s` that are a contraction, not a possessive.
const CONTRACTIONS: &[&str] = &[
    "it's", "he's", "she's", "that's", "there's", "here's", "what's", "who's", "where's", "let's",
    "how's", "when's", "why's",
];

/// Drop a speaker's restarts: a run of two to six words repeated at once
/// (`if she gets to pick, if she gets to pick her judges`) is kept once, so
/// a transcript with or without the restart quotes the same words.
fn drop_restarts(ws: &mut Vec<String>) {
    let mut i = 0;
    while i < ws.len() {
        let found = (2..=6)
            .rev()
            .find(|&n| i + 2 * n <= ws.len() && ws[i..i + n] == ws[i + n..i + 2 * n]);
        match found {
            Some(n) => {
                ws.drain(i + n..i + 2 * n);
            }
            None => i += 1,
        }
    }
}

/// Words on either side of one change for it to count as a negation
/// change: a dropped or added `not` is a change of one or two words; an
/// added aside (`not me, not Bill, nobody`) is not.
const NEGATION_MAX_WORDS: usize = 3;

/// A word that is evidence that two texts are one text: a content word
/// that is not [generic](crate::rules::is_generic).
fn is_evidence(w: &str) -> bool {
    classify(w, word_hash(w)) == WordClass::Content && !is_generic(w)
}

/// What differs between aligned word sequences, and the content words they
/// share.
fn classify_change(x: &[String], y: &[String]) -> (Change, usize) {
    let ops = capture_diff_slices(Algorithm::Myers, x, y);
    let mut shared = 0;
    let mut negation = false;
    for op in &ops {
        let (old, new) = (
            &x[op.old_range().start..op.old_range().end],
            &y[op.new_range().start..op.new_range().end],
        );
        if let DiffOp::Equal { .. } = op {
            shared += old.iter().filter(|w| is_evidence(w)).count();
        } else if negations(old) != negations(new) && old.len().max(new.len()) <= NEGATION_MAX_WORDS
        {
            negation = true;
        }
    }
    let change = if x == y {
        Change::None
    } else if negation {
        Change::Negation
    } else if numbers(x) != numbers(y) {
        Change::Number
    } else {
        Change::Words
    };
    (change, shared)
}

/// Compare two versions of a text. When one has at most 80% of the other's
/// words it is compared with the matching stretch of the longer one (a
/// partial quote): equal words there make the change [`Change::Shortened`],
/// or [`Change::Negation`] when the cut drops a negation just before the
/// stretch (`will not close` quoted as `close`). A cut that drops a
/// qualifier just before the stretch (`only`, `may`: see
/// [`crate::rules::is_qualifier`]) stays [`Change::Shortened`] but carries
/// a diff (`… «only → » three of ten …`): a misquote, not a faithful part.
pub fn compare(a: &str, b: &str) -> Comparison {
    let mut c = compare_without_diff(a, b);
    if c.diff.is_empty() && c.change != Change::None {
        c.diff = anchored_diff(a, b, c.aligned);
    }
    c
}

/// [`compare`] without the anchored diff (left empty unless the change is
/// a negation cut off before a partial quote): for deciding which pairs
/// are findings before paying for their diffs.
pub fn compare_without_diff(a: &str, b: &str) -> Comparison {
    let (wa, wb) = (compared_words(a), compared_words(b));
    let a_short = wa.len() <= wb.len();
    let (short, long) = if a_short { (&wa, &wb) } else { (&wb, &wa) };
    let aligned = short.len() * 5 <= long.len() * 4;
    let (x, y, cut): (&[String], &[String], &[String]) = if aligned {
        let (s, e) = stretch(short, long);
        (short, &long[s..e], &long[s.saturating_sub(2)..s])
    } else {
        (short, long, &[])
    };
    let sim = similarity(x, y);
    let (mut change, shared_content) = classify_change(x, y);
    let mut diff = String::new();
    if change == Change::None && aligned {
        let negated = negations(cut) > 0;
        let qualified = cut.last().is_some_and(|w| is_qualifier(w));
        change = if negated {
            Change::Negation
        } else {
            Change::Shortened
        };
        if negated || qualified {
            // The negation (or the qualifier just before the stretch) is
            // outside the aligned stretch: shown in the normalised words
            // around the cut. A shortened quote with a diff dropped a
            // qualifier; without one it is a faithful part.
            let head = x
                .iter()
                .take(CONTEXT)
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let cut = if negated {
                cut.join(" ")
            } else {
                cut.last().cloned().unwrap_or_default()
            };
            diff = if a_short {
                format!("… « → {cut}» {head} …")
            } else {
                format!("… «{cut} → » {head} …")
            };
        }
    }
    Comparison {
        change,
        similarity: sim,
        aligned,
        diff,
        shared_content,
        short_content: x.iter().filter(|w| is_evidence(w)).count(),
    }
}

/// True unless the shorter of `a` and `b` is a part of the longer that
/// does not start a clause of it. A part found inside a longer text (see
/// [`compare`]) starts a clause when it is at the start of the longer text,
/// or follows punctuation (`News, just 28 percent…`, `saying, "Is…`) or a
/// word of `[clause_lead]` (`said`, `that`, `but`: see
/// [`crate::rules::is_clause_lead`]). After any other word it is a part of
/// a longer claim that says something else: `A new state funding formula
/// is expected in the spring` is not the claim `the district should have
/// waited for a new state funding formula expected in the spring`.
/// Texts whose words cannot be located as written count as starting one.
///
/// ```
/// use quotecheck_dedup::compare::starts_a_clause;
/// let long = "the district should have waited for a new state funding formula expected in the spring";
/// assert!(!starts_a_clause(long, "A new state funding formula is expected in the spring."));
/// let framed = "In a poll by the Times, just 28 percent of voters said they had a positive view of her";
/// assert!(starts_a_clause(framed, "Just 28 percent of voters said they had a positive view of her."));
/// ```
pub fn starts_a_clause(a: &str, b: &str) -> bool {
    let (wa, wb) = (compared_words(a), compared_words(b));
    let (short, long, long_text) = if wa.len() <= wb.len() {
        (&wa, &wb, b)
    } else {
        (&wb, &wa, a)
    };
    if short.is_empty() || short.len() * 5 > long.len() * 4 {
        return true;
    }
    let (s, _) = stretch(short, long);
    if s == 0 {
        return true;
    }
    // The longer text's words as written, each with whether a clause
    // boundary (punctuation, an opening quote mark) follows it.
    let mut flat: Vec<(String, bool)> = Vec::new();
    for t in long_text.split_whitespace() {
        let ws = words(t);
        if t.starts_with(['"', '“', '‘', '\'', '(', '«']) || ws.is_empty() {
            if let Some(last) = flat.last_mut() {
                last.1 = true;
            }
        }
        let closes = t.ends_with([
            ',', ';', ':', '.', '!', '?', '—', '–', '-', '"', '”', ')', '»',
        ]);
        let n = ws.len();
        flat.extend(
            ws.into_iter()
                .enumerate()
                .map(|(i, w)| (w, closes && i + 1 == n)),
        );
    }
    let head = &long[s..(s + 3).min(long.len())];
    let at = (1..flat.len()).find(|&i| {
        flat.get(i..i + head.len())
            .is_some_and(|f| f.iter().zip(head).all(|(x, h)| x.0 == *h))
    });
    at.is_none_or(|i| flat[i - 1].1 || is_clause_lead(&flat[i - 1].0))
}

/// A word as written and its normalised key.
struct Token<'a> {
    text: &'a str,
    key: String,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    text.split_whitespace()
        .filter_map(|t| {
            let key = words(t).join(" ");
            (!key.is_empty()).then_some(Token { text: t, key })
        })
        .collect()
}

/// Words of context shown on each side of a change.
const CONTEXT: usize = 3;

/// The diff from `a` to `b` over the words as written, anchored by a few
/// unchanged words on each side of every change: `… will «not → now» close
/// …`. With `aligned`, words of the longer text outside the shorter one's
/// stretch are left out (`…`) rather than shown as removed.
pub fn anchored_diff(a: &str, b: &str, aligned: bool) -> String {
    let (ta, tb) = (tokens(a), tokens(b));
    let ka: Vec<&str> = ta.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.key.as_str()).collect();
    let mut ops = capture_diff_slices(Algorithm::Myers, &ka, &kb);
    let (mut cut_start, mut cut_end) = (false, false);
    if aligned {
        // Leading and trailing one-sided ops are the part left out.
        let one_sided =
            |op: Option<&DiffOp>| matches!(op, Some(DiffOp::Delete { .. } | DiffOp::Insert { .. }));
        while one_sided(ops.first()) {
            ops.remove(0);
            cut_start = true;
        }
        while one_sided(ops.last()) {
            ops.pop();
            cut_end = true;
        }
    }
    let join =
        |ts: &[Token<'_>]| -> String { ts.iter().map(|t| t.text).collect::<Vec<_>>().join(" ") };
    let mut out: Vec<String> = Vec::new();
    if cut_start {
        out.push("…".into());
    }
    let n = ops.len();
    for (i, op) in ops.iter().enumerate() {
        match *op {
            DiffOp::Equal { old_index, len, .. } => {
                let w = &ta[old_index..old_index + len];
                let (first, last) = (i == 0, i + 1 == n);
                if first && last {
                    return String::new();
                }
                if first {
                    if len > CONTEXT {
                        out.push("…".into());
                    }
                    out.push(join(&w[len.saturating_sub(CONTEXT)..]));
                } else if last {
                    out.push(join(&w[..len.min(CONTEXT)]));
                    if len > CONTEXT {
                        out.push("…".into());
                    }
                } else if len <= 2 * CONTEXT {
                    out.push(join(w));
                } else {
                    out.push(join(&w[..CONTEXT]));
                    out.push("…".into());
                    out.push(join(&w[len - CONTEXT..]));
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.push(format!(
                "«{} → »",
                join(&ta[old_index..old_index + old_len])
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.push(format!(
                "« → {}»",
                join(&tb[new_index..new_index + new_len])
            )),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => out.push(format!(
                "«{} → {}»",
                join(&ta[old_index..old_index + old_len]),
                join(&tb[new_index..new_index + new_len])
            )),
        }
    }
    if cut_end {
        out.push("…".into());
    }
    tidy(&out.join(" "))
}

/// Collapse repeated ellipses.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split(' ') {
        if part == "…" && out.ends_with('…') {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cut that drops a qualifier just before a partial quote leaves a
    /// diff naming it; a faithful cut leaves none.
    #[test]
    fn a_dropped_qualifier_at_the_cut_has_a_diff() {
        let long = "We have been told that only three of the ten schools will reopen next month";
        let c = compare_without_diff(long, "three of the ten schools will reopen next month");
        assert_eq!(c.change, Change::Shortened);
        assert!(c.diff.contains("only"), "{}", c.diff);
        let c = compare_without_diff(long, "the ten schools will reopen next month");
        assert_eq!(c.change, Change::Shortened);
        assert!(c.diff.is_empty(), "{}", c.diff);
    }

    #[test]
    fn changes() {
        let c = |a: &str, b: &str| compare(a, b).change;
        assert_eq!(
            c(
                "The plant will not close, she said",
                "The plant will now close, she said"
            ),
            Change::Negation
        );
        assert_eq!(
            c(
                "Three people died in the fire",
                "Four people died in the fire"
            ),
            Change::Number
        );
        assert_eq!(
            c(
                "The deal is a disaster for the town",
                "The deal is a triumph for the town"
            ),
            Change::Words
        );
        assert_eq!(
            c(
                "It cost $1.5bn over three years",
                "It cost $1.5 billion over three years"
            ),
            Change::None
        );
        // A dropped "not" inside a partial quote.
        assert_eq!(
            c(
                "We have looked at every option and we will not close the plant in Leeds before the election",
                "will close the plant in Leeds"
            ),
            Change::Negation
        );
        assert_eq!(
            c(
                "We have looked at every option and we will not close the plant in Leeds before the election",
                "will not close the plant in Leeds"
            ),
            Change::Shortened
        );
    }

    #[test]
    fn precision_rules() {
        let c = |a: &str, b: &str| compare(a, b);
        // An aside with negations is no negation change.
        assert_eq!(
            c(
                "There has never been a man or a woman more qualified than Hillary Clinton to serve",
                "There has never been a man or a woman, not me, not Bill, nobody more qualified than Hillary Clinton to serve"
            )
            .change,
            Change::Words
        );
        // An interjection "No," negates nothing.
        assert_ne!(
            c(
                "No, I meant he is the founder of ISIS",
                "I meant he is the founder of ISIS"
            )
            .change,
            Change::Negation
        );
        // Possessives and restarts are the same words.
        assert_eq!(
            c(
                "He is becoming ISIS’s best recruiter",
                "He is becoming ISIS’ best recruiter"
            )
            .change,
            Change::None
        );
        assert_eq!(
            c(
                "if she gets to pick, if she gets to pick her judges, nothing you can do",
                "if she gets to pick her judges, nothing you can do"
            )
            .change,
            Change::None
        );
        // A partial quote that starts after a dropped "not".
        let cut = c(
            "We will not close the plant in Leeds before the election next May",
            "close the plant in Leeds before the election",
        );
        assert_eq!(cut.change, Change::Negation);
        assert_eq!(cut.diff, "… «will not → » close the plant …");
        // Shared content words leave out generic ones.
        assert_eq!(
            c("I think it is a bribe", "I think it is a tough thing").shared_content,
            0
        );
        assert_eq!(
            c(
                "the pipeline will cross tribal land",
                "the pipeline will cross tribal land"
            )
            .shared_content,
            4
        );
    }

    #[test]
    fn diffs_are_anchored_on_the_words_as_written() {
        let d = compare(
            "I said the plant will not close this year and that is final",
            "I said the plant will now close this year and that is final",
        )
        .diff;
        assert_eq!(d, "… the plant will «not → now» close this year …");
        let d = compare("Close it.", "Keep it.").diff;
        assert_eq!(d, "«Close → Keep» it.");
    }

    #[test]
    fn shortened_diff_leaves_out_the_rest() {
        let c = compare(
            "We have looked at every option and we will not close the plant in Leeds",
            "will close the plant in Leeds",
        );
        assert!(c.aligned);
        assert_eq!(c.diff, "… will «not → » close the plant …");
    }
}
