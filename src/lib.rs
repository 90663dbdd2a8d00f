//! registrar: registration for invitation-first workshops and webinars.

#[macro_use]
pub mod i18n;
pub mod cli;
pub mod config;
pub mod database;
pub mod domain;
pub mod engine;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod published;
pub mod reads;
pub mod services;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod views;
pub mod web;
