//! Settings, read from flags with environment fallbacks (API.md, "Configuration"). Each
//! command takes only the settings it uses, so its `--help` lists only those; secrets are
//! never printed by `--help`. A value that cannot be read stops the start with an error
//! that names its variable.

use std::path::PathBuf;

use clap::{ArgAction, Args, ValueEnum};

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One line of text per event.
    Plain,
    /// One JSON object per line.
    Json,
}

/// An on/off setting: `on`, `off`, `true`, `false`, `yes`, `no`, `1` or `0`, and nothing
/// else, so a typo is never read as off.
fn on_off(variable: &'static str) -> impl Fn(&str) -> Result<bool, String> + Clone {
    move |text| match text.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err(format!("{variable} must be on or off, not {text:?}")),
    }
}

/// A whole number of at least `min`, named by its variable when it is not one.
fn at_least<T>(variable: &'static str, min: T) -> impl Fn(&str) -> Result<T, String> + Clone
where
    T: std::str::FromStr + PartialOrd + Copy + std::fmt::Display + Send + Sync + 'static,
{
    move |text| match text.trim().parse::<T>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(format!(
            "{variable} must be a whole number of at least {min}, not {text:?}"
        )),
    }
}

/// The database every command uses.
#[derive(Debug, Clone, Args)]
pub struct Database {
    /// Database: a SQLite file path, or a postgres:// URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "registrar.db",
        hide_env_values = true
    )]
    pub database_url: String,
}

/// Where the server listens and is reached, for the server and for the links commands
/// print.
#[derive(Debug, Clone, Args)]
pub struct Address {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "REGISTRAR_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// The address people reach the server at, used in email links (default: from --bind).
    #[arg(long, env = "REGISTRAR_PUBLIC_URL")]
    pub public_url: Option<String>,
}

impl Address {
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

    /// The port of the bind address, for links printed by commands that do not listen.
    pub fn port(&self) -> u16 {
        self.bind
            .rsplit_once(':')
            .and_then(|(_, port)| port.parse().ok())
            .unwrap_or(8080)
    }
}

/// Everything the server reads.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    #[command(flatten)]
    pub database: Database,

    #[command(flatten)]
    pub address: Address,

    /// SMTP server for outgoing email, e.g. smtp://127.0.0.1:2525 or
    /// smtps://user:pass@mail.example.org; unset: emails are written to the outbox folder.
    #[arg(long, env = "REGISTRAR_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// At most this many emails a minute (institutional relays cap it); unset: as fast
    /// as the mail server takes them.
    #[arg(
        long,
        env = "REGISTRAR_MAIL_RATE",
        value_parser = at_least("REGISTRAR_MAIL_RATE", 1u32)
    )]
    pub mail_rate: Option<u32>,

    /// Folder for emails when no SMTP server is configured.
    #[arg(long, env = "REGISTRAR_OUTBOX_DIR", default_value = "outbox")]
    pub outbox_dir: PathBuf,

    /// Sender of every email.
    #[arg(
        long,
        env = "REGISTRAR_MAIL_FROM",
        default_value = "registrar <registrar@localhost>"
    )]
    pub mail_from: String,

    /// How often lapsed invitations and offers are swept, in seconds.
    #[arg(
        long,
        env = "REGISTRAR_SWEEP_SECONDS",
        default_value = "5",
        value_parser = at_least("REGISTRAR_SWEEP_SECONDS", 1u64)
    )]
    pub sweep_seconds: u64,

    /// Invitees and people offered a seat are reminded this many hours before their answer
    /// is due (0: no such reminders).
    #[arg(
        long,
        env = "REGISTRAR_ANSWER_REMINDER_HOURS",
        default_value = "24",
        value_parser = clap::value_parser!(u32).range(0..=8760)
    )]
    pub answer_reminder_hours: u32,

    /// Rate limits on public forms, sign-in and personal links: on or off.
    #[arg(
        long,
        env = "REGISTRAR_RATE_LIMITS",
        default_value = "on",
        value_parser = on_off("REGISTRAR_RATE_LIMITS"),
        action = ArgAction::Set
    )]
    pub rate_limits: bool,

    /// Behind a reverse proxy: take the client's address for the rate limits from the last
    /// entry of `X-Forwarded-For`, which the proxy appends (on or off).
    #[arg(
        long,
        env = "REGISTRAR_BEHIND_PROXY",
        default_value = "off",
        value_parser = on_off("REGISTRAR_BEHIND_PROXY"),
        action = ArgAction::Set
    )]
    pub behind_proxy: bool,

    /// Personal data of events that ended more than this many days ago is erased.
    #[arg(
        long,
        env = "REGISTRAR_RETENTION_DAYS",
        default_value = "365",
        value_parser = at_least("REGISTRAR_RETENTION_DAYS", 1u32)
    )]
    pub retention_days: u32,

    /// Entries and sign-ups whose address was not confirmed within this many days are
    /// erased.
    #[arg(
        long,
        env = "REGISTRAR_UNCONFIRMED_DAYS",
        default_value = "30",
        value_parser = at_least("REGISTRAR_UNCONFIRMED_DAYS", 1u32)
    )]
    pub unconfirmed_days: u32,

    /// Log format.
    #[arg(long, env = "REGISTRAR_LOG_FORMAT", value_enum, default_value_t = LogFormat::Plain)]
    pub log_format: LogFormat,

    /// Create the demo workshop when the database has no events (on or off).
    #[arg(
        long,
        env = "REGISTRAR_DEMO",
        default_value = "on",
        value_parser = on_off("REGISTRAR_DEMO"),
        action = ArgAction::Set
    )]
    pub demo: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_off_is_read_strictly_and_a_typo_names_its_variable() {
        let read = on_off("REGISTRAR_BEHIND_PROXY");
        for yes in ["on", "ON", "true", "yes", "1"] {
            assert_eq!(read(yes), Ok(true), "{yes}");
        }
        for no in ["off", "false", "no", "0"] {
            assert_eq!(read(no), Ok(false), "{no}");
        }
        let error = read("maybe").unwrap_err();
        assert!(error.contains("REGISTRAR_BEHIND_PROXY"), "{error}");
    }

    #[test]
    fn a_number_setting_names_its_variable() {
        let read = at_least("REGISTRAR_RETENTION_DAYS", 1u32);
        assert_eq!(read("30"), Ok(30));
        assert!(read("0").unwrap_err().contains("REGISTRAR_RETENTION_DAYS"));
        assert!(read("a year").is_err());
    }
}
