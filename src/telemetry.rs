//! What the server tells its operator: logs with `tracing` to standard error (`RUST_LOG`
//! sets the level, default `info`; plain lines, or JSON lines when asked) and the
//! Prometheus metrics served at `/metrics`.

use std::io::IsTerminal;
use std::sync::OnceLock;

use prometheus::{
    HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
};
use tracing_subscriber::EnvFilter;

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if json {
        builder.json().with_current_span(true).try_init()
    } else {
        // Colour codes only help a person at a terminal; in a log file they are noise.
        builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init()
    };
}

/// Every metric of the process. Counts of rows (registrations by state, the outbox
/// backlog) are read from the database at each scrape, so every instance reports the same
/// figures for them; the others count what this process did.
pub struct Metrics {
    pub registry: Registry,
    pub requests: IntCounterVec,
    pub latency: HistogramVec,
    pub emails_delivered: IntCounter,
    pub delivery_failures: IntCounter,
    pub registrations: IntGaugeVec,
    pub outbox_backlog: IntGauge,
    pub database_up: IntGauge,
}

pub fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let registry = Registry::new_custom(Some("registrar".into()), None).expect("a registry");
        let requests = IntCounterVec::new(
            Opts::new("http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )
        .expect("a valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time from a request's arrival to its answer",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["method", "route"],
        )
        .expect("a valid metric");
        let emails_delivered = IntCounter::new(
            "emails_delivered_total",
            "Emails handed to the mail server or outbox folder",
        )
        .expect("a valid metric");
        let delivery_failures = IntCounter::new(
            "email_delivery_failures_total",
            "Attempts to deliver an email that failed (retried, unless refused for good)",
        )
        .expect("a valid metric");
        let registrations = IntGaugeVec::new(
            Opts::new("registrations", "Registrations by state, over every event"),
            &["state"],
        )
        .expect("a valid metric");
        let outbox_backlog = IntGauge::new("outbox_backlog", "Emails waiting to be delivered")
            .expect("a valid metric");
        let database_up = IntGauge::new(
            "database_up",
            "1 when the database answered the last scrape, else 0",
        )
        .expect("a valid metric");
        for metric in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(emails_delivered.clone()),
            Box::new(delivery_failures.clone()),
            Box::new(registrations.clone()),
            Box::new(outbox_backlog.clone()),
            Box::new(database_up.clone()),
        ] {
            registry.register(metric).expect("registered once");
        }
        Metrics {
            registry,
            requests,
            latency,
            emails_delivered,
            delivery_failures,
            registrations,
            outbox_backlog,
            database_up,
        }
    })
}
