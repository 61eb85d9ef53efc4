//! Splitting data for cross-validation and scoring predictions.

use super::model::TOPICS;
use crate::engine::topic::Topic;

/// Assigns each example to one of `k` folds so that every group (identical texts) stays in
/// one fold and each topic is spread evenly. Deterministic for a given `seed`.
pub fn stratified_group_folds(
    topics: &[Topic],
    groups: &[usize],
    k: usize,
    seed: u64,
) -> Vec<usize> {
    // One entry per group, in first-seen order, with its topic.
    let mut seen: Vec<(usize, Topic)> = Vec::new();
    for (&g, &t) in groups.iter().zip(topics) {
        if !seen.iter().any(|&(s, _)| s == g) {
            seen.push((g, t));
        }
    }
    let mut rng = SplitMix(seed);
    let mut fold_of_group = std::collections::HashMap::new();
    let mut next = 0;
    for topic in Topic::ALL {
        let mut members: Vec<usize> = seen.iter().filter(|s| s.1 == topic).map(|s| s.0).collect();
        for i in (1..members.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            members.swap(i, j);
        }
        // Continue the round-robin across topics so fold sizes stay balanced.
        for g in members {
            fold_of_group.insert(g, next % k);
            next += 1;
        }
    }
    groups.iter().map(|g| fold_of_group[g]).collect()
}

/// SplitMix64: a tiny, well-known generator; enough for shuffling, and reproducible.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Predictions against truth: accuracy, top-3 and per-topic precision/recall.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// `confusion[truth][predicted]`.
    pub confusion: [[usize; TOPICS]; TOPICS],
    pub top3: usize,
}

/// Precision, recall and F1 of one topic.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClassScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

impl Tally {
    /// Records one prediction; `ranked` lists topic indices best first.
    pub fn add(&mut self, truth: Topic, ranked: &[usize]) {
        self.confusion[truth.index()][ranked[0]] += 1;
        if ranked.iter().take(3).any(|&r| r == truth.index()) {
            self.top3 += 1;
        }
    }

    /// Adds another tally's counts to this one.
    pub fn merge(&mut self, other: &Tally) {
        for (row, other) in self.confusion.iter_mut().zip(&other.confusion) {
            for (c, o) in row.iter_mut().zip(other) {
                *c += o;
            }
        }
        self.top3 += other.top3;
    }

    pub fn total(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }

    pub fn top1(&self) -> f64 {
        ratio(
            (0..TOPICS).map(|t| self.confusion[t][t]).sum(),
            self.total(),
        )
    }

    pub fn top3_rate(&self) -> f64 {
        ratio(self.top3, self.total())
    }

    pub fn class(&self, t: usize) -> ClassScores {
        let tp = self.confusion[t][t];
        let predicted: usize = (0..TOPICS).map(|r| self.confusion[r][t]).sum();
        let support: usize = self.confusion[t].iter().sum();
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, support);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        ClassScores {
            precision,
            recall,
            f1,
            support,
        }
    }

    /// Mean F1 over the topics present in the truth (as scikit-learn's macro average
    /// over the labels that occur).
    pub fn macro_f1(&self) -> f64 {
        let present: Vec<usize> = (0..TOPICS).filter(|&t| self.class(t).support > 0).collect();
        present.iter().map(|&t| self.class(t).f1).sum::<f64>() / present.len().max(1) as f64
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Topic indices sorted by score, best first (ties: lower index first).
pub fn ranked(scores: &[f32; TOPICS]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..TOPICS).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_keep_groups_together_and_spread_topics() {
        let topics: Vec<Topic> = (0..100).map(|i| Topic::ALL[i % 2]).collect();
        let groups: Vec<usize> = (0..100).map(|i| i / 2 * 2 + i % 2).map(|g| g / 4).collect();
        let folds = stratified_group_folds(&topics, &groups, 5, 1);
        for (i, j) in (0..100).flat_map(|i| (0..100).map(move |j| (i, j))) {
            if groups[i] == groups[j] {
                assert_eq!(folds[i], folds[j]);
            }
        }
        for f in 0..5 {
            let n = folds.iter().filter(|&&x| x == f).count();
            assert!((16..=24).contains(&n), "fold {f} has {n}");
        }
        assert_eq!(folds, stratified_group_folds(&topics, &groups, 5, 1));
    }

    #[test]
    fn scores_a_known_confusion() {
        let mut t = Tally::default();
        t.add(Topic::ALL[0], &[0, 1, 2]);
        t.add(Topic::ALL[0], &[1, 0, 2]);
        t.add(Topic::ALL[1], &[1, 0, 2]);
        t.add(Topic::ALL[1], &[3, 4, 5]);
        assert_eq!(t.top1(), 0.5);
        assert_eq!(t.top3_rate(), 0.75);
        let c0 = t.class(0);
        assert_eq!((c0.precision, c0.recall), (1.0, 0.5));
        let c1 = t.class(1);
        assert_eq!((c1.precision, c1.recall), (0.5, 0.5));
        assert!((t.macro_f1() - (2.0 / 3.0 + 0.5) / 2.0).abs() < 1e-12);
    }
}
