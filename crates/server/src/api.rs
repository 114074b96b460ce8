//! The JSON API: events, articles and aggregates over the database, and coding pasted text.
//! Every handler reads its parameters strictly (an unknown or malformed one is a 400 that
//! names it) and runs its queries on a blocking thread under the request deadline.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use dyad_coder::Event;
use dyad_store::{ArticleDetail, ArticleSummary, DatedEvent, Filter, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::Coder;
use crate::error::{ApiError, ErrorBody};
use crate::facts::{ActorCount, DayCount, DyadCount, Facts, MapData};
use crate::pool::Pool;

/// What every handler shares.
pub struct State {
    /// Read-only connections.
    pub pool: Pool,
    /// The events in memory, replaced when the database changes.
    pub facts: std::sync::RwLock<Arc<Facts>>,
    /// Codes pasted text, when enabled.
    pub coder: Option<Arc<Coder>>,
    /// The longest a request may take.
    pub timeout: Duration,
}

type Shared = axum::extract::State<Arc<State>>;

/// The largest request body: a long article pasted for coding fits with room to spare.
const MAX_BODY: usize = 1 << 20;
/// The longest query string; filters are short, and a long one is a mistake or an attack.
const MAX_QUERY: usize = 4096;
/// The most events or articles in one page.
const MAX_PAGE: usize = 500;
/// The most rows an aggregate returns.
const MAX_AGGREGATE: usize = 10_000;
/// The rows an aggregate returns when the request sets no limit.
const DEFAULT_AGGREGATE: usize = 1000;

/// The API's routes.
pub fn routes(state: Arc<State>) -> Router {
    Router::new()
        .route("/api/config", get(config))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/actors", get(actors))
        .route("/api/dyads", get(dyads))
        .route("/api/timeseries", get(timeseries))
        .route("/api/map", get(map))
        .route("/api/code", post(code))
        .route("/api/{*rest}", get(no_such_endpoint).post(no_such_endpoint))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(limit_query_string))
        .with_state(state)
}

/// The event filters of `dyad query`, as query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    /// An actor on either side: CAMEO code prefix (USAGOV, RUS), knowledge-base id
    /// (donald-trump) or name.
    actor: Option<String>,
    /// A country (ISO alpha-3) on either side.
    #[param(pattern = "^[A-Za-z]{3}$")]
    country: Option<String>,
    /// Source and target countries, SRC-TGT (USA-CHN).
    #[param(pattern = "^[A-Za-z]{3}-[A-Za-z]{3}$")]
    dyad: Option<String>,
    /// CAMEO code or prefix, digits (04, 042).
    #[param(pattern = "^[0-9]+$")]
    cameo: Option<String>,
    /// PLOVER type (CONSULT).
    plover: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    #[param(minimum = 1, maximum = 4)]
    quad_class: Option<u8>,
    /// Events on or after this day (YYYY-MM-DD): an event's own date, else its article's
    /// publication day.
    #[param(format = Date)]
    from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[param(format = Date)]
    to: Option<String>,
    /// Place name, or ISO alpha-3 of the place's country.
    place: Option<String>,
    /// Words the article contains (SQLite FTS5 syntax).
    text: Option<String>,
    /// The most items to return (lists: 1 to 500, default 50; aggregates: up to 10000).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Items to skip, for paging lists.
    offset: Option<usize>,
}

/// A parameter's value, or none when it is missing or blank (as a form sends an empty field).
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl EventParams {
    /// The store's filter, after checking every value.
    fn filter(&self) -> Result<Filter, ApiError> {
        let country = given(&self.country).map(country_code).transpose()?;
        let dyad = given(&self.dyad).map(dyad_store::parse_dyad).transpose()?;
        if let Some((source, target)) = &dyad {
            country_code(source)?;
            country_code(target)?;
        }
        let day = |text: &Option<String>| given(text).map(dyad_store::parse_day).transpose();
        let text = |value: &Option<String>| given(value).map(str::to_string);
        Ok(Filter {
            actor: text(&self.actor),
            country,
            dyad,
            cameo: text(&self.cameo),
            plover: text(&self.plover),
            quad_class: self.quad_class,
            from: day(&self.from)?,
            to: day(&self.to)?,
            place: text(&self.place),
            text: text(&self.text),
            ..Filter::default()
        })
    }

    /// The filter and row limit of an aggregate.
    fn aggregate(&self) -> Result<(Filter, usize), ApiError> {
        let filter = self.filter()?;
        let limit = match self.limit.unwrap_or(DEFAULT_AGGREGATE) {
            limit @ 1..=MAX_AGGREGATE => limit,
            limit => {
                return Err(ApiError::bad_request(format!(
                    "limit {limit} is not 1 to {MAX_AGGREGATE}"
                )));
            }
        };
        Ok((filter, limit))
    }
}

/// Checks an ISO alpha-3 country code and gives it in capitals.
fn country_code(text: &str) -> Result<String, ApiError> {
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(text.to_ascii_uppercase())
    } else {
        Err(ApiError::bad_request(format!(
            "country {text:?} is not an ISO alpha-3 code such as USA"
        )))
    }
}

/// A page size asked for, within bounds.
fn page_limit(limit: Option<usize>) -> Result<usize, ApiError> {
    match limit.unwrap_or(50) {
        limit @ 1..=MAX_PAGE => Ok(limit),
        limit => Err(ApiError::bad_request(format!(
            "limit {limit} is not 1 to {MAX_PAGE}"
        ))),
    }
}

/// Reads query parameters, turning serde's complaint into a 400 that names the parameter.
fn params<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    query
        .map(|Query(params)| params)
        .map_err(|rejection| ApiError::bad_request(rejection.body_text()))
}

/// Runs `work` on a database connection on a blocking thread, within the request deadline.
async fn with_store<T: Send + 'static>(
    state: &Arc<State>,
    work: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    with_facts(state, move |store, _| work(store)).await
}

/// Runs `work` on a database connection and the events in memory on a blocking thread,
/// within the request deadline.
async fn with_facts<T: Send + 'static>(
    state: &Arc<State>,
    work: impl FnOnce(&Store, &Facts) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let deadline = Instant::now() + state.timeout;
    let shared = Arc::clone(state);
    let facts = state
        .facts
        .read()
        .map(|facts| Arc::clone(&facts))
        .map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the events in memory are unreadable",
            )
        })?;
    blocking(state.timeout, "the query", move || {
        Ok(shared
            .pool
            .with_store(deadline, |store| work(store, &facts))?)
    })
    .await
}

/// Runs `work` on a blocking thread and waits for it at most `timeout`; `what` names it in
/// the error if it fails without an answer.
async fn blocking<T: Send + 'static>(
    timeout: Duration,
    what: &str,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::time::timeout(timeout, tokio::task::spawn_blocking(work)).await {
        Ok(Ok(result)) => result,
        Ok(Err(join)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{what} failed: {join}"),
        )),
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the request took too long: narrow the filters",
        )),
    }
}

/// Refuses a query string longer than [`MAX_QUERY`] before any handler reads it.
async fn limit_query_string(request: Request, next: Next) -> Result<Response, ApiError> {
    let length = request.uri().query().map_or(0, str::len);
    if length > MAX_QUERY {
        return Err(ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the query string has {length} bytes; the most is {MAX_QUERY}"),
        ));
    }
    Ok(next.run(request).await)
}

/// What the server serves.
#[derive(Serialize, ToSchema)]
pub struct ConfigInfo {
    /// dyad's version.
    version: String,
    /// Whether `POST /api/code` codes pasted text.
    allow_code: bool,
    /// Events in the database (reports of one event count once).
    events: u64,
    /// Articles in the database.
    articles: u64,
}

/// What the server serves and what it allows.
#[utoipa::path(get, path = "/api/config", responses((status = 200, body = ConfigInfo)))]
pub async fn config(state: Shared) -> Result<Json<ConfigInfo>, ApiError> {
    let (events, articles) = with_facts(&state, |store, facts| {
        Ok((facts.len() as u64, store.article_count()?))
    })
    .await?;
    Ok(Json(ConfigInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        allow_code: state.coder.is_some(),
        events,
        articles,
    }))
}

/// A page of events, newest first.
#[derive(Serialize, ToSchema)]
pub struct EventList {
    /// dyad event records, as `dyad code` writes them, each with a `day`: its own date's
    /// day, else its article's publication day.
    #[schema(value_type = Vec<Object>)]
    events: Vec<DatedEvent>,
    /// Events skipped before this page.
    offset: usize,
    /// The page size.
    limit: usize,
    /// Where the next page starts, or null on the last page.
    next_offset: Option<usize>,
}

/// The events that pass the filters, newest first, a page at a time.
#[utoipa::path(get, path = "/api/events", params(EventParams),
    responses((status = 200, body = EventList), (status = 400, body = ErrorBody)))]
pub async fn events(
    state: Shared,
    query: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<EventList>, ApiError> {
    let params = params(query)?;
    let filter = params.filter()?;
    let (offset, limit) = (params.offset.unwrap_or(0), page_limit(params.limit)?);
    let (events, more) = with_facts(&state, move |store, facts| {
        let (rowids, more) = facts.page(&filter, offset, limit, store)?;
        Ok((store.dated_events(&rowids)?, more))
    })
    .await?;
    Ok(Json(EventList {
        events,
        offset,
        limit,
        next_offset: more.then_some(offset + limit),
    }))
}

/// One event record.
#[utoipa::path(get, path = "/api/events/{id}", params(("id" = String, Path, description = "Event id")),
    responses((status = 200, description = "dyad event record", body = Object),
              (status = 404, body = ErrorBody)))]
pub async fn event(state: Shared, Path(id): Path<String>) -> Result<Json<Event>, ApiError> {
    let wanted = id.clone();
    with_store(&state, move |store| store.event(&wanted))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no event {id:?}")))
}

/// The parameters of the article list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArticleParams {
    /// Words the article contains (SQLite FTS5 syntax).
    text: Option<String>,
    /// Articles per page, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Articles to skip.
    offset: Option<usize>,
}

/// A page of articles, newest first.
#[derive(Serialize, ToSchema)]
pub struct ArticleList {
    /// The articles.
    articles: Vec<ArticleSummary>,
    /// Articles skipped before this page.
    offset: usize,
    /// The page size.
    limit: usize,
    /// Where the next page starts, or null on the last page.
    next_offset: Option<usize>,
}

/// Articles, newest first; with `text`, those that contain it.
#[utoipa::path(get, path = "/api/articles", params(ArticleParams),
    responses((status = 200, body = ArticleList), (status = 400, body = ErrorBody)))]
pub async fn articles(
    state: Shared,
    query: Result<Query<ArticleParams>, QueryRejection>,
) -> Result<Json<ArticleList>, ApiError> {
    let params = params(query)?;
    let (offset, limit) = (params.offset.unwrap_or(0), page_limit(params.limit)?);
    let text = given(&params.text).map(str::to_string);
    let page = with_store(&state, move |store| {
        store.article_page(text.as_deref(), offset, limit)
    })
    .await?;
    Ok(Json(ArticleList {
        articles: page.items,
        offset: page.offset,
        limit: page.limit,
        next_offset: page.next_offset,
    }))
}

/// One article: its text, sentences, events and quotations, with byte offsets into the text.
#[utoipa::path(get, path = "/api/articles/{id}", params(("id" = String, Path, description = "Article id")),
    responses((status = 200, body = ArticleDetail), (status = 404, body = ErrorBody)))]
pub async fn article(
    state: Shared,
    Path(id): Path<String>,
) -> Result<Json<ArticleDetail>, ApiError> {
    let wanted = id.clone();
    with_store(&state, move |store| store.article(&wanted))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no article {id:?}")))
}

/// Actors, most active first.
#[derive(Serialize, ToSchema)]
pub struct ActorList {
    /// The actors.
    actors: Vec<ActorCount>,
}

/// The actors of the events that pass the filters, most active first.
#[utoipa::path(get, path = "/api/actors", params(EventParams),
    responses((status = 200, body = ActorList), (status = 400, body = ErrorBody)))]
pub async fn actors(
    state: Shared,
    query: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<ActorList>, ApiError> {
    let (filter, limit) = params(query)?.aggregate()?;
    let actors = with_facts(&state, move |store, facts| {
        facts.actors(&filter, limit, store)
    })
    .await?;
    Ok(Json(ActorList { actors }))
}

/// Country pairs, busiest first.
#[derive(Serialize, ToSchema)]
pub struct DyadList {
    /// The pairs.
    dyads: Vec<DyadCount>,
}

/// The source and target countries of the events that pass the filters, busiest first.
#[utoipa::path(get, path = "/api/dyads", params(EventParams),
    responses((status = 200, body = DyadList), (status = 400, body = ErrorBody)))]
pub async fn dyads(
    state: Shared,
    query: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<DyadList>, ApiError> {
    let (filter, limit) = params(query)?.aggregate()?;
    let dyads = with_facts(&state, move |store, facts| {
        facts.dyads(&filter, limit, store)
    })
    .await?;
    Ok(Json(DyadList { dyads }))
}

/// Events by day.
#[derive(Serialize, ToSchema)]
pub struct TimeSeries {
    /// The days with events, in order.
    days: Vec<DayCount>,
}

/// The events that pass the filters by day: counts by QuadClass, mean Goldstein, mean tone.
#[utoipa::path(get, path = "/api/timeseries", params(EventParams),
    responses((status = 200, body = TimeSeries), (status = 400, body = ErrorBody)))]
pub async fn timeseries(
    state: Shared,
    query: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<TimeSeries>, ApiError> {
    let filter = params(query)?.filter()?;
    let days = with_facts(&state, move |store, facts| facts.days(&filter, store)).await?;
    Ok(Json(TimeSeries { days }))
}

/// Where the events that pass the filters happened, by country and by place.
#[utoipa::path(get, path = "/api/map", params(EventParams),
    responses((status = 200, body = MapData), (status = 400, body = ErrorBody)))]
pub async fn map(
    state: Shared,
    query: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<MapData>, ApiError> {
    let (filter, limit) = params(query)?.aggregate()?;
    let map = with_facts(&state, move |store, facts| facts.map(&filter, limit, store)).await?;
    Ok(Json(map))
}

/// Text to code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    /// The article's text.
    text: String,
    /// Its publication day (YYYY-MM-DD), against which "on Monday" is resolved.
    #[schema(format = Date)]
    date: Option<String>,
}

/// The events coded from pasted text.
#[derive(Serialize, ToSchema)]
pub struct CodedText {
    /// dyad event records; offsets point into the text sent.
    #[schema(value_type = Vec<Object>)]
    events: Vec<Event>,
}

/// Codes pasted text without storing it; only when the server runs with `--allow-code`.
#[utoipa::path(post, path = "/api/code", request_body = CodeRequest,
    responses((status = 200, body = CodedText), (status = 400, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 413, body = ErrorBody),
              (status = 415, description = "The body is not JSON", body = ErrorBody),
              (status = 422, description = "The JSON lacks `text` or has other fields", body = ErrorBody)))]
pub async fn code(
    state: Shared,
    body: Result<Json<CodeRequest>, JsonRejection>,
) -> Result<Json<CodedText>, ApiError> {
    let Some(coder) = state.coder.clone() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "coding pasted text is off: start the server with --allow-code",
        ));
    };
    let Json(request) =
        body.map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
    let date = match request.date.as_deref().filter(|d| !d.is_empty()) {
        Some(day) => Some(
            chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map_err(|_| ApiError::bad_request(format!("date {day:?} is not YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let events = blocking(state.timeout, "coding", move || {
        coder(&request.text, date)
            .map_err(|reason| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, reason))
    })
    .await?;
    Ok(Json(CodedText { events }))
}

/// Any other path under /api.
async fn no_such_endpoint(request: Request) -> ApiError {
    ApiError::not_found(format!(
        "no endpoint {}: see /openapi.json",
        request.uri().path()
    ))
}
