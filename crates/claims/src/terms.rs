//! Retrieval terms: the words of a claim as the BM25 index sees them.
//!
//! A text is put in Unicode NFC (so `é` typed as `e` + combining accent is
//! the same word as `é`), then split and normalised exactly as the dedup
//! stage does ([`quotecheck_dedup::normalize::for_each_word`]: lower case,
//! quote marks and punctuation dropped, `n't` spelled out, number words as
//! digits, `U.S.` → `us`). Each word then becomes a term:
//!
//! - stopwords and reporting verbs ([`quotecheck_dedup::normalize::STOPWORDS`])
//!   are dropped when [`TermConfig::stopwords`] is set;
//! - content words are reduced to the dedup stage's light stem
//!   ([`quotecheck_dedup::normalize::stem`]) when [`TermConfig::stem`] is set;
//! - a term is identified by the 64-bit hash of its text
//!   ([`quotecheck_dedup::normalize::word_hash`]), so the index stores no
//!   strings.
//!
//! Both options are on by default: on CLEF-2020 train+dev they are worth
//! +0.06 MAP@5 together (0.721 → 0.775 before query cleaning) (docs/claims.md).
//!
//! ```
//! use quotecheck_claims::terms::{terms, TermConfig};
//! let cfg = TermConfig::default();
//! assert_eq!(terms("The senators voted", &cfg), terms("senator VOTES", &cfg));
//! assert_ne!(terms("3 killed", &cfg), terms("30 killed", &cfg));
//! ```

use std::borrow::Cow;

use quotecheck_dedup::normalize::{classify, for_each_word, stem, word_hash, WordClass};
use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// How texts become terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermConfig {
    /// Drop stopwords and reporting verbs (default true).
    pub stopwords: bool,
    /// Reduce content words to their light stem (default true).
    pub stem: bool,
}

impl Default for TermConfig {
    fn default() -> Self {
        TermConfig {
            stopwords: true,
            stem: true,
        }
    }
}

/// `text` in Unicode NFC (borrowed when it already is).
///
/// ```
/// use quotecheck_claims::terms::nfc;
/// assert_eq!(nfc("Cafe\u{301}"), "Café");
/// ```
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Call `f` with the hash of each term of `text`, in order.
pub fn for_each_term(text: &str, cfg: &TermConfig, mut f: impl FnMut(u64)) {
    for_each_word(&nfc(text), |w| {
        let h = word_hash(w);
        match classify(w, h) {
            WordClass::Stop if cfg.stopwords => {}
            WordClass::Content if cfg.stem => {
                let s = stem(w);
                f(if s.as_ref() == w { h } else { word_hash(&s) });
            }
            _ => f(h),
        }
    });
}

/// The term hashes of `text`, in order (with repeats).
pub fn terms(text: &str, cfg: &TermConfig) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_term(text, cfg, |t| out.push(t));
    out
}

/// The distinct terms of `text` with their counts, sorted by term hash.
pub fn term_counts(text: &str, cfg: &TermConfig) -> Vec<(u64, u32)> {
    counted(terms(text, cfg))
}

/// Length in characters of the grams of [`gram_counts`].
pub const GRAM_LEN: usize = 4;

/// The distinct character [`GRAM_LEN`]-grams of the words of `text`, with
/// their counts, sorted by hash: each word (normalised as for terms,
/// stopwords dropped, not stemmed) is framed by `#` and cut into
/// overlapping grams; a framed word of at most [`GRAM_LEN`] characters is
/// one gram. Grams match across inflections and glued or misspelt words
/// that terms miss (`#Minecraft` ~ `Minecraft's`).
///
/// ```
/// use quotecheck_claims::terms::gram_counts;
/// // #bridges# → #bri brid ridg idge dges ges#
/// assert_eq!(gram_counts("the bridges").len(), 6);
/// assert_eq!(gram_counts("an ox").len(), 1); // #ox#
/// ```
pub fn gram_counts(text: &str) -> Vec<(u64, u32)> {
    let mut out = Vec::new();
    let mut framed = String::with_capacity(32);
    let mut ends: Vec<usize> = Vec::with_capacity(32);
    for_each_word(&nfc(text), |w| {
        let h = word_hash(w);
        if classify(w, h) == WordClass::Stop {
            return;
        }
        framed.clear();
        framed.push('#');
        framed.push_str(w);
        framed.push('#');
        ends.clear();
        ends.extend(framed.char_indices().map(|(i, _)| i));
        ends.push(framed.len());
        if ends.len() <= GRAM_LEN + 1 {
            out.push(word_hash(&framed));
        } else {
            out.extend(
                ends.windows(GRAM_LEN + 1)
                    .map(|g| word_hash(&framed[g[0]..g[GRAM_LEN]])),
            );
        }
    });
    counted(out)
}

/// Hashes sorted and counted.
fn counted(mut t: Vec<u64>) -> Vec<(u64, u32)> {
    t.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(t.len());
    for h in t {
        match out.last_mut() {
            Some((last, n)) if *last == h => *n += 1,
            _ => out.push((h, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_change_the_terms() {
        let all = TermConfig {
            stopwords: false,
            stem: false,
        };
        assert_eq!(terms("the votes", &all).len(), 2);
        assert_eq!(terms("the votes", &TermConfig::default()).len(), 1);
        assert_ne!(terms("votes", &all), terms("vote", &all));
    }

    #[test]
    fn counts_are_sorted_and_summed() {
        let c = term_counts("vote vote votes bridge", &TermConfig::default());
        assert_eq!(c.len(), 2);
        assert!(c.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(c.iter().map(|x| x.1).sum::<u32>(), 4);
    }

    #[test]
    fn nfc_folds_combining_accents() {
        let cfg = TermConfig::default();
        assert_eq!(
            terms("Cafe\u{301} closed", &cfg),
            terms("Café closed", &cfg)
        );
    }
}
