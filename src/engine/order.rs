//! Ordering the engine's short lists.
//!
//! The standard library's sorts are built for big inputs, and every element type they are
//! used with costs the wasm a few KB more (six instantiations measured 23 KB). Everything the
//! widget sorts is short — a config's closed days, a handful of reminders, twelve topics, a
//! letter's fields — so one stable insertion sort serves them all in a few hundred bytes each.

/// Sorts `items` by `key`, smallest first; items with equal keys keep their order.
pub fn sort_by_key<T, K: PartialOrd>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Reverse;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn reverse_keys_sort_descending() {
        let mut scores = vec![0.25f32, 0.5, 0.125, 0.5];
        sort_by_key(&mut scores, |s| Reverse(*s));
        assert_eq!(scores, [0.5, 0.5, 0.25, 0.125]);
    }

    /// Every list of up to six items with keys 0..3, each item tagged with its position.
    #[test]
    fn agrees_with_the_standard_stable_sort_on_every_small_list() {
        for len in 0..=6u32 {
            for code in 0..3u32.pow(len) {
                let mut items: Vec<(u32, u32)> =
                    (0..len).map(|i| (code / 3u32.pow(i) % 3, i)).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|item| item.0);
                sort_by_key(&mut items, |item| item.0);
                assert_eq!(items, expected);
            }
        }
    }
}
