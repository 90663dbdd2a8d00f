"""Soak test (not in CI): ten minutes of mixed traffic against a release build on a fresh
SQLite database (or DATABASE_URL), while people confirm their addresses from the outbox
folder and /metrics is scraped. Reports throughput, latency, errors, and the server's
resident memory over time, which should stay flat.

    cargo build --release && python3 bench/soak.py [--minutes 10]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BINARY = TARGET / "release" / "registrar"


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def call(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--write-every", type=int, default=100,
                        help="one new entry in this many requests; 0 for reads only")
    parser.add_argument("--cancel-every", type=int, default=5,
                        help="one in this many who confirm cancels again; 1 keeps the number "
                             "of registrations steady, to tell a leak from growing data")
    args = parser.parse_args()
    seconds = int(args.minutes * 60)

    work = Path(tempfile.mkdtemp(prefix="registrar-soak-"))
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", str(work / "registrar.db"))
    env.update({
        "REGISTRAR_BIND": "127.0.0.1:0",
        "REGISTRAR_OUTBOX_DIR": str(work / "outbox"),
        "REGISTRAR_RATE_LIMITS": "off",
        "REGISTRAR_DEMO": "false",
        "RUST_LOG": "warn",
    })
    env.pop("REGISTRAR_SMTP_URL", None)
    token = subprocess.run([BINARY, "token", "create", "--name", "soak"], env=env,
                           capture_output=True, text=True, check=True).stdout.split()[-1]
    server = subprocess.Popen([BINARY], env=env, stdout=subprocess.PIPE, text=True)
    base = None
    for line in server.stdout:
        if line.startswith("registrar listening on "):
            base = line.split()[-1]
            break
    if base is None:
        raise SystemExit("the server did not start")
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

    starts = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 30 * 86400))
    ends = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 30 * 86400 + 8 * 3600))
    call(base, "POST", "/api/v1/events", {
        "slug": "soak", "title": "Soak", "starts_at": starts, "ends_at": ends,
        "timezone": "Europe/Amsterdam", "venue": "Room", "in_person_capacity": 100,
        "virtual_capacity": 1000, "phase": "open"}, token)

    stop = threading.Event()
    figures = {"confirmed": 0, "side_errors": 0, "scrapes": 0}
    samples = []

    def confirmations():
        # People confirm their addresses from the emails, and some cancel again.
        done = set()
        while not stop.is_set():
            outbox = work / "outbox"
            files = sorted(outbox.glob("*.eml")) if outbox.exists() else []
            for path in files:
                if path.name in done or stop.is_set():
                    continue
                done.add(path.name)
                text = path.read_text(errors="replace").replace("=\r\n", "").replace("=\n", "")
                found = re.search(r"/r/([A-Za-z0-9_-]{22,})", text)
                if not found or "confirm your address" not in text.lower():
                    continue
                try:
                    call(base, "POST", f"/api/v1/me/{found.group(1)}/confirm-email", {})
                    figures["confirmed"] += 1
                    if figures["confirmed"] % args.cancel_every == 0:
                        call(base, "POST", f"/api/v1/me/{found.group(1)}/cancel", {})
                except urllib.error.HTTPError as error:
                    if error.code != 409:
                        figures["side_errors"] += 1
                except Exception:
                    figures["side_errors"] += 1
            stop.wait(1)

    def sampler():
        began = time.time()
        while not stop.is_set():
            try:
                status, _ = call(base, "GET", "/metrics")
                figures["scrapes"] += 1
                if status != 200:
                    figures["side_errors"] += 1
            except Exception:
                figures["side_errors"] += 1
            samples.append((round(time.time() - began), round(rss_mib(server.pid), 1)))
            stop.wait(10)

    side = [threading.Thread(target=confirmations), threading.Thread(target=sampler)]
    for thread in side:
        thread.start()
    wrk_env = dict(os.environ, BENCH_SLUG="soak", BENCH_WRITE_EVERY=str(args.write_every))
    result = subprocess.run(
        ["wrk", "-t2", f"-c{args.connections}", f"-d{seconds}s", "--latency",
         "-s", str(ROOT / "bench" / "soak.lua"), base],
        env=wrk_env, capture_output=True, text=True, check=True)
    stop.set()
    for thread in side:
        thread.join()
    # What the server holds at the end, to weigh its memory against.
    _, metrics = call(base, "GET", "/metrics")
    figures["registrations_by_state"] = {
        state: int(float(count)) for state, count in
        re.findall(r'^registrar_registrations\{state="([a-z_]+)"\} (\S+)$', metrics, re.M)}
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)

    print(result.stdout)
    first_minute = [rss for at, rss in samples if at >= 60][:1] or [samples[0][1]]
    print(json.dumps({
        "minutes": args.minutes,
        "rss_mib_over_time": samples,
        "rss_mib_after_1_min": first_minute[0],
        "rss_mib_at_end": samples[-1][1],
        "rss_mib_peak": max(rss for _, rss in samples),
        **figures,
    }, indent=1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    socket_errors = re.search(r"Socket errors: (.*)", result.stdout)
    if errors or socket_errors or figures["side_errors"]:
        sys.exit("errors during the soak")


if __name__ == "__main__":
    main()
