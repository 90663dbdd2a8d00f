"""One invitation to 1,000 people, timed until a local SMTP server holds all 1,000 emails.

    /usr/bin/python3 bench/smtp.py                       # 5 runs of the release build, SQLite
    /usr/bin/python3 bench/smtp.py --runs 3 --people 500
    /usr/bin/python3 bench/smtp.py --runs 5 /tmp/registrar-a /tmp/registrar-b   # alternating
    /usr/bin/python3 bench/smtp.py --database-url postgres://postgres@127.0.0.1:5432/smtp
    /usr/bin/python3 bench/smtp.py --quick-ack          # the SMTP server acknowledges at once

Each run starts a counting SMTP server (aiosmtpd, Debian's python3-aiosmtpd, hence the
system Python) on a free port of 127.0.0.1 and the server on a fresh database with
REGISTRAR_SMTP_URL pointing at it, creates an open event with a seat for everyone, and
sends one `POST /api/v1/events/{slug}/invitations` with all the invitees. It reports the
seconds from that request until the SMTP server has received every email, how long the
request itself took, and how many SMTP sessions (EHLO) the emails came in. With several
binaries (default: BENCH_BINARY, else the release build of bench/run) the runs alternate
between them, so a change of the machine's speed during the sitting touches each alike;
the medians are printed per binary at the end.

lettre 0.11.23 writes the end of each message (`\r\n.\r\n`) apart from its body on a
socket without TCP_NODELAY, so Nagle's algorithm holds it until the server acknowledges
the body, which Linux delays by 40 ms: about 40 ms a message over loopback, whatever
else changes. With --quick-ack the SMTP server acknowledges every segment at once
(TCP_QUICKACK after each read), which takes that stall out and leaves what the sending
itself costs.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP
except ImportError:
    raise SystemExit("bench/smtp.py needs aiosmtpd: apt-get install python3-aiosmtpd, "
                     "then run it with /usr/bin/python3")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402


class Counter:
    """An aiosmtpd handler that keeps nothing but counts: sessions, and messages until the
    expected number is in."""

    def __init__(self, expected):
        self.expected = expected
        self.sessions = 0
        self.messages = 0
        self.all_in = threading.Event()
        self.last_at = None

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.sessions += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        if self.messages >= self.expected:
            self.last_at = time.monotonic()
            self.all_in.set()
        return "250 OK"


class Api:
    """bench/run's API client and event, for a server started here."""
    call = bench.Server.call
    create_event = bench.Server.create_event

    def __init__(self, base, token):
        self.base, self.token = base, token


class QuickAckSMTP(SMTP):
    """Acknowledges each segment at once; Linux clears TCP_QUICKACK by itself, so it is set
    again after every read."""

    def data_received(self, data):
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        super().data_received(data)


class QuickAckController(Controller):
    def factory(self):
        return QuickAckSMTP(self.handler, **self.SMTP_kwargs)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(binary, database_url, workdir, smtp_port):
    """The server on `database_url`, sending through the SMTP server on `smtp_port`;
    returns the process, its address and an organizer API token."""
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": database_url,
        "REGISTRAR_BIND": "127.0.0.1:0",
        "REGISTRAR_OUTBOX_DIR": str(Path(workdir) / "outbox"),
        "REGISTRAR_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
        "REGISTRAR_RATE_LIMITS": "off",
        "REGISTRAR_DEMO": "false",
        "RUST_LOG": os.environ.get("RUST_LOG", "warn"),
    })
    token = subprocess.run([binary, "token", "create", "--name", "bench"], env=env,
                           capture_output=True, text=True, check=True)
    token = token.stdout.strip().splitlines()[-1].strip()
    process = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if line.startswith("registrar listening on "):
            # Keep reading, so the server never blocks on a full pipe.
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process, line.split()[-1], token
    raise SystemExit(f"{binary} did not start")


def one_run(binary, people, database_url, quick_ack):
    workdir = tempfile.mkdtemp()
    if database_url:
        bench.reset_postgres(database_url)
        url = database_url
    else:
        url = f"sqlite://{workdir}/smtp.db"
    counter = Counter(people)
    port = free_port()
    controller = (QuickAckController if quick_ack else Controller)(counter, hostname="127.0.0.1", port=port)
    controller.start()
    process, base, token = start_server(binary, url, workdir, port)
    try:
        server = Api(base, token)
        server.create_event("smtp", people)
        invitees = [{"email": f"p{i:05}@example.org", "name": f"Person {i}", "mode": "in_person"}
                    for i in range(people)]
        started = time.monotonic()
        server.call("POST", "/api/v1/events/smtp/invitations", {"invitees": invitees}, organizer=True)
        answered = time.monotonic() - started
        if not counter.all_in.wait(timeout=900):
            raise SystemExit(f"only {counter.messages} of {people} emails arrived within 900 s")
        return {"seconds": counter.last_at - started, "request": answered,
                "sessions": counter.sessions, "messages": counter.messages}
    finally:
        process.terminate()
        process.wait(timeout=30)
        controller.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binaries", nargs="*", help="registrar binaries to alternate between")
    parser.add_argument("--runs", type=int, default=5, help="runs of each binary (5)")
    parser.add_argument("--people", type=int, default=1000, help="invitees in the one call (1,000)")
    parser.add_argument("--database-url", help="PostgreSQL database to drop and create before each run")
    parser.add_argument("--quick-ack", action="store_true", help="the SMTP server acknowledges every segment at once")
    args = parser.parse_args()
    binaries = args.binaries or [str(bench.BINARY)]
    results = {binary: [] for binary in binaries}
    for n in range(args.runs):
        for binary in binaries:
            result = one_run(binary, args.people, args.database_url, args.quick_ack)
            results[binary].append(result)
            print(f"run {n + 1} {binary}: {result['seconds']:.2f} s until all {result['messages']} "
                  f"emails were in, in {result['sessions']} SMTP sessions "
                  f"(the request took {result['request']:.2f} s)", flush=True)
    for binary, runs in results.items():
        seconds = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        print(f"{binary}: median {statistics.median(r['seconds'] for r in runs):.2f} s "
              f"({seconds}); median {statistics.median(r['sessions'] for r in runs):.0f} sessions")


if __name__ == "__main__":
    main()
