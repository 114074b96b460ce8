//! The web page: a fixed set of files embedded in the binary. A request names one of them or
//! gets a 404, so no path can reach outside the set.

use std::path::PathBuf;

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// Name, media type and contents of every file the page is made of.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "index.html",
        "text/html; charset=utf-8",
        include_bytes!("../web/index.html"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../web/style.css"),
    ),
    (
        "topojson-client.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/topojson-client.min.js"),
    ),
    (
        "countries-110m.json",
        "application/json",
        include_bytes!("../web/countries-110m.json"),
    ),
    (
        "LICENSES.md",
        "text/plain; charset=utf-8",
        include_bytes!("../web/LICENSES.md"),
    ),
];

/// The page loads only its own files and talks only to its own server: text from an article
/// can never bring in a script, a style or a request to elsewhere.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; \
     frame-ancestors 'none'";

/// The page's routes; with `web_dir`, the files are read from that folder on every request.
pub fn routes(web_dir: Option<PathBuf>) -> Router {
    let from_disk = web_dir.clone();
    Router::new()
        .route(
            "/",
            get(move || file("index.html".to_string(), web_dir.clone())),
        )
        .route(
            "/{name}",
            get(move |Path(name): Path<String>| file(name, from_disk.clone())),
        )
}

async fn file(name: String, web_dir: Option<PathBuf>) -> Response {
    let Some((name, media_type, embedded)) = FILES.iter().find(|(n, _, _)| *n == name) else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    // The folder is joined only with a name from the fixed list above.
    let contents = match web_dir {
        Some(dir) => match tokio::fs::read(dir.join(name)).await {
            Ok(contents) => contents,
            Err(error) => {
                return (StatusCode::NOT_FOUND, format!("{name}: {error}")).into_response();
            }
        },
        None => embedded.to_vec(),
    };
    (
        [
            (header::CONTENT_TYPE, *media_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        ],
        contents,
    )
        .into_response()
}
