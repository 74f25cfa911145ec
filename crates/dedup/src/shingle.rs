//! Word shingles: the sets MinHash signatures are computed over.
//!
//! A claim's shingles are the hashes of every run of `k` consecutive content
//! tokens (stems of content words and numbers, stopwords and negations
//! dropped; see [`crate::verify::Features::sequence`]). The default `k = 1`
//! (the content set itself) is the most robust choice for short claims: a
//! word swap changes no 1-shingle, and a deleted or inserted word changes
//! exactly one, whereas each such edit breaks up to `k` `k`-shingles. Larger
//! `k` makes random claims share fewer shingles and is available for corpora
//! of long claims. A claim with fewer than `k` tokens has one shingle, the
//! hash of all of them.
//!
//! ```
//! use quotecheck_dedup::shingle::shingles;
//! let seq = [10, 20, 30, 20];
//! assert_eq!(shingles(&seq, 1), vec![10, 20, 30]);
//! assert_eq!(shingles(&seq, 2).len(), 3);
//! assert_eq!(shingles(&seq, 9).len(), 1);
//! assert!(shingles(&[], 2).is_empty());
//! ```

/// The sorted, deduplicated `k`-shingle hashes of a token sequence.
pub fn shingles(sequence: &[u32], k: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(sequence.len());
    shingles_into(sequence, k, &mut out);
    out
}

/// Like [`shingles`], writing into `out` (cleared first).
pub fn shingles_into(sequence: &[u32], k: usize, out: &mut Vec<u32>) {
    out.clear();
    let k = k.max(1);
    if sequence.is_empty() {
        return;
    }
    if k == 1 {
        out.extend_from_slice(sequence);
    } else if sequence.len() <= k {
        out.push(hash_run(sequence));
    } else {
        out.extend(sequence.windows(k).map(hash_run));
    }
    out.sort_unstable();
    out.dedup();
}

/// Order-sensitive hash of a run of token hashes.
fn hash_run(run: &[u32]) -> u32 {
    let mut h: u64 = 0x243F_6A88_85A3_08D3;
    for &t in run {
        h = (h ^ u64::from(t)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    (h >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unigram_shingles_ignore_order() {
        assert_eq!(shingles(&[3, 1, 2], 1), shingles(&[2, 3, 1], 1));
    }

    #[test]
    fn bigram_shingles_see_order() {
        assert_ne!(shingles(&[1, 2, 3], 2), shingles(&[3, 2, 1], 2));
        assert_eq!(shingles(&[1, 2, 3], 2).len(), 2);
    }

    #[test]
    fn one_edit_changes_at_most_k_shingles() {
        let a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        b.remove(7);
        let (sa, sb) = (shingles(&a, 2), shingles(&b, 2));
        let shared = sa.iter().filter(|x| sb.contains(x)).count();
        assert_eq!(shared, sa.len() - 2);
    }
}
