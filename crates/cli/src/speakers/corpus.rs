//! What corpus speaker linking keeps of a run, compactly: interned strings
//! ([`Strs`]), every speaker record as a few string numbers ([`Rec`]), the
//! people named in a role, and, once linked, the `(document, name, role) →
//! key` table as rows of numbers grouped by document ([`DocTable`]).
//!
//! A run of 84,000 articles has about a million speaker records, most of
//! whose names, roles and mentions recur across documents: a record is 28
//! bytes here (against some 300 as a [`SpeakerRecord`] of owned strings),
//! and a linked speaker 12 bytes of the table.

use std::collections::HashMap;
use std::sync::Arc;

use quotecheck_core::SpeakerRecord;

use super::NamedRole;

/// Interned strings: each distinct string stored once, numbered in order
/// of first use.
#[derive(Debug, Default, Clone)]
pub struct Strs {
    ids: HashMap<Arc<str>, u32>,
    all: Vec<Arc<str>>,
}

impl Strs {
    /// The number of `s`, interned if new.
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let a: Arc<str> = Arc::from(s);
        let i = u32::try_from(self.all.len()).unwrap_or(u32::MAX);
        self.all.push(Arc::clone(&a));
        self.ids.insert(a, i);
        i
    }

    /// The number of `s`, interned (sharing its allocation) if new.
    pub fn id_shared(&mut self, s: &Arc<str>) -> u32 {
        if let Some(&i) = self.ids.get(&**s) {
            return i;
        }
        let i = u32::try_from(self.all.len()).unwrap_or(u32::MAX);
        self.all.push(Arc::clone(s));
        self.ids.insert(Arc::clone(s), i);
        i
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    /// True when no string is interned.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// The number of `s`, when interned.
    pub fn find(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// The string numbered `i`.
    pub fn get(&self, i: u32) -> &str {
        self.all.get(i as usize).map_or("", |s| s)
    }

    /// The shared string numbered `i`.
    pub fn arc(&self, i: u32) -> Arc<str> {
        self.all
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| Arc::from(""))
    }

    /// `s` as a shared string, interned if new (one allocation per
    /// distinct string however often it is asked for).
    pub fn shared(&mut self, s: &str) -> Arc<str> {
        let i = self.id(s);
        self.arc(i)
    }
}

/// One speaker record, its strings numbered in [`LinkCorpus::strs`].
#[derive(Debug, Clone, Copy)]
pub struct Rec {
    /// Document number (order of first appearance).
    pub doc: u32,
    /// Canonical name.
    pub speaker: u32,
    /// Role or title.
    pub role: u32,
    /// The engine's kind (`person`, `organization`, …).
    pub kind: u32,
    /// First mention in [`LinkCorpus::mentions`].
    pub mentions: u32,
    /// Number of mentions.
    pub n_mentions: u32,
    /// Quotes attributed to the speaker.
    pub quote_count: u32,
}

/// A person named in a role in one document.
#[derive(Debug, Clone, Copy)]
pub struct RoleRec {
    /// Document number.
    pub doc: u32,
    /// The role noun, folded.
    pub head: u32,
    /// The name as written.
    pub name: u32,
}

/// Everything corpus linking reads: the speaker records and named roles of
/// every document, in input order.
#[derive(Debug, Default, Clone)]
pub struct LinkCorpus {
    /// Interned names, roles, kinds and mentions (and, after linking, keys).
    pub strs: Strs,
    /// Document ids, numbered in order of first appearance.
    pub docs: Strs,
    /// The speaker records, in input order.
    pub recs: Vec<Rec>,
    /// The mentions of every record, one after the other.
    pub mentions: Vec<u32>,
    /// The named roles, in input order.
    pub roles: Vec<RoleRec>,
}

impl LinkCorpus {
    /// The number of document `id`, numbered if new.
    pub fn doc(&mut self, id: &str) -> u32 {
        self.docs.id(id)
    }

    /// The number of document `id`, when known.
    pub fn find_doc(&self, id: &str) -> Option<u32> {
        self.docs.find(id)
    }

    /// The id of document number `doc`.
    pub fn doc_id(&self, doc: u32) -> &str {
        self.docs.get(doc)
    }

    /// Keep speaker record `r` (of document `r.doc_id`).
    pub fn add_record(&mut self, r: &SpeakerRecord) {
        let doc = self.doc(&r.doc_id);
        let start = u32::try_from(self.mentions.len()).unwrap_or(u32::MAX);
        for m in &r.mentions {
            let m = self.strs.id(m);
            self.mentions.push(m);
        }
        let rec = Rec {
            doc,
            speaker: self.strs.id(&r.speaker),
            role: self.strs.id(&r.role),
            kind: self.strs.id(&r.kind),
            mentions: start,
            n_mentions: u32::try_from(r.mentions.len()).unwrap_or(u32::MAX),
            quote_count: u32::try_from(r.quote_count).unwrap_or(u32::MAX),
        };
        self.recs.push(rec);
    }

    /// Keep a person named in a role in document `doc_id`.
    pub fn add_role(&mut self, doc_id: &str, r: &NamedRole) {
        let role = RoleRec {
            doc: self.doc(doc_id),
            head: self.strs.id(&r.head),
            name: self.strs.id(&r.name),
        };
        self.roles.push(role);
    }

    /// Keep what linking needs of one document: its speaker records that
    /// get a key ([`super::linking`]; the others may be left out) and its
    /// named roles.
    pub fn add_doc(&mut self, doc_id: &str, speakers: &[SpeakerRecord], roles: &[NamedRole]) {
        self.doc(doc_id);
        for s in speakers {
            self.add_record(s);
        }
        for r in roles {
            self.add_role(doc_id, r);
        }
    }

    /// The mentions of `r`.
    pub fn mentions_of<'s>(&'s self, r: &Rec) -> impl Iterator<Item = &'s str> + 's {
        let start = r.mentions as usize;
        let end = start + r.n_mentions as usize;
        self.mentions
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|m| self.strs.get(*m))
    }
}

/// A lookup by `(document, name, role)` string numbers: rows of `(name,
/// role) → value` grouped by document (`starts[d]..starts[d + 1]`), each
/// group sorted, so a row carries no document number (12 bytes for a
/// `u32` value). When a key was given twice, the later value holds.
#[derive(Debug, Clone)]
pub struct DocTable<V> {
    starts: Vec<u32>,
    rows: Vec<((u32, u32), V)>,
}

impl<V> Default for DocTable<V> {
    fn default() -> Self {
        DocTable {
            starts: Vec::new(),
            rows: Vec::new(),
        }
    }
}

impl<V: Copy + Default> DocTable<V> {
    /// The table of `rows` over documents `0..n_docs` (in the order given:
    /// a later row for the same key wins; rows of other documents are
    /// left out). The rows are placed by document in two passes (a
    /// counting sort), with no wider copy of the table.
    pub fn new<I>(n_docs: usize, rows: I) -> Self
    where
        I: Iterator<Item = ((u32, u32, u32), V)> + Clone,
    {
        let mut starts = vec![0u32; n_docs + 1];
        for ((d, _, _), _) in rows.clone() {
            if let Some(n) = starts
                .get_mut(d as usize + 1)
                .filter(|_| (d as usize) < n_docs)
            {
                *n += 1;
            }
        }
        for d in 0..n_docs {
            starts[d + 1] += starts[d];
        }
        let mut table = vec![((0, 0), V::default()); starts[n_docs] as usize];
        let mut next = starts.clone();
        for ((d, n, r), v) in rows {
            if let Some(at) = next.get_mut(d as usize).filter(|_| (d as usize) < n_docs) {
                table[*at as usize] = ((n, r), v);
                *at += 1;
            }
        }
        drop(next);
        // Sort each document's rows (stable: equal keys stay in the order
        // given) and keep the last of equal keys, compacting in place.
        let mut kept = 0usize;
        let mut read = 0usize;
        for d in 0..n_docs {
            let end = starts[d + 1] as usize;
            starts[d] = u32::try_from(kept).unwrap_or(u32::MAX);
            table[read..end].sort_by_key(|&(k, _)| k);
            let first = kept;
            for i in read..end {
                let row = table[i];
                if kept > first && table[kept - 1].0 == row.0 {
                    table[kept - 1] = row;
                } else {
                    table[kept] = row;
                    kept += 1;
                }
            }
            read = end;
        }
        starts[n_docs] = u32::try_from(kept).unwrap_or(u32::MAX);
        table.truncate(kept);
        table.shrink_to_fit();
        DocTable {
            starts,
            rows: table,
        }
    }

    /// The rows of document `doc`, sorted by `(name, role)`.
    fn doc_rows(&self, doc: u32) -> &[((u32, u32), V)] {
        let d = doc as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) => self.rows.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The value of `(doc, name, role)`.
    pub fn get(&self, (doc, name, role): (u32, u32, u32)) -> Option<V> {
        let rows = self.doc_rows(doc);
        rows.binary_search_by_key(&(name, role), |&(k, _)| k)
            .ok()
            .map(|i| rows[i].1)
    }

    /// The `(role, value)` of name `name` in document `doc`, in role order.
    pub fn of_name(&self, doc: u32, name: u32) -> impl Iterator<Item = (u32, V)> + '_ {
        let rows = self.doc_rows(doc);
        let a = rows.partition_point(|&((n, _), _)| n < name);
        let b = rows.partition_point(|&((n, _), _)| n <= name);
        rows[a..b.max(a)].iter().map(|&((_, r), v)| (r, v))
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_interned_once() {
        let mut s = Strs::default();
        let a = s.id("Elena Marsh");
        let b = s.id("the mayor");
        assert_eq!(s.id("Elena Marsh"), a);
        assert_ne!(a, b);
        assert_eq!(s.get(b), "the mayor");
        assert_eq!(s.find("nobody"), None);
        assert!(Arc::ptr_eq(&s.shared("the mayor"), &s.arc(b)));
    }

    #[test]
    fn table_keeps_the_last_value_of_a_key() {
        let rows = vec![
            ((2, 1, 0), 'a'),
            ((0, 5, 0), 'b'),
            ((2, 1, 0), 'c'),
            ((0, 4, 7), 'd'),
            ((0, 4, 3), 'e'),
            ((9, 1, 0), 'x'),
        ];
        let t = DocTable::new(3, rows.into_iter());
        assert_eq!(t.len(), 4);
        assert_eq!(t.get((2, 1, 0)), Some('c'));
        assert_eq!(t.get((0, 5, 0)), Some('b'));
        assert_eq!(t.get((0, 4, 7)), Some('d'));
        assert_eq!(t.get((1, 1, 0)), None);
        assert_eq!(t.get((9, 1, 0)), None);
        assert_eq!(t.of_name(0, 4).collect::<Vec<_>>(), [(3, 'e'), (7, 'd')]);
        assert_eq!(t.of_name(1, 4).count(), 0);
    }

    #[test]
    fn records_keep_their_mentions() {
        let mut c = LinkCorpus::default();
        let r = SpeakerRecord {
            doc_id: "d1".into(),
            speaker: "Elena Marsh".into(),
            role: "Mayor".into(),
            kind: "person".into(),
            mentions: vec!["Marsh".into(), "she".into()],
            quote_count: 3,
        };
        c.add_doc("d0", &[], &[]);
        c.add_record(&r);
        let rec = c.recs[0];
        assert_eq!(c.doc_id(rec.doc), "d1");
        assert_eq!(c.find_doc("d0"), Some(0));
        assert_eq!(c.strs.get(rec.role), "Mayor");
        assert_eq!(c.mentions_of(&rec).collect::<Vec<_>>(), ["Marsh", "she"]);
    }
}
