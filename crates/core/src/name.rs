//! The name key: the one normal form under which two written names of a
//! speaker (`The State Department’s Spokeswoman`, `state department
//! spokeswoman`) compare equal, shared by speaker linking across documents
//! (CLI), misquote detection (dedup) and scoring (eval).

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `s` in Unicode normal form C (composed accents), borrowed when it is
/// already (always for ASCII).
///
/// ```
/// assert_eq!(quotecheck_core::nfc("Jose\u{301}"), "Jos\u{e9}");
/// ```
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// The comparison key of a speaker name or mention: Unicode NFC (so that a
/// composed `é` and `e` + combining acute are the same letter), lower case,
/// apostrophes folded (`’`, `‘`, `` ` ``, `´` → `'`), a possessive `'s` and
/// all punctuation dropped from each word, words joined by one space, and a
/// leading `the` dropped from names of more than one word.
///
/// ```
/// use quotecheck_core::name_key;
/// assert_eq!(name_key("The State Department’s Spokeswoman"), "state department spokeswoman");
/// assert_eq!(name_key("  U.S. officials, "), "us officials");
/// assert_eq!(name_key("José"), name_key("Jose\u{301}"));
/// ```
pub fn name_key(s: &str) -> String {
    let lower = nfc(s).to_lowercase().replace(['’', '‘', '`', '´'], "'");
    let mut words: Vec<String> = lower
        .split_whitespace()
        .map(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            let w = w.strip_suffix("'s").unwrap_or(w);
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

/// The given names of `data/first_names.txt` that almost always belong to
/// one gender, as written there (lower case): `(female, male)`. Names given
/// to both are in neither list.
///
/// ```
/// let (female, male) = quotecheck_core::given_names();
/// assert!(female.contains(&"margaret") && male.contains(&"gary"));
/// ```
pub fn given_names() -> (&'static [&'static str], &'static [&'static str]) {
    static NAMES: std::sync::OnceLock<(Vec<&'static str>, Vec<&'static str>)> =
        std::sync::OnceLock::new();
    let (female, male) = NAMES.get_or_init(|| {
        let data = include_str!("../data/first_names.txt");
        let section = |tag: &str| {
            data.split('[')
                .find_map(|s| s.strip_prefix(tag))
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect::<Vec<_>>()
        };
        (section("female]"), section("male]"))
    });
    (female, male)
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn composed_and_decomposed_accents_are_one_key() {
        // U+00E9 vs e + U+0301; U+00F1 vs n + U+0303.
        assert_eq!(name_key("Jos\u{e9} Pe\u{f1}a"), "jos\u{e9} pe\u{f1}a");
        assert_eq!(name_key("Jose\u{301} Pen\u{303}a"), "jos\u{e9} pe\u{f1}a");
        assert_eq!(name_key("JOSE\u{301}"), name_key("jos\u{e9}"));
    }

    #[test]
    fn case_apostrophes_and_punctuation_fold() {
        assert_eq!(name_key("O’Neil"), name_key("o'neil"));
        assert_eq!(name_key("O’Neil"), "oneil");
        assert_eq!(name_key("Dr. Ana Ruiz,"), "dr ana ruiz");
        assert_eq!(
            name_key("Russia’s Foreign Ministry"),
            "russia foreign ministry"
        );
        assert_eq!(name_key("the  Treasury"), "treasury");
    }

    #[test]
    fn a_lone_the_and_empty_names_stay() {
        assert_eq!(name_key("the"), "the");
        assert_eq!(name_key(""), "");
        assert_eq!(name_key(" … "), "");
    }
}
