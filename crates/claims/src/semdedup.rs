//! `quotecheck dedup --semantic`: the built-in model's links for the dedup
//! engine ([`quotecheck_dedup::LinkHook`]).
//!
//! [`SemanticLinks`] embeds every claim once with the built-in model
//! (potion-base-8M, [`crate::semantic`]), keeps the unit vectors as int8
//! (one scale per claim: 256 bytes a claim), and proposes pairs of claims
//! of different documents whose cosine reaches
//! [`SemanticConfig::threshold`]. Candidates are never
//! all pairs: each claim is put in the buckets of its
//! [`SemanticConfig::rare_terms`] rarest content words (by document
//! frequency in the run), and the claims of one bucket are compared (a
//! bucket larger than [`SemanticConfig::max_bucket`] pairs each claim with
//! its next few only, as the dedup stage's LSH does). Reworded claims keep
//! their rare words — names, places, numbers — and change the common ones.
//!
//! The engine applies the number and negation gates and verifies each
//! member against its cluster's canonical claim with
//! [`SemanticLinks::verify`](quotecheck_dedup::LinkHook::verify) (the same
//! cosine rule), so links never chain (`quotecheck_dedup::links`).
//!
//! ```
//! use quotecheck_claims::semdedup::{SemanticConfig, SemanticLinks};
//! use quotecheck_dedup::{claim::Claim, DedupConfig, Deduper, Reason};
//!
//! let mut dd = Deduper::new(DedupConfig::default());
//! dd.add_claims("a", &[Claim::whole("a", "Police arrested two men in Leeds on Friday after a stabbing outside a nightclub.")]);
//! dd.add_claims("b", &[Claim::whole("b", "Two men were detained by Leeds police on Friday following a nightclub stabbing.")]);
//! dd.add_claims("c", &[Claim::whole("c", "Police did not arrest two men in Leeds on Friday after a stabbing outside a nightclub.")]);
//! let report = dd.finish_with(&mut SemanticLinks::new(SemanticConfig::default()));
//! assert_eq!(report.clusters.len(), 1);
//! let members = &report.clusters[0].members;
//! assert_eq!((members.len(), members[1].reason), (2, Reason::Semantic)); // c: negation
//! assert!(members[1].similarity > 0.9); // the cosine
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use quotecheck_dedup::lsh::{bucket_pairs, unpack_pair};
use quotecheck_dedup::{HookClaim, LinkHook};
use rayon::prelude::*;

use crate::embedder::{embed_all, Embedder};
use crate::semantic::{StaticModel, WordCache};

/// Settings of [`SemanticLinks`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SemanticConfig {
    /// Minimum cosine of the built-in embeddings (default
    /// [`DEDUP_COSINE`]).
    pub threshold: f32,
    /// Rarest content words per claim that make its candidate buckets
    /// (default 3).
    pub rare_terms: usize,
    /// Buckets larger than this pair each claim with its next few only
    /// (default 64, as the LSH stage).
    pub max_bucket: usize,
}

/// Cosine threshold of `dedup --semantic`, calibrated on MRPC train
/// through the dedup engine (docs/claims.md, example `mrpc_dedup`).
pub const DEDUP_COSINE: f32 = 0.84;

/// Cosine threshold of `dedup --semantic` with all-MiniLM-L6-v2
/// (`--model`), calibrated on MRPC train as [`DEDUP_COSINE`]
/// (docs/claims.md).
pub const MODEL_DEDUP_COSINE: f32 = 0.88;

impl SemanticConfig {
    /// The defaults with a sentence-transformer's threshold
    /// ([`MODEL_DEDUP_COSINE`]).
    pub fn for_model() -> SemanticConfig {
        SemanticConfig {
            threshold: MODEL_DEDUP_COSINE,
            ..SemanticConfig::default()
        }
    }
}

impl Default for SemanticConfig {
    fn default() -> Self {
        SemanticConfig {
            threshold: DEDUP_COSINE,
            rare_terms: 3,
            max_bucket: 64,
        }
    }
}

/// Embeddings of a run's claims and the semantic rule over them.
#[derive(Clone)]
pub struct SemanticLinks {
    config: SemanticConfig,
    /// The model, when not the built-in one.
    model: Option<Arc<dyn Embedder>>,
    dim: usize,
    /// `dim` int8 components per claim.
    vectors: Vec<i8>,
    /// Per claim: the factor that turns the int8 dot product into a cosine.
    scales: Vec<f32>,
    /// Per claim: its document.
    docs: Vec<u32>,
    /// Candidate pairs compared in the last run.
    candidates: usize,
    /// Whether to keep the float vectors ([`SemanticLinks::keeping_vectors`]).
    keep: bool,
    /// The float vectors kept by the last run.
    kept: Option<TextVectors>,
}

/// The float vectors of a run's claims by claim text, as [`SemanticLinks`]
/// computed them ([`SemanticLinks::keeping_vectors`]): the claim index
/// (`report --index`) looks its claims up here instead of embedding them
/// again, so each claim is embedded once per run.
#[derive(Debug, Clone, Default)]
pub struct TextVectors {
    model: String,
    dim: usize,
    /// Row of each distinct text in `rows`.
    rows_of: HashMap<String, u32>,
    rows: Vec<f32>,
}

impl TextVectors {
    /// The model id ([`Embedder::id`]) the vectors are of.
    pub fn model(&self) -> &str {
        &self.model
    }

    /// The vector of `text`, when a claim with exactly that text was
    /// embedded.
    pub fn get(&self, text: &str) -> Option<&[f32]> {
        let &r = self.rows_of.get(text)?;
        self.rows
            .get(r as usize * self.dim..(r as usize + 1) * self.dim)
    }

    /// Distinct texts kept.
    pub fn len(&self) -> usize {
        self.rows_of.len()
    }

    /// Whether no text is kept.
    pub fn is_empty(&self) -> bool {
        self.rows_of.is_empty()
    }
}

impl SemanticLinks {
    /// An empty hook with `config` (the embeddings are made by
    /// [`LinkHook::links`]).
    pub fn new(config: SemanticConfig) -> SemanticLinks {
        SemanticLinks {
            config,
            model: None,
            dim: StaticModel::builtin().dim(),
            vectors: Vec::new(),
            scales: Vec::new(),
            docs: Vec::new(),
            candidates: 0,
            keep: false,
            kept: None,
        }
    }

    /// Also keep the float vectors of the claims (each distinct text once)
    /// for [`SemanticLinks::take_vectors`]: the claim index reuses them.
    pub fn keeping_vectors(mut self) -> SemanticLinks {
        self.keep = true;
        self
    }

    /// The float vectors kept by the last [`LinkHook::links`] (none unless
    /// [`SemanticLinks::keeping_vectors`]).
    pub fn take_vectors(&mut self) -> Option<TextVectors> {
        self.kept.take()
    }

    /// An empty hook embedding with `model` (e.g. all-MiniLM-L6-v2, with
    /// [`SemanticConfig::for_model`]) instead of the built-in model; the
    /// vectors are kept as int8 all the same.
    pub fn with_model(config: SemanticConfig, model: Arc<dyn Embedder>) -> SemanticLinks {
        SemanticLinks {
            dim: model.dim(),
            model: Some(model),
            ..SemanticLinks::new(config)
        }
    }

    /// Candidate pairs compared by the last [`LinkHook::links`].
    pub fn candidates(&self) -> usize {
        self.candidates
    }

    /// The cosine of two claims' embeddings (0 when either has none).
    pub fn cosine(&self, a: u32, b: u32) -> f32 {
        let (a, b) = (a as usize, b as usize);
        let (Some(&sa), Some(&sb)) = (self.scales.get(a), self.scales.get(b)) else {
            return 0.0;
        };
        let d = self.dim;
        let dot: i32 = self.vectors[a * d..(a + 1) * d]
            .iter()
            .zip(&self.vectors[b * d..(b + 1) * d])
            .map(|(&x, &y)| i32::from(x) * i32::from(y))
            .sum();
        dot as f32 * sa * sb
    }

    fn embed_all(&mut self, claims: &[HookClaim<'_>]) {
        let d = self.dim;
        if let Some(model) = &self.model {
            let texts: Vec<&str> = claims.iter().map(|c| c.text).collect();
            // A model that loaded does not fail on text; should it, the
            // claims get no vector and so no semantic link.
            let rows = embed_all(model.as_ref(), &texts, 64).unwrap_or_default();
            let mut vectors = vec![0i8; claims.len() * d];
            self.scales = vectors
                .par_chunks_mut(d)
                .zip(rows.par_chunks(d))
                .map(|(out, v)| quantize(v, out))
                .collect();
            self.vectors = vectors;
            if self.keep {
                // The first row of each text (the batches, and so the
                // vectors, are those of a run that keeps none).
                let mut rows_of: HashMap<String, u32> = HashMap::new();
                let mut kept = Vec::new();
                for (c, v) in claims.iter().zip(rows.chunks_exact(d.max(1))) {
                    if !rows_of.contains_key(c.text) {
                        rows_of.insert(c.text.to_string(), rows_of.len() as u32);
                        kept.extend_from_slice(v);
                    }
                }
                self.kept = Some(TextVectors {
                    model: model.id().to_string(),
                    dim: d,
                    rows_of,
                    rows: kept,
                });
            }
            return;
        }
        let model = StaticModel::builtin();
        if !self.keep {
            let mut vectors = vec![0i8; claims.len() * d];
            let scales: Vec<f32> = vectors
                .par_chunks_mut(d)
                .zip(claims)
                .map_init(WordCache::default, |cache, (out, c)| {
                    quantize(&model.embed_with(c.text, cache), out)
                })
                .collect();
            self.vectors = vectors;
            self.scales = scales;
            return;
        }
        // Keeping the float vectors: each distinct text embedded once (the
        // static model gives a text the same vector wherever it is).
        let mut rows_of: HashMap<&str, u32> = HashMap::new();
        let mut texts: Vec<&str> = Vec::new();
        let row: Vec<u32> = claims
            .iter()
            .map(|c| {
                *rows_of.entry(c.text).or_insert_with(|| {
                    texts.push(c.text);
                    texts.len() as u32 - 1
                })
            })
            .collect();
        let mut rows = vec![0f32; texts.len() * d];
        rows.par_chunks_mut(d)
            .zip(&texts)
            .for_each_init(WordCache::default, |cache, (out, t)| {
                out.copy_from_slice(&model.embed_with(t, cache))
            });
        let mut vectors = vec![0i8; claims.len() * d];
        self.scales = vectors
            .par_chunks_mut(d)
            .zip(&row)
            .map(|(out, &r)| quantize(&rows[r as usize * d..][..d], out))
            .collect();
        self.vectors = vectors;
        self.kept = Some(TextVectors {
            model: Embedder::id(model).to_string(),
            dim: d,
            rows_of: rows_of
                .into_iter()
                .map(|(t, r)| (t.to_string(), r))
                .collect(),
            rows,
        });
    }

    /// Candidate pairs: claims sharing one of their rarest content words.
    fn candidate_pairs(&self, claims: &[HookClaim<'_>]) -> Vec<u64> {
        let mut df: HashMap<u32, u32> = HashMap::new();
        for c in claims {
            for &t in c.features.content {
                *df.entry(t).or_insert(0) += 1;
            }
        }
        let k = self.config.rare_terms;
        let mut entries: Vec<u64> = claims
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, c)| {
                let mut terms: Vec<(u32, u32)> = c
                    .features
                    .content
                    .iter()
                    .map(|&t| (df.get(&t).copied().unwrap_or(0), t))
                    .filter(|x| x.0 > 1)
                    .collect();
                terms.sort_unstable();
                terms.truncate(k);
                terms
                    .into_iter()
                    .map(move |(_, t)| (u64::from(t) << 32) | i as u64)
            })
            .collect();
        drop(df);
        let mut pairs = Vec::new();
        bucket_pairs(&mut entries, self.config.max_bucket, &mut pairs);
        drop(entries);
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// Quantise a unit vector to int8 (largest component ±127); returns the
/// scale (0 for a zero vector).
fn quantize(v: &[f32], out: &mut [i8]) -> f32 {
    let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return 0.0;
    }
    for (o, x) in out.iter_mut().zip(v) {
        *o = (x / max * 127.0).round() as i8;
    }
    max / 127.0
}

impl std::fmt::Debug for SemanticLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SemanticLinks")
            .field("config", &self.config)
            .field("model", &self.model.as_ref().map(|m| m.id().to_string()))
            .field("claims", &self.scales.len())
            .finish_non_exhaustive()
    }
}

impl LinkHook for SemanticLinks {
    fn links(&mut self, claims: &[HookClaim<'_>]) -> Vec<(u32, u32, f32)> {
        self.embed_all(claims);
        self.docs = claims.iter().map(|c| c.doc).collect();
        let pairs = self.candidate_pairs(claims);
        self.candidates = pairs.len();
        pairs
            .par_iter()
            .filter_map(|&p| {
                let (a, b) = unpack_pair(p);
                self.verify(a, b).map(|cos| (a, b, cos))
            })
            .collect()
    }

    fn verify(&self, canonical: u32, member: u32) -> Option<f32> {
        if self.docs.get(canonical as usize) == self.docs.get(member as usize) {
            return None;
        }
        let cos = self.cosine(canonical, member);
        (cos >= self.config.threshold).then_some(cos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantised_cosine_is_close_to_the_float_one() {
        let model = StaticModel::builtin();
        let (a, b) = (
            model.embed("Police arrested two men in Leeds on Friday."),
            model.embed("Two men were detained by police in Leeds."),
        );
        let mut links = SemanticLinks::new(SemanticConfig::default());
        let d = links.dim;
        let mut v = vec![0i8; 2 * d];
        let sa = quantize(&a, &mut v[..d]);
        let sb = quantize(&b, &mut v[d..]);
        links.vectors = v;
        links.scales = vec![sa, sb];
        let exact = crate::semantic::cosine(&a, &b);
        assert!((links.cosine(0, 1) - exact).abs() < 0.01, "{exact}");
        assert_eq!(links.cosine(0, 7), 0.0);
    }
}
