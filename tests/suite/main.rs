//! The integration tests, in one binary so the helpers in `tests/common` and the
//! dependencies link once; each module is one family of rules. `tests/pg_restart.rs` stays
//! a binary of its own because it stops the PostgreSQL server under every other test.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod api;
mod api_languages;
mod attending_virtually;
mod bad_input;
mod browser;
mod browser_change_notices;
mod browser_check_in;
mod browser_modes;
mod browser_newsletter;
mod browser_shape;
mod bulk_sends;
mod change_notices;
mod check_in;
mod concurrency;
mod crash;
mod dashboard;
mod dashboard_browser;
mod email_languages;
mod exports;
mod faults;
mod invitations;
mod languages;
mod links;
mod mode_phases;
mod newsletter;
mod newsletter_dashboard;
mod newsletter_issues;
mod operations;
mod parsers;
mod probes;
mod programme;
mod questions;
mod reconfirmation;
mod reminders;
mod representation;
mod roles;
mod scanners;
mod security;
mod series;
mod site;
mod smtp;
