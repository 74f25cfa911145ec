//! Identical documents analysed once. Wire copy is republished word for
//! word under other ids; the `report` runner keys what a document's text
//! gives (quote and speaker records, named roles, claims and their sketch)
//! by the SHA-256 of the text, and a later document with the same text gets
//! a copy of the first one's, renamed to its own id, instead of another run
//! of the engine. Offsets are the same because the text is the same, so
//! every output is byte-identical to analysing each copy.
//!
//! The texts remembered form a window of the most recent distinct texts,
//! at most [`WINDOW_BYTES`] of text in all: copies that arrive close
//! together (a wire story republished the same day) are found, and a corpus
//! of distinct articles costs a bounded amount of memory.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use quotecheck_core::Document;
use sha2::{Digest, Sha256};

use crate::claims::DocClaims;
use crate::run::{doc_records, DocRecords};

/// The most bytes of text whose results are kept for later copies.
pub const WINDOW_BYTES: usize = 16 << 20;

/// What the text of a document gives, under the id of the document that
/// computed it.
#[derive(Debug)]
struct Derived {
    doc_id: String,
    records: DocRecords,
    claims: DocClaims,
}

impl Derived {
    /// The same results under the id `doc_id`: every field that names the
    /// document (`doc_id`, `quote_id` `<doc_id>#n`, `claim_id`
    /// `<doc_id>@a-b`) renamed.
    fn renamed(&self, doc_id: &str) -> (DocRecords, DocClaims) {
        let rename = |id: &str| match id.strip_prefix(self.doc_id.as_str()) {
            Some(rest) => format!("{doc_id}{rest}"),
            None => id.to_string(),
        };
        let mut records = self.records.clone();
        for q in &mut records.quotes {
            q.doc_id = doc_id.to_string();
            q.quote_id = rename(&q.quote_id);
        }
        for s in &mut records.speakers {
            s.doc_id = doc_id.to_string();
        }
        let claims = DocClaims {
            claims: self
                .claims
                .claims
                .iter()
                .map(|c| crate::claims::ClaimRow {
                    doc_id: doc_id.to_string(),
                    claim_id: rename(&c.claim_id),
                    ..c.clone()
                })
                .collect(),
            sketch: self.claims.sketch.as_ref().map(|s| s.renamed(doc_id)),
        };
        (records, claims)
    }
}

type Slot = Arc<OnceLock<Derived>>;

/// The window of remembered texts, shared by the worker threads.
#[derive(Debug, Default)]
struct Window {
    slots: HashMap<[u8; 32], Slot>,
    /// Keys and text sizes, oldest first.
    order: VecDeque<([u8; 32], usize)>,
    bytes: usize,
}

/// Results by text, for the documents of one run ([`SameText::records`]).
#[derive(Debug, Default)]
pub struct SameText {
    window: Mutex<Window>,
}

impl SameText {
    /// The records and claims of `doc`, computed with `claims` (which
    /// receives the document and its analysis) or, when a document with
    /// the same text was seen in the window, copied from its results.
    /// Safe to call from many threads: a copy that arrives while the first
    /// is being analysed waits for it. The analysis and `claims` must not
    /// wait for other rayon work (they run inside the text's slot, and a
    /// worker that took a copy's job while waiting would wait on itself);
    /// neither the engine nor sketching does.
    pub fn records(
        &self,
        doc: &Document,
        claims: impl FnOnce(&Document, &quotecheck_core::Analysis) -> DocClaims,
    ) -> (DocRecords, DocClaims) {
        let key: [u8; 32] = Sha256::digest(doc.text.as_bytes()).into();
        let slot = {
            let mut w = self.window.lock().unwrap_or_else(PoisonError::into_inner);
            w.slot(key, doc.text.len())
        };
        let Some(slot) = slot else {
            return doc_records(doc, claims);
        };
        let derived = slot.get_or_init(|| {
            let (records, claims) = doc_records(doc, claims);
            Derived {
                doc_id: doc.id.clone(),
                records,
                claims,
            }
        });
        derived.renamed(&doc.id)
    }
}

impl Window {
    /// The slot of `key`, made (and the oldest slots forgotten) when it is
    /// new; `None` for a text larger than the whole window.
    fn slot(&mut self, key: [u8; 32], bytes: usize) -> Option<Slot> {
        if let Some(s) = self.slots.get(&key) {
            return Some(s.clone());
        }
        if bytes > WINDOW_BYTES {
            return None;
        }
        while self.bytes + bytes > WINDOW_BYTES {
            let Some((old, n)) = self.order.pop_front() else {
                break;
            };
            self.slots.remove(&old);
            self.bytes -= n;
        }
        let slot = Slot::default();
        self.slots.insert(key, slot.clone());
        self.order.push_back((key, bytes));
        self.bytes += bytes;
        Some(slot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quotecheck_dedup::DedupConfig;

    const TEXT: &str = "\u{201c}We will not close the plant,\u{201d} Mayor Ana Ruiz said on \
                        Monday. The plant employs 1,600 people. \u{201c}It stays open,\u{201d} \
                        she added.";

    /// A copy's records are the records of analysing it, byte for byte,
    /// and the engine ran once.
    #[test]
    fn a_copy_gets_the_records_of_its_own_analysis() {
        let dd = crate::claims::deduper(&DedupConfig::default());
        let same = SameText::default();
        let runs = std::sync::atomic::AtomicUsize::new(0);
        let claims = |d: &Document, a: &quotecheck_core::Analysis| {
            runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            crate::claims::claims_of(d, a, &dd, true)
        };
        let first = Document::new("wire-1", TEXT);
        let copy = Document::new("paper-2", TEXT);
        let (r1, c1) = same.records(&first, claims);
        let (r2, c2) = same.records(&copy, claims);
        assert_eq!(runs.load(std::sync::atomic::Ordering::Relaxed), 1);
        let (own, own_claims) =
            doc_records(&copy, |d, a| crate::claims::claims_of(d, a, &dd, true));
        assert!(!r2.quotes.is_empty() && !c2.claims.is_empty());
        assert_eq!(r2.quotes, own.quotes);
        assert_eq!(r2.speakers, own.speakers);
        assert_eq!(r2.named_roles, own.named_roles);
        assert_eq!(c2.claims, own_claims.claims);
        assert_eq!(r2.quotes[0].quote_id, "paper-2#1");
        assert_eq!(r1.quotes[0].quote_id, "wire-1#1");
        assert!(c1.claims[0].claim_id.starts_with("wire-1@"));
        let sketch = |c: &DocClaims| c.sketch.as_ref().map(|s| (s.doc_id().to_string(), s.len()));
        assert_eq!(sketch(&c2), sketch(&own_claims));
    }

    /// The window forgets the oldest texts beyond its size.
    #[test]
    fn the_window_is_bounded() {
        let mut w = Window::default();
        let half = WINDOW_BYTES / 2;
        assert!(w.slot([1; 32], half).is_some());
        assert!(w.slot([2; 32], half).is_some());
        assert!(w.slot([3; 32], 1).is_some());
        assert!(!w.slots.contains_key(&[1; 32]));
        assert!(w.slots.contains_key(&[2; 32]) && w.slots.contains_key(&[3; 32]));
        assert_eq!(w.bytes, half + 1);
        assert!(w.slot([4; 32], WINDOW_BYTES + 1).is_none());
    }
}
