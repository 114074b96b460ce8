//! `dyad train` and where the binary finds its models.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use dyad_nlp::Models;
use dyad_nlp::train::{Corpora, TrainConfig};

/// Arguments of `dyad train`.
#[derive(Args)]
pub struct TrainArgs {
    /// The corpora folder (UD English EWT and GUM, UNER English EWT).
    #[arg(long, default_value = "../shared/corpora")]
    corpora: PathBuf,
    /// Where to write the models.
    #[arg(long, default_value = "models")]
    out: PathBuf,
    /// Seed of every shuffle; the same seed and corpora give the same models.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// The models folder: `--models`, else `$DYAD_MODELS`, else `models/` of the source tree the
/// binary was built from (so `cargo run` and the tests find the committed models).
pub fn models_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("DYAD_MODELS") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models")
}

/// Loads the models, saying where from when that fails.
pub fn load(dir: &Path) -> anyhow::Result<Models> {
    Models::load(dir).with_context(|| {
        format!(
            "cannot load the models from {} (build them with `dyad train`)",
            dir.display()
        )
    })
}

/// The models, or `None` (after a warning) when the folder holds none at all, so that
/// sentences and tokens are still printed; damaged model files are an error.
pub fn load_if_present(dir: &Path) -> anyhow::Result<Option<Models>> {
    if Models::FILES.iter().all(|name| !dir.join(name).exists()) {
        eprintln!(
            "warning: no models in {}: printing sentences and tokens only (build the models with `dyad train`)",
            dir.display()
        );
        return Ok(None);
    }
    load(dir).map(Some)
}

/// Trains every model and writes them.
pub fn run(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let corpora = Corpora::load(&args.corpora).context("cannot read the training corpora")?;
    let config = TrainConfig {
        seed: args.seed,
        ..TrainConfig::default()
    };
    let models = dyad_nlp::train::train(&corpora, &config, &mut |step| {
        eprintln!("[{:>6.1} s] {step}", started.elapsed().as_secs_f64());
    })?;
    models.save(&args.out)?;
    for name in Models::FILES {
        let size = std::fs::metadata(args.out.join(name))
            .map(|m| m.len())
            .unwrap_or(0);
        eprintln!(
            "wrote {}: {:.1} MB",
            args.out.join(name).display(),
            size as f64 / 1e6
        );
    }
    eprintln!(
        "trained in {:.1} s, seed {}, models version {}",
        started.elapsed().as_secs_f64(),
        args.seed,
        models.version()
    );
    Ok(ExitCode::SUCCESS)
}
