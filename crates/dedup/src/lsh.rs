//! Locality-sensitive hashing by banding: candidate pairs without comparing
//! all pairs.
//!
//! A signature of `bands × rows` MinHash values is cut into `bands` bands of
//! `rows` consecutive values; each band is hashed to a 32-bit **band key**.
//! Two claims become a candidate pair when they have the same key in at
//! least one band, which happens with probability `1 − (1 − J^rows)^bands`
//! for Jaccard similarity `J` — an S-curve that is steep around
//! `(1/bands)^(1/rows)`. With the defaults (40 bands of 5 rows) a pair with
//! `J = 0.6` is found with probability 0.96, `J = 0.7` with 0.9994 and
//! `J ≥ 0.8` with certainty for practical purposes, while `J = 0.5` is
//! found with 0.72 and `J = 0.2` with 0.013. Five rows (rather than four)
//! keep the number of chance candidates among a million claims with a small,
//! Zipf-distributed vocabulary linear; see `docs/performance.md`.
//!
//! Buckets are formed by sorting, not with a hash map of vectors: for each
//! band the `(key, claim)` pairs are packed into one `u64` each and sorted,
//! and runs of equal keys are the buckets. Every pair within a bucket of at
//! most `max_bucket` claims is a candidate; in a larger bucket (a very common
//! key) each claim is paired with the next [`OVERSIZE_WINDOW`] claims only, so
//! that the work stays linear.
//!
//! ```
//! use quotecheck_dedup::lsh::{band_keys, bucket_pairs, unpack_pair};
//! let (a, b, c) = ([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 9, 9], [7, 7, 7, 7, 7, 7]);
//! let ka = band_keys(&a, 2);
//! let kb = band_keys(&b, 2);
//! let kc = band_keys(&c, 2);
//! assert_eq!(ka[..2], kb[..2]);
//! assert_ne!(ka[2], kb[2]);
//! // Band 0 of the three claims, as claim ids 0, 1, 2:
//! let mut entries = vec![
//!     (u64::from(ka[0]) << 32) | 0,
//!     (u64::from(kb[0]) << 32) | 1,
//!     (u64::from(kc[0]) << 32) | 2,
//! ];
//! let mut pairs = Vec::new();
//! bucket_pairs(&mut entries, 64, &mut pairs);
//! assert_eq!(pairs.iter().map(|&p| unpack_pair(p)).collect::<Vec<_>>(), [(0, 1)]);
//! ```

/// In a bucket larger than `max_bucket`, each claim is paired with this many
/// following claims.
pub const OVERSIZE_WINDOW: usize = 4;

/// The band keys of a signature: one 32-bit hash per run of `rows` values
/// (a trailing partial band is ignored). The band index is mixed in, so equal
/// values in different bands give different keys.
pub fn band_keys(signature: &[u32], rows: usize) -> Vec<u32> {
    let rows = rows.max(1);
    let mut out = vec![0; signature.len() / rows];
    band_keys_into(signature, rows, &mut out);
    out
}

/// Like [`band_keys`], writing `out.len()` keys.
pub fn band_keys_into(signature: &[u32], rows: usize, out: &mut [u32]) {
    let rows = rows.max(1);
    for (band, (chunk, key)) in signature.chunks_exact(rows).zip(out.iter_mut()).enumerate() {
        let mut h: u64 = (band as u64).wrapping_mul(0xA076_1D64_78BD_642F) ^ 0xE703_7ED1_A0B4_28DB;
        for &v in chunk {
            h = (h ^ u64::from(v)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            h ^= h >> 32;
        }
        h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        *key = (h >> 32) as u32;
    }
}

/// Pack a candidate pair `(lo, hi)` with `lo < hi` into one `u64`.
pub fn pack_pair(a: u32, b: u32) -> u64 {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    (u64::from(lo) << 32) | u64::from(hi)
}

/// Unpack a pair packed by [`pack_pair`].
pub fn unpack_pair(p: u64) -> (u32, u32) {
    ((p >> 32) as u32, p as u32)
}

/// Sort `entries` (each `key << 32 | claim`) and append the candidate pairs of
/// every bucket to `out`, packed with [`pack_pair`] (see the module
/// documentation for oversized buckets).
pub fn bucket_pairs(entries: &mut [u64], max_bucket: usize, out: &mut Vec<u64>) {
    entries.sort_unstable();
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start] >> 32;
        let mut end = start + 1;
        while end < entries.len() && entries[end] >> 32 == key {
            end += 1;
        }
        let bucket = &entries[start..end];
        let window = if bucket.len() <= max_bucket.max(2) {
            bucket.len()
        } else {
            OVERSIZE_WINDOW
        };
        for (i, &x) in bucket.iter().enumerate() {
            for &y in bucket.iter().skip(i + 1).take(window) {
                if x as u32 != y as u32 {
                    out.push(pack_pair(x as u32, y as u32));
                }
            }
        }
        start = end;
    }
}

/// Probability that a pair with Jaccard similarity `j` becomes a candidate.
///
/// ```
/// use quotecheck_dedup::lsh::candidate_probability;
/// assert!(candidate_probability(0.7, 40, 5) > 0.999);
/// assert!(candidate_probability(0.2, 40, 5) < 0.02);
/// ```
pub fn candidate_probability(j: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - j.powi(rows as i32)).powi(bands as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_signatures_share_every_band() {
        let s = [9u32, 8, 7, 6, 5, 4, 3, 2];
        assert_eq!(band_keys(&s, 2), band_keys(&s, 2));
        assert_eq!(band_keys(&s, 3).len(), 2);
    }

    #[test]
    fn band_index_is_mixed_in() {
        let k = band_keys(&[1, 1, 1, 1], 2);
        assert_ne!(k[0], k[1]);
    }

    #[test]
    fn buckets_give_all_pairs() {
        let mut e: Vec<u64> = [(5u64, 3u64), (5, 1), (6, 2), (5, 0)]
            .iter()
            .map(|&(k, c)| (k << 32) | c)
            .collect();
        let mut out = Vec::new();
        bucket_pairs(&mut e, 64, &mut out);
        out.sort_unstable();
        let pairs: Vec<_> = out.into_iter().map(unpack_pair).collect();
        assert_eq!(pairs, [(0, 1), (0, 3), (1, 3)]);
    }

    #[test]
    fn oversized_buckets_stay_linear() {
        let mut e: Vec<u64> = (0..1000u64).map(|c| (7 << 32) | c).collect();
        let mut out = Vec::new();
        bucket_pairs(&mut e, 10, &mut out);
        assert!(out.len() <= 1000 * OVERSIZE_WINDOW);
        // Consecutive claims are always paired, so a union-find still
        // connects the whole bucket.
        assert!(out.contains(&pack_pair(500, 501)));
    }

    #[test]
    fn s_curve() {
        assert!(candidate_probability(0.5, 40, 4) > 0.9);
        assert!(candidate_probability(0.2, 40, 4) < 0.07);
    }
}
