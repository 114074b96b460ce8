//! End-to-end tests of the `dyad` binary: what a user types, what they get.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dyad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dyad binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

#[test]
fn the_readme_main_job_reads_every_example() {
    let output = dyad(
        &["ingest", "--date", "2025-11-20", "examples/articles/"],
        None,
    );
    assert!(output.status.success());
    let articles = json_lines(&output);
    // Five texts, one page, three feed items, three JSONL briefs.
    assert_eq!(
        articles.len(),
        12,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for article in &articles {
        assert!(!article["id"].as_str().unwrap().is_empty());
        assert_eq!(article["language"], "en");
        assert!(
            article["published"]
                .as_str()
                .unwrap()
                .starts_with("2025-11-")
        );
        assert!(article["body"].as_str().unwrap().len() > 200);
    }
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("total: 8 inputs: 12 ok, 0 skipped, 0 failed"),
        "{stderr}"
    );
}

#[test]
fn ingest_reports_every_problem_and_goes_on() {
    let fixtures = "crates/ingest/tests/fixtures/";
    let output = dyad(
        &[
            "ingest",
            &format!("{fixtures}inputs"),
            &format!("{fixtures}jsonl/articles.jsonl"),
        ],
        None,
    );
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(
        stderr.contains("inputs/empty.txt: skipped: empty input"),
        "{stderr}"
    );
    assert!(stderr.contains("inputs/image.png: skipped: binary data, not text"));
    assert!(stderr.contains("articles.jsonl:2: failed: not a JSON object"));
    assert!(stderr.contains("articles.jsonl:8: skipped: language: fr"));
    assert!(stderr.contains("note: ") && stderr.contains("unparseable date"));
    let articles = json_lines(&output);
    assert!(articles.iter().any(|a| a["id"] == "brief-1"));
}

#[test]
fn ingest_reads_stdin_and_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("articles.jsonl");
    let text = b"Envoys meet in Doha\n\nDOHA - Envoys from both sides met in Doha on Sunday, mediators said.\n";
    let output = dyad(
        &[
            "ingest",
            "--date",
            "2025-11-23",
            "--out",
            out.to_str().unwrap(),
        ],
        Some(text),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty());
    let written: Value =
        serde_json::from_str(std::fs::read_to_string(&out).unwrap().trim()).unwrap();
    assert_eq!(written["title"], "Envoys meet in Doha");
    assert_eq!(written["published"], "2025-11-23");
}

#[test]
fn nlp_prints_conllu_with_space_after() {
    let output = dyad(
        &["nlp", "--from", "text", "--to", "conllu"],
        Some("Mr. Kim didn't go. He stayed home.".as_bytes()),
    );
    assert!(output.status.success());
    let conllu = String::from_utf8(output.stdout).unwrap();
    assert!(conllu.contains("# text = Mr. Kim didn't go."), "{conllu}");
    let forms: Vec<&str> = conllu
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(
        forms,
        [
            "Mr.", "Kim", "did", "n't", "go", ".", "He", "stayed", "home", "."
        ]
    );
    assert!(
        conllu
            .lines()
            .any(|l| l.starts_with("3\tdid\t") && l.ends_with("SpaceAfter=No"))
    );
}

/// Every span dyad prints is the exact text it claims, on the user's specimen article.
#[test]
fn nlp_json_spans_match_the_text_on_the_specimen() {
    let specimen = repo().join("../shared/examples/specimen-asia-tour.txt");
    if !specimen.exists() {
        println!("skipped: ../shared/examples not found");
        return;
    }
    let output = dyad(
        &[
            "nlp",
            "--from",
            "text",
            "--to",
            "json",
            specimen.to_str().unwrap(),
        ],
        None,
    );
    assert!(output.status.success());
    let doc = &json_lines(&output)[0];
    let text = doc["text"].as_str().unwrap();
    let mut tokens = 0;
    for sentence in doc["sentences"].as_array().unwrap() {
        let slice = |v: &Value| {
            &text[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
        };
        assert_eq!(slice(sentence), sentence["text"].as_str().unwrap());
        for token in sentence["tokens"].as_array().unwrap() {
            assert_eq!(slice(token), token["text"].as_str().unwrap());
            tokens += 1;
        }
    }
    assert!(tokens > 400);
}

#[test]
fn conllu_tokens_are_kept() {
    let conllu = "# text = Talks resumed.\n1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    let output = dyad(
        &["nlp", "--from", "conllu", "--to", "conllu"],
        Some(conllu.as_bytes()),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();
    assert!(printed.contains("# text = Talks resumed."));
    // Gold annotations are never copied into the output.
    assert!(
        !printed.contains("nsubj") && !printed.contains("talk\t"),
        "{printed}"
    );
}

#[test]
fn help_explains_the_commands() {
    let output = dyad(&["--help"], None);
    let help = String::from_utf8(output.stdout).unwrap();
    for command in ["ingest", "nlp", "eval", "bench"] {
        assert!(help.contains(command), "{help}");
    }
}
