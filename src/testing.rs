//! Helpers shared by the unit tests (compiled only for them).

/// The next number of a xorshift64 generator (shifts 13, 7, 17): the reproducible random
/// texts and orders of the tables-against-reference tests. `x` must not be 0.
pub(crate) fn xorshift(mut x: u64) -> u64 {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    x
}
