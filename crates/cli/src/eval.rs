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
    /// The language models against CoNLL-U treebanks (tags, lemmas, attachment on gold tokens,
    /// and attachment from raw text) and IOB2 entity files (exact-span F1).
    Nlp {
        /// CoNLL-U test files (e.g. ../shared/corpora/ud-en-ewt/en_ewt-ud-test.conllu).
        #[arg(long = "conllu")]
        conllu: Vec<PathBuf>,
        /// IOB2 entity files (e.g. ../shared/corpora/uner-en-ewt/en_ewt-ud-test.iob2).
        #[arg(long = "iob2")]
        iob2: Vec<PathBuf>,
        /// Folder of the models (default: the models/ folder dyad was built with).
        #[arg(long)]
        models: Option<PathBuf>,
    },
    /// The event coder against gold events (tests/gold): precision, recall and F1 by PLOVER
    /// type, by type with source and target countries, and by CAMEO code to three digits.
    Events {
        /// Folder of gold `*.jsonl` files.
        gold: PathBuf,
        /// Folder of the models (default: the models/ folder dyad was built with).
        #[arg(long)]
        models: Option<PathBuf>,
        /// Knowledge-base folders read after the shipped one.
        #[arg(long = "kb", value_name = "DIR")]
        kb: Vec<PathBuf>,
        /// Also print, for the tuning items only (never the held-out ones), each item whose
        /// coded events differ from the gold ones by type, source or target.
        #[arg(long)]
        errors: bool,
    },
    /// Place resolution against gold places (tests/gold-places/places.jsonl): the share of
    /// gold place mentions found and resolved to the right place, for tuning and held-out
    /// texts apart.
    Places {
        /// The gold file.
        gold: PathBuf,
        /// Knowledge-base folders read after the shipped one.
        #[arg(long = "kb", value_name = "DIR")]
        kb: Vec<PathBuf>,
        /// Also print each tuning mention (never a held-out one) that is missed or wrong.
        #[arg(long)]
        errors: bool,
    },
    /// Quote attribution against gold quotes (tests/gold-quotes/quotes.jsonl): the share of
    /// gold quotes found with the right speaker, for tuning and held-out articles apart.
    Quotes {
        /// The gold file.
        gold: PathBuf,
        /// Folder of the models (default: the models/ folder dyad was built with).
        #[arg(long)]
        models: Option<PathBuf>,
        /// Also print each tuning quote (never a held-out one) whose speaker is wrong.
        #[arg(long)]
        errors: bool,
    },
}

/// Prints the scores of each file.
pub fn run(command: &EvalCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Events {
            gold,
            models,
            kb,
            errors,
        } => {
            crate::code::eval_events(gold, models.as_deref(), kb, *errors)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Quotes {
            gold,
            models,
            errors,
        } => {
            let models = crate::models::load(&crate::models::models_dir(models.as_deref()))?;
            eval_quotes(gold, &models, *errors)
        }
        EvalCommand::Places { gold, kb, errors } => {
            let geocoder = dyad_geo::Geocoder::new(&crate::code::load_kb(kb)?);
            eval_places(gold, &geocoder, *errors)
        }
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
        EvalCommand::Nlp {
            conllu,
            iob2,
            models,
        } => {
            let models = crate::models::load(&crate::models::models_dir(models.as_deref()))?;
            println!("models version {}", models.version());
            for file in conllu {
                let sentences = dyad_nlp::train::read_conllu(file)?;
                println!("{}", file.display());
                println!(
                    "  gold tokens: {}",
                    dyad_nlp::eval::score_gold_tokens(&models, &sentences)
                );
                println!("  {}", dyad_nlp::eval::score_raw_text(&models, &sentences));
            }
            for file in iob2 {
                let text = dyad_nlp::train::read(file)?;
                let sentences = dyad_nlp::ner::read_iob2(&text)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
                let scores = dyad_nlp::eval::score_entities(&models, &sentences);
                println!(
                    "{}\n  entities: {}",
                    file.display(),
                    dyad_nlp::eval::entity_line(&scores)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Counts of gold items by split ("all", "tune", "held-out"): (gold, found, right).
#[derive(Default)]
struct SplitTotals<'a>(std::collections::BTreeMap<&'a str, (usize, usize, usize)>);

impl<'a> SplitTotals<'a> {
    /// Adds one item's counts to its split and to "all".
    fn add(&mut self, split: &'a str, (gold, found, right): (usize, usize, usize)) {
        for split in ["all", split] {
            let total = self.0.entry(split).or_default();
            *total = (total.0 + gold, total.1 + found, total.2 + right);
        }
    }

    /// Prints a line per split: "tune: 374 gold place mentions, found ..., right place ...".
    fn print(&self, what: &str, right_what: &str) {
        for (split, (gold, found, right)) in &self.0 {
            let share = |n: usize| 100.0 * n as f64 / (*gold).max(1) as f64;
            println!(
                "{split}: {gold} gold {what}, found {found} ({:.1}%), {right_what} {right} ({:.1}%)",
                share(*found),
                share(*right)
            );
        }
    }
}

/// Scores place resolution on a gold file and prints found and right shares by split.
fn eval_places(
    gold: &std::path::Path,
    geocoder: &dyad_geo::Geocoder,
    errors: bool,
) -> anyhow::Result<ExitCode> {
    use dyad_geo::gold::Outcome;
    let texts = dyad_geo::gold::read(gold).map_err(anyhow::Error::msg)?;
    let mut totals = SplitTotals::default();
    for text in &texts {
        let found = geocoder.places(&dyad_text::tokenize(&text.text));
        let outcomes = dyad_geo::gold::score(text, &found);
        let count = |keep: &dyn Fn(&Outcome) -> bool| outcomes.iter().filter(|o| keep(o)).count();
        totals.add(
            &text.split,
            (
                outcomes.len(),
                count(&|o| *o != Outcome::Missed),
                count(&|o| *o == Outcome::Right),
            ),
        );
        if errors && text.split == "tune" {
            for (gold, outcome) in text.places.iter().zip(&outcomes) {
                let expected = format!("{} {}", gold.name, gold.country);
                match outcome {
                    Outcome::Right => {}
                    Outcome::Missed => println!(
                        "{} {:?}: expected {expected}, missed",
                        text.id, gold.mention
                    ),
                    Outcome::Wrong(name, country) => println!(
                        "{} {:?}: expected {expected}, got {name} {country}",
                        text.id, gold.mention
                    ),
                }
            }
        }
    }
    totals.print("place mentions", "right place");
    Ok(ExitCode::SUCCESS)
}

/// Scores quote attribution on a gold file and prints found and right shares by split.
fn eval_quotes(
    gold: &std::path::Path,
    models: &dyad_nlp::Models,
    errors: bool,
) -> anyhow::Result<ExitCode> {
    let articles = dyad_quotes::gold::read(gold).map_err(anyhow::Error::msg)?;
    let mut totals = SplitTotals::default();
    for article in &articles {
        let doc = models.annotate_text(&article.text);
        let found = dyad_quotes::quotes(&doc);
        totals.add(&article.split, dyad_quotes::gold::score(article, &found));
        if errors && article.split == "tune" {
            for judged in dyad_quotes::gold::judge(article, &found) {
                if judged.right {
                    continue;
                }
                let preview: String = judged.gold.quote.chars().take(50).collect();
                let outcome = match judged.found {
                    None => "quote not found".to_string(),
                    Some(quote) => {
                        let said = quote.speaker.as_ref().map(|s| s.name.as_str());
                        format!("got {said:?}")
                    }
                };
                println!(
                    "{} {:?}: expected {:?}, {outcome}",
                    article.id, preview, judged.gold.speaker
                );
            }
        }
    }
    totals.print("quotes", "right speaker");
    Ok(ExitCode::SUCCESS)
}
