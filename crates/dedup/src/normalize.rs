//! Normalisation: turn a claim's text into a canonical word sequence, and
//! classify each word for the similarity rule.
//!
//! The normalised form of a text is its words, lower-cased and joined by
//! single spaces, where
//!
//! - quote marks, brackets, dashes and punctuation separate words and are
//!   dropped (`side-lines` → `side lines`, `“No,”` → `no`);
//! - typographic apostrophes fold to `'` and stay inside words (`Russia’s` →
//!   `russia's`); `n't` is spelled out (`didn't` → `did not`, `won't` →
//!   `will not`, `cannot` → `can not`), so negation is always the word `not`;
//! - numbers are kept: thousands separators are dropped and decimal points
//!   kept (`1,000` → `1000`, `3.5` → `3.5`), and the number words `zero` to
//!   `twenty`, the tens and `hundred`/`thousand`/`million`/`billion` become
//!   digits (`three` → `3`), so `3 killed` and `30 killed` stay different
//!   while `three killed` and `3 killed` are the same;
//! - dotted initialisms lose their dots (`U.S.` → `us`);
//! - the text is compared in Unicode normal form C, so a decomposed `Zoë`
//!   is the composed one.
//!
//! ```
//! use quotecheck_dedup::normalize::normalize;
//! assert_eq!(
//!     normalize("“We won’t pay $1,000 — not now,” the U.S. envoy said."),
//!     "we will not pay 1000 not now the us envoy said"
//! );
//! assert_eq!(normalize("Three killed."), normalize("3 KILLED"));
//! ```
//!
//! For the similarity rule ([`crate::verify`]) every normalised word is one of
//! [`WordClass::Stop`] (function words and reporting verbs, ignored),
//! [`WordClass::Negation`] (counted), [`WordClass::Number`] (kept as a
//! multiset) or [`WordClass::Content`]; content words are reduced to a light
//! stem ([`stem`]) so that tense and plural changes (`accused`/`accuses`,
//! `group`/`groups`) do not count as differences.

use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

/// Function words, auxiliaries and reporting verbs that carry no claim
/// content. They are part of the normalised form but not of the content set.
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "s",
    "same",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "tells",
    "according",
    "reportedly",
    "reported",
    "stated",
    "states",
    "added",
    "claimed",
    "noted",
    "mr",
    "mrs",
    "ms",
    "dr",
    "however",
    "meanwhile",
    "already",
    "still",
    "today",
    "yesterday",
];

/// Words that negate a claim. Their count must agree for two claims to be
/// duplicates (`The talks failed` ≠ `The talks never failed`).
pub const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without",
];

/// Number words mapped to digits (see the module documentation); sorted.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("billion", "1000000000"),
    ("dozen", "12"),
    ("eight", "8"),
    ("eighteen", "18"),
    ("eighty", "80"),
    ("eleven", "11"),
    ("fifteen", "15"),
    ("fifty", "50"),
    ("five", "5"),
    ("forty", "40"),
    ("four", "4"),
    ("fourteen", "14"),
    ("hundred", "100"),
    ("million", "1000000"),
    ("nine", "9"),
    ("nineteen", "19"),
    ("ninety", "90"),
    ("one", "1"),
    ("seven", "7"),
    ("seventeen", "17"),
    ("seventy", "70"),
    ("six", "6"),
    ("sixteen", "16"),
    ("sixty", "60"),
    ("ten", "10"),
    ("thirteen", "13"),
    ("thirty", "30"),
    ("thousand", "1000"),
    ("three", "3"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("two", "2"),
    ("zero", "0"),
];

/// Irregular forms mapped to one stem, so tense changes do not count; sorted.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("children", "child"),
    ("drew", "draw"),
    ("fallen", "fall"),
    ("feet", "foot"),
    ("fell", "fall"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("fought", "fight"),
    ("found", "find"),
    ("gave", "give"),
    ("given", "give"),
    ("goes", "go"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("hit", "hit"),
    ("kept", "keep"),
    ("killed", "kill"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("men", "man"),
    ("met", "meet"),
    ("paid", "pay"),
    ("people", "person"),
    ("risen", "rise"),
    ("rose", "rise"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("took", "take"),
    ("went", "go"),
    ("women", "woman"),
    ("won", "win"),
    ("written", "write"),
    ("wrote", "write"),
];

/// How a normalised word takes part in the similarity rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// A function word or reporting verb (see [`STOPWORDS`]); ignored.
    Stop,
    /// A negation (see [`NEGATIONS`]); counted.
    Negation,
    /// A number (contains a digit); kept as a multiset.
    Number,
    /// Any other word; its stem is part of the content set.
    Content,
}

/// The 64-bit hash of a word (xxh3), used for all word identities.
///
/// ```
/// use quotecheck_dedup::normalize::word_hash;
/// assert_eq!(word_hash("claim"), word_hash("claim"));
/// assert_ne!(word_hash("claim"), word_hash("claims"));
/// ```
pub fn word_hash(word: &str) -> u64 {
    xxh3_64(word.as_bytes())
}

/// A small open-addressing map from nonzero 64-bit keys to `u16` values:
/// one or two probes per look-up, no string comparisons.
struct WordTable {
    keys: Vec<u64>,
    values: Vec<u16>,
    shift: u32,
}

impl WordTable {
    fn new(entries: impl IntoIterator<Item = (u64, u16)>) -> WordTable {
        let bits = 11;
        let mut t = WordTable {
            keys: vec![0; 1 << bits],
            values: vec![0; 1 << bits],
            shift: 64 - bits,
        };
        for (k, v) in entries {
            let k = k.max(1);
            let mut i = t.slot(k);
            while t.keys[i] != 0 && t.keys[i] != k {
                i = (i + 1) & (t.keys.len() - 1);
            }
            if t.keys[i] == 0 {
                t.keys[i] = k;
                t.values[i] = v;
            }
        }
        t
    }

    fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, k: u64) -> Option<u16> {
        let k = k.max(1);
        let mut i = self.slot(k);
        loop {
            let x = self.keys[i];
            if x == k {
                return Some(self.values[i]);
            }
            if x == 0 {
                return None;
            }
            i = (i + 1) & (self.keys.len() - 1);
        }
    }
}

const CLASS_STOP: u16 = 1;
const CLASS_NEGATION: u16 = 2;
const IRREGULAR_BASE: u16 = 16;

struct Tables {
    /// Word hash → stopword, negation, or irregular form (`IRREGULAR_BASE + i`).
    words: WordTable,
    /// Packed number word → index into `NUMBER_WORDS`.
    numbers: WordTable,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // Negations first: a word in both lists counts as a negation.
        let words = NEGATIONS
            .iter()
            .map(|w| (word_hash(w), CLASS_NEGATION))
            .chain(STOPWORDS.iter().map(|w| (word_hash(w), CLASS_STOP)))
            .chain(
                IRREGULAR
                    .iter()
                    .enumerate()
                    .map(|(i, (w, _))| (word_hash(w), IRREGULAR_BASE + i as u16)),
            );
        let numbers = NUMBER_WORDS
            .iter()
            .enumerate()
            .filter_map(|(i, (w, _))| pack8(w).map(|p| (p, i as u16)));
        Tables {
            words: WordTable::new(words),
            numbers: WordTable::new(numbers),
        }
    })
}

/// Classify a normalised word whose [`word_hash`] is `hash`.
///
/// ```
/// use quotecheck_dedup::normalize::{classify, word_hash, WordClass};
/// let c = |w: &str| classify(w, word_hash(w));
/// assert_eq!(c("the"), WordClass::Stop);
/// assert_eq!(c("never"), WordClass::Negation);
/// assert_eq!(c("19th"), WordClass::Number);
/// assert_eq!(c("kerry"), WordClass::Content);
/// ```
pub fn classify(word: &str, hash: u64) -> WordClass {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return WordClass::Number;
    }
    match tables().words.get(hash) {
        Some(CLASS_STOP) => WordClass::Stop,
        Some(CLASS_NEGATION) => WordClass::Negation,
        _ => WordClass::Content,
    }
}

/// A light English stemmer for content words: irregular forms map to their
/// base (`met` → `meet`), a possessive `'s` is dropped, and the suffixes
/// `ies`, `ing`, `ed`, `es`, `s` are removed from words long enough, followed
/// by a final `e` and a doubled final consonant. It only has to map
/// inflections of one word to the same key, not to produce real words.
///
/// ```
/// use quotecheck_dedup::normalize::stem;
/// assert_eq!(stem("accused"), stem("accuses"));
/// assert_eq!(stem("accuse"), stem("accusing"));
/// assert_eq!(stem("groups"), "group");
/// assert_eq!(stem("stopped"), stem("stops"));
/// assert_eq!(stem("moscow's"), "moscow");
/// assert_eq!(stem("met"), "meet");
/// ```
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    stem_hashed(word, word_hash(word))
}

/// [`stem`] of a word whose [`word_hash`] is `hash`.
pub(crate) fn stem_hashed(word: &str, hash: u64) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word);
    let h = if w.len() == word.len() {
        hash
    } else {
        word_hash(w)
    };
    if let Some(v) = tables().words.get(h) {
        if v >= IRREGULAR_BASE {
            if let Some((_, base)) = IRREGULAR.get(usize::from(v - IRREGULAR_BASE)) {
                return Cow::Borrowed(base);
            }
        }
    }
    if !w.is_ascii() || w.len() <= 3 {
        return Cow::Borrowed(w);
    }
    if let Some(s) = w.strip_suffix("ies") {
        if s.len() >= 2 {
            return Cow::Owned(format!("{s}y"));
        }
    }
    let mut s = w;
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            let ok = match suffix {
                "s" => !rest.ends_with('s') && !rest.ends_with('u') && !rest.ends_with('i'),
                "es" => {
                    rest.ends_with('s')
                        || rest.ends_with('x')
                        || rest.ends_with('z')
                        || rest.ends_with("ch")
                        || rest.ends_with("sh")
                }
                _ => true,
            };
            if ok && rest.len() >= 3 {
                s = rest;
                break;
            }
        }
    }
    if s.len() > 3 {
        if let Some(rest) = s.strip_suffix('e') {
            s = rest;
        }
    }
    let b = s.as_bytes();
    if b.len() > 3 {
        let (x, y) = (b[b.len() - 1], b[b.len() - 2]);
        if x == y && !matches!(x, b'a' | b'e' | b'i' | b'o' | b'u' | b'l' | b's' | b'z') {
            s = &s[..s.len() - 1];
        }
    }
    Cow::Borrowed(s)
}

/// The bytes of a word of at most 8 bytes packed into an integer (for fast
/// table look-ups without string comparisons).
fn pack8(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut x = [0u8; 8];
    x[..b.len()].copy_from_slice(b);
    Some(u64::from_le_bytes(x))
}

/// The digits of a number word (`three` → `3`).
fn number_word(word: &str) -> Option<&'static str> {
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    if word == "seventeen" {
        return Some("17");
    }
    let i = tables().numbers.get(pack8(word)?)?;
    NUMBER_WORDS.get(usize::from(i)).map(|(_, d)| *d)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '′')
}

/// Calls `f` with each normalised word of `text`, in order, reusing one
/// buffer (no allocation per word). See the module documentation for the
/// rules.
///
/// ```
/// use quotecheck_dedup::normalize::for_each_word;
/// let mut words = Vec::new();
/// for_each_word("He didn't say “3.5%”.", |w| words.push(w.to_string()));
/// assert_eq!(words, ["he", "did", "not", "say", "3.5"]);
/// ```
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    // Decomposed text (`Zoe\u{308}`) compares as composed (`Zoë`).
    let text = quotecheck_core::nfc(text);
    let mut merger = crate::numbers::Merger::new();
    for_each_raw_word(&text, |w, from_word| merger.push(w, from_word, &mut f));
    merger.finish(&mut f);
}

/// The words of `text` before numbers are merged by value; the flag is true
/// for a number word turned into digits.
fn for_each_raw_word(text: &str, mut f: impl FnMut(&str, bool)) {
    let mut buf = String::with_capacity(32);
    let mut chars = text.char_indices().peekable();
    // Length (in chars) of the current alphanumeric segment, for initialisms.
    let mut segment = 0usize;
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
            segment += 1;
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let after = next.and_then(|n| text[i + c.len_utf8() + n.len_utf8()..].chars().next());
        let last = buf.chars().next_back();
        let keep_going = match c {
            _ if is_apostrophe(c)
                && last.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic) =>
            {
                buf.push('\'');
                segment = 0;
                true
            }
            '.' | ','
                if last.is_some_and(|l| l.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit()) =>
            {
                if c == '.' {
                    buf.push('.');
                }
                true
            }
            // U.S., U.N., e.g.: a single letter, a dot, a single letter.
            '.' if segment == 1
                && last.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic)
                && !after.is_some_and(char::is_alphanumeric) =>
            {
                segment = 0;
                true
            }
            _ => false,
        };
        if !keep_going {
            flush(&mut buf, &mut f);
            segment = 0;
        }
    }
    flush(&mut buf, &mut f);
}

fn flush(buf: &mut String, f: &mut impl FnMut(&str, bool)) {
    if buf.is_empty() {
        return;
    }
    let word = buf.as_str();
    // (Contractions are looked for only in words with an apostrophe: most
    // words have none.)
    let apostrophe = word.contains('\'');
    if let Some(base) = word.strip_suffix("n't").filter(|_| apostrophe) {
        let base = match base {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            "ai" => "is",
            other => other,
        };
        if !base.is_empty() {
            f(base, false);
        }
        f("not", false);
    } else if let Some((base, full)) = apostrophe.then(|| expand_clitic(word)).flatten() {
        f(base, false);
        f(full, false);
    } else if word == "cannot" {
        f("can", false);
        f("not", false);
    } else if let Some(digits) = number_word(word) {
        f(digits, true);
    } else {
        f(word, false);
    }
    buf.clear();
}

/// `we'll` → (`we`, `will`), `they're` → (`they`, `are`), `I've` → (`i`,
/// `have`), `I'm` → (`i`, `am`), `she'd` → (`she`, `would`).
fn expand_clitic(word: &str) -> Option<(&str, &'static str)> {
    for (clitic, full) in [
        ("'ll", "will"),
        ("'re", "are"),
        ("'ve", "have"),
        ("'m", "am"),
        ("'d", "would"),
    ] {
        if let Some(base) = word.strip_suffix(clitic) {
            if !base.is_empty() {
                return Some((base, full));
            }
        }
    }
    None
}

/// The normalised form of `text`: its normalised words joined by single
/// spaces (see the module documentation).
///
/// ```
/// use quotecheck_dedup::normalize::normalize;
/// assert_eq!(normalize("  Moscow has ALSO accused\tWashington…"), "moscow has also accused washington");
/// assert_eq!(normalize("Asia-Pacific"), "asia pacific");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_word(s, |w| v.push(w.to_string()));
        v
    }

    #[test]
    fn quotes_dashes_and_whitespace_fold() {
        assert_eq!(normalize("“Yes” — he\u{a0}said"), "yes he said");
        assert_eq!(normalize("\"Yes\" - he  said"), "yes he said");
        assert_eq!(normalize("‘Yes,’ he said."), "yes he said");
    }

    #[test]
    fn apostrophes_and_contractions() {
        assert_eq!(words("Russia’s"), ["russia's"]);
        assert_eq!(words("didn’t"), ["did", "not"]);
        assert_eq!(words("can't won't"), ["can", "not", "will", "not"]);
        assert_eq!(words("'quoted'"), ["quoted"]);
        assert_eq!(words("We'll go"), ["we", "will", "go"]);
    }

    #[test]
    fn numbers_are_kept() {
        assert_eq!(
            words("1,000,000 and 3.5 and 19th."),
            ["1000000", "and", "3.5", "and", "19th"]
        );
        assert_ne!(normalize("3 killed"), normalize("30 killed"));
        assert_eq!(normalize("Twelve died"), "12 died");
        assert_eq!(words("1, 2"), ["1", "2"]);
    }

    #[test]
    fn initialisms() {
        assert_eq!(
            words("the U.S. and U.N. said"),
            ["the", "us", "and", "un", "said"]
        );
        assert_eq!(words("A. Smith"), ["a", "smith"]);
    }

    #[test]
    fn unicode_lowercase() {
        assert_eq!(normalize("ŽELEZNÁ Straße"), "železná straße");
    }

    #[test]
    fn decomposed_text_is_composed() {
        assert_eq!(
            normalize("Zoe\u{308} said no"),
            normalize("Zo\u{eb} said no")
        );
        assert_eq!(normalize("Zoe\u{308}"), "zo\u{eb}");
    }

    #[test]
    fn tables_are_sorted() {
        assert!(NUMBER_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        for (w, d) in NUMBER_WORDS {
            assert_eq!(number_word(w), Some(*d), "{w}");
        }
        assert_eq!(classify("not", word_hash("not")), WordClass::Negation);
    }

    #[test]
    fn stems() {
        assert_eq!(stem("meeting"), stem("meet"));
        assert_eq!(stem("opposition"), "opposition");
        assert_eq!(stem("cities"), "city");
        assert_eq!(stem("news"), stem("new"));
        assert_eq!(stem("was"), "was");
    }
}
