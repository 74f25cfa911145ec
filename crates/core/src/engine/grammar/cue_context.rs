//! The words around a cue: auxiliaries and adverbs that may stand between a
//! subject and its verb, passives, the complements some cues need (`about`,
//! `as`, a light verb's reporting noun) and the hedge helpers.

use crate::engine::*;

/// Adverbs and auxiliaries between a subject and its cue (`has also
/// said`, `now say`, `angrily denied`).
#[inline]
pub(in crate::engine) fn skips_before_cue(t: &Token<'_>) -> bool {
    let l = t.lower();
    in_skip_list(l)
        || matches!(
            l,
            "now" | "even" | "long" | "too" | "initially" | "originally" | "here" | "overall"
        )
        || t.is_word
            && !t.is_capitalized()
            && l.len() > 4
            && l.ends_with("ly")
            && !matches!(
                l,
                "family"
                    | "rally"
                    | "assembly"
                    | "supply"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "bully"
            )
}

/// Words after which a cue word is a noun (`the state`, `his remarks`).
pub(in crate::engine) const DETERMINER_WORDS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its"];

pub(in crate::engine) const SKIP_BEFORE_CUE: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "later",
    "then",
    "again",
    "repeatedly",
    "previously",
    "recently",
    "earlier",
    "once",
    "often",
    "publicly",
    "privately",
    "quickly",
    "separately",
    "reportedly",
    "further",
    "reportedly",
    "never",
    "not",
    "did",
    "does",
    "do",
    "just",
    "already",
    "still",
    "first",
    "last",
    "always",
    "frequently",
    "specifically",
    "explicitly",
    "angrily",
    "bluntly",
    "flatly",
    "simply",
    "openly",
    "famously",
    "subsequently",
    "immediately",
    "finally",
    "ultimately",
    "initially",
    "originally",
    "previously",
    "yesterday",
    "today",
    "even",
    "actually",
    "apparently",
    "clearly",
    "strongly",
    "firmly",
    "correctly",
    "falsely",
    "wrongly",
    "mistakenly",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "be",
    "to",
    "had",
    "once",
    "alone",
    "himself",
    "herself",
    "themselves",
    "itself",
    "too",
    "jointly",
    "formally",
    "officially",
    // Contracted negations (`didn’t say`; the token's lower case has a
    // straight apostrophe) and adverbs of aspect (`has since said`, `would
    // only say`, `will not yet say`).
    "didn't",
    "doesn't",
    "don't",
    "won't",
    "wouldn't",
    "couldn't",
    "can't",
    "hasn't",
    "haven't",
    "hadn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "shouldn't",
    "since",
    "only",
    "yet",
];

/// [`SKIP_BEFORE_CUE`] as a set (it is consulted for every cue).
#[inline]
pub(in crate::engine) fn in_skip_list(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(SKIP_BEFORE_CUE.iter().copied()))
        .contains(word)
}

pub(in crate::engine) const PASSIVE: &[&str] = &[
    "was", "were", "been", "be", "is", "are", "being", "get", "got",
];

/// Adverbs and auxiliaries between a hedge's subject and its verb
/// (`may also seem`, `is not widely expected to`).
pub(in crate::engine) const HEDGE_SKIP: &[&str] = &[
    "not",
    "also",
    "now",
    "still",
    "generally",
    "largely",
    "long",
    "originally",
    "widely",
    "may",
    "might",
    "could",
    "would",
    "will",
    "should",
    "can",
    "does",
    "did",
    "do",
    "has",
    "have",
    "had",
    "often",
    "always",
    "never",
    "increasingly",
    "suddenly",
    "once",
    "already",
    "even",
    "only",
    "clearly",
    "initially",
    "doesn't",
    "don't",
    "didn't",
    "won't",
    "wouldn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
];

/// The `about` that opens a cue's complement within a few words after it
/// (`spoke at the White House on Tuesday about`, `talked to his inner circle
/// about`): no punctuation, quote mark, `that` or other cue on the way.
pub(in crate::engine) fn about_complement(
    toks: &[Token<'_>],
    from: usize,
    stop: usize,
) -> Option<usize> {
    let lex = Lexicon::builtin();
    let end = stop.min(from + ABOUT_WINDOW).min(toks.len());
    for (k, t) in toks.iter().enumerate().take(end).skip(from) {
        if !t.is_word {
            return None;
        }
        let l = t.lower();
        if l == "about" {
            return Some(k);
        }
        if l == "that" || lex.token_entry(t).is_some() {
            return None;
        }
    }
    None
}

/// The length of an aspect phrase right before token `i` that leaves the
/// cue after it a report: `went on to` (3: `D’Souza went on to explain
/// that …`, also `goes`/`go`/`going on to`) or `continue(s/d) to` (2: `I
/// continue to believe that …`); 0 when there is none.
#[inline]
pub(in crate::engine) fn aspect_before(toks: &[Token<'_>], i: usize) -> usize {
    if i < 2 || !toks[i - 1].text.eq_ignore_ascii_case("to") {
        return 0;
    }
    // `I continue to believe`, `was quick to point out`, `is trying to
    // show`, `has yet to endorse`, `failed to prosecute`: a control verb or
    // adjective leaves the report to the cue after it, with its subject.
    if matches!(
        toks[i - 2].lower(),
        "continue"
            | "continues"
            | "continued"
            | "quick"
            | "tried"
            | "trying"
            | "try"
            | "tries"
            | "yet"
            | "failed"
            | "fails"
            | "began"
            | "begins"
            | "begin"
            | "started"
            | "starts"
            | "sought"
            | "seeking"
            | "seeks"
            | "attempted"
            | "managed"
            | "ready"
            | "able"
            | "careful"
            | "hastened"
            | "rushed"
            | "moved"
    ) {
        return 2;
    }
    if i >= 3
        && toks[i - 2].text.eq_ignore_ascii_case("on")
        && matches!(toks[i - 3].lower(), "went" | "goes" | "go" | "going")
    {
        return 3;
    }
    0
}

/// True when `as` follows within a few words, before any punctuation
/// (`saw Beck's comments as …`, `views him as …`, `what he sees as …`), or
/// a `that` clause (`the campaign sees that …`), or a manner adverb (`viewed
/// him favorably`).
pub(in crate::engine) fn as_complement(toks: &[Token<'_>], from: usize) -> bool {
    toks.get(from)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("that"))
        || toks
            .iter()
            .skip(from)
            .take(12)
            .take_while(|t| t.is_word)
            .any(|t| {
                t.text.eq_ignore_ascii_case("as") || t.text.ends_with("ably") && t.text.len() > 6
            })
}

/// The start of the run of [`HEDGE_SKIP`] words that ends right before
/// token `i` (`i` itself when there is none).
pub(in crate::engine) fn before_hedge_skips(toks: &[Token<'_>], i: usize) -> usize {
    let mut k = i;
    while k > 0 && HEDGE_SKIP.contains(&toks[k - 1].lower()) {
        k -= 1;
    }
    k
}

/// True when a form of `be` comes before token `i`, past adverbs and
/// auxiliaries (`is not widely`, `has long been`).
pub(in crate::engine) fn after_be(toks: &[Token<'_>], i: usize) -> bool {
    let k = before_hedge_skips(toks, i);
    k > 0
        && matches!(
            toks[k - 1].lower(),
            "is" | "are" | "was" | "were" | "be" | "been"
        )
}

/// Words after `seem`/`appear` that make it no hedge (`appeared before the
/// committee`, `appeared together`, `appeared on Fox News`).
pub(in crate::engine) const HEDGE_NOT_NEXT: &[&str] = &[
    "on",
    "in",
    "at",
    "before",
    "with",
    "together",
    "onstage",
    "alongside",
    "during",
    "for",
    "from",
    "via",
    "outside",
    "inside",
    "live",
    "and",
    "or",
    "briefly",
    "again",
    "here",
    "there",
    "opposite",
    "behind",
    "as",
    "after",
    "beside",
    "by",
    "without",
    "into",
    "onto",
    "across",
];

/// Words that open a clause: a hedge's subject starts after them (`While
/// the 757 might seem …`).
pub(in crate::engine) const HEDGE_CLAUSE_OPENERS: &[&str] = &[
    "that", "because", "while", "although", "though", "if", "when", "whereas", "since", "as",
    "but", "so", "where", "whether", "unless", "until", "after", "before", "once", "and", "or",
    "than", "why", "how", "what", "however", "yet", "then", "now", "also", "even",
];

/// After a light verb (`made`, `gave`, `launched`): the end (exclusive) of
/// `[determiner/adjectives] reporting-noun preposition` when one follows
/// within five words (`no mention of`, `a passionate case for`, `an attack
/// on`, `the point that`).
pub(in crate::engine) fn light_complement(toks: &[Token<'_>], from: usize) -> Option<usize> {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let nouns = SET.get_or_init(|| WordSet::new(REPORT_NOUNS.iter().copied()));
    for k in from..(from + LIGHT_COMPLEMENT_WINDOW).min(toks.len()) {
        let t = &toks[k];
        if !t.is_word {
            return None;
        }
        if nouns.contains(t.lower()) {
            let prep = toks.get(k + 1).is_some_and(|n| {
                matches!(
                    n.lower(),
                    "of" | "about" | "on" | "for" | "against" | "to" | "that" | "with" | "at"
                )
            });
            return prep.then_some(k + 2);
        }
    }
    None
}

/// Nouns of speech and stance that a light verb turns into a report.
const REPORT_NOUNS: &[&str] = &[
    "case",
    "mention",
    "secret",
    "statement",
    "statements",
    "comment",
    "comments",
    "remark",
    "remarks",
    "reference",
    "references",
    "attack",
    "attacks",
    "call",
    "calls",
    "plea",
    "appeal",
    "appeals",
    "point",
    "points",
    "argument",
    "arguments",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "accusation",
    "accusations",
    "promise",
    "promises",
    "pledge",
    "commitment",
    "commitments",
    "joke",
    "jokes",
    "observation",
    "apology",
    "apologies",
    "claim",
    "claims",
    "pitch",
    "speech",
    "speeches",
    "address",
    "announcement",
    "criticism",
    "critique",
    "defense",
    "defence",
    "endorsement",
    "praise",
    "overture",
    "overtures",
    "threat",
    "threats",
    "warning",
    "warnings",
    "prediction",
    "predictions",
    "assurance",
    "assurances",
    "vow",
    "proposal",
    "proposals",
    "request",
    "demand",
    "demands",
    "nod",
    "tribute",
    "rebuke",
    "denunciation",
    "assessment",
    "interview",
    "testimony",
    "presentation",
    "insinuation",
    "suggestion",
    "assertion",
    "declaration",
    "admission",
    "concession",
    "recommendation",
    "comparison",
];
