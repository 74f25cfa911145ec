//! The persistent claim index from the command line: `quotecheck index add`,
//! `quotecheck index query` and `report --index` (`previously_seen.csv`).
//!
//! The index is a SQLite file ([`quotecheck_claims::store`]). Adding a
//! document stores its claims — sentences and quotes, as in `claims.csv` —
//! with the document, the speaker of each quote and the run date. Querying
//! looks up each claim of the inputs: **exact** when a claim with the same
//! normalised text is indexed, else **near** when one of the three best
//! BM25 neighbours among the indexed claims passes the dedup stage's
//! near-duplicate rule (numbers and negation must agree), else, with a
//! semantic tier (`report --index --semantic` or `--model DIR`),
//! **semantic** when one of its nearest indexed claims by the model's
//! cosine has the same numbers (one may add a number, never change one),
//! the same number of negations, and a cosine at least the tier's dedup
//! threshold. The indexed claims' vectors are kept in the index (each claim
//! embedded once per model across runs, [`quotecheck_claims::vectors`]). A
//! claim's own document never counts as an earlier sighting.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use quotecheck_claims::bm25::Scratch;
use quotecheck_claims::embedder::{embed_all, Embedder};
use quotecheck_claims::pairs::semantic_match;
use quotecheck_claims::semantic::{cosine, StaticModel};
use quotecheck_claims::semdedup::{TextVectors, DEDUP_COSINE, MODEL_DEDUP_COSINE};
use quotecheck_claims::store::{
    claim_id, today_utc, AddStats, ClaimEntry, ClaimStore, DocumentEntry, Seen,
};
use quotecheck_claims::vectors::nearest;
use quotecheck_claims::{Bm25Index, Bm25Params, Hit, TermConfig};
use quotecheck_core::analyze;
use quotecheck_dedup::verify::{verify, Features};
use quotecheck_dedup::{claims_from, VerifyConfig};
use rayon::prelude::*;
use serde::Serialize;

use crate::claims::ClaimRow;
use crate::commands::{exit_code, OutputOptions};
use crate::error::FatalError;
use crate::matching::{write_rows, Neutralise};
use crate::output::{neutralise, CsvOptions, Format, Staged};
use crate::run::{run, RunOptions};
use crate::semantic::Semantic;

/// Open the claim index, as a fatal error naming the file.
pub fn open_index(path: &Path) -> Result<ClaimStore, FatalError> {
    ClaimStore::open(path).map_err(|e| FatalError::Usage(format!("cannot open claim index: {e}")))
}

fn store_error(e: quotecheck_claims::store::StoreError) -> FatalError {
    FatalError::Usage(format!("claim index: {e}"))
}

/// One row of `previously_seen.csv` and of `quotecheck index query`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviouslySeenRow {
    /// Always `previously_seen`.
    pub finding: &'static str,
    /// The claim's document.
    pub doc_id: String,
    /// The claim (`claim_id` of `claims.csv`).
    pub claim_id: String,
    /// `sentence` or `quote`.
    pub kind: String,
    /// Speaker of a quote.
    pub speaker: String,
    /// The claim as written.
    pub claim: String,
    /// `exact` (same normalised text), `near` (a near duplicate) or
    /// `semantic` (the same in other words, by the model's cosine).
    pub r#match: &'static str,
    /// The indexed claim's stable id.
    pub seen_claim_id: String,
    /// The indexed claim as first seen.
    pub seen_claim: String,
    /// The earliest document it was seen in.
    pub first_doc_id: String,
    /// That document's date, when known.
    pub first_date: String,
    /// That document's address, when known.
    pub first_url: String,
    /// Who said it first (for a quote).
    pub first_speaker: String,
    /// Run date it was first indexed.
    pub first_seen: String,
    /// Run date it was last indexed.
    pub last_seen: String,
    /// How many times it was indexed.
    pub occurrences: i64,
}

/// Columns of `previously_seen.csv`: the fields of [`PreviouslySeenRow`].
pub const PREVIOUSLY_SEEN_COLUMNS: &[&str] = &[
    "finding",
    "doc_id",
    "claim_id",
    "kind",
    "speaker",
    "claim",
    "match",
    "seen_claim_id",
    "seen_claim",
    "first_doc_id",
    "first_date",
    "first_url",
    "first_speaker",
    "first_seen",
    "last_seen",
    "occurrences",
];

impl Neutralise for PreviouslySeenRow {
    fn neutralised(&self) -> Self {
        let n = |s: &str| neutralise(s).into_owned();
        PreviouslySeenRow {
            doc_id: n(&self.doc_id),
            claim_id: n(&self.claim_id),
            speaker: n(&self.speaker),
            claim: n(&self.claim),
            seen_claim: n(&self.seen_claim),
            first_doc_id: n(&self.first_doc_id),
            first_date: n(&self.first_date),
            first_url: n(&self.first_url),
            first_speaker: n(&self.first_speaker),
            ..self.clone()
        }
    }
}

/// Near-duplicate neighbours searched per claim.
const NEAR_TOP: usize = 3;

/// Nearest indexed claims by cosine checked per claim (semantic match).
const SEMANTIC_TOP: usize = 10;

/// Claims searched × indexed claims up to which the semantic neighbours are
/// exact (every indexed vector scored); above it a claim's
/// [`SEMANTIC_POOL`] best BM25 neighbours are scored instead.
const EXACT_PAIRS: usize = 100_000_000;

/// BM25 neighbours scored by cosine when the exact search is too large.
const SEMANTIC_POOL: usize = 200;

/// The semantic tier of a claim-index lookup: the model and the vectors of
/// the run's claims it computed, to keep when the run is added
/// ([`update_index`]) so that no claim is embedded twice.
pub struct SeenVectors {
    model: Arc<dyn Embedder>,
    threshold: f32,
    computed: Vec<(String, Vec<f32>)>,
}

impl SeenVectors {
    /// The model of `semantic` (none when it is off) with its cosine
    /// threshold: the built-in model's [`DEDUP_COSINE`], a
    /// sentence-transformer's [`MODEL_DEDUP_COSINE`] (those of `dedup
    /// --semantic`).
    pub fn of(semantic: &Semantic) -> Option<SeenVectors> {
        let (model, threshold): (Arc<dyn Embedder>, f32) = match semantic {
            Semantic::Off => return None,
            Semantic::Builtin => (Arc::new(StaticModel::builtin()), DEDUP_COSINE),
            Semantic::Model(_) => (semantic.model()?, MODEL_DEDUP_COSINE),
        };
        Some(SeenVectors {
            model,
            threshold,
            computed: Vec::new(),
        })
    }

    /// The tier of `model` with cosine threshold `threshold`.
    pub fn with_model(model: Arc<dyn Embedder>, threshold: f32) -> SeenVectors {
        SeenVectors {
            model,
            threshold,
            computed: Vec::new(),
        }
    }
}

/// What [`previously_seen`] found: the rows, and with a semantic tier the
/// vectors it computed.
pub struct PreviouslySeen {
    /// The claims seen before.
    pub rows: Vec<PreviouslySeenRow>,
    /// The semantic tier, when on.
    pub vectors: Option<SeenVectors>,
}

/// The claims of `claims` seen in the index before (see the module docs),
/// lexically only.
pub fn previously_seen(
    store: &ClaimStore,
    claims: &[ClaimRow],
) -> Result<Vec<PreviouslySeenRow>, FatalError> {
    let (found, _) = lexical_seen(store, claims)?;
    Ok(rows_of(claims, found))
}

/// [`previously_seen`] with the semantic tier of `semantic` when it is on:
/// claims neither exact nor near are searched among the indexed claims'
/// vectors (embedding first the indexed claims that have none under the
/// model). A run's claim without a stored vector takes its vector from
/// `run` (those `report --semantic` computed for its duplicates) when it is
/// there under the same model, so no claim is embedded twice in a run.
pub fn previously_seen_with(
    store: &mut ClaimStore,
    claims: &[ClaimRow],
    semantic: &Semantic,
    run: Option<&TextVectors>,
) -> Result<PreviouslySeen, FatalError> {
    previously_seen_using(store, claims, SeenVectors::of(semantic), run)
}

/// [`previously_seen_with`] with the semantic tier `vectors` (none: lexical
/// only).
pub fn previously_seen_using(
    store: &mut ClaimStore,
    claims: &[ClaimRow],
    mut vectors: Option<SeenVectors>,
    run: Option<&TextVectors>,
) -> Result<PreviouslySeen, FatalError> {
    let (mut found, lexical) = lexical_seen(store, claims)?;
    if let Some(v) = &mut vectors {
        let run = run.filter(|r| r.model() == v.model.id());
        semantic_seen(store, claims, &mut found, v, lexical.as_ref(), run)?;
    }
    Ok(PreviouslySeen {
        rows: rows_of(claims, found),
        vectors,
    })
}

type Found = Vec<Option<(Seen, &'static str)>>;

/// The indexed claims (id, text) and a BM25 index over them.
type Lexical = (Vec<(String, String)>, Bm25Index);

/// Exact and near matches; the BM25 index over the indexed claims when
/// some claim was neither.
fn lexical_seen(
    store: &ClaimStore,
    claims: &[ClaimRow],
) -> Result<(Found, Option<Lexical>), FatalError> {
    let mut found: Found = Vec::with_capacity(claims.len());
    for c in claims {
        let seen = store.seen(&c.claim).map_err(store_error)?;
        found.push(
            seen.filter(|s| s.first_doc_id != c.doc_id)
                .map(|s| (s, "exact")),
        );
    }
    if found.iter().all(Option::is_some) {
        return Ok((found, None));
    }
    let indexed = store.claims().map_err(store_error)?;
    if indexed.is_empty() {
        return Ok((found, None));
    }
    let texts: Vec<&str> = indexed.iter().map(|c| c.1.as_str()).collect();
    let index = Bm25Index::build(&texts, TermConfig::default(), Bm25Params::default());
    let cfg = VerifyConfig::default();
    let mut features: HashMap<u32, Features> = HashMap::new();
    for (c, slot) in claims.iter().zip(found.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let q = Features::of(&c.claim);
        for h in index.search(&c.claim, NEAR_TOP) {
            let f = features
                .entry(h.claim)
                .or_insert_with(|| Features::of(texts[h.claim as usize]));
            if verify(q.as_ref(), f.as_ref(), &cfg).is_err() {
                continue;
            }
            let seen = store
                .seen_id(&indexed[h.claim as usize].0)
                .map_err(store_error)?;
            if let Some(s) = seen.filter(|s| s.first_doc_id != c.doc_id) {
                *slot = Some((s, "near"));
                break;
            }
        }
    }
    Ok((found, Some((indexed, index))))
}

/// Semantic matches for the claims of `found` still unmatched: each is
/// embedded (or its stored vector reused), its [`SEMANTIC_TOP`] nearest
/// indexed claims by cosine are checked best first, and the first that
/// passes [`semantic_match`] and is not from the claim's own document is
/// the match. The vectors computed are kept in `vectors`.
fn semantic_seen(
    store: &mut ClaimStore,
    claims: &[ClaimRow],
    found: &mut Found,
    vectors: &mut SeenVectors,
    lexical: Option<&Lexical>,
    run: Option<&TextVectors>,
) -> Result<(), FatalError> {
    let model = vectors.model.clone();
    let vector_error = |e: quotecheck_claims::vectors::VectorError| {
        FatalError::Usage(format!("cannot store claim vectors: {e}"))
    };
    store.embed_missing(model.as_ref()).map_err(vector_error)?;
    let stored = store.vectors(model.id()).map_err(store_error)?;
    // The run's claims by id: a stored vector, else embedded once here.
    let ids: Vec<String> = claims.iter().map(|c| claim_id(&c.claim)).collect();
    let mut by_id: HashMap<&str, Vec<f32>> = HashMap::new();
    let stored_ix: HashMap<&str, usize> = stored
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    let dim = model.dim();
    let mut missing: Vec<(&str, &str)> = Vec::new();
    let mut queued: HashSet<&str> = HashSet::new();
    for (c, id) in claims.iter().zip(&ids) {
        if by_id.contains_key(id.as_str()) || !queued.insert(id) {
            continue;
        }
        if let Some(&i) = stored_ix.get(id.as_str()) {
            by_id.insert(id, stored[i].1.clone());
        } else if let Some(v) = run.and_then(|r| r.get(&c.claim)).filter(|v| v.len() == dim) {
            // Embedded by the run's semantic dedup: kept, not embedded again.
            by_id.insert(id, v.to_vec());
            vectors.computed.push((id.to_string(), v.to_vec()));
        } else {
            missing.push((id, &c.claim));
        }
    }
    let texts: Vec<&str> = missing.iter().map(|m| m.1).collect();
    let rows = embed_all(model.as_ref(), &texts, 64)
        .map_err(|e| FatalError::Usage(format!("cannot embed claims: {e}")))?;
    for ((id, _), v) in missing.iter().zip(rows.chunks_exact(dim.max(1))) {
        by_id.insert(id, v.to_vec());
        vectors.computed.push((id.to_string(), v.to_vec()));
    }
    let Some((indexed, index)) = lexical else {
        return Ok(());
    };
    // The indexed claims' vectors, in `indexed` order (zeros when missing).
    let mut matrix = vec![0f32; indexed.len() * dim];
    for (i, (id, _)) in indexed.iter().enumerate() {
        if let Some(&j) = stored_ix.get(id.as_str()) {
            if stored[j].1.len() == dim {
                matrix[i * dim..(i + 1) * dim].copy_from_slice(&stored[j].1);
            }
        }
    }
    let open: Vec<usize> = (0..claims.len()).filter(|&i| found[i].is_none()).collect();
    let exact = open.len().saturating_mul(indexed.len()) <= EXACT_PAIRS;
    let zeros = vec![0f32; dim];
    let neighbours: Vec<Vec<Hit>> = open
        .par_iter()
        .map_init(Scratch::default, |scratch, &i| {
            let q = by_id.get(ids[i].as_str()).map_or(&zeros[..], Vec::as_slice);
            if exact {
                nearest(q, &matrix, SEMANTIC_TOP)
            } else {
                let pool = index.search_with(&claims[i].claim, SEMANTIC_POOL, scratch);
                let hits = pool
                    .into_iter()
                    .map(|h| Hit {
                        claim: h.claim,
                        score: cosine(q, &matrix[h.claim as usize * dim..][..dim]),
                    })
                    .collect();
                quotecheck_claims::bm25::best_k(hits, SEMANTIC_TOP)
            }
        })
        .collect();
    for (&i, hits) in open.iter().zip(neighbours) {
        let c = &claims[i];
        let q = Features::of(&c.claim);
        for h in hits {
            let (seen_id, text) = &indexed[h.claim as usize];
            if *seen_id == ids[i] {
                continue;
            }
            if !semantic_match(&q, &Features::of(text), h.score, vectors.threshold) {
                continue;
            }
            let seen = store.seen_id(seen_id).map_err(store_error)?;
            if let Some(s) = seen.filter(|s| s.first_doc_id != c.doc_id) {
                found[i] = Some((s, "semantic"));
                break;
            }
        }
    }
    Ok(())
}

fn rows_of(claims: &[ClaimRow], found: Found) -> Vec<PreviouslySeenRow> {
    claims
        .iter()
        .zip(found)
        .filter_map(|(c, f)| {
            let (s, how) = f?;
            Some(PreviouslySeenRow {
                finding: "previously_seen",
                doc_id: c.doc_id.clone(),
                claim_id: c.claim_id.clone(),
                kind: c.kind.to_string(),
                speaker: c.speaker.clone(),
                claim: c.claim.to_string(),
                r#match: how,
                seen_claim_id: s.claim_id,
                seen_claim: s.text,
                first_doc_id: s.first_doc_id,
                first_date: s.first_date.unwrap_or_default(),
                first_url: s.first_url.unwrap_or_default(),
                first_speaker: s.first_speaker.unwrap_or_default(),
                first_seen: s.first_seen,
                last_seen: s.last_seen,
                occurrences: s.occurrences,
            })
        })
        .collect()
}

/// Add a run's documents and claims to the index ([`add_claims`]); with a
/// semantic tier, keep the vectors [`previously_seen_with`] computed and
/// embed the claims still without one, so the next run embeds none of
/// them.
pub fn update_index(
    store: &mut ClaimStore,
    docs: &[(String, String)],
    claims: &[ClaimRow],
    today: &str,
    vectors: Option<&SeenVectors>,
) -> Result<AddStats, FatalError> {
    let stats = add_claims(store, docs, claims, today)?;
    if let Some(v) = vectors {
        store
            .put_vectors(v.model.id(), &v.computed)
            .map_err(store_error)?;
        store
            .embed_missing(v.model.as_ref())
            .map_err(|e| FatalError::Usage(format!("cannot store claim vectors: {e}")))?;
    }
    Ok(stats)
}

/// Add documents (id, source) and their claims (`claims.csv` rows, grouped
/// by document in the same order) to the index, seen on `today`.
pub fn add_claims(
    store: &mut ClaimStore,
    docs: &[(String, String)],
    claims: &[ClaimRow],
    today: &str,
) -> Result<AddStats, FatalError> {
    let mut by_doc: HashMap<&str, Vec<ClaimEntry>> = HashMap::new();
    for c in claims {
        by_doc
            .entry(c.doc_id.as_str())
            .or_default()
            .push(ClaimEntry {
                text: c.claim.to_string(),
                kind: c.kind.to_string(),
                speaker: (!c.speaker.is_empty()).then(|| c.speaker.clone()),
                char_start: c.char_start,
                char_end: c.char_end,
            });
    }
    let mut total = AddStats::default();
    for (doc_id, source) in docs {
        let doc = DocumentEntry {
            doc_id: doc_id.clone(),
            source: source.clone(),
            url: None,
            date: None,
        };
        let entries = by_doc.remove(doc_id.as_str()).unwrap_or_default();
        let s = store
            .add_document(&doc, &entries, today)
            .map_err(store_error)?;
        total.documents += s.documents;
        total.claims_new += s.claims_new;
        total.claims_seen += s.claims_seen;
    }
    Ok(total)
}

/// The documents (id, source) and claims of a run's inputs.
type RunClaims = (Vec<(String, String)>, Vec<ClaimRow>);

fn input_claims(inputs: &[String], opts: &RunOptions) -> Result<(u8, RunClaims), FatalError> {
    let run = run(inputs, opts, |d| {
        let analysis = analyze(&d.doc);
        let claims: Vec<ClaimRow> = claims_from(&d.doc, &analysis)
            .into_iter()
            .map(ClaimRow::from)
            .collect();
        ((d.doc.id.clone(), d.source.clone()), claims)
    })?;
    let code = exit_code(&run);
    let mut docs = Vec::new();
    let mut claims = Vec::new();
    for (doc, c) in run.entries.into_iter().flatten() {
        docs.push(doc);
        claims.extend(c);
    }
    Ok((code, (docs, claims)))
}

/// `quotecheck index add`: index the inputs' claims (run date `date`,
/// default today in UTC); with a model (`--model`), also embed every
/// claim that has no vector under it yet and keep the vectors
/// ([`quotecheck_claims::vectors`]); prints what was added on stderr.
pub fn index_add(
    inputs: &[String],
    opts: &RunOptions,
    index: &Path,
    date: Option<&str>,
    semantic: &Semantic,
) -> Result<u8, FatalError> {
    let mut store = open_index(index)?;
    let (code, (docs, claims)) = input_claims(inputs, opts)?;
    let today = date.map_or_else(today_utc, str::to_string);
    let s = add_claims(&mut store, &docs, &claims, &today)?;
    eprintln!(
        "indexed {} of {} documents ({} already indexed): {} new claims, {} seen before",
        s.documents,
        docs.len(),
        docs.len() - s.documents,
        s.claims_new,
        s.claims_seen
    );
    if let Some(model) = semantic.model() {
        let n = crate::run::thread_pool(opts.threads)?
            .install(|| store.embed_missing(model.as_ref()))
            .map_err(|e| FatalError::Usage(format!("cannot store claim vectors: {e}")))?;
        eprintln!(
            "embedded {n} claims with {} (each claim once per model)",
            model.id()
        );
    }
    Ok(code)
}

/// `quotecheck index query`: the inputs' claims seen before (nothing is
/// added).
pub fn index_query(
    inputs: &[String],
    opts: &RunOptions,
    index: &Path,
    out: &OutputOptions,
) -> Result<u8, FatalError> {
    crate::commands::check_destination(&out.destination)?;
    if !index.is_file() {
        return Err(FatalError::Usage(format!(
            "cannot open claim index: {}: no such file",
            index.display()
        )));
    }
    let store = open_index(index)?;
    let (code, (_, claims)) = input_claims(inputs, opts)?;
    let rows = previously_seen(&store, &claims)?;
    out.destination
        .write(|w| write_rows(w, &rows, out.format, out.csv, PREVIOUSLY_SEEN_COLUMNS))?;
    Ok(code)
}

/// Stage `previously_seen.csv` of a report (rows of [`previously_seen`]);
/// returns its name.
pub fn stage_previously_seen(
    staged: &mut Staged,
    dir: &Path,
    rows: &[PreviouslySeenRow],
    csv: CsvOptions,
) -> Result<String, FatalError> {
    staged.stage(&dir.join("previously_seen.csv"), |w| {
        write_rows(w, rows, Format::Csv, csv, PREVIOUSLY_SEEN_COLUMNS)
    })?;
    Ok("previously_seen.csv".to_string())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use quotecheck_claims::embedder::EmbedError;
    use quotecheck_claims::semdedup::{SemanticConfig, SemanticLinks};
    use quotecheck_core::Document;
    use quotecheck_dedup::DedupConfig;

    use super::*;
    use crate::claims::{claims_of, deduper, DedupFeed};

    /// The built-in model under another id, counting the texts it embeds.
    #[derive(Default)]
    struct Counting(AtomicUsize);

    impl Counting {
        fn take(&self) -> usize {
            self.0.swap(0, Ordering::SeqCst)
        }
    }

    impl Embedder for Counting {
        fn id(&self) -> &str {
            "counting-potion"
        }
        fn dim(&self) -> usize {
            StaticModel::builtin().dim()
        }
        fn embed_batch(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
            self.0.fetch_add(texts.len(), Ordering::SeqCst);
            StaticModel::builtin().embed_batch(texts)
        }
    }

    /// Texts embedded by `report --semantic --index`'s path: the semantic
    /// dedup (keeping the vectors when `keep`), then the index lookup and
    /// update; and the rows found.
    fn report_run(
        store: &mut ClaimStore,
        model: &Arc<Counting>,
        docs: &[(&str, &str)],
        keep: bool,
    ) -> (usize, usize, Vec<PreviouslySeenRow>, HashSet<String>) {
        let config = DedupConfig::default();
        let sketcher = deduper(&config);
        let mut feed = DedupFeed::new(deduper(&config));
        for (id, text) in docs {
            let doc = Document::new(*id, *text);
            feed.push(claims_of(&doc, &analyze(&doc), &sketcher, true));
        }
        let m: Arc<dyn Embedder> = model.clone();
        let mut hook = SemanticLinks::with_model(SemanticConfig::default(), m.clone());
        if keep {
            hook = hook.keeping_vectors();
        }
        let tables = feed.finish_with(Some(&mut hook));
        let by_dedup = model.take();
        let run = hook.take_vectors();
        assert_eq!(run.is_some(), keep);
        let seen = previously_seen_using(
            store,
            &tables.claims,
            Some(SeenVectors::with_model(m, DEDUP_COSINE)),
            run.as_ref(),
        )
        .expect("lookup");
        let ids: Vec<(String, String)> = docs
            .iter()
            .map(|(id, _)| (id.to_string(), String::new()))
            .collect();
        update_index(
            store,
            &ids,
            &tables.claims,
            "2026-12-08",
            seen.vectors.as_ref(),
        )
        .expect("update");
        let ids = tables.claims.iter().map(|c| claim_id(&c.claim)).collect();
        (by_dedup, model.take(), seen.rows, ids)
    }

    const DAY1: &[(&str, &str)] = &[
        ("a", "Police arrested two men in Leeds on Friday after a stabbing outside a nightclub. The mayor said the city was shocked."),
        ("b", "Two men were detained by Leeds police on Friday following a nightclub stabbing. The mayor said the city was shocked."),
    ];
    const DAY2: &[(&str, &str)] = &[
        ("c", "Leeds police detained two men on Friday after a stabbing outside a nightclub. Rain flooded the valley overnight."),
        ("d", "The mayor said the city was shocked. Rain flooded the valley overnight."),
    ];

    #[test]
    fn report_with_an_index_embeds_each_claim_only_in_the_dedup() {
        let model = Arc::new(Counting::default());
        let mut found = Vec::new();
        for keep in [false, true] {
            let dir = tempfile::tempdir().expect("tempdir");
            let mut store = ClaimStore::open(&dir.path().join("i.db")).expect("open");
            let (dedup1, lookup1, rows1, ids1) = report_run(&mut store, &model, DAY1, keep);
            let (dedup2, lookup2, rows2, ids2) = report_run(&mut store, &model, DAY2, keep);
            assert!(dedup1 >= 4 && dedup2 >= 4, "{dedup1} {dedup2}");
            let new2 = ids2.difference(&ids1).count();
            assert!(ids1.len() >= 3 && new2 >= 2, "{ids1:?} {ids2:?}");
            if keep {
                // The lookup and the update reuse the dedup's vectors (and
                // day 1's stored ones): nothing is embedded again.
                assert_eq!((lookup1, lookup2), (0, 0));
            } else {
                // Each claim new to the index is embedded a second time.
                assert_eq!((lookup1, lookup2), (ids1.len(), new2));
            }
            assert!(rows1.is_empty());
            let how: HashSet<&str> = rows2.iter().map(|r| r.r#match).collect();
            assert!(how.contains("exact") && how.contains("near"), "{rows2:?}");
            found.push((rows2, store.vectors("counting-potion").expect("vectors")));
        }
        // The same rows and the same stored vectors either way.
        assert_eq!(found[0], found[1]);
    }
}
