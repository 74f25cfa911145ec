//! MinHash signatures of shingle sets.
//!
//! Each of the `n` hash functions is a multiply-add-shift hash of the 32-bit
//! shingle hash `x`: `h_i(x) = (a_i · x + b_i) >> 32` over 64-bit integers,
//! with odd random `a_i` and random `b_i` drawn from a seeded generator
//! (Dietzfelbinger's universal family). Signature entry `i` is the minimum of
//! `h_i` over the set, so two sets agree on entry `i` with probability close
//! to their Jaccard similarity. The loop over the `n` functions is branch
//! free and vectorises; signatures are compact `u32`s. It computes the same
//! value from 32-bit halves (`a = a_h·2³² + a_l`, `b = b_h·2³² + b_l`):
//! `h_i(x) = a_h·x + b_h + ⌊(a_l·x + b_l) / 2³²⌋ mod 2³²`, one 32×32→64
//! and one 32-bit multiply, which vectorise on every x86-64 (a 64-bit
//! multiply does not before AVX-512).
//!
//! ```
//! use quotecheck_dedup::minhash::{estimate_jaccard, MinHasher};
//! let mh = MinHasher::new(256, 7);
//! let a: Vec<u32> = (0..40).map(|i| i * 7919).collect();
//! let b: Vec<u32> = (10..50).map(|i| i * 7919).collect(); // Jaccard 30/50
//! let est = estimate_jaccard(&mh.signature(&a), &mh.signature(&b));
//! assert!((est - 0.6).abs() < 0.1, "{est}");
//! ```

/// A seeded family of MinHash functions.
#[derive(Debug, Clone)]
pub struct MinHasher {
    /// Low and high halves of the odd multipliers `a_i`.
    mul_lo: Vec<u32>,
    mul_hi: Vec<u32>,
    /// Low and high halves of the increments `b_i`.
    add_lo: Vec<u32>,
    add_hi: Vec<u32>,
}

/// SplitMix64: a small seeded generator for hash parameters.
pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl MinHasher {
    /// `num_hashes` functions drawn from `seed`.
    pub fn new(num_hashes: usize, seed: u64) -> MinHasher {
        let mut state = seed ^ 0xD1B5_4A32_D192_ED03;
        let mut h = MinHasher {
            mul_lo: Vec::with_capacity(num_hashes),
            mul_hi: Vec::with_capacity(num_hashes),
            add_lo: Vec::with_capacity(num_hashes),
            add_hi: Vec::with_capacity(num_hashes),
        };
        for _ in 0..num_hashes {
            let mul = splitmix64(&mut state) | 1;
            let add = splitmix64(&mut state);
            h.mul_lo.push(mul as u32);
            h.mul_hi.push((mul >> 32) as u32);
            h.add_lo.push(add as u32);
            h.add_hi.push((add >> 32) as u32);
        }
        h
    }

    /// Number of hash functions (signature length).
    pub fn len(&self) -> usize {
        self.mul_lo.len()
    }

    /// True when there are no hash functions.
    pub fn is_empty(&self) -> bool {
        self.mul_lo.is_empty()
    }

    /// The signature of a shingle set (all `u32::MAX` for an empty set).
    pub fn signature(&self, shingles: &[u32]) -> Vec<u32> {
        let mut sig = vec![0; self.len()];
        self.signature_into(shingles, &mut sig);
        sig
    }

    /// Writes the signature into `sig` (whose length must be [`Self::len`]).
    pub fn signature_into(&self, shingles: &[u32], sig: &mut [u32]) {
        sig.fill(u32::MAX);
        let n = sig.len().min(self.len());
        let (ml, mh) = (&self.mul_lo[..n], &self.mul_hi[..n]);
        let (al, ah) = (&self.add_lo[..n], &self.add_hi[..n]);
        let sig = &mut sig[..n];
        for &x in shingles {
            let params = ml.iter().zip(mh).zip(al.iter().zip(ah));
            for (s, ((&ml, &mh), (&al, &ah))) in sig.iter_mut().zip(params) {
                // (a·x + b) >> 32 over 64 bits, from the halves (module doc).
                let low = u64::from(ml) * u64::from(x) + u64::from(al);
                let h = mh
                    .wrapping_mul(x)
                    .wrapping_add(ah)
                    .wrapping_add((low >> 32) as u32);
                *s = (*s).min(h);
            }
        }
    }
}

/// The fraction of equal entries of two signatures: an unbiased estimate of
/// the Jaccard similarity of the underlying sets.
pub fn estimate_jaccard(a: &[u32], b: &[u32]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count();
    eq as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sets_identical_signatures() {
        let mh = MinHasher::new(64, 1);
        assert_eq!(mh.signature(&[5, 9, 11]), mh.signature(&[11, 5, 9]));
    }

    #[test]
    fn seeds_differ() {
        let a = MinHasher::new(16, 1).signature(&[1, 2, 3]);
        let b = MinHasher::new(16, 2).signature(&[1, 2, 3]);
        assert_ne!(a, b);
    }

    #[test]
    fn disjoint_sets_rarely_agree() {
        let mh = MinHasher::new(512, 3);
        let a: Vec<u32> = (0..30u32).map(|i| i.wrapping_mul(2_654_435_761)).collect();
        let b: Vec<u32> = (100..130u32)
            .map(|i| i.wrapping_mul(2_654_435_761))
            .collect();
        assert!(estimate_jaccard(&mh.signature(&a), &mh.signature(&b)) < 0.05);
    }

    #[test]
    fn estimates_track_jaccard() {
        let mh = MinHasher::new(1024, 11);
        for (lo, hi, j) in [
            (0u32, 100u32, 1.0f64),
            (25u32, 125u32, 75.0 / 125.0),
            (90, 190, 10.0 / 190.0),
        ] {
            let a: Vec<u32> = (0..100u32).map(|i| i.wrapping_mul(0x9E37_79B9)).collect();
            let b: Vec<u32> = (lo..hi).map(|i| i.wrapping_mul(0x9E37_79B9)).collect();
            let est = estimate_jaccard(&mh.signature(&a), &mh.signature(&b));
            assert!((est - j).abs() < 0.06, "{est} vs {j}");
        }
    }

    #[test]
    fn halves_give_the_64_bit_hash() {
        let mh = MinHasher::new(64, 9);
        let mut state = 9 ^ 0xD1B5_4A32_D192_ED03;
        let params: Vec<(u64, u64)> = (0..64)
            .map(|_| (splitmix64(&mut state) | 1, splitmix64(&mut state)))
            .collect();
        for x in [0u32, 1, 7919, 0xFFFF_FFFF, 0x8000_0001, 2_654_435_761] {
            let want: Vec<u32> = params
                .iter()
                .map(|&(a, b)| (a.wrapping_mul(u64::from(x)).wrapping_add(b) >> 32) as u32)
                .collect();
            assert_eq!(mh.signature(&[x]), want, "{x}");
        }
    }

    #[test]
    fn empty_set() {
        assert!(MinHasher::new(4, 0)
            .signature(&[])
            .iter()
            .all(|&s| s == u32::MAX));
    }
}
