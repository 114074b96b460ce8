//! End-to-end tests of `dyad serve`: a database from the example articles, a server on a free
//! port of 127.0.0.1 started and stopped by each test, and every endpoint asked over HTTP,
//! with good and bad parameters.

mod common;

use std::collections::HashSet;

use common::Server;
use serde_json::Value;

fn countries(actors: &Value) -> Vec<&str> {
    actors
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["country"].as_str())
        .collect()
}

#[test]
fn event_pages_cover_every_event_once_and_filters_hold() {
    let server = Server::start(&[]);
    let config = server.json("/api/config");
    let total = common::examples_events();
    assert!(
        total > 40,
        "the examples hold some fifty events, not {total}"
    );
    assert_eq!(config["events"], total);
    assert_eq!(config["allow_code"], false);

    let mut seen = HashSet::new();
    let mut offset = Some(0);
    while let Some(at) = offset {
        let page = server.json(&format!("/api/events?limit=7&offset={at}"));
        for event in page["events"].as_array().unwrap() {
            assert!(seen.insert(event["event_id"].as_str().unwrap().to_string()));
        }
        offset = page["next_offset"].as_u64();
    }
    assert_eq!(
        seen.len() as u64,
        total,
        "the pages together hold every event once"
    );
    // A blank field of a form is no filter.
    let blank = server.json("/api/events?country=&dyad=&text=+&from=&limit=500");
    assert_eq!(blank["events"].as_array().unwrap().len() as u64, total);

    let russia = server.json("/api/events?country=rus&limit=500");
    let events = russia["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for event in events {
        let mut sides = countries(&event["source"]);
        sides.extend(countries(&event["target"]));
        assert!(sides.contains(&"RUS"), "an event without Russia: {event}");
    }
    let dyad = server.json("/api/events?dyad=RUS-UKR&quad_class=4");
    for event in dyad["events"].as_array().unwrap() {
        assert!(countries(&event["source"]).contains(&"RUS"));
        assert!(countries(&event["target"]).contains(&"UKR"));
        assert_eq!(event["quad_class"], 4);
    }
    let days: Vec<&str> = events.iter().map(|e| e["day"].as_str().unwrap()).collect();
    assert!(
        days.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {days:?}"
    );
    // A listed event is the stored record with the day it is counted on.
    let mut first = events[0].clone();
    first.as_object_mut().unwrap().remove("day");
    let id = first["event_id"].as_str().unwrap();
    assert_eq!(server.json(&format!("/api/events/{id}")), first);
}

#[test]
fn an_article_comes_with_its_text_and_every_span_points_into_it() {
    let server = Server::start(&[]);
    let list = server.json("/api/articles?text=ceasefire");
    let articles = list["articles"].as_array().unwrap();
    assert!(
        !articles.is_empty(),
        "some example article speaks of a ceasefire"
    );
    for summary in articles {
        let id = summary["id"].as_str().unwrap();
        let article = server.json(&format!("/api/articles/{id}"));
        let body = article["body"].as_str().unwrap().as_bytes();
        let events = article["events"].as_array().unwrap();
        assert_eq!(events.len() as u64, summary["events"].as_u64().unwrap());
        let span = |field: &Value| {
            let (start, end) = (
                field["start"].as_u64().unwrap(),
                field["end"].as_u64().unwrap(),
            );
            String::from_utf8(body[start as usize..end as usize].to_vec()).unwrap()
        };
        for event in events {
            assert_eq!(span(&event["action"]), event["action"]["text"]);
            for actor in event["source"]
                .as_array()
                .unwrap()
                .iter()
                .chain(event["target"].as_array().unwrap())
            {
                assert_eq!(span(actor), actor["text"]);
            }
        }
        for quote in article["quotes"].as_array().unwrap() {
            assert_eq!(span(quote), quote["text"]);
        }
    }
}

#[test]
fn aggregates_agree_with_the_event_list() {
    let server = Server::start(&[]);
    let dyads = server.json("/api/dyads");
    let list = dyads["dyads"].as_array().unwrap();
    // Most events first.
    let counts: Vec<u64> = list.iter().map(|d| d["events"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let russia_ukraine = list
        .iter()
        .find(|d| d["source"] == "RUS" && d["target"] == "UKR")
        .unwrap();
    assert_eq!(
        russia_ukraine["events"], 5,
        "dyad run's summary counts RUS -> UKR 5"
    );
    // The protests in Tbilisi: police against protesters and protesters blocking a street.
    let georgia = list
        .iter()
        .find(|d| d["source"] == "GEO" && d["target"] == "GEO")
        .unwrap();
    assert_eq!(
        georgia["events"], 6,
        "dyad run's summary counts GEO -> GEO 6"
    );
    assert_eq!(counts[0], 6, "no dyad has more events than GEO -> GEO");
    assert_eq!(
        russia_ukraine["cooperation"].as_u64().unwrap()
            + russia_ukraine["conflict"].as_u64().unwrap(),
        5
    );

    let days = server.json("/api/timeseries?dyad=RUS-UKR");
    let days = days["days"].as_array().unwrap();
    let total: u64 = days.iter().map(|d| d["events"].as_u64().unwrap()).sum();
    assert_eq!(total, 5);
    for day in days {
        let by_class: u64 = day["quad_classes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(by_class, day["events"].as_u64().unwrap());
    }

    let actors = server.json("/api/actors?country=RUS&limit=5");
    let actors = actors["actors"].as_array().unwrap();
    assert!(actors.len() <= 5 && !actors.is_empty());
    assert!(
        actors
            .iter()
            .any(|a| a["code"].as_str().unwrap().starts_with("RUS"))
    );

    let map = server.json("/api/map");
    let places = map["places"].as_array().unwrap();
    assert!(places.iter().any(|p| p["name"] == "Geneva"));
    for place in places {
        assert!(place["latitude"].as_f64().unwrap().abs() <= 90.0);
        assert!(place["longitude"].as_f64().unwrap().abs() <= 180.0);
    }
    let placed: u64 = map["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["events"].as_u64().unwrap())
        .sum();
    assert!(placed > 0 && placed <= common::examples_events());
}

#[test]
fn bad_parameters_get_a_clear_4xx_never_a_500() {
    let server = Server::start(&[]);
    let long = format!("/api/events?text={}", "a".repeat(5000));
    for (path, status, words) in [
        ("/api/events?quad_class=9", 400, "QuadClass"),
        ("/api/events?quad_class=x", 400, "quad_class"),
        ("/api/events?contry=USA", 400, "contry"),
        ("/api/events?from=2025-13-01", 400, "YYYY-MM-DD"),
        ("/api/events?dyad=USA", 400, "SRC-TGT"),
        ("/api/events?country=U", 400, "alpha-3"),
        ("/api/events?cameo=abc", 400, "digits"),
        ("/api/events?limit=0", 400, "limit"),
        ("/api/events?limit=100000", 400, "limit"),
        ("/api/events?offset=-1", 400, "offset"),
        ("/api/events?text=%22unbalanced", 400, "full-text"),
        ("/api/articles?text=AND", 400, "full-text"),
        ("/api/timeseries?to=yesterday", 400, "YYYY-MM-DD"),
        ("/api/map?limit=0", 400, "limit"),
        ("/api/dyads?plover=x&bogus=1", 400, "bogus"),
        ("/api/actors?limit=99999999", 400, "limit"),
        ("/api/events/no-such-event", 404, "no event"),
        ("/api/articles/no-such-article", 404, "no article"),
        ("/api/nothing", 404, "no endpoint"),
        (long.as_str(), 414, "query string"),
    ] {
        let (got, body) = server.get(path);
        let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        assert_eq!(got, status, "GET {path}: {json}");
        assert_eq!(json["error"]["status"], status, "GET {path}: {json}");
        let message = json["error"]["message"].as_str().unwrap_or("");
        assert!(
            message.contains(words),
            "GET {path}: {message:?} should say {words:?}"
        );
    }
    let (status, json) = server.post_json("/api/code", r#"{"text": "Talks."}"#);
    assert_eq!(status, 403, "coding is off by default: {json}");
}

#[test]
fn the_page_and_the_api_description_are_served_and_nothing_else() {
    let server = Server::start(&[]);
    let (status, page) = server.get("/");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("<html"));
    for file in [
        "/app.js",
        "/style.css",
        "/countries-110m.json",
        "/topojson-client.min.js",
    ] {
        assert_eq!(server.get(file).0, 200, "{file}");
    }
    for path in [
        "/../Cargo.toml",
        "/%2e%2e%2fCargo.toml",
        "/..%2fCargo.toml",
        "/Cargo.toml",
        "/web/app.js",
    ] {
        assert_eq!(server.get(path).0, 404, "{path} must not be served");
    }
    let openapi = server.json("/openapi.json");
    for path in [
        "/api/config",
        "/api/events",
        "/api/events/{id}",
        "/api/articles",
        "/api/articles/{id}",
        "/api/actors",
        "/api/dyads",
        "/api/timeseries",
        "/api/map",
        "/api/code",
    ] {
        assert!(
            openapi["paths"][path].is_object(),
            "/openapi.json lacks {path}"
        );
    }
}

#[test]
fn pasted_text_is_coded_when_allowed() {
    let server = Server::start(&["--allow-code"]);
    let text = "Donald Trump met Xi Jinping in Busan on Thursday.";
    let (status, json) = server.post_json(
        "/api/code",
        &serde_json::json!({"text": text, "date": "2025-10-31"}).to_string(),
    );
    assert_eq!(status, 200, "{json}");
    let event = &json["events"][0];
    assert_eq!(event["cameo_root"], "04");
    assert_eq!(event["source"][0]["code"], "USAGOV");
    assert_eq!(event["date"]["value"], "2025-10-30");
    let action = &event["action"];
    let (start, end) = (
        action["start"].as_u64().unwrap() as usize,
        action["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[start..end], action["text"]);

    let (status, json) = server.post_json("/api/code", r#"{"text": "x", "date": "soon"}"#);
    assert_eq!(
        (status, json["error"]["status"].as_u64()),
        (400, Some(400)),
        "{json}"
    );
    let (status, json) = server.post_json("/api/code", "{not json");
    assert_eq!(
        (status, json["error"]["status"].as_u64()),
        (400, Some(400)),
        "{json}"
    );
    let (status, body) = server.request("POST", "/api/code", "", b"text");
    assert_eq!(status, 415, "{}", String::from_utf8_lossy(&body));
    let huge = serde_json::json!({"text": "a ".repeat(600_000)}).to_string();
    let (status, json) = server.post_json("/api/code", &huge);
    assert_eq!(status, 413, "{json}");
}

/// The server filters events in memory; `dyad query` filters them in SQL. Both must select
/// the same events for every filter.
#[test]
fn the_api_and_dyad_query_select_the_same_events() {
    let server = Server::start(&[]);
    let db = common::examples_db().to_str().unwrap().to_string();
    for filter in [
        "country=RUS",
        "dyad=RUS-UKR",
        "cameo=19",
        "plover=CONSULT",
        "quad_class=3",
        "from=2025-11-20&to=2025-11-20",
        "place=Geneva",
        "place=POL",
        "text=ceasefire",
        "actor=RUSGOV",
        "country=SRB&quad_class=1",
    ] {
        let page = server.json(&format!("/api/events?{filter}&limit=500"));
        let mut from_api: Vec<String> = page["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event_id"].as_str().unwrap().to_string())
            .collect();
        let mut args = vec![
            "query".to_string(),
            "--db".into(),
            db.clone(),
            "--json".into(),
        ];
        for pair in filter.split('&') {
            let (name, value) = pair.split_once('=').unwrap();
            args.push(format!("--{}", name.replace('_', "-")));
            args.push(value.to_string());
        }
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(&args)
            .output()
            .unwrap();
        assert!(output.status.success(), "dyad {args:?}");
        let mut from_query: Vec<String> = String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| {
                let event: Value = serde_json::from_str(line).unwrap();
                event["event_id"].as_str().unwrap().to_string()
            })
            .collect();
        assert!(
            !from_query.is_empty(),
            "no event for {filter}: choose another"
        );
        from_api.sort();
        from_query.sort();
        assert_eq!(from_api, from_query, "{filter}");
    }
}

/// A run that adds articles while the server is up shows in the lists and charts within
/// seconds, without a restart.
#[test]
fn events_stored_while_serving_appear_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copy.db");
    std::fs::copy(common::examples_db(), &db).unwrap();
    let server = Server::start_on(&db, &[]);
    let events = |server: &Server| {
        server.json("/api/events?limit=500")["events"]
            .as_array()
            .unwrap()
            .len()
    };
    let before = common::examples_events() as usize;
    assert_eq!(events(&server), before);
    let article = dir.path().join("new.txt");
    std::fs::write(
        &article,
        "Japan and Australia signed a defence pact in Tokyo on Monday.\n",
    )
    .unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["run", "--db", db.to_str().unwrap(), "--date", "2025-11-24"])
        .arg(&article)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let started = std::time::Instant::now();
    while events(&server) == before {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the new event never appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    assert!(events(&server) > before);
}
