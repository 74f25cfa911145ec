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
//! The functions are taken [`LANES`] at a time: their parameters and
//! running minima stay in registers while the shingles stream past, and the
//! loop is compiled for AVX2 too (`pulp`'s run-time dispatch: 8 lanes of 32
//! bits, an unsigned minimum and a 32-bit multiply in one instruction each,
//! which plain x86-64 has not), so one build is fast on any x86-64 and
//! correct everywhere. The values do not depend on the instruction set.
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
    /// The best instruction set of this CPU (detected once).
    arch: pulp::Arch,
}

/// Hash functions computed together in [`MinHasher::signature_into`]: two
/// AVX2 registers of 32-bit lanes.
pub const LANES: usize = 16;

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
            arch: pulp::Arch::new(),
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
        let p = Params {
            ml: &self.mul_lo[..n],
            mh: &self.mul_hi[..n],
            al: &self.add_lo[..n],
            ah: &self.add_hi[..n],
        };
        let sig = &mut sig[..n];
        self.arch.dispatch(Minima {
            params: p,
            shingles,
            sig,
        });
    }
}

/// One call of [`Params::minima`], for `pulp`'s dispatch.
struct Minima<'a, 'b> {
    params: Params<'a>,
    shingles: &'b [u32],
    sig: &'b mut [u32],
}

impl pulp::WithSimd for Minima<'_, '_> {
    type Output = ();

    // Inlined (with `minima`) into the function that `dispatch` compiled
    // for the detected instruction set, so the plain loops of `minima`
    // are vectorised for it.
    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) {
        self.params.minima(self.shingles, self.sig);
    }
}

/// The parameters of the hash functions of one signature.
#[derive(Clone, Copy)]
struct Params<'a> {
    ml: &'a [u32],
    mh: &'a [u32],
    al: &'a [u32],
    ah: &'a [u32],
}

/// `h_i(x)` from the halves of `a_i` and `b_i` (module documentation).
#[inline(always)]
fn hash(ml: u32, mh: u32, al: u32, ah: u32, x: u32) -> u32 {
    // (a·x + b) >> 32 over 64 bits, from the halves.
    let low = u64::from(ml) * u64::from(x) + u64::from(al);
    mh.wrapping_mul(x)
        .wrapping_add(ah)
        .wrapping_add((low >> 32) as u32)
}

impl Params<'_> {
    /// `sig[i] = min(sig[i], min over shingles of h_i)`.
    #[inline(always)]
    fn minima(self, shingles: &[u32], sig: &mut [u32]) {
        let full = sig.len() / LANES * LANES;
        let (head, tail) = sig.split_at_mut(full);
        for (c, out) in head.chunks_exact_mut(LANES).enumerate() {
            let r = c * LANES..(c + 1) * LANES;
            let ml: &[u32; LANES] = self.ml[r.clone()].try_into().unwrap_or(&[0; LANES]);
            let mh: &[u32; LANES] = self.mh[r.clone()].try_into().unwrap_or(&[0; LANES]);
            let al: &[u32; LANES] = self.al[r.clone()].try_into().unwrap_or(&[0; LANES]);
            let ah: &[u32; LANES] = self.ah[r].try_into().unwrap_or(&[0; LANES]);
            let mut acc = [u32::MAX; LANES];
            for &x in shingles {
                for k in 0..LANES {
                    acc[k] = acc[k].min(hash(ml[k], mh[k], al[k], ah[k], x));
                }
            }
            for (o, a) in out.iter_mut().zip(acc) {
                *o = (*o).min(a);
            }
        }
        for (i, s) in tail.iter_mut().enumerate() {
            let i = full + i;
            for &x in shingles {
                *s = (*s).min(hash(self.ml[i], self.mh[i], self.al[i], self.ah[i], x));
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
    fn every_lane_and_the_tail_give_the_64_bit_hash() {
        // 200 functions: whole groups of `LANES` and a partial one.
        let n = 200;
        let mh = MinHasher::new(n, 0x5eed);
        let mut state = 0x5eed ^ 0xD1B5_4A32_D192_ED03;
        let params: Vec<(u64, u64)> = (0..n)
            .map(|_| (splitmix64(&mut state) | 1, splitmix64(&mut state)))
            .collect();
        let set: Vec<u32> = (0..37u32)
            .map(|i| i.wrapping_mul(0x9E37_79B9) ^ 0xFFFF_0000)
            .collect();
        let want: Vec<u32> = params
            .iter()
            .map(|&(a, b)| {
                set.iter()
                    .map(|&x| (a.wrapping_mul(u64::from(x)).wrapping_add(b) >> 32) as u32)
                    .min()
                    .unwrap_or(u32::MAX)
            })
            .collect();
        assert_eq!(mh.signature(&set), want);
        let mut short = vec![0; 7];
        mh.signature_into(&set, &mut short);
        assert_eq!(short, want[..7]);
    }

    #[test]
    fn empty_set() {
        assert!(MinHasher::new(4, 0)
            .signature(&[])
            .iter()
            .all(|&s| s == u32::MAX));
    }
}
