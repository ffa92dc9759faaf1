//! FNV-1a, 64 bits: the crate's one hash, wherever a value must hash the
//! same on every platform and in every release (std's hasher is randomly
//! keyed and may change). It keys a question's saved answers
//! (`content_hash`), seeds its option order, indexes an article's grams and
//! derives xAPI statement ids; changing it would drop every learner's saved
//! progress and renumber every statement, so tests pin its outputs.

/// The FNV-1a offset basis: where a hash starts.
pub(crate) const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The 64-bit FNV prime.
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a from `seed` over `units`, each XORed in whole: bytes, or chars as
/// their scalar values (the article's gram index, which never encodes them).
pub(crate) fn fnv1a_from(seed: u64, units: impl IntoIterator<Item = u64>) -> u64 {
    units.into_iter().fold(seed, |h, u| (h ^ u).wrapping_mul(PRIME))
}

/// FNV-1a of `bytes` from the offset basis: the standard hash.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(OFFSET, bytes.iter().map(|&b| u64::from(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        // From the FNV reference test suite (Fowler, Noll, Vo).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn chars_hash_as_their_scalar_values() {
        let ascii = fnv1a_from(OFFSET, "abc".chars().map(u64::from));
        assert_eq!(ascii, fnv1a(b"abc"), "an ASCII char is its byte");
        let wide = fnv1a_from(OFFSET, "é".chars().map(u64::from));
        assert_ne!(wide, fnv1a("é".as_bytes()), "a wider char is one unit, not its UTF-8");
    }
}
