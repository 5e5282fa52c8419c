//! One small stable sort for the short lists the widget orders (tasks, gaps, ids, levels):
//! the standard library's sorts are fast but several kilobytes of wasm for every element type
//! they are used with (measured in issue 15: about 50 KB of the wasm before gzip). Collecting
//! into a `BTreeMap` sorts too, so maps are built by inserting.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `items` by `less` (true when `a` goes before `b`), keeping equal items in their order:
/// binary insertion, O(n log n) comparisons, moves by rotation. The lists here hold tens to a
/// few thousand items.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let (sorted, rest) = items.split_at(i);
        let at = sorted.partition_point(|x| cmp(x, &rest[0]) != Ordering::Greater);
        items[at..=i].rotate_right(1);
    }
}

/// [`sort_by`] on a key.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// [`sort_by`] on the items' own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// For `fold`: a map built by inserting, where `collect` would sort first (the same size cost).
pub fn insert<K: Ord, V>(mut map: BTreeMap<K, V>, (key, value): (K, V)) -> BTreeMap<K, V> {
    map.insert(key, value);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_their_order() {
        let mut pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, expected);
        assert_eq!(
            pairs,
            [(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        // Many items, descending, with duplicates: the same as the standard library's sort.
        let mut many: Vec<u32> = (0..2_000).map(|n| (n * 7919) % 613).collect();
        let mut std_sorted = many.clone();
        std_sorted.sort();
        sort(&mut many);
        assert_eq!(many, std_sorted);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        let map = [(2, "b"), (1, "a"), (2, "c")]
            .into_iter()
            .fold(BTreeMap::new(), insert);
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [(1, "a"), (2, "c")]);
    }
}
