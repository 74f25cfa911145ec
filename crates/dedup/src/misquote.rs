//! Misquotes and conflicting attributions between quotes.
//!
//! Quote claims are compared with each other (candidates come from the same
//! LSH band keys and exact-duplicate keys as duplicate detection), using
//! their normalised word sequences:
//!
//! - **word similarity** `S = 1 − lev(words_a, words_b) / max(len_a, len_b)`,
//!   the word-level normalised Levenshtein distance (`strsim`'s generic
//!   Levenshtein over words);
//! - **misquote**: the two quotes are direct quotes (words in quote marks;
//!   reported speech is paraphrase by nature) attributed to the [same
//!   speaker](same_speaker), their normalised forms differ, both have at
//!   least `misquote_min_words` words and `S ≥ misquote_min_similarity`
//!   (default 0.6). Unlike duplicate detection this deliberately includes a
//!   changed number or an added `not`: that is exactly what a misquote looks
//!   like. The word-level difference is reported by [`word_diff`]
//!   (`-not +now`);
//! - **conflicting attribution**: the quotes are in different documents,
//!   attributed to different speakers, and the same quote: identical after
//!   normalisation, or near duplicates by [`crate::verify`], or
//!   `S ≥ conflict_min_similarity` (default 0.85).
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
        assert!(!same_speaker("Anna Kerry", "John Kerry"));
    }

    #[test]
    fn similarity_bounds() {
        assert_eq!(word_similarity(&[], &[]), 1.0);
        assert_eq!(word_similarity(&["a"], &["b"]), 0.0);
    }
}
