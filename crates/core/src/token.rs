//! Word tokens with byte spans, the unit the cue and speaker rules work on.
//!
//! A word is a run of letters and digits with inner apostrophes, hyphens and
//! periods (`Russia’s`, `co-founder`, `3.5`, `U.S.`); titles and initials keep
//! their final period (`Mr.`, `J.`). Every other non-space character is a
//! token of its own.

use crate::marks::is_quote_mark;
use crate::span::Span;

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Where it is (bytes into the document).
    pub span: Span,
    /// True for words (letters/digits), false for punctuation and marks.
    pub is_word: bool,
}

impl Token<'_> {
    /// True when the word begins with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.is_word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for a quote mark token.
    pub fn is_quote_mark(&self) -> bool {
        !self.is_word && self.text.chars().next().is_some_and(is_quote_mark)
    }

    /// Lower-cased text with curly apostrophes straightened.
    pub fn lower(&self) -> String {
        self.text.to_lowercase().replace('’', "'")
    }
}

const KEEP_PERIOD: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "adm",
    "maj", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "lt", "gov", "atty", "pres", "sens", "reps", "messrs",
];

/// Tokenize the text of `span`.
///
/// ```
/// use quotecheck_core::{token::tokenize, Span};
/// let text = "Mr. O’Neil, 3.5 U.S. co-founder, said: “no.”";
/// let toks: Vec<&str> = tokenize(text, Span::new(0, text.len())).iter().map(|t| t.text).collect();
/// assert_eq!(toks, ["Mr.", "O’Neil", ",", "3.5", "U.S.", "co-founder", ",", "said", ":", "“", "no", ".", "”"]);
/// ```
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(s) = span.slice(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                if d.is_alphanumeric() || is_mark_char(d) {
                    j += 1;
                    continue;
                }
                // Inner joiners: apostrophe, hyphen, period followed by alnum.
                let joiner = matches!(d, '\'' | '’' | '-' | '.' | '&');
                if joiner && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric() {
                    j += 2;
                    continue;
                }
                break;
            }
            let mut end_b = if j < chars.len() { chars[j].0 } else { s.len() };
            // Keep the final period of titles, initials and dotted acronyms.
            if j < chars.len() && chars[j].1 == '.' {
                let word = &s[b..end_b];
                let lower = word.to_lowercase();
                let initial = word.chars().count() == 1 && c.is_uppercase();
                if initial || word.contains('.') || KEEP_PERIOD.contains(&lower.as_str()) {
                    end_b += 1;
                    j += 1;
                }
            }
            out.push(Token {
                text: &s[b..end_b],
                span: Span::new(span.start + b, span.start + end_b),
                is_word: true,
            });
            i = j;
        } else {
            let end_b = b + c.len_utf8();
            out.push(Token {
                text: &s[b..end_b],
                span: Span::new(span.start + b, span.start + end_b),
                is_word: false,
            });
            i += 1;
        }
    }
    out
}

fn is_mark_char(c: char) -> bool {
    // Combining marks continue a word.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}
