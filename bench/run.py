"""Load scenarios for registrar, measured with wrk; see bench/README.md.

Each scenario runs several times against a fresh event and reports the median of the
runs: requests/s, p50 and p99 latency, errors; the server's peak RSS is read from /proc.
"""

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
# BENCH_BINARY compares another build (an earlier commit, say) under the same conditions.
BINARY = Path(os.environ.get("BENCH_BINARY", TARGET / "release" / "registrar"))
THREADS = 2
CONNECTIONS = 256
PEOPLE = 10_000


class Server:
    def __init__(self, database_url, workdir):
        self.workdir = Path(workdir)
        self.outbox = self.workdir / "outbox"
        env = dict(os.environ)
        env.update({
            "DATABASE_URL": database_url,
            "REGISTRAR_BIND": "127.0.0.1:0",
            "REGISTRAR_OUTBOX_DIR": str(self.outbox),
            "REGISTRAR_RATE_LIMITS": "off",
            "REGISTRAR_DEMO": "false",
            "RUST_LOG": os.environ.get("RUST_LOG", "warn"),
        })
        env.pop("REGISTRAR_SMTP_URL", None)
        token = subprocess.run([BINARY, "token", "create", "--name", "bench"], env=env,
                               capture_output=True, text=True, check=True)
        self.token = token.stdout.strip().splitlines()[-1].strip()
        self.process = subprocess.Popen([BINARY], env=env, stdout=subprocess.PIPE, text=True)
        for line in self.process.stdout:
            if line.startswith("registrar listening on "):
                self.base = line.split()[-1]
                break
        else:
            raise SystemExit("the server did not start")
        self.cookie = self.dashboard_cookie(env)

    def dashboard_cookie(self, env):
        """Signs a bench organizer in to the dashboard; returns the session cookie."""
        import http.cookiejar
        import urllib.parse
        add = subprocess.run([BINARY, "organizer", "add", "bench@example.org"], env=env,
                             capture_output=True, text=True, check=True)
        link = add.stdout.strip().splitlines()[-1].strip()
        path = urllib.parse.urlparse(link).path
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(self.base + path).read().decode()
        fields = {"password": "bench-password-1", "repeat": "bench-password-1"}
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        if csrf:
            fields["csrf"] = csrf.group(1)
        form = urllib.parse.urlencode(fields).encode()
        opener.open(urllib.request.Request(self.base + path, data=form, method="POST")).read()
        cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
        if not cookies:
            raise SystemExit("could not sign in to the dashboard")
        return cookies

    def call(self, method, path, body=None, organizer=False):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if organizer:
            request.add_header("Authorization", f"Bearer {self.token}")
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read().decode()
            return json.loads(text) if text and text[0] in "{[" else text

    def create_event(self, slug, in_person, phase="open"):
        starts = time.strftime("%Y-%m-%dT09:00:00+01:00", time.gmtime(time.time() + 60 * 86400))
        ends = starts.replace("T09:", "T17:")
        return self.call("POST", "/api/v1/events", {
            "slug": slug, "title": f"Bench {slug}", "starts_at": starts, "ends_at": ends,
            "timezone": "Europe/Amsterdam", "venue": "Room 1", "in_person_capacity": in_person,
            "virtual_capacity": 0, "phase": phase,
        }, organizer=True)

    def memory_mib(self, field):
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(field + r":\s+(\d+) kB", status).group(1)) / 1024

    def peak_rss_mib(self):
        return self.memory_mib("VmHWM")

    def note_memory(self, after):
        """Prints the memory after a scenario, to tell which one sets the peak."""
        print(f"    after {after}: RSS {self.memory_mib('VmRSS'):.1f} MiB, "
              f"peak {self.peak_rss_mib():.1f} MiB", file=sys.stderr)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(base, path, script=None, env=None, duration="5s"):
    """One wrk run; scripts that stop after a fixed number of answers end it early."""
    combined = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    if script:
        combined.write((BENCH / script).read_text())
    combined.write((BENCH / "report.lua").read_text())
    combined.close()
    with tempfile.TemporaryDirectory() as done_dir:
        run_env = dict(os.environ, BENCH_THREADS=str(THREADS), BENCH_DONE_DIR=done_dir, **(env or {}))
        process = subprocess.Popen(["wrk", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", duration,
                                    "--timeout", "10s", "-s", combined.name, base + path],
                                   env=run_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # wrk sleeps out its whole duration even when every thread has stopped; an
        # interrupt ends the sleep and it reports at once.
        while process.poll() is None:
            if len(os.listdir(done_dir)) >= THREADS:
                process.send_signal(signal.SIGINT)
                break
            time.sleep(0.05)
        out, err = process.communicate()
    os.unlink(combined.name)
    lines = [l for l in out.splitlines() if l.startswith("{")]
    if not lines:
        raise SystemExit(f"wrk failed: {err}")
    return json.loads(lines[-1])


def tokens_of(outbox, prefix):
    """email -> personal token, from the .eml files the server wrote."""
    found = {}
    for path in outbox.glob("*.eml"):
        raw = path.read_text().replace("\r\n", "\n")
        to = re.search(r"^To: (.*)$", raw, re.M).group(1).strip().strip("<>")
        if not to.startswith(prefix):
            continue
        body = raw.replace("=\n", "")
        match = re.search(r"/r/([A-Za-z0-9_-]{22,})", body)
        if match:
            found[to] = match.group(1)
    return found


def wait_for_tokens(outbox, prefix, count, timeout=300):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = tokens_of(outbox, prefix)
        if len(found) >= count:
            return found
        time.sleep(1)
    raise SystemExit(f"only {len(found)} of {count} emails arrived")


def wait_for_delivery(server, timeout=600):
    """Waits until the outbox holds no pending email, so that a scenario is not timed while
    the mail worker delivers the emails of the one before."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.call("GET", "/api/v1/outbox?status=pending", organizer=True)["total"] == 0:
            return
        time.sleep(0.5)
    raise SystemExit("emails were still pending after the scenario")


def join_all(server, slug, prefix, form=False):
    env = {"BENCH_SLUG": slug, "BENCH_LIMIT": str(PEOPLE), "BENCH_PREFIX": prefix,
           "BENCH_FORM": "1" if form else "0"}
    return wrk(server.base, "/", "join.lua", env, duration="120s")


def check_rush(server, slug):
    time.sleep(1)  # confirmations still in flight when wrk stopped
    event = server.call("GET", f"/api/v1/events/{slug}", organizer=True)
    waiting = server.call("GET", f"/api/v1/events/{slug}/registrations?status=waitlisted", organizer=True)["registrations"]
    positions = sorted(r["position"] for r in waiting)
    held = event["seats"]["in_person"]["held"]
    pending = server.call("GET", f"/api/v1/events/{slug}/registrations?status=pending_email", organizer=True)["registrations"]
    ok = held == 100 and not pending and positions == list(range(1, PEOPLE - 100 + 1))
    return {"held": held, "waiting": len(waiting), "pending": len(pending), "positions_ok": positions == list(range(1, len(waiting) + 1)), "ok": ok}


def scenario_runs(server, runs, backend, only=None):
    wanted = lambda name: only is None or name in only
    results = {name: [] for name in ["healthz", "event_page", "join_api", "rush", "join_form", "registrations"]}
    checks = []
    server.create_event("page", 100)
    for run in range(runs):
        if wanted("healthz"):
            results["healthz"].append(wrk(server.base, "/healthz"))
            server.note_memory("healthz")
        if wanted("event_page"):
            results["event_page"].append(wrk(server.base, "/events/page"))
            server.note_memory("event page")

        if wanted("join_api"):
            slug = f"join-{run}"
            server.create_event(slug, 100)
            results["join_api"].append(join_all(server, slug, f"j{run}-"))
            server.note_memory("API join")

        slug = f"rush-{run}"
        server.create_event(slug, 100)
        if wanted("rush") or wanted("registrations"):
            join_all(server, slug, f"r{run}-")
            tokens = wait_for_tokens(server.outbox, f"r{run}-", PEOPLE)
            server.note_memory("joins before the rush, their emails sent")
            token_file = server.workdir / f"tokens-{run}.txt"
            token_file.write_text("\n".join(tokens.values()) + "\n")
            results["rush"].append(wrk(server.base, "/", "confirm.lua", {"BENCH_TOKENS": str(token_file)}, duration="120s"))
            checks.append(check_rush(server, slug))
            server.note_memory("rush")

        if wanted("join_form"):
            slug = f"form-{run}"
            server.create_event(slug, 100)
            results["join_form"].append(join_all(server, slug, f"f{run}-", form=True))
            server.note_memory("form join")

        if wanted("registrations"):
            wait_for_delivery(server)
            results["registrations"].append(wrk(server.base, "/organizer/events/rush-0/registrations", "organizer.lua",
                                                {"BENCH_COOKIE": server.cookie}))
            server.note_memory("dashboard page")
        print(f"  {backend} run {run + 1}/{runs} done", file=sys.stderr)
    return results, checks


def median(values, key):
    return statistics.median(v[key] for v in values)


def main():
    global PEOPLE
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="comma-separated scenarios, e.g. healthz,rush")
    parser.add_argument("--people", type=int, default=10_000,
                        help="people each scenario that creates people creates (default 10,000)")
    args = parser.parse_args()
    PEOPLE = args.people
    backends = [("SQLite", None)]
    if os.environ.get("BENCH_DATABASE_URL"):
        backends.append(("PostgreSQL", os.environ["BENCH_DATABASE_URL"]))
    labels = {
        "healthz": "1. GET /healthz",
        "event_page": "2. GET /events/{slug}",
        "join_api": f"3. POST entries, {PEOPLE:,} addresses",
        "rush": f"4. rush: {PEOPLE:,} confirm for 100 seats",
        "join_form": f"5. POST join form, {PEOPLE:,} addresses",
        "registrations": f"6. dashboard registrations page, {PEOPLE:,} people",
    }
    for name, url in backends:
        with tempfile.TemporaryDirectory(dir="/var/tmp") as workdir:
            if url is None:
                url = str(Path(workdir) / "bench.db")
            else:
                reset_postgres(url)
            server = Server(url, workdir)
            try:
                only = set(args.only.split(",")) if args.only else None
                results, checks = scenario_runs(server, args.runs, name, only)
                rss = server.peak_rss_mib()
            finally:
                server.stop()
        ceiling = median(results["healthz"], "rps") if results["healthz"] else None
        print(f"\n### {name} ({args.runs} runs, median; {THREADS} wrk threads, {CONNECTIONS} connections)\n")
        print("| scenario | requests/s | % of /healthz | p50 ms | p99 ms | errors |")
        print("|---|---:|---:|---:|---:|---:|")
        for key, label in labels.items():
            values = results[key]
            if not values:
                continue
            rps = median(values, "rps")
            share = f"{100 * rps / ceiling:.0f} %" if ceiling else "-"
            errors = sum(v["errors"] for v in values)
            print(f"| {label} | {rps:,.0f} | {share} | {median(values, 'p50_ms'):.2f} | {median(values, 'p99_ms'):.2f} | {errors} |")
        print("\nEach run's requests/s, in order (the database grows from run to run):")
        for key, label in labels.items():
            if results[key]:
                print(f"- {label}: " + " / ".join(f"{v['rps']:,.0f}" for v in results[key]))
        print(f"\nPeak RSS of the server: {rss:.1f} MiB")
        print(f"Rush checks (held, waiting, positions 1..n): {json.dumps(checks)}")


def reset_postgres(url):
    """A fresh database named by the URL (dropped and created again)."""
    base, name = url.rsplit("/", 1)
    admin = base + "/postgres"
    for statement in [f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"]:
        subprocess.run(["psql", admin, "-q", "-c", statement], check=True)


if __name__ == "__main__":
    main()
