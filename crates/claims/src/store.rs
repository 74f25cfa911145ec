//! The persistent claim index: every claim seen, where and when, in one
//! SQLite file, so that a run can ask "have we seen this before?".
//!
//! # Schema (version [`SCHEMA_VERSION`])
//!
//! - `documents(id, doc_id UNIQUE, source, url, date, added)`: each indexed
//!   document once (`date` and `url` when the input gives them);
//! - `claims(id PRIMARY KEY, text, normalized, first_document, first_date,
//!   first_speaker, first_seen, last_seen, occurrences, embedding BLOB)`:
//!   each distinct claim once. The id is [`claim_id`], the hash of the
//!   normalised text, so it is stable across runs and machines; `embedding`
//!   is unused (NULL): vectors live in `vectors`;
//! - `vectors(claim_id, model, vector)`: each claim's unit vector under each
//!   model id ([`crate::vectors`]; created in older files when opened);
//! - `occurrences(claim_id, document, kind, speaker_key, char_start,
//!   char_end)`: every place a claim was seen (`kind` `sentence` or `quote`:
//!   the quotes of the index);
//! - `speakers(key PRIMARY KEY, name)`: speakers of quotes, by the index's
//!   key (the lower-cased, space-normalised name).
//!
//! The file carries `PRAGMA application_id` [`APPLICATION_ID`] and
//! `PRAGMA user_version` = [`SCHEMA_VERSION`]; opening anything else — a
//! file that is not SQLite, another program's database, a newer schema — is
//! a clear [`StoreError`], never a panic. A document id already indexed is
//! skipped, so adding the same input twice changes nothing.
//!
//! ```
//! use quotecheck_claims::store::{ClaimStore, DocumentEntry, ClaimEntry};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = ClaimStore::open(&dir.path().join("claims.db")).unwrap();
//! let doc = DocumentEntry { doc_id: "a".into(), source: "a.txt".into(), url: None, date: Some("2024-05-01".into()) };
//! let claim = ClaimEntry { text: "The bridge is closed.".into(), kind: "sentence".into(), speaker: None, char_start: 0, char_end: 21 };
//! assert_eq!(store.add_document(&doc, &[claim], "2024-05-02").unwrap().claims_new, 1);
//! let seen = store.seen("THE BRIDGE IS CLOSED").unwrap().unwrap();
//! assert_eq!((seen.first_doc_id.as_str(), seen.first_date.as_deref()), ("a", Some("2024-05-01")));
//! ```

use std::path::Path;

use quotecheck_dedup::normalize::{normalize, word_hash};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use thiserror::Error;

/// `PRAGMA application_id` of a quotecheck claim index (`QCI1`).
pub const APPLICATION_ID: i32 = 0x5143_4931;
/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: i32 = 1;

const SCHEMA: &str = "
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    date TEXT,
    added TEXT NOT NULL
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    normalized TEXT NOT NULL,
    first_document INTEGER NOT NULL REFERENCES documents(id),
    first_date TEXT,
    first_speaker TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    embedding BLOB
);
CREATE TABLE speakers (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE occurrences (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    document INTEGER NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    speaker_key TEXT REFERENCES speakers(key),
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    PRIMARY KEY (claim_id, document, char_start, kind)
);
CREATE INDEX occurrences_by_document ON occurrences(document);
";

/// A claim index that cannot be opened or written.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The file is not a quotecheck claim index.
    #[error("{path}: not a quotecheck claim index ({reason})")]
    Foreign {
        /// The file.
        path: String,
        /// What was found instead.
        reason: String,
    },
    /// The index was written by a newer quotecheck.
    #[error("{path}: claim index schema version {found}, this quotecheck reads version {SCHEMA_VERSION}")]
    Version {
        /// The file.
        path: String,
        /// The version found.
        found: i32,
    },
    /// SQLite failed (I/O, corruption, a full disk).
    #[error("{path}: {source}")]
    Sqlite {
        /// The file.
        path: String,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}

/// The stable id of a claim: 16 hex digits of the xxh3 hash of its
/// normalised text ([`quotecheck_dedup::normalize::normalize`]).
///
/// ```
/// use quotecheck_claims::store::claim_id;
/// assert_eq!(claim_id("“Three killed,” police said."), claim_id("three killed police said"));
/// assert_eq!(claim_id("x").len(), 16);
/// ```
pub fn claim_id(text: &str) -> String {
    format!("{:016x}", word_hash(&normalize(text)))
}

/// The index's key of a speaker name: lower case, single spaces.
pub fn speaker_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A document to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentEntry {
    /// The document id (unique in the index).
    pub doc_id: String,
    /// Where it was read from.
    pub source: String,
    /// Its address, when known.
    pub url: Option<String>,
    /// Its publication date, when known.
    pub date: Option<String>,
}

/// A claim of a document to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimEntry {
    /// The claim as written.
    pub text: String,
    /// `sentence` or `quote`.
    pub kind: String,
    /// The speaker of a quote.
    pub speaker: Option<String>,
    /// Code-point offset in the document.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
}

/// What [`ClaimStore::add_document`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AddStats {
    /// Documents added (0 when the id was already indexed).
    pub documents: usize,
    /// Claims never seen before.
    pub claims_new: usize,
    /// Claims seen before (their `last_seen` moved).
    pub claims_seen: usize,
}

/// Where a claim was first seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seen {
    /// The claim's id ([`claim_id`]).
    pub claim_id: String,
    /// The claim as first seen.
    pub text: String,
    /// The document it was first seen in.
    pub first_doc_id: String,
    /// That document's date, when known.
    pub first_date: Option<String>,
    /// That document's address, when known.
    pub first_url: Option<String>,
    /// Who said it first (for a quote).
    pub first_speaker: Option<String>,
    /// The run date it was first indexed.
    pub first_seen: String,
    /// The run date it was last indexed.
    pub last_seen: String,
    /// How many times it was indexed.
    pub occurrences: i64,
}

/// An open claim index.
#[derive(Debug)]
pub struct ClaimStore {
    conn: Connection,
    path: String,
}

impl ClaimStore {
    /// Open the index at `path`, creating it when the file does not exist
    /// or is empty.
    pub fn open(path: &Path) -> Result<ClaimStore, StoreError> {
        let name = path.display().to_string();
        let sql = |source| StoreError::Sqlite {
            path: name.clone(),
            source,
        };
        let foreign = |reason: &str| StoreError::Foreign {
            path: name.clone(),
            reason: reason.to_string(),
        };
        let conn = Connection::open(path).map_err(sql)?;
        let header = |conn: &Connection| -> rusqlite::Result<(i32, i32, i64)> {
            let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            Ok((app, version, tables))
        };
        let (app, version, tables) = header(&conn).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                foreign("not an SQLite database")
            }
            other => sql(other),
        })?;
        if app == 0 && tables == 0 {
            conn.execute_batch(&format!(
                "BEGIN; {SCHEMA} PRAGMA application_id = {APPLICATION_ID}; \
                 PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
            ))
            .map_err(sql)?;
        } else if app != APPLICATION_ID {
            return Err(foreign("an SQLite database of another program"));
        } else if version != SCHEMA_VERSION {
            return Err(StoreError::Version {
                path: name,
                found: version,
            });
        }
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = ON; {}",
            crate::vectors::SCHEMA
        ))
        .map_err(sql)?;
        Ok(ClaimStore { conn, path: name })
    }

    /// The SQLite connection (for [`crate::vectors`]).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The SQLite connection, to write (for [`crate::vectors`]).
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The file, as shown in errors.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Index one document and its claims, seen on run date `today`
    /// (`YYYY-MM-DD`), in one transaction. A document id already indexed
    /// is skipped.
    pub fn add_document(
        &mut self,
        doc: &DocumentEntry,
        claims: &[ClaimEntry],
        today: &str,
    ) -> Result<AddStats, StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        let mut stats = AddStats::default();
        let inserted = tx
            .execute(
                "INSERT OR IGNORE INTO documents (doc_id, source, url, date, added) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![doc.doc_id, doc.source, doc.url, doc.date, today],
            )
            .map_err(err)?;
        if inserted == 0 {
            return Ok(stats);
        }
        stats.documents = 1;
        let document = tx.last_insert_rowid();
        for c in claims {
            let normalized = normalize(&c.text);
            if normalized.is_empty() {
                continue;
            }
            let id = format!("{:016x}", word_hash(&normalized));
            let key = c.speaker.as_deref().map(speaker_key);
            if let (Some(key), Some(name)) = (&key, &c.speaker) {
                tx.execute(
                    "INSERT OR IGNORE INTO speakers (key, name) VALUES (?1, ?2)",
                    params![key, name],
                )
                .map_err(err)?;
            }
            let new = tx
                .execute(
                    "INSERT OR IGNORE INTO claims (id, text, normalized, first_document, first_date, \
                     first_speaker, first_seen, last_seen, occurrences) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0)",
                    params![id, c.text, normalized, document, doc.date, c.speaker, today],
                )
                .map_err(err)?;
            let occurrence = tx
                .execute(
                    "INSERT OR IGNORE INTO occurrences (claim_id, document, kind, speaker_key, char_start, char_end) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, document, c.kind, key, c.char_start as i64, c.char_end as i64],
                )
                .map_err(err)?;
            if occurrence > 0 {
                tx.execute(
                    "UPDATE claims SET occurrences = occurrences + 1, last_seen = max(last_seen, ?2), \
                     first_speaker = coalesce(first_speaker, ?3) WHERE id = ?1",
                    params![id, today, c.speaker],
                )
                .map_err(err)?;
            }
            if new > 0 {
                stats.claims_new += 1;
            } else {
                stats.claims_seen += 1;
            }
        }
        tx.commit().map_err(err)?;
        Ok(stats)
    }

    /// Where the claim with the same normalised text as `text` was first
    /// seen, if it was.
    pub fn seen(&self, text: &str) -> Result<Option<Seen>, StoreError> {
        self.seen_id(&claim_id(text))
    }

    /// [`ClaimStore::seen`] by claim id.
    pub fn seen_id(&self, id: &str) -> Result<Option<Seen>, StoreError> {
        self.conn
            .query_row(
                "SELECT c.id, c.text, d.doc_id, coalesce(c.first_date, d.date), d.url, c.first_speaker, \
                 c.first_seen, c.last_seen, c.occurrences \
                 FROM claims c JOIN documents d ON d.id = c.first_document WHERE c.id = ?1",
                params![id],
                |r| {
                    Ok(Seen {
                        claim_id: r.get(0)?,
                        text: r.get(1)?,
                        first_doc_id: r.get(2)?,
                        first_date: r.get(3)?,
                        first_url: r.get(4)?,
                        first_speaker: r.get(5)?,
                        first_seen: r.get(6)?,
                        last_seen: r.get(7)?,
                        occurrences: r.get(8)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Whether a document id is indexed.
    pub fn has_document(&self, doc_id: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM documents WHERE doc_id = ?1",
                params![doc_id],
                |_| Ok(()),
            )
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| self.err(e))
    }

    /// Every indexed claim as (id, text), in id order (to build a BM25
    /// index over them).
    pub fn claims(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, text FROM claims ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Numbers of documents, claims, occurrences and speakers.
    pub fn counts(&self) -> Result<[i64; 4], StoreError> {
        let mut out = [0; 4];
        for (i, table) in ["documents", "claims", "occurrences", "speakers"]
            .iter()
            .enumerate()
        {
            out[i] = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
        }
        Ok(out)
    }
}

/// Today's date in UTC as `YYYY-MM-DD` (civil-from-days, no time zone data).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, date: Option<&str>) -> DocumentEntry {
        DocumentEntry {
            doc_id: id.into(),
            source: format!("{id}.txt"),
            url: Some(format!("https://example.org/{id}")),
            date: date.map(str::to_string),
        }
    }

    fn claim(text: &str, speaker: Option<&str>) -> ClaimEntry {
        ClaimEntry {
            text: text.into(),
            kind: if speaker.is_some() {
                "quote"
            } else {
                "sentence"
            }
            .into(),
            speaker: speaker.map(str::to_string),
            char_start: 0,
            char_end: text.chars().count(),
        }
    }

    #[test]
    fn first_and_last_seen_across_runs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("i.db");
        {
            let mut s = ClaimStore::open(&path).expect("open");
            let st = s
                .add_document(
                    &doc("a", Some("2024-01-01")),
                    &[claim("We will win.", Some("Ann Lee"))],
                    "2024-01-02",
                )
                .expect("add");
            assert_eq!((st.documents, st.claims_new, st.claims_seen), (1, 1, 0));
        }
        let mut s = ClaimStore::open(&path).expect("reopen");
        let st = s
            .add_document(
                &doc("b", None),
                &[claim("“We WILL win”", Some("Bob"))],
                "2024-02-01",
            )
            .expect("add");
        assert_eq!((st.claims_new, st.claims_seen), (0, 1));
        let again = s
            .add_document(&doc("b", None), &[claim("Other", None)], "2024-03-01")
            .expect("add");
        assert_eq!(again, AddStats::default(), "a known document id is skipped");
        let seen = s.seen("we will win").expect("seen").expect("found");
        assert_eq!(seen.first_doc_id, "a");
        assert_eq!(seen.first_date.as_deref(), Some("2024-01-01"));
        assert_eq!(seen.first_speaker.as_deref(), Some("Ann Lee"));
        assert_eq!(seen.first_url.as_deref(), Some("https://example.org/a"));
        assert_eq!(
            (seen.first_seen.as_str(), seen.last_seen.as_str()),
            ("2024-01-02", "2024-02-01")
        );
        assert_eq!(seen.occurrences, 2);
        assert_eq!(seen.claim_id, claim_id("We will win."));
        assert_eq!(s.counts().expect("counts"), [2, 1, 2, 2]);
        assert!(s.has_document("a").expect("has"));
        assert!(s.seen("never said").expect("seen").is_none());
    }

    #[test]
    fn foreign_corrupt_and_newer_files_are_clear_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = dir.path().join("notes.db");
        std::fs::write(
            &text,
            "this is not a database, just some text that is long enough ".repeat(20),
        )
        .expect("write");
        let e = ClaimStore::open(&text).expect_err("text file");
        assert!(
            e.to_string()
                .contains("not a quotecheck claim index (not an SQLite database)"),
            "{e}"
        );

        let other = dir.path().join("other.db");
        Connection::open(&other)
            .and_then(|c| c.execute_batch("CREATE TABLE t (x);"))
            .expect("other db");
        let e = ClaimStore::open(&other).expect_err("other db");
        assert!(e.to_string().contains("another program"), "{e}");

        let newer = dir.path().join("newer.db");
        drop(ClaimStore::open(&newer).expect("create"));
        Connection::open(&newer)
            .and_then(|c| c.execute_batch("PRAGMA user_version = 99;"))
            .expect("bump");
        let e = ClaimStore::open(&newer).expect_err("newer");
        assert!(e.to_string().contains("schema version 99"), "{e}");
    }

    #[test]
    fn today_is_a_date() {
        let t = today_utc();
        assert_eq!(t.len(), 10);
        assert!(t.as_str() > "2024-01-01");
    }
}
