use clap::Parser;

fn main() -> std::process::ExitCode {
    tune_allocator();
    let command = registrar::cli::Cli::parse().command();
    registrar::telemetry::init(command.log_format() == registrar::config::LogFormat::Json);
    match registrar::cli::run(command) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("registrar: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// glibc gives threads that allocate at the same time arenas of their own, up to eight per
/// core, and each arena keeps the peak of what was freed in it; a rush touches every
/// thread at once, so two arenas keep the server's memory near half (bench/README.md,
/// "Why the code is as it is").
///
/// Blocks of 256 KiB and more are mapped apart and given back when freed. By default
/// glibc raises that bound to the largest such block once it is freed, after which large
/// blocks come from the arenas and stay there; a fixed bound keeps them out.
///
/// An operator's own `MALLOC_ARENA_MAX` or `MALLOC_MMAP_THRESHOLD_` wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: mallopt only sets tunables of the allocator; this runs first in main,
    // before any other thread could allocate.
    unsafe {
        if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
