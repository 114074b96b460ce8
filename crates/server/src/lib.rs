//! `dyad serve`: an HTTP API and a web page over the database `dyad run` writes.
//!
//! The API (under `/api`, described at `/openapi.json`) lists and filters events with every
//! filter of `dyad query`, shows articles with their coded spans, and aggregates events by
//! actor, dyad, day and place. The web page is embedded in the binary and works offline.
//!
//! Safe by default: it binds 127.0.0.1 unless told otherwise, reads the database through
//! read-only connections, limits request bodies, query strings and query time, serves only
//! the files it embeds, and answers every error with JSON and a status code. Coding pasted
//! text (`POST /api/code`) is off unless the caller supplies a coder.
//!
//! ```no_run
//! # async fn run() -> Result<(), dyad_server::ServerError> {
//! let config = dyad_server::Config::new("dyad.db".into());
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! dyad_server::serve(listener, config).await
//! # }
//! ```

mod api;
mod error;
mod facts;
mod openapi;
mod pool;
mod web;

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use dyad_coder::Event;

pub use error::ServerError;

/// Codes pasted text published on the given day (YYYY-MM-DD, if any) into events, or says
/// why it cannot.
pub type Coder =
    dyn Fn(&str, Option<chrono::NaiveDate>) -> Result<Vec<Event>, String> + Send + Sync;

/// How the server runs.
#[derive(Clone)]
pub struct Config {
    /// The database `dyad run` wrote.
    pub database: PathBuf,
    /// Codes text for `POST /api/code`; the endpoint answers 403 when this is none.
    pub coder: Option<Arc<Coder>>,
    /// Serve the web files from this folder instead of the copies embedded in the binary
    /// (for working on the page without rebuilding). Only the embedded file names are served.
    pub web_dir: Option<PathBuf>,
    /// The longest a request may take before it is answered 503.
    pub timeout: Duration,
}

impl Config {
    /// The defaults for a database: no coding, embedded web files, ten-second requests.
    pub fn new(database: PathBuf) -> Config {
        Config {
            database,
            coder: None,
            web_dir: None,
            timeout: Duration::from_secs(10),
        }
    }
}

/// The server's routes over an opened database: the API, the OpenAPI document and the web
/// page. Reads every event into memory first (about 15 seconds for a million), so lists and
/// aggregates need no SQL scan, and, inside a Tokio runtime, reads them again whenever the
/// database changes. Fails when the database cannot be opened.
pub fn router(config: Config) -> Result<Router, ServerError> {
    let pool = pool::Pool::open(config.database.clone())?;
    let watcher = dyad_store::Store::open_read_only(&config.database)?;
    let version = watcher.data_version()?;
    let facts = facts::Facts::load(&watcher)?;
    tracing::info!("{} events in memory", facts.len());
    let state = Arc::new(api::State {
        pool,
        facts: RwLock::new(Arc::new(facts)),
        coder: config.coder.clone(),
        timeout: config.timeout,
    });
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(reload_when_changed(Arc::clone(&state), watcher, version));
    }
    Ok(api::routes(state)
        .merge(openapi::routes())
        .merge(web::routes(config.web_dir)))
}

/// Serves `config` on `listener` until the process is interrupted (Ctrl-C or SIGTERM), then
/// finishes the requests in flight.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> Result<(), ServerError> {
    let app = router(config)?;
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// How often the server asks whether another program (`dyad run`) has written to the
/// database.
const CHANGE_CHECK: Duration = Duration::from_secs(5);

/// Reads the events into memory again whenever the database has changed, so the aggregates
/// never lag a run by more than a few seconds; requests meanwhile use the events read before.
async fn reload_when_changed(state: Arc<api::State>, watcher: dyad_store::Store, mut version: i64) {
    let watcher = Arc::new(std::sync::Mutex::new(watcher));
    loop {
        tokio::time::sleep(CHANGE_CHECK).await;
        let watcher = Arc::clone(&watcher);
        let seen = version;
        let reloaded = tokio::task::spawn_blocking(move || {
            let store = watcher.lock().ok()?;
            let now = store.data_version().ok()?;
            if now == seen {
                return None;
            }
            Some((now, facts::Facts::load(&store)))
        })
        .await;
        match reloaded {
            Ok(Some((now, Ok(facts)))) => {
                version = now;
                tracing::info!("the database changed: {} events in memory", facts.len());
                if let Ok(mut current) = state.facts.write() {
                    *current = Arc::new(facts);
                }
            }
            Ok(Some((_, Err(error)))) => {
                tracing::error!("cannot read the changed database: {error}")
            }
            _ => {}
        }
    }
}

async fn shutdown_signal() {
    let interrupt = async {
        // If the handler cannot be installed the server simply runs until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
