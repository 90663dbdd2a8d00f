use clap::Parser;

fn main() -> std::process::ExitCode {
    registrar::telemetry::init();
    match registrar::cli::run(registrar::cli::Cli::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("registrar: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
