//! Misquotes and conflicting attributions between quotes.
//!
//! Only quotes of at least `misquote_min_words` words (default 4) with a
//! resolved speaker take part; identical quotes by one speaker are compared
//! once (one representative per normalised form and speaker, so K
//! syndicated copies cost no more than one). Candidate pairs come from the
//! LSH band keys of duplicate detection, from equal normalised forms, and
//! from shared word trigrams (so that a partial quote meets the quote it was
//! cut from). Pairs in one document are not compared. Each pair is compared
//! with [`crate::compare::compare`] — a partial quote against the matching
//! stretch of the longer quote — and is
//!
//! - a **misquote** when both are direct quotes (words in quote marks;
//!   reported speech is paraphrase by nature) attributed to the [same
//!   speaker](same_speaker), the words differ (a negation or a number,
//!   with aligned word similarity `S = 1 − lev / max(len)` at least
//!   `misquote_min_similarity`, default 0.6; other words, with `S` at least
//!   `misquote_words_min_similarity`, default 0.75) and the aligned
//!   stretches share at least three content words that are not
//!   [generic](crate::rules) (two for a negation or number change, which
//!   must also be one remark: at least `change_min_content_share` of the
//!   shorter stretch's such words shared, see
//!   [`crate::rules::change_min_content_share`]). A faithful partial quote (every word present,
//!   in order) is no misquote, unless the cut drops a negation just before
//!   it (see [`crate::compare::compare`]);
//! - a **conflicting attribution** when both are direct quotes, the
//!   speakers differ, the shorter quote has at least six words, the quotes
//!   share at least four non-generic content words, and the words are the
//!   same (equal, a faithful part, or `S ≥ conflict_min_similarity`,
//!   default 0.85) with the same negations and numbers.
//!
//! ```
//! use quotecheck_dedup::misquote::{same_speaker, word_diff, word_similarity};
//! let a = ["we", "will", "not", "negotiate", "with", "them"];
//! let b = ["we", "will", "now", "negotiate", "with", "them"];
//! assert_eq!(word_diff(&a, &b), "-not +now");
//! assert!((word_similarity(&a, &b) - 5.0 / 6.0).abs() < 1e-6);
//! assert!(same_speaker("Sergei Lavrov", "Lavrov"));
//! assert!(!same_speaker("Sergei Lavrov", "John Kerry"));
//! ```

use rayon::prelude::*;

use crate::compare::{compare, compare_without_diff, Change};
use crate::engine::{Finisher, NO_SPEAKER};
use crate::lsh::{pack_pair, unpack_pair};
use crate::normalize::word_hash;
use crate::record::{MisquoteKind, MisquoteRecord};
use crate::rules::change_min_content_share;

/// A conflicting attribution needs quotes of at least this many words: a
/// shorter common phrase (`boots on the ground`) is no evidence of one quote.
const CONFLICT_MIN_WORDS: usize = 6;
/// A misquote needs at least this many shared content words that are not
/// [generic](crate::rules::is_generic): `I'm a negotiator` and `I'm a
/// unifier` share none, and are two remarks, not one misquoted.
const MISQUOTE_MIN_SHARED: usize = 3;
/// A negation or number change needs two (`we are not cutting because we
/// are in trouble` / `we are cutting because …`: the change itself is the
/// evidence).
const MISQUOTE_MIN_SHARED_NEGATION: usize = 2;
/// A conflicting attribution needs at least this many (`I will fight for
/// you` is anybody's line).
const CONFLICT_MIN_SHARED: usize = 4;

impl Finisher {
    /// Misquotes and conflicting attributions (see the module
    /// documentation), in canonical order of quote a, then quote b.
    pub(crate) fn misquotes(&self) -> Vec<MisquoteRecord> {
        let min_words = self.config.misquote_min_words;
        let mut quotes: Vec<(u64, u32, u32)> = (0..self.store.metas.len() as u32)
            .filter(|&r| {
                let m = self.meta(r);
                m.speaker != NO_SPEAKER && self.store.norm(m).split(' ').count() >= min_words
            })
            .map(|r| (self.meta(r).exact, self.meta(r).speaker, r))
            .collect();
        // One representative per normalised form and speaker.
        quotes.sort_unstable();
        quotes.dedup_by_key(|q| (q.0, q.1));
        if quotes.len() < 2 {
            return Vec::new();
        }
        let mut selected = vec![false; self.store.metas.len()];
        for q in &quotes {
            selected[q.2 as usize] = true;
        }
        let mut pairs = self.lsh_candidates(&selected);
        drop(selected);
        let max_bucket = self.config.max_bucket.max(2);
        // Equal normalised forms (different speakers).
        for run in quotes.chunk_by(|x, y| x.0 == y.0) {
            for (i, x) in run.iter().enumerate() {
                for y in run.iter().skip(i + 1).take(max_bucket) {
                    pairs.push(pack_pair(x.2, y.2));
                }
            }
        }
        pairs.extend(self.trigram_pairs(&quotes, max_bucket));
        pairs.sort_unstable();
        pairs.dedup();
        let mut out: Vec<MisquoteRecord> = pairs
            .par_iter()
            .filter_map(|&p| {
                let (a, b) = unpack_pair(p);
                self.quote_pair(a, b)
            })
            .collect();
        out.shrink_to_fit();
        out
    }

    /// Pairs of quotes sharing at least two word trigrams (one when the
    /// shorter has at most six words); trigrams shared by more than
    /// `max_bucket` quotes are ignored.
    fn trigram_pairs(&self, quotes: &[(u64, u32, u32)], max_bucket: usize) -> Vec<u64> {
        let mut grams: Vec<(u64, u32)> = Vec::new();
        let mut own: Vec<u64> = Vec::new();
        for &(_, _, r) in quotes {
            let words: Vec<&str> = self.store.norm(self.meta(r)).split(' ').collect();
            own.clear();
            own.extend(words.windows(3).map(|w| {
                word_hash(w[0]) ^ word_hash(w[1]).rotate_left(21) ^ word_hash(w[2]).rotate_left(42)
            }));
            own.sort_unstable();
            own.dedup();
            grams.extend(own.iter().map(|&g| (g, r)));
        }
        grams.sort_unstable();
        let mut shared: Vec<u64> = Vec::new();
        for run in grams.chunk_by(|x, y| x.0 == y.0) {
            if run.len() > max_bucket {
                continue;
            }
            for (i, x) in run.iter().enumerate() {
                for y in &run[i + 1..] {
                    if self.meta(x.1).doc != self.meta(y.1).doc {
                        shared.push(pack_pair(x.1, y.1));
                    }
                }
            }
        }
        drop(grams);
        shared.sort_unstable();
        shared
            .chunk_by(|x, y| x == y)
            .filter(|run| {
                let (a, b) = unpack_pair(run[0]);
                let words = |r: u32| self.store.norm(self.meta(r)).split(' ').count();
                run.len() >= 2 || words(a).min(words(b)) <= 6
            })
            .map(|run| run[0])
            .collect()
    }

    fn quote_pair(&self, a: u32, b: u32) -> Option<MisquoteRecord> {
        let (ma, mb) = (self.meta(a), self.meta(b));
        if ma.doc == mb.doc {
            return None;
        }
        let (sa, sb) = (self.store.speaker(ma)?, self.store.speaker(mb)?);
        let (ta, tb) = (self.store.text(ma), self.store.text(mb));
        let c = compare_without_diff(ta, tb);
        let cfg = &self.config;
        let kind = if same_speaker(sa, sb) {
            let (min_similarity, min_shared) = match c.change {
                Change::Words => (cfg.misquote_words_min_similarity, MISQUOTE_MIN_SHARED),
                Change::Shortened => (cfg.misquote_min_similarity, MISQUOTE_MIN_SHARED),
                _ => (cfg.misquote_min_similarity, MISQUOTE_MIN_SHARED_NEGATION),
            };
            // A shortened quote is a misquote only when its cut dropped a
            // qualifier (`only`, `may`: the comparison then has a diff).
            let dropped_qualifier = c.change == Change::Shortened && !c.diff.is_empty();
            // A negation or number change needs one remark on both sides:
            // most of the shorter quote's substance shared.
            let one_remark = !matches!(c.change, Change::Negation | Change::Number)
                || c.shared_content as f32 >= change_min_content_share() * c.short_content as f32;
            let ok = ma.direct
                && mb.direct
                && (dropped_qualifier || !matches!(c.change, Change::None | Change::Shortened))
                && c.similarity >= min_similarity
                && c.shared_content >= min_shared;
            (ok && one_remark).then_some(MisquoteKind::Misquote)?
        } else {
            let same_words = match c.change {
                Change::None | Change::Shortened => true,
                Change::Words => c.similarity >= cfg.conflict_min_similarity,
                Change::Negation | Change::Number => false,
            };
            let words = |m| self.store.norm(m).split(' ').count();
            let long_enough = words(ma).min(words(mb)) >= CONFLICT_MIN_WORDS
                && c.shared_content >= CONFLICT_MIN_SHARED;
            (same_words && long_enough && ma.direct && mb.direct)
                .then_some(MisquoteKind::ConflictingAttribution)?
        };
        Some(MisquoteRecord {
            kind,
            speaker_a: sa.to_string(),
            speaker_b: sb.to_string(),
            doc_a: self.docs[ma.doc as usize].0.to_string(),
            doc_b: self.docs[mb.doc as usize].0.to_string(),
            quote_a: ta.to_string(),
            quote_b: tb.to_string(),
            char_start_a: ma.char_start as usize,
            char_end_a: ma.char_end as usize,
            char_start_b: mb.char_start as usize,
            char_end_b: mb.char_end as usize,
            byte_start_a: ma.byte_start as usize,
            byte_end_a: ma.byte_end as usize,
            byte_start_b: mb.byte_start as usize,
            byte_end_b: mb.byte_end as usize,
            similarity: c.similarity,
            diff: if c.diff.is_empty() {
                compare(ta, tb).diff
            } else {
                c.diff
            },
        })
    }
}

/// Word-level similarity `1 − lev / max(len)` (1.0 for two empty inputs).
pub fn word_similarity(a: &[&str], b: &[&str]) -> f32 {
    let max = a.len().max(b.len());
    if max == 0 {
        return 1.0;
    }
    let (a, b) = (a.to_vec(), b.to_vec());
    let d = strsim::generic_levenshtein(&a, &b);
    1.0 - d as f32 / max as f32
}

/// The word-level difference from `a` to `b`: removed words as `-word`,
/// added words as `+word`, in text order, separated by spaces (based on a
/// longest common subsequence). Empty when the sequences are equal.
///
/// ```
/// use quotecheck_dedup::misquote::word_diff;
/// assert_eq!(word_diff(&["3", "killed"], &["30", "killed"]), "-3 +30");
/// assert_eq!(word_diff(&["a", "b", "c"], &["a", "c", "d"]), "-b +d");
/// assert_eq!(word_diff(&["x"], &["x"]), "");
/// ```
pub fn word_diff(a: &[&str], b: &[&str]) -> String {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j] = LCS length of a[i..], b[j..]
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut out: Vec<String> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut removed: Vec<String> = Vec::new();
    let mut added: Vec<String> = Vec::new();
    let flush = |removed: &mut Vec<String>, added: &mut Vec<String>, out: &mut Vec<String>| {
        out.append(removed);
        out.append(added);
    };
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            flush(&mut removed, &mut added, &mut out);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            removed.push(format!("-{}", a[i]));
            i += 1;
        } else {
            added.push(format!("+{}", b[j]));
            j += 1;
        }
    }
    flush(&mut removed, &mut added, &mut out);
    out.join(" ")
}

/// The words of a speaker name's key ([`quotecheck_core::name_key`]).
fn name_words(name: &str) -> Vec<String> {
    let key = quotecheck_core::name_key(name);
    key.split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True when two speaker names denote the same speaker: equal after
/// normalisation, or one is a single word equal to the other's last word (a
/// surname: `Lavrov` and `Sergei Lavrov`). Empty names never match.
pub fn same_speaker(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa == wb {
        return true;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    short.len() == 1 && long.last() == short.first()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_groups_changes() {
        assert_eq!(
            word_diff(&["a", "b", "c", "d"], &["a", "x", "y", "d"]),
            "-b -c +x +y"
        );
        assert_eq!(word_diff(&[], &["a"]), "+a");
        assert_eq!(word_diff(&["a"], &[]), "-a");
        assert_eq!(word_diff(&["a", "b"], &["b", "a"]), "-a +a");
    }

    #[test]
    fn speakers() {
        assert!(same_speaker("John Kerry", "john  KERRY"));
        assert!(!same_speaker("", ""));
        assert!(same_speaker("Donald Trump's", "Donald Trump"));
        assert!(!same_speaker("Anna Kerry", "John Kerry"));
    }

    #[test]
    fn similarity_bounds() {
        assert_eq!(word_similarity(&[], &[]), 1.0);
        assert_eq!(word_similarity(&["a"], &["b"]), 0.0);
    }
}
