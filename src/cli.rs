//! The command line (API.md, "Command line"): serve, migrate, token create, organizer add,
//! backup.

use clap::{Parser, Subcommand};

use crate::config::{Address, Database, LogFormat, Settings};
use crate::domain::Role;
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
    /// What to do; `serve` when left out.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command, `serve` with the settings of the environment when none was given.
    pub fn command(self) -> Command {
        self.command
            .unwrap_or_else(|| match Cli::parse_from(["registrar", "serve"]).command {
                Some(serve) => serve,
                None => unreachable!("serve was given"),
            })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve(Settings),
    /// Apply database migrations and exit.
    Migrate(Database),
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
    Backup {
        path: std::path::PathBuf,
        #[command(flatten)]
        database: Database,
    },
}

impl Command {
    /// How this command logs.
    pub fn log_format(&self) -> LogFormat {
        match self {
            Command::Serve(settings) => settings.log_format,
            _ => LogFormat::Plain,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum OrganizerCommand {
    /// Add an organizer (or find one) and print a one-time link to set the password, alone
    /// on the last line.
    Add {
        email: String,
        #[command(flatten)]
        database: Database,
        #[command(flatten)]
        address: Address,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token; it is printed once, alone on the last line, and stored only hashed.
    Create {
        #[arg(long)]
        name: String,
        /// What the token may do: owner, organizer or check_in.
        #[arg(long, default_value = "organizer", value_parser = parse_role)]
        role: Role,
        #[command(flatten)]
        database: Database,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    text.parse()
        .map_err(|e: crate::domain::ParseError| e.to_string())
}

pub fn run(command: Command) -> anyhow::Result<()> {
    let connect = |database: &Database| -> anyhow::Result<store::DbConnection> {
        let mut conn = store::ConnectionManager::new(&database.database_url).establish()?;
        store::migrate(&mut conn)?;
        Ok(conn)
    };
    match command {
        Command::Serve(settings) => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let app = Application::build(settings).await?;
                app.run_until_stopped().await
            })
        }
        Command::Migrate(database) => {
            connect(&database)?;
            println!("migrations applied");
            Ok(())
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    name,
                    role,
                    database,
                },
        } => {
            let name = accounts::token_name(&name).map_err(|_| {
                anyhow::anyhow!(
                    "--name must be 1 to {} characters",
                    accounts::TOKEN_NAME_MAX
                )
            })?;
            let token = accounts::create_api_token(&mut connect(&database)?, &name, role)?.token;
            println!("API token {name:?} ({role}) created; it is shown only this once:");
            println!("{token}");
            Ok(())
        }
        Command::Organizer {
            command:
                OrganizerCommand::Add {
                    email,
                    database,
                    address,
                },
        } => {
            let public_url = address.public_url_for(address.port());
            // The command line is the machine's own operator: who it adds runs everything.
            let link = accounts::invite_organizer(
                &mut connect(&database)?,
                &email,
                Role::Owner,
                &public_url,
            )?;
            println!(
                "One-time link for {} to set a password (valid {} days):",
                email.trim(),
                accounts::LINK_DAYS
            );
            println!("{link}");
            Ok(())
        }
        Command::Backup { path, database } => {
            anyhow::ensure!(
                !path.exists(),
                "{} already exists; a backup goes to a new file",
                path.display()
            );
            let mut conn = store::ConnectionManager::new(&database.database_url).establish()?;
            store::backup::backup_sqlite(&mut conn, &path.display().to_string())?;
            println!("backed up the database to {}", path.display());
            Ok(())
        }
    }
}
