//! Matching claims against fact-checks: BM25 proposes, a rule decides.
//!
//! [`FactIndex`] holds the fact-checks and a [`Bm25Index`] over their
//! claims. [`FactIndex::search`] ranks the fact-checks for a query (the
//! query is [cleaned](crate::clean) first) — by BM25; for an index built
//! [`FactIndex::with_lexical_reranker`] (what `quotecheck match` uses), by
//! a [learned re-ranker](crate::rerank) over BM25's candidates; for one
//! built [`FactIndex::with_reranker`], by the re-ranker over BM25's and
//! the built-in model's candidates — and marks each hit that passes
//! the **same-claim rule** ([`same_claim`]), which reuses the dedup stage's
//! features ([`quotecheck_dedup::verify::Features`]: content stems,
//! numbers, negations):
//!
//! 1. the fact-check has at least [`MatchConfig::min_tokens`] content words;
//! 2. numbers agree: the numbers of one are a sub-multiset of the other's
//!    (a number may be added as detail, never changed);
//! 3. negation agrees: the same number of negation words;
//! 4. coverage `|Q ∩ F| / |F|` — the share of the fact-check's content words
//!    found in the query — is at least [`MatchConfig::min_coverage`].
//!
//! The default coverage threshold was chosen on CLEF-2020 train for
//! precision ≥ 0.9 of the rank-1 decisions, with the right fact-check
//! removed from the index to count false matches on claims that were never
//! checked (docs/claims.md).
//!
//! ```
//! use quotecheck_claims::factcheck::FactCheck;
//! use quotecheck_claims::matcher::{FactIndex, MatchConfig};
//! let check = |id: &str, claim: &str| FactCheck {
//!     id: id.into(), claim: claim.into(), verdict: "False".into(),
//!     url: String::new(), date: String::new() };
//! let index = FactIndex::new(vec![
//!     check("1", "The Eiffel Tower will be demolished in 2025."),
//!     check("2", "Drinking bleach cures the flu."),
//! ], MatchConfig::default());
//! let hits = index.search("Officials confirmed the Eiffel Tower will be demolished in 2025", 5);
//! assert_eq!((hits[0].check, hits[0].same_claim), (0, true));
//! let hits = index.search("The Eiffel Tower will not be demolished in 2025", 5);
//! assert!(!hits[0].same_claim); // negation differs
//! ```

use std::collections::HashMap;

use quotecheck_dedup::verify::{set_similarity, FeatureRef, Features};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::bm25::{best_k, Bm25Index, Bm25Params, Hit, Scratch};
use crate::clean::clean_query;
use crate::factcheck::FactCheck;
use crate::rerank::{
    feature_vector, CandidateScores, Reranker, TextKeys, LEXICAL_CANDIDATES, N_FEATURES,
};
use crate::semantic::{cosine, StaticModel};
use crate::terms::{gram_counts, term_counts, TermConfig};

/// Options of matching.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MatchConfig {
    /// Minimum share of the fact-check's content words found in the query
    /// (rule 4; default 0.7).
    pub min_coverage: f32,
    /// Minimum content words of the fact-check (rule 1; default 2).
    pub min_tokens: usize,
    /// Retrieval terms.
    pub terms: TermConfig,
    /// BM25 parameters.
    pub bm25: Bm25Params,
    /// Weight of the semantic score in the fused ranking (used only by an
    /// index built [`FactIndex::with_semantic`]).
    pub semantic_weight: f32,
}

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            min_coverage: 0.7,
            min_tokens: 2,
            terms: TermConfig::default(),
            bm25: Bm25Params::default(),
            semantic_weight: SEMANTIC_WEIGHT,
        }
    }
}

/// Why a hit is not the same claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mismatch {
    /// The fact-check has too few content words.
    TooShort,
    /// A number was changed.
    NumbersDiffer,
    /// One negates the other.
    NegationDiffers,
    /// Too few of the fact-check's content words are in the query.
    LowCoverage,
}

/// Whether the sorted numbers of one side are a sub-multiset of the
/// other's (a number may be added, never changed).
pub fn numbers_agree(a: &[u32], b: &[u32]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut j = 0;
    for x in small {
        while j < large.len() && large[j] < *x {
            j += 1;
        }
        if j == large.len() || large[j] != *x {
            return false;
        }
        j += 1;
    }
    true
}

/// The same-claim rule (module documentation) for a query and a
/// fact-check; `Ok` carries the coverage.
pub fn same_claim(
    query: FeatureRef<'_>,
    check: FeatureRef<'_>,
    cfg: &MatchConfig,
) -> Result<f32, Mismatch> {
    if check.content.len() < cfg.min_tokens {
        return Err(Mismatch::TooShort);
    }
    if !numbers_agree(query.numbers, check.numbers) {
        return Err(Mismatch::NumbersDiffer);
    }
    if query.negations != check.negations {
        return Err(Mismatch::NegationDiffers);
    }
    let sim = set_similarity(query.content, check.content);
    let coverage = sim.shared as f32 / check.content.len() as f32;
    if coverage < cfg.min_coverage {
        return Err(Mismatch::LowCoverage);
    }
    Ok(coverage)
}

/// One fact-check found for a query.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FactHit {
    /// The fact-check's position in [`FactIndex::checks`].
    pub check: u32,
    /// 1-based rank.
    pub rank: u32,
    /// The ranking score: BM25, or the fused or re-ranker score when the
    /// index ranks with the built-in model.
    pub score: f32,
    /// Share of the fact-check's content words found in the query.
    pub coverage: f32,
    /// Whether the hit passes the same-claim rule.
    pub same_claim: bool,
}

/// Fact-checks indexed for matching.
#[derive(Debug, Clone)]
pub struct FactIndex {
    checks: Vec<FactCheck>,
    features: Vec<Features>,
    index: Bm25Index,
    config: MatchConfig,
    /// Unit embeddings of the fact-checks (row-major), with `--semantic`.
    embeddings: Option<Vec<f32>>,
    /// BM25 over the fact-checks' character grams, for the re-ranker.
    grams: Option<Bm25Index>,
    /// Re-rank the lexical candidates only, without the model's features.
    lexical_only: bool,
    /// The re-ranker and the fact-checks' keys, when set.
    reranker: Option<(Reranker, Vec<TextKeys>)>,
    /// Candidates taken from each ranking for the re-ranker.
    rerank_candidates: usize,
}

/// Candidates taken from each ranking (BM25, cosine) for the re-ranker.
pub const RERANK_CANDIDATES: usize = 20;

/// Weight of the semantic z-score in the fused ranking (BM25 has the rest):
/// the best non-zero weight on CLEF-2020 train, where fusion does not yet
/// beat BM25 alone (docs/claims.md).
pub const SEMANTIC_WEIGHT: f32 = 0.3;

/// Candidates per ranking whose scores are z-normalised and fused.
pub const FUSION_CANDIDATES: usize = 50;

/// The fusion candidates: the union, in index order, of the
/// [`FUSION_CANDIDATES`] best fact-checks by `lexical` and by `semantic`
/// scores (one score per fact-check), those in `skip` left out.
pub(crate) fn fusion_candidates(lexical: &[f32], semantic: &[f32], skip: &[u32]) -> Vec<u32> {
    let top = |xs: &[f32]| {
        let mut idx: Vec<u32> = (0..xs.len() as u32).filter(|i| !skip.contains(i)).collect();
        let m = FUSION_CANDIDATES.min(idx.len());
        if m > 0 && m < idx.len() {
            idx.select_nth_unstable_by(m - 1, |a, b| xs[*b as usize].total_cmp(&xs[*a as usize]));
        }
        idx.truncate(m);
        idx
    };
    let mut candidates = top(lexical);
    candidates.extend(top(semantic));
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Mean and standard deviation of `xs` (standard deviation 1 when 0).
fn mean_std(xs: &[f32]) -> (f32, f32) {
    let n = xs.len().max(1) as f32;
    let mean = xs.iter().sum::<f32>() / n;
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f32>() / n;
    (mean, if var > 0.0 { var.sqrt() } else { 1.0 })
}

impl FactIndex {
    /// Index `checks`.
    pub fn new(checks: Vec<FactCheck>, config: MatchConfig) -> FactIndex {
        let texts: Vec<&str> = checks.iter().map(|c| c.claim.as_str()).collect();
        let index = Bm25Index::build(&texts, config.terms, config.bm25);
        let features = texts.par_iter().map(|t| Features::of(t)).collect();
        FactIndex {
            checks,
            features,
            index,
            config,
            embeddings: None,
            grams: None,
            lexical_only: false,
            reranker: None,
            rerank_candidates: RERANK_CANDIDATES,
        }
    }

    /// The built-in model's unit embeddings of every fact-check.
    fn embed_checks(&self) -> Vec<f32> {
        let model = StaticModel::builtin();
        let rows: Vec<Vec<f32>> = self
            .checks
            .par_iter()
            .map(|c| model.embed(&c.claim))
            .collect();
        rows.concat()
    }

    /// Rank with the learned re-ranker ([`crate::rerank`]): searches take
    /// the [`RERANK_CANDIDATES`] best fact-checks by BM25 and by the
    /// built-in model's cosine (computed for every fact-check: exact, fine
    /// for fact-check collections), and order them by `reranker`'s score.
    /// Replaces a fused ranking ([`FactIndex::with_semantic`]).
    pub fn with_reranker(mut self, reranker: Reranker) -> FactIndex {
        if self.embeddings.is_none() {
            self.embeddings = Some(self.embed_checks());
        }
        self.lexical_only = false;
        self.build_grams();
        self.set_reranker(reranker)
    }

    /// The BM25 index over the fact-checks' character grams, once.
    fn build_grams(&mut self) {
        if self.grams.is_none() {
            let counts: Vec<Vec<(u64, u32)>> = self
                .checks
                .par_iter()
                .map(|c| gram_counts(&c.claim))
                .collect();
            self.grams = Some(Bm25Index::from_term_counts(
                &counts,
                self.config.terms,
                self.config.bm25,
            ));
        }
    }

    /// Rank with a lexical re-ranker (such as [`Reranker::LEXICAL`]): no
    /// model; searches take the [`LEXICAL_CANDIDATES`] best fact-checks by
    /// BM25 and order them by `reranker`'s score, whose model features
    /// (cosines, cosine rank) are 0 and whose gram features come from a
    /// second BM25 index over the fact-checks' character grams
    /// ([`gram_counts`]).
    pub fn with_lexical_reranker(mut self, reranker: Reranker) -> FactIndex {
        self.build_grams();
        self.lexical_only = true;
        self.rerank_candidates = LEXICAL_CANDIDATES;
        self.set_reranker(reranker)
    }

    fn set_reranker(mut self, reranker: Reranker) -> FactIndex {
        let keys = match self.reranker.take() {
            Some((_, keys)) => keys,
            None => self
                .checks
                .par_iter()
                .map(|c| TextKeys::of(&c.claim, &self.config.terms))
                .collect(),
        };
        self.reranker = Some((reranker, keys));
        self
    }

    /// Take `n` candidates from each ranking for the re-ranker (default
    /// [`RERANK_CANDIDATES`]).
    pub fn with_rerank_candidates(mut self, n: usize) -> FactIndex {
        self.rerank_candidates = n;
        self
    }

    /// The re-ranker's candidates for `query` (cleaned first) with their
    /// features, the fact-checks in `skip` left out; empty unless the index
    /// was built [`FactIndex::with_reranker`] or
    /// [`FactIndex::with_lexical_reranker`]. For fitting a re-ranker.
    pub fn candidate_features(
        &self,
        query: &str,
        skip: &[u32],
        scratch: &mut Scratch,
    ) -> Vec<(u32, [f32; N_FEATURES])> {
        self.candidate_features_with(query, skip, scratch, None)
    }

    /// [`FactIndex::candidate_features`] with a second model's vectors
    /// (its cosine features and [`FactIndex::rerank_candidates`] more
    /// candidates by its cosine).
    pub fn candidate_features_with(
        &self,
        query: &str,
        skip: &[u32],
        scratch: &mut Scratch,
        vectors: Option<ModelVectors<'_>>,
    ) -> Vec<(u32, [f32; N_FEATURES])> {
        let query = clean_query(query);
        let terms = term_counts(&query, &self.config.terms);
        self.candidates(&query, &terms, skip, scratch, vectors)
    }

    /// Candidates taken from each ranking by the re-ranker.
    pub fn rerank_candidates(&self) -> usize {
        self.rerank_candidates
    }

    /// Whether the index ranks with a re-ranker.
    pub fn has_reranker(&self) -> bool {
        self.reranker.is_some()
    }

    /// The `k` best fact-checks for `query` by the re-ranker with a second
    /// model's vectors ([`ModelVectors`]: the query's, made from the query
    /// cleaned by [`clean_query`], and every fact-check's), those in
    /// `skip` left out. Without a re-ranker, [`FactIndex::search_excluding`].
    pub fn search_with_vectors(
        &self,
        query: &str,
        k: usize,
        skip: &[u32],
        scratch: &mut Scratch,
        vectors: ModelVectors<'_>,
    ) -> Vec<FactHit> {
        self.search_ranked(query, k, skip, scratch, Some(vectors))
    }

    fn candidates(
        &self,
        query: &str,
        terms: &[(u64, u32)],
        skip: &[u32],
        scratch: &mut Scratch,
        vectors: Option<ModelVectors<'_>>,
    ) -> Vec<(u32, [f32; N_FEATURES])> {
        let Some((_, keys)) = &self.reranker else {
            return Vec::new();
        };
        let n = self.rerank_candidates;
        let lexical = self
            .index
            .search_terms(terms.iter().map(|t| t.0), n, skip, scratch);
        // Every fact-check sharing a gram, best first: features only (as
        // candidates they proposed more noise than answers on CLEF train).
        let grams = match &self.grams {
            Some(g) => g.search_terms(
                gram_counts(query).into_iter().map(|t| t.0),
                self.checks.len(),
                skip,
                scratch,
            ),
            None => Vec::new(),
        };
        let second: Vec<Hit> = vectors.map_or_else(Vec::new, |v| v.ranking(n, skip));
        let model = match (&self.embeddings, self.lexical_only) {
            (Some(emb), false) => Some(self.model_scores(query, emb, skip)),
            _ => None,
        };
        let semantic = model.as_ref().map_or(&[][..], |m| &m.ranking[..]);
        let best = |hits: &[Hit]| hits.first().map_or(0.0, |h| h.score);
        let (best_bm25, best_grams, best_cosine) = (best(&lexical), best(&grams), best(semantic));
        let best_second = best(&second);
        let mut ids: Vec<u32> = lexical
            .iter()
            .chain(semantic)
            .chain(&second)
            .map(|h| h.claim)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let gram_ranks: HashMap<u32, (u32, f32)> = grams
            .iter()
            .enumerate()
            .map(|(r, h)| (h.claim, (r as u32 + 1, h.score)))
            .collect();
        let qk = TextKeys::of(query, &self.config.terms);
        let idf = |t| self.index.idf(t).unwrap_or(0.0);
        // (1-based rank, score) in a ranking; (0, 0) when absent.
        let ranked = |hits: &[Hit], i: u32| {
            hits.iter()
                .position(|h| h.claim == i)
                .map_or((0, 0.0), |p| (p as u32 + 1, hits[p].score))
        };
        ids.into_iter()
            .map(|i| {
                let (bm25_rank, bm25) = ranked(&lexical, i);
                let (gram_rank, gram_bm25) = gram_ranks.get(&i).copied().unwrap_or((0, 0.0));
                let (cosine, sentence_cosine) = model.as_ref().map_or((0.0, 0.0), |m| m.cosines(i));
                let scores = CandidateScores {
                    bm25,
                    best_bm25,
                    cosine,
                    sentence_cosine,
                    best_cosine,
                    bm25_rank,
                    cosine_rank: ranked(semantic, i).0,
                    gram_bm25,
                    best_gram_bm25: best_grams,
                    gram_rank,
                    model_cosine: vectors.map_or(0.0, |v| v.cosine(i)),
                    best_model_cosine: best_second,
                    model_rank: ranked(&second, i).0,
                };
                let x = feature_vector(&qk, &keys[i as usize], &scores, idf);
                (i, x)
            })
            .collect()
    }

    /// The built-in model's view of `query`: its embedding and its
    /// sentences', and the [`RERANK_CANDIDATES`] best fact-checks by cosine.
    fn model_scores<'a>(&self, query: &str, emb: &'a [f32], skip: &[u32]) -> ModelScores<'a> {
        let q = StaticModel::builtin().embed(query);
        let dim = q.len();
        let cosines: Vec<Hit> = (0..self.checks.len() as u32)
            .filter(|i| !skip.contains(i))
            .map(|i| Hit {
                claim: i,
                score: cosine(&q, &emb[i as usize * dim..(i as usize + 1) * dim]),
            })
            .collect();
        let sentences: Vec<Vec<f32>> = query
            .split_inclusive(['.', '!', '?', '\n'])
            .filter(|s| s.split_whitespace().count() >= 3)
            .map(|s| StaticModel::builtin().embed(s))
            .collect();
        ModelScores {
            ranking: best_k(cosines, self.rerank_candidates),
            query: q,
            sentences,
            emb,
        }
    }

    /// Add the built-in model's embeddings of the fact-checks: searches then
    /// rank the union of the [`FUSION_CANDIDATES`] best by BM25 and by
    /// cosine with the fused score `(1 − w)·z(BM25) + w·z(cosine)`, z-scores
    /// taken over those candidates, `w` = `weight`. Exact search: every
    /// fact-check's cosine is computed (fine for fact-check collections,
    /// not for millions).
    pub fn with_semantic(mut self, weight: f32) -> FactIndex {
        if self.embeddings.is_none() {
            self.embeddings = Some(self.embed_checks());
        }
        self.reranker = None;
        self.config.semantic_weight = weight;
        self
    }

    /// The fact-checks, in the order given.
    pub fn checks(&self) -> &[FactCheck] {
        &self.checks
    }

    /// The dedup features of fact-check `i` (its `exact` hash identifies
    /// fact-checks with the same normalised text).
    pub fn features(&self, i: u32) -> &Features {
        &self.features[i as usize]
    }

    /// The options.
    pub fn config(&self) -> &MatchConfig {
        &self.config
    }

    /// The `k` best fact-checks for `query`, best first (BM25, the
    /// re-ranker's score with a re-ranker, or the fused score with
    /// [`FactIndex::with_semantic`]).
    pub fn search(&self, query: &str, k: usize) -> Vec<FactHit> {
        self.search_with(query, k, &mut Scratch::default())
    }

    /// [`FactIndex::search`] reusing `scratch` (one per thread).
    pub fn search_with(&self, query: &str, k: usize, scratch: &mut Scratch) -> Vec<FactHit> {
        self.search_excluding(query, k, &[], scratch)
    }

    /// [`FactIndex::search_with`] as if the fact-checks in `skip` were not
    /// indexed (to measure false matches of claims that were never checked).
    pub fn search_excluding(
        &self,
        query: &str,
        k: usize,
        skip: &[u32],
        scratch: &mut Scratch,
    ) -> Vec<FactHit> {
        self.search_ranked(query, k, skip, scratch, None)
    }

    /// The `k` best fact-checks for `query`, those in `skip` left out: by
    /// the re-ranker when there is one (with a second model's `vectors`
    /// when given), else fused with the built-in model, else by BM25.
    fn search_ranked(
        &self,
        query: &str,
        k: usize,
        skip: &[u32],
        scratch: &mut Scratch,
        vectors: Option<ModelVectors<'_>>,
    ) -> Vec<FactHit> {
        let query = clean_query(query);
        let terms = term_counts(&query, &self.config.terms);
        let hits = match (&self.embeddings, &self.reranker) {
            (_, Some((model, _))) => {
                let scored = self
                    .candidates(&query, &terms, skip, scratch, vectors)
                    .into_iter()
                    .map(|(i, x)| Hit {
                        claim: i,
                        score: model.score(&x),
                    })
                    .collect();
                best_k(scored, k)
            }
            (Some(emb), None) => self.fused(&query, &terms, emb, k, skip, scratch),
            (None, None) => self
                .index
                .search_terms(terms.iter().map(|t| t.0), k, skip, scratch),
        };
        self.judged_hits(&query, &hits)
    }

    /// Ranked hits with their same-claim verdicts and coverage (`query`
    /// cleaned).
    fn judged_hits(&self, query: &str, hits: &[Hit]) -> Vec<FactHit> {
        let q = Features::of(query);
        hits.iter()
            .enumerate()
            .map(|(i, h)| {
                let verdict = same_claim(
                    q.as_ref(),
                    self.features[h.claim as usize].as_ref(),
                    &self.config,
                );
                let coverage = match verdict {
                    Ok(c) => c,
                    Err(_) => coverage(q.as_ref(), self.features[h.claim as usize].as_ref()),
                };
                FactHit {
                    check: h.claim,
                    rank: i as u32 + 1,
                    score: h.score,
                    coverage,
                    same_claim: verdict.is_ok(),
                }
            })
            .collect()
    }

    /// The fused ranking (see [`FactIndex::with_semantic`]).
    fn fused(
        &self,
        query: &str,
        terms: &[(u64, u32)],
        emb: &[f32],
        k: usize,
        skip: &[u32],
        scratch: &mut Scratch,
    ) -> Vec<Hit> {
        let n = self.checks.len();
        let mut lexical = vec![0f32; n];
        for h in self
            .index
            .search_terms(terms.iter().map(|t| t.0), n, &[], scratch)
        {
            lexical[h.claim as usize] = h.score;
        }
        let q = StaticModel::builtin().embed(query);
        let dim = q.len();
        let semantic: Vec<f32> = (0..n)
            .map(|i| cosine(&q, &emb[i * dim..(i + 1) * dim]))
            .collect();
        // z-scores over the candidates: the best of each ranking.
        let candidates = fusion_candidates(&lexical, &semantic, &[]);
        let pick = |xs: &[f32]| {
            candidates
                .iter()
                .map(|&i| xs[i as usize])
                .collect::<Vec<_>>()
        };
        let (lm, ls) = mean_std(&pick(&lexical));
        let (sm, ss) = mean_std(&pick(&semantic));
        let w = self.config.semantic_weight;
        let hits: Vec<Hit> = candidates
            .into_iter()
            .filter(|i| !skip.contains(i))
            .map(|i| {
                let (l, s) = (lexical[i as usize], semantic[i as usize]);
                Hit {
                    claim: i,
                    score: (1.0 - w) * (l - lm) / ls + w * (s - sm) / ss,
                }
            })
            .collect();
        best_k(hits, k)
    }

    /// Search many queries in parallel (results in query order).
    pub fn search_all<S: AsRef<str> + Sync>(&self, queries: &[S], k: usize) -> Vec<Vec<FactHit>> {
        queries
            .par_iter()
            .map_init(Scratch::default, |s, q| self.search_with(q.as_ref(), k, s))
            .collect()
    }
}

/// A second model's unit vectors for the re-ranker (typically
/// all-MiniLM-L6-v2 from `--model`): the query's and every fact-check's,
/// row-major in [`FactIndex::checks`] order.
#[derive(Debug, Clone, Copy)]
pub struct ModelVectors<'a> {
    /// The query's vector.
    pub query: &'a [f32],
    /// The fact-checks' vectors.
    pub checks: &'a [f32],
}

impl ModelVectors<'_> {
    /// Cosine of the query and fact-check `i` (0 when it has no vector).
    fn cosine(&self, i: u32) -> f32 {
        let dim = self.query.len();
        self.checks
            .get(i as usize * dim..(i as usize + 1) * dim)
            .map_or(0.0, |row| cosine(self.query, row))
    }

    /// The `n` best fact-checks by cosine, those in `skip` left out.
    fn ranking(&self, n: usize, skip: &[u32]) -> Vec<Hit> {
        let rows = self.checks.len() / self.query.len().max(1);
        let hits = (0..rows as u32)
            .filter(|i| !skip.contains(i))
            .map(|i| Hit {
                claim: i,
                score: self.cosine(i),
            })
            .collect();
        best_k(hits, n)
    }
}

/// The built-in model's embeddings of a query and its cosine ranking.
struct ModelScores<'a> {
    /// The best fact-checks by cosine.
    ranking: Vec<Hit>,
    /// The query's embedding.
    query: Vec<f32>,
    /// The embeddings of its sentences of at least 3 words.
    sentences: Vec<Vec<f32>>,
    /// The fact-checks' embeddings (row-major).
    emb: &'a [f32],
}

impl ModelScores<'_> {
    /// Cosine of fact-check `i` with the query, and the best of that and
    /// its cosines with the query's sentences.
    fn cosines(&self, i: u32) -> (f32, f32) {
        let dim = self.query.len();
        let row = &self.emb[i as usize * dim..(i as usize + 1) * dim];
        let whole = cosine(&self.query, row);
        let best = self
            .sentences
            .iter()
            .map(|s| cosine(s, row))
            .fold(whole, f32::max);
        (whole, best)
    }
}

/// Share of `check`'s content words found in `query`.
fn coverage(query: FeatureRef<'_>, check: FeatureRef<'_>) -> f32 {
    if check.content.is_empty() {
        return 0.0;
    }
    set_similarity(query.content, check.content).shared as f32 / check.content.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Features {
        Features::of(s)
    }

    #[test]
    fn numbers_may_be_added_not_changed() {
        let cfg = MatchConfig::default();
        let check = f("Fire kills 3 people in Osaka");
        let ok = same_claim(
            f("A fire killed 3 people in Osaka on May 5").as_ref(),
            check.as_ref(),
            &cfg,
        );
        assert!(ok.is_ok());
        let bad = same_claim(
            f("A fire killed 30 people in Osaka").as_ref(),
            check.as_ref(),
            &cfg,
        );
        assert_eq!(bad, Err(Mismatch::NumbersDiffer));
    }

    #[test]
    fn coverage_and_length() {
        let cfg = MatchConfig::default();
        let check = f("The senator voted against the climate bill");
        let low = same_claim(
            f("The senator spoke at a dinner").as_ref(),
            check.as_ref(),
            &cfg,
        );
        assert_eq!(low, Err(Mismatch::LowCoverage));
        let short = same_claim(f("Hoax").as_ref(), f("Hoax").as_ref(), &cfg);
        assert_eq!(short, Err(Mismatch::TooShort));
    }

    #[test]
    fn ranks_start_at_one_and_search_all_keeps_order() {
        let idx = FactIndex::new(
            vec![
                FactCheck {
                    id: "a".into(),
                    claim: "Bridge closed for repairs".into(),
                    verdict: String::new(),
                    url: String::new(),
                    date: String::new(),
                },
                FactCheck {
                    id: "b".into(),
                    claim: "River flooded the town".into(),
                    verdict: String::new(),
                    url: String::new(),
                    date: String::new(),
                },
            ],
            MatchConfig::default(),
        );
        let all = idx.search_all(&["the river flooded", "bridge repairs"], 3);
        assert_eq!(all[0][0].check, 1);
        assert_eq!(all[1][0].check, 0);
        assert_eq!(all[0][0].rank, 1);
    }

    /// Three fact-checks on unrelated subjects, ids "0" to "2".
    fn three_checks() -> Vec<FactCheck> {
        [
            "Bridge closed for repairs",
            "River flooded the town",
            "The mayor resigned after the scandal",
        ]
        .iter()
        .enumerate()
        .map(|(i, c)| FactCheck {
            id: i.to_string(),
            claim: c.to_string(),
            verdict: String::new(),
            url: String::new(),
            date: String::new(),
        })
        .collect()
    }

    #[test]
    fn fused_ranking_with_weight_zero_keeps_the_bm25_order() {
        let checks = three_checks();
        let plain = FactIndex::new(checks.clone(), MatchConfig::default());
        let fused = FactIndex::new(checks, MatchConfig::default()).with_semantic(0.0);
        let q = "the river flooded the town again";
        assert_eq!(plain.search(q, 1)[0].check, fused.search(q, 1)[0].check);
        let semantic =
            FactIndex::new(plain.checks().to_vec(), MatchConfig::default()).with_semantic(1.0);
        assert_eq!(
            semantic.search("The mayor stepped down over the scandal", 1)[0].check,
            2
        );
        assert_eq!(
            fused.search(q, 3).len(),
            3,
            "cosine candidates beyond BM25's"
        );
    }

    #[test]
    fn lexical_reranking_scores_grams_of_bm25_candidates_without_model_features() {
        let checks = three_checks();
        let idx =
            FactIndex::new(checks, MatchConfig::default()).with_lexical_reranker(Reranker::LEXICAL);
        let named = |x: &[f32; N_FEATURES], name: &str| {
            x[crate::rerank::FEATURE_NAMES
                .iter()
                .position(|n| *n == name)
                .expect("feature")]
        };
        let q = "Photos of the river flooding the old town";
        let cands = idx.candidate_features(q, &[], &mut Scratch::default());
        assert_eq!(cands.iter().map(|c| c.0).collect::<Vec<_>>(), [1]);
        let x = &cands[0].1;
        assert_eq!(named(x, "bm25_rel"), 1.0);
        assert_eq!(named(x, "gram_rrank"), 1.0);
        assert_eq!(named(x, "gram_bm25_rel"), 1.0);
        for name in ["cosine", "cosine_gap", "sentence_cosine", "cosine_rrank"] {
            assert_eq!(named(x, name), 0.0, "{name}");
        }
        assert_eq!(idx.search(q, 5)[0].check, 1);
        // A glued word shares grams with check 1 but no term: grams only
        // score BM25's candidates, they propose none.
        let glued = "Photos of the riverflood";
        assert!(idx
            .candidate_features(glued, &[], &mut Scratch::default())
            .is_empty());
    }
}
