//! `cardhelp-eval`: measures the classifier and fails (exit 1) when a target is missed.
//!
//! 1. The committed model on the held-out phrase set, overall and per language.
//! 2. Retraining: how tuning chose the settings (on its own tuning split) and whether the
//!    result is the committed model, byte for byte.
//! 3. 5-fold cross-validation on the CFPB narratives that tuning never scored: the tuning
//!    split is left out of every test fold (and kept in every training fold); identical
//!    narratives stay in one fold; training phrases are in every training fold, never in a
//!    test fold. With `--nested`, instead every narrative is tested and each outer
//!    training set is tuned on its own split (slower, about four times the training).
//! 4. With `--bench`: classification throughput on a 200-word text.
//!
//! The targets are regression guards set from these honest figures, not goals: see the
//! README ("Measured") for the figures, the older optimistic ones and the sealed-set ones.
//!
//! Usage: `cargo run --release --bin cardhelp-eval -- [--data PATH] [--nested] [--bench]`

use cardhelp::engine::classify::dataset::{self, Phrase};
use cardhelp::engine::classify::lexicon::Lexicon;
use cardhelp::engine::classify::metrics::{ranked, stratified_group_folds, Tally};
use cardhelp::engine::classify::model::{softmax, TOPICS};
use cardhelp::engine::classify::{
    self, train, Classifier, CONFIDENT_AT, MIN_EVIDENCE_WORDS, MODEL_BYTES,
};
use cardhelp::engine::locale::Locale;
use cardhelp::engine::topic::Topic;
use std::process::ExitCode;
use std::time::Instant;

const FOLDS: usize = 5;
const FOLD_SEED: u64 = 42;
// The cross-validation targets are regression guards on the honest figures (test folds
// never scored in tuning: top-1 0.708, top-3 0.899, macro-F1 0.593), each about one
// standard error of the five fold means below them, so a change that costs more than the
// folds' noise fails. They were 0.70 / 0.90 / 0.55 when measured against cross-validation
// that had also tuned on its folds (0.713 / 0.906 / 0.597); those stay the product's goal
// for unseen narratives, which the sealed set measures and which is not met (README).
const TARGET_TOP1: f64 = 0.69;
const TARGET_TOP3: f64 = 0.885;
const TARGET_MACRO_F1: f64 = 0.57;
const TARGET_PHRASES: f64 = 0.90;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data_flag = args
        .iter()
        .position(|a| a == "--data")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    let flag = |name: &str| args.iter().any(|a| a == name);
    match run(data_flag, flag("--bench"), flag("--nested")) {
        Ok(failures) if failures.is_empty() => {
            println!("\nall targets met");
            ExitCode::SUCCESS
        }
        Ok(failures) => {
            println!("\nTARGETS MISSED:");
            for f in failures {
                println!("  - {f}");
            }
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("cardhelp-eval: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(data_flag: Option<&str>, bench: bool, nested: bool) -> Result<Vec<String>, String> {
    let shipped = classify::shipped().map_err(|e| e.to_string())?;
    let model = shipped.model();
    println!(
        "committed model: {} bytes, {} features, temperature {:.2}",
        MODEL_BYTES.len(),
        model.hashes.len(),
        model.temperature
    );
    let mut failures = Vec::new();
    let eval_phrases = dataset::parse_phrases(dataset::EVAL_PHRASES)?;
    failures.extend(phrase_set(shipped, &eval_phrases));
    let data = dataset::narratives_path(data_flag);
    if data.exists() {
        let lexicon = Lexicon::shipped().map_err(|e| e.to_string())?;
        let narratives = dataset::load_narratives(&data)?;
        let phrases = dataset::parse_phrases(dataset::TRAIN_PHRASES)?;
        // Narratives first: document i is narrative i.
        let docs = train::docs(&lexicon, &narratives, &phrases);
        let config = train::Config::default();
        let started = Instant::now();
        let trained = train::train(&docs, &config);
        failures.extend(retraining(&trained, started));
        failures.extend(cross_validation(
            &docs,
            narratives.len(),
            &trained,
            &config,
            nested,
        ));
    } else {
        println!(
            "\nskipping cross-validation and the reproduction check: {} not found (the CFPB data is not shipped with cardhelp; set --data or ${})",
            data.display(),
            dataset::NARRATIVES_ENV
        );
    }
    if bench {
        benchmark(shipped);
    }
    Ok(failures)
}

fn phrase_set(classifier: &Classifier, phrases: &[Phrase]) -> Vec<String> {
    println!("\n== held-out phrase set ({} phrases) ==", phrases.len());
    let mut confident = Vec::new();
    let mut flagged = Vec::new();
    let mut failures = Vec::new();
    for locale in [None, Some(Locale::En), Some(Locale::Es)] {
        let mut tally = Tally::default();
        for p in phrases
            .iter()
            .filter(|p| locale.is_none_or(|l| p.locale == l))
        {
            let c = classifier.classify(&p.text);
            let order: Vec<usize> = c.topics.iter().map(|t| t.topic.index()).collect();
            tally.add(p.topic, &order);
            if locale.is_none() {
                confident.push((c.topics[0].score, c.top() == p.topic));
                flagged.push((c.confident, c.top() == p.topic));
            }
        }
        let name = locale.map_or("all", Locale::tag);
        println!(
            "{name:>4}: top-1 {:.3}  top-3 {:.3}  (n={})",
            tally.top1(),
            tally.top3_rate(),
            tally.total()
        );
        if locale.is_none() && tally.top1() < TARGET_PHRASES {
            failures.push(format!(
                "phrase-set top-1 {:.3} < {TARGET_PHRASES}",
                tally.top1()
            ));
        }
    }
    confidence_table("phrases", &confident);
    let (sure, unsure): (Vec<_>, Vec<_>) = flagged.iter().partition(|f| f.0);
    let right =
        |v: &[&(bool, bool)]| v.iter().filter(|f| f.1).count() as f64 / v.len().max(1) as f64;
    println!(
        "shipped rule (p >= {CONFIDENT_AT}, >= {MIN_EVIDENCE_WORDS} evidence words, one not vague): confident on {:.3} of phrases, top-1 {:.3} when confident, {:.3} otherwise",
        sure.len() as f64 / flagged.len().max(1) as f64,
        right(&sure),
        right(&unsure)
    );
    failures
}

/// Cross-validation on the narratives tuning never scored (all of them when `nested`,
/// where every outer training set is tuned afresh).
fn cross_validation(
    docs: &[train::Doc],
    narratives: usize,
    shipped: &train::Trained,
    config: &train::Config,
    nested: bool,
) -> Vec<String> {
    let started = Instant::now();
    let tuned_on = train::tuning_split(docs, config);
    let tested: Vec<usize> = (0..narratives)
        .filter(|&i| nested || !tuned_on[i])
        .collect();
    let topics: Vec<Topic> = tested.iter().map(|&i| docs[i].topic).collect();
    let groups: Vec<usize> = tested.iter().map(|&i| docs[i].group).collect();
    // Per document, its test fold; `None` (phrases, the tuning split) trains in every fold.
    let mut fold_of: Vec<Option<usize>> = vec![None; docs.len()];
    for (&i, f) in tested
        .iter()
        .zip(stratified_group_folds(&topics, &groups, FOLDS, FOLD_SEED))
    {
        fold_of[i] = Some(f);
    }
    if nested {
        println!(
            "\n== nested {FOLDS}-fold cross-validation on all {narratives} CFPB narratives (identical ones kept together; settings and temperature tuned inside each outer training set) =="
        );
    } else {
        println!(
            "\n== {FOLDS}-fold cross-validation on the {} CFPB narratives outside the tuning split (identical ones kept together; the {} in the tuning split only ever train; shipped settings and temperature) ==",
            tested.len(),
            narratives - tested.len()
        );
    }
    let mut pooled = Tally::default();
    let mut per_fold = Vec::new();
    let mut confident = Vec::new();
    for fold in 0..FOLDS {
        let training: Vec<train::Doc> = docs
            .iter()
            .zip(&fold_of)
            .filter(|(_, &f)| f != Some(fold))
            .map(|(d, _)| d.clone())
            .collect();
        let (model, tuned) = if nested {
            let t = train::train(&training, config);
            let tuned = format!(
                "; tuned: λ {:e}, phrase weight {}, temperature {:.2}",
                t.settings.lambda, t.settings.short_weight, t.model.temperature
            );
            (t.model, tuned)
        } else {
            let mut model = train::fit(&training, shipped.settings, config);
            model.temperature = shipped.model.temperature;
            (model, String::new())
        };
        let test = docs.iter().zip(&fold_of).filter(|(_, &f)| f == Some(fold));
        let mut tally = Tally::default();
        for p in train::predict(&model, test.map(|(d, _)| d)) {
            let order = ranked(&p.scores);
            tally.add(p.topic, &order);
            confident.push((
                softmax(&p.scores, model.temperature)[order[0]],
                order[0] == p.topic.index(),
            ));
        }
        println!(
            "fold {fold}: top-1 {:.3}  top-3 {:.3}  macro-F1 {:.3}  (n={}{tuned})",
            tally.top1(),
            tally.top3_rate(),
            tally.macro_f1(),
            tally.total(),
        );
        pooled.merge(&tally);
        per_fold.push(tally);
    }
    let mean = |f: fn(&Tally) -> f64| per_fold.iter().map(f).sum::<f64>() / FOLDS as f64;
    let (top1, top3, f1) = (
        mean(Tally::top1),
        mean(Tally::top3_rate),
        mean(Tally::macro_f1),
    );
    println!("mean:   top-1 {top1:.3}  top-3 {top3:.3}  macro-F1 {f1:.3}");

    println!("\nper topic (pooled over the test folds):");
    println!(
        "{:<26}{:>10}{:>8}{:>8}{:>9}",
        "topic", "precision", "recall", "F1", "support"
    );
    for t in Topic::ALL {
        let s = pooled.class(t.index());
        println!(
            "{:<26}{:>10.3}{:>8.3}{:>8.3}{:>9}",
            t.id(),
            s.precision,
            s.recall,
            s.f1,
            s.support
        );
    }
    println!("\nconfusion matrix (rows: true topic, columns: predicted, same order):");
    for (i, t) in Topic::ALL.iter().enumerate() {
        let row: Vec<String> = (0..TOPICS)
            .map(|j| format!("{:>4}", pooled.confusion[i][j]))
            .collect();
        println!("{:<26}{}", t.id(), row.join(""));
    }
    confidence_table("narratives (test folds)", &confident);
    println!(
        "cross-validation took {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let mut failures = Vec::new();
    for (name, value, target) in [
        ("top-1", top1, TARGET_TOP1),
        ("top-3", top3, TARGET_TOP3),
        ("macro-F1", f1, TARGET_MACRO_F1),
    ] {
        if value < target {
            failures.push(format!("cross-validated {name} {value:.3} < {target}"));
        }
    }
    failures
}

/// How often the top topic is right when its probability is at least each threshold:
/// the evidence behind [`CONFIDENT_AT`].
fn confidence_table(name: &str, predictions: &[(f32, bool)]) {
    println!("\nconfidence on {name} (shipped threshold {CONFIDENT_AT}):");
    println!(
        "{:>10}{:>10}{:>18}{:>18}",
        "threshold", "coverage", "top-1 if above", "top-1 if below"
    );
    for threshold in [0.3, 0.4, 0.5, 0.6, 0.7] {
        let (above, below): (Vec<_>, Vec<_>) = predictions.iter().partition(|p| p.0 >= threshold);
        let accuracy = |v: &[&(f32, bool)]| {
            if v.is_empty() {
                "-".to_string()
            } else {
                format!(
                    "{:.3}",
                    v.iter().filter(|p| p.1).count() as f64 / v.len() as f64
                )
            }
        };
        println!(
            "{threshold:>10.1}{:>10.3}{:>18}{:>18}",
            above.len() as f64 / predictions.len().max(1) as f64,
            accuracy(&above),
            accuracy(&below)
        );
    }
}

/// How tuning chose the shipped settings (figures on the tuning split: optimistic by
/// construction, for choosing only), and whether retraining gives the committed bytes.
fn retraining(trained: &train::Trained, started: Instant) -> Vec<String> {
    println!("\n== retraining: tuning on the tuning split (optimistic, for choosing only) ==");
    println!(
        "{:>8}{:>14}{:>8}{:>8}{:>10}{:>10}",
        "λ", "phrase weight", "top-1", "top-3", "macro-F1", "phrases"
    );
    for (s, q) in &trained.tuning {
        println!(
            "{:>8.0e}{:>14}{:>8.3}{:>8.3}{:>10.3}{:>10.3}{}",
            s.lambda,
            s.short_weight,
            q.top1,
            q.top3,
            q.macro_f1,
            q.phrases_top1,
            if *s == trained.settings {
                "  <- chosen"
            } else {
                ""
            }
        );
    }
    let held: Vec<(f32, bool)> = trained
        .tuning_predictions
        .iter()
        .map(|p| {
            let order = ranked(&p.scores);
            (
                softmax(&p.scores, trained.model.temperature)[order[0]],
                order[0] == p.topic.index(),
            )
        })
        .collect();
    confidence_table("the tuning split, where the threshold is chosen", &held);
    let same = trained.model.encode() == MODEL_BYTES;
    println!(
        "\nretraining reproduces the committed model: {} ({:.1} s)",
        if same { "yes" } else { "NO" },
        started.elapsed().as_secs_f64()
    );
    if same {
        Vec::new()
    } else {
        vec!["committed model differs from what cardhelp-train produces: run cardhelp-train".into()]
    }
}

fn benchmark(classifier: &Classifier) {
    // A 200-word text assembled from the training phrases (no narrative text).
    let phrases = dataset::parse_phrases(dataset::TRAIN_PHRASES).unwrap_or_default();
    let mut words: Vec<&str> = Vec::new();
    for p in phrases.iter().cycle().take(500) {
        words.extend(p.text.split_whitespace());
        if words.len() >= 200 {
            break;
        }
    }
    let text = words[..200.min(words.len())].join(" ");
    let runs = 5_000;
    let started = Instant::now();
    let mut checksum = 0.0f32;
    for _ in 0..runs {
        checksum += classifier.classify(std::hint::black_box(&text)).topics[0].score;
    }
    let per = started.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "\nbenchmark: {} words, {:.1} µs per text, {:.0} texts/s (checksum {checksum:.1})",
        text.split_whitespace().count(),
        per * 1e6,
        1.0 / per
    );
}
