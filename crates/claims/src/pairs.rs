//! Candidate pairs beyond near-duplicates: each claim's BM25 neighbours
//! among the others, verified by the dedup stage's rule.
//!
//! MinHash + LSH (the dedup stage) finds pairs that share most of their word
//! shingles. BM25 finds pairs that share rare words, in any order and with
//! other words between them. [`candidate_pairs`] searches every claim
//! against an index of all claims (top [`PairConfig::neighbours`], itself
//! left out), keeps each unordered pair once, and lets
//! [`quotecheck_dedup::verify::verify`] — numbers and negation as hard
//! gates, containment, Jaccard, substitutions — decide which are the same
//! claim. It is never all-pairs, and a claim is searched by its rarest
//! terms only (prefix filtering): the rule wants Jaccard ≥ `J`, so two
//! claims of `n` and `m` content words share at least `J·max(n, m)` words,
//! and any `n − ⌈J·n⌉ + 1` of a claim's words include one of them
//! (pigeonhole). Taking those words rarest first (by document frequency),
//! plus one for the few terms that are not content words (negations), a
//! search touches only short postings, and the common words that made
//! searches slow on large collections are never read.
//!
//! ```
//! use quotecheck_claims::pairs::{candidate_pairs, PairConfig};
//! let claims = [
//!     "Moscow has also accused Washington of failing to distinguish between the moderate opposition and terrorist groups.",
//!     "The weather in Kabul was mild on Sunday.",
//!     "Washington, Moscow has also accused, failed to distinguish terrorist groups from the moderate opposition.",
//!     "Washington has not accused Moscow of failing to distinguish between the moderate opposition and terrorist groups.",
//! ];
//! let pairs = candidate_pairs(&claims, &PairConfig::default());
//! assert_eq!(pairs.len(), 1);
//! assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
//! ```

use quotecheck_dedup::verify::{verify, Features, Similarity};
use quotecheck_dedup::VerifyConfig;
use rayon::prelude::*;
use serde::Serialize;

use crate::bm25::{Bm25Index, Bm25Params, Scratch};
use crate::terms::{term_counts, TermConfig};

/// Options of [`candidate_pairs`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairConfig {
    /// Neighbours searched per claim (default 10).
    pub neighbours: usize,
    /// The verification rule (the dedup stage's default).
    pub verify: VerifyConfig,
    /// Retrieval terms.
    pub terms: TermConfig,
    /// BM25 parameters.
    pub bm25: Bm25Params,
    /// Search each claim by its rarest terms only ([`prefix_terms`];
    /// default true); false searches by all its terms.
    pub prefix_filter: bool,
}

impl Default for PairConfig {
    fn default() -> Self {
        PairConfig {
            neighbours: 10,
            verify: VerifyConfig::default(),
            terms: TermConfig::default(),
            bm25: Bm25Params::default(),
            prefix_filter: true,
        }
    }
}

/// A verified pair of claims (`a < b`, positions in the input).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CandidatePair {
    /// The first claim.
    pub a: u32,
    /// The second claim.
    pub b: u32,
    /// BM25 score of `b` for `a` (or of `a` for `b`, the higher).
    pub score: f32,
    /// The verification's similarity (Jaccard, containment, counts).
    pub similarity: Similarity,
}

/// The verified BM25 neighbour pairs of `texts`, sorted by (`a`, `b`).
pub fn candidate_pairs<S: AsRef<str> + Sync>(texts: &[S], cfg: &PairConfig) -> Vec<CandidatePair> {
    let counts: Vec<Vec<(u64, u32)>> = texts
        .par_iter()
        .map(|t| term_counts(t.as_ref(), &cfg.terms))
        .collect();
    let features: Vec<Features> = texts.par_iter().map(|t| Features::of(t.as_ref())).collect();
    let index = Bm25Index::from_term_counts(&counts, cfg.terms, cfg.bm25);
    let mut pairs: Vec<CandidatePair> = (0..texts.len() as u32)
        .into_par_iter()
        .map_init(Scratch::default, |scratch, i| {
            let terms = &counts[i as usize];
            let q = if cfg.prefix_filter {
                prefix_terms(&index, terms, cfg.verify.min_jaccard)
            } else {
                terms.iter().map(|t| t.0).collect()
            };
            index
                .search_terms(q, cfg.neighbours, &[i], scratch)
                .into_iter()
                .filter_map(|h| {
                    let (a, b) = (i.min(h.claim), i.max(h.claim));
                    let sim = verify(
                        features[a as usize].as_ref(),
                        features[b as usize].as_ref(),
                        &cfg.verify,
                    )
                    .ok()?;
                    Some(CandidatePair {
                        a,
                        b,
                        score: h.score,
                        similarity: sim,
                    })
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    pairs.sort_unstable_by(|x, y| {
        (x.a, x.b)
            .cmp(&(y.a, y.b))
            .then(y.score.total_cmp(&x.score))
    });
    pairs.dedup_by(|x, y| (x.a, x.b) == (y.a, y.b));
    pairs
}

/// Cosine threshold of the built-in model for a semantic pair: the median
/// of the thresholds picked on the five folds of MRPC train (best recall at
/// precision ≥ 0.88; `mrpc_eval` example, docs/claims.md).
pub const SEMANTIC_COSINE: f32 = 0.845;

/// A pair of claims that the built-in model calls the same in other words.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SemanticPair {
    /// The first claim.
    pub a: u32,
    /// The second claim.
    pub b: u32,
    /// Cosine of the two embeddings (≥ the threshold).
    pub cosine: f32,
}

/// Whether two claims pass the semantic rule: numbers nested (one side may
/// add a number, never change one), the same number of negations, and
/// cosine ≥ `threshold`.
pub fn semantic_match(a: &Features, b: &Features, cosine: f32, threshold: f32) -> bool {
    cosine >= threshold
        && a.negations == b.negations
        && crate::matcher::numbers_agree(&a.numbers, &b.numbers)
}

/// Pairs of `texts` that pass [`semantic_match`] with `threshold`, sorted
/// by (`a`, `b`). Candidates are each claim's [`PairConfig::neighbours`]
/// best BM25 neighbours by all its terms (never all pairs); each claim is
/// embedded once with the built-in model.
pub fn semantic_pairs<S: AsRef<str> + Sync>(
    texts: &[S],
    cfg: &PairConfig,
    threshold: f32,
) -> Vec<SemanticPair> {
    let model = crate::semantic::StaticModel::builtin();
    let counts: Vec<Vec<(u64, u32)>> = texts
        .par_iter()
        .map(|t| term_counts(t.as_ref(), &cfg.terms))
        .collect();
    let features: Vec<Features> = texts.par_iter().map(|t| Features::of(t.as_ref())).collect();
    let vectors: Vec<Vec<f32>> = texts.par_iter().map(|t| model.embed(t.as_ref())).collect();
    let index = Bm25Index::from_term_counts(&counts, cfg.terms, cfg.bm25);
    let mut pairs: Vec<SemanticPair> = (0..texts.len() as u32)
        .into_par_iter()
        .map_init(Scratch::default, |scratch, i| {
            let q = counts[i as usize].iter().map(|t| t.0);
            index
                .search_terms(q, cfg.neighbours, &[i], scratch)
                .into_iter()
                .filter_map(|h| {
                    let (a, b) = (i.min(h.claim) as usize, i.max(h.claim) as usize);
                    let cosine = crate::semantic::cosine(&vectors[a], &vectors[b]);
                    semantic_match(&features[a], &features[b], cosine, threshold).then_some(
                        SemanticPair {
                            a: a as u32,
                            b: b as u32,
                            cosine,
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    pairs.sort_unstable_by_key(|p| (p.a, p.b));
    pairs.dedup_by_key(|p| (p.a, p.b));
    pairs
}

/// The rarest `n − ⌈j·n⌉ + 2` of a claim's `n` distinct terms (all of
/// them when fewer), rarest first; ties broken by hash (module
/// documentation).
pub fn prefix_terms(index: &Bm25Index, terms: &[(u64, u32)], j: f32) -> Vec<u64> {
    let n = terms.len();
    let keep = (n + 2).saturating_sub((j.clamp(0.0, 1.0) * n as f32).ceil() as usize);
    let mut by_df: Vec<(usize, u64)> = terms.iter().map(|&(h, _)| (index.df(h), h)).collect();
    by_df.sort_unstable();
    by_df.into_iter().take(keep.min(n)).map(|x| x.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quotecheck_dedup::synth::{SynthConfig, SynthCorpus, Truth};

    #[test]
    fn semantic_pairs_find_rewordings_and_keep_the_gates() {
        let texts = [
            "The minister resigned after the corruption scandal.",
            "After the corruption scandal, the minister stepped down.",
            "The minister did not resign after the corruption scandal.",
            "Heavy rain flooded the valley overnight.",
        ];
        let pairs = semantic_pairs(&texts, &PairConfig::default(), 0.8);
        let ab: Vec<(u32, u32)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        assert!(ab.contains(&(0, 1)), "{pairs:?}");
        assert!(
            !ab.iter().any(|&(a, b)| a == 2 || b == 2),
            "negation differs"
        );
        assert!(!ab.iter().any(|&(_, b)| b == 3));
        let f = |t: &str| Features::of(t);
        assert!(!semantic_match(&f("3 killed"), &f("30 killed"), 1.0, 0.8));
        assert!(semantic_match(
            &f("3 killed"),
            &f("3 killed Monday"),
            0.9,
            0.8
        ));
    }

    #[test]
    fn prefix_keeps_the_rarest_terms() {
        let texts = [
            "bridge closed river flooded town",
            "bridge closed",
            "bridge",
            "bridge river",
        ];
        let cfg = PairConfig::default();
        let counts: Vec<_> = texts.iter().map(|t| term_counts(t, &cfg.terms)).collect();
        let index = Bm25Index::from_term_counts(&counts, cfg.terms, cfg.bm25);
        // 5 terms, J = 0.6: 5 − 3 + 2 = 4 kept; "bridge" (df 4) is dropped.
        let p = prefix_terms(&index, &counts[0], 0.6);
        assert_eq!(p.len(), 4);
        let bridge = term_counts("bridge", &cfg.terms)[0].0;
        assert!(!p.contains(&bridge));
        assert_eq!(index.df(bridge), 4);
        // Short claims keep every term.
        assert_eq!(prefix_terms(&index, &counts[1], 0.6).len(), 2);
    }

    #[test]
    fn finds_planted_duplicates_and_never_number_changes() {
        let corpus = SynthCorpus::new(SynthConfig {
            claims: 3000,
            ..SynthConfig::default()
        });
        let texts: Vec<String> = (0..corpus.len()).map(|i| corpus.claim(i)).collect();
        let pairs = candidate_pairs(&texts, &PairConfig::default());
        let planted: Vec<(usize, usize)> = (0..corpus.len())
            .filter_map(|i| match corpus.truth(i) {
                Truth::NearDuplicateOf(j) => Some((j.min(i), j.max(i))),
                _ => None,
            })
            .collect();
        let found = planted
            .iter()
            .filter(|(a, b)| {
                pairs
                    .iter()
                    .any(|p| (p.a as usize, p.b as usize) == (*a, *b))
            })
            .count();
        // Measured 1.0 recall of the planted pairs here; floor with a margin
        // for the synthetic edits the rule rejects by design.
        assert!(
            found as f64 >= 0.9 * planted.len() as f64,
            "{found} of {}",
            planted.len()
        );
        for p in &pairs {
            if let Truth::NumberChangeOf(j) = corpus.truth(p.b as usize) {
                assert_ne!(j, p.a as usize, "a number change was paired");
            }
        }
        assert!(pairs
            .windows(2)
            .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
    }
}
