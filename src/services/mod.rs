//! Writes that are not registration changes, so they do not go through the engine:
//! organizer accounts, sessions and API tokens; the newsletter list; a nudge to the
//! outbox; and the CSV files the project writes out (`export`). Each write runs on a
//! pooled connection (see [`crate::database::Database`]) and opens its own transaction
//! where it writes more than one row.

pub mod accounts;
pub mod export;
pub mod newsletter;
pub mod outbox;
pub mod site;
pub mod team;
