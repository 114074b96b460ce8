//! `dyad bench serve`: latency and throughput of the server's main queries on a database of
//! generated events, measured by wrk from outside the process as a client would see them.

use std::path::Path;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use dyad_coder::actors::Actor;
use dyad_coder::dates::EventDate;
use dyad_coder::event::{Action, Plover};
use dyad_coder::{Event, Location};
use dyad_core::{Article, Doc, Sentence, Span};
use dyad_kb::{CameoCode, Country, Kb};
use dyad_store::{CodedArticle, Store, Versions};

/// Events per generated article: about what `dyad run` codes from a wire story.
const EVENTS_PER_ARTICLE: usize = 5;
/// Days the generated events spread over.
const DAYS: u64 = 730;
/// The countries that news mentions most, drawn far more often than the rest (as in GDELT,
/// a few countries take most events).
const PROMINENT: &[&str] = &[
    "USA", "CHN", "RUS", "UKR", "ISR", "PSE", "IRN", "GBR", "FRA", "DEU", "IND", "JPN", "TUR",
    "SYR", "PRK", "KOR", "PAK", "SAU", "BRA", "EGY",
];
/// Actor sectors the generated actors take, the empty one for a country itself.
const SECTORS: &[&str] = &["", "GOV", "MIL", "GOV", "", "OPP", "BUS", "MED"];

/// Generates the database at `db` if it holds fewer than `events` events, starts
/// `dyad serve` on it and prints wrk's figures for each query.
pub fn bench_serve(
    events: usize,
    db: &Path,
    seconds: u64,
    connections: u32,
) -> anyhow::Result<ExitCode> {
    if Command::new("wrk").arg("--version").output().is_err() {
        bail!("wrk is not installed: apt-get install wrk");
    }
    let held = Store::open(db)
        .and_then(|store| store.event_count())
        .unwrap_or(0);
    if held < events as u64 {
        if held > 0 {
            std::fs::remove_file(db).with_context(|| format!("cannot remove {}", db.display()))?;
        }
        generate(events, db)?;
    } else {
        println!("using {} with {held} events", db.display());
    }
    let started = Instant::now();
    let server = Server::start(db)?;
    println!(
        "dyad serve answered after {:.1} s (it reads the events into memory first)",
        started.elapsed().as_secs_f64()
    );
    for (name, path) in QUERIES {
        let url = format!("http://{}{path}", server.address);
        let (status, body) = fetch(&url)?;
        let figures = wrk(&url, seconds, connections)?;
        println!(
            "{name:34} p50 {:7.2} ms  p99 {:7.2} ms  {:7.0} req/s  ({} bytes, status {status}{})  {path}",
            figures.p50_ms,
            figures.p99_ms,
            figures.requests_per_second,
            body,
            if figures.errors > 0 {
                format!(", {} errors", figures.errors)
            } else {
                String::new()
            },
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The queries measured: the page's first views and the filters analysts use most.
const QUERIES: &[(&str, &str)] = &[
    ("events, newest first", "/api/events?limit=50"),
    ("events of a country", "/api/events?country=USA&limit=50"),
    (
        "events of a rare country",
        "/api/events?country=ISL&limit=50",
    ),
    (
        "events of a dyad and QuadClass",
        "/api/events?dyad=RUS-UKR&quad_class=4&limit=50",
    ),
    (
        "events of a CAMEO root in a month",
        "/api/events?cameo=04&from=2025-03-01&to=2025-03-31&limit=50",
    ),
    (
        "events, page 20 of a country",
        "/api/events?country=CHN&limit=50&offset=1000",
    ),
    (
        "events of an actor code",
        "/api/events?actor=USAGOV&limit=50",
    ),
    (
        "events of articles with a word",
        "/api/events?text=Tokyo&limit=50",
    ),
    ("time series of a dyad", "/api/timeseries?dyad=USA-CHN"),
    ("time series of a country", "/api/timeseries?country=RUS"),
    (
        "time series of a month",
        "/api/timeseries?from=2025-03-01&to=2025-03-31",
    ),
    ("map of a country's events", "/api/map?country=UKR"),
    ("dyads of a country", "/api/dyads?country=IRN&limit=50"),
    ("actors of a dyad", "/api/actors?dyad=USA-CHN&limit=50"),
    ("one article", "/api/articles/bench-000000000042"),
];

/// What wrk measured for one URL.
struct Figures {
    p50_ms: f64,
    p99_ms: f64,
    requests_per_second: f64,
    errors: u64,
}

/// Runs wrk on `url` and reads its latency distribution.
fn wrk(url: &str, seconds: u64, connections: u32) -> anyhow::Result<Figures> {
    let output = Command::new("wrk")
        .args(["--latency", "-t", "2", "-c", &connections.to_string()])
        .args(["-d", &format!("{seconds}s"), url])
        .output()
        .context("cannot run wrk")?;
    let text = String::from_utf8_lossy(&output.stdout);
    let value = |label: &str| -> Option<&str> {
        text.lines()
            .find(|line| line.trim_start().starts_with(label))
            .and_then(|line| {
                line.split_whitespace()
                    .nth(label.split_whitespace().count())
            })
    };
    let latency = |label: &str| value(label).and_then(milliseconds);
    let (Some(p50_ms), Some(p99_ms)) = (latency("50%"), latency("99%")) else {
        bail!("cannot read wrk's output for {url}:\n{text}");
    };
    let errors = value("Non-2xx or 3xx responses:")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Ok(Figures {
        p50_ms,
        p99_ms,
        requests_per_second: value("Requests/sec:")
            .and_then(|n| n.parse().ok())
            .unwrap_or(0.0),
        errors,
    })
}

/// Reads wrk's "1.23ms", "456.00us" or "1.02s" as milliseconds.
fn milliseconds(text: &str) -> Option<f64> {
    let (number, factor) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('m') {
        (n, 60_000.0)
    } else {
        (text.strip_suffix('s')?, 1000.0)
    };
    number.parse::<f64>().ok().map(|n| n * factor)
}

/// One request with curl-free plain HTTP, to check a query answers before loading it.
fn fetch(url: &str) -> anyhow::Result<(u16, usize)> {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").context("not an http URL")?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = std::net::TcpStream::connect(host)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let head_end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(response.len());
    let status = String::from_utf8_lossy(&response[..head_end])
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, response.len().saturating_sub(head_end + 4)))
}

/// `dyad serve` on the database, killed when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(db: &Path) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let address = format!("127.0.0.1:{port}");
        let child = Command::new(std::env::current_exe()?)
            .args(["serve", "--db"])
            .arg(db)
            .args(["--bind", &address])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("cannot start dyad serve")?;
        let server = Server { child, address };
        let started = Instant::now();
        while fetch(&format!("http://{}/api/config", server.address)).is_err() {
            if started.elapsed() > Duration::from_secs(60) {
                bail!("dyad serve did not answer within a minute");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A small deterministic random source (SplitMix64), so every run generates the same data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The countries and codes events are drawn from.
struct World<'a> {
    countries: Vec<&'a Country>,
    codes: Vec<&'a CameoCode>,
}

impl World<'_> {
    /// A country, the prominent ones half the time.
    fn country(&self, random: &mut Random) -> &Country {
        let prominent = PROMINENT.len().min(self.countries.len());
        if random.below(2) == 0 {
            // Within the prominent ones, the first are the most frequent.
            let a = random.below(prominent);
            self.countries[random.below(a + 1)]
        } else {
            self.countries[random.below(self.countries.len())]
        }
    }
}

/// Writes `events` generated events, five to an article, into a new database at `db`.
fn generate(events: usize, db: &Path) -> anyhow::Result<()> {
    let kb = Kb::load(&[Kb::shipped_dir()]).context("cannot read the knowledge base")?;
    let mut countries: Vec<&Country> = PROMINENT.iter().filter_map(|c| kb.country(c)).collect();
    countries.extend(kb.countries().iter().filter(|c| {
        c.un_member && c.capital_at.is_some() && !PROMINENT.contains(&c.code.as_str())
    }));
    let world = World {
        countries,
        codes: kb
            .cameo_codes()
            .iter()
            .filter(|c| c.cameo.len() == 3)
            .collect(),
    };
    let mut store = Store::open(db)?;
    let versions = Versions {
        coder: "bench".to_string(),
        models: "bench".to_string(),
    };
    let mut random = Random(42);
    let articles = events.div_ceil(EVENTS_PER_ARTICLE);
    let started = Instant::now();
    let progress = indicatif::ProgressBar::new(articles as u64);
    for index in 0..articles {
        let (article, doc, events) = generated_article(index, &world, &mut random);
        let tone = dyad_tone::ArticleTone {
            sentences: vec![0.0; doc.sentences.len()],
            average: (random.below(200) as f64 - 100.0) / 10.0,
        };
        store.save_article(&CodedArticle {
            location: &article.id,
            article: &article,
            doc: &doc,
            events: &events,
            versions: &versions,
            tone: &tone,
            quotes: &[],
        })?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    println!(
        "generated {} events in {articles} articles into {} in {:.0} s",
        articles * EVENTS_PER_ARTICLE,
        db.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// One article of five sentences, each "Source verb Target in Capital." with its event.
fn generated_article(
    index: usize,
    world: &World,
    random: &mut Random,
) -> (Article, Doc, Vec<Event>) {
    let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()
        + chrono::Days::new(random.next() % DAYS);
    let id = format!("bench-{index:012}");
    let mut body = String::new();
    let mut sentences = Vec::new();
    let mut events = Vec::new();
    for sentence_index in 0..EVENTS_PER_ARTICLE {
        let source = world.country(random);
        let target = world.country(random);
        let code = world.codes[random.below(world.codes.len())];
        let place = if random.below(2) == 0 { source } else { target };
        let sector = SECTORS[random.below(SECTORS.len())];
        let start = body.len();
        let actor = |country: &Country, sector: &str, at: usize| Actor {
            text: country.name.clone(),
            start: at,
            end: at + country.name.len(),
            entity: None,
            name: None,
            code: format!("{}{sector}", country.code),
            country: Some(country.code.clone()),
            sector: (!sector.is_empty()).then(|| sector.to_string()),
            person: false,
        };
        let source_actor = actor(source, sector, body.len());
        body.push_str(&source.name);
        body.push(' ');
        let action_start = body.len();
        let verb = code.name.to_lowercase();
        body.push_str(&verb);
        body.push(' ');
        let target_actor = actor(target, "", body.len());
        body.push_str(&target.name);
        body.push_str(" in ");
        let capital = place
            .capitals
            .first()
            .cloned()
            .unwrap_or_else(|| place.name.clone());
        let place_start = body.len();
        body.push_str(&capital);
        body.push_str(". ");
        let [latitude, longitude] = place.capital_at.unwrap_or_default();
        let end = body.len() - 1;
        sentences.push(Sentence {
            span: Span::new(start, end),
            tokens: 0..0,
        });
        events.push(Event {
            event_id: format!("{id}-{sentence_index}"),
            article_id: id.clone(),
            sentence_index,
            sentence: body[start..end].to_string(),
            cameo: code.cameo.clone(),
            cameo_root: code.root().to_string(),
            quad_class: code.quad_class,
            goldstein: code.goldstein,
            plover: Plover::of(code),
            source: vec![source_actor],
            target: vec![target_actor],
            action: Action {
                text: verb.clone(),
                start: action_start,
                end: action_start + verb.len(),
                lemma: verb.split(' ').next().unwrap_or_default().to_string(),
            },
            date: Some(EventDate {
                value: day.to_string(),
                precision: "day".to_string(),
                text: String::new(),
                start,
                end: start,
            }),
            location: Some(Location {
                text: capital.clone(),
                start: place_start,
                end: place_start + capital.len(),
                name: capital.clone(),
                country: place.code.clone(),
                admin1: None,
                kind: "capital".to_string(),
                latitude,
                longitude,
            }),
            modality: "asserted".to_string(),
            attribution: None,
            pattern: "bench".to_string(),
            confidence: 0.9,
            coder_version: "bench".to_string(),
        });
    }
    let article = Article {
        id: id.clone(),
        url: Some(format!("https://bench.dyad.example/{id}")),
        title: Some(format!("Generated article {index}")),
        source: Some("dyad bench".to_string()),
        author: None,
        published: day.to_string().parse().ok(),
        language: Some("en".to_string()),
        content: Default::default(),
        body: body.clone(),
    };
    let doc = Doc {
        text: body,
        sentences,
        tokens: Vec::new(),
    };
    (article, doc, events)
}
