//! Word tokens with byte spans, the unit the cue and speaker rules work on.
//!
//! A word is a run of letters and digits with inner apostrophes, hyphens and
//! periods (`Russia’s`, `co-founder`, `3.5`, `U.S.`); titles and initials keep
//! their final period (`Mr.`, `J.`). Every other non-space character is a
//! token of its own.

use crate::marks::is_quote_mark;
use crate::span::Span;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Where it is (bytes into the document).
    pub span: Span,
    /// True for words (letters/digits), false for punctuation and marks.
    pub is_word: bool,
    /// Lower-cased text with curly apostrophes straightened (borrowed when
    /// the text is already in that form).
    lower: std::cell::OnceCell<Lower<'a>>,
    /// True for a word of ASCII letters and digits only.
    plain: bool,
    /// Nonzero for a word that may start a reporting cue, when tokenized
    /// by [`crate::cue::tokenize_cues_into`] (always 0 otherwise): its
    /// [`crate::cue::Lexicon::word_cue_start`].
    cue: u16,
    /// True when made by [`crate::cue::tokenize_cues_into`], which sets `cue`.
    cue_known: bool,
}

/// A token's case-folded text: borrowed when already folded, owned
/// otherwise (allocated once: a `&str` view of an inline buffer would be
/// validated as UTF-8 on every call, which costs more).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lower<'a> {
    Borrowed(&'a str),
    Owned(Box<str>),
}

impl Lower<'_> {
    fn as_str(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Owned(s) => s,
        }
    }
}

impl Token<'_> {
    /// True when the word begins with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(&b) if b < 0x80 => self.is_word && b.is_ascii_uppercase(),
            _ => self.is_word && self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// True for a quote mark token.
    pub fn is_quote_mark(&self) -> bool {
        !self.is_word && self.text.chars().next().is_some_and(is_quote_mark)
    }

    /// True for a word made of ASCII letters and digits only (no joiners,
    /// no final period): then it is a maximal run of such bytes in the text.
    pub(crate) fn is_plain(&self) -> bool {
        self.plain
    }

    /// True when [`crate::cue::tokenize_cues_into`] found that this word may start a
    /// cue ([`crate::cue::Lexicon::token_may_start`]); false for every token of the
    /// other tokenizers.
    pub(crate) fn may_start_cue(&self) -> bool {
        self.cue != 0
    }

    /// The [`crate::cue::Lexicon::word_cue_start`] found by [`crate::cue::tokenize_cues_into`]
    /// (0 from the other tokenizers), for [`crate::cue::Lexicon::match_start`].
    pub(crate) fn cue_start(&self) -> u16 {
        self.cue
    }

    /// [`Token::cue_start`] when the tokenizer asked the lexicon (`None`
    /// from the other tokenizers).
    pub(crate) fn known_cue_start(&self) -> Option<u16> {
        self.cue_known.then_some(self.cue)
    }

    /// Lower-cased text with curly apostrophes straightened.
    pub fn lower(&self) -> &str {
        // Folded on first use: most tokens are never asked.
        self.lower
            .get_or_init(|| fold(self.text, self.plain))
            .as_str()
    }
}

/// The words [`keeps_period`] matches (and `messrs`, longer than five
/// bytes, which it never sees), as they were listed.
#[cfg(test)]
const KEEP_PERIOD: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "adm",
    "maj", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "lt", "gov", "atty", "pres", "sens", "reps", "messrs", "coun",
];

/// Tokenize the text of `span`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, span, &mut out);
    out
}

/// [`tokenize`] into a reused buffer (cleared first), so that callers
/// tokenizing many sentences allocate once.
pub fn tokenize_into<'a>(text: &'a str, span: Span, out: &mut Vec<Token<'a>>) {
    tokenize_folded_into(text, None, span, out);
}

/// [`tokenize_into`] with `folded`, the text lower-cased the ASCII way
/// (`str::to_ascii_lowercase`, so every byte offset is the same): an
/// ASCII word's [`Token::lower`] is then its slice of `folded`, set when
/// the token is made (not folded, or copied, when first asked).
pub(crate) fn tokenize_folded_into<'a>(
    text: &'a str,
    folded: Option<&'a str>,
    span: Span,
    out: &mut Vec<Token<'a>>,
) {
    tokenize_with(text, folded, span, out, false, &mut Vec::new(), |_, _| 0);
}

/// The tokenizer; `cue` is asked about every word (its text and whether it
/// is plain), its answer kept in the token and the index of each token
/// with a nonzero answer pushed to `starts`.
#[inline(always)]
pub(crate) fn tokenize_with<'a>(
    text: &'a str,
    folded: Option<&'a str>,
    span: Span,
    out: &mut Vec<Token<'a>>,
    cue_known: bool,
    starts: &mut Vec<u32>,
    mut cue: impl FnMut(&str, bool) -> u16,
) {
    out.clear();
    let Some(s) = span.slice(text) else { return };
    let bytes = s.as_bytes();
    let char_at = |i: usize| -> (char, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    out.reserve(s.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, l) = if ASCII_ALNUM[b as usize] {
            (b as char, 1)
        } else if b < 0x80 {
            // ASCII whitespace as `char::is_whitespace` sees it (with \x0b).
            if matches!(b, b' ' | b'\t'..=b'\r') {
                i += 1;
                continue;
            }
            // ASCII punctuation: a token of its own.
            out.push(punct(s, span.start, i, 1, cue_known));
            i += 1;
            continue;
        } else {
            let (c, l) = char_at(i);
            // Curly quotes, dashes, ellipses: punctuation, without a
            // Unicode table lookup.
            if is_general_punctuation(c) {
                out.push(punct(s, span.start, i, l, cue_known));
                i += l;
                continue;
            }
            if c.is_whitespace() {
                i += l;
                continue;
            }
            if !c.is_alphanumeric() {
                out.push(punct(s, span.start, i, l, cue_known));
                i += l;
                continue;
            }
            (c, l)
        };
        let b = i;
        let mut j = i + l;
        // Still only ASCII letters and digits.
        let mut plain = l == 1;
        // Only ASCII characters (joiners included).
        let mut ascii = plain;
        while j < bytes.len() {
            // ASCII letters and digits: the common case, eight bytes at a time.
            j = skip_ascii_alnum(bytes, j);
            let Some(&n) = bytes.get(j) else { break };
            // Other ASCII bytes end the word unless they can join it.
            if n < 0x80 && !matches!(n, b'\'' | b'-' | b'.' | b'&') {
                break;
            }
            let (d, dl) = char_at(j);
            if !is_general_punctuation(d) && (d.is_alphanumeric() || is_mark_char(d)) {
                plain = false;
                ascii &= dl == 1;
                j += dl;
                continue;
            }
            // Inner joiners: apostrophe, hyphen, period, ampersand followed by alnum.
            if matches!(d, '\'' | '’' | '-' | '.' | '&') && j + dl < bytes.len() {
                let (e, el) = char_at(j + dl);
                // `said.Trump` (a missing space) splits; `U.S`, `3.5`,
                // `e.g`, `example.com` join.
                let split_period = d == '.' && e.is_uppercase() && {
                    let word = &s[b..j];
                    let segment = word
                        .rsplit(['.', '-', '\'', '’', '&'])
                        .next()
                        .unwrap_or(word);
                    segment.chars().count() > 2 && segment.chars().any(char::is_lowercase)
                };
                if e.is_alphanumeric() && !split_period {
                    plain = false;
                    ascii &= dl == 1 && el == 1;
                    j += dl + el;
                    continue;
                }
            }
            break;
        }
        let mut end_b = j;
        // Keep the final period of titles, initials and dotted acronyms.
        if j < bytes.len() && bytes[j] == b'.' {
            let word = &s[b..j];
            let initial = word.len() == 1 && c.is_ascii_uppercase();
            if initial || word.contains('.') || keeps_period(word) {
                end_b += 1;
                plain = false;
            }
        }
        let at = Span::new(span.start + b, span.start + end_b);
        // ASCII words take their lower case from `folded` (the same bytes
        // when they have no capital letter); the others are folded when
        // first asked.
        let lower = match folded
            .filter(|_| ascii)
            .and_then(|f| f.get(at.start..at.end))
        {
            Some(l) => std::cell::OnceCell::from(Lower::Borrowed(l)),
            None => std::cell::OnceCell::new(),
        };
        let word = &s[b..end_b];
        let cue = cue(word, plain);
        if cue != 0 {
            // (At most `u32::MAX` tokens: a unit is far shorter.)
            starts.push(out.len() as u32);
        }
        out.push(Token {
            text: word,
            span: at,
            is_word: true,
            lower,
            plain,
            cue,
            cue_known,
        });
        i = end_b;
    }
}

/// The punctuation token `s[i..i + l]` (`base` is the offset of `s`;
/// `cue_known` as in [`Token::known_cue_start`]).
fn punct(s: &str, base: usize, i: usize, l: usize, cue_known: bool) -> Token<'_> {
    let t = &s[i..i + l];
    Token {
        text: t,
        span: Span::new(base + i, base + i + l),
        is_word: false,
        lower: std::cell::OnceCell::from(Lower::Borrowed(t)),
        plain: false,
        cue: 0,
        cue_known,
    }
}

/// `u8::is_ascii_alphanumeric` as a table: one load per byte in the scans.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits starting at `from`.
fn skip_ascii_alnum(bytes: &[u8], mut from: usize) -> usize {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let n = ascii_alnum_prefix(u64::from_le_bytes(word));
        from += n;
        if n < 8 {
            return from;
        }
    }
    while bytes.get(from).is_some_and(|&b| ASCII_ALNUM[b as usize]) {
        from += 1;
    }
    from
}

/// How many of the eight bytes of `chunk` (little endian: the first byte is
/// the lowest) are ASCII letters or digits before the first that is not,
/// computed without a branch per byte (SWAR range tests on 7-bit values,
/// which cannot carry from one byte into the next).
fn ascii_alnum_prefix(chunk: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = chunk & !HIGH;
    // Bit 7 of each byte: lo <= x <= hi.
    let within = |x: u64, lo: u8, hi: u8| {
        x.wrapping_add(ONES * u64::from(0x80 - lo)) & !x.wrapping_add(ONES * u64::from(0x7f - hi))
    };
    let digit = within(x, b'0', b'9');
    let letter = within(x | (ONES * 0x20), b'a', b'z');
    let alnum = (digit | letter) & !chunk & HIGH;
    ((!alnum & HIGH).trailing_zeros() / 8) as usize
}

fn keeps_period(word: &str) -> bool {
    if word.len() > 5 {
        return false;
    }
    // Folded on the stack and matched at once (a scan of the list, one
    // comparison per entry, ran for every sentence's last word).
    let mut buf = [0u8; 5];
    let folded = &mut buf[..word.len()];
    folded.copy_from_slice(word.as_bytes());
    folded.make_ascii_lowercase();
    matches!(
        &*folded,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"gen"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"coun"
            | b"lt"
            | b"col"
            | b"sgt"
            | b"capt"
            | b"adm"
            | b"maj"
            | b"rev"
            | b"st"
            | b"jr"
            | b"sr"
            | b"inc"
            | b"corp"
            | b"co"
            | b"ltd"
            | b"vs"
            | b"jan"
            | b"feb"
            | b"aug"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"atty"
            | b"pres"
            | b"sens"
            | b"reps"
    )
}

/// Fold `text` (`plain`: known to be ASCII letters and digits only).
fn fold(text: &str, plain: bool) -> Lower<'_> {
    if plain || text.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            Lower::Borrowed(text)
        } else {
            Lower::Owned(text.to_ascii_lowercase().into_boxed_str())
        }
    } else if text.chars().any(|c| c.is_uppercase() || c == '’') {
        Lower::Owned(text.to_lowercase().replace('’', "'").into_boxed_str())
    } else {
        Lower::Borrowed(text)
    }
}

/// Characters of the General Punctuation block that are neither letters,
/// digits nor whitespace (dashes, curly quotes, ellipsis, primes, …):
/// `!c.is_whitespace() && !c.is_alphanumeric()` answered by a range test.
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

fn is_mark_char(c: char) -> bool {
    // Combining marks continue a word.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_period_matches_the_list() {
        let list = |w: &str| w.len() <= 5 && KEEP_PERIOD.iter().any(|k| k.eq_ignore_ascii_case(w));
        let mut words: Vec<String> = KEEP_PERIOD.iter().map(|w| w.to_string()).collect();
        words.extend(KEEP_PERIOD.iter().map(|w| w.to_uppercase()));
        words.extend(KEEP_PERIOD.iter().map(|w| format!("{w}x")));
        words.extend(KEEP_PERIOD.iter().map(|w| w[1..].to_string()));
        words.extend(
            ["Mr", "MRS", "Said", "a", "", "U", "Messrs", "corps", "Sept"].map(String::from),
        );
        for w in &words {
            assert_eq!(keeps_period(w), list(w), "{w:?}");
        }
    }

    #[test]
    fn general_punctuation_is_neither_word_nor_space() {
        for c in '\u{2000}'..='\u{206F}' {
            if is_general_punctuation(c) {
                assert!(
                    !c.is_whitespace() && !c.is_alphanumeric() && !is_mark_char(c),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn alnum_prefix_matches_the_byte_test() {
        // Every byte value in every position, against `is_ascii_alphanumeric`.
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[pos] = b;
                let expect = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(8);
                assert_eq!(
                    ascii_alnum_prefix(u64::from_le_bytes(bytes)),
                    expect,
                    "{b:#x} at {pos}"
                );
                let run = [b"Xy9".as_slice(), &bytes, b" tail"].concat();
                let expect_run = run
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(run.len());
                assert_eq!(skip_ascii_alnum(&run, 0), expect_run);
            }
        }
    }
}

/// The examples that documented this module's items when it was public.
#[cfg(test)]
mod examples {
    #[test]
    fn tokenize() {
        use crate::{token::tokenize, Span};
        let text = "Mr. O’Neil, 3.5 U.S. co-founder, said: “no.”";
        let toks: Vec<&str> = tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            toks,
            [
                "Mr.",
                "O’Neil",
                ",",
                "3.5",
                "U.S.",
                "co-founder",
                ",",
                "said",
                ":",
                "“",
                "no",
                ".",
                "”"
            ]
        );
    }
}
