//! One log line per request, under a span with the request's id (also sent back as
//! `X-Request-Id`), request counts and latencies for the metrics, and `/metrics` itself.
//! Logs name the route pattern, never the path of a personal page: that path is a token.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};
use prometheus::Encoder;
use tracing::Instrument;

use super::AppState;
use crate::reads;
use crate::telemetry::metrics;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The id a reverse proxy gave the request when it looks like one, else a new one.
fn request_id(req: &ServiceRequest) -> String {
    req.headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{:016x}", rand::random::<u64>()))
}

pub async fn log_and_count(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = request_id(&req);
    let method = req.method().to_string();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "(no route)".to_owned());
    let span = tracing::info_span!("request", id = %id, method = %method, route = %route);
    let started = Instant::now();
    let result = next.call(req).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let status = match &result {
        Ok(response) => response.status().as_u16(),
        Err(error) => error.as_response_error().status_code().as_u16(),
    };
    let millis = elapsed.as_secs_f64() * 1000.0;
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(target: "registrar::http", status, millis, "request");
        } else {
            tracing::info!(target: "registrar::http", status, millis, "request");
        }
    });
    let metrics = metrics();
    metrics
        .requests
        .with_label_values(&[method.as_str(), route.as_str(), &status.to_string()])
        .inc();
    metrics
        .latency
        .with_label_values(&[method.as_str(), route.as_str()])
        .observe(elapsed.as_secs_f64());
    let mut response = result?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    Ok(response)
}

/// `GET /metrics`: the Prometheus text format, with the database's counts read now.
pub async fn scrape(state: web::Data<AppState>) -> HttpResponse {
    let counts = state.database.run(reads::counts).await;
    let metrics = metrics();
    match counts {
        Ok(reads::Counts {
            registrations_by_state: states,
            outbox_backlog: backlog,
        }) => {
            metrics.registrations.reset();
            for (state, count) in states {
                metrics
                    .registrations
                    .with_label_values(&[state.as_str()])
                    .set(count);
            }
            metrics.outbox_backlog.set(backlog);
            metrics.database_up.set(1);
        }
        Err(error) => {
            tracing::warn!(%error, "metrics cannot read the database");
            metrics.database_up.set(0);
        }
    }
    let mut text = Vec::new();
    if let Err(error) = prometheus::TextEncoder::new().encode(&metrics.registry.gather(), &mut text)
    {
        tracing::error!(%error, "encoding the metrics failed");
        return HttpResponse::InternalServerError().finish();
    }
    HttpResponse::Ok()
        .content_type(prometheus::TEXT_FORMAT)
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(text)
}
