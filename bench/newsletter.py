"""One newsletter issue to 10,000 confirmed subscribers, timed until a local SMTP server
holds every email.

    /usr/bin/python3 bench/newsletter.py                      # the release build, SQLite
    /usr/bin/python3 bench/newsletter.py --subscribers 1000 --quick-ack
    /usr/bin/python3 bench/newsletter.py --runs 3 /path/to/registrar

Each run starts a counting SMTP server (aiosmtpd, as bench/smtp.py) and the server on a
fresh SQLite database pointing at it, writes the confirmed subscribers straight into the
database (their sign-up is not what is measured), and sends one
`POST /api/v1/newsletter/issues`. It reports the seconds from that request until the SMTP
server has received every email, how long the request itself took (recording the issue
and queueing one email per subscriber in one transaction), and the SMTP sessions used.
See bench/smtp.py for why `--quick-ack` matters with lettre 0.11.23.
"""

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402
import smtp  # noqa: E402


def one_run(binary, subscribers, quick_ack):
    workdir = tempfile.mkdtemp()
    path = f"{workdir}/newsletter.db"
    counter = smtp.Counter(subscribers)
    port = smtp.free_port()
    controller = (smtp.QuickAckController if quick_ack else smtp.Controller)(
        counter, hostname="127.0.0.1", port=port)
    controller.start()
    process, base, token = smtp.start_server(binary, f"sqlite://{path}", workdir, port)
    try:
        with sqlite3.connect(path, timeout=30) as db:
            db.executemany(
                "INSERT INTO newsletter_subscribers (email, confirmed_at, created_at) "
                "VALUES (?, '2026-01-01 10:00:00', '2026-01-01 09:00:00')",
                [(f"s{i:06}@example.org",) for i in range(subscribers)])
        server = smtp.Api(base, token)
        started = time.monotonic()
        answer = server.call("POST", "/api/v1/newsletter/issues",
                             {"subject": "Next webinar", "body": "Our **next** webinar: S07E04."},
                             organizer=True)
        answered = time.monotonic() - started
        if not counter.all_in.wait(timeout=1800):
            raise SystemExit(f"only {counter.messages} of {subscribers} emails arrived within 1800 s")
        return {"seconds": counter.last_at - started, "request": answered,
                "sessions": counter.sessions, "messages": counter.messages, "answer": answer}
    finally:
        process.terminate()
        process.wait(timeout=30)
        controller.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binaries", nargs="*", help="registrar binaries to alternate between")
    parser.add_argument("--runs", type=int, default=1, help="runs of each binary (1)")
    parser.add_argument("--subscribers", type=int, default=10000, help="confirmed subscribers (10,000)")
    parser.add_argument("--quick-ack", action="store_true", help="the SMTP server acknowledges every segment at once")
    args = parser.parse_args()
    binaries = args.binaries or [str(bench.BINARY)]
    results = {binary: [] for binary in binaries}
    for n in range(args.runs):
        for binary in binaries:
            result = one_run(binary, args.subscribers, args.quick_ack)
            results[binary].append(result)
            print(f"run {n + 1} {binary}: {result['seconds']:.2f} s until all {result['messages']} "
                  f"emails were in, in {result['sessions']} SMTP sessions "
                  f"(the request took {result['request']:.2f} s)", flush=True)
    for binary, runs in results.items():
        print(f"{binary}: median {statistics.median(r['seconds'] for r in runs):.2f} s")


if __name__ == "__main__":
    main()
