//! One small sort for the whole crate.
//!
//! The standard library's sorts bring several kilobytes of generic code into the wasm module
//! for every type they sort; this heapsort is a few dozen bytes per use, O(n log n) in the
//! worst case, in place, and needs no allocation. It is not stable: callers that need a
//! deterministic order break ties themselves.

/// Sorts `values` so that no element is `before` an element to its left.
pub fn sort_by<T>(values: &mut [T], before: impl Fn(&T, &T) -> bool) {
    let sift_down = |values: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && later(values, child + 1, child, &before) {
            child += 1;
        }
        if !later(values, child, root, &before) {
            return;
        }
        values.swap(root, child);
        root = child;
    };
    let n = values.len();
    for start in (0..n / 2).rev() {
        sift_down(values, start, n);
    }
    for end in (1..n).rev() {
        values.swap(0, end);
        sift_down(values, 0, end);
    }
}

/// Whether `values[a]` sorts after `values[b]`.
fn later<T>(values: &[T], a: usize, b: usize, before: &impl Fn(&T, &T) -> bool) -> bool {
    match (values.get(a), values.get(b)) {
        (Some(x), Some(y)) => before(y, x),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn orders_like_the_standard_sort() {
        let mut values: Vec<f64> = (0..500).map(|i| f64::from((i * 7919) % 503) - 250.5).collect();
        let mut expected = values.clone();
        expected.sort_by(f64::total_cmp);
        sort_by(&mut values, |a, b| a < b);
        assert_eq!(values, expected);
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort_by(&mut words, |a, b| a < b);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
        sort_by(&mut [0u8; 0], |a, b| a < b);
    }
}
