//! Verification: the documented rule that decides whether two claims that
//! LSH proposed as candidates are near duplicates, and the similarity score
//! reported for them.
//!
//! # Features of a claim
//!
//! From the normalised words of a claim ([`crate::normalize`]) we keep
//!
//! - the **content set** `A`: the [stems](crate::normalize::stem) of all
//!   content words and numbers, as 32-bit hashes, sorted and deduplicated;
//! - the **numbers**: the multiset of number words (`3`, `1000`, `19th`);
//! - the **negation count**: how many negation words (`not`, `never`, …).
//!
//! # The rule
//!
//! With `A`, `B` the content sets, `i = |A ∩ B|`, `J = i / |A ∪ B|` (token-set
//! Jaccard) and `C = i / min(|A|, |B|)` (containment of the smaller claim in
//! the larger), two claims are near duplicates when **all** of
//!
//! 1. both content sets have at least [`VerifyConfig::min_tokens`] tokens;
//! 2. **numbers agree**: with [`NumberPolicy::Subset`] (default) the numbers of
//!    one claim are a sub-multiset of the other's — a number may be *added* as
//!    detail (`on November 19`), but never *changed* (`3 killed` vs
//!    `30 killed`); with [`NumberPolicy::Equal`] the multisets must be equal;
//! 3. **negation agrees**: the negation counts are equal (`failed` vs
//!    `did not fail`);
//! 4. `C ≥ min_containment` (default 0.8): nearly everything the shorter claim
//!    says is also in the longer one — this rejects look-alikes that share
//!    only a subject, whose predicates differ;
//! 5. `J ≥ min_jaccard` (default 0.6): the longer claim does not say much more;
//! 6. the number of content tokens that *both* claims have and the other
//!    lacks, `min(|A∖B|, |B∖A|)` — i.e. substituted words — is at most
//!    [`VerifyConfig::max_substitutions`] (default 2), and when there is any
//!    substitution `J ≥ substitution_jaccard` (default 0.6).
//!
//! The reported **similarity** is `J`; [`Similarity`] also carries `C` and the
//! counts. Word order does not matter (`A said B` = `B, A said`), tense and
//! plural do not matter (stems), stopwords and reporting verbs do not matter.
//!
//! ```
//! use quotecheck_dedup::verify::{compare_texts, Rejection, VerifyConfig};
//! let cfg = VerifyConfig::default();
//! let a = "Moscow has also accused Washington of failing to distinguish between the moderate opposition and terrorist groups.";
//! let b = "Moscow also accused Washington of failing to distinguish the moderate Syrian opposition from terrorist groups in Aleppo.";
//! let sim = compare_texts(a, b, &cfg).expect("near duplicate");
//! assert!(sim.jaccard > 0.8 && sim.containment == 1.0);
//!
//! assert_eq!(compare_texts("3 people were killed in the blast in Kabul", "30 people were killed in the blast in Kabul", &cfg),
//!            Err(Rejection::NumbersDiffer));
//! assert_eq!(compare_texts("The minister resigned over the scandal", "The minister has not resigned over the scandal", &cfg),
//!            Err(Rejection::NegationDiffers));
//! ```

use serde::{Deserialize, Serialize};

use crate::normalize::{classify, for_each_word, stem_hashed, word_hash, WordClass};

/// What to require of the numbers of two claims (rule 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NumberPolicy {
    /// The numbers of one claim are a sub-multiset of the other's.
    #[default]
    Subset,
    /// The number multisets are equal.
    Equal,
}

/// Thresholds of the verification rule (see the module documentation).
///
/// ```
/// use quotecheck_dedup::verify::VerifyConfig;
/// let strict = VerifyConfig { min_jaccard: 0.7, ..VerifyConfig::default() };
/// assert_eq!(strict.min_containment, 0.8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VerifyConfig {
    /// Minimum token-set Jaccard `J` (default 0.6).
    pub min_jaccard: f32,
    /// Minimum containment `C` of the smaller content set (default 0.8).
    pub min_containment: f32,
    /// Maximum number of substituted content tokens (default 2).
    pub max_substitutions: usize,
    /// Minimum `J` when there is at least one substitution (default 0.6).
    pub substitution_jaccard: f32,
    /// Minimum size of both content sets for a near (not exact) duplicate
    /// (default 3).
    pub min_tokens: usize,
    /// How numbers must agree (default [`NumberPolicy::Subset`]).
    pub numbers: NumberPolicy,
}

impl Default for VerifyConfig {
    fn default() -> Self {
        VerifyConfig {
            min_jaccard: 0.6,
            min_containment: 0.8,
            max_substitutions: 2,
            substitution_jaccard: 0.6,
            min_tokens: 3,
            numbers: NumberPolicy::Subset,
        }
    }
}

/// Why a candidate pair is not a near duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rejection {
    /// A content set is smaller than `min_tokens`.
    TooShort,
    /// A number was changed (rule 2).
    NumbersDiffer,
    /// One claim negates the other (rule 3).
    NegationDiffers,
    /// `C < min_containment` (rule 4).
    LowContainment,
    /// `J < min_jaccard` (rule 5).
    LowJaccard,
    /// Too many substituted words (rule 6).
    TooManySubstitutions,
}

/// How similar two content sets are.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Token-set Jaccard `J = |A∩B| / |A∪B|`; the reported similarity.
    pub jaccard: f32,
    /// Containment `C = |A∩B| / min(|A|,|B|)`.
    pub containment: f32,
    /// `|A∩B|`.
    pub shared: u32,
    /// `|A∖B|`.
    pub only_a: u32,
    /// `|B∖A|`.
    pub only_b: u32,
}

/// The features of one claim that verification needs (owned).
///
/// ```
/// use quotecheck_dedup::verify::Features;
/// let f = Features::of("The mayor did not say 3 bridges were closed.");
/// assert_eq!(f.negations, 1);
/// assert_eq!(f.numbers.len(), 1);
/// assert_eq!(f.content.len(), 4); // mayor, 3, bridge, close
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Features {
    /// Sorted, deduplicated 32-bit hashes of content stems and numbers.
    pub content: Vec<u32>,
    /// Content stems and numbers in text order (with repeats), for shingling.
    pub sequence: Vec<u32>,
    /// Sorted 32-bit hashes of the numbers (a multiset).
    pub numbers: Vec<u32>,
    /// Number of negation words.
    pub negations: u32,
    /// 64-bit hash of the normalised form (exact-duplicate key); 0 for a
    /// claim without words.
    pub exact: u64,
    /// Number of normalised words.
    pub words: u32,
}

/// Borrowed view of [`Features`], as stored by the deduplicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureRef<'a> {
    /// Sorted, deduplicated content hashes.
    pub content: &'a [u32],
    /// Sorted number hashes (multiset).
    pub numbers: &'a [u32],
    /// Number of negation words.
    pub negations: u32,
}

/// Mixing step of the exact-duplicate hash over word hashes.
pub(crate) fn mix_exact(acc: u64, word: u64) -> u64 {
    (acc.rotate_left(23) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5851_F42D_4C95_7F2D
}

impl Features {
    /// Features of a raw text (normalises it first).
    pub fn of(text: &str) -> Features {
        let mut f = Features::default();
        let mut buf = String::new();
        for_each_word(text, |w| f.push_word(w, &mut buf));
        f.finish();
        f
    }

    /// Features of an already normalised text (words separated by single
    /// spaces, as produced by [`crate::normalize::normalize`]).
    pub fn of_normalized(normalized: &str) -> Features {
        let mut f = Features::default();
        f.set_normalized(normalized, &mut String::new());
        f
    }

    /// Recompute these features for another normalised text, reusing the
    /// allocations (`buf` is scratch space).
    pub fn set_normalized(&mut self, normalized: &str, buf: &mut String) {
        self.clear();
        for w in normalized.split(' ').filter(|w| !w.is_empty()) {
            self.push_word(w, buf);
        }
        self.finish();
    }

    /// Start over (keeping allocations); then [`Features::push_word`] each
    /// normalised word and [`Features::finish`].
    pub fn clear(&mut self) {
        self.content.clear();
        self.sequence.clear();
        self.numbers.clear();
        self.negations = 0;
        self.exact = 0;
        self.words = 0;
    }

    /// Add one normalised word (`buf` is scratch space).
    pub fn push_word(&mut self, w: &str, buf: &mut String) {
        let h = word_hash(w);
        self.words += 1;
        self.exact = mix_exact(self.exact, h);
        match classify(w, h) {
            WordClass::Stop => {}
            WordClass::Negation => self.negations += 1,
            WordClass::Number => {
                let key = h as u32;
                self.numbers.push(key);
                self.sequence.push(key);
            }
            WordClass::Content => {
                let s = stem_hashed(w, h);
                let key = if s.as_ref() == w {
                    h as u32
                } else {
                    buf.clear();
                    buf.push_str(&s);
                    word_hash(buf) as u32
                };
                self.sequence.push(key);
            }
        }
    }

    /// Complete the features after the last [`Features::push_word`].
    pub fn finish(&mut self) {
        self.content.clear();
        self.content.extend_from_slice(&self.sequence);
        self.content.sort_unstable();
        self.content.dedup();
        self.numbers.sort_unstable();
        if self.words > 0 {
            self.exact = self.exact.max(1);
        }
    }

    /// A borrowed view for [`verify`].
    pub fn as_ref(&self) -> FeatureRef<'_> {
        FeatureRef {
            content: &self.content,
            numbers: &self.numbers,
            negations: self.negations,
        }
    }
}

/// Similarity of two sorted, deduplicated sets (a linear merge).
///
/// ```
/// use quotecheck_dedup::verify::set_similarity;
/// let s = set_similarity(&[1, 2, 3, 4], &[2, 3, 4, 5, 6]);
/// assert_eq!((s.shared, s.only_a, s.only_b), (3, 1, 2));
/// assert_eq!(s.jaccard, 0.5);
/// assert_eq!(s.containment, 0.75);
/// ```
pub fn set_similarity(a: &[u32], b: &[u32]) -> Similarity {
    let (mut i, mut j, mut shared) = (0, 0, 0u32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let (la, lb) = (a.len() as u32, b.len() as u32);
    let union = la + lb - shared;
    let small = la.min(lb);
    Similarity {
        jaccard: if union == 0 {
            1.0
        } else {
            shared as f32 / union as f32
        },
        containment: if small == 0 {
            0.0
        } else {
            shared as f32 / small as f32
        },
        shared,
        only_a: la - shared,
        only_b: lb - shared,
    }
}

/// True when sorted multiset `a` is contained in sorted multiset `b`.
fn sub_multiset(a: &[u32], b: &[u32]) -> bool {
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        if j == b.len() || b[j] != x {
            return false;
        }
        j += 1;
    }
    true
}

/// Apply the rule of the module documentation to two claims' features.
pub fn verify(
    a: FeatureRef<'_>,
    b: FeatureRef<'_>,
    cfg: &VerifyConfig,
) -> Result<Similarity, Rejection> {
    if a.content.len() < cfg.min_tokens || b.content.len() < cfg.min_tokens {
        return Err(Rejection::TooShort);
    }
    let numbers_ok = match cfg.numbers {
        NumberPolicy::Equal => a.numbers == b.numbers,
        NumberPolicy::Subset => {
            if a.numbers.len() <= b.numbers.len() {
                sub_multiset(a.numbers, b.numbers)
            } else {
                sub_multiset(b.numbers, a.numbers)
            }
        }
    };
    if !numbers_ok {
        return Err(Rejection::NumbersDiffer);
    }
    if a.negations != b.negations {
        return Err(Rejection::NegationDiffers);
    }
    let sim = set_similarity(a.content, b.content);
    if sim.containment < cfg.min_containment {
        return Err(Rejection::LowContainment);
    }
    if sim.jaccard < cfg.min_jaccard {
        return Err(Rejection::LowJaccard);
    }
    let substitutions = sim.only_a.min(sim.only_b) as usize;
    if substitutions > cfg.max_substitutions
        || (substitutions > 0 && sim.jaccard < cfg.substitution_jaccard)
    {
        return Err(Rejection::TooManySubstitutions);
    }
    Ok(sim)
}

/// Convenience: verify two raw texts (see the module example).
pub fn compare_texts(a: &str, b: &str, cfg: &VerifyConfig) -> Result<Similarity, Rejection> {
    let (fa, fb) = (Features::of(a), Features::of(b));
    verify(fa.as_ref(), fb.as_ref(), cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str) -> Result<Similarity, Rejection> {
        compare_texts(a, b, &VerifyConfig::default())
    }

    #[test]
    fn word_order_and_tense_do_not_matter() {
        assert!(check(
            "Police arrested two men on Friday after the attack in Leeds",
            "Two men were arrested by police in Leeds on Friday after the attack"
        )
        .is_ok());
        assert!(check(
            "The company cuts 200 jobs at its Detroit plant",
            "The company cut 200 jobs at its Detroit plant"
        )
        .is_ok());
    }

    #[test]
    fn shared_subject_is_not_enough() {
        let r = check(
            "The US Secretary of State John Kerry and his Russian counterpart Sergei Lavrov will meet today on the side-lines of the Asia-Pacific Economic Cooperation (APEC) summit in Peru due to take place on November the 19th and 20th.",
            "The US Secretary of State John Kerry and his Russian counterpart Sergei Lavrov held a telephone conversation about the continuation of consultations to resolve the crisis.",
        );
        assert_eq!(r, Err(Rejection::LowContainment));
    }

    #[test]
    fn numbers_policy() {
        let added = (
            "Police arrested 2 men in Leeds",
            "Police arrested 2 men in Leeds on 19 March",
        );
        assert!(check(added.0, added.1).is_ok());
        let cfg = VerifyConfig {
            numbers: NumberPolicy::Equal,
            ..VerifyConfig::default()
        };
        assert_eq!(
            compare_texts(added.0, added.1, &cfg),
            Err(Rejection::NumbersDiffer)
        );
        assert_eq!(
            check(
                "Three people died in the fire",
                "Four people died in the fire"
            ),
            Err(Rejection::NumbersDiffer)
        );
    }

    #[test]
    fn short_claims_are_only_exact() {
        assert_eq!(check("He left.", "She left."), Err(Rejection::TooShort));
    }

    #[test]
    fn sub_multiset_counts_repeats() {
        assert!(sub_multiset(&[1, 2], &[1, 2, 2]));
        assert!(!sub_multiset(&[2, 2], &[1, 2, 3]));
        assert!(sub_multiset(&[], &[1]));
    }

    #[test]
    fn exact_hash_ignores_punctuation_and_case() {
        assert_eq!(
            Features::of("“Yes,” he SAID.").exact,
            Features::of("yes he said").exact
        );
        assert_ne!(
            Features::of("yes he said").exact,
            Features::of("he said yes").exact
        );
        assert_eq!(Features::of("…").exact, 0);
    }
}
