//! `cardhelp-train`: retrains the committed classifier model from the CFPB narratives and
//! the training phrases. Deterministic: the same inputs give the same bytes. The
//! hyper-parameters and temperature are chosen on a fixed tuning split (see `train`).
//!
//! Usage: `cargo run --release --bin cardhelp-train -- [--data PATH] [--out PATH]`

use cardhelp::engine::classify::{dataset, lexicon::Lexicon, train};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    let data = dataset::narratives_path(flag("--data"));
    let out = flag("--out").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/engine/classify/model.bin"),
        PathBuf::from,
    );
    if !data.exists() {
        println!(
            "skipping: {} not found (the CFPB data is not shipped with cardhelp; set --data or ${})",
            data.display(),
            dataset::NARRATIVES_ENV
        );
        return ExitCode::SUCCESS;
    }
    let run = || -> Result<(), String> {
        let started = Instant::now();
        let lexicon = Lexicon::shipped().map_err(|e| e.to_string())?;
        let narratives = dataset::load_narratives(&data)?;
        let phrases = dataset::parse_phrases(dataset::TRAIN_PHRASES)?;
        let docs = train::docs(&lexicon, &narratives, &phrases);
        let trained = train::train(&docs, &train::Config::default());
        let model = trained.model;
        let bytes = model.encode();
        std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        println!(
            "trained on {} narratives + {} phrases: λ {:e} and phrase weight {} chosen on the tuning split, {} features, temperature {:.2}, {} bytes -> {} ({:.1} s)",
            narratives.len(),
            phrases.len(),
            trained.settings.lambda,
            trained.settings.short_weight,
            model.hashes.len(),
            model.temperature,
            bytes.len(),
            out.display(),
            started.elapsed().as_secs_f64()
        );
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cardhelp-train: {e}");
            ExitCode::FAILURE
        }
    }
}
