//! Republished copies folded into their `republished` finding. A document
//! that is a copy of an earlier one (a `republished` finding) repeats every
//! claim and quote of the original; `report` writes those once, in
//! `duplicates.csv` and `misquotes.csv`, with a count of the copies folded
//! into each row (`copies_folded`). `quotes.csv` and `claims.csv` keep
//! one row per document.
//!
//! A family is a document and its republished copies (the chain of
//! `republished` findings, copy `doc_b` to original `doc_a`); its root is
//! the document no finding calls a copy.

use std::collections::HashMap;

use quotecheck_dedup::findings::Finding;

use crate::claims::DedupTables;

/// Column that `report` adds at the end of `duplicates.csv` and
/// `misquotes.csv`: the rows of republished copies folded into this one.
pub const COPIES_COLUMN: &str = "copies_folded";

/// Documents by family: each republished copy's root document.
#[derive(Debug, Default)]
pub struct Families {
    parent: HashMap<String, String>,
}

impl Families {
    /// The families of the `republished` findings in `findings`.
    pub fn of(findings: &[Finding]) -> Families {
        let parent = findings
            .iter()
            .filter(|f| f.kind == "republished" && f.doc_a != f.doc_b)
            .map(|f| (f.doc_b.clone(), f.doc_a.clone()))
            .collect();
        Families { parent }
    }

    /// The root of `doc`'s family (`doc` itself when it is no copy).
    pub fn root<'a>(&'a self, doc: &'a str) -> &'a str {
        let mut d = doc;
        // A chain is at most as long as the map (a cycle cannot come from
        // dated findings, but is cut all the same).
        for _ in 0..=self.parent.len() {
            match self.parent.get(d) {
                Some(p) => d = p,
                None => return d,
            }
        }
        d
    }

    /// True when no document is a copy.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }
}

/// What folding removed, for `summary.json`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Folded {
    /// Rows of `duplicates.csv` folded into another row of their family.
    pub duplicates: usize,
    /// Rows of `misquotes.csv` folded into the same pair between the
    /// roots of the two documents' families.
    pub misquotes: usize,
    /// Rows of `duplicates.csv` left out because all the members of their
    /// cluster are in one document (a page repeating its headline or
    /// standfirst): no finding.
    pub same_document: usize,
}

/// Fold the rows of republished copies in `tables`: a cluster whose
/// members are all in one document is dropped (a page repeating its own
/// headline is no finding); per cluster, the
/// members of copies are counted in their family's row (the root's own
/// member when it is one, else the first copy's), and a cluster left with
/// one family after folding is dropped (the `republished` finding says
/// it); per kind, pair of family roots
/// and pair of texts, one `misquotes.csv` row. The counts of the rows
/// folded into each kept one go to `tables.copies`.
pub fn fold(tables: &mut DedupTables, families: &Families) -> Folded {
    let before = (tables.duplicates.len(), tables.report.misquotes.len());
    let mut kept: Vec<(u32, u32)> = Vec::with_capacity(tables.duplicates.len());
    let mut copies: Vec<u32> = Vec::with_capacity(tables.duplicates.len());
    let clusters = &tables.report.clusters;
    let doc_of = |(c, m): (u32, u32)| &*clusters[c as usize].members[m as usize].claim.doc_id;
    let mut same_document = 0;
    for run in tables.duplicates.chunk_by(|x, y| x.0 == y.0) {
        let members = &clusters[run[0].0 as usize].members;
        // One document repeating itself: not a duplicate across documents.
        if run.iter().all(|&x| doc_of(x) == doc_of(run[0])) {
            same_document += run.len();
            continue;
        }
        // Family root -> index in `kept` of the cluster's row for it.
        let mut rows: Vec<(&str, usize)> = Vec::new();
        let start = kept.len();
        let mut folded = false;
        for &(c, m) in run {
            let doc = &*members[m as usize].claim.doc_id;
            let root = families.root(doc);
            let row = rows.iter().find(|r| r.0 == root).map(|r| r.1);
            match row {
                // A copy's member: counted in its family's row.
                Some(i) if doc != root => {
                    copies[i] += 1;
                    folded = true;
                }
                // The root's own member takes the place of a copy's.
                Some(i) if doc_of(kept[i]) != root => {
                    kept[i] = (c, m);
                    copies[i] += 1;
                    folded = true;
                }
                _ => {
                    if row.is_none() {
                        rows.push((root, kept.len()));
                    }
                    kept.push((c, m));
                    copies.push(0);
                }
            }
        }
        // Only copies repeat the claim: the `republished` finding says it.
        if folded && rows.len() < 2 {
            kept.truncate(start);
            copies.truncate(start);
        }
    }
    tables.duplicates = kept;
    let mut pairs: HashMap<(u8, &str, &str, &str, &str), usize> = HashMap::new();
    let mut keep = Vec::with_capacity(tables.report.misquotes.len());
    let mut mq_copies: Vec<u32> = Vec::new();
    for m in &tables.report.misquotes {
        let (ra, rb) = (families.root(&m.doc_a), families.root(&m.doc_b));
        let key = if ra <= rb {
            (m.kind as u8, ra, rb, m.quote_a.as_str(), m.quote_b.as_str())
        } else {
            (m.kind as u8, rb, ra, m.quote_b.as_str(), m.quote_a.as_str())
        };
        match pairs.get(&key) {
            Some(&j) => {
                mq_copies[j] += 1;
                keep.push(false);
            }
            None => {
                pairs.insert(key, mq_copies.len());
                mq_copies.push(0);
                keep.push(true);
            }
        }
    }
    drop(pairs);
    let mut keep = keep.into_iter();
    tables
        .report
        .misquotes
        .retain(|_| keep.next().unwrap_or(true));
    tables.copies = Some((copies, mq_copies));
    Folded {
        duplicates: before.0 - tables.duplicates.len() - same_document,
        misquotes: before.1 - tables.report.misquotes.len(),
        same_document,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::dedup_documents;
    use quotecheck_core::Document;

    const WIRE: &str = "Police arrested two men in Leeds on Friday night after a long chase. \
                        The city council will meet on Monday to discuss the budget deficit.";

    /// A copy's rows fold into its original's, a cluster only the copy
    /// repeats is dropped, and another document keeps its own row.
    #[test]
    fn copies_fold_into_their_family() {
        let other = "Police arrested two men in Leeds on Friday night after a long chase. \
                     Nothing else happened in the county that week, officials said.";
        let docs = [
            Document::new("a", WIRE),
            Document::new("a-copy", WIRE),
            Document::new("b", other),
        ];
        let mut tables = dedup_documents(&docs);
        let doc_of = |t: &DedupTables| -> Vec<String> {
            t.duplicate_rows().map(|r| r.doc_id).collect::<Vec<_>>()
        };
        let all = doc_of(&tables);
        assert_eq!(all, ["a", "a-copy", "b", "a", "a-copy"]);
        let families = Families {
            parent: [("a-copy".to_string(), "a".to_string())].into(),
        };
        assert_eq!(families.root("a-copy"), "a");
        assert_eq!(families.root("b"), "b");
        let folded = fold(&mut tables, &families);
        assert_eq!(doc_of(&tables), ["a", "b"]);
        assert_eq!(
            tables.copies.as_ref().map(|c| c.0.clone()),
            Some(vec![1, 0])
        );
        assert_eq!(folded.duplicates, 3);
        // Nothing to fold: the same rows, no copies.
        let mut again = tables.clone();
        let none = fold(&mut again, &Families::default());
        assert_eq!(none, Folded::default());
        assert_eq!(doc_of(&again), ["a", "b"]);
    }

    /// A page that repeats its own headline (a cluster with every member
    /// in one document) has no row in `duplicates.csv` and is counted as
    /// such; a cluster across documents keeps its rows.
    #[test]
    fn a_page_repeating_itself_is_no_duplicate() {
        let headline = "Senate passes the budget bill after a long night of debate over spending.";
        let page = format!("{headline}\n\n{headline}\n\nThe vote was close, officials said.");
        let docs = [
            Document::new("page", page.as_str()),
            Document::new("a", WIRE),
            Document::new("b", WIRE),
        ];
        let mut tables = dedup_documents(&docs);
        let rows = |t: &DedupTables| -> Vec<(String, String)> {
            t.duplicate_rows().map(|r| (r.doc_id, r.claim)).collect()
        };
        let before = rows(&tables);
        let in_page = before.iter().filter(|r| r.0 == "page").count();
        assert!(
            in_page >= 2,
            "the repeated headline is a cluster: {before:?}"
        );
        let folded = fold(&mut tables, &Families::default());
        let after = rows(&tables);
        assert!(after.iter().all(|r| r.0 != "page"), "{after:?}");
        assert_eq!(after.len(), before.len() - in_page);
        assert_eq!(folded.same_document, in_page);
        assert_eq!(folded.duplicates, 0);
    }
}
