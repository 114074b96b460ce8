//! `dyad eval`: scores against gold data.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;

/// What to score.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Sentence splitting and tokenization against CoNLL-U treebanks: the raw text is rebuilt
    /// from their `# text` lines, tokenized, and compared span by span.
    Text {
        /// CoNLL-U files (e.g. ../shared/corpora/ud-en-gum/en_gum-ud-test.conllu).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Prints the scores of each file.
pub fn run(command: &EvalCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Text { files } => {
            for file in files {
                let conllu = std::fs::read_to_string(file)
                    .with_context(|| format!("cannot read {}", file.display()))?;
                let scores = dyad_text::eval::score_treebank(&conllu)
                    .with_context(|| format!("in {}", file.display()))?;
                println!("{}\n{scores}", file.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
