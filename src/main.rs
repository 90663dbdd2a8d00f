use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = registrar::cli::Cli::parse();
    registrar::telemetry::init(cli.settings.log_format == "json");
    match registrar::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("registrar: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
