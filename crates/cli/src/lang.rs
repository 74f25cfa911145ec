//! The language of a document, detected from its first kilobyte: plainly
//! English text by its share of English function words, anything else with
//! `whatlang` (the same language as from 2 KB on every PolNeAR train article
//! and fixture, at half the cost: detection was a third of a `dedup` run), so that a French or Spanish article is not silently
//! reported as having no quotes: quotecheck's cues and speaker rules are
//! English (direct quotes in « », „ “ and other marks are still found).

/// Bytes of text the detection looks at (the start of the document).
pub const SAMPLE: usize = 1024;

/// The detected language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-3 code (`eng`, `fra`, `spa`, …).
    pub code: &'static str,
    /// English name (`French`).
    pub name: &'static str,
}

impl Language {
    /// True for English.
    pub fn is_english(&self) -> bool {
        self.code == "eng"
    }
}

/// English, as [`detect`] names it.
const ENGLISH: Language = Language {
    code: "eng",
    name: "English",
};

/// English function words: a quarter of the words of an English news text
/// (median of the PolNeAR train articles' first kilobytes: 26%), next to
/// none of another language's (each of the words added after `are` is at
/// most 0.05% of the words of the French, German, Spanish, Italian, Dutch,
/// Portuguese, Danish and Swedish message catalogues of a Debian system).
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "that", "said", "was", "with", "for", "this", "have", "has", "were",
    "would", "which", "from", "his", "her", "they", "is", "are", "by", "its", "their", "after",
    "before", "will", "had", "into", "against", "during", "it", "not", "but", "been", "who", "she",
    "he", "be",
];

/// The longest word of [`ENGLISH_WORDS`] (longer words are not looked up).
const ENGLISH_WORD_MAX: usize = 7;

/// True when at least [`ENGLISH_SHARE_PERCENT`] of the words of `sample`
/// (at least [`ENGLISH_MIN_WORDS`] of them) are [`ENGLISH_WORDS`]: English
/// without asking `whatlang`, whose trigram scoring costs about as much as
/// attributing the sample's quotes.
fn plainly_english(sample: &str) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    for w in sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= ENGLISH_WORD_MAX && english_keys().binary_search(&pack(w)).is_ok() {
            english += 1;
        }
    }
    words >= ENGLISH_MIN_WORDS && english * 100 >= words * ENGLISH_SHARE_PERCENT
}

/// A word of at most 8 ASCII letters, lower-cased and packed into an
/// integer (a look-up without string comparisons: this loop runs on the
/// first kilobyte of every document).
fn pack(word: &str) -> u64 {
    word.bytes()
        .take(8)
        .fold(0u64, |k, b| (k << 8) | u64::from(b.to_ascii_lowercase()))
}

/// [`ENGLISH_WORDS`] packed with [`pack`], sorted.
fn english_keys() -> &'static [u64] {
    static KEYS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut k: Vec<u64> = ENGLISH_WORDS.iter().map(|w| pack(w)).collect();
        k.sort_unstable();
        k
    })
}

/// See [`plainly_english`]: the median PolNeAR train article has 26%, 8 of
/// the 840 have less (those go to `whatlang`).
pub const ENGLISH_SHARE_PERCENT: usize = 15;
/// See [`plainly_english`].
pub const ENGLISH_MIN_WORDS: usize = 40;

/// The language of `text`, when `whatlang` is confident about it (or when
/// it is plainly English: a sixth of its words are English function words).
///
/// ```
/// use quotecheck::lang::detect;
/// let fr = "Le maire a déclaré que le pont serait rouvert lundi après trois \
///           semaines de travaux. « C'est sûr », a-t-elle dit aux journalistes.";
/// assert_eq!(detect(fr).map(|l| l.code), Some("fra"));
/// ```
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if plainly_english(&text[..end]) {
        return Some(ENGLISH);
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    let lang = info.lang();
    Some(Language {
        code: lang.code(),
        name: lang.eng_name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_spanish_german() {
        let en = "The mayor said on Friday that the bridge over the river would reopen \
                  on Monday after three weeks of repairs, and residents were relieved.";
        assert_eq!(detect(en).map(|l| l.is_english()), Some(true));
        let es = "El alcalde dijo el viernes que el puente sobre el río volvería a abrir \
                  el lunes después de tres semanas de obras, y los vecinos se alegraron.";
        assert_eq!(detect(es).map(|l| l.code), Some("spa"));
        let de = "Der Bürgermeister sagte am Freitag, die Brücke über den Fluss werde am \
                  Montag nach drei Wochen Bauarbeiten wieder geöffnet.";
        assert_eq!(detect(de).map(|l| l.name), Some("German"));
        assert_eq!(detect("ok"), None);
    }

    #[test]
    fn plain_english_is_found_without_whatlang_and_agrees_with_it() {
        let en = "The mayor said on Friday that the bridge over the river would reopen \
                  on Monday after three weeks of repairs, and residents were relieved. \
                  She said that the city had paid for the work with money from the state, \
                  which was approved by the council in March after a long debate.";
        assert!(plainly_english(en));
        assert_eq!(whatlang::detect(en).map(|i| i.lang().code()), Some("eng"));
        let fr = "Le maire a déclaré vendredi que le pont sur la rivière rouvrirait lundi \
                  après trois semaines de travaux, et les habitants ont été soulagés. Elle \
                  a dit que la ville avait payé les travaux avec de l'argent de l'État.";
        assert!(!plainly_english(fr));
        let nl = "De burgemeester zei vrijdag dat de brug over de rivier maandag weer open \
                  gaat na drie weken werk, en de bewoners waren opgelucht. Het is een oude \
                  brug die was gebouwd in het jaar negentienhonderd en is nu gerepareerd.";
        assert!(!plainly_english(nl));
        assert!(!plainly_english("the and of to"), "too few words to tell");
        for w in [
            "The", "AGAINST", "he", "she", "ago", "tha", "thee", "duringx", "be", "b",
        ] {
            let listed = ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w));
            assert_eq!(
                english_keys().binary_search(&pack(w)).is_ok(),
                listed,
                "{w}"
            );
        }
        assert_eq!(
            ENGLISH_WORDS.iter().map(|w| w.len()).max(),
            Some(ENGLISH_WORD_MAX)
        );
    }
}
