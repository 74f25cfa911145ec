//! A BM25 index over claims: built once from texts, searched many times.
//!
//! Terms come from [`crate::terms`]. The index keeps, per term, a postings
//! list of (claim number, term frequency) in compressed sparse rows, and per
//! claim its length in terms; it stores no text. Scores are Okapi BM25 with
//! the Lucene idf, `ln(1 + (N - df + 0.5) / (df + 0.5))`, summed over the
//! distinct terms of the query:
//!
//! ```text
//! score(q, d) = Σ_{t ∈ q} idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
//! ```
//!
//! Building tokenises in parallel (rayon) and then lays the postings out in
//! one pass; a search touches only the postings of the query's terms, never
//! all claims. Ties are broken by claim number, so results are
//! deterministic.
//!
//! ```
//! use quotecheck_claims::bm25::{Bm25Index, Bm25Params};
//! use quotecheck_claims::terms::TermConfig;
//! let claims = ["The moon landing was faked", "Vaccines cause autism", "The earth is flat"];
//! let index = Bm25Index::build(&claims, TermConfig::default(), Bm25Params::default());
//! let hits = index.search("NASA faked the moon landings, he said", 2);
//! assert_eq!(hits[0].claim, 0);
//! assert_eq!(hits.len(), 1); // no other claim shares a term
//! ```

use std::collections::HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::terms::{term_counts, TermConfig};

/// The BM25 parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bm25Params {
    /// Term-frequency saturation (default 1.2).
    pub k1: f32,
    /// Length normalisation (default 0.75).
    pub b: f32,
}

impl Default for Bm25Params {
    fn default() -> Self {
        Bm25Params { k1: 1.2, b: 0.75 }
    }
}

/// One result of a search.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Hit {
    /// The claim's number (its position in the texts the index was built from).
    pub claim: u32,
    /// The BM25 score (> 0).
    pub score: f32,
}

/// The index (see the module documentation).
#[derive(Debug, Clone)]
pub struct Bm25Index {
    terms: TermConfig,
    params: Bm25Params,
    /// Term hash → term number.
    vocab: HashMap<u64, u32>,
    /// Postings of term `t` are `docs[offsets[t]..offsets[t+1]]`.
    offsets: Vec<usize>,
    docs: Vec<u32>,
    tfs: Vec<u16>,
    /// Idf of each term.
    idf: Vec<f32>,
    /// `k1·(1 − b + b·|d|/avgdl)` of each claim.
    norm: Vec<f32>,
}

/// Scratch space of one searching thread: score accumulators for every
/// claim, and the list of those touched.
#[derive(Debug, Default)]
pub struct Scratch {
    scores: Vec<f32>,
    touched: Vec<u32>,
}

impl Bm25Index {
    /// Build the index over `texts` (claim `i` is `texts[i]`).
    pub fn build<S: AsRef<str> + Sync>(
        texts: &[S],
        terms: TermConfig,
        params: Bm25Params,
    ) -> Bm25Index {
        let counts: Vec<Vec<(u64, u32)>> = texts
            .par_iter()
            .map(|t| term_counts(t.as_ref(), &terms))
            .collect();
        Bm25Index::from_term_counts(&counts, terms, params)
    }

    /// Build the index from each claim's distinct term hashes and counts
    /// (as [`term_counts`] gives them).
    pub fn from_term_counts(
        counts: &[Vec<(u64, u32)>],
        terms: TermConfig,
        params: Bm25Params,
    ) -> Bm25Index {
        let mut vocab: HashMap<u64, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut lens: Vec<u32> = Vec::with_capacity(counts.len());
        for doc in counts {
            let mut len = 0u32;
            for &(h, n) in doc {
                let next = vocab.len() as u32;
                let t = *vocab.entry(h).or_insert(next);
                if t as usize == df.len() {
                    df.push(0);
                }
                df[t as usize] += 1;
                len += n;
            }
            lens.push(len);
        }
        let mut offsets = Vec::with_capacity(df.len() + 1);
        let mut total = 0usize;
        offsets.push(0);
        for &d in &df {
            total += d as usize;
            offsets.push(total);
        }
        let mut fill = offsets.clone();
        let mut docs = vec![0u32; total];
        let mut tfs = vec![0u16; total];
        for (i, doc) in counts.iter().enumerate() {
            for &(h, n) in doc {
                let t = vocab[&h] as usize;
                docs[fill[t]] = i as u32;
                tfs[fill[t]] = n.min(u32::from(u16::MAX)) as u16;
                fill[t] += 1;
            }
        }
        let n = counts.len() as f32;
        let idf = df
            .iter()
            .map(|&d| (1.0 + (n - d as f32 + 0.5) / (d as f32 + 0.5)).ln())
            .collect();
        let avg = if lens.is_empty() {
            1.0
        } else {
            (lens.iter().map(|&l| f64::from(l)).sum::<f64>() / lens.len() as f64).max(1.0) as f32
        };
        let norm = lens
            .iter()
            .map(|&l| params.k1 * (1.0 - params.b + params.b * l as f32 / avg))
            .collect();
        Bm25Index {
            terms,
            params,
            vocab,
            offsets,
            docs,
            tfs,
            idf,
            norm,
        }
    }

    /// Number of claims.
    pub fn len(&self) -> usize {
        self.norm.len()
    }

    /// Whether the index has no claims.
    pub fn is_empty(&self) -> bool {
        self.norm.is_empty()
    }

    /// Number of distinct terms.
    pub fn vocabulary(&self) -> usize {
        self.idf.len()
    }

    /// The idf of a term hash (`None` when no claim has it).
    pub fn idf(&self, term: u64) -> Option<f32> {
        self.vocab.get(&term).map(|&t| self.idf[t as usize])
    }

    /// The number of claims with a term hash (its document frequency).
    pub fn df(&self, term: u64) -> usize {
        self.vocab.get(&term).map_or(0, |&t| {
            let t = t as usize;
            self.offsets[t + 1] - self.offsets[t]
        })
    }

    /// The term options the index was built with.
    pub fn term_config(&self) -> &TermConfig {
        &self.terms
    }

    /// The BM25 parameters.
    pub fn params(&self) -> Bm25Params {
        self.params
    }

    /// The `k` best claims for `query`, best first (fewer when fewer claims
    /// share a term with it).
    pub fn search(&self, query: &str, k: usize) -> Vec<Hit> {
        self.search_with(query, k, &mut Scratch::default())
    }

    /// [`Bm25Index::search`] reusing `scratch` (one per thread).
    pub fn search_with(&self, query: &str, k: usize, scratch: &mut Scratch) -> Vec<Hit> {
        let q = term_counts(query, &self.terms);
        self.search_terms(q.iter().map(|&(h, _)| h), k, &[], scratch)
    }

    /// The `k` best claims for the distinct term hashes `query`, leaving out
    /// the claims in `skip` (for searching a claim of the index against the
    /// others).
    pub fn search_terms(
        &self,
        query: impl IntoIterator<Item = u64>,
        k: usize,
        skip: &[u32],
        scratch: &mut Scratch,
    ) -> Vec<Hit> {
        if scratch.scores.len() != self.len() {
            scratch.scores = vec![0.0; self.len()];
        }
        let k1 = self.params.k1;
        for h in query {
            let Some(&t) = self.vocab.get(&h) else {
                continue;
            };
            let t = t as usize;
            let idf = self.idf[t];
            let (from, to) = (self.offsets[t], self.offsets[t + 1]);
            for (&d, &tf) in self.docs[from..to].iter().zip(&self.tfs[from..to]) {
                let s = &mut scratch.scores[d as usize];
                if *s == 0.0 {
                    scratch.touched.push(d);
                }
                let tf = f32::from(tf);
                *s += idf * tf * (k1 + 1.0) / (tf + self.norm[d as usize]);
            }
        }
        let hits: Vec<Hit> = scratch
            .touched
            .drain(..)
            .map(|d| {
                let score = std::mem::take(&mut scratch.scores[d as usize]);
                Hit { claim: d, score }
            })
            .filter(|h| h.score > 0.0 && !skip.contains(&h.claim))
            .collect();
        best_k(hits, k)
    }
}

/// The `k` best hits, best first; ties broken by claim number.
pub fn best_k(mut hits: Vec<Hit>, k: usize) -> Vec<Hit> {
    let better = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.claim.cmp(&b.claim));
    if hits.len() > k && k > 0 {
        hits.select_nth_unstable_by(k - 1, better);
    }
    hits.truncate(k);
    hits.sort_unstable_by(better);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> Bm25Index {
        Bm25Index::build(texts, TermConfig::default(), Bm25Params::default())
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let idx = index(&[
            "the minister resigned",
            "the minister spoke",
            "the minister travelled",
            "a scandal erupted",
        ]);
        let hits = idx.search("minister scandal", 4);
        assert_eq!(hits[0].claim, 3);
        assert_eq!(hits.len(), 4);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn ties_break_by_claim_number_and_k_limits() {
        let idx = index(&["bridge closed", "bridge closed", "bridge closed"]);
        let hits = idx.search("bridge", 2);
        assert_eq!(hits.iter().map(|h| h.claim).collect::<Vec<_>>(), [0, 1]);
        assert!(idx.search("bridge", 0).is_empty());
    }

    #[test]
    fn scratch_is_clean_between_searches() {
        let idx = index(&["bridge closed", "river flooded"]);
        let mut s = Scratch::default();
        let a = idx.search_with("bridge", 5, &mut s);
        let b = idx.search_with("river", 5, &mut s);
        assert_eq!(a.len(), 1);
        assert_eq!(b.len(), 1);
        assert_eq!(a[0].score, idx.search("bridge", 5)[0].score);
        assert!(s.scores.iter().all(|&x| x == 0.0));
    }

    #[test]
    fn skip_leaves_a_claim_out() {
        let idx = index(&["bridge closed", "bridge open"]);
        let q: Vec<u64> = term_counts("bridge", &TermConfig::default())
            .iter()
            .map(|x| x.0)
            .collect();
        let hits = idx.search_terms(q, 5, &[0], &mut Scratch::default());
        assert_eq!(hits.iter().map(|h| h.claim).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn empty_index_and_query() {
        let idx = index(&[]);
        assert!(idx.is_empty());
        assert!(idx.search("anything", 3).is_empty());
        assert!(index(&["a b"]).search("", 3).is_empty());
    }
}
