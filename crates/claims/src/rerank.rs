//! A learned re-ranker for fact-check retrieval: BM25 and the built-in
//! model propose candidates, a logistic score over a few features orders
//! them.
//!
//! For each (query, candidate) pair [`feature_vector`] computes
//! [`N_FEATURES`] numbers ([`FEATURE_NAMES`]): the BM25 score relative to
//! the query's best, the cosine of the built-in embeddings and its distance
//! to the query's best, the share of each side's content words found in the
//! other, agreement of numbers and negation, the share of the candidate's
//! adjacent content-word pairs found in the query, the length ratio, and the
//! reciprocal ranks in the BM25 and cosine rankings. [`Reranker`] is a
//! logistic regression over them, fitted by Newton's method with an L2
//! penalty ([`Reranker::fit`]); [`Reranker::BUILTIN`] holds the weights
//! fitted on CLEF-2020 CheckThat! Task 2 train (docs/claims.md; the example
//! `clef_eval` refits and prints them), [`Reranker::LEXICAL`] those of the
//! model-free re-ranker that `quotecheck match` ranks with by default (its
//! extra features: BM25 over character grams, relative to the query's best,
//! and its reciprocal rank).
//!
//! ```
//! use quotecheck_claims::rerank::{Reranker, N_FEATURES};
//! let xs = vec![[1.0; N_FEATURES], [0.0; N_FEATURES], [0.9; N_FEATURES], [0.1; N_FEATURES]];
//! let model = Reranker::fit(&xs, &[true, false, true, false], 1.0);
//! assert!(model.score(&xs[0]) > model.score(&xs[1]));
//! ```

use quotecheck_dedup::normalize::word_hash;
use quotecheck_dedup::verify::{set_similarity, Features};

use crate::matcher::numbers_agree;
use crate::terms::{term_counts, TermConfig};

/// Number of features of a (query, candidate) pair.
pub const N_FEATURES: usize = 22;

/// Names of the features, in order.
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "bm25_rel",
    "cosine",
    "cosine_gap",
    "coverage",
    "query_coverage",
    "numbers_agree",
    "negation_agree",
    "bigram_coverage",
    "length_ratio",
    "bm25_rrank",
    "cosine_rrank",
    "idf_coverage",
    "idf_query_coverage",
    "entity_coverage",
    "trigram_jaccard",
    "trigram_coverage",
    "sentence_cosine",
    "gram_bm25_rel",
    "gram_rrank",
    "model_cosine",
    "model_cosine_gap",
    "model_rrank",
];

/// What the re-ranker knows of one candidate besides the two texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CandidateScores {
    /// BM25 score (0 when the candidate shares no term with the query).
    pub bm25: f32,
    /// Best BM25 score among the query's candidates.
    pub best_bm25: f32,
    /// Cosine of the two embeddings.
    pub cosine: f32,
    /// Best cosine among the query's candidates.
    pub best_cosine: f32,
    /// Best cosine between the candidate and one sentence of the query.
    pub sentence_cosine: f32,
    /// 1-based rank by BM25 (0 when not ranked).
    pub bm25_rank: u32,
    /// 1-based rank by cosine (0 when not ranked).
    pub cosine_rank: u32,
    /// BM25 score over character grams (0 when not ranked by it).
    pub gram_bm25: f32,
    /// Best character-gram BM25 score among the query's candidates.
    pub best_gram_bm25: f32,
    /// 1-based rank by character-gram BM25 (0 when not ranked).
    pub gram_rank: u32,
    /// Cosine of the two embeddings under a second model (a
    /// sentence-transformer given by `--model`; 0 without one).
    pub model_cosine: f32,
    /// Best such cosine among the query's candidates.
    pub best_model_cosine: f32,
    /// 1-based rank by that cosine (0 when not ranked).
    pub model_rank: u32,
}

/// What the features need of one text besides its [`Features`]: sorted,
/// deduplicated hashes of its adjacent content-word pairs, retrieval terms,
/// named words and character trigrams.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextKeys {
    /// The dedup features (content words, numbers, negations).
    pub features: Features,
    /// Adjacent content-word pairs (from [`Features::sequence`]).
    pub bigrams: Vec<u32>,
    /// Retrieval terms ([`crate::terms`]).
    pub terms: Vec<u64>,
    /// Content hashes of the capitalised words that do not start a
    /// sentence (names, places, organisations).
    pub entities: Vec<u32>,
    /// Hashes of the character trigrams of the lower-cased letters and
    /// digits (words joined by one space).
    pub trigrams: Vec<u32>,
}

impl TextKeys {
    /// The keys of `text`.
    pub fn of(text: &str, terms: &TermConfig) -> TextKeys {
        let features = Features::of(text);
        let mut bigrams: Vec<u32> = features
            .sequence
            .windows(2)
            .map(|w| w[0].wrapping_mul(0x9E37_79B1) ^ w[1].rotate_left(16))
            .collect();
        bigrams.sort_unstable();
        bigrams.dedup();
        let terms = term_counts(text, terms).into_iter().map(|t| t.0).collect();
        let mut names = String::new();
        let mut sentence_start = true;
        for w in text.split(|c: char| c.is_whitespace()) {
            let word = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) {
                names.push_str(word);
                names.push(' ');
            }
            if !word.is_empty() {
                sentence_start = w.ends_with(['.', '!', '?', ':']);
            }
        }
        let entities = Features::of(&names).content;
        let mut flat = String::with_capacity(text.len());
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                flat.push(c);
            } else if !flat.ends_with(' ') {
                flat.push(' ');
            }
        }
        let chars: Vec<usize> = flat
            .char_indices()
            .map(|(i, _)| i)
            .chain([flat.len()])
            .collect();
        let mut trigrams: Vec<u32> = chars
            .windows(4)
            .map(|w| word_hash(&flat[w[0]..w[3]]) as u32)
            .collect();
        trigrams.sort_unstable();
        trigrams.dedup();
        TextKeys {
            features,
            bigrams,
            terms,
            entities,
            trigrams,
        }
    }
}

fn ratio(n: usize, d: usize) -> f32 {
    if d == 0 {
        0.0
    } else {
        n as f32 / d as f32
    }
}

/// Σ `idf` over the terms of `a` that are (with `both`) or are not also in
/// `b` (sorted slices).
fn idf_sums(a: &[u64], b: &[u64], idf: &impl Fn(u64) -> f32) -> (f32, f32) {
    let (mut all, mut both) = (0.0, 0.0);
    for &t in a {
        let w = idf(t);
        all += w;
        if b.binary_search(&t).is_ok() {
            both += w;
        }
    }
    (both, all)
}

/// The features of a query and a candidate (see [`FEATURE_NAMES`]); `idf`
/// gives a retrieval term's inverse document frequency in the collection.
pub fn feature_vector(
    q: &TextKeys,
    c: &TextKeys,
    s: &CandidateScores,
    idf: impl Fn(u64) -> f32,
) -> [f32; N_FEATURES] {
    let (query, check) = (&q.features, &c.features);
    let (query_bigrams, check_bigrams) = (&q.bigrams, &c.bigrams);
    let sim = set_similarity(&query.content, &check.content);
    let (c_both, c_all) = idf_sums(&c.terms, &q.terms, &idf);
    let (q_both, q_all) = idf_sums(&q.terms, &c.terms, &idf);
    let tri = set_similarity(&q.trigrams, &c.trigrams);
    let rrank = |r: u32| if r == 0 { 0.0 } else { 1.0 / r as f32 };
    let len_q = query.content.len().max(1) as f32;
    let len_c = check.content.len().max(1) as f32;
    [
        if s.best_bm25 > 0.0 {
            s.bm25 / s.best_bm25
        } else {
            0.0
        },
        s.cosine,
        s.cosine - s.best_cosine,
        ratio(sim.shared as usize, check.content.len()),
        ratio(sim.shared as usize, query.content.len()),
        f32::from(u8::from(numbers_agree(&query.numbers, &check.numbers))),
        f32::from(u8::from(query.negations == check.negations)),
        ratio(
            set_similarity(query_bigrams, check_bigrams).shared as usize,
            check_bigrams.len(),
        ),
        -(len_q / len_c).ln().abs(),
        rrank(s.bm25_rank),
        rrank(s.cosine_rank),
        if c_all > 0.0 { c_both / c_all } else { 0.0 },
        if q_all > 0.0 { q_both / q_all } else { 0.0 },
        ratio(
            set_similarity(&c.entities, &query.content).shared as usize,
            c.entities.len(),
        ),
        tri.jaccard,
        ratio(tri.shared as usize, c.trigrams.len()),
        s.sentence_cosine,
        if s.best_gram_bm25 > 0.0 {
            s.gram_bm25 / s.best_gram_bm25
        } else {
            0.0
        },
        rrank(s.gram_rank),
        s.model_cosine,
        s.model_cosine - s.best_model_cosine,
        rrank(s.model_rank),
    ]
}

/// BM25 candidates of the lexical re-ranker (the best of 20, 40 and 60 on
/// CLEF-2020 train).
pub const LEXICAL_CANDIDATES: usize = 40;

/// The L2 penalty of the shipped fit (the best of 0.01, 0.1, 1 and 10 on
/// CLEF-2020 train).
pub const RERANK_L2: f64 = 0.1;

/// A logistic regression over the features: `score = bias + Σ wᵢ·xᵢ`
/// (the log-odds that the candidate is the query's claim).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reranker {
    /// One weight per feature.
    pub weights: [f32; N_FEATURES],
    /// The intercept.
    pub bias: f32,
}

impl Reranker {
    /// The weights fitted pairwise on CLEF-2020 Task 2 train (800 tweets,
    /// [`RERANK_L2`]), as printed by `QC_FIT=1 cargo run --release -p
    /// quotecheck-claims --example clef_eval`.
    pub const BUILTIN: Reranker = Reranker {
        weights: [
            8.381938e-2,   // bm25_rel
            1.5367883e0,   // cosine
            1.5367897e0,   // cosine_gap
            -9.32447e0,    // coverage
            -6.6989166e-1, // query_coverage
            5.3788424e-2,  // numbers_agree
            -1.0919847e0,  // negation_agree
            5.6265073e0,   // bigram_coverage
            -5.867187e-1,  // length_ratio
            1.8555052e0,   // bm25_rrank
            1.3389183e0,   // cosine_rrank
            7.6098814e0,   // idf_coverage
            1.6844543e1,   // idf_query_coverage
            -1.7800961e-1, // entity_coverage
            1.3769733e1,   // trigram_jaccard
            2.0497727e0,   // trigram_coverage
            5.812058e0,    // sentence_cosine
            0e0,           // gram_bm25_rel (not used with the model)
            0e0,           // gram_rrank
            0e0,           // model_cosine
            0e0,           // model_cosine_gap
            0e0,           // model_rrank
        ],
        bias: 0.0,
    };

    /// The weights of the lexical re-ranker ([`crate::matcher::FactIndex::with_lexical_reranker`],
    /// the default ranking of `quotecheck match`): fitted pairwise on
    /// CLEF-2020 Task 2 train over BM25's [`LEXICAL_CANDIDATES`] best, model
    /// features 0 ([`RERANK_L2`]), as printed by `QC_RANKING=fit
    /// QC_LEXICAL=1 QC_CANDIDATES=40 cargo run --release -p
    /// quotecheck-claims --example clef_eval`.
    pub const LEXICAL: Reranker = Reranker {
        weights: [
            3.7091413e0,   // bm25_rel
            0e0,           // cosine
            0e0,           // cosine_gap
            -1.2545871e1,  // coverage
            4.2063713e0,   // query_coverage
            -1.0525631e-1, // numbers_agree
            -6.398262e-1,  // negation_agree
            2.2256393e0,   // bigram_coverage
            -1.0123937e0,  // length_ratio
            1.7931858e0,   // bm25_rrank
            0e0,           // cosine_rrank
            3.7777126e0,   // idf_coverage
            6.663335e0,    // idf_query_coverage
            4.5412302e-1,  // entity_coverage
            7.5357776e0,   // trigram_jaccard
            3.2381542e0,   // trigram_coverage
            0e0,           // sentence_cosine
            4.885637e0,    // gram_bm25_rel
            -4.7159508e-1, // gram_rrank
            0e0,           // model_cosine
            0e0,           // model_cosine_gap
            0e0,           // model_rrank
        ],
        bias: 0.0,
    };

    /// The weights of the re-ranker with a sentence-transformer
    /// ([`crate::fusion::FusedIndex::with_reranker`], `quotecheck match
    /// --model DIR`): fitted pairwise on CLEF-2020 Task 2 train with
    /// all-MiniLM-L6-v2 over the [`crate::matcher::RERANK_CANDIDATES`] best
    /// of BM25, the built-in model and all-MiniLM-L6-v2 ([`RERANK_L2`]),
    /// as printed by `QC_RANKING=fit QUOTECHECK_MODEL=DIR cargo run
    /// --release -p quotecheck-claims --example clef_model`.
    pub const MODEL: Reranker = Reranker {
        weights: [
            -5.3760165e-1, // bm25_rel
            -3.9895925e-1, // cosine
            -3.98957e-1,   // cosine_gap
            -3.8153174e0,  // coverage
            -3.7378507e0,  // query_coverage
            5.043955e-1,   // numbers_agree
            1.4393939e-1,  // negation_agree
            6.745717e0,    // bigram_coverage
            4.2858246e-1,  // length_ratio
            1.5919868e0,   // bm25_rrank
            5.151119e-1,   // cosine_rrank
            1.4951887e0,   // idf_coverage
            6.9746237e0,   // idf_query_coverage
            4.0205006e-2,  // entity_coverage
            2.5442376e0,   // trigram_jaccard
            -9.912495e-2,  // trigram_coverage
            9.58566e-1,    // sentence_cosine
            5.0792947e0,   // gram_bm25_rel
            -4.5380767e-2, // gram_rrank
            9.709643e0,    // model_cosine
            9.709643e0,    // model_cosine_gap
            6.240408e-1,   // model_rrank
        ],
        bias: 0.0,
    };

    /// The log-odds score of a feature vector.
    pub fn score(&self, x: &[f32; N_FEATURES]) -> f32 {
        self.bias + self.weights.iter().zip(x).map(|(w, x)| w * x).sum::<f32>()
    }

    /// Fit a pairwise (RankNet-style) model: for every query, each
    /// (relevant, irrelevant) pair of its candidates gives the difference
    /// of their feature vectors, labelled true, and its negation, labelled
    /// false; [`Reranker::fit`] over those (the bias, 0 up to rounding, is
    /// set to 0: only differences within a query matter). Each
    /// element of `queries` holds one query's candidates and labels.
    pub fn fit_pairwise(queries: &[(Vec<[f32; N_FEATURES]>, Vec<bool>)], l2: f64) -> Reranker {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for (qx, qy) in queries {
            for (a, _) in qx.iter().zip(qy).filter(|p| *p.1) {
                for (b, _) in qx.iter().zip(qy).filter(|p| !*p.1) {
                    let mut d = [0f32; N_FEATURES];
                    for k in 0..N_FEATURES {
                        d[k] = a[k] - b[k];
                    }
                    xs.push(d);
                    ys.push(true);
                    xs.push(d.map(|v| -v));
                    ys.push(false);
                }
            }
        }
        Reranker {
            bias: 0.0,
            ..Reranker::fit(&xs, &ys, l2)
        }
    }

    /// Fit by Newton's method (iteratively reweighted least squares) with
    /// the L2 penalty `l2·|w|²/2` on the weights (not the bias): at most 50
    /// steps, stopping when the largest change is below 1e-6. Deterministic.
    pub fn fit(xs: &[[f32; N_FEATURES]], ys: &[bool], l2: f64) -> Reranker {
        let (weights, bias) = fit_logistic(xs, ys, l2);
        Reranker { weights, bias }
    }
}

/// Logistic regression over `N` features fitted by Newton's method
/// (iteratively reweighted least squares) with the L2 penalty `l2·|w|²/2`
/// on the weights (not the bias): at most 50 steps, stopping when the
/// largest change is below 1e-6. Deterministic. Returns the weights and
/// the bias.
pub fn fit_logistic<const N: usize>(xs: &[[f32; N]], ys: &[bool], l2: f64) -> ([f32; N], f32) {
    let d = N + 1;
    let mut beta = vec![0f64; d];
    let row = |x: &[f32; N]| {
        let mut r = vec![1f64; d];
        for (k, v) in x.iter().enumerate() {
            r[k + 1] = f64::from(*v);
        }
        r
    };
    for _ in 0..50 {
        let mut grad = vec![0f64; d];
        let mut hess = vec![vec![0f64; d]; d];
        for (x, &y) in xs.iter().zip(ys) {
            let r = row(x);
            let z: f64 = r.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - f64::from(u8::from(y));
            let w = (p * (1.0 - p)).max(1e-9);
            for i in 0..d {
                grad[i] += err * r[i];
                for j in 0..d {
                    hess[i][j] += w * r[i] * r[j];
                }
            }
        }
        for i in 1..d {
            grad[i] += l2 * beta[i];
            hess[i][i] += l2;
        }
        hess[0][0] += 1e-9;
        let Some(step) = solve(hess, grad) else {
            break;
        };
        let mut change = 0f64;
        for i in 0..d {
            beta[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-6 {
            break;
        }
    }
    let mut weights = [0f32; N];
    for (w, b) in weights.iter_mut().zip(&beta[1..]) {
        *w = *b as f32;
    }
    (weights, beta[0] as f32)
}

/// Solve `a·x = b` by Gaussian elimination with partial pivoting (`None`
/// when `a` is singular).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let d = b.len();
    for col in 0..d {
        let pivot = (col..d).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let pivot_row = a[col].clone();
        for r in col + 1..d {
            let f = a[r][col] / pivot_row[col];
            for (x, p) in a[r][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = vec![0f64; d];
    for r in (0..d).rev() {
        let s: f64 = (r + 1..d).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solve_a_small_system() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).expect("solvable");
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
        assert!(solve(vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![1.0, 2.0]).is_none());
    }

    #[test]
    fn fit_recovers_the_informative_feature() {
        // Label = feature 3 > 0.5; the other features are noise.
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f32 / (1u64 << 31) as f32
        };
        for _ in 0..400 {
            let mut x = [0f32; N_FEATURES];
            x.iter_mut().for_each(|v| *v = next());
            ys.push(x[3] > 0.5);
            xs.push(x);
        }
        let m = Reranker::fit(&xs, &ys, 0.1);
        let strongest = (0..N_FEATURES)
            .max_by(|&a, &b| m.weights[a].abs().total_cmp(&m.weights[b].abs()))
            .expect("features");
        assert_eq!(strongest, 3);
        let right = xs
            .iter()
            .zip(&ys)
            .filter(|(x, y)| (m.score(x) > 0.0) == **y)
            .count();
        assert!(right >= 380, "{right} of 400");
    }

    #[test]
    fn pairwise_fit_orders_within_each_query() {
        // Relevance follows feature 0 within a query, while feature 1 only
        // shifts whole queries (it must get no weight worth having).
        let mut queries = Vec::new();
        for q in 0..20 {
            let shift = q as f32;
            let mut xs = Vec::new();
            let mut ys = Vec::new();
            for c in 0..5 {
                let mut x = [0f32; N_FEATURES];
                x[0] = c as f32 / 4.0;
                x[1] = shift;
                xs.push(x);
                ys.push(c == 4);
            }
            queries.push((xs, ys));
        }
        let m = Reranker::fit_pairwise(&queries, 0.1);
        assert!(m.weights[0] > 1.0, "{:?}", m.weights);
        assert!(m.weights[1].abs() < 1e-3);
        assert_eq!(m.bias, 0.0);
    }

    #[test]
    fn features_of_a_paraphrase_and_a_stranger() {
        let keys = |t: &str| TextKeys::of(t, &TermConfig::default());
        let q = keys("Officials said 3 bridges were closed in Osaka");
        let same = keys("Three bridges closed in Osaka");
        let other = keys("The mayor resigned in Kyoto");
        let s = CandidateScores {
            bm25: 5.0,
            best_bm25: 5.0,
            cosine: 0.8,
            best_cosine: 0.8,
            sentence_cosine: 0.8,
            bm25_rank: 1,
            cosine_rank: 1,
            gram_bm25: 2.0,
            best_gram_bm25: 4.0,
            gram_rank: 2,
            model_cosine: 0.6,
            best_model_cosine: 0.7,
            model_rank: 4,
        };
        let idf = |_| 1.0;
        let a = feature_vector(&q, &same, &s, idf);
        let b = feature_vector(&q, &other, &s, idf);
        assert_eq!(a[3], 1.0, "every content word of the check is in the query");
        assert_eq!(a[5], 1.0);
        assert!(a[7] > 0.0 && b[7] == 0.0);
        assert_eq!(b[3], 0.0);
        assert_eq!(b[5], 1.0, "a number may be added");
        let changed = keys("30 bridges closed in Osaka");
        let c = feature_vector(&q, &changed, &s, idf);
        assert_eq!(c[5], 0.0, "a number changed");
        assert_eq!(a[11], 1.0, "idf coverage");
        assert_eq!(q.entities.len(), 1, "Osaka; not the first word");
        assert_eq!(a[13], 1.0);
        assert_eq!(b[13], 0.0);
        assert!(a[14] > b[14]);
        assert_eq!((a[17], a[18]), (0.5, 0.5), "gram BM25 relative, 1/rank");
        assert_eq!(a[19], 0.6, "the second model's cosine");
        assert!((a[20] + 0.1).abs() < 1e-6, "minus the best");
        assert_eq!(a[21], 0.25, "1/rank");
    }
}
