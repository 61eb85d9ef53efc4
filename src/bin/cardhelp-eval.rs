//! `cardhelp-eval`: measures the classifier and fails (exit 1) when a target is missed.
//!
//! 1. 5-fold cross-validation on the CFPB narratives (identical narratives kept in one
//!    fold; training phrases added to every training fold, never to a test fold).
//! 2. The committed model on the held-out phrase set, overall and per language.
//! 3. Retraining reproduces the committed model byte for byte.
//! 4. With `--bench`: classification throughput on a 200-word text.
//!
//! Usage: `cargo run --release --bin cardhelp-eval -- [--data PATH] [--bench]`

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
const TARGET_TOP1: f64 = 0.70;
const TARGET_TOP3: f64 = 0.90;
const TARGET_MACRO_F1: f64 = 0.55;
const TARGET_PHRASES: f64 = 0.90;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data_flag = args
        .iter()
        .position(|a| a == "--data")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    match run(data_flag, args.iter().any(|a| a == "--bench")) {
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

fn run(data_flag: Option<&str>, bench: bool) -> Result<Vec<String>, String> {
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
        failures.extend(cross_validation(&data, model.temperature)?);
        failures.extend(reproduction(&data)?);
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
        "shipped rule (p >= {CONFIDENT_AT} and >= {MIN_EVIDENCE_WORDS} evidence words): confident on {:.3} of phrases, top-1 {:.3} when confident, {:.3} otherwise",
        sure.len() as f64 / flagged.len().max(1) as f64,
        right(&sure),
        right(&unsure)
    );
    failures
}

fn cross_validation(path: &std::path::Path, temperature: f32) -> Result<Vec<String>, String> {
    let started = Instant::now();
    let lexicon = Lexicon::shipped().map_err(|e| e.to_string())?;
    let narratives = dataset::load_narratives(path)?;
    let phrases = dataset::parse_phrases(dataset::TRAIN_PHRASES)?;
    let topics: Vec<Topic> = narratives.iter().map(|e| e.topic).collect();
    let groups: Vec<usize> = narratives.iter().map(|e| e.group).collect();
    let folds = stratified_group_folds(&topics, &groups, FOLDS, FOLD_SEED);
    let docs = train::docs(&lexicon, &narratives, &[]);
    let phrase_docs = train::docs(&lexicon, &[], &phrases);
    let config = train::Config::default();

    println!(
        "\n== {FOLDS}-fold cross-validation on {} CFPB narratives ({} duplicate groups kept together) ==",
        narratives.len(),
        narratives.len() - groups.iter().collect::<std::collections::HashSet<_>>().len()
    );
    let mut pooled = Tally::default();
    let mut per_fold = Vec::new();
    let mut confident = Vec::new();
    for fold in 0..FOLDS {
        let training: Vec<train::Doc> = docs
            .iter()
            .zip(&folds)
            .filter(|(_, &f)| f != fold)
            .map(|(d, _)| d.clone())
            .chain(phrase_docs.iter().cloned())
            .collect();
        let model = train::fit(&training, &config);
        let mut tally = Tally::default();
        for (doc, _) in docs.iter().zip(&folds).filter(|(_, &f)| f == fold) {
            let scores = model.score(&train::hash_features(&doc.hashes)).scores;
            let order = ranked(&scores);
            tally.add(doc.topic, &order);
            confident.push((
                softmax(&scores, temperature)[order[0]],
                order[0] == doc.topic.index(),
            ));
        }
        println!(
            "fold {fold}: top-1 {:.3}  top-3 {:.3}  macro-F1 {:.3}  (n={})",
            tally.top1(),
            tally.top3_rate(),
            tally.macro_f1(),
            tally.total()
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

    println!("\nper topic (pooled over folds):");
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
    confidence_table("narratives (out-of-fold)", &confident);
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
    Ok(failures)
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

fn reproduction(path: &std::path::Path) -> Result<Vec<String>, String> {
    let started = Instant::now();
    let lexicon = Lexicon::shipped().map_err(|e| e.to_string())?;
    let narratives = dataset::load_narratives(path)?;
    let phrases = dataset::parse_phrases(dataset::TRAIN_PHRASES)?;
    let docs = train::docs(&lexicon, &narratives, &phrases);
    let retrained = train::train(&docs, &train::Config::default()).encode();
    let same = retrained == MODEL_BYTES;
    println!(
        "\nretraining reproduces the committed model: {} ({:.1} s)",
        if same { "yes" } else { "NO" },
        started.elapsed().as_secs_f64()
    );
    Ok(if same {
        Vec::new()
    } else {
        vec!["committed model differs from what cardhelp-train produces: run cardhelp-train".into()]
    })
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
