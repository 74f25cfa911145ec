//! Paragraph and sentence segmentation of news text.
//!
//! Paragraphs are non-blank lines (scraped articles put one paragraph per
//! line; blank lines are also accepted). Sentences end at `.`, `!`, `?` or `…`
//! (plus any closing quote marks or brackets) followed by whitespace and a
//! plausible sentence start — but not after titles (`Mr.`, `Gen.`), month
//! abbreviations (`Jan. 5`), initials (`J. R. Smith`), dotted acronyms
//! followed by a name (`U.S. Senate`), or inside numbers (`3.5`).
//! Offsets always point into the original text; nothing is rewritten.

use crate::scan;
use crate::span::Span;

/// Split `text` into paragraphs: maximal runs of non-blank lines separated
/// by line breaks (`\n`, `\r\n`, `\r`). Each span is trimmed of whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    // News paragraphs run to a few hundred bytes: size the vector once.
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let bytes = text.as_bytes();
    // Line ends, found eight bytes at a time in one pass (no separate
    // search for a rare `\r` first).
    static LINE_END: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\n' as usize] = true;
        t[b'\r' as usize] = true;
        t
    };
    let maybe = |x: u64| scan::has_byte(x, b'\n') | scan::has_byte(x, b'\r');
    let mut start = 0;
    while start <= bytes.len() {
        let end = scan::position_from(bytes, start, &LINE_END, maybe).unwrap_or(bytes.len());
        let span = Span::new(start, end).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        start = end + 1;
    }
    out
}

/// Words after which a period never ends a sentence.
fn is_title(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "coun"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "cmdr"
            | "adm"
            | "maj"
            | "pres"
            | "rev"
            | "hon"
            | "st"
            | "mt"
            | "ft"
            | "vs"
            | "v"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "est"
            | "approx"
            | "dept"
            | "univ"
            | "assn"
            | "fig"
            | "cf"
            | "e.g"
            | "i.e"
            | "atty"
            | "supt"
            | "det"
            | "insp"
            | "msgr"
            | "gens"
            | "reps"
            | "sens"
            | "govs"
            | "messrs"
            | "mmes"
            | "pp"
            | "p"
            | "ave"
            | "blvd"
            | "rd"
    )
}

/// Words after which a period ends a sentence only when a clear sentence
/// starter follows (`... said Smith Jr. The ...`).
fn is_soft_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "jr" | "sr"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "llc"
            | "bros"
            | "etc"
            | "al"
            | "a.m"
            | "p.m"
            | "u.s"
            | "u.k"
            | "u.n"
            | "e.u"
            | "d.c"
            | "n.y"
            | "l.a"
            | "calif"
            | "conn"
            | "fla"
            | "ill"
            | "mass"
            | "mich"
            | "minn"
            | "penn"
            | "tenn"
            | "tex"
            | "va"
            | "wash"
            | "wis"
            | "ariz"
            | "colo"
            | "ga"
            | "ky"
            | "la"
            | "md"
            | "mo"
            | "nev"
            | "okla"
            | "ore"
            | "pa"
            | "s.c"
            | "n.c"
            | "n.j"
            | "n.h"
            | "n.m"
            | "n.d"
            | "s.d"
            | "w.va"
    )
}

/// Capitalised words that clearly start a new sentence after a soft abbreviation.
fn is_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "In"
            | "On"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "As"
            | "At"
            | "For"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Some"
            | "Many"
            | "Most"
            | "No"
            | "Yet"
            | "So"
            | "Still"
            | "However"
            | "Meanwhile"
            | "Now"
            | "Then"
            | "Officials"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Asked"
            | "According"
            | "Earlier"
            | "Later"
            | "Last"
            | "Next"
            | "Both"
            | "Such"
            | "One"
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '“' | '‘'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '—' | '–' | '-' | '¿' | '¡'
    )
}

/// The word (letters, digits and inner dots) ending just before byte `end`.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .take(32)
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(end, |(i, _)| i);
    head[start..].trim_start_matches('.')
}

fn next_word(text: &str) -> &str {
    let s = text.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// Decide whether a period at byte `dot` (followed by whitespace and `rest`)
/// ends a sentence.
fn period_ends_sentence(text: &str, dot: usize, rest: &str) -> bool {
    let next_first = rest
        .trim_start_matches(|c: char| c.is_whitespace())
        .chars()
        .next();
    // A lowercase continuation never starts a sentence in news copy.
    if let Some(c) = next_first {
        if c.is_lowercase() {
            return false;
        }
    }
    let word = word_before(text, dot);
    // Abbreviations are short: only short words need a case-folded copy.
    let mut buf = [0u8; 6];
    let lower = if word.len() <= buf.len() {
        // Only ASCII bytes change: the folded bytes stay valid UTF-8.
        let folded = &mut buf[..word.len()];
        folded.copy_from_slice(word.as_bytes());
        folded.make_ascii_lowercase();
        std::str::from_utf8(folded).unwrap_or_default()
    } else {
        ""
    };
    if word.is_empty() {
        return true;
    }
    if is_title(lower) {
        return false;
    }
    // `No. 5`, `Nos. 3 and 4`, but `“No.” She left.`
    if matches!(lower, "no" | "nos") {
        return !next_first.is_some_and(|c| c.is_ascii_digit());
    }
    // Initials: a single capital letter (J. R. Smith), or dotted acronym.
    let single_cap = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.');
    // A decimal number (`90.7`, `1.5.2`) is no abbreviation: its period
    // ends the sentence before a capital as after any other word.
    if dotted && word.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return next_first.is_some_and(char::is_uppercase) || is_starter(next_word(rest));
    }
    if single_cap || dotted || is_soft_abbreviation(lower) {
        return is_starter(next_word(rest));
    }
    true
}

/// Length in bytes of a wire-copy dateline opening a paragraph
/// (`ROTTERDAM (Reuters) - `, `SANTOS, Brazil (AP) — `), or 0.
pub fn dateline_len(p: &str) -> usize {
    // A dateline opens with a word of at least three capitals.
    let b = p.as_bytes();
    if b.len() < 6
        || !(b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase())
    {
        return 0;
    }
    let mut cut = p.len().min(80);
    while !p.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &p[..cut];
    let Some((dash_at, dash)) = [" - ", " — ", " – ", " -- ", " — ", " – "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, *d)))
        .min_by_key(|&(i, _)| i)
    else {
        return 0;
    };
    let prefix = &head[..dash_at];
    let first = prefix
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let caps_word = first.chars().count() >= 3 && first.chars().all(char::is_uppercase);
    let mut depth = 0i32;
    let all_capitalised = prefix.split_whitespace().all(|w| {
        let in_parens = depth > 0 || w.starts_with('(');
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        in_parens
            || w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    if caps_word && all_capitalised {
        dash_at + dash.len()
    } else {
        0
    }
}

/// Bytes that can end a sentence terminator: `.`, `!`, `?` and 0xA6 (the
/// last byte of `…`).
static ENDS_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xA6] = true;
    t
};

/// Split one paragraph span into sentence spans.
fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let Some(p) = para.slice(text) else {
        return;
    };
    let mut start = dateline_len(p);
    let bytes = p.as_bytes();
    let mut i = 0usize;
    // Only `.`, `!`, `?` and `…` (E2 80 A6) end sentences: scan bytes for
    // them, eight at a time while none is `.`, `!`, `?` or 0xA6. (An
    // ellipsis is found by its last byte: the curly quotes and dashes that
    // share its first two bytes do not stop the scan.)
    let maybe = |x: u64| {
        scan::has_byte(x, b'.')
            | scan::has_byte(x, b'!')
            | scan::has_byte(x, b'?')
            | scan::has_byte(x, 0xA6)
    };
    while let Some(k) = scan::position_from(bytes, i, &ENDS_LEAD, maybe) {
        let b = bytes[k];
        let is_ellipsis = b == 0xA6 && k >= 2 && bytes[k - 2] == 0xE2 && bytes[k - 1] == 0x80;
        if b == 0xA6 && !is_ellipsis {
            i = k + 1;
            continue;
        }
        // The ellipsis starts two bytes back.
        i = if is_ellipsis { k - 2 } else { k };
        let c = if is_ellipsis { '…' } else { b as char };
        // Absorb further terminators and closing marks: `?!`, `.”`, `.)`.
        let mut end = i + c.len_utf8();
        while let Some(d) = p[end..].chars().next() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let dot = i;
        i = end;
        let rest = &p[end..];
        if !rest.starts_with(char::is_whitespace) {
            continue; // 3.5, U.S.-led, e-mail.com
        }
        let ends = if c == '.' {
            period_ends_sentence(p, dot, rest)
        } else {
            rest.trim_start()
                .chars()
                .next()
                .is_some_and(|n| !n.is_lowercase())
        };
        if ends {
            let s = Span::new(para.start + start, para.start + end).trim(text);
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let s = Span::new(para.start + start, para.end).trim(text);
    if !s.is_empty() {
        out.push(s);
    }
}

/// Split `text` into sentences, never across paragraphs (the engine splits
/// paragraph by paragraph; this is the whole-text form the tests use).
#[cfg(test)]
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs(text) {
        split_paragraph(text, p, &mut out);
    }
    out
}

/// Split the given paragraphs into sentences.
pub fn sentences_in(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len() * 2);
    for &p in paragraphs {
        split_paragraph(text, p, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| s.slice(text).unwrap_or("<bad>"))
            .collect()
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(
            split("J. R. Smith spoke. He left the U.S. The end."),
            ["J. R. Smith spoke.", "He left the U.S.", "The end."]
        );
    }

    #[test]
    fn a_decimal_number_ends_a_sentence() {
        assert_eq!(
            split("Turnout rose to 90.7. Officials in Lyon counted 3.25. Growth was 3.5 percent."),
            [
                "Turnout rose to 90.7.",
                "Officials in Lyon counted 3.25.",
                "Growth was 3.5 percent."
            ]
        );
        // Before a lowercase word or a digit it does not.
        assert_eq!(
            split("The index was 90.7. it said. It rose 1.5. 2 more fell."),
            ["The index was 90.7. it said.", "It rose 1.5. 2 more fell."]
        );
        // Dotted acronyms still need a sentence starter.
        assert_eq!(
            split("He met U.S. Marshals there."),
            ["He met U.S. Marshals there."]
        );
    }

    #[test]
    fn quote_inside_period() {
        assert_eq!(
            split("He said, “No.” She agreed. “Yes,” he said."),
            ["He said, “No.”", "She agreed.", "“Yes,” he said."]
        );
    }

    #[test]
    fn ellipses_among_other_non_ascii() {
        // `…` is found by its last byte: curly quotes, dashes, `æ` (C3 A6)
        // and ellipses next to them or at chunk boundaries.
        let cases = [
            "It was… Then “what’s this…” she asked. Ok.",
            "…And so — it went… Then æ… Done",
            "Ab… Cd",
            "Wait?… No. Yes…” He left.",
            "1234567… Next one… “Quoted…” Last",
        ];
        for c in cases {
            let out = split(c);
            assert_eq!(out.concat().replace(' ', ""), c.replace(' ', ""), "{c:?}");
        }
        assert_eq!(
            split("It was… Then “what’s this…” she asked. Ok."),
            ["It was…", "Then “what’s this…” she asked.", "Ok."]
        );
        assert_eq!(
            split("…And so — it went… Then æ… Done"),
            ["…And so — it went…", "Then æ…", "Done"]
        );
        assert_eq!(
            split("1234567… Next one… “Quoted…” Last"),
            ["1234567…", "Next one…", "“Quoted…”", "Last"]
        );
    }

    #[test]
    fn question_and_exclamation() {
        assert_eq!(
            split("Why? Because! ok… Fine"),
            ["Why?", "Because! ok…", "Fine"]
        );
    }

    #[test]
    fn lone_cr_breaks_paragraphs() {
        assert_eq!(split("One\rTwo\r\nThree"), ["One", "Two", "Three"]);
    }
}

/// The examples that documented this module's items when it was public.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod examples {
    #[test]
    fn paragraphs() {
        use crate::segment::paragraphs;
        let text = "First line.\r\nSecond.\n\n  Third. ";
        let p: Vec<&str> = paragraphs(text)
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect();
        assert_eq!(p, ["First line.", "Second.", "Third."]);
    }

    #[test]
    fn dateline_len() {
        use crate::segment::dateline_len;
        assert_eq!(dateline_len("SANTOS, Brazil (AP) — Voters went."), 24);
        assert_eq!(dateline_len("He said - twice - no."), 0);
    }

    #[test]
    fn sentences() {
        use crate::segment::sentences;
        let text = "Mr. Smith met Gen. Lee on Jan. 5 in the U.S. Senate. Growth was 3.5 percent. “We won.” Then it rained.";
        let s: Vec<&str> = sentences(text)
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect();
        assert_eq!(
            s,
            [
                "Mr. Smith met Gen. Lee on Jan. 5 in the U.S. Senate.",
                "Growth was 3.5 percent.",
                "“We won.”",
                "Then it rained.",
            ]
        );
    }
}
