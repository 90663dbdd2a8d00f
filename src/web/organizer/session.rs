//! Organizer sessions and CSRF protection. A session is a cookie encrypted and
//! authenticated with a key every instance reads from the database (the `cookie` crate's
//! private jar, AES-256-GCM), so nobody can read or forge one. It carries the organizer's id,
//! when it was issued and last used and the session's CSRF token; it expires after
//! `SESSION_HOURS`, or `IDLE_MINUTES` after its last use (each use renews it), and
//! signing out or setting a new password ends every earlier session of the organizer.
//! Every state-changing form carries the CSRF token and is refused without it.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration as StdDuration, Instant};

use actix_web::cookie::{Cookie, CookieJar, Key, SameSite};
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use chrono::{DateTime, Duration, Utc};
use futures_util::future::LocalBoxFuture;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::services::accounts::{self, Organizer};
use crate::web::AppState;

pub const SESSION_COOKIE: &str = "registrar_session";
pub const SIGN_IN_COOKIE: &str = "registrar_sign_in";
pub const SESSION_HOURS: i64 = 12;
/// A session not used for this long has ended: a dashboard left open on a shared computer
/// does not stay signed in.
pub const IDLE_MINUTES: i64 = 60;
/// How often a session in use has its last use written down again (a new cookie).
const RENEW_AFTER_SECONDS: i64 = 60;

/// The session key, the sign-in rate limit and the failures it counts; one per process,
/// shared by every worker.
pub struct Dashboard {
    key: Key,
    secure: bool,
    failures: Option<DefaultKeyedRateLimiter<IpAddr>>,
    blocked: Mutex<HashMap<IpAddr, Instant>>,
}

/// How long a client that failed to sign in too often waits.
const BLOCKED_FOR: StdDuration = StdDuration::from_secs(60);

impl Dashboard {
    /// The dashboard's sessions, encrypted with the key every instance shares (see
    /// [`accounts::session_key`]; [`Dashboard::new_key`] makes one).
    pub fn new(key: &[u8], public_url: &str, rate_limits: bool) -> anyhow::Result<Dashboard> {
        let key = Key::try_from(key)
            .map_err(|_| anyhow::anyhow!("the stored session key is too short"))?;
        // A generous burst: a whole department may sign in from one address.
        let quota = Quota::per_minute(NonZeroU32::new(5).expect("non-zero"))
            .allow_burst(NonZeroU32::new(10).expect("non-zero"));
        Ok(Dashboard {
            key,
            secure: public_url.starts_with("https://"),
            failures: rate_limits.then(|| RateLimiter::keyed(quota)),
            blocked: Mutex::new(HashMap::new()),
        })
    }

    /// A new random session key.
    pub fn new_key() -> Vec<u8> {
        Key::generate().master().to_vec()
    }

    /// Whether this client has failed to sign in too often lately.
    pub fn is_blocked(&self, client: IpAddr) -> bool {
        let mut blocked = self.blocked.lock().expect("not poisoned");
        let now = Instant::now();
        blocked.retain(|_, until| *until > now);
        blocked.contains_key(&client)
    }

    /// Counts a failed sign-in; past the limit the client is blocked for a while.
    pub fn failed(&self, client: IpAddr) {
        if let Some(limiter) = &self.failures {
            if limiter.check_key(&client).is_err() {
                self.blocked
                    .lock()
                    .expect("not poisoned")
                    .insert(client, Instant::now() + BLOCKED_FOR);
            }
            limiter.retain_recent();
        }
    }

    fn cookie(&self, name: &'static str, value: String, max_age: Duration) -> Cookie<'static> {
        let mut jar = CookieJar::new();
        let mut cookie = Cookie::new(name, value);
        cookie.set_path("/organizer");
        cookie.set_http_only(true);
        cookie.set_secure(self.secure);
        cookie.set_same_site(SameSite::Strict);
        cookie.set_max_age(actix_web::cookie::time::Duration::seconds(
            max_age.num_seconds(),
        ));
        jar.private_mut(&self.key).add(cookie);
        jar.get(name).expect("just added").clone()
    }

    fn open(&self, req: &HttpRequest, name: &str) -> Option<String> {
        let cookie = req.cookie(name)?;
        let mut jar = CookieJar::new();
        jar.add_original(cookie);
        jar.private(&self.key)
            .get(name)
            .map(|c| c.value().to_owned())
    }

    /// The cookie of a new session.
    pub fn session_cookie(&self, organizer_id: i64, now: DateTime<Utc>) -> Cookie<'static> {
        self.session_data_cookie(&SessionData {
            organizer: organizer_id,
            issued_ms: now.timestamp_millis(),
            seen_ms: now.timestamp_millis(),
            csrf: accounts::new_secret(),
        })
    }

    fn session_data_cookie(&self, session: &SessionData) -> Cookie<'static> {
        let value = serde_json::to_string(session).expect("serializable");
        self.cookie(SESSION_COOKIE, value, Duration::hours(SESSION_HOURS))
    }

    /// The cookie that ties the sign-in form to the browser that loaded it, and its token.
    pub fn sign_in_cookie(&self) -> (Cookie<'static>, String) {
        let token = accounts::new_secret();
        (
            self.cookie(SIGN_IN_COOKIE, token.clone(), Duration::hours(2)),
            token,
        )
    }

    /// Whether a sign-in form came with the token of the cookie its browser holds.
    pub fn sign_in_token_matches(&self, req: &HttpRequest, sent: &str) -> bool {
        self.open(req, SIGN_IN_COOKIE)
            .is_some_and(|expected| accounts::same_secret(&expected, sent))
    }

    pub fn removal(name: &'static str) -> Cookie<'static> {
        let mut cookie = Cookie::new(name, "");
        cookie.set_path("/organizer");
        cookie.make_removal();
        cookie
    }
}

/// The client's address for the rate limit: the peer, or behind a trusted proxy the
/// address it forwarded (never a header the client alone can write).
pub fn client_of(req: &HttpRequest) -> IpAddr {
    crate::web::rate_limit::client_of(req)
}

#[derive(Serialize, Deserialize)]
struct SessionData {
    organizer: i64,
    issued_ms: i64,
    /// When the session was last used (0 in cookies made before this was recorded).
    #[serde(default)]
    seen_ms: i64,
    csrf: String,
}

impl SessionData {
    /// When the session was last used.
    fn last_seen_ms(&self) -> i64 {
        if self.seen_ms > 0 {
            self.seen_ms
        } else {
            self.issued_ms
        }
    }

    /// Whether the session is still within its lifetime and its idle time at `now`.
    fn is_live(&self, now: DateTime<Utc>) -> bool {
        let at = |ms: i64| DateTime::<Utc>::from_timestamp_millis(ms);
        let (Some(issued), Some(seen)) = (at(self.issued_ms), at(self.last_seen_ms())) else {
            return false;
        };
        let soon = now + Duration::minutes(5);
        issued <= soon
            && seen <= soon
            && now - issued <= Duration::hours(SESSION_HOURS)
            && now - seen <= Duration::minutes(IDLE_MINUTES)
    }
}

/// A renewed session cookie for the response, left by [`SignedIn`] in the request.
#[derive(Clone)]
struct Renewed(Cookie<'static>);

/// Sends the renewed cookie of a session in use, unless the response sets the session
/// cookie itself (signing in or out).
pub async fn renew_session(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    use actix_web::HttpMessage;
    let mut response = next.call(req).await?;
    let renewed = response.request().extensions().get::<Renewed>().cloned();
    if let Some(Renewed(cookie)) = renewed {
        let sets_session = response
            .response()
            .cookies()
            .any(|c| c.name() == SESSION_COOKIE);
        if !sets_session {
            let _ = response.response_mut().add_cookie(&cookie);
        }
    }
    Ok(response)
}

/// A signed-in organizer, taken from a live session cookie.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub organizer: Organizer,
    pub csrf: String,
}

impl SignedIn {
    /// How the audit log names this organizer.
    pub fn actor(&self) -> String {
        format!("organizer {}", self.organizer.email)
    }
}

/// Why a dashboard request is refused: no live session (back to the sign-in page), or a
/// form without the session's CSRF token (nothing changed).
#[derive(Debug)]
pub enum Refused {
    NotSignedIn,
    BadCsrf,
    /// The organizer's role does not reach this page (see [`crate::web::roles`]).
    Forbidden,
    Unavailable,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refused::NotSignedIn => "not signed in",
            Refused::BadCsrf => "missing or wrong CSRF token",
            Refused::Forbidden => "the organizer's role does not allow this",
            Refused::Unavailable => "the database is unavailable",
        })
    }
}

impl ResponseError for Refused {
    fn status_code(&self) -> StatusCode {
        match self {
            Refused::NotSignedIn => StatusCode::SEE_OTHER,
            Refused::BadCsrf | Refused::Forbidden => StatusCode::FORBIDDEN,
            Refused::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Refused::NotSignedIn => HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/organizer/login"))
                .cookie(Dashboard::removal(SESSION_COOKIE))
                .finish(),
            Refused::BadCsrf => HttpResponse::Forbidden()
                .content_type("text/html; charset=utf-8")
                .body(
                    crate::views::organizer::bare_message(
                        &t!("dash-refused-expired-title"),
                        &t!("dash-refused-expired"),
                    )
                    .into_string(),
                ),
            Refused::Forbidden => HttpResponse::Forbidden()
                .content_type("text/html; charset=utf-8")
                .body(
                    crate::views::organizer::bare_message(
                        &t!("dash-refused-role-title"),
                        &t!("dash-refused-role"),
                    )
                    .into_string(),
                ),
            Refused::Unavailable => HttpResponse::ServiceUnavailable()
                .insert_header(("Retry-After", "2"))
                .content_type("text/html; charset=utf-8")
                .body(
                    crate::views::organizer::bare_message(
                        &t!("dash-refused-busy-title"),
                        &t!("dash-refused-busy"),
                    )
                    .into_string(),
                ),
        }
    }
}

impl FromRequest for SignedIn {
    type Error = Refused;
    type Future = LocalBoxFuture<'static, Result<Self, Refused>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let dashboard = req.app_data::<web::Data<Dashboard>>().cloned();
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let session = dashboard
            .as_ref()
            .and_then(|d| d.open(req, SESSION_COOKIE))
            .and_then(|value| serde_json::from_str::<SessionData>(&value).ok());
        let allowed = {
            let pattern = req.match_pattern().unwrap_or_default();
            let method = req.method().clone();
            move |role| crate::web::roles::allows(role, &method, &pattern)
        };
        let req = req.clone();
        Box::pin(async move {
            use actix_web::HttpMessage;
            let (Some(session), Some(state)) = (session, state) else {
                return Err(Refused::NotSignedIn);
            };
            let now = Utc::now();
            if !session.is_live(now) {
                return Err(Refused::NotSignedIn);
            }
            let issued = DateTime::<Utc>::from_timestamp_millis(session.issued_ms)
                .ok_or(Refused::NotSignedIn)?;
            let organizer_id = session.organizer;
            let found = state
                .database
                .run(move |conn| accounts::organizer(conn, organizer_id))
                .await
                .map_err(|_| Refused::Unavailable)?;
            match found {
                Some(organizer)
                    if organizer.password_hash.is_some()
                        && issued.naive_utc() >= organizer.sessions_valid_after =>
                {
                    if !allowed(organizer.role) {
                        return Err(Refused::Forbidden);
                    }
                    let now_ms = now.timestamp_millis();
                    if now_ms - session.last_seen_ms() >= RENEW_AFTER_SECONDS * 1000 {
                        if let Some(dashboard) = &dashboard {
                            let renewed = SessionData {
                                seen_ms: now_ms,
                                csrf: session.csrf.clone(),
                                ..session
                            };
                            req.extensions_mut()
                                .insert(Renewed(dashboard.session_data_cookie(&renewed)));
                        }
                    }
                    Ok(SignedIn {
                        organizer,
                        csrf: session.csrf,
                    })
                }
                _ => Err(Refused::NotSignedIn),
            }
        })
    }
}

/// The form of a button that only carries its CSRF token.
#[derive(Deserialize)]
pub struct NoFields {}

/// A posted dashboard form: a live session, then the form, refused unless its `csrf`
/// field is the session's token. Every state-changing dashboard route takes one.
pub struct Posted<T>(pub SignedIn, pub T);

#[derive(Deserialize)]
struct WithCsrf<T> {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    form: T,
}

impl<T: DeserializeOwned + 'static> FromRequest for Posted<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let signed = SignedIn::from_request(req, payload);
        let form = web::Form::<WithCsrf<T>>::from_request(req, payload);
        Box::pin(async move {
            let signed = signed.await?;
            let form = form.await.map_err(|_| Refused::BadCsrf)?.into_inner();
            signed.check(&form.csrf)?;
            Ok(Posted(signed, form.form))
        })
    }
}

impl SignedIn {
    /// Refuses a form whose token is not this session's.
    pub fn check(&self, sent: &str) -> Result<(), Refused> {
        if accounts::same_secret(&self.csrf, sent) {
            Ok(())
        } else {
            Err(Refused::BadCsrf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(issued: DateTime<Utc>, seen: DateTime<Utc>) -> SessionData {
        SessionData {
            organizer: 1,
            issued_ms: issued.timestamp_millis(),
            seen_ms: seen.timestamp_millis(),
            csrf: String::new(),
        }
    }

    #[test]
    fn a_session_ends_after_an_hour_unused_or_twelve_hours_in_all() {
        let now = Utc::now();
        let minutes = Duration::minutes;
        assert!(session(now - minutes(30), now - minutes(5)).is_live(now));
        assert!(!session(now - minutes(90), now - minutes(61)).is_live(now));
        assert!(session(now - Duration::hours(11), now - minutes(1)).is_live(now));
        assert!(!session(now - Duration::hours(13), now - minutes(1)).is_live(now));
        assert!(!session(now + minutes(10), now + minutes(10)).is_live(now));
    }

    #[test]
    fn a_cookie_from_before_last_use_was_recorded_counts_from_its_issue() {
        let now = Utc::now();
        let mut old = session(now - Duration::minutes(30), now);
        old.seen_ms = 0;
        assert!(old.is_live(now));
        old.issued_ms = (now - Duration::minutes(61)).timestamp_millis();
        assert!(!old.is_live(now));
    }
}
