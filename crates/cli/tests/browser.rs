//! The web page in a real browser: starts `dyad serve` over the examples' database and runs
//! `tests/browser/ui.test.mjs`, which drives headless Chromium through playwright-core
//! (filter by a country, open an article, click an event, see its evidence highlighted, see
//! the map). Screenshots go to `target/screenshots/`.
//!
//! It needs Node.js, Chromium and `npm ci` in tests/browser, which `.ci/run` installs; where
//! they are missing it prints what to install and passes, unless DYAD_REQUIRE_BROWSER is set
//! (as CI sets it), when it fails.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Server, repo};

#[test]
fn the_page_filters_opens_an_article_highlights_evidence_and_draws_the_map() {
    let tests = repo().join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let missing: Vec<&str> = [
        (
            !tests.join("node_modules/playwright-core").is_dir(),
            "npm ci in tests/browser",
        ),
        (
            !Path::new(&chromium).is_file(),
            "chromium (apt-get install chromium)",
        ),
        (
            Command::new("node").arg("--version").output().is_err(),
            "node",
        ),
    ]
    .into_iter()
    .filter_map(|(lacking, what)| lacking.then_some(what))
    .collect();
    if !missing.is_empty() {
        let message = format!("the browser test needs: {}", missing.join(", "));
        assert!(
            std::env::var_os("DYAD_REQUIRE_BROWSER").is_none(),
            "{message}"
        );
        eprintln!("note: {message}; skipped");
        return;
    }
    let server = Server::start(&["--allow-code"]);
    let screenshots = repo().join("target/screenshots");
    let output = Command::new("node")
        .args(["--test", "ui.test.mjs"])
        .current_dir(&tests)
        .env("DYAD_URL", format!("http://{}", server.address))
        .env("SCREENSHOTS", &screenshots)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the browser test failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for shot in [
        "events.png",
        "article.png",
        "map.png",
        "timeline.png",
        "network.png",
    ] {
        assert!(screenshots.join(shot).is_file(), "no screenshot {shot}");
    }
}
