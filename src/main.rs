use clap::Parser;

fn main() -> std::process::ExitCode {
    tune_allocator();
    let cli = registrar::cli::Cli::parse();
    registrar::telemetry::init(cli.settings.log_format == registrar::config::LogFormat::Json);
    match registrar::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("registrar: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// glibc gives threads that allocate at the same time arenas of their own, up to eight per
/// core, and each arena keeps what is freed in it for later. A registration rush touches
/// the HTTP workers, the read threads, the writer and the mail worker at once, and their
/// arenas each kept the peak. Two arenas held the server's peak resident memory over
/// `bench/run --runs 3` at 78 to 83 MiB instead of 144 MiB, at the same throughput.
///
/// Blocks of 256 KiB and more (an event's ledger, a long list of registrations) are
/// mapped apart and given back when freed. By default glibc raises that bound to the
/// largest such block once it is freed, after which the writer's copy of a ledger in every
/// batch of a rush came from the arenas, which grew by about 10 MiB per rush. A fixed bound
/// keeps the peak over three runs at 62 MiB instead of 75 MiB.
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
