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
//! - dotted initialisms lose their dots (`U.S.` → `us`).
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
    "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "among",
    "an", "and", "any", "are", "as", "at", "be", "became", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done",
    "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "itself", "just",
    "least", "less", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "now",
    "of", "off", "on", "once", "only", "onto", "or", "other", "our", "ours", "ourselves", "out",
    "over", "own", "per", "quite", "rather", "s", "same", "shall", "she", "should", "since", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "thus", "to", "too", "toward",
    "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "would", "yet", "you", "your", "yours", "yourself", "said", "says", "say", "saying", "told",
    "tell", "tells", "according", "reportedly", "reported", "stated", "states", "added",
    "claimed", "noted", "mr", "mrs", "ms", "dr", "however", "meanwhile", "already", "still",
    "today", "yesterday",
];

/// Words that negate a claim. Their count must agree for two claims to be
/// duplicates (`The talks failed` ≠ `The talks never failed`).
pub const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without",
];

/// Number words mapped to digits (see the module documentation).
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("million", "1000000"),
    ("billion", "1000000000"),
    ("dozen", "12"),
];

/// Irregular verb forms mapped to one stem, so tense changes do not count.
const IRREGULAR: &[(&str, &str)] = &[
    ("met", "meet"),
    ("held", "hold"),
    ("went", "go"),
    ("gone", "go"),
    ("goes", "go"),
    ("made", "make"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("came", "come"),
    ("saw", "see"),
    ("seen", "see"),
    ("found", "find"),
    ("left", "leave"),
    ("kept", "keep"),
    ("began", "begin"),
    ("begun", "begin"),
    ("won", "win"),
    ("lost", "lose"),
    ("paid", "pay"),
    ("sent", "send"),
    ("spent", "spend"),
    ("built", "build"),
    ("brought", "bring"),
    ("bought", "buy"),
    ("thought", "think"),
    ("fought", "fight"),
    ("caught", "catch"),
    ("taught", "teach"),
    ("sold", "sell"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("wrote", "write"),
    ("written", "write"),
    ("knew", "know"),
    ("known", "know"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("threw", "throw"),
    ("drew", "draw"),
    ("flew", "fly"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("led", "lead"),
    ("fled", "flee"),
    ("shot", "shoot"),
    ("hit", "hit"),
    ("killed", "kill"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "person"),
    ("feet", "foot"),
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

struct Tables {
    stop: Vec<u64>,
    negation: Vec<u64>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let build = |words: &[&str]| {
            let mut v: Vec<u64> = words.iter().map(|w| word_hash(w)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        Tables {
            stop: build(STOPWORDS),
            negation: build(NEGATIONS),
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
    let t = tables();
    if t.negation.binary_search(&hash).is_ok() {
        WordClass::Negation
    } else if t.stop.binary_search(&hash).is_ok() {
        WordClass::Stop
    } else {
        WordClass::Content
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
    use std::borrow::Cow;
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word);
    if let Some(&(_, base)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        return Cow::Borrowed(base);
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
            _ if is_apostrophe(c) => {
                if last.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
                    buf.push('\'');
                    segment = 0;
                    true
                } else {
                    false
                }
            }
            '.' | ',' if last.is_some_and(|l| l.is_ascii_digit())
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

fn flush(buf: &mut String, f: &mut impl FnMut(&str)) {
    if buf.is_empty() {
        return;
    }
    let word = buf.as_str();
    if let Some(base) = word.strip_suffix("n't") {
        let base = match base {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            "ai" => "is",
            other => other,
        };
        if !base.is_empty() {
            f(base);
        }
        f("not");
    } else if let Some((base, full)) = expand_clitic(word) {
        f(base);
        f(full);
    } else if word == "cannot" {
        f("can");
        f("not");
    } else if let Some(&(_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
        f(digits);
    } else {
        f(word);
    }
    buf.clear();
}

/// `we'll` → (`we`, `will`), `they're` → (`they`, `are`), `I've` → (`i`,
/// `have`), `I'm` → (`i`, `am`), `she'd` → (`she`, `would`).
fn expand_clitic(word: &str) -> Option<(&str, &'static str)> {
    for (clitic, full) in [("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'m", "am"), ("'d", "would")] {
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
        assert_eq!(words("1,000,000 and 3.5 and 19th."), ["1000000", "and", "3.5", "and", "19th"]);
        assert_ne!(normalize("3 killed"), normalize("30 killed"));
        assert_eq!(normalize("Twelve died"), "12 died");
        assert_eq!(words("1, 2"), ["1", "2"]);
    }

    #[test]
    fn initialisms() {
        assert_eq!(words("the U.S. and U.N. said"), ["the", "us", "and", "un", "said"]);
        assert_eq!(words("A. Smith"), ["a", "smith"]);
    }

    #[test]
    fn unicode_lowercase() {
        assert_eq!(normalize("ŽELEZNÁ Straße"), "železná straße");
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
