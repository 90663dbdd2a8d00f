//! The command line (API.md, "Command line"): serve, migrate, token create.

use clap::{Parser, Subcommand};

use crate::config::Settings;
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
            let name = name.trim();
            anyhow::ensure!(
                !name.is_empty() && name.len() <= 100,
                "--name must be 1 to 100 characters"
            );
            let mut conn = store::ConnectionManager::new(&settings.database_url).establish()?;
            store::migrate(&mut conn)?;
            let token =
                store::tokens::create_api_token(&mut conn, name, chrono::Utc::now().naive_utc())?;
            println!("API token {name:?} created; it is shown only this once:");
            println!("{token}");
            Ok(())
        }
    }
}
