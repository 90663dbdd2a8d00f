//! One settings struct, read from flags with environment fallbacks (API.md, "Configuration").

use std::path::PathBuf;

use clap::builder::BoolishValueParser;
use clap::{ArgAction, Args, ValueEnum};

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One line of text per event.
    Plain,
    /// One JSON object per line.
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Database: a SQLite file path, or a postgres:// URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "registrar.db",
        hide_env_values = true,
        global = true
    )]
    pub database_url: String,

    /// Address and port to listen on (port 0 picks a free one).
    #[arg(
        long,
        env = "REGISTRAR_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: String,

    /// The address people reach the server at, used in email links (default: from --bind).
    #[arg(long, env = "REGISTRAR_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// SMTP server for outgoing email, e.g. smtp://127.0.0.1:2525 or
    /// smtps://user:pass@mail.example.org; unset: emails are written to the outbox folder.
    #[arg(
        long,
        env = "REGISTRAR_SMTP_URL",
        hide_env_values = true,
        global = true
    )]
    pub smtp_url: Option<String>,

    /// Folder for emails when no SMTP server is configured.
    #[arg(
        long,
        env = "REGISTRAR_OUTBOX_DIR",
        default_value = "outbox",
        global = true
    )]
    pub outbox_dir: PathBuf,

    /// Sender of every email.
    #[arg(
        long,
        env = "REGISTRAR_MAIL_FROM",
        default_value = "registrar <registrar@localhost>",
        global = true
    )]
    pub mail_from: String,

    /// How often lapsed invitations and offers are swept, in seconds.
    #[arg(
        long,
        env = "REGISTRAR_SWEEP_SECONDS",
        default_value_t = 5,
        global = true
    )]
    pub sweep_seconds: u64,

    /// Rate limits on public forms, sign-in and personal links: on or off.
    #[arg(
        long,
        env = "REGISTRAR_RATE_LIMITS",
        default_value = "on",
        value_parser = BoolishValueParser::new(),
        action = ArgAction::Set,
        global = true
    )]
    pub rate_limits: bool,

    /// Behind a reverse proxy: take the client's address for the rate limits from the last
    /// entry of `X-Forwarded-For`, which the proxy appends (on or off).
    #[arg(
        long,
        env = "REGISTRAR_BEHIND_PROXY",
        default_value = "off",
        value_parser = BoolishValueParser::new(),
        action = ArgAction::Set,
        global = true
    )]
    pub behind_proxy: bool,

    /// Personal data of events that ended more than this many days ago is erased.
    #[arg(
        long,
        env = "REGISTRAR_RETENTION_DAYS",
        default_value_t = 365,
        global = true
    )]
    pub retention_days: u32,

    /// Log format.
    #[arg(
        long,
        env = "REGISTRAR_LOG_FORMAT",
        value_enum,
        default_value_t = LogFormat::Plain,
        global = true
    )]
    pub log_format: LogFormat,

    /// Create the demo workshop when the database has no events.
    #[arg(
        long,
        env = "REGISTRAR_DEMO",
        default_value = "true",
        value_parser = BoolishValueParser::new(),
        action = ArgAction::Set,
        global = true
    )]
    pub demo: bool,
}

impl Settings {
    /// The public URL without a trailing slash; the port is filled in once bound.
    pub fn public_url_for(&self, port: u16) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => {
                let host = self
                    .bind
                    .rsplit_once(':')
                    .map(|(h, _)| h)
                    .unwrap_or("127.0.0.1");
                let host = if host == "0.0.0.0" || host == "[::]" {
                    "localhost"
                } else {
                    host
                };
                format!("http://{host}:{port}")
            }
        }
    }
}
