//! Reading a re-pasted 接龙 against what was recorded from it before: which
//! lines are entries already in, so a grown or renumbered list adds only
//! the new buyers.

use std::collections::HashMap;

use super::console::Candidate;
use crate::campaign::jielong;

/// Which candidates are entries already recorded. A re-pasted list grows,
/// and WeChat renumbers it when someone deletes their line: an entry is the
/// same when its number holds the same buyer as before, and otherwise when
/// that buyer has an entry read from the list that no number in this paste
/// accounts for (it moved up the list). A buyer typed in the console is
/// always a new entry, and a listed buyer who was typed before is a second
/// one (held to the limit per person).
pub(super) fn recorded_already(
    candidates: &[Candidate],
    by_seq: &HashMap<i64, String>,
    mut unmatched: HashMap<String, usize>,
) -> Vec<bool> {
    let keys: Vec<String> = candidates.iter().map(|c| jielong::key(&c.buyer)).collect();
    let mut same: Vec<bool> = candidates
        .iter()
        .zip(&keys)
        .map(|(c, key)| c.seq.is_some_and(|seq| by_seq.get(&seq) == Some(key)))
        .collect();
    for (key, matched) in keys.iter().zip(&same) {
        if *matched {
            if let Some(n) = unmatched.get_mut(key) {
                *n = n.saturating_sub(1);
            }
        }
    }
    // Typed buyers (no number) are always new entries: the owner typed them now.
    for ((key, matched), c) in keys.iter().zip(same.iter_mut()).zip(candidates) {
        if !*matched && c.seq.is_some() {
            if let Some(n) = unmatched.get_mut(key).filter(|n| **n > 0) {
                *n -= 1;
                *matched = true;
            }
        }
    }
    same
}
