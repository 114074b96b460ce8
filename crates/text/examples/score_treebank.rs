//! Scores the tokenizer on CoNLL-U files and, for tuning, lists the most frequent differences.
//!
//! ```text
//! cargo run -p dyad-text --release --example score_treebank -- FILE.conllu... [--errors N]
//! ```
//!
//! Token differences print as `gold => system`, with `|` between tokens; sentence differences
//! print the text around a boundary one side has and the other lacks.

use std::collections::HashMap;

use dyad_core::Span;
use dyad_text::{conllu, eval};

fn main() {
    let mut files = Vec::new();
    let mut errors = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--errors" {
            errors = args.next().and_then(|n| n.parse().ok()).unwrap_or(40);
        } else {
            files.push(arg);
        }
    }
    for file in files {
        let input = match std::fs::read_to_string(&file) {
            Ok(input) => input,
            Err(err) => {
                eprintln!("{file}: {err}");
                continue;
            }
        };
        let sentences = match conllu::parse(&input) {
            Ok(sentences) => sentences,
            Err(err) => {
                eprintln!("{file}: {err}");
                continue;
            }
        };
        let gold = eval::gold_document(&sentences);
        let doc = dyad_text::tokenize(&gold.text);
        println!("{file}\n  {}", eval::score(&gold, &doc));
        if errors > 0 {
            let system: Vec<Span> = doc.tokens.iter().map(|t| t.span).collect();
            print_token_differences(&gold.text, &gold.tokens, &system, errors);
            let system: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
            print_boundary_differences(&gold.text, &gold.sentences, &system, errors);
        }
    }
}

/// Groups stretches where gold and system tokens disagree and prints the most frequent.
fn print_token_differences(text: &str, gold: &[Span], system: &[Span], limit: usize) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let (mut i, mut j) = (0, 0);
    while i < gold.len() && j < system.len() {
        if gold[i] == system[j] {
            i += 1;
            j += 1;
            continue;
        }
        let (gi, sj) = (i, j);
        let mut end = gold[i].end.max(system[j].end);
        loop {
            while i < gold.len() && gold[i].start < end {
                end = end.max(gold[i].end);
                i += 1;
            }
            while j < system.len() && system[j].start < end {
                end = end.max(system[j].end);
                j += 1;
            }
            let settled = (i == gold.len() || gold[i].start >= end)
                && (j == system.len() || system[j].start >= end);
            if settled {
                break;
            }
        }
        let show = |spans: &[Span]| {
            spans
                .iter()
                .map(|s| s.of(text))
                .collect::<Vec<_>>()
                .join("|")
        };
        *counts
            .entry(format!(
                "{} => {}",
                show(&gold[gi..i]),
                show(&system[sj..j])
            ))
            .or_default() += 1;
    }
    print_top("token differences", counts, limit);
}

/// Prints boundaries present on one side only, with a little context.
fn print_boundary_differences(text: &str, gold: &[Span], system: &[Span], limit: usize) {
    let ends = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| s.end)
            .collect::<std::collections::BTreeSet<_>>()
    };
    let (gold_ends, system_ends) = (ends(gold), ends(system));
    let context = |at: usize| {
        let from = floor_boundary(text, at.saturating_sub(40));
        let to = floor_boundary(text, (at + 40).min(text.len()));
        format!("{}‖{}", &text[from..at], &text[at..to]).replace('\n', "⏎")
    };
    let missed: Vec<_> = gold_ends.difference(&system_ends).take(limit).collect();
    let extra: Vec<_> = system_ends.difference(&gold_ends).take(limit).collect();
    println!("  -- sentence ends missed ({} shown)", missed.len());
    for at in missed {
        println!("    {}", context(*at));
    }
    println!("  -- sentence ends added ({} shown)", extra.len());
    for at in extra {
        println!("    {}", context(*at));
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn print_top(title: &str, counts: HashMap<String, usize>, limit: usize) {
    let total: usize = counts.values().sum();
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("  -- {title}: {total} stretches");
    for (what, n) in counts.into_iter().take(limit) {
        println!("    {n:5}  {what}");
    }
}
