//! Protections every response and request gets, whatever route it reaches: security
//! headers, a cap on the size of the request headers, HEAD answered as GET, and a deadline
//! for reading a body,
//! so a client that sends slowly cannot hold a worker for long.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::web::Bytes;
use actix_web::{HttpMessage, HttpResponse};
use futures_util::Stream;

/// No inline scripts or styles, nothing from other origins, never inside a frame.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// The policy of a page that shows an email's HTML part (in a sandboxed `srcdoc` frame,
/// which inherits the page's policy): the same, except that the `style` attributes the
/// email itself carries may apply, each allowed by its hash and nothing else.
pub fn policy_allowing_styles_of(email_html: &str) -> String {
    use base64::Engine as _;
    use sha2::{Digest, Sha256};
    let mut hashes: Vec<String> = email_html
        .split("style=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|style| {
            let digest = Sha256::digest(style.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    hashes.sort();
    hashes.dedup();
    CONTENT_SECURITY_POLICY.replace(
        "style-src 'self';",
        &format!("style-src 'self' 'unsafe-hashes' {};", hashes.join(" ")),
    )
}

/// The most all request headers together may weigh; a long cookie fits many times over.
pub const HEADER_LIMIT: usize = 16 * 1024;

/// How long a client has to send a request body once its headers have arrived.
pub const BODY_DEADLINE: Duration = Duration::from_secs(20);

/// Headers on every response. `Referrer-Policy: no-referrer` everywhere, because personal
/// pages carry their token in the address and a link followed from one must not pass it on.
pub fn headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ));
    if https {
        headers.add((header::STRICT_TRANSPORT_SECURITY, "max-age=31536000"))
    } else {
        headers
    }
}

/// Refuses requests with oversized headers (431) and gives every request body a deadline.
pub async fn limit_requests(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let weight: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if weight > HEADER_LIMIT {
        let response = HttpResponse::build(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE)
            .content_type("text/plain; charset=utf-8")
            .body("the request headers are too large");
        return Ok(req.into_response(response).map_into_right_body());
    }
    // HEAD is answered as GET without a body (the HTTP layer leaves the body out), so it
    // never meets a 404 that a personal link would count as a failed guess.
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    if ![Method::GET, Method::OPTIONS].contains(req.method()) {
        let payload = req.take_payload();
        let deadline = Deadline {
            inner: payload,
            sleep: Box::pin(tokio::time::sleep(BODY_DEADLINE)),
        };
        let stream: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> = Box::pin(deadline);
        req.set_payload(actix_web::dev::Payload::from(stream));
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// A request body that fails once its deadline has passed.
struct Deadline<S> {
    inner: S,
    sleep: Pin<Box<tokio::time::Sleep>>,
}

impl<S> Stream for Deadline<S>
where
    S: Stream<Item = Result<Bytes, PayloadError>> + Unpin,
{
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.sleep.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the request body took too long to arrive",
            )))));
        }
        Pin::new(&mut self.inner).poll_next(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_preview_allows_its_own_styles_by_hash_and_nothing_inline() {
        let policy = policy_allowing_styles_of(
            "<body style=\"margin: 0;\"><p style=\"margin: 0;\">Hi</p><p style=\"color: red\">x</p></body>",
        );
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(policy.contains("style-src 'self' 'unsafe-hashes' 'sha256-"));
        assert!(policy.contains("script-src 'self';"), "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
    }
}
