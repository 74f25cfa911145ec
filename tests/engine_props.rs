//! Property tests of the engine on arbitrary Unicode and on news-like
//! strings full of quote marks, apostrophes, line breaks, NULs, combining
//! marks, right-to-left text and reporting cues: `analyze` never panics and
//! every span it returns is well formed.

use proptest::prelude::*;
use quotecheck_core::{analyze, quote_records, Document, Span};

/// Check every invariant of one analysis; `Err` names the first violation.
fn check(text: &str) -> Result<(), String> {
    let doc = Document::new("prop", text);
    let a = analyze(&doc);
    let span_ok = |what: &str, s: Span| -> Result<(), String> {
        if s.start > s.end || s.end > text.len() {
            return Err(format!("{what} {s:?} out of bounds (len {})", text.len()));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what} {s:?} not on char boundaries"));
        }
        Ok(())
    };
    for s in &a.paragraphs {
        span_ok("paragraph", *s)?;
    }
    for s in &a.sentences {
        span_ok("sentence", *s)?;
    }
    for s in &a.boilerplate {
        span_ok("boilerplate", *s)?;
    }
    for sp in &a.speakers {
        for m in &sp.mentions {
            span_ok("speaker mention", m.span)?;
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        span_ok("quote", q.span)?;
        if let Some(f) = q.fragment {
            span_ok("fragment", f)?;
        }
        if let Some(c) = &q.cue {
            span_ok("cue", c.span)?;
        }
        if let Some(m) = &q.mention {
            span_ok("mention", m.span)?;
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!(
                "quote {i}: confidence {} not in [0, 1]",
                q.confidence
            ));
        }
        if let Some(s) = q.speaker {
            if s >= a.speakers.len() {
                return Err(format!(
                    "quote {i}: speaker {s} but only {} speakers",
                    a.speakers.len()
                ));
            }
        }
    }
    for (i, w) in a.quotes.windows(2).enumerate() {
        if w[0].span.start > w[1].span.start {
            return Err(format!("quotes {i} and {} not sorted by start", i + 1));
        }
    }
    for (i, x) in a.quotes.iter().enumerate() {
        for y in &a.quotes[i + 1..] {
            let (x, y) = (x.span, y.span);
            let disjoint = x.end <= y.start || y.end <= x.start;
            if !disjoint && !x.contains(y) && !y.contains(x) {
                return Err(format!("quotes {x:?} and {y:?} partially overlap"));
            }
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for r in quote_records(&doc, &a) {
        if r.char_start > r.char_end || r.char_end > chars.len() {
            return Err(format!(
                "record {}..{} out of bounds ({} chars)",
                r.char_start,
                r.char_end,
                chars.len()
            ));
        }
        let slice: String = chars[r.char_start..r.char_end].iter().collect();
        if slice != r.quote {
            return Err(format!(
                "record {}..{}: quote {:?} != text slice {:?}",
                r.char_start, r.char_end, r.quote, slice
            ));
        }
        for (what, s, e) in [
            ("mention", r.mention_start, r.mention_end),
            ("cue", r.cue_start, r.cue_end),
            ("fragment", r.fragment_start, r.fragment_end),
        ] {
            if let (Some(s), Some(e)) = (s, e) {
                if s > e || e > chars.len() {
                    return Err(format!("record {what} {s}..{e} out of bounds"));
                }
            }
        }
    }
    Ok(())
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        if let Err(e) = check(&text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn arbitrary_chars_with_quotes(text in "(?s)[“”\"'‘’«»„ a-zA-Z.,\n\r\0\u{301}]{0,300}") {
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
