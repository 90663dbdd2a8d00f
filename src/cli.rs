//! The command line (API.md, "Command line"): serve, migrate, token create, organizer add,
//! backup.

use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::services::accounts;
use crate::startup::Application;
use crate::store;

#[derive(Debug, Parser)]
#[command(
    name = "registrar",
    version,
    about = "Registration for invitation-first workshops and webinars"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub settings: Settings,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Organizer API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Organizer accounts of the dashboard.
    Organizer {
        #[command(subcommand)]
        command: OrganizerCommand,
    },
    /// Copy a SQLite database, consistent even while servers write to it, to a new file.
    Backup { path: std::path::PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum OrganizerCommand {
    /// Add an organizer (or find one) and print a one-time link to set the password, alone
    /// on the last line.
    Add { email: String },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token; it is printed once, alone on the last line, and stored only hashed.
    Create {
        #[arg(long)]
        name: String,
    },
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = cli.settings;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let app = Application::build(settings).await?;
                app.run_until_stopped().await
            })
        }
        Command::Migrate => {
            let mut conn = store::ConnectionManager::new(&settings.database_url).establish()?;
            store::migrate(&mut conn)?;
            println!("migrations applied");
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { name },
        } => {
            let name = accounts::token_name(&name).map_err(|_| {
                anyhow::anyhow!(
                    "--name must be 1 to {} characters",
                    accounts::TOKEN_NAME_MAX
                )
            })?;
            let mut conn = store::ConnectionManager::new(&settings.database_url).establish()?;
            store::migrate(&mut conn)?;
            let token = accounts::create_api_token(&mut conn, &name)?;
            println!("API token {name:?} created; it is shown only this once:");
            println!("{token}");
            Ok(())
        }
        Command::Organizer {
            command: OrganizerCommand::Add { email },
        } => {
            let mut conn = store::ConnectionManager::new(&settings.database_url).establish()?;
            store::migrate(&mut conn)?;
            let public_url = settings.public_url_for(port_of(&settings.bind));
            let link = accounts::invite_organizer(&mut conn, &email, &public_url)?;
            println!(
                "One-time link for {} to set a password (valid {} days):",
                email.trim(),
                accounts::LINK_DAYS
            );
            println!("{link}");
            Ok(())
        }
        Command::Backup { path } => {
            anyhow::ensure!(
                !path.exists(),
                "{} already exists; a backup goes to a new file",
                path.display()
            );
            let mut conn = store::ConnectionManager::new(&settings.database_url).establish()?;
            store::backup::backup_sqlite(&mut conn, &path.display().to_string())?;
            println!("backed up the database to {}", path.display());
            Ok(())
        }
    }
}

/// The port of a bind address, for links printed by commands that do not listen.
fn port_of(bind: &str) -> u16 {
    bind.rsplit_once(':')
        .and_then(|(_, port)| port.parse().ok())
        .unwrap_or(8080)
}
