//! Byte scans that skip eight bytes at a time when none can match.

const ONES: u64 = 0x0101_0101_0101_0101;
/// Bit 7 of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// Nonzero exactly when some byte of `x` equals `b` (the classic
/// zero-byte test on `x ^ b…b`: a borrow may mark extra bytes, never
/// hide the first match, so the answer as a whole is exact).
pub(crate) fn has_byte(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & HIGH
}

/// `bytes[from..].iter().position(|&b| table[b as usize])`, as an index
/// into `bytes`. `maybe` is asked about each eight-byte chunk (read little
/// endian) and must set bit 7 of every byte of the chunk that is marked in
/// `table` (it may set others, as [`has_byte`] does above a match, or
/// `x & HIGH` for every non-ASCII byte); chunks it answers zero for are
/// skipped unread, and in the others only the bytes it marks are looked up.
pub(crate) fn position_from(
    bytes: &[u8],
    mut from: usize,
    table: &[bool; 256],
    maybe: impl Fn(u64) -> u64,
) -> Option<usize> {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let mut m = maybe(u64::from_le_bytes(w)) & HIGH;
        // The marked bytes in order, lowest first.
        while m != 0 {
            let k = (m.trailing_zeros() / 8) as usize;
            if table[w[k] as usize] {
                return Some(from + k);
            }
            m &= m - 1;
        }
        from += 8;
    }
    bytes[from..]
        .iter()
        .position(|&b| table[b as usize])
        .map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_byte_is_exact() {
        for b in 0..=255u8 {
            for other in [
                0u8,
                1,
                0x7f,
                0x80,
                0xff,
                b.wrapping_add(1),
                b.wrapping_sub(1),
            ] {
                if other == b {
                    continue;
                }
                for pos in 0..8 {
                    let mut bytes = [other; 8];
                    assert_eq!(
                        has_byte(u64::from_le_bytes(bytes), b),
                        0,
                        "{b:#x} {other:#x}"
                    );
                    bytes[pos] = b;
                    assert_ne!(has_byte(u64::from_le_bytes(bytes), b), 0, "{b:#x} at {pos}");
                }
            }
        }
    }

    #[test]
    fn position_matches_the_byte_scan() {
        let mut table = [false; 256];
        table[b'"' as usize] = true;
        table[0xE2] = true;
        let maybe = |x: u64| has_byte(x, b'"') | (x & HIGH);
        let mut seed = 7u64;
        for len in 0..80 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    [b'a', b' ', b'"', 0xE2, 0x80, b'.'][(seed >> 33) as usize % 6]
                })
                .collect();
            for from in 0..=len {
                let expect = bytes[from..]
                    .iter()
                    .position(|&b| table[b as usize])
                    .map(|k| from + k);
                assert_eq!(position_from(&bytes, from, &table, maybe), expect);
            }
        }
    }
}
