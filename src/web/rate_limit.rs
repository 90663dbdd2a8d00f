//! Rate limits against abuse, not crowds (SPEC.md, "Security and privacy"): per client
//! address they count new entries (the join form, the API's entries, the newsletter
//! sign-up) and unknown personal tokens (so tokens cannot be guessed by brute force), each
//! with a generous burst, because a whole university may sit behind one address. They are
//! applied by path, so routes added later under the same paths are covered too. A refused
//! request gets a 429 with `Retry-After`: the API's JSON error, or a short page.
//!
//! A client is a network, not an address: an IPv6 host is given a /64 of its own and can
//! pick any address in it, so every address of one /64 counts as one client. What the
//! limits remember is swept on a timer ([`RateLimits::sweep`]), so a scan from many
//! addresses cannot make it grow without bound.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

/// A limiter per client, on the clock `C` (the real one but in tests).
type PerClient<C> = RateLimiter<
    IpAddr,
    DefaultKeyedStateStore<IpAddr>,
    C,
    governor::middleware::NoOpMiddleware<<C as Clock>::Instant>,
>;

use super::error::ApiError;
use crate::domain::Language;

/// Paths whose last segment (or the segment after the prefix) is a personal token or
/// another secret link (an organizer's calendar feed).
const TOKEN_PREFIXES: [&str; 5] = [
    "/r/",
    "/api/v1/me/",
    "/organizer/welcome/",
    "/newsletter/",
    "/calendar/",
];

/// How the client's address is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientAddress {
    /// The address of the connection's peer.
    Peer,
    /// Behind a reverse proxy: the last address in `X-Forwarded-For`, the one the proxy
    /// itself appended (earlier ones are whatever the client wrote).
    Forwarded,
}

/// The client a rate limit counts an address as: the address itself for IPv4, its /64
/// for IPv6 (an IPv4 address mapped into IPv6 counts as that IPv4 address).
pub fn client_network(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let bits = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(std::net::Ipv6Addr::from(bits))
            }
        },
    }
}

/// How often what the limits remember is swept.
pub const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The limits of one process; a client spreading requests over several instances gets
/// each instance's share.
pub struct RateLimits<C: Clock + Clone = DefaultClock> {
    entries: PerClient<C>,
    misses: PerClient<C>,
    blocked: Mutex<HashMap<IpAddr, Instant>>,
    clock: C,
    pub client_address: ClientAddress,
}

impl RateLimits {
    pub fn new(client_address: ClientAddress) -> RateLimits {
        RateLimits::with_clock(client_address, DefaultClock::default())
    }

    /// Sweeps every [`SWEEP_EVERY`] while the server runs.
    pub fn spawn_sweeper(limits: web::Data<RateLimits>) {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(SWEEP_EVERY);
            loop {
                ticks.tick().await;
                limits.sweep();
            }
        });
    }
}

impl<C: Clock + Clone> RateLimits<C> {
    fn with_clock(client_address: ClientAddress, clock: C) -> RateLimits<C> {
        let per_minute = |n: u32| NonZeroU32::new(n).expect("non-zero");
        RateLimits {
            // 120 new entries at once, then two a second, from one address.
            entries: RateLimiter::dashmap_with_clock(
                Quota::per_minute(per_minute(120)).allow_burst(per_minute(120)),
                clock.clone(),
            ),
            // 30 unknown tokens at once, then one every six seconds: enough for typos and
            // stale links, hopeless for guessing 128-bit tokens.
            misses: RateLimiter::dashmap_with_clock(
                Quota::per_minute(per_minute(10)).allow_burst(per_minute(30)),
                clock.clone(),
            ),
            blocked: Mutex::new(HashMap::new()),
            clock,
            client_address,
        }
    }

    /// Counts a new entry; `Err` with how long to wait when the client has used its share.
    fn entry(&self, client: IpAddr) -> Result<(), Duration> {
        self.entries
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    /// Forgets the clients whose allowances are whole again and the blocks that ended:
    /// they would be counted the same afresh.
    pub fn sweep(&self) {
        for limiter in [&self.entries, &self.misses] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        let now = Instant::now();
        let mut blocked = self.blocked.lock().expect("not poisoned");
        blocked.retain(|_, until| *until > now);
        blocked.shrink_to_fit();
    }

    /// How many clients the limits remember now.
    pub fn remembered(&self) -> usize {
        self.entries.len() + self.misses.len() + self.blocked.lock().expect("not poisoned").len()
    }

    /// How long this client still waits after guessing too many tokens, if it does.
    fn blocked_for(&self, client: IpAddr) -> Option<Duration> {
        let blocked = self.blocked.lock().expect("not poisoned");
        let now = Instant::now();
        blocked
            .get(&client)
            .filter(|until| **until > now)
            .map(|until| *until - now)
    }

    /// Counts an unknown token; past the limit the client waits for the next allowance.
    fn missed(&self, client: IpAddr) {
        if let Err(not_until) = self.misses.check_key(&client) {
            let wait = not_until.wait_time_from(self.clock.now());
            self.blocked
                .lock()
                .expect("not poisoned")
                .insert(client, Instant::now() + wait.max(Duration::from_secs(1)));
        }
    }
}

/// The client for the rate limits: the network of its address (see [`client_network`]).
pub fn client_of(req: &HttpRequest) -> IpAddr {
    client_network(address_of(req))
}

/// The client's address: the peer's, or behind a proxy the one it appended.
fn address_of(req: &HttpRequest) -> IpAddr {
    let peer = req
        .peer_addr()
        .map(|a| a.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let forwarded = req
        .app_data::<web::Data<RateLimits>>()
        .is_some_and(|limits| limits.client_address == ClientAddress::Forwarded);
    if !forwarded {
        return peer;
    }
    req.headers()
        .get_all("x-forwarded-for")
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .next_back()
        .and_then(|last| last.trim().parse().ok())
        .unwrap_or(peer)
}

/// Whether a request creates a new entry: a join, an API entry or a newsletter sign-up.
fn is_new_entry(method: &Method, path: &str) -> bool {
    if method != Method::POST {
        return false;
    }
    // `{prefix}{slug}/{last}`, nothing more.
    let slug_then = |prefix: &str, last: &str| {
        path.strip_prefix(prefix).is_some_and(|rest| {
            rest.split_once('/')
                .is_some_and(|(slug, tail)| !slug.is_empty() && tail == last)
        })
    };
    slug_then("/events/", "join")
        || slug_then("/api/v1/events/", "entries")
        || path == "/newsletter"
}

fn is_personal(path: &str) -> bool {
    TOKEN_PREFIXES.iter().any(|prefix| path.starts_with(prefix))
}

/// The refusal: the API's JSON error, or a page, in `language` (this runs before the
/// request's language is set for the handlers).
pub fn too_many(path: &str, wait: Duration, language: Language) -> HttpResponse {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let mut response = if path.starts_with("/api/") {
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            t!(in language; "api-rate-limited", seconds = seconds),
        )
        .error_response()
    } else {
        let mut page = HttpResponse::build(StatusCode::TOO_MANY_REQUESTS);
        page.content_type("text/html; charset=utf-8");
        page.insert_header((header::VARY, "Accept-Language, Cookie"));
        page.body(
            crate::views::organizer::bare_message(
                &t!(in language; "rate-limited-page-title"),
                &t!(in language; "rate-limited-page", seconds = seconds),
            )
            .into_string(),
        )
    };
    response.headers_mut().insert(
        header::RETRY_AFTER,
        header::HeaderValue::from(seconds.max(1)),
    );
    response
}

/// The middleware: refuses clients over a limit, and counts what the limits count. Does
/// nothing when the limits are off (no [`RateLimits`] in the app data).
pub async fn limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(limits) = req.app_data::<web::Data<RateLimits>>().cloned() else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let path = req.path().to_owned();
    let personal = is_personal(&path);
    let client = client_of(req.request());
    let refusal = if personal {
        limits.blocked_for(client)
    } else if is_new_entry(req.method(), &path) {
        limits.entry(client).err()
    } else {
        None
    };
    if let Some(wait) = refusal {
        let language = crate::web::answer_language(req.request());
        return Ok(req
            .into_response(too_many(&path, wait, language))
            .map_into_right_body());
    }
    let response = next.call(req).await?;
    if personal && response.status() == StatusCode::NOT_FOUND {
        limits.missed(client);
    }
    Ok(response.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn a_slash_64_is_one_client_and_ipv4_addresses_are_each_their_own() {
        assert_eq!(
            client_network(ip("2001:db8:1:2:aaaa::1")),
            client_network(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        );
        assert_ne!(
            client_network(ip("2001:db8:1:2::1")),
            client_network(ip("2001:db8:1:3::1"))
        );
        assert_eq!(client_network(ip("192.0.2.7")), ip("192.0.2.7"));
        assert_ne!(
            client_network(ip("192.0.2.7")),
            client_network(ip("192.0.2.8"))
        );
        assert_eq!(client_network(ip("::ffff:192.0.2.7")), ip("192.0.2.7"));
    }

    #[test]
    fn addresses_of_one_slash_64_share_one_allowance() {
        let limits = RateLimits::new(ClientAddress::Peer);
        let mut refused = 0;
        // Each request from another address of the same /64.
        for n in 0..200u32 {
            let address = ip(&format!("2001:db8:7:7::{n:x}"));
            if limits.entry(client_network(address)).is_err() {
                refused += 1;
            }
        }
        assert!(refused >= 70, "only {refused} of 200 refused");
        assert!(limits.entry(client_network(ip("2001:db8:7:8::1"))).is_ok());
    }

    #[test]
    fn a_scan_from_many_addresses_is_forgotten_once_its_allowances_are_whole() {
        let clock = governor::clock::FakeRelativeClock::default();
        let limits = RateLimits::with_clock(ClientAddress::Peer, clock.clone());
        for n in 0..5_000u32 {
            let _ = limits.entry(IpAddr::V4(std::net::Ipv4Addr::from(0x0a00_0000 + n)));
            limits.missed(IpAddr::V4(std::net::Ipv4Addr::from(0x0b00_0000 + n)));
        }
        assert!(limits.remembered() >= 10_000, "{}", limits.remembered());
        limits.sweep();
        assert!(
            limits.remembered() >= 10_000,
            "nothing is forgotten too early"
        );
        // One entry is given back in half a second, one miss in six; an allowance that is
        // whole again is forgotten.
        clock.advance(Duration::from_secs(13));
        limits.sweep();
        assert_eq!(limits.remembered(), 0);
    }

    #[test]
    fn new_entries_are_the_join_form_the_api_entries_and_the_newsletter() {
        assert!(is_new_entry(&Method::POST, "/events/ws/join"));
        assert!(is_new_entry(&Method::POST, "/api/v1/events/ws/entries"));
        assert!(is_new_entry(&Method::POST, "/newsletter"));
        assert!(!is_new_entry(&Method::GET, "/events/ws/join"));
        assert!(!is_new_entry(&Method::POST, "/events/ws/other/join"));
        assert!(!is_new_entry(
            &Method::POST,
            "/api/v1/events/ws/invitations"
        ));
    }

    #[test]
    fn personal_routes_are_those_with_a_token() {
        assert!(is_personal("/r/abc"));
        assert!(is_personal("/r/abc/cancel"));
        assert!(is_personal("/api/v1/me/abc/accept"));
        assert!(is_personal("/organizer/welcome/abc"));
        assert!(is_personal("/calendar/abc.ics"));
        assert!(!is_personal("/events/ws"));
    }
}
