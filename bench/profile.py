"""One rush (or one run of joins) on a fresh server, with the CPU each thread used.

    python3 bench/profile.py                      # SQLite: 10,000 join, then the rush
    python3 bench/profile.py --joins-only         # time the 10,000 joins instead
    python3 bench/profile.py --perf               # and `perf record -g` the server meanwhile
    PERF_FREQUENCY=9999 python3 bench/profile.py --perf   # more samples (999 a second by default)
    python3 bench/profile.py --database-url postgres://postgres@127.0.0.1:5432/profile
    python3 bench/profile.py --other-events 3     # on a database of 30,000 more people
    python3 bench/profile.py --healthz            # 5 s of GET /healthz, the ceiling, instead
    python3 bench/profile.py --dashboard          # the rush untimed, then 5 s of the dashboard page
    python3 bench/profile.py --database-url … --statements   # and PostgreSQL's statements

It starts the release build (or BENCH_BINARY) on a new database, lets 10,000 people join an
event of 100 seats and takes their links from the emails, then runs the timed part with wrk
as bench/run does. It prints wrk's figures, the wall time, the CPU seconds wrk and each
server thread used during the timed part, the threads' read and write system calls (from
/proc) and, on PostgreSQL, the CPU of all PostgreSQL processes. With --perf the profile goes to
perf.data in the current folder. With --statements (PostgreSQL with pg_stat_statements in
shared_preload_libraries) it also prints the statements of the timed part that took the most
time, with their calls and rows per request.
"""

import argparse
import glob
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402


def thread_figures(pid):
    """CPU seconds, read and write system calls by thread name, threads of one name added
    up. On SQLite the reads are pages read back from the file, and the writer's writes are
    mostly log frames, two per page."""
    figures = {}
    for task in glob.glob(f"/proc/{pid}/task/*"):
        stat = open(f"{task}/stat").read()
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        io = dict(line.split(": ") for line in open(f"{task}/io").read().splitlines())
        cpu, reads, writes = figures.get(name, (0, 0, 0))
        figures[name] = (cpu + (int(fields[11]) + int(fields[12])) / 100, reads + int(io["syscr"]),
                         writes + int(io["syscw"]))
    return figures


def postgres_cpu_seconds():
    total = 0
    for path in glob.glob("/proc/[0-9]*/stat"):
        try:
            stat = open(path).read()
        except OSError:
            continue
        if "(postgres)" in stat:
            fields = stat[stat.rindex(")") + 2:].split()
            total += (int(fields[11]) + int(fields[12])) / 100
    return total


def statements_reset(url):
    subprocess.run(["psql", url, "-qAt", "-c", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"], check=True)
    subprocess.run(["psql", url, "-qAt", "-c", "SELECT pg_stat_statements_reset()"], check=True,
                   stdout=subprocess.DEVNULL)


def statements_report(url, requests, top=15):
    """The statements of the timed part with the most time in all, one line each."""
    query = ("SELECT calls, rows, round(total_exec_time::numeric, 1), "
             "regexp_replace(left(query, 160), '\\s+', ' ', 'g') FROM pg_stat_statements "
             "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
             f"ORDER BY total_exec_time DESC LIMIT {top}")
    out = subprocess.run(["psql", url, "-qAt", "-F", "\t", "-c", query], check=True,
                         capture_output=True, text=True).stdout
    totals = subprocess.run(["psql", url, "-qAt", "-c",
                             "SELECT sum(calls), round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements "
                             "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"],
                            check=True, capture_output=True, text=True).stdout.strip().split("|")
    print(f"PostgreSQL statements: {totals[0]} calls ({int(totals[0]) / requests:.2f} per request), "
          f"{totals[1]} ms of execution in all")
    for line in out.splitlines():
        calls, rows, ms, text = line.split("\t", 3)
        print(f"  {int(calls) / requests:6.3f} calls/req {int(rows) / requests:8.2f} rows/req {ms:>9} ms  {text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="PostgreSQL database to drop and create; SQLite when left out")
    parser.add_argument("--joins-only", action="store_true", help="time the joins instead of the rush")
    parser.add_argument("--healthz", action="store_true", help="time 5 s of GET /healthz instead of the rush")
    parser.add_argument("--dashboard", action="store_true",
                        help="run the rush untimed, then time 5 s of the dashboard's registrations page")
    parser.add_argument("--perf", action="store_true", help="perf record the server during the timed part")
    parser.add_argument("--statements", action="store_true",
                        help="PostgreSQL: the statements of the timed part, from pg_stat_statements")
    parser.add_argument("--other-events", type=int, default=0, metavar="N",
                        help="first let as many people (--people) join each of N other events, for a bigger database")
    parser.add_argument("--people", type=int, default=bench.PEOPLE,
                        help="people who join the timed event (default 10,000)")
    args = parser.parse_args()
    if args.statements and not args.database_url:
        parser.error("--statements needs --database-url (PostgreSQL)")
    bench.PEOPLE = args.people

    workdir = tempfile.mkdtemp()
    if args.database_url:
        bench.reset_postgres(args.database_url)
        url = args.database_url
    else:
        url = f"sqlite://{workdir}/profile.db"
    server = bench.Server(url, workdir)
    # A failure must not leave the server running: it would hold the ports, and the
    # output pipe of whoever started this script.
    try:
        pid = server.process.pid
        for n in range(args.other_events):
            server.create_event(f"other-{n}", 100)
            bench.join_all(server, f"other-{n}", f"o{n}-")
        server.create_event("rush", 100)
        if not (args.joins_only or args.healthz):
            bench.join_all(server, "rush", "r-")
            tokens = bench.wait_for_tokens(server.outbox, "r-", bench.PEOPLE)
            token_file = os.path.join(workdir, "tokens.txt")
            with open(token_file, "w") as out:
                out.write("\n".join(tokens.values()) + "\n")
        if args.dashboard:
            bench.wrk(server.base, "/", "confirm.lua", {"BENCH_TOKENS": token_file}, duration="120s")
            bench.wait_for_delivery(server)

        if args.statements:
            statements_reset(args.database_url)
        before, postgres_before = thread_figures(pid), postgres_cpu_seconds()
        perf = None
        if args.perf:
            perf = subprocess.Popen(["perf", "record", "-F", os.environ.get("PERF_FREQUENCY", "999"), "-g", "-p", str(pid), "-o", "perf.data"],
                                    stderr=subprocess.DEVNULL)
            time.sleep(1)
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.time()
        if args.healthz:
            result = bench.wrk(server.base, "/healthz")
        elif args.dashboard:
            result = bench.wrk(server.base, "/organizer/events/rush/registrations", "organizer.lua",
                               {"BENCH_COOKIE": server.cookie})
        elif args.joins_only:
            result = bench.join_all(server, "rush", "j-")
        else:
            result = bench.wrk(server.base, "/", "confirm.lua", {"BENCH_TOKENS": token_file}, duration="120s")
        wall = time.time() - started
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        load_generator = sum(getattr(children_after, f) - getattr(children_before, f) for f in ("ru_utime", "ru_stime"))
        if perf:
            perf.send_signal(2)
            perf.wait()
        after = thread_figures(pid)

        print(result)
        print(f"wall {wall:.2f} s (2 cores: {2 * wall:.2f} s of CPU to share)")
        requests = result["requests"]
        if not perf:
            print(f"wrk: {load_generator:.2f} s CPU, {1e6 * load_generator / requests:.1f} µs per request")
        if args.database_url:
            print(f"PostgreSQL processes: {postgres_cpu_seconds() - postgres_before:.2f} s CPU")
        if args.statements:
            statements_report(args.database_url, requests)
        used = {}
        for name, figures in after.items():
            earlier = before.get(name, (0, 0, 0))
            used[name] = tuple(now - then for now, then in zip(figures, earlier))
        for name, (cpu, reads, writes) in sorted(used.items(), key=lambda item: -item[1][0]):
            if cpu >= 0.01:
                print(f"  {name}: {cpu:.2f} s CPU ({1e6 * cpu / requests:.1f} µs per request), "
                      f"{reads} reads, {writes} writes")
        if not (args.joins_only or args.healthz or args.dashboard):
            print(bench.check_rush(server, "rush"))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
