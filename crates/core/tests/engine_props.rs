//! Property tests of the engine on arbitrary Unicode and on news-like
//! strings full of quote marks, apostrophes, line breaks, NULs, combining
//! marks, right-to-left text and reporting cues: `analyze` never panics and
//! every invariant of `support/engine_invariants.rs` holds (spans in bounds
//! and on char boundaries, every quote, cue and mention equal to the slice
//! of its span, no partial overlaps).
//!
//! The generators are checked too (`generators_are_not_trivial`): most
//! news-like inputs must produce quotes of every kind, so that the
//! properties are not vacuously true on quote-free text. The number of cases
//! can be raised with `PROPTEST_CASES` for a longer local run.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use quotecheck_core::{Analysis, QuoteKind};

use crate::support::engine_invariants;

/// `n` cases, or `PROPTEST_CASES` when set (explicit `cases` in a config
/// would otherwise ignore the variable).
fn cases(n: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    ProptestConfig::with_cases(n)
}

fn check(text: &str) -> Result<Analysis, String> {
    engine_invariants::check_text(text)
}

/// Pieces of news-like text.
const PIECES: &[&str] = &[
    "The",
    "minister",
    "Ana Ruiz",
    "Mr. Kerry",
    "officials",
    "she",
    "he",
    "they",
    "It",
    "is",
    "was",
    "not",
    "safe",
    "U.S.",
    "war",
    "e\u{301}te\u{301}",
    "Zoë",
    "naïve",
    "שלום",
    "עולם",
    "مرحبا",
    "بالعالم",
    "\u{200f}",
    "\u{200e}",
    "\u{202e}",
    "😀",
    "—",
    "-",
    "(",
    ")",
    ":",
    ";",
    ",",
    ".",
    "?",
    "!",
    "…",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\0",
    "\u{a0}",
    "\u{2028}",
    "\u{301}",
    "\u{308}",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "don’t",
    "it's",
    "Russia’s",
    "’90s",
    "said",
    " said ",
    "told",
    " told reporters ",
    "according to",
    " according to ",
    "added",
    "said that",
    "described",
    "as",
    "No comments:",
    "Post a Comment",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| {
        let mut out = String::new();
        for (i, p) in v.iter().enumerate() {
            // mostly separate words, sometimes glue them
            if i > 0 && i % 3 != 0 && p.chars().next().is_some_and(char::is_alphanumeric) {
                out.push(' ');
            }
            out.push_str(p);
        }
        out
    })
}

/// Speakers, reporting verbs, content words and quote-mark pairs of the
/// article generator.
const SPEAKERS: &[&str] = &[
    "Ana Ruiz",
    "Mayor Ana Ruiz",
    "Mr. Kerry",
    "Prime Minister Justin Trudeau",
    "the minister",
    "the ministry",
    "Lavrov",
    "she",
    "He",
    "they",
    "officials",
    "a spokeswoman for the U.S. Department of State",
    "Zoë Ngô",
    "الوزير",
    "שר האוצר",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "claimed",
    "stated",
    "wrote",
    "insisted",
    "pointed out",
];
const WORDS: &[&str] = &[
    "the",
    "bridge",
    "is",
    "safe",
    "we",
    "will",
    "not",
    "resign",
    "prices",
    "rose",
    "by",
    "3%",
    "in",
    "May",
    "U.S.",
    "talks",
    "don’t",
    "it's",
    "’90s",
    "naïve",
    "e\u{301}te\u{301}",
    "😀",
    "—",
    "(",
    ")",
    ";",
    "…",
    "שלום",
    "مرحبا",
    "\u{200f}",
    "\u{202e}",
    "\0",
    "\u{a0}",
    "said",
    "“",
    "”",
    "\"",
    "'",
    "according",
    "to",
];
const MARKS: &[(&str, &str)] = &[
    ("“", "”"),
    ("\"", "\""),
    ("«", "»"),
    ("« ", " »"),
    ("„", "“"),
    ("‘", "’"),
    ("'", "'"),
    ("‹", "›"),
    ("「", "」"),
];
const BREAKS: &[&str] = &[
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r",
];

fn content() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 2..12).prop_map(|w| w.join(" "))
}

/// One sentence built from a template of news writing.
fn sentence() -> impl Strategy<Value = String> {
    (
        0usize..10,
        prop::sample::select(SPEAKERS),
        prop::sample::select(VERBS),
        prop::sample::select(MARKS),
        content(),
        content(),
    )
        .prop_map(|(t, s, v, (o, c), a, b)| match t {
            0 => format!("{o}{a},{c} {s} {v}."),
            1 => format!("{s} {v}: {o}{a}.{c}"),
            2 => format!("{s} {v} that {a}."),
            3 => format!("{s} described {a} as {o}{b}{c}."),
            4 => format!("{o}{a}. {b},{c} {v} {s}."),
            5 => format!("According to {s}, {a}."),
            6 => format!("{a}, {s} {v} on Monday."),
            7 => format!("{o}{a}{c}"),
            8 => format!("{o}{a},{c} {s} {v}. {o}{b}.{c}"),
            _ => format!("{a}."),
        })
}

/// A small article: templated sentences joined by spaces and line breaks of
/// every style, then perturbed by inserting pieces of noise (stray quote
/// marks, NULs, combining marks, bidi controls) and cutting it anywhere.
fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((sentence(), prop::sample::select(BREAKS)), 1..12),
        prop::collection::vec(
            (any::<prop::sample::Index>(), prop::sample::select(PIECES)),
            0..4,
        ),
        prop::option::weighted(0.2, any::<prop::sample::Index>()),
    )
        .prop_map(|(sentences, noise, cut)| {
            let mut text = String::new();
            for (s, b) in sentences {
                text.push_str(&s);
                text.push_str(b);
            }
            for (at, piece) in noise {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                text.insert_str(bounds[at.index(bounds.len())], piece);
            }
            if let Some(at) = cut {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                text.truncate(bounds[at.index(bounds.len())]);
            }
            text
        })
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        if let Err(e) = check(&text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn arbitrary_chars_with_quotes(text in "(?s)[“”\"'‘’«»„ a-zA-Z.,:\n\r\0\u{301}]{0,300}") {
        if let Err(e) = check(&text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn news_like_text(text in news_like()) {
        if let Err(e) = check(&text) {
            prop_assert!(false, "{}", e);
        }
    }
}

proptest! {
    #![proptest_config(cases(768))]

    #[test]
    fn articles(text in article()) {
        if let Err(e) = check(&text) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// The article generator really exercises the engine: most articles have
/// quotes, and every kind of quote and attribution appears. (The earlier
/// generators alone produced quote-free text most of the time.)
#[test]
fn generators_are_not_trivial() {
    let mut runner = TestRunner::deterministic();
    let strategy = article();
    let n = 300;
    let (mut with_quotes, mut with_speaker) = (0, 0);
    let mut kinds = [0usize; 3];
    let mut interrupted = 0;
    for _ in 0..n {
        let text = strategy
            .new_tree(&mut runner)
            .expect("generate an article")
            .current();
        let a = check(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        with_quotes += usize::from(!a.quotes.is_empty());
        with_speaker += usize::from(a.quotes.iter().any(|q| q.speaker.is_some()));
        interrupted += a.quotes.iter().filter(|q| !q.parts.is_empty()).count();
        for q in &a.quotes {
            kinds[match q.kind {
                QuoteKind::Direct => 0,
                QuoteKind::Indirect => 1,
                QuoteKind::Mixed => 2,
            }] += 1;
        }
    }
    eprintln!(
        "{with_quotes}/{n} with quotes, {with_speaker} with a speaker, kinds {kinds:?}, \
         {interrupted} interrupted quotations"
    );
    assert!(
        with_quotes * 10 >= n * 7,
        "{with_quotes}/{n} articles with quotes"
    );
    assert!(
        with_speaker * 2 >= n,
        "{with_speaker}/{n} articles with a speaker"
    );
    assert!(kinds.iter().all(|&k| k >= 10), "quote kinds {kinds:?}");
    assert!(interrupted >= 10, "{interrupted} interrupted quotations");
}

#[test]
fn fixed_edge_cases() {
    for text in [
        "",
        "“",
        "”",
        "\"",
        "“”",
        "“ said",
        "said “",
        "He said: “",
        "\0\r\n\u{301}",
        "“Yes,” she said, “no.”",
        "«Non», a-t-il dit. „Ja“, sagte er. ‹Oui›",
        "She said ‘it’s fine’ and ’90s kids don’t care.",
        "“unclosed, she said. “Another,” he told reporters.",
        "مرحبا، قال الوزير “نعم”.",
        "No comments:\nPost a Comment",
    ] {
        if let Err(e) = check(text) {
            panic!("{text:?}: {e}");
        }
    }
}
