//! Training: class-balanced multinomial logistic regression on TF-IDF features, fitted by
//! L-BFGS; feature selection; quantization; hyper-parameters and softmax temperature chosen
//! on a fixed tuning split.
//!
//! The model must be small (it ships inside the widget), so each fit runs twice: once over
//! every feature seen in at least [`Config::min_df`] training documents, to learn which
//! features matter, then again over only the [`Config::max_features`] most useful ones.
//!
//! Tuning never sees the documents a model is judged on. [`train`] holds one fixed,
//! seeded share of the documents it is given out of fitting (the [`tuning_split`]), fits
//! every candidate [`Settings`] on the rest, keeps the best on the tuning split, fits the
//! softmax temperature on the tuning split's scores, and only then fits the chosen
//! settings on all its documents. `cardhelp-eval` cross-validates on the other documents
//! only (or, with `--nested`, calls [`train`] inside every outer fold), so a test fold never
//! chooses a setting, a selected feature or the temperature.
//!
//! Why logistic regression: on the same folds it beat the one-vs-rest ridge regression used
//! before (by about a point of top-3 on the narratives and of top-1 on phrases), and its
//! weights are sparser, so they quantize into fewer bytes. Balancing matters: without it the
//! big classes (credit reporting, billing disputes) swallow the small ones and macro-F1
//! collapses. Everything is deterministic: fixed iteration counts and summation orders, no
//! randomness beyond the seeded tuning split.

use super::dataset::{Example, Phrase};
use super::features::analyse;
use super::lexicon::{self, Lexicon};
use super::metrics::{ranked, stratified_group_folds, Tally};
use super::model::{softmax, Model, IDF_SCALE, MAX_IDF, MAX_LEVEL, TOPICS};
use crate::engine::topic::Topic;
use std::collections::{HashMap, VecDeque};

/// The hyper-parameters tuning chooses among.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// L2 penalty on the weights, relative to the mean training loss.
    pub lambda: f64,
    /// Training weight of a short phrase relative to a narrative (before topic balancing).
    pub short_weight: f64,
}

/// Training settings; the defaults are what ships (see the README for how they were chosen).
#[derive(Clone, Debug)]
pub struct Config {
    /// The settings tried on the tuning split, in order; the first of equally good ones
    /// wins. The feature budget is not among them: it is fixed by the model's size.
    pub candidates: Vec<Settings>,
    /// A feature must occur in this many training documents to be learnt at all.
    pub min_df: u32,
    /// Features kept after selection: the model's size is roughly proportional.
    pub max_features: usize,
    /// L-BFGS iterations per fit; the fits have converged well before.
    pub iterations: usize,
    /// Weight quantization step, in standard deviations of each topic's weights.
    pub quant_step: f64,
    /// One in this many documents (whole groups, spread over the topics) forms the tuning
    /// split.
    pub tuning_share: usize,
    /// Seed of the tuning split.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        let candidates = [3e-6, 1e-5, 3e-5]
            .into_iter()
            .flat_map(|lambda| {
                [0.3, 1.0].map(|short_weight| Settings {
                    lambda,
                    short_weight,
                })
            })
            .collect();
        Config {
            candidates,
            min_df: 2,
            max_features: 3000,
            iterations: 150,
            quant_step: 1.0,
            tuning_share: 5,
            seed: 20_240_601,
        }
    }
}

/// A training document reduced to its feature hashes.
#[derive(Clone, Debug)]
pub struct Doc {
    pub hashes: Vec<u32>,
    pub topic: Topic,
    /// Identical texts share a group so calibration folds keep them together.
    pub group: usize,
    /// A short phrase (the widget's kind of input) rather than a narrative.
    pub short: bool,
}

impl Doc {
    pub fn new(lexicon: &Lexicon, text: &str, topic: Topic, group: usize, short: bool) -> Doc {
        Doc {
            hashes: analyse(text, lexicon)
                .features
                .iter()
                .map(|f| f.hash)
                .collect(),
            topic,
            group,
            short,
        }
    }
}

/// Training documents: narratives and phrases, each phrase its own group.
pub fn docs(lexicon: &Lexicon, narratives: &[Example], phrases: &[Phrase]) -> Vec<Doc> {
    let first_free_group = narratives.iter().map(|e| e.group + 1).max().unwrap_or(0);
    narratives
        .iter()
        .map(|e| Doc::new(lexicon, &e.text, e.topic, e.group, false))
        .chain(
            phrases
                .iter()
                .enumerate()
                .map(|(i, p)| Doc::new(lexicon, &p.text, p.topic, first_free_group + i, true)),
        )
        .collect()
}

/// How a model does on held-out documents: the figures `cardhelp-eval` reports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quality {
    pub top1: f64,
    pub top3: f64,
    pub macro_f1: f64,
    /// Top-1 on the short phrases (the widget's kind of input).
    pub phrases_top1: f64,
}

impl Quality {
    /// What tuning maximises: the four figures weigh the same.
    pub fn criterion(&self) -> f64 {
        (self.top1 + self.top3 + self.macro_f1 + self.phrases_top1) / 4.0
    }
}

/// One held-out document's raw scores.
#[derive(Clone, Debug)]
pub struct Prediction {
    pub scores: [f32; TOPICS],
    pub topic: Topic,
    pub short: bool,
}

/// A trained model and the record of how its settings were chosen.
#[derive(Clone, Debug)]
pub struct Trained {
    pub model: Model,
    pub settings: Settings,
    /// Every candidate with its quality on the tuning split, in [`Config::candidates`] order.
    /// Optimistic for the chosen one: it was chosen for being the best here.
    pub tuning: Vec<(Settings, Quality)>,
    /// The tuning split scored by the chosen candidate (fitted without it): what the
    /// temperature was fitted on, and where thresholds are to be chosen.
    pub tuning_predictions: Vec<Prediction>,
}

/// Trains the model to ship: settings and temperature chosen on the tuning split, then the
/// chosen settings fitted on every document.
pub fn train(docs: &[Doc], config: &Config) -> Trained {
    let split = tuning_split(docs, config);
    let (fitting, held): (Vec<_>, Vec<_>) = docs.iter().zip(&split).partition(|(_, &t)| !t);
    let fitting: Vec<Doc> = fitting.into_iter().map(|(d, _)| d.clone()).collect();
    let held: Vec<&Doc> = held.into_iter().map(|(d, _)| d).collect();
    let mut best: Option<(f64, Settings, Vec<Prediction>)> = None;
    let mut tuning = Vec::with_capacity(config.candidates.len());
    for &settings in &config.candidates {
        let model = fit(&fitting, settings, config);
        let predictions = predict(&model, held.iter().copied());
        let quality = quality(&predictions);
        tuning.push((settings, quality));
        if best.as_ref().is_none_or(|b| quality.criterion() > b.0) {
            best = Some((quality.criterion(), settings, predictions));
        }
    }
    let (_, settings, tuning_predictions) = best.expect("at least one candidate setting");
    let mut model = fit(docs, settings, config);
    model.temperature = calibrate(&tuning_predictions);
    Trained {
        model,
        settings,
        tuning,
        tuning_predictions,
    }
}

/// Which documents [`train`] holds out to tune on: one in [`Config::tuning_share`], whole
/// groups, spread over the topics, fixed by [`Config::seed`]. `cardhelp-eval` leaves them
/// out of its test folds, so no figure it reports comes from a document tuning has seen.
pub fn tuning_split(docs: &[Doc], config: &Config) -> Vec<bool> {
    let topics: Vec<Topic> = docs.iter().map(|d| d.topic).collect();
    let groups: Vec<usize> = docs.iter().map(|d| d.group).collect();
    stratified_group_folds(&topics, &groups, config.tuning_share, config.seed)
        .into_iter()
        .map(|fold| fold == 0)
        .collect()
}

/// Scores documents with a model.
pub fn predict<'a>(model: &Model, docs: impl Iterator<Item = &'a Doc>) -> Vec<Prediction> {
    docs.map(|doc| Prediction {
        scores: model.score(&hash_features(&doc.hashes)).scores,
        topic: doc.topic,
        short: doc.short,
    })
    .collect()
}

/// Top-1, top-3 and macro-F1 over the narratives, top-1 over the phrases.
pub fn quality(predictions: &[Prediction]) -> Quality {
    let mut narratives = Tally::default();
    let mut phrases = Tally::default();
    for p in predictions {
        let tally = if p.short {
            &mut phrases
        } else {
            &mut narratives
        };
        tally.add(p.topic, &ranked(&p.scores));
    }
    Quality {
        top1: narratives.top1(),
        top3: narratives.top3_rate(),
        macro_f1: narratives.macro_f1(),
        phrases_top1: phrases.top1(),
    }
}

/// Fits a model with temperature 1.
pub fn fit(docs: &[Doc], settings: Settings, config: &Config) -> Model {
    let n = docs.len();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for doc in docs {
        let mut distinct = doc.hashes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for h in distinct {
            *df.entry(h).or_default() += 1;
        }
    }
    let mut vocab: Vec<u32> = df
        .iter()
        .filter(|(_, &d)| d >= config.min_df)
        .map(|(&h, _)| h)
        .collect();
    vocab.sort_unstable();
    let idf_of = |h: u32| -> u8 {
        let idf = ((1.0 + n as f64) / (1.0 + f64::from(df[&h]))).ln() + 1.0;
        (idf * f64::from(IDF_SCALE))
            .round()
            .clamp(1.0, f64::from(MAX_IDF)) as u8
    };
    let weights = balanced_weights(docs, settings.short_weight);

    // Keep the features that matter most: how far apart a feature pushes the topic scores
    // (the spread of its weights, which ignores the constant the softmax ignores), times how
    // much of it the balanced training set contains. A big weight on a feature seen twice
    // rarely helps a new text.
    let idf: Vec<u8> = vocab.iter().map(|&h| idf_of(h)).collect();
    let x = rows(docs, &vocab, &idf);
    let full = logistic(docs, &x, vocab.len(), &weights, settings.lambda, config);
    let mut mass = vec![0.0f64; vocab.len()];
    for (row, d) in x.iter().zip(&weights) {
        for &(f, v) in row {
            mass[f] += d * v;
        }
    }
    let mut importance: Vec<(f64, u32)> = vocab
        .iter()
        .zip(full.weights.iter().zip(&mass))
        .map(|(&h, (w, mass))| {
            let highest = w.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let lowest = w.iter().copied().fold(f64::INFINITY, f64::min);
            ((highest - lowest) * mass, h)
        })
        .collect();
    importance.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut kept: Vec<u32> = importance
        .iter()
        .take(config.max_features)
        .map(|&(_, h)| h)
        .collect();
    kept.sort_unstable();
    let idf: Vec<u8> = kept.iter().map(|&h| idf_of(h)).collect();
    let pruned = logistic(
        docs,
        &rows(docs, &kept, &idf),
        kept.len(),
        &weights,
        settings.lambda,
        config,
    );
    quantize(&kept, idf, &pruned, config)
}

/// Sample weights: a short phrase counts `short_weight` times a narrative, then every
/// topic's total is made equal. Mean weight 1.
fn balanced_weights(docs: &[Doc], short_weight: f64) -> Vec<f64> {
    let raw = |d: &Doc| if d.short { short_weight } else { 1.0 };
    let mut mass = [0.0f64; TOPICS];
    for d in docs {
        mass[d.topic.index()] += raw(d);
    }
    let unnormalised: Vec<f64> = docs
        .iter()
        .map(|d| raw(d) / mass[d.topic.index()])
        .collect();
    let scale = docs.len() as f64 / unnormalised.iter().sum::<f64>();
    unnormalised.into_iter().map(|w| w * scale).collect()
}

struct Solution {
    /// Per vocabulary feature, per topic.
    weights: Vec<[f64; TOPICS]>,
    bias: [f64; TOPICS],
}

/// A document as sparse `(feature index, value)` pairs.
type Row = Vec<(usize, f64)>;

/// Sparse L2-normalised TF-IDF rows over `vocab` (sorted).
fn rows(docs: &[Doc], vocab: &[u32], idf: &[u8]) -> Vec<Row> {
    docs.iter()
        .map(|doc| {
            let mut idx: Vec<usize> = doc
                .hashes
                .iter()
                .filter_map(|h| vocab.binary_search(h).ok())
                .collect();
            idx.sort_unstable();
            let mut row: Vec<(usize, f64)> = Vec::new();
            for i in idx {
                match row.last_mut() {
                    Some((last, tf)) if *last == i => *tf += 1.0,
                    _ => row.push((i, 1.0)),
                }
            }
            // Mirror inference exactly: f32 arithmetic on the quantized IDF.
            for (i, v) in &mut row {
                *v = f64::from((1.0 + (*v as f32).ln()) * f32::from(idf[*i]) / IDF_SCALE);
            }
            let norm = row.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, v) in &mut row {
                    *v /= norm;
                }
            }
            row
        })
        .collect()
}

/// Multinomial logistic regression with an L2 penalty on the weights (not the biases):
/// minimises the sample-weighted mean log-loss plus `λ/2 · |w|²` by L-BFGS with a
/// backtracking line search, for a fixed number of iterations. `x` holds the documents'
/// rows over `v` features, `d` their sample weights.
fn logistic(
    docs: &[Doc],
    x: &[Row],
    v: usize,
    d: &[f64],
    lambda: f64,
    config: &Config,
) -> Solution {
    const MEMORY: usize = 8;
    let total: f64 = d.iter().sum();
    // θ = [w_0 (12), w_1 (12), …, w_{v-1} (12), b (12)]
    let dim = (v + 1) * TOPICS;
    let eval = |theta: &[f64], grad: &mut [f64]| -> f64 {
        grad.iter_mut().for_each(|g| *g = 0.0);
        let (w, b) = theta.split_at(v * TOPICS);
        let mut loss = 0.0;
        for (i, row) in x.iter().enumerate() {
            let mut z = [0.0f64; TOPICS];
            z.copy_from_slice(b);
            for &(f, val) in row {
                for (z, w) in z.iter_mut().zip(&w[f * TOPICS..(f + 1) * TOPICS]) {
                    *z += val * w;
                }
            }
            let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let e = z.map(|v| (v - max).exp());
            let sum: f64 = e.iter().sum();
            let y = docs[i].topic.index();
            let c = d[i] / total;
            loss += c * (sum.ln() + max - z[y]);
            // Gradient of the loss with respect to z: c · (softmax − one-hot).
            let mut r = e.map(|v| c * v / sum);
            r[y] -= c;
            for &(f, val) in row {
                for (g, r) in grad[f * TOPICS..(f + 1) * TOPICS].iter_mut().zip(&r) {
                    *g += r * val;
                }
            }
            for (g, r) in grad[v * TOPICS..].iter_mut().zip(&r) {
                *g += r;
            }
        }
        for (g, &t) in grad[..v * TOPICS].iter_mut().zip(&theta[..v * TOPICS]) {
            *g += lambda * t;
        }
        loss + 0.5 * lambda * theta[..v * TOPICS].iter().map(|t| t * t).sum::<f64>()
    };
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut theta = vec![0.0f64; dim];
    let mut grad = vec![0.0f64; dim];
    let mut loss = eval(&theta, &mut grad);
    // Recent (step, gradient change, 1 / their dot product), oldest first.
    let mut pairs: VecDeque<(Vec<f64>, Vec<f64>, f64)> = VecDeque::with_capacity(MEMORY);
    let mut next = vec![0.0f64; dim];
    let mut next_grad = vec![0.0f64; dim];
    for _ in 0..config.iterations {
        // Two-loop recursion: q = H · grad, the step is −q.
        let mut q = grad.clone();
        let mut alphas = Vec::with_capacity(pairs.len());
        for (s, y, rho) in pairs.iter().rev() {
            let a = rho * dot(s, &q);
            q.iter_mut().zip(y).for_each(|(q, y)| *q -= a * y);
            alphas.push(a);
        }
        let gamma = pairs.back().map_or(1.0, |(s, y, _)| dot(s, y) / dot(y, y));
        q.iter_mut().for_each(|q| *q *= gamma);
        for ((s, y, rho), a) in pairs.iter().zip(alphas.iter().rev()) {
            let beta = rho * dot(y, &q);
            q.iter_mut().zip(s).for_each(|(q, s)| *q += (a - beta) * s);
        }
        let slope = -dot(&grad, &q);
        if slope >= 0.0 {
            // Not a descent direction: forget the curvature history, use the gradient.
            pairs.clear();
            continue;
        }
        let mut step = 1.0;
        let mut next_loss;
        loop {
            for ((n, t), q) in next.iter_mut().zip(&theta).zip(&q) {
                *n = t - step * q;
            }
            next_loss = eval(&next, &mut next_grad);
            if next_loss <= loss + 1e-4 * step * slope || step < 1e-6 {
                break;
            }
            step *= 0.5;
        }
        let s: Vec<f64> = next.iter().zip(&theta).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = next_grad.iter().zip(&grad).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            if pairs.len() == MEMORY {
                pairs.pop_front();
            }
            pairs.push_back((s, y, 1.0 / sy));
        }
        std::mem::swap(&mut theta, &mut next);
        std::mem::swap(&mut grad, &mut next_grad);
        loss = next_loss;
    }
    Solution {
        weights: theta[..v * TOPICS]
            .chunks_exact(TOPICS)
            .map(|w| std::array::from_fn(|t| w[t]))
            .collect(),
        bias: std::array::from_fn(|t| theta[v * TOPICS + t]),
    }
}

/// Rounds weights to uniform levels: one step per topic, `quant_step` standard deviations
/// of that topic's weights, clamped at [`MAX_LEVEL`] steps.
///
/// First each feature's twelve weights are shifted by their median. The softmax ignores a
/// constant added to every topic's score, so the shift changes no prediction; but a feature
/// that speaks for one topic typically has one large weight and eleven small negative ones,
/// and after the shift those eleven round to zero, which the model file stores in a
/// fraction of a bit each.
fn quantize(hashes: &[u32], idf: Vec<u8>, s: &Solution, config: &Config) -> Model {
    let shifted: Vec<[f64; TOPICS]> = s
        .weights
        .iter()
        .map(|w| {
            let mut sorted = *w;
            sorted.sort_by(f64::total_cmp);
            let median = (sorted[TOPICS / 2 - 1] + sorted[TOPICS / 2]) / 2.0;
            w.map(|v| v - median)
        })
        .collect();
    let n = shifted.len().max(1) as f64;
    let step: [f64; TOPICS] = std::array::from_fn(|t| {
        let mean = shifted.iter().map(|w| w[t]).sum::<f64>() / n;
        let var = shifted.iter().map(|w| (w[t] - mean).powi(2)).sum::<f64>() / n;
        (config.quant_step * var.sqrt()).max(f64::MIN_POSITIVE)
    });
    let max = f64::from(MAX_LEVEL);
    let weights = shifted
        .iter()
        .flat_map(|w| (0..TOPICS).map(move |t| (w[t] / step[t]).round().clamp(-max, max) as i8))
        .collect();
    Model {
        lexicon_fingerprint: Model::fingerprint(lexicon::GLOSSARY, lexicon::CONCEPTS),
        temperature: 1.0,
        scales: step.map(|x| x as f32),
        bias: s.bias.map(|b| b as f32),
        hashes: hashes.to_vec(),
        idf,
        weights,
    }
}

/// The softmax temperature that minimises the log-loss of held-out scores, so that a
/// reported 0.8 means right about 80% of the time.
fn calibrate(held_out: &[Prediction]) -> f32 {
    let log_loss = |t: f32| -> f64 {
        held_out
            .iter()
            .map(|p| -f64::from(softmax(&p.scores, t)[p.topic.index()].max(1e-9)).ln())
            .sum()
    };
    // Geometric grid from 0.5 to ~50: the optimum is broad, a fine grid adds nothing.
    (0..80)
        .map(|i| 0.5 * 1.06f32.powi(i))
        .min_by(|&a, &b| log_loss(a).total_cmp(&log_loss(b)))
        .unwrap_or(1.0)
}

/// Feature occurrences from bare hashes (sources are irrelevant for scoring).
pub fn hash_features(hashes: &[u32]) -> Vec<super::features::Feature> {
    hashes
        .iter()
        .map(|&hash| super::features::Feature { hash, source: 0..0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Doc> {
        let lex = Lexicon::shipped().unwrap();
        let texts = [
            ("late fee charged again", Topic::FeesInterest),
            ("annual fee and late fee", Topic::FeesInterest),
            ("fee fee interest", Topic::FeesInterest),
            ("my card was stolen lost", Topic::CardProblem),
            ("lost card stolen wallet", Topic::CardProblem),
            ("card lost need new card", Topic::CardProblem),
        ];
        texts
            .iter()
            .enumerate()
            .map(|(i, (t, topic))| Doc::new(&lex, t, *topic, i, true))
            .collect()
    }

    #[test]
    fn balanced_weights_give_every_topic_the_same_mass() {
        let mut docs = docs();
        docs[0].short = false;
        let weights = balanced_weights(&docs, 0.5);
        let mass = |topic: Topic| -> f64 {
            docs.iter()
                .zip(&weights)
                .filter(|(d, _)| d.topic == topic)
                .map(|(_, w)| w)
                .sum()
        };
        assert!((mass(Topic::FeesInterest) - mass(Topic::CardProblem)).abs() < 1e-9);
        assert!((weights[0] - 2.0 * weights[1]).abs() < 1e-9, "{weights:?}");
        assert!((weights.iter().sum::<f64>() - docs.len() as f64).abs() < 1e-9);
    }

    #[test]
    fn a_fitted_model_separates_what_it_was_taught_and_is_deterministic() {
        let config = Config {
            tuning_share: 2,
            ..Config::default()
        };
        let docs = docs();
        let trained = train(&docs, &config);
        assert_eq!(trained.model.encode(), train(&docs, &config).model.encode());
        let lex = Lexicon::shipped().unwrap();
        let top = |text: &str| {
            let s = trained.model.score(&analyse(text, &lex).features).scores;
            (0..TOPICS).max_by(|&a, &b| s[a].total_cmp(&s[b])).unwrap()
        };
        assert_eq!(top("another late fee"), Topic::FeesInterest.index());
        assert_eq!(top("stolen card"), Topic::CardProblem.index());
    }

    /// Tuning holds out whole groups (identical texts), scores every candidate on them and
    /// keeps the first of the best.
    #[test]
    fn tuning_holds_out_whole_groups_and_keeps_the_first_best_candidate() {
        let lex = Lexicon::shipped().unwrap();
        let texts = [
            ("late fee", Topic::FeesInterest),
            ("another late fee", Topic::FeesInterest),
            ("late fee again", Topic::FeesInterest),
            ("a late fee charged", Topic::FeesInterest),
            ("lost card", Topic::CardProblem),
            ("card lost today", Topic::CardProblem),
            ("lost my card", Topic::CardProblem),
            ("the card was lost", Topic::CardProblem),
        ];
        // Each text twice, as one group.
        let docs: Vec<Doc> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, (t, topic))| [0, 1].map(|_| Doc::new(&lex, t, *topic, i, true)))
            .collect();
        let candidates: Vec<Settings> = [1e-5, 1e-4, 1e-3]
            .map(|lambda| Settings {
                lambda,
                short_weight: 1.0,
            })
            .to_vec();
        let config = Config {
            candidates: candidates.clone(),
            tuning_share: 2,
            ..Config::default()
        };
        let split = tuning_split(&docs, &config);
        for pair in split.chunks(2) {
            assert_eq!(pair[0], pair[1], "a group was split: {split:?}");
        }
        let held = split.iter().filter(|&&t| t).count();
        assert!((4..=12).contains(&held), "{split:?}");

        let trained = train(&docs, &config);
        assert_eq!(trained.tuning_predictions.len(), held);
        let tried: Vec<Settings> = trained.tuning.iter().map(|t| t.0).collect();
        assert_eq!(tried, candidates);
        let best = trained
            .tuning
            .iter()
            .map(|t| t.1.criterion())
            .fold(f64::NEG_INFINITY, f64::max);
        let first_best = trained.tuning.iter().find(|t| t.1.criterion() == best);
        assert_eq!(Some(trained.settings), first_best.map(|t| t.0));
    }
}
