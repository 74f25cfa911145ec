//! Claim vectors kept in the claim index, one per claim and model, so that
//! each claim is embedded once across runs.
//!
//! The table `vectors(claim_id, model, vector)` of the index
//! ([`ClaimStore`]) holds a claim's unit vector (little-endian f32) under
//! the model's [`Embedder::id`] (e.g. `all-MiniLM-L6-v2`); vectors of other
//! models are kept apart. [`ClaimStore::embed_missing`] embeds the claims
//! that have no vector under a model yet and stores them; a second call
//! embeds nothing.
//!
//! ```
//! use quotecheck_claims::semantic::StaticModel;
//! use quotecheck_claims::store::{ClaimEntry, ClaimStore, DocumentEntry};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = ClaimStore::open(&dir.path().join("claims.db")).unwrap();
//! let doc = DocumentEntry { doc_id: "a".into(), source: "a.txt".into(), url: None, date: None };
//! let claim = ClaimEntry { text: "The bridge is closed.".into(), kind: "sentence".into(), speaker: None, char_start: 0, char_end: 21 };
//! store.add_document(&doc, &[claim], "2024-05-02").unwrap();
//! assert_eq!(store.embed_missing(StaticModel::builtin()).unwrap(), 1);
//! assert_eq!(store.embed_missing(StaticModel::builtin()).unwrap(), 0);
//! assert_eq!(store.vectors("potion-base-8M-q8").unwrap()[0].1.len(), 256);
//! ```

use rusqlite::params;

use crate::bm25::{best_k, Hit};
use crate::embedder::{embed_all, EmbedError, Embedder};
use crate::store::{ClaimStore, StoreError};

/// The table (created if missing when an index is opened).
pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS vectors (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    model TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (claim_id, model)
);";

/// Claims embedded and stored per transaction.
const CHUNK: usize = 1024;

/// Storing vectors failed.
#[derive(Debug, thiserror::Error)]
pub enum VectorError {
    /// The index.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The model.
    #[error(transparent)]
    Embed(#[from] EmbedError),
}

fn to_bytes(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn from_bytes(b: &[u8]) -> Vec<f32> {
    b.chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

impl ClaimStore {
    fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path().to_string(),
            source,
        }
    }

    /// Embed with `model` every claim that has no vector under its id yet
    /// and store the vectors; returns how many were embedded.
    pub fn embed_missing(&mut self, model: &dyn Embedder) -> Result<usize, VectorError> {
        let missing: Result<Vec<(String, String)>, rusqlite::Error> = self
            .conn()
            .prepare(
                "SELECT c.id, c.text FROM claims c WHERE NOT EXISTS \
                 (SELECT 1 FROM vectors v WHERE v.claim_id = c.id AND v.model = ?1) ORDER BY c.id",
            )
            .and_then(|mut st| {
                st.query_map(params![model.id()], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
            });
        let missing = missing.map_err(|e| self.sql(e))?;
        let dim = model.dim();
        for chunk in missing.chunks(CHUNK) {
            let texts: Vec<&str> = chunk.iter().map(|(_, t)| t.as_str()).collect();
            let rows = embed_all(model, &texts, 64)?;
            let result = (|| {
                let tx = self.conn_mut().transaction()?;
                for ((id, _), v) in chunk.iter().zip(rows.chunks_exact(dim)) {
                    tx.execute(
                        "INSERT OR REPLACE INTO vectors (claim_id, model, vector) VALUES (?1, ?2, ?3)",
                        params![id, model.id(), to_bytes(v)],
                    )?;
                }
                tx.commit()
            })();
            result.map_err(|e| self.sql(e))?;
        }
        Ok(missing.len())
    }

    /// Store vectors already computed under model id `model`, each a claim
    /// id and its unit vector, for the claims that are indexed and have no
    /// vector under that id yet (others are ignored); returns how many were
    /// stored.
    pub fn put_vectors(
        &mut self,
        model: &str,
        rows: &[(String, Vec<f32>)],
    ) -> Result<usize, StoreError> {
        let result = (|| {
            let tx = self.conn_mut().transaction()?;
            let mut stored = 0;
            {
                let mut st = tx.prepare(
                    "INSERT OR IGNORE INTO vectors (claim_id, model, vector) \
                     SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?1)",
                )?;
                for (id, v) in rows {
                    stored += st.execute(params![id, model, to_bytes(v)])?;
                }
            }
            tx.commit()?;
            Ok(stored)
        })();
        result.map_err(|e| self.sql(e))
    }

    /// Every stored `(claim id, vector)` under model id `model`, by claim id.
    pub fn vectors(&self, model: &str) -> Result<Vec<(String, Vec<f32>)>, StoreError> {
        let rows = self
            .conn()
            .prepare("SELECT claim_id, vector FROM vectors WHERE model = ?1 ORDER BY claim_id")
            .and_then(|mut st| {
                st.query_map(params![model], |r| {
                    Ok((r.get::<_, String>(0)?, from_bytes(&r.get::<_, Vec<u8>>(1)?)))
                })?
                .collect::<Result<Vec<_>, _>>()
            });
        rows.map_err(|e| self.sql(e))
    }
}

/// The `k` rows of `rows` (row-major, each as long as `query`) with the
/// largest dot product with `query` (the cosine, for unit vectors), best
/// first as [`Hit`]s (`claim` = the row); ties broken by row. Exact: every
/// row is scored.
///
/// ```
/// use quotecheck_claims::vectors::nearest;
/// let rows = [1.0, 0.0, 0.0, 1.0, 0.6, 0.8];
/// let hits = nearest(&[0.0, 1.0], &rows, 2);
/// assert_eq!(hits.iter().map(|h| h.claim).collect::<Vec<_>>(), [1, 2]);
/// ```
pub fn nearest(query: &[f32], rows: &[f32], k: usize) -> Vec<Hit> {
    let dim = query.len().max(1);
    let hits = rows
        .chunks_exact(dim)
        .enumerate()
        .map(|(i, row)| Hit {
            claim: i as u32,
            score: crate::semantic::cosine(query, row),
        })
        .collect();
    best_k(hits, k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantic::StaticModel;
    use crate::store::{ClaimEntry, DocumentEntry};

    /// Counts the texts it embeds.
    struct Counting(std::sync::atomic::AtomicUsize);

    impl Embedder for Counting {
        fn id(&self) -> &str {
            "counting"
        }
        fn dim(&self) -> usize {
            2
        }
        fn embed_batch(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
            self.0
                .fetch_add(texts.len(), std::sync::atomic::Ordering::SeqCst);
            Ok(texts.iter().flat_map(|t| [t.len() as f32, 1.0]).collect())
        }
    }

    fn add(store: &mut ClaimStore, doc: &str, texts: &[&str]) {
        let d = DocumentEntry {
            doc_id: doc.into(),
            source: format!("{doc}.txt"),
            url: None,
            date: None,
        };
        let claims: Vec<ClaimEntry> = texts
            .iter()
            .map(|t| ClaimEntry {
                text: t.to_string(),
                kind: "sentence".into(),
                speaker: None,
                char_start: 0,
                char_end: t.chars().count(),
            })
            .collect();
        store.add_document(&d, &claims, "2024-01-01").expect("add");
    }

    #[test]
    fn each_claim_is_embedded_once_per_model_across_runs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.db");
        let counting = Counting(Default::default());
        {
            let mut store = ClaimStore::open(&path).expect("open");
            add(
                &mut store,
                "a",
                &["The bridge is closed.", "Rain is coming."],
            );
            assert_eq!(store.embed_missing(&counting).expect("embed"), 2);
        }
        // A later run: only the new claim is embedded.
        let mut store = ClaimStore::open(&path).expect("reopen");
        add(
            &mut store,
            "b",
            &["The bridge is closed.", "Schools reopen."],
        );
        assert_eq!(store.embed_missing(&counting).expect("embed"), 1);
        assert_eq!(counting.0.load(std::sync::atomic::Ordering::SeqCst), 3);
        let v = store.vectors("counting").expect("vectors");
        assert_eq!(v.len(), 3);
        assert!(v.iter().any(|(_, x)| x == &[15.0, 1.0]), "{v:?}");
        // Another model has its own vectors.
        assert_eq!(
            store.embed_missing(StaticModel::builtin()).expect("embed"),
            3
        );
        assert_eq!(store.vectors("potion-base-8M-q8").expect("v").len(), 3);
        assert_eq!(store.vectors("counting").expect("v").len(), 3);
    }

    #[test]
    fn vectors_put_by_a_run_are_not_embedded_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = ClaimStore::open(&dir.path().join("c.db")).expect("open");
        add(
            &mut store,
            "a",
            &["The bridge is closed.", "Rain is coming."],
        );
        let bridge = crate::store::claim_id("The bridge is closed.");
        let rows = vec![
            (bridge.clone(), vec![0.0, 1.0]),
            (crate::store::claim_id("Never indexed."), vec![1.0, 0.0]),
        ];
        assert_eq!(store.put_vectors("counting", &rows).expect("put"), 1);
        assert_eq!(store.put_vectors("counting", &rows).expect("put"), 0);
        let counting = Counting(Default::default());
        assert_eq!(store.embed_missing(&counting).expect("embed"), 1);
        let v = store.vectors("counting").expect("vectors");
        assert!(v.contains(&(bridge, vec![0.0, 1.0])), "{v:?}");
    }
}
