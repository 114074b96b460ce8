//! Errors: the server's own, and those of a request, which become JSON with a status code.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dyad_store::StoreError;

/// What can stop the server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The database could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The socket failed.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// A request that failed: its status and a message for the person who sent it.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, in words.
    pub message: String,
}

impl ApiError {
    /// A 400: the request asked for something that cannot be read.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// A 404: no such thing.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// An error with any status.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        if error.is_bad_request() {
            ApiError::bad_request(error.to_string())
        } else if error.is_interrupted() {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the query took too long: narrow the filters",
            )
        } else {
            tracing::error!("{error}");
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string())
        }
    }
}

/// An error's JSON body: `{"error": {"message": ..., "status": ...}}`.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

/// What went wrong.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// The reason, in words.
    message: String,
    /// The HTTP status.
    status: u16,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                message: self.message,
                status: self.status.as_u16(),
            },
        };
        (self.status, Json(body)).into_response()
    }
}
