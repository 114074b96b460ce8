//! HTML extraction, metadata and charset decoding on fixture pages written for these tests
//! (invented wire-style stories, not copies of real pages).

use std::time::Instant;

use dyad_core::Published;
use dyad_ingest::charset::{decode_html, decode_text};
use dyad_ingest::dates::parse_date;
use dyad_ingest::html::{Page, extract_page, fragment_text};
use proptest::prelude::*;

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture_page(name: &str) -> Page {
    extract_page(&decode_html(&fixture_bytes(name), None).text)
}

fn published(text: &str) -> Option<Published> {
    Some(text.parse().unwrap())
}

fn assert_in_order(body: &str, expected: &[&str]) {
    let mut from = 0;
    for part in expected {
        match body[from..].find(part) {
            Some(at) => from += at + part.len(),
            None => panic!("{part:?} missing or out of order in body:\n{body}"),
        }
    }
}

fn assert_absent(body: &str, boilerplate: &[&str]) {
    for text in boilerplate {
        assert!(!body.contains(text), "{text:?} leaked into body:\n{body}");
    }
}

#[test]
fn news_page_metadata() {
    let page = fixture_page("news_article.html");
    assert_eq!(
        page.title.as_deref(),
        Some("Japan and South Korea agree to resume fisheries talks after three-year pause")
    );
    assert_eq!(page.published, published("2025-10-27T09:30:00+09:00"));
    assert_eq!(page.author.as_deref(), Some("Aiko Tanaka, Min-jun Park"));
    assert_eq!(page.site_name.as_deref(), Some("Northgate Wire"));
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://www.northgatewire.example/world/asia/japan-south-korea-fisheries-talks/")
    );
    assert_eq!(page.language.as_deref(), Some("en-GB"));
}

#[test]
fn news_page_body_is_exactly_the_article() {
    let page = fixture_page("news_article.html");
    let expected = [
        "TOKYO (Northgate Wire) \u{2014} Japan and South Korea agreed on Monday to resume talks on fishing quotas in \
         the waters between them, ending a pause of nearly three years, the two countries\u{2019} foreign ministries \
         said in a joint statement.",
        "Negotiators will meet in Busan in December, the statement said. Officials from both fisheries agencies are \
         expected to attend, along with coast guard representatives.",
        "Quotas and patrols",
        "The talks stalled in 2022 over how many vessels each side could license in the shared zone & how patrols \
         there should be coordinated.",
        "\u{201c}We welcome the chance to return to the table,\u{201d} a Japanese fisheries official told reporters.",
        "South Korea\u{2019}s oceans ministry said it hoped an agreement could be reached \u{201c}within the first half \
         of next year\u{201d}. Two points are on the agenda:",
        "Licences for about 1,400 vessels are at stake.",
        "The previous agreement expired in June 2022.",
        "Reporting by Aiko Tanaka in Tokyo and Min-jun Park in Seoul\nEditing by Ruth Okafor",
    ];
    assert_eq!(page.body, expected.join("\n\n"));
}

#[test]
fn news_page_boilerplate_is_left_out() {
    let page = fixture_page("news_article.html");
    assert_absent(
        &page.body,
        &[
            "Skip to content",
            "cookies",
            "Accept all",
            "Sign in",
            "World",
            "Advertisement",
            "Share on",
            "Email this story",
            "Fishing boats moored",
            "Photo:",
            "Read more",
            "Asia Briefing",
            "Subscribe",
            "Sign up",
            "Trust Principles",
            "Fisheries\n",
            "Related stories",
            "Coast guards hold",
            "Comments",
            "Great news for the fishermen",
            "harbourwatcher",
            "Most read",
            "Central bank",
            "Premium",
            "All rights reserved",
            "About us",
            "dataLayer",
            "Japan and South Korea agree to resume fisheries talks\n",
            "By Aiko",
        ],
    );
}

#[test]
fn meta_only_page() {
    let page = fixture_page("og_only.html");
    assert_eq!(
        page.title.as_deref(),
        Some("Drought forces water rationing in three provinces")
    );
    assert_eq!(page.published, published("2025-09-14T06:15:00-03:00"));
    assert_eq!(page.author.as_deref(), Some("Lucia Ferreira"));
    assert_eq!(page.site_name.as_deref(), Some("Meridian Post"));
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://meridianpost.example/2025/09/14/drought-rationing")
    );
    assert_eq!(page.language.as_deref(), Some("pt-BR"));
    assert_in_order(
        &page.body,
        &[
            "Water utilities in three northern provinces began rationing household supply on Sunday",
            "\n\nHomes in the affected districts will receive piped water on alternate days",
            "\n\nThe federal government said it would send tanker trucks",
            "\n\nFarmers' groups have warned",
        ],
    );
    assert!(page.body.ends_with("if the dry spell lasts another month."));
    assert_absent(
        &page.body,
        &[
            "National",
            "Economy",
            "Search",
            "Drought forces",
            "Tags",
            "Latest",
            "Port workers",
            "Opinion:",
            "comments",
            "Terms",
        ],
    );
}

#[test]
fn page_without_article_text_has_an_empty_body() {
    let page = fixture_page("no_article.html");
    assert_eq!(page.body, "");
    assert_eq!(page.title.as_deref(), Some("Page not found"));
    assert_eq!(page.site_name.as_deref(), Some("Northgate Wire"));
    assert_eq!(page.published, None);
}

#[test]
fn empty_and_bodiless_documents() {
    assert_eq!(extract_page(""), Page::default());
    let head_only = extract_page("<html><head><title>Only a title</title></head></html>");
    assert_eq!(head_only.body, "");
    assert_eq!(head_only.title.as_deref(), Some("Only a title"));
}

#[test]
fn broken_markup_is_recovered() {
    let page = fixture_page("broken_markup.html");
    let expected = [
        "Dock workers at Eastport voted to end a nine-day strike on Tuesday after accepting a pay offer worth 6 per \
         cent over two years, their union said.",
        "The deal covers about 2,300 workers at the port's three container terminals and was approved by 81 per \
         cent of those who voted.",
        "Union leaders said a clause on night shifts, where overtime pay rises by 3 < 5 percentage points, had \
         swung the vote.",
        "Port operators said ships waiting offshore would begin unloading overnight\nand that the backlog should \
         clear by the weekend.",
        "Reporting by Tomasz Nowak; editing by Sara Lind",
    ];
    assert_eq!(page.body, expected.join("\n\n"));
    assert_eq!(
        page.title.as_deref(),
        Some("Harbour strike ends after pay deal"),
        "site suffix stripped from <title>"
    );
    assert_eq!(page.published, published("2025-10-14T17:45:00+00:00"));
    assert_eq!(page.author.as_deref(), Some("Tomasz Nowak"));
    assert_eq!(page.site_name.as_deref(), Some("Eastport Daily"));
}

#[test]
fn json_ld_body_stands_in_for_script_rendered_pages() {
    let page = fixture_page("script_rendered.html");
    assert_eq!(
        page.body,
        "NAIROBI \u{2014} The election commission on Sunday set December 7 as the date for a presidential runoff \
         between the two leading candidates.\n\nThe commission's chairwoman said ballots would be printed within two \
         weeks and that observers from regional bodies had been invited to monitor the vote."
    );
    assert_eq!(
        page.title.as_deref(),
        Some("Election commission confirms runoff date")
    );
    assert_eq!(page.published, published("2025-11-02"));
    assert_eq!(page.author.as_deref(), Some("Grace Mwangi"));
    assert_eq!(page.site_name.as_deref(), Some("Lakeside Herald"));
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://lakesideherald.example/politics/runoff-date")
    );
}

#[test]
fn windows_1252_page_with_meta_charset() {
    let bytes = fixture_bytes("cp1252.html");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must not be UTF-8"
    );
    let decoded = decode_html(&bytes, None);
    assert_eq!(decoded.encoding, "windows-1252");
    assert!(!decoded.had_errors);
    let page = extract_page(&decoded.text);
    assert_eq!(
        page.title.as_deref(),
        Some("Z\u{fc}rich hosts talks on Alpine rail freight")
    );
    assert_eq!(page.published, published("2025-10-21"));
    assert_eq!(page.site_name.as_deref(), Some("Alpenpost"));
    assert_eq!(page.language.as_deref(), Some("de-CH"));
    assert_in_order(
        &page.body,
        &[
            "ZURICH \u{2013} Transport ministers",
            "met in Z\u{fc}rich on Tuesday",
            "\u{201c}We need a common timetable for the tunnels,\u{201d}",
            "a toll of \u{20ac}45 per lorry crossing",
            "caf\u{e9} owners\u{2019} and hauliers\u{2019} associations meet in Graub\u{fc}nden",
        ],
    );
}

#[test]
fn shift_jis_page_without_declaration_is_detected() {
    let html = "<html><head><title>\u{65e5}\u{97d3}\u{3001}\u{6f01}\u{696d}\u{4ea4}\u{6e09}\u{3092}\u{518d}\u{958b}</title></head><body><article>\
        <p>\u{65e5}\u{672c}\u{3068}\u{97d3}\u{56fd}\u{306f}\u{0032}\u{0037}\u{65e5}\u{3001}\u{4e21}\u{56fd}\u{9593}\u{306e}\u{6d77}\u{57df}\u{306b}\u{304a}\u{3051}\u{308b}\u{6f01}\u{696d}\u{5272}\u{308a}\u{5f53}\u{3066}\u{306b}\u{95a2}\u{3059}\u{308b}\u{4ea4}\u{6e09}\u{3092}\u{3001}\u{7d04}\u{0033}\u{5e74}\u{3076}\u{308a}\u{306b}\u{518d}\u{958b}\u{3059}\u{308b}\u{3053}\u{3068}\u{3067}\u{5408}\u{610f}\u{3057}\u{305f}\u{3002}\u{4e21}\u{56fd}\u{306e}\u{5916}\u{52d9}\u{7701}\u{304c}\u{5171}\u{540c}\u{58f0}\u{660e}\u{3067}\u{767a}\u{8868}\u{3057}\u{305f}\u{3002}</p>\
        <p>\u{4ea4}\u{6e09}\u{306f}\u{0031}\u{0032}\u{6708}\u{306b}\u{91dc}\u{5c71}\u{3067}\u{884c}\u{308f}\u{308c}\u{308b}\u{4e88}\u{5b9a}\u{3067}\u{3001}\u{4e21}\u{56fd}\u{306e}\u{6c34}\u{7523}\u{5e81}\u{3068}\u{6d77}\u{4e0a}\u{4fdd}\u{5b89}\u{5e81}\u{306e}\u{62c5}\u{5f53}\u{8005}\u{304c}\u{51fa}\u{5e2d}\u{3059}\u{308b}\u{898b}\u{901a}\u{3057}\u{3060}\u{3002}\u{6f01}\u{696d}\u{8005}\u{306e}\u{9593}\u{3067}\u{306f}\u{671f}\u{5f85}\u{306e}\u{58f0}\u{304c}\u{4e0a}\u{304c}\u{3063}\u{3066}\u{3044}\u{308b}\u{3002}</p>\
        </article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(html);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err());
    let decoded = decode_html(&bytes, None);
    assert_eq!(decoded.encoding, "Shift_JIS");
    assert!(!decoded.had_errors);
    assert_eq!(decoded.text, html);
    let page = extract_page(&decoded.text);
    assert!(
        page.body
            .starts_with("\u{65e5}\u{672c}\u{3068}\u{97d3}\u{56fd}\u{306f}27\u{65e5}")
    );
    assert_eq!(page.body.split("\n\n").count(), 2);
    // Plain text goes the same way through decode_text.
    assert_eq!(decode_text(&bytes).encoding, "Shift_JIS");
}

#[test]
fn http_charset_overrides_meta() {
    let bytes = b"<meta charset=\"windows-1252\"><p>\xC4\xCF</p>";
    assert_eq!(
        decode_html(bytes, Some("iso-8859-7")).text,
        "<meta charset=\"windows-1252\"><p>\u{394}\u{39f}</p>"
    );
    assert_eq!(
        decode_html(bytes, None).text,
        "<meta charset=\"windows-1252\"><p>\u{c4}\u{cf}</p>"
    );
}

#[test]
fn article_body_microdata_wins_and_is_not_dropped_for_its_class_names() {
    let html = r#"<html><body><div class="wrapper"><h1>Ceasefire extended</h1>
        <time itemprop="datePublished" datetime="2025-10-20T08:00:00+03:00">20 Oct</time>
        <div class="share-tools article-body" itemprop="articleBody">
          <p>The ceasefire was extended by thirty days on Monday, mediators said after talks that ran overnight.</p>
          <div class="social-share"><a href="/s">Share</a></div>
          <p>Aid convoys are expected to cross at two points from Wednesday.</p>
        </div>
        <div class="content"><p>This long paragraph sits outside the marked article body and should not be taken as part of it by the extractor.</p></div>
        </div></body></html>"#;
    let page = extract_page(html);
    assert_eq!(
        page.body,
        "The ceasefire was extended by thirty days on Monday, mediators said after talks that ran overnight.\n\n\
         Aid convoys are expected to cross at two points from Wednesday."
    );
    assert_eq!(page.published, published("2025-10-20T08:00:00+03:00"));
    assert_eq!(page.title.as_deref(), Some("Ceasefire extended"));
}

#[test]
fn wrappers_named_like_furniture_keep_the_article() {
    let paragraphs = (1..=4)
        .map(|i| format!("<p>Paragraph {i} of the report says the ministry will publish revised figures next week.</p>"))
        .collect::<String>();
    for wrapper in [
        format!("<form id=aspnetForm><div id=content>{paragraphs}</div></form>"),
        format!(
            "<div class=\"layout has-sidebar\"><div>{paragraphs}</div><div class=sidebar><p>Sidebar blurb that is long enough to count as a paragraph.</p></div></div>"
        ),
        format!(
            "<div class=\"post hentry tag-social-media category-advertising\">{paragraphs}</div>"
        ),
        format!(
            "<div id=page aria-hidden=true>{paragraphs}</div><div role=dialog><p>Cookie consent.</p></div>"
        ),
    ] {
        let page = extract_page(&format!("<html><body>{wrapper}</body></html>"));
        assert_in_order(&page.body, &["Paragraph 1 of", "Paragraph 4 of"]);
        assert!(!page.body.contains("Sidebar"));
        assert!(!page.body.contains("Cookie"));
    }
}

#[test]
fn old_style_page_with_text_in_divs_and_line_breaks() {
    let html = "<body><table><tr><td><font face=arial>LAGOS, Oct 3 - Fuel queues returned to the city on Friday as \
        distributors said supplies from the main depot had been delayed.<br><br>Officials said tankers would resume \
        loading by Saturday morning.</font></td></tr></table></body>";
    let page = extract_page(html);
    assert_eq!(
        page.body,
        "LAGOS, Oct 3 - Fuel queues returned to the city on Friday as distributors said supplies from the main depot \
         had been delayed.\n\nOfficials said tankers would resume loading by Saturday morning."
    );
}

#[test]
fn teaser_articles_lose_to_the_real_text() {
    let story = (1..=6)
        .map(|i| format!("<p>Sentence block {i}: the council voted to expand the bus network to the northern suburbs.</p>"))
        .collect::<String>();
    let html = format!(
        "<body><div id=story>{story}</div><div class=more><article><p>A teaser for another story.</p></article></div></body>"
    );
    let page = extract_page(&html);
    assert_in_order(&page.body, &["Sentence block 1", "Sentence block 6"]);
    assert!(!page.body.contains("teaser"));
}

#[test]
fn hidden_elements_are_left_out() {
    let html = "<article><p>Visible paragraph about the vote in parliament, which passed the bill by a wide margin.</p>\
        <p hidden>Hidden text</p><p style=\"display: none\">Display none</p><span aria-hidden=\"true\">Icon</span>\
        <p>Second visible paragraph.</p></article>";
    let page = extract_page(html);
    assert_eq!(
        page.body,
        "Visible paragraph about the vote in parliament, which passed the bill by a wide margin.\n\nSecond visible \
         paragraph."
    );
}

#[test]
fn title_falls_back_to_stripped_document_title() {
    let html = "<html><head><title>Minister resigns over contract row | The Coastal Times</title>\
        <meta property=\"og:site_name\" content=\"Coastal Times\"></head><body><p>x</p></body></html>";
    assert_eq!(
        extract_page(html).title.as_deref(),
        Some("Minister resigns over contract row")
    );
    let unrelated = "<title>Trade talks - day two</title><p>x</p>";
    assert_eq!(
        extract_page(unrelated).title.as_deref(),
        Some("Trade talks - day two")
    );
}

#[test]
fn published_sources_in_order() {
    let meta = |name: &str, value: &str| format!("<meta name=\"{name}\" content=\"{value}\">");
    let page = extract_page(
        &(meta("parsely-pub-date", "2025-10-02T10:00:00Z") + &meta("date", "2025-10-01")),
    );
    assert_eq!(
        page.published,
        published("2025-10-01"),
        "name=date comes before parsely-pub-date"
    );
    let page = extract_page(&meta("sailthru.date", "Thu, 02 Oct 2025 10:00:00 -0400"));
    assert_eq!(page.published, published("2025-10-02T10:00:00-04:00"));
    let page = extract_page(&(meta("date", "not a date") + &meta("DC.date.issued", "2025-10-03")));
    assert_eq!(
        page.published,
        published("2025-10-03"),
        "unreadable values fall through"
    );
    let time_only =
        "<article><time datetime=\"2025-10-04 07:15\">Saturday</time><p>Text.</p></article>";
    assert_eq!(
        extract_page(time_only).published,
        published("2025-10-04T07:15:00")
    );
}

#[test]
fn author_sources() {
    let page = extract_page(
        "<meta property=\"article:author\" content=\"https://x.example/a\"><meta property=\"article:author\" content=\"By Ines Duarte\">",
    );
    assert_eq!(page.author.as_deref(), Some("Ines Duarte"));
}

#[test]
fn malformed_json_ld_is_ignored() {
    let html = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":</script>\
        <meta property=\"og:title\" content=\"From OpenGraph\">";
    assert_eq!(extract_page(html).title.as_deref(), Some("From OpenGraph"));
}

#[test]
fn fragments_keep_all_text() {
    assert_eq!(
        fragment_text("Prices rose &gt; 5% &amp; fell"),
        "Prices rose > 5% & fell"
    );
    assert_eq!(
        fragment_text("First line.\n\nSecond line."),
        "First line.\n\nSecond line."
    );
    assert_eq!(
        fragment_text(
            "<p>Lead <b>bold</b>.</p><script>evil()</script><style>p{}</style><p>Two<br>lines</p>"
        ),
        "Lead bold.\n\nTwo\nlines"
    );
    assert_eq!(
        fragment_text("<![CDATA[<p>In CDATA &amp;</p>]]>"),
        "<p>In CDATA &amp;</p>"
    );
    assert_eq!(
        fragment_text("<div class=share>Share this</div><nav>Menu</nav>"),
        "Share this\n\nMenu"
    );
    assert_eq!(fragment_text(""), "");
}

#[test]
fn pathological_nesting_and_unclosed_constructs() {
    let deep = format!(
        "{}<p>Deep text inside many divs, long enough to be an article paragraph by itself, really.</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    assert!(
        extract_page(&deep)
            .body
            .starts_with("Deep text inside many divs")
    );
    let deep_inline = "<b><i><span>".repeat(50_000) + "text";
    assert_eq!(fragment_text(&deep_inline), "text");
    let unclosed_paragraphs = "<p>para ".repeat(100_000);
    assert_eq!(
        fragment_text(&unclosed_paragraphs).split("\n\n").count(),
        100_000
    );
    for html in [
        "</div>".repeat(100_000),
        "<title>".repeat(50_000),
        "<a href=\"".to_string() + &"<p x='".repeat(50_000),
        "<!--".repeat(50_000),
        "<script>".to_string() + &"</scrip".repeat(50_000),
        "<table><tr><td>".repeat(30_000),
        "<li><dd><option><tr>".repeat(30_000),
        "<svg><foo/><math>".repeat(30_000),
        format!("<div{}>", " a=b".repeat(200_000)),
        "&#x".repeat(100_000),
        "<".repeat(100_000),
    ] {
        let page = extract_page(&html);
        let _ = fragment_text(&html);
        assert!(page.body.len() <= html.len());
    }
}

/// A news page of about `target_len` bytes: the fixture's furniture around many repeated
/// article sections with links, ads, scripts and lists.
fn synthetic_news_page(target_len: usize) -> String {
    let head = "<!DOCTYPE html><html lang=en><head><title>Synthetic | Test Wire</title>\
        <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Synthetic\",\"datePublished\":\"2025-10-27T09:30:00Z\"}</script>\
        </head><body><header><nav><ul><li><a href=/a>World</a></li><li><a href=/b>Business</a></li></ul></nav></header>\
        <main><article><div class=\"story-body\">";
    let section = "<p>Officials from the two governments met in the capital on Monday to discuss the <a href=\"/t\">trade \
        agreement</a>, according to a statement released after the talks ended late in the evening.</p>\n\
        <div class=\"ad-slot\" data-slot=\"x\"><script>window.ads.push({slot: 'x', sizes: [[300, 250]]});</script></div>\n\
        <p>The ministers said they would meet again in December &amp; expected progress on tariffs, quotas and \
        customs checks at the border crossings used by most of the freight traffic.</p>\n\
        <ul class=\"related\"><li><a href=\"/r1\">Related: markets rally</a></li><li><a href=\"/r2\">Analysis: what next</a></li></ul>\n";
    let tail = "</div></article></main><footer>Footer text</footer></body></html>";
    let mut html = String::with_capacity(target_len + section.len());
    html.push_str(head);
    while html.len() + tail.len() < target_len {
        html.push_str(section);
    }
    html.push_str(tail);
    html
}

/// 50 MB of realistic markup goes through without trouble; a quadratic step would not finish.
/// Timing is left to the throughput measurement below (speed is never asserted in tests).
#[test]
fn fifty_megabyte_page() {
    let html = synthetic_news_page(50 * 1024 * 1024);
    let page = extract_page(&html);
    assert!(
        page.body
            .starts_with("Officials from the two governments met in the capital on Monday")
    );
    assert_eq!(page.body.split("\n\n").count(), html.matches("<p>").count());
    assert!(!page.body.contains("Related:"));
    assert!(!page.body.contains("window.ads"));
    assert_eq!(page.title.as_deref(), Some("Synthetic"));
}

/// Throughput of `decode_html` + `extract_page` in MB/s over a 2 MB synthetic news page:
/// `cargo test --release -p dyad-ingest --test html -- --ignored --nocapture throughput`.
#[test]
#[ignore = "measurement, run in release"]
fn throughput() {
    let page = synthetic_news_page(2 * 1024 * 1024);
    let fixture = fixture_bytes("news_article.html");
    for (name, bytes, rounds) in [
        ("synthetic 2 MB page", page.as_bytes(), 50),
        ("news_article fixture", &fixture[..], 5_000),
    ] {
        let start = Instant::now();
        let mut body_bytes = 0;
        for _ in 0..rounds {
            let decoded = decode_html(bytes, None);
            body_bytes += extract_page(&decoded.text).body.len();
        }
        let seconds = start.elapsed().as_secs_f64();
        let megabytes = (bytes.len() * rounds) as f64 / 1e6;
        println!(
            "{name}: {:.1} MB/s ({megabytes:.0} MB in {seconds:.2} s, {body_bytes} body bytes)",
            megabytes / seconds
        );
    }
}

/// Markup fragments that exercise the tokenizer's and tree builder's recovery paths.
const SOUP_PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<li>",
    "<td>",
    "<tr>",
    "<table>",
    "</table>",
    "<article>",
    "</article>",
    "<b>",
    "</b>",
    "<br/>",
    "<a href=\"x\">",
    "</a>",
    "<div class=share>",
    "<nav>",
    "<script>",
    "</script>",
    "<title>",
    "<svg>",
    "<x-y/>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[{\"@id\":\"a\"}",
    "<meta property=og:title content=\"",
    "\"",
    "'",
    "=",
    "<",
    ">",
    "&amp;",
    "&#",
    "&#x1F600;",
    "\u{e9}\u{65e5}",
    " ",
];

fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(SOUP_PIECES).prop_map(String::from),
        "[a-zA-Z .,]{0,12}"
    ];
    prop::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn extraction_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = extract_page(&text);
        let _ = fragment_text(&text);
    }

    #[test]
    fn extraction_never_panics_on_tag_soup(html in tag_soup()) {
        let _ = extract_page(&html);
        let _ = fragment_text(&html);
    }

    #[test]
    fn date_parsing_never_panics(text in any::<String>(), numeric in "[0-9 :+TZ./-]{0,30}") {
        let _ = parse_date(&text);
        if let Some(published) = parse_date(&numeric) {
            // Whatever is accepted serializes in the canonical form and reads back the same.
            prop_assert_eq!(published.to_string().parse::<Published>().ok(), Some(published));
        }
    }

    #[test]
    fn decoding_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512), label in "[a-z0-9-]{0,12}") {
        let decoded = decode_html(&bytes, Some(&label));
        let _ = extract_page(&decoded.text);
        let _ = decode_text(&bytes);
    }
}
