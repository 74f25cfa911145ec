//! The streaming deduplicator: feed claims document by document, then
//! [`Deduper::finish`] into a deterministic [`DedupReport`].

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use quotecheck_core::{Analysis, Document, QuoteKind};

use crate::claim::{claims_from, Claim, ClaimKind};
use crate::cluster::{groups, UnionFind};
use crate::links::LinkHook;
use crate::lsh::{band_keys_into, bucket_pairs, unpack_pair};
use crate::minhash::MinHasher;
use crate::record::{
    AlteredRecord, ClaimRef, Cluster, DedupStats, DuplicateRecord, Member, MisquoteKind,
    MisquoteRecord, Reason,
};
use crate::shingle::shingles_into;
use crate::verify::{
    mix_exact, set_similarity, verify, FeatureRef, Features, Rejection, Similarity, VerifyConfig,
};

/// Settings of the deduplicator. All fields have documented defaults; the
/// struct deserialises from partial JSON/TOML.
///
/// ```
/// use quotecheck_dedup::DedupConfig;
/// let cfg = DedupConfig::default();
/// assert_eq!((cfg.bands, cfg.rows, cfg.shingle_size), (40, 5, 1));
/// assert_eq!(cfg.num_hashes(), 200);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DedupConfig {
    /// LSH bands (default 40).
    pub bands: usize,
    /// MinHash values per band (default 5). The signature has
    /// `bands × rows` values.
    pub rows: usize,
    /// Words per shingle (default 1; see [`crate::shingle`]).
    pub shingle_size: usize,
    /// Seed of the MinHash functions (default 0x5eed). Results do not depend
    /// on it except through LSH misses.
    pub seed: u64,
    /// Buckets larger than this are paired sparsely (default 64; see
    /// [`crate::lsh`]).
    pub max_bucket: usize,
    /// The near-duplicate rule.
    pub verify: VerifyConfig,
    /// Minimum word similarity of a misquote (default 0.6).
    pub misquote_min_similarity: f32,
    /// Minimum word similarity of a misquote whose change is other words
    /// (not a negation or a number; default 0.75): below it, two quotes are
    /// two remarks or a loose paraphrase.
    pub misquote_words_min_similarity: f32,
    /// Minimum words in each quote of a misquote (default 4).
    pub misquote_min_words: usize,
    /// Minimum word similarity of a conflicting attribution that is neither
    /// exact nor a verified near duplicate (default 0.85).
    pub conflict_min_similarity: f32,
    /// Keep the text of every claim so that the report can show it (default
    /// true). When false only quotes keep their text, memory depends only on
    /// the number of claims, and [`DedupReport::fill_text`] adds the text
    /// afterwards.
    pub keep_text: bool,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            bands: 40,
            rows: 5,
            shingle_size: 1,
            seed: 0x5eed,
            max_bucket: 64,
            verify: VerifyConfig::default(),
            misquote_min_similarity: 0.6,
            misquote_words_min_similarity: 0.75,
            misquote_min_words: 4,
            conflict_min_similarity: 0.85,
            keep_text: true,
        }
    }
}

impl DedupConfig {
    /// Signature length `bands × rows`.
    pub fn num_hashes(&self) -> usize {
        self.bands * self.rows.max(1)
    }
}

const NO_BANDS: u32 = u32::MAX;

/// Content tokens per claim that [`Deduper::reserve`] plans for (news
/// sentences have 8–20).
const CONTENT_PER_CLAIM: usize = 16;

/// Offsets are stored as `u32` (documents up to 4 GiB).
fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}
pub(crate) const NO_SPEAKER: u32 = u32::MAX;

/// Compact per-claim data kept until [`Deduper::finish`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub(crate) doc: u32,
    pub(crate) kind: ClaimKind,
    /// A direct quote (or a quote of unknown kind fed through the API).
    pub(crate) direct: bool,
    negations: u32,
    pub(crate) byte_start: u32,
    pub(crate) byte_end: u32,
    pub(crate) char_start: u32,
    pub(crate) char_end: u32,
    pub(crate) exact: u64,
    content: (u32, u32),
    numbers: (u32, u32),
    bands: u32,
    text: (usize, u32),
    norm: (usize, u32),
    pub(crate) speaker: u32,
}

/// Arenas of compact claim data (per document, or for the whole run).
#[derive(Debug, Clone, Default)]
pub(crate) struct Store {
    pub(crate) metas: Vec<Meta>,
    content: Vec<u32>,
    numbers: Vec<u32>,
    bands: Vec<u32>,
    text: String,
    norm: String,
    speakers: Vec<String>,
}

fn range(v: &[u32], r: (u32, u32)) -> &[u32] {
    &v[r.0 as usize..(r.0 + r.1) as usize]
}

impl Store {
    fn features(&self, m: &Meta) -> FeatureRef<'_> {
        FeatureRef {
            content: range(&self.content, m.content),
            numbers: range(&self.numbers, m.numbers),
            negations: m.negations,
        }
    }

    pub(crate) fn text(&self, m: &Meta) -> &str {
        self.text
            .get(m.text.0..m.text.0 + m.text.1 as usize)
            .unwrap_or("")
    }

    pub(crate) fn norm(&self, m: &Meta) -> &str {
        self.norm
            .get(m.norm.0..m.norm.0 + m.norm.1 as usize)
            .unwrap_or("")
    }

    pub(crate) fn speaker(&self, m: &Meta) -> Option<&str> {
        self.speakers.get(m.speaker as usize).map(String::as_str)
    }
}

/// The compact sketch of one document's claims, made by
/// [`Deduper::sketch`] (which may run in parallel) and consumed by
/// [`Deduper::push`].
#[derive(Debug, Clone)]
pub struct DocSketch {
    doc_id: String,
    fingerprint: u64,
    store: Store,
}

impl DocSketch {
    /// The document id.
    pub fn doc_id(&self) -> &str {
        &self.doc_id
    }

    /// Number of claims sketched.
    pub fn len(&self) -> usize {
        self.store.metas.len()
    }

    /// True when the document had no claims.
    pub fn is_empty(&self) -> bool {
        self.store.metas.is_empty()
    }

    /// The sketch of a document with the same text under another id (a
    /// republished copy): sketches depend only on the claims' texts and
    /// offsets, so the copy's sketch is this one renamed.
    pub fn renamed(&self, doc_id: &str) -> DocSketch {
        DocSketch {
            doc_id: doc_id.to_string(),
            fingerprint: self.fingerprint,
            store: self.store.clone(),
        }
    }
}

/// The streaming deduplicator.
///
/// Feed documents (or claims) in any order, from any number of threads via
/// [`Deduper::sketch`] + [`Deduper::push`]; the report of
/// [`Deduper::finish`] is identical whatever the order and thread count,
/// because claims are first sorted by (document id, byte offset). Only
/// compact sketches are kept per claim (content-token hashes, numbers, LSH
/// band keys, offsets; the text only when [`DedupConfig::keep_text`]).
///
/// ```
/// use quotecheck_core::Document;
/// use quotecheck_dedup::{DedupConfig, Deduper, Reason};
///
/// let mut dd = Deduper::new(DedupConfig::default());
/// dd.add_document(&Document::new("b", "Police arrested two men in Leeds on Friday. It rained."));
/// dd.add_document(&Document::new("a", "On Friday, police in Leeds arrested two men!"));
/// let report = dd.finish();
/// assert_eq!(report.clusters.len(), 1);
/// let c = &report.clusters[0];
/// assert_eq!(&*c.canonical().unwrap().doc_id, "a");
/// assert_eq!(c.members[1].reason, Reason::Near);
/// assert_eq!(c.doc_count, 2);
/// ```
#[derive(Debug)]
pub struct Deduper {
    config: DedupConfig,
    hasher: MinHasher,
    docs: Vec<(String, u64)>,
    store: Store,
    speaker_ids: HashMap<String, u32>,
}

impl Deduper {
    /// A deduplicator with the given settings.
    pub fn new(config: DedupConfig) -> Deduper {
        let hasher = MinHasher::new(config.num_hashes(), config.seed);
        Deduper {
            config,
            hasher,
            docs: Vec::new(),
            store: Store::default(),
            speaker_ids: HashMap::new(),
        }
    }

    /// The settings.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// Number of claims fed so far.
    pub fn claim_count(&self) -> usize {
        self.store.metas.len()
    }

    /// Reserve room for about `claims` more claims with `text_bytes` bytes
    /// of claim text in all, so that the arenas are not copied as they grow
    /// (growing them was a tenth of a million-claim run, mostly the kernel
    /// zeroing the pages of each larger copy). Room that is never written
    /// costs address space only, so an estimate on the high side is fine.
    pub fn reserve(&mut self, claims: usize, text_bytes: usize) {
        let s = &mut self.store;
        s.metas.reserve(claims);
        s.content.reserve(claims.saturating_mul(CONTENT_PER_CLAIM));
        s.numbers.reserve(claims);
        s.bands.reserve(claims.saturating_mul(self.config.bands));
        if self.config.keep_text {
            s.text.reserve(text_bytes);
        }
    }

    /// Analyse a document with the core engine and feed its claims.
    pub fn add_document(&mut self, doc: &Document) {
        let analysis = quotecheck_core::analyze(doc);
        self.add_analyzed(doc, &analysis);
    }

    /// Feed the claims of an already analysed document.
    pub fn add_analyzed(&mut self, doc: &Document, analysis: &Analysis) {
        let claims = claims_from(doc, analysis);
        let sketch = self.sketch(&doc.id, &claims);
        self.push(sketch);
    }

    /// Feed claims of one document (their `doc_id` is replaced by `doc_id`).
    pub fn add_claims(&mut self, doc_id: &str, claims: &[Claim]) {
        let sketch = self.sketch(doc_id, claims);
        self.push(sketch);
    }

    /// Sketch the claims of one document without feeding them (a claim whose
    /// `normalized` is empty is normalised here). Takes `&self`,
    /// so many documents can be sketched in parallel (e.g. with rayon) and
    /// pushed afterwards.
    pub fn sketch(&self, doc_id: &str, claims: &[Claim]) -> DocSketch {
        let cfg = &self.config;
        let mut store = Store::default();
        // Sized once: the arenas of a document of 20 claims otherwise grow
        // five or six times each.
        store.metas.reserve(claims.len());
        store.content.reserve(claims.len() * CONTENT_PER_CLAIM);
        store.bands.reserve(claims.len() * cfg.bands);
        if cfg.keep_text {
            store
                .text
                .reserve(claims.iter().map(|c| c.text.len()).sum());
        }
        let mut sig = vec![0u32; self.hasher.len()];
        let mut shingles = Vec::new();
        let mut fingerprint = 0u64;
        let mut f = Features::default();
        let mut buf = String::new();
        let mut normalized = String::new();
        for c in claims {
            let norm: &str = if c.normalized.is_empty() && !c.text.is_empty() {
                // Normalise and compute the features in one pass.
                normalized.clear();
                f.clear();
                let keep = c.kind == ClaimKind::Quote || c.speaker.is_some();
                crate::normalize::for_each_word(&c.text, |w| {
                    if keep {
                        if !normalized.is_empty() {
                            normalized.push(' ');
                        }
                        normalized.push_str(w);
                    }
                    f.push_word(w, &mut buf);
                });
                f.finish();
                &normalized
            } else {
                f.set_normalized(&c.normalized, &mut buf);
                &c.normalized
            };
            if f.exact == 0 {
                continue;
            }
            fingerprint = mix_exact(fingerprint, f.exact ^ c.span.start as u64);
            let content = (store.content.len() as u32, f.content.len() as u32);
            store.content.extend_from_slice(&f.content);
            let numbers = (store.numbers.len() as u32, f.numbers.len() as u32);
            store.numbers.extend_from_slice(&f.numbers);
            let mut bands = NO_BANDS;
            if f.content.len() >= cfg.verify.min_tokens && cfg.bands > 0 {
                bands = store.bands.len() as u32;
                if cfg.shingle_size <= 1 {
                    self.hasher.signature_into(&f.content, &mut sig);
                } else {
                    shingles_into(&f.sequence, cfg.shingle_size, &mut shingles);
                    self.hasher.signature_into(&shingles, &mut sig);
                }
                let start = store.bands.len();
                store.bands.resize(start + cfg.bands, 0);
                band_keys_into(&sig, cfg.rows.max(1), &mut store.bands[start..]);
            }
            let norm_text = norm;
            // Quotes, and sentences that are a whole quote, keep their text,
            // normalised form and speaker for the misquote stage.
            let is_quote = c.kind == ClaimKind::Quote || c.speaker.is_some();
            let mut text = (0, 0);
            if cfg.keep_text || is_quote {
                text = (store.text.len(), c.text.len() as u32);
                store.text.push_str(&c.text);
            }
            let mut norm = (0, 0);
            let mut speaker = NO_SPEAKER;
            if is_quote {
                norm = (store.norm.len(), norm_text.len() as u32);
                store.norm.push_str(norm_text);
                if let Some(s) = &c.speaker {
                    speaker = match store.speakers.iter().position(|x| x == s) {
                        Some(i) => i as u32,
                        None => {
                            store.speakers.push(s.clone());
                            (store.speakers.len() - 1) as u32
                        }
                    };
                }
            }
            store.metas.push(Meta {
                doc: 0,
                kind: c.kind,
                direct: matches!(c.quote_kind, None | Some(QuoteKind::Direct)),
                negations: f.negations,
                byte_start: to_u32(c.span.start),
                byte_end: to_u32(c.span.end),
                char_start: to_u32(c.char_start),
                char_end: to_u32(c.char_end),
                exact: f.exact,
                content,
                numbers,
                bands,
                text,
                norm,
                speaker,
            });
        }
        DocSketch {
            doc_id: doc_id.to_string(),
            fingerprint,
            store,
        }
    }

    /// Feed a sketch made by [`Deduper::sketch`] (with the same settings).
    pub fn push(&mut self, sketch: DocSketch) {
        let doc = self.docs.len() as u32;
        self.docs.push((sketch.doc_id, sketch.fingerprint));
        let s = sketch.store;
        let g = &mut self.store;
        let (co, no, bo, to, mo) = (
            g.content.len() as u32,
            g.numbers.len() as u32,
            g.bands.len() as u32,
            g.text.len(),
            g.norm.len(),
        );
        let speaker_map: Vec<u32> = s
            .speakers
            .iter()
            .map(|name| {
                *self.speaker_ids.entry(name.clone()).or_insert_with(|| {
                    g.speakers.push(name.clone());
                    (g.speakers.len() - 1) as u32
                })
            })
            .collect();
        g.metas.extend(s.metas.iter().map(|m| {
            Meta {
                doc,
                content: (m.content.0 + co, m.content.1),
                numbers: (m.numbers.0 + no, m.numbers.1),
                bands: if m.bands == NO_BANDS {
                    NO_BANDS
                } else {
                    m.bands + bo
                },
                text: (m.text.0 + to, m.text.1),
                norm: (m.norm.0 + mo, m.norm.1),
                speaker: speaker_map
                    .get(m.speaker as usize)
                    .copied()
                    .unwrap_or(NO_SPEAKER),
                ..*m
            }
        }));
        g.content.extend_from_slice(&s.content);
        g.numbers.extend_from_slice(&s.numbers);
        g.bands.extend_from_slice(&s.bands);
        g.text.push_str(&s.text);
        g.norm.push_str(&s.norm);
    }

    /// Find exact and near duplicates, cluster them, and find misquotes and
    /// conflicting attributions. Runs in parallel with rayon.
    pub fn finish(self) -> DedupReport {
        Finisher::new(self).run(None)
    }

    /// [`Deduper::finish`] with extra links proposed and verified by
    /// `hook` (see [`crate::links`]): a member joined through them must pass
    /// the hook's rule against its cluster's canonical claim, and carries
    /// the reason [`Reason::Semantic`].
    pub fn finish_with(self, hook: &mut dyn LinkHook) -> DedupReport {
        Finisher::new(self).run(Some(hook))
    }
}

/// The result of a deduplication run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupReport {
    /// Clusters of at least two claims, in order of their canonical claims.
    pub clusters: Vec<Cluster>,
    /// Misquotes and conflicting attributions, in canonical order of quote a,
    /// then quote b.
    pub misquotes: Vec<MisquoteRecord>,
    /// Sentence claims repeated with a changed number or negation, in
    /// canonical order of claim a, then claim b.
    #[serde(default)]
    pub altered: Vec<AlteredRecord>,
    /// Counts.
    pub stats: DedupStats,
}

impl DedupReport {
    /// One flat record per cluster member (the rows of `duplicates.csv`).
    pub fn duplicate_records(&self) -> Vec<DuplicateRecord> {
        self.duplicate_positions()
            .into_iter()
            .filter_map(|(c, m)| self.duplicate_record(c as usize, m as usize))
            .collect()
    }

    /// Where the records of [`DedupReport::duplicate_records`] come from,
    /// in the same order: (cluster index, member index) pairs, for making
    /// each record when it is needed ([`DedupReport::duplicate_record`])
    /// instead of holding them all.
    pub fn duplicate_positions(&self) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for (ci, c) in self.clusters.iter().enumerate() {
            if c.canonical().is_none() {
                continue;
            }
            out.extend((0..c.members.len()).map(|m| (ci as u32, m as u32)));
        }
        out
    }

    /// The flat record of member `member` of cluster `cluster` (indices
    /// into [`DedupReport::clusters`] and its members); `None` when there
    /// is no such member or the cluster has no canonical claim.
    pub fn duplicate_record(&self, cluster: usize, member: usize) -> Option<DuplicateRecord> {
        let c = self.clusters.get(cluster)?;
        let canonical = c.canonical()?;
        let m = c.members.get(member)?;
        Some(DuplicateRecord {
            cluster_id: c.id,
            canonical: canonical.text.to_string(),
            canonical_doc_id: canonical.doc_id.to_string(),
            doc_id: m.claim.doc_id.to_string(),
            claim: m.claim.text.to_string(),
            kind: m.claim.kind,
            char_start: m.claim.char_start,
            char_end: m.claim.char_end,
            byte_start: m.claim.byte_start,
            byte_end: m.claim.byte_end,
            speaker: m.claim.speaker.clone().unwrap_or_default(),
            similarity: m.similarity,
            reason: m.reason,
            doc_count: c.doc_count,
        })
    }

    /// The misquote records only.
    pub fn misquote_records(&self) -> impl Iterator<Item = &MisquoteRecord> {
        self.misquotes
            .iter()
            .filter(|r| r.kind == MisquoteKind::Misquote)
    }

    /// The conflicting-attribution records only.
    pub fn conflict_records(&self) -> impl Iterator<Item = &MisquoteRecord> {
        self.misquotes
            .iter()
            .filter(|r| r.kind == MisquoteKind::ConflictingAttribution)
    }

    /// Fill in the text of the claims of `doc` that have none (after a run
    /// with [`DedupConfig::keep_text`] off).
    pub fn fill_text(&mut self, doc: &Document) {
        for c in &mut self.clusters {
            for m in &mut c.members {
                let cl = &mut m.claim;
                if *cl.doc_id == *doc.id && cl.text.is_empty() {
                    cl.text = doc
                        .text
                        .get(cl.byte_start..cl.byte_end)
                        .unwrap_or_default()
                        .into();
                }
            }
        }
    }
}

/// Deduplicate whole documents: analyse and sketch them in parallel, then
/// finish. The report does not depend on the order of `docs`.
///
/// ```
/// use quotecheck_core::Document;
/// use quotecheck_dedup::{dedup, DedupConfig};
/// let docs = [
///     Document::new("x", "Three people were killed in the blast."),
///     Document::new("y", "30 people were killed in the blast."),
///     Document::new("z", "THREE people were killed in the blast"),
/// ];
/// let report = dedup(&docs, &DedupConfig::default());
/// assert_eq!(report.clusters.len(), 1);
/// let docs_in: Vec<_> = report.clusters[0].members.iter().map(|m| &*m.claim.doc_id).collect();
/// assert_eq!(docs_in, ["x", "z"]);
/// ```
pub fn dedup(docs: &[Document], config: &DedupConfig) -> DedupReport {
    let mut dd = Deduper::new(config.clone());
    let sketches: Vec<DocSketch> = docs
        .par_iter()
        .map(|d| {
            let analysis = quotecheck_core::analyze(d);
            dd.sketch(&d.id, &claims_from(d, &analysis))
        })
        .collect();
    for s in sketches {
        dd.push(s);
    }
    dd.finish()
}

/// A verified link between two claims (by rank).
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: u32,
    b: u32,
    sim: Similarity,
}

pub(crate) struct Finisher {
    pub(crate) config: DedupConfig,
    /// Document id (shared by every [`ClaimRef`] of the document) and
    /// content fingerprint.
    pub(crate) docs: Vec<(Arc<str>, u64)>,
    pub(crate) store: Store,
    /// For each slot of `bands` keys in `store.bands` (storage order), the
    /// rank of its claim.
    rank_of_slot: Vec<u32>,
}

impl Finisher {
    fn new(dd: Deduper) -> Finisher {
        let Deduper {
            config,
            docs,
            store,
            ..
        } = dd;
        // Rank documents by id (ties: content fingerprint, then feed order,
        // which only matters for documents identical in both).
        let mut doc_order: Vec<u32> = (0..docs.len() as u32).collect();
        doc_order.sort_by(|&x, &y| {
            let (a, b) = (&docs[x as usize], &docs[y as usize]);
            (&a.0, a.1, x).cmp(&(&b.0, b.1, y))
        });
        let docs: Vec<(Arc<str>, u64)> = docs.into_iter().map(|(d, f)| (d.into(), f)).collect();
        let mut doc_rank = vec![0u32; docs.len()];
        for (r, &d) in doc_order.iter().enumerate() {
            doc_rank[d as usize] = r as u32;
        }
        let metas = &store.metas;
        let mut order: Vec<u32> = (0..metas.len() as u32).collect();
        order.par_sort_unstable_by_key(|&i| {
            let m = &metas[i as usize];
            (
                doc_rank[m.doc as usize],
                m.byte_start,
                m.byte_end,
                m.kind,
                m.exact,
                i,
            )
        });
        // Put the metas in rank order; remember where each one's band keys
        // are (storage order) for sequential access when banding.
        let mut store = store;
        let old = std::mem::take(&mut store.metas);
        store.metas = order.iter().map(|&i| old[i as usize]).collect();
        drop(old);
        let mut rank_of_slot = vec![u32::MAX; store.bands.len() / config.bands.max(1)];
        for (rank, m) in store.metas.iter().enumerate() {
            if m.bands != NO_BANDS {
                rank_of_slot[m.bands as usize / config.bands.max(1)] = rank as u32;
            }
        }
        drop(order);
        Finisher {
            config,
            docs,
            store,
            rank_of_slot,
        }
    }

    pub(crate) fn meta(&self, rank: u32) -> &Meta {
        &self.store.metas[rank as usize]
    }

    /// Same document and overlapping spans: never linked.
    pub(crate) fn overlapping(&self, a: u32, b: u32) -> bool {
        let (x, y) = (self.meta(a), self.meta(b));
        x.doc == y.doc && x.byte_start < y.byte_end && y.byte_start < x.byte_end
    }

    pub(crate) fn features(&self, rank: u32) -> FeatureRef<'_> {
        self.store.features(self.meta(rank))
    }

    /// Candidate pairs (packed, sorted, distinct) from LSH among the claims
    /// with `selected[rank]`.
    pub(crate) fn lsh_candidates(&self, selected: &[bool]) -> Vec<u64> {
        let max_bucket = self.config.max_bucket;
        let nb = self.config.bands;
        let bands = &self.store.bands;
        let mut all: Vec<u64> = (0..nb)
            .into_par_iter()
            // One buffer of entries per rayon job, reused for its bands (a
            // fresh one per band faulted in 8 MB of new pages per million
            // claims, 40 times).
            .map_init(Vec::new, |entries: &mut Vec<u64>, band| {
                entries.clear();
                entries.reserve(self.rank_of_slot.len());
                for (slot, &rank) in self.rank_of_slot.iter().enumerate() {
                    if rank != u32::MAX && selected[rank as usize] {
                        let key = bands[slot * nb + band];
                        entries.push((u64::from(key) << 32) | u64::from(rank));
                    }
                }
                let mut pairs = Vec::new();
                bucket_pairs(entries, max_bucket, &mut pairs);
                pairs.sort_unstable();
                pairs.dedup();
                pairs
            })
            .reduce(Vec::new, |mut a, mut b| {
                if a.len() < b.len() {
                    std::mem::swap(&mut a, &mut b);
                }
                a.extend_from_slice(&b);
                a
            });
        all.par_sort_unstable();
        all.dedup();
        all
    }

    pub(crate) fn claim_ref(&self, rank: u32) -> ClaimRef {
        self.shared_claim_ref(rank, &mut HashMap::new())
    }

    /// [`Finisher::claim_ref`], sharing the text with the earlier claims
    /// of `texts` that read the same (the members of one cluster).
    pub(crate) fn shared_claim_ref<'s>(
        &'s self,
        rank: u32,
        texts: &mut HashMap<&'s str, Arc<str>>,
    ) -> ClaimRef {
        let m = self.meta(rank);
        let text = self.store.text(m);
        let text = texts.entry(text).or_insert_with(|| Arc::from(text)).clone();
        ClaimRef {
            doc_id: self.docs[m.doc as usize].0.clone(),
            kind: m.kind,
            text,
            byte_start: m.byte_start as usize,
            byte_end: m.byte_end as usize,
            char_start: m.char_start as usize,
            char_end: m.char_end as usize,
            speaker: self.store.speaker(m).map(str::to_string),
        }
    }

    fn run(self, hook: Option<&mut dyn LinkHook>) -> DedupReport {
        let n = self.store.metas.len();
        let mut stats = DedupStats {
            documents: self.docs.len(),
            claims: n,
            ..DedupStats::default()
        };
        // 1. Exact groups: runs of equal normalised-form hashes.
        let mut by_exact: Vec<(u64, u32)> =
            (0..n as u32).map(|r| (self.meta(r).exact, r)).collect();
        by_exact.par_sort_unstable();
        let mut uf = UnionFind::new(n);
        let mut rep: Vec<u32> = (0..n as u32).collect();
        let mut start = 0;
        while start < by_exact.len() {
            let mut end = start + 1;
            while end < by_exact.len() && by_exact[end].0 == by_exact[start].0 {
                end += 1;
            }
            let first = by_exact[start].1;
            for &(_, r) in &by_exact[start + 1..end] {
                if !self.overlapping(first, r) {
                    uf.union(first, r);
                    rep[r as usize] = first;
                }
            }
            start = end;
        }
        drop(by_exact);
        // 2. LSH over the representatives of exact groups.
        let selected: Vec<bool> = (0..n as u32).map(|r| rep[r as usize] == r).collect();
        stats.banded_claims = self
            .store
            .metas
            .iter()
            .filter(|m| m.bands != NO_BANDS)
            .count();
        let candidates = self.lsh_candidates(&selected);
        drop(selected);
        stats.candidate_pairs = candidates.len();
        // 3. Verification.
        let vcfg = self.config.verify;
        let checked: Vec<(Edge, bool)> = candidates
            .par_iter()
            .filter_map(|&p| {
                let (a, b) = unpack_pair(p);
                if self.overlapping(a, b) {
                    return None;
                }
                match verify(self.features(a), self.features(b), &vcfg) {
                    Ok(sim) => Some((Edge { a, b, sim }, true)),
                    Err(Rejection::NumbersDiffer | Rejection::NegationDiffers) => self
                        .altered_pair(a, b)
                        .map(|sim| (Edge { a, b, sim }, false)),
                    Err(_) => None,
                }
            })
            .collect();
        let (edges, altered): (Vec<_>, Vec<_>) = checked.into_iter().partition(|e| e.1);
        let edges: Vec<Edge> = edges.into_iter().map(|e| e.0).collect();
        let altered: Vec<AlteredRecord> = altered
            .into_iter()
            .map(|(e, _)| AlteredRecord {
                a: self.claim_ref(e.a),
                b: self.claim_ref(e.b),
                similarity: e.sim.jaccard,
            })
            .collect();
        drop(candidates);
        stats.verified_pairs = edges.len();
        // 4. Union-find and clusters.
        let mut best: Vec<Option<Similarity>> = vec![None; n];
        for e in &edges {
            uf.union(e.a, e.b);
            for x in [e.a, e.b] {
                let slot = &mut best[x as usize];
                if !matches!(slot, Some(s) if s.jaccard >= e.sim.jaccard) {
                    *slot = Some(e.sim);
                }
            }
        }
        drop(edges);
        let mut clusters: Vec<Cluster> = match hook {
            None => groups(&mut uf)
                .par_iter()
                .filter_map(|g| self.cluster(g, &rep, &best, None))
                .collect(),
            Some(hook) => self.hook_clusters(hook, &mut uf, &rep, &best),
        };
        for (i, c) in clusters.iter_mut().enumerate() {
            c.id = i + 1;
        }
        stats.clusters = clusters.len();
        stats.clustered_claims = clusters.iter().map(|c| c.members.len()).sum();
        // 5. Misquotes and conflicting attributions.
        let misquotes = self.misquotes();
        stats.misquotes = misquotes
            .iter()
            .filter(|r| r.kind == MisquoteKind::Misquote)
            .count();
        stats.conflicting_attributions = misquotes.len() - stats.misquotes;
        DedupReport {
            clusters,
            misquotes,
            altered,
            stats,
        }
    }

    /// Two sentence claims of different documents rejected only for a
    /// number or a negation: the same sentence otherwise (content sets with
    /// Jaccard ≥ 0.7 that differ by at most one token each way — the changed
    /// number — and at least five content tokens each).
    fn altered_pair(&self, a: u32, b: u32) -> Option<Similarity> {
        let (ma, mb) = (self.meta(a), self.meta(b));
        if ma.doc == mb.doc || ma.kind != ClaimKind::Sentence || mb.kind != ClaimKind::Sentence {
            return None;
        }
        let (fa, fb) = (self.features(a), self.features(b));
        if fa.content.len().min(fb.content.len()) < 5 {
            return None;
        }
        let sim = set_similarity(fa.content, fb.content);
        (sim.jaccard >= 0.7 && sim.only_a <= 1 && sim.only_b <= 1).then_some(sim)
    }

    /// The cluster of a union-find group. A member that overlaps an earlier
    /// member of the same document (a quote inside a clustered sentence) is
    /// left out, as it is already represented; a group left with one member
    /// is no cluster.
    /// `semantic` holds the hook's score of each member that joined by the
    /// hook's rule against the first member (see [`crate::links`]).
    pub(crate) fn cluster(
        &self,
        group: &[u32],
        rep: &[u32],
        best: &[Option<Similarity>],
        semantic: Option<&HashMap<u32, f32>>,
    ) -> Option<Cluster> {
        let mut members: Vec<u32> = Vec::with_capacity(group.len());
        let (mut doc, mut end) = (u32::MAX, 0u32);
        for &r in group {
            let m = self.meta(r);
            if m.doc == doc && m.byte_start < end {
                continue;
            }
            if m.doc != doc {
                doc = m.doc;
                end = 0;
            }
            end = end.max(m.byte_end);
            members.push(r);
        }
        // Never a cluster of claims that differ in a number or a negation,
        // not even through a third claim that links to both: members are
        // checked against the canonical claim.
        if let Some(&canonical) = members.first() {
            let cm = self.meta(canonical);
            members.retain(|&r| {
                r == canonical
                    || self.meta(r).exact == cm.exact
                    || !matches!(
                        verify(
                            self.features(canonical),
                            self.features(r),
                            &self.config.verify
                        ),
                        Err(Rejection::NumbersDiffer | Rejection::NegationDiffers)
                    )
            });
        }
        if members.len() < 2 {
            return None;
        }
        let canonical = members[0];
        let cm = self.meta(canonical);
        let mut out = Vec::with_capacity(members.len());
        let mut texts = HashMap::new();
        let mut docs: Vec<u32> = Vec::new();
        for &r in &members {
            let m = self.meta(r);
            docs.push(m.doc);
            let (reason, sim) = if r == canonical {
                (Reason::Canonical, None)
            } else if m.exact == cm.exact {
                (Reason::Exact, None)
            } else if let Ok(sim) = verify(
                self.features(canonical),
                self.features(r),
                &self.config.verify,
            ) {
                (Reason::Near, Some(sim))
            } else if let Some(&score) = semantic.and_then(|s| s.get(&r)) {
                let sim =
                    set_similarity(self.features(canonical).content, self.features(r).content);
                out.push(Member {
                    claim: self.shared_claim_ref(r, &mut texts),
                    reason: Reason::Semantic,
                    similarity: score,
                    containment: sim.containment,
                });
                continue;
            } else {
                let b = best[r as usize].or(best[rep[r as usize] as usize]);
                (Reason::Transitive, b)
            };
            out.push(Member {
                claim: self.shared_claim_ref(r, &mut texts),
                reason,
                similarity: sim.map_or(1.0, |s| s.jaccard),
                containment: sim.map_or(1.0, |s| s.containment),
            });
        }
        docs.sort_unstable();
        docs.dedup();
        Some(Cluster {
            id: 0,
            members: out,
            doc_count: docs.len(),
        })
    }
}
