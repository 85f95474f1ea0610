//! Stable sorting with one copy of the sorting code.
//!
//! `slice::sort_by` is generic over the element and the comparison, so each
//! call site compiles its own 2–4 KB sort; in the app's WebAssembly that was
//! 20 copies in the first download alone. These functions sort a list of
//! positions with a single non-generic sort, then move the elements into
//! that order: per call site only the comparison and a few swaps remain.
//! The result is the same as `sort_by`'s, equal elements keeping their order.
//!
//! `collect()` into a `BTreeMap` or `BTreeSet` sorts its input first, one
//! more sort per map type: [`map`] and [`set`] insert instead, reusing the
//! insertion every map already has (decoding fills it that way).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` stably by `compare`, like `items.sort_by(compare)`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    arrange(items, order);
}

/// Sorts `items` stably by the key `key` gives, like `items.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, like `items.sort()`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// A map of `pairs`, the last value kept for a key given twice, like
/// `pairs.into_iter().collect()`.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut out = BTreeMap::new();
    for (key, value) in pairs {
        out.insert(key, value);
    }
    out
}

/// A set of `items`, like `items.into_iter().collect()`.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut out = BTreeSet::new();
    for item in items {
        out.insert(item);
    }
    out
}

/// The positions `0..len` in the order `compare` puts them, equal ones
/// keeping theirs. The one place a sort is compiled.
fn positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the elements so that position `i` holds the one that was at
/// `order[i]`, following each cycle of the permutation with swaps.
fn arrange<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // A position already holding its element points at itself.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no crate.
    fn numbers(seed: u64, len: usize) -> Vec<u64> {
        let mut x = seed;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % 10
            })
            .collect()
    }

    #[test]
    fn the_same_order_as_the_standard_stable_sort() {
        for len in [0, 1, 2, 3, 7, 20, 33, 100, 1000] {
            for seed in 1..6 {
                // Pairs of (key, original position): ties show stability.
                let pairs: Vec<(u64, usize)> = numbers(seed, len).into_iter().zip(0..).collect();
                let mut expected = pairs.clone();
                expected.sort_by_key(|p| p.0);
                let mut sorted = pairs.clone();
                sort_by_key(&mut sorted, |p| p.0);
                assert_eq!(sorted, expected, "len {len} seed {seed}");

                let mut reversed = pairs.clone();
                sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
                let mut expected = pairs;
                expected.sort_by_key(|p| std::cmp::Reverse(p.0));
                assert_eq!(reversed, expected, "len {len} seed {seed}");
            }
        }
    }

    #[test]
    fn maps_and_sets_are_those_collect_builds() {
        let pairs = [(3, "c"), (1, "a"), (3, "C"), (2, "b")];
        assert_eq!(map(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map(pairs)[&3], "C");
        assert_eq!(
            set([3, 1, 3, 2]),
            [1, 2, 3].into_iter().collect::<BTreeSet<_>>()
        );
    }

    #[test]
    fn elements_that_own_memory_are_moved_not_copied() {
        let mut words: Vec<String> = ["pera", "mela", "kiwi", "fico", "uva"]
            .map(String::from)
            .to_vec();
        sort(&mut words);
        assert_eq!(words, ["fico", "kiwi", "mela", "pera", "uva"]);
    }

    #[test]
    fn every_permutation_of_four_is_arranged() {
        let mut count = 0;
        for a in 0..4 {
            for b in 0..4 {
                for c in 0..4 {
                    for d in 0..4 {
                        let order = vec![a, b, c, d];
                        let mut seen = order.clone();
                        seen.sort();
                        if seen != [0, 1, 2, 3] {
                            continue;
                        }
                        count += 1;
                        let mut items = ['w', 'x', 'y', 'z'];
                        arrange(&mut items, order.clone());
                        let expected: Vec<char> =
                            order.iter().map(|&i| ['w', 'x', 'y', 'z'][i]).collect();
                        assert_eq!(items.to_vec(), expected, "order {order:?}");
                    }
                }
            }
        }
        assert_eq!(count, 24);
    }
}
