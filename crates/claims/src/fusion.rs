//! Fact-checks ranked with an embedder's cosine: z-score fusion with the
//! lexical ranking (`match --model DIR`), or the learned re-ranker.
//!
//! [`FusedIndex`] wraps a lexical [`FactIndex`] (BM25 over the
//! fact-checks, with its same-claim rule) and the unit vectors of every
//! fact-check under an [`Embedder`] (typically the accurate tier,
//! all-MiniLM-L6-v2). A query (cleaned as [`FactIndex::search`] cleans it)
//! is embedded; the candidates are the union of the [`FUSION_CANDIDATES`](crate::matcher::FUSION_CANDIDATES)
//! best fact-checks by lexical score and by cosine (every fact-check's
//! cosine is computed: exact search, fine for fact-check collections), each
//! scored `(1 − w)·z(lexical) + w·z(cosine)` with z-scores over the
//! candidates and `w` the weight ([`MODEL_WEIGHT`], chosen on CLEF-2020
//! train; docs/claims.md). A fact-check the lexical ranking does not return
//! scores its lowest score (0 for BM25). Each hit carries the same-claim
//! verdict and coverage of the lexical index, whatever the ranking.
//!
//! [`FusedIndex::with_reranker`] ranks instead with the learned re-ranker
//! ([`crate::rerank`]) over the candidates of BM25, the built-in model and
//! this model, with this model's cosine among the features
//! ([`Reranker::MODEL`], fitted for all-MiniLM-L6-v2).
//!
//! [`Ranking`] is either kind of index behind one `search_all`, for the
//! CLI.
//!
//! ```
//! use std::sync::Arc;
//! use quotecheck_claims::factcheck::FactCheck;
//! use quotecheck_claims::fusion::FusedIndex;
//! use quotecheck_claims::semantic::StaticModel;
//! use quotecheck_claims::{FactIndex, MatchConfig};
//! let check = |id: &str, claim: &str| FactCheck {
//!     id: id.into(), claim: claim.into(), verdict: String::new(),
//!     url: String::new(), date: String::new() };
//! let lexical = FactIndex::new(vec![
//!     check("1", "The mayor resigned after the corruption scandal."),
//!     check("2", "Heavy rain flooded the valley overnight."),
//! ], MatchConfig::default());
//! let fused = FusedIndex::new(lexical, Arc::new(StaticModel::builtin()), 0.5).unwrap();
//! let hits = fused.search_all(&["The mayor stepped down over a scandal"], 1).unwrap();
//! assert_eq!(hits[0][0].check, 0);
//! ```

use std::sync::Arc;

use quotecheck_dedup::verify::{set_similarity, Features};
use rayon::prelude::*;

use crate::bm25::Scratch;
use crate::clean::clean_query;
use crate::embedder::{embed_all, EmbedError, Embedder};
use crate::factcheck::FactCheck;
use crate::matcher::{fusion_candidates, same_claim, FactHit, FactIndex, ModelVectors};
use crate::rerank::{Reranker, N_FEATURES};
use crate::semantic::cosine;

/// Weight of the cosine's z-score in the fused ranking (the lexical score
/// has the rest), chosen on CLEF-2020 train with all-MiniLM-L6-v2
/// (docs/claims.md).
pub const MODEL_WEIGHT: f32 = 0.7;

/// Texts per call of [`Embedder::embed_batch`] when embedding many.
pub const EMBED_BATCH: usize = 64;

/// A lexical fact-check index and the fact-checks' vectors (module
/// documentation).
pub struct FusedIndex {
    index: FactIndex,
    model: Arc<dyn Embedder>,
    vectors: Vec<f32>,
    weight: f32,
}

impl std::fmt::Debug for FusedIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FusedIndex")
            .field("checks", &self.index.checks().len())
            .field("model", &self.model.id())
            .field("weight", &self.weight)
            .finish_non_exhaustive()
    }
}

impl FusedIndex {
    /// Embed every fact-check of `index` with `model` (on the current rayon
    /// pool) and rank with weight `weight` (1 = cosine alone, 0 = lexical).
    pub fn new(
        index: FactIndex,
        model: Arc<dyn Embedder>,
        weight: f32,
    ) -> Result<FusedIndex, EmbedError> {
        let texts: Vec<&str> = index.checks().iter().map(|c| c.claim.as_str()).collect();
        let vectors = embed_all(model.as_ref(), &texts, EMBED_BATCH)?;
        Ok(FusedIndex {
            index,
            model,
            vectors,
            weight,
        })
    }

    /// `index` with vectors already made by `model` (row-major, one per
    /// fact-check, e.g. kept by the claim index); `None` when their number
    /// or dimension does not fit.
    pub fn from_vectors(
        index: FactIndex,
        model: Arc<dyn Embedder>,
        vectors: Vec<f32>,
        weight: f32,
    ) -> Option<FusedIndex> {
        (vectors.len() == index.checks().len() * model.dim()).then_some(FusedIndex {
            index,
            model,
            vectors,
            weight,
        })
    }

    /// The fact-checks' vectors, row-major.
    pub fn vectors(&self) -> &[f32] {
        &self.vectors
    }

    /// Rank with the learned re-ranker instead of the fused score: the
    /// lexical index re-ranks with `reranker` ([`FactIndex::with_reranker`]:
    /// BM25's, the built-in model's and this model's best candidates, the
    /// features of all three; [`Reranker::MODEL`] is fitted for
    /// all-MiniLM-L6-v2).
    pub fn with_reranker(mut self, reranker: Reranker) -> FusedIndex {
        self.index = self.index.with_reranker(reranker);
        self
    }

    /// Take `n` candidates from each ranking for the re-ranker (default
    /// [`crate::matcher::RERANK_CANDIDATES`]).
    pub fn with_rerank_candidates(mut self, n: usize) -> FusedIndex {
        self.index = self.index.with_rerank_candidates(n);
        self
    }

    /// The re-ranker's candidates and features for `query` whose vector
    /// (from [`FusedIndex::embed_queries`]) is `q`; empty without
    /// [`FusedIndex::with_reranker`]. For fitting a re-ranker.
    pub fn candidate_features(
        &self,
        query: &str,
        q: &[f32],
        scratch: &mut Scratch,
    ) -> Vec<(u32, [f32; N_FEATURES])> {
        self.index
            .candidate_features_with(query, &[], scratch, Some(self.model_vectors(q)))
    }

    /// This model's vectors of the query (`q`) and of every fact-check.
    fn model_vectors<'a>(&'a self, q: &'a [f32]) -> ModelVectors<'a> {
        ModelVectors {
            query: q,
            checks: &self.vectors,
        }
    }

    /// The same fact-checks and vectors ranked with another weight.
    pub fn with_weight(mut self, weight: f32) -> FusedIndex {
        self.weight = weight;
        self
    }

    /// The lexical index.
    pub fn lexical(&self) -> &FactIndex {
        &self.index
    }

    /// The fact-checks, in the order given.
    pub fn checks(&self) -> &[FactCheck] {
        self.index.checks()
    }

    /// The embedder.
    pub fn model(&self) -> &dyn Embedder {
        self.model.as_ref()
    }

    /// The `k` best fact-checks for each query, best first (queries
    /// embedded in batches, then ranked in parallel).
    pub fn search_all<S: AsRef<str> + Sync>(
        &self,
        queries: &[S],
        k: usize,
    ) -> Result<Vec<Vec<FactHit>>, EmbedError> {
        let vectors = self.embed_queries(queries)?;
        Ok(self.search_all_embedded(queries, &vectors, k))
    }

    /// The vectors of `queries` as [`FusedIndex::search_all`] embeds them
    /// (cleaned, row-major), to rank them again with
    /// [`FusedIndex::search_all_embedded`] without embedding them again.
    pub fn embed_queries<S: AsRef<str> + Sync>(
        &self,
        queries: &[S],
    ) -> Result<Vec<f32>, EmbedError> {
        let cleaned = clean_all(queries);
        let texts: Vec<&str> = cleaned.iter().map(String::as_str).collect();
        embed_all(self.model.as_ref(), &texts, EMBED_BATCH)
    }

    /// [`FusedIndex::search_all`] with the queries' vectors already made by
    /// [`FusedIndex::embed_queries`] (a vector of zeros for any query
    /// beyond them).
    pub fn search_all_embedded<S: AsRef<str> + Sync>(
        &self,
        queries: &[S],
        vectors: &[f32],
        k: usize,
    ) -> Vec<Vec<FactHit>> {
        let cleaned = clean_all(queries);
        let dim = self.model.dim();
        let zeros = vec![0f32; dim];
        queries
            .par_iter()
            .zip(&cleaned)
            .enumerate()
            .map_init(Scratch::default, |s, (i, (q, c))| {
                let v = vectors.get(i * dim..(i + 1) * dim).unwrap_or(&zeros);
                self.rank(q.as_ref(), c, v, k, &[], s)
            })
            .collect()
    }

    /// The `k` best fact-checks for `query` as if those in `skip` were not
    /// indexed.
    pub fn search_excluding(
        &self,
        query: &str,
        k: usize,
        skip: &[u32],
        scratch: &mut Scratch,
    ) -> Result<Vec<FactHit>, EmbedError> {
        let cleaned = clean_query(query);
        let v = self.model.embed_one(&cleaned)?;
        Ok(self.rank(query, &cleaned, &v, k, skip, scratch))
    }

    /// Rank with the query's vector `q` (`query` raw, `cleaned` cleaned).
    fn rank(
        &self,
        query: &str,
        cleaned: &str,
        q: &[f32],
        k: usize,
        skip: &[u32],
        scratch: &mut Scratch,
    ) -> Vec<FactHit> {
        if self.index.has_reranker() {
            return self
                .index
                .search_with_vectors(query, k, skip, scratch, self.model_vectors(q));
        }
        let n = self.index.checks().len();
        let dim = q.len();
        let lexical_hits = self.index.search_excluding(query, n, skip, scratch);
        let floor = lexical_hits.iter().map(|h| h.score).fold(0f32, f32::min);
        let mut lexical = vec![floor; n];
        let mut judged: Vec<Option<&FactHit>> = vec![None; n];
        for h in &lexical_hits {
            lexical[h.check as usize] = h.score;
            judged[h.check as usize] = Some(h);
        }
        let semantic: Vec<f32> = (0..n)
            .map(|i| cosine(q, &self.vectors[i * dim..(i + 1) * dim]))
            .collect();
        let candidates = fusion_candidates(&lexical, &semantic, skip);
        let stats = |xs: &[f32]| mean_std(candidates.iter().map(|&i| xs[i as usize]));
        let ((lm, ls), (sm, ss)) = (stats(&lexical), stats(&semantic));
        let w = self.weight;
        let mut scored: Vec<(f32, u32)> = candidates
            .iter()
            .map(|&i| {
                let (l, s) = (lexical[i as usize], semantic[i as usize]);
                ((1.0 - w) * (l - lm) / ls + w * (s - sm) / ss, i)
            })
            .collect();
        // Best first; ties by position (deterministic).
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(k);
        let features = Features::of(cleaned);
        scored
            .into_iter()
            .enumerate()
            .map(|(r, (score, i))| {
                let (coverage, same) = match judged[i as usize] {
                    Some(h) => (h.coverage, h.same_claim),
                    None => self.judge(&features, i),
                };
                FactHit {
                    check: i,
                    rank: r as u32 + 1,
                    score,
                    coverage,
                    same_claim: same,
                }
            })
            .collect()
    }

    /// Coverage and same-claim verdict of fact-check `i` for a query the
    /// lexical ranking did not return it for.
    fn judge(&self, query: &Features, i: u32) -> (f32, bool) {
        let check = self.index.features(i).as_ref();
        match same_claim(query.as_ref(), check, self.index.config()) {
            Ok(c) => (c, true),
            Err(_) if check.content.is_empty() => (0.0, false),
            Err(_) => (
                set_similarity(query.as_ref().content, check.content).shared as f32
                    / check.content.len() as f32,
                false,
            ),
        }
    }
}

/// Each query cleaned as [`FactIndex::search`] cleans it.
fn clean_all<S: AsRef<str> + Sync>(queries: &[S]) -> Vec<String> {
    queries
        .par_iter()
        .map(|q| clean_query(q.as_ref()))
        .collect()
}

/// Mean and standard deviation (1 when 0).
fn mean_std(xs: impl Iterator<Item = f32> + Clone) -> (f32, f32) {
    let n = xs.clone().count().max(1) as f32;
    let mean = xs.clone().sum::<f32>() / n;
    let var = xs.map(|x| (x - mean) * (x - mean)).sum::<f32>() / n;
    (mean, if var > 0.0 { var.sqrt() } else { 1.0 })
}

/// A fact-check index as `match` and `report --factchecks` use it: lexical
/// (or the built-in re-ranker, [`FactIndex::with_reranker`]), or fused with
/// a model.
#[derive(Debug)]
pub enum Ranking {
    /// [`FactIndex`] ranks alone.
    Lexical(FactIndex),
    /// [`FusedIndex`].
    Fused(FusedIndex),
}

impl Ranking {
    /// The fact-checks, in the order given.
    pub fn checks(&self) -> &[FactCheck] {
        match self {
            Ranking::Lexical(i) => i.checks(),
            Ranking::Fused(i) => i.checks(),
        }
    }

    /// The `k` best fact-checks for each query.
    pub fn search_all<S: AsRef<str> + Sync>(
        &self,
        queries: &[S],
        k: usize,
    ) -> Result<Vec<Vec<FactHit>>, EmbedError> {
        match self {
            Ranking::Lexical(i) => Ok(i.search_all(queries, k)),
            Ranking::Fused(i) => i.search_all(queries, k),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantic::StaticModel;
    use crate::MatchConfig;

    fn check(id: &str, claim: &str) -> FactCheck {
        FactCheck {
            id: id.into(),
            claim: claim.into(),
            verdict: String::new(),
            url: String::new(),
            date: String::new(),
        }
    }

    fn checks() -> Vec<FactCheck> {
        vec![
            check("a", "The Eiffel Tower will be demolished in 2025."),
            check("b", "Drinking bleach cures the flu."),
            check("c", "The mayor resigned after the corruption scandal."),
            check("d", "Heavy rain flooded the valley overnight."),
        ]
    }

    #[test]
    fn weight_zero_is_the_lexical_order_and_hits_keep_the_rule() {
        let lexical = FactIndex::new(checks(), MatchConfig::default());
        let fused = FusedIndex::new(lexical.clone(), Arc::new(StaticModel::builtin()), 0.0)
            .expect("static");
        let q = "Officials confirmed the Eiffel Tower will be demolished in 2025";
        let a = lexical.search(q, 1);
        let b = fused.search_all(&[q], 1).expect("search");
        assert_eq!(b[0][0].check, a[0].check);
        assert_eq!(
            (b[0][0].same_claim, b[0][0].coverage),
            (a[0].same_claim, a[0].coverage)
        );
    }

    #[test]
    fn the_cosine_finds_what_shares_no_word() {
        let lexical = FactIndex::new(checks(), MatchConfig::default());
        let fused =
            FusedIndex::new(lexical, Arc::new(StaticModel::builtin()), 1.0).expect("static");
        let hits = fused
            .search_all(&["Storms drenched the river basin at night"], 2)
            .expect("search");
        assert_eq!(hits[0][0].check, 3);
        assert!(!hits[0][0].same_claim);
        let mut s = Scratch::default();
        let one = fused
            .search_excluding("Storms drenched the river basin at night", 2, &[3], &mut s)
            .expect("search");
        assert!(one.iter().all(|h| h.check != 3), "skipped");
        assert_eq!(one[0].rank, 1);
    }

    #[test]
    fn the_reranker_takes_the_second_models_candidates_and_features() {
        let lexical = FactIndex::new(checks(), MatchConfig::default());
        let fused = FusedIndex::new(lexical, Arc::new(StaticModel::builtin()), MODEL_WEIGHT)
            .expect("static")
            .with_reranker(Reranker::MODEL);
        let q = "Storms drenched the river basin at night";
        let v = fused.embed_queries(&[q]).expect("embed");
        let feats = fused.candidate_features(q, &v, &mut Scratch::default());
        let at = |name: &str| {
            crate::rerank::FEATURE_NAMES
                .iter()
                .position(|n| *n == name)
                .expect("feature")
        };
        let rain = feats
            .iter()
            .find(|(i, _)| *i == 3)
            .expect("cosine candidate");
        assert!(rain.1[at("model_cosine")] > 0.0);
        assert_eq!(rain.1[at("bm25_rel")], 0.0, "shares no word");
        let hits = fused.search_all(&[q], 2).expect("search");
        assert_eq!(hits[0].len(), 2);
        assert_eq!(hits[0][0].rank, 1);
        let mut s = Scratch::default();
        let one = fused.search_excluding(q, 2, &[3], &mut s).expect("search");
        assert!(one.iter().all(|h| h.check != 3), "skipped");
    }
}
