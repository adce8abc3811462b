//! The fair draw, as docs/draw.md specifies it for anyone to reimplement: a
//! pure function of the frozen entrant list, the shop's secret seed, the
//! public value typed at draw time and the prize urn. Nothing here reads
//! the database, the clock or a random generator.
//!
//! 1. list hash = SHA-256 of the list, one line per entrant: its number
//!    (1, 2, …), a tab, its published label, a line feed;
//! 2. seed commitment = SHA-256(shop seed), published with the list hash at freeze;
//! 3. draw seed = SHA-256(shop seed ‖ public value as UTF-8 ‖ list hash);
//! 4. the urn holds, in prize order, each prize's quantity of slots (only
//!    as many as there are entrants, top prizes first), the rest consolation;
//! 5. Fisher–Yates from the last slot down, each index drawn uniformly from
//!    8-byte big-endian words of SHA-256(draw seed ‖ counter as 8-byte
//!    big-endian), counter from 0, rejection sampling against modulo bias;
//! 6. entrant k gets slot k.

use sha2::{Digest, Sha256};

/// Slot value for the consolation prize; prize ranks start at 1.
pub const CONSOLATION: u32 = 0;

/// The list's canonical text: "1\tlabel\n2\tlabel\n…".
pub fn list_text(labels: &[String]) -> String {
    labels.iter().enumerate().map(|(i, label)| format!("{}\t{}\n", i + 1, label)).collect()
}

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Lower-case hex back to bytes; none when it is not exactly that.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2)
        || !text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

pub fn list_hash(labels: &[String]) -> [u8; 32] {
    sha256(list_text(labels).as_bytes())
}

pub fn draw_seed(shop_seed: &[u8; 32], public_value: &str, list_hash: &[u8; 32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(shop_seed);
    h.update(public_value.as_bytes());
    h.update(list_hash);
    h.finalize().into()
}

/// The urn before shuffling: `quantities[r - 1]` slots of rank `r`, cut at
/// `entrants` slots, the rest consolation.
pub fn urn(quantities: &[u32], entrants: usize) -> Vec<u32> {
    let mut slots: Vec<u32> = Vec::with_capacity(entrants);
    for (i, &q) in quantities.iter().enumerate() {
        let rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
        slots.extend(std::iter::repeat_n(rank, q as usize).take(entrants - slots.len()));
    }
    slots.resize(entrants, CONSOLATION);
    slots
}

/// Uniform integers below a bound, from SHA-256 in counter mode.
pub struct Stream {
    seed: [u8; 32],
    counter: u64,
    block: [u8; 32],
    used: usize,
}

impl Stream {
    pub fn new(seed: [u8; 32]) -> Stream {
        Stream { seed, counter: 0, block: [0; 32], used: 32 }
    }

    fn word(&mut self) -> u64 {
        if self.used == 32 {
            let mut h = Sha256::new();
            h.update(self.seed);
            h.update(self.counter.to_be_bytes());
            self.block = h.finalize().into();
            self.counter += 1;
            self.used = 0;
        }
        let mut w = [0u8; 8];
        w.copy_from_slice(&self.block[self.used..self.used + 8]);
        self.used += 8;
        u64::from_be_bytes(w)
    }

    /// A number in `0..bound` (bound ≥ 1), every one equally likely: words
    /// at or above the largest multiple of `bound` are thrown away.
    pub fn below(&mut self, bound: u64) -> u64 {
        let limit = largest_accepted(bound);
        loop {
            let w = self.word();
            if w <= limit {
                return w % bound;
            }
        }
    }
}

/// The largest word kept when drawing below `bound`: 2^64 − (2^64 mod bound) − 1,
/// so that every number below `bound` is reached by as many words.
pub fn largest_accepted(bound: u64) -> u64 {
    let thrown_away = (u64::MAX % bound + 1) % bound;
    u64::MAX - thrown_away
}

/// The prize rank each entrant gets, entrant k at index k − 1.
pub fn shuffle(mut slots: Vec<u32>, seed: [u8; 32]) -> Vec<u32> {
    let mut stream = Stream::new(seed);
    for i in (1..slots.len()).rev() {
        let j = stream.below(i as u64 + 1) as usize;
        slots.swap(i, j);
    }
    slots
}

/// Everything from the published inputs to the result.
pub fn draw(labels: &[String], shop_seed: &[u8; 32], public_value: &str, quantities: &[u32]) -> Vec<u32> {
    let seed = draw_seed(shop_seed, public_value, &list_hash(labels));
    shuffle(urn(quantities, labels.len()), seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_rejection_limit_is_the_last_word_of_a_whole_cycle() {
        // 2^64 words; with bound 3, 2^64 mod 3 = 1 word (the largest) is thrown away.
        assert_eq!(largest_accepted(3), u64::MAX - 1);
        // A power of two divides 2^64: nothing is thrown away.
        assert_eq!(largest_accepted(8), u64::MAX);
        // 2^64 mod 10 = 6: six words thrown away.
        assert_eq!(largest_accepted(10), u64::MAX - 6);
        let mut s = Stream::new([7; 32]);
        assert!((0..1000).all(|_| s.below(1) == 0));
    }

    #[test]
    fn more_prizes_than_entrants_keeps_the_top_ones() {
        assert_eq!(urn(&[1, 5, 20], 4), [1, 2, 2, 2]);
        assert_eq!(urn(&[1, 2], 5), [1, 2, 2, 0, 0]);
        assert_eq!(urn(&[], 0), Vec::<u32>::new());
    }

    #[test]
    fn a_different_public_value_or_list_changes_the_seed() {
        let labels = vec!["张*".to_string(), "李*".to_string()];
        let a = draw_seed(&[1; 32], "3456.78", &list_hash(&labels));
        assert_ne!(a, draw_seed(&[1; 32], "3456.79", &list_hash(&labels)));
        assert_ne!(a, draw_seed(&[1; 32], "3456.78", &list_hash(&labels[..1])));
        assert_ne!(a, draw_seed(&[2; 32], "3456.78", &list_hash(&labels)));
    }

    proptest! {
        #[test]
        fn every_entrant_gets_one_slot_and_the_prize_counts_are_exact(
            entrants in 0usize..300,
            quantities in proptest::collection::vec(0u32..40, 0..6),
            seed in any::<[u8; 32]>(),
        ) {
            let result = shuffle(urn(&quantities, entrants), seed);
            prop_assert_eq!(result.len(), entrants);
            let mut left = entrants;
            for (i, &q) in quantities.iter().enumerate() {
                let drawn = result.iter().filter(|&&r| r as usize == i + 1).count();
                prop_assert_eq!(drawn, (q as usize).min(left));
                left -= drawn;
            }
            prop_assert_eq!(result.iter().filter(|&&r| r == CONSOLATION).count(), left);
        }
    }
}
