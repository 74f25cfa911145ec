//! What corpus speaker linking keeps of a run, compactly: interned strings
//! ([`Strs`]), every speaker record as a few string numbers ([`Rec`]), the
//! people named in a role, and, once linked, the `(document, name, role) →
//! key` table as sorted rows of numbers ([`Table`]).
//!
//! A run of 84,000 articles has about a million speaker records, most of
//! whose names, roles and mentions recur across documents: a record is 28
//! bytes here (against some 300 as a [`SpeakerRecord`] of owned strings),
//! and a linked speaker 16 bytes of the table.

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

/// A lookup by a key of string numbers (`(document, name, role)`), sorted
/// pairs; when a key was given twice, the later value holds.
#[derive(Debug, Clone)]
pub struct Table<K, V> {
    rows: Vec<(K, V)>,
}

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table { rows: Vec::new() }
    }
}

impl<K: Copy + Ord, V: Copy> Table<K, V> {
    /// The table of `rows` (in the order given: a later row for the same
    /// key wins).
    pub fn new(mut rows: Vec<(K, V)>) -> Self {
        // Stable: equal keys stay in the order given; the last is kept
        // (compacted in place).
        rows.sort_by_key(|&(k, _)| k);
        let mut kept = 0;
        for i in 0..rows.len() {
            let r = rows[i];
            if kept > 0 && rows[kept - 1].0 == r.0 {
                rows[kept - 1] = r;
            } else {
                rows[kept] = r;
                kept += 1;
            }
        }
        rows.truncate(kept);
        rows.shrink_to_fit();
        Table { rows }
    }

    /// The value of `key`.
    pub fn get(&self, key: K) -> Option<V> {
        self.rows
            .binary_search_by_key(&key, |&(k, _)| k)
            .ok()
            .map(|i| self.rows[i].1)
    }

    /// The rows whose keys lie in `lo..=hi`, in key order.
    pub fn range(&self, lo: K, hi: K) -> &[(K, V)] {
        let a = self.rows.partition_point(|(k, _)| *k < lo);
        let b = self.rows.partition_point(|(k, _)| *k <= hi);
        &self.rows[a..b.max(a)]
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
    fn table_keeps_the_last_value_of_a_pair() {
        let t = Table::new(vec![
            ((2, 1), 'a'),
            ((0, 5), 'b'),
            ((2, 1), 'c'),
            ((0, 4), 'd'),
        ]);
        assert_eq!(t.len(), 3);
        assert_eq!(t.get((2, 1)), Some('c'));
        assert_eq!(t.get((0, 5)), Some('b'));
        assert_eq!(t.get((0, 4)), Some('d'));
        assert_eq!(t.get((1, 1)), None);
        assert_eq!(
            t.range((0, 0), (0, u32::MAX)),
            [((0, 4), 'd'), ((0, 5), 'b')]
        );
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
