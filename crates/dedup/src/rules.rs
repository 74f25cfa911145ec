//! The word and phrase lists of the findings rules, as data
//! (`data/findings_rules.txt`): generic content words that are no evidence
//! that two quotes are one quote, phrases of page furniture, and the
//! classes of fact-check verdicts.
//!
//! ```
//! use quotecheck_dedup::rules::{is_furniture_phrase, is_generic};
//! assert!(is_generic("think"));
//! assert!(!is_generic("pipeline"));
//! assert!(is_furniture_phrase("davis did not immediately return a request seeking comment"));
//! assert!(!is_furniture_phrase("the senate did not vote on the bill"));
//! use quotecheck_dedup::rules::{verdict_class, VerdictClass};
//! assert_eq!(verdict_class("Pants on Fire!"), VerdictClass::False);
//! assert_eq!(verdict_class("Half-True"), VerdictClass::Mixed);
//! assert_eq!(verdict_class("Mostly true"), VerdictClass::True);
//! assert_eq!(verdict_class(""), VerdictClass::Unknown);
//! ```

use std::collections::HashSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/findings_rules.txt");

/// The entries of one `[section]` of the data file.
fn section(tag: &str) -> impl Iterator<Item = &'static str> + '_ {
    DATA.split('[')
        .find_map(|s| s.strip_prefix(tag).and_then(|s| s.strip_prefix(']')))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn generic() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| section("generic").collect())
}

fn clause_lead() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| section("clause_lead").collect())
}

/// True when a claim contained in a longer one may start right after
/// `word` (a normalised word) and still be a clause of its own: a speech
/// frame (`said`, `told`, `that`) or a coordinating conjunction (`and`,
/// `but`); list `[clause_lead]`.
pub fn is_clause_lead(word: &str) -> bool {
    clause_lead().contains(word)
}

fn qualifier() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| section("qualifier").collect())
}

/// True for a normalised word that qualifies what follows it (`only`,
/// `almost`, `may`; list `[qualifier]`): dropped by the cut of a partial
/// quote, it changes the quote.
pub fn is_qualifier(word: &str) -> bool {
    qualifier().contains(word)
}

/// The value of `name` in `[thresholds]` (`name value` lines), or
/// `default` when the entry is missing or not a number.
fn threshold(name: &str, default: f32) -> f32 {
    section("thresholds")
        .filter_map(|l| l.split_once(char::is_whitespace))
        .find(|(k, _)| *k == name)
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(default)
}

/// The least share of the shorter quote's evidence words (non-generic
/// content words) that a misquote with a negation or number change must
/// share with the other quote (`[thresholds]`
/// `change_min_content_share`): a changed `not` or number is a misquote
/// only between two versions of one remark, not between two remarks that
/// share a word or two around it.
pub fn change_min_content_share() -> f32 {
    static V: OnceLock<f32> = OnceLock::new();
    *V.get_or_init(|| threshold("change_min_content_share", 0.6))
}

fn furniture() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| section("furniture").collect())
}

/// True for a normalised content word too common in speech to count as
/// evidence (`going`, `think`, `people`).
pub fn is_generic(word: &str) -> bool {
    generic().contains(word)
}

/// True when a normalised text contains a furniture phrase (`request for
/// comment`, `sign up for`), matched on whole words.
pub fn is_furniture_phrase(normalised: &str) -> bool {
    let padded = format!(" {normalised} ");
    furniture()
        .iter()
        .any(|p| padded.contains(&format!(" {p} ")))
}

/// What a fact-check verdict says of the claim (`[verdict_*]` lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictClass {
    /// False, mostly false, pants on fire, …
    False,
    /// Half true, misleading, unproven, …
    Mixed,
    /// True, mostly true, correct, …
    True,
    /// Empty or not in any list.
    Unknown,
}

fn verdicts(tag: &'static str) -> Vec<&'static str> {
    section(tag).collect()
}

/// The class of a verdict: its lower-cased words equal an entry of
/// `[verdict_mixed]`, `[verdict_false]` or `[verdict_true]` (tried in that
/// order), else contain one as whole words.
pub fn verdict_class(verdict: &str) -> VerdictClass {
    static LISTS: OnceLock<[(VerdictClass, Vec<&'static str>); 3]> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        [
            (VerdictClass::Mixed, verdicts("verdict_mixed")),
            (VerdictClass::False, verdicts("verdict_false")),
            (VerdictClass::True, verdicts("verdict_true")),
        ]
    });
    let words: Vec<String> = verdict
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let norm = words.join(" ");
    if norm.is_empty() {
        return VerdictClass::Unknown;
    }
    let padded = format!(" {norm} ");
    let exact = lists
        .iter()
        .find(|(_, l)| l.iter().any(|p| *p == norm))
        .map(|x| x.0);
    exact
        .or_else(|| {
            lists
                .iter()
                .find(|(_, l)| l.iter().any(|p| padded.contains(&format!(" {p} "))))
                .map(|x| x.0)
        })
        .unwrap_or(VerdictClass::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_read() {
        assert!(generic().len() > 20);
        assert!(furniture().len() > 20);
        assert!(furniture().iter().all(|p| !p.starts_with('#')));
        // Whole words only.
        assert!(!is_furniture_phrase("the subscriber base grew"));
        assert!(is_furniture_phrase("you can subscribe here"));
    }

    #[test]
    fn verdicts_are_classed() {
        use VerdictClass::*;
        for (v, want) in [
            ("False", False),
            ("Mostly False", False),
            ("Four Pinocchios", False),
            ("Not true.", False),
            ("Half-true", Mixed),
            ("Partly false", Mixed),
            ("Misleading claim", Mixed),
            ("TRUE", True),
            ("Mostly True", True),
            ("Satire", Unknown),
            ("", Unknown),
        ] {
            assert_eq!(verdict_class(v), want, "{v}");
        }
        assert!(verdicts("verdict_false").len() > 10);
        // The data file sets the threshold (not the fallback).
        assert!(section("thresholds").any(|l| l.starts_with("change_min_content_share ")));
        assert!((0.0..=1.0).contains(&change_min_content_share()));
        assert!(verdicts("verdict_true").iter().all(|p| !p.starts_with('#')));
    }
}
