//! The OpenAPI document of the API, served at `/openapi.json`.

use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;

use crate::api;

/// The API's description, gathered from the handlers' annotations.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "dyad",
        description = "Political events coded from news, with the words behind every field."
    ),
    paths(
        api::config,
        api::events,
        api::event,
        api::articles,
        api::article,
        api::actors,
        api::dyads,
        api::timeseries,
        api::map,
        api::code
    )
)]
struct ApiDoc;

/// The route of the document.
pub fn routes() -> Router {
    Router::new().route("/openapi.json", get(|| async { Json(ApiDoc::openapi()) }))
}
