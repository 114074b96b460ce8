//! `dyad nlp`: sentences and tokens (and, once the models exist, their annotations).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_core::Doc;
use serde::Serialize;

/// Arguments of `dyad nlp`.
#[derive(Args)]
pub struct NlpArgs {
    /// Files to read; stdin when none is given.
    files: Vec<PathBuf>,
    /// What the input is: raw text (dyad tokenizes it) or CoNLL-U (its tokens are kept).
    #[arg(long, value_enum, default_value_t = From::Text)]
    from: From,
    /// What to print.
    #[arg(long, value_enum, default_value_t = To::Conllu)]
    to: To,
    /// Folder of the models (default: the models/ folder dyad was built with).
    #[arg(long)]
    models: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum From {
    Text,
    Conllu,
}

#[derive(Clone, Copy, ValueEnum)]
enum To {
    Conllu,
    Json,
}

/// Runs the text stage on every input and prints the result.
pub fn run(args: &NlpArgs) -> anyhow::Result<ExitCode> {
    let models =
        crate::models::load_if_present(&crate::models::models_dir(args.models.as_deref()))?;
    let mut stdout = std::io::stdout().lock();
    let mut failed = false;
    for (name, bytes) in inputs(&args.files) {
        let mut doc = match bytes
            .map_err(anyhow::Error::from)
            .and_then(|bytes| to_doc(&bytes, args.from))
        {
            Ok(doc) => doc,
            Err(error) => {
                eprintln!("{name}: failed: {error:#}");
                failed = true;
                continue;
            }
        };
        if let Some(models) = &models {
            models.annotate(&mut doc);
        }
        let rendered = match args.to {
            To::Conllu => dyad_text::conllu::write(&doc),
            To::Json => serde_json::to_string(&DocJson::of(&doc))? + "\n",
        };
        stdout
            .write_all(rendered.as_bytes())
            .context("cannot write the output")?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn inputs(files: &[PathBuf]) -> Vec<(String, std::io::Result<Vec<u8>>)> {
    if files.is_empty() {
        let mut bytes = Vec::new();
        let read = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
        return vec![("<stdin>".to_string(), read)];
    }
    files
        .iter()
        .map(|path| (path.display().to_string(), std::fs::read(path)))
        .collect()
}

fn to_doc(bytes: &[u8], from: From) -> anyhow::Result<Doc> {
    let decoded = dyad_ingest::charset::decode_text(bytes);
    Ok(match from {
        From::Text => dyad_text::tokenize(&decoded.text),
        From::Conllu => dyad_text::conllu::to_doc(&dyad_text::conllu::parse(&decoded.text)?),
    })
}

/// A document as JSON: the text, and every sentence and token with its byte offsets.
#[derive(Serialize)]
struct DocJson<'d> {
    text: &'d str,
    sentences: Vec<SentenceJson<'d>>,
}

#[derive(Serialize)]
struct SentenceJson<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    tokens: Vec<TokenJson<'d>>,
}

#[derive(Serialize)]
struct TokenJson<'d> {
    start: usize,
    end: usize,
    text: &'d str,
    upos: &'d str,
    xpos: &'d str,
    lemma: &'d str,
    /// Index of the head among the sentence's tokens (0-based); null for the root.
    head: Option<usize>,
    deprel: &'d str,
    ner: &'d str,
}

impl<'d> DocJson<'d> {
    fn of(doc: &'d Doc) -> Self {
        let sentences = doc
            .sentences
            .iter()
            .map(|sentence| SentenceJson {
                start: sentence.span.start,
                end: sentence.span.end,
                text: sentence.span.of(&doc.text),
                tokens: doc
                    .sentence_tokens(sentence)
                    .iter()
                    .map(|token| TokenJson {
                        start: token.span.start,
                        end: token.span.end,
                        text: token.span.of(&doc.text),
                        upos: &token.upos,
                        xpos: &token.xpos,
                        lemma: &token.lemma,
                        head: token.head.map(|head| head - sentence.tokens.start),
                        deprel: &token.deprel,
                        ner: &token.ner,
                    })
                    .collect(),
            })
            .collect();
        DocJson {
            text: &doc.text,
            sentences,
        }
    }
}
