"""One rush (or one run of joins) on a fresh server, with the CPU each thread used.

    python3 bench/profile.py                      # SQLite: 10,000 join, then the rush
    python3 bench/profile.py --joins-only         # time the 10,000 joins instead
    python3 bench/profile.py --perf               # and `perf record -g` the server meanwhile
    python3 bench/profile.py --database-url postgres://postgres@127.0.0.1:5432/profile
    python3 bench/profile.py --other-events 3     # on a database of 30,000 more people

It starts the release build (or BENCH_BINARY) on a new database, lets 10,000 people join an
event of 100 seats and takes their links from the emails, then runs the timed part with wrk
as bench/run does. It prints wrk's figures, the wall time, the CPU seconds wrk and each
server thread used during the timed part and the threads' read system calls (from /proc)
and, on PostgreSQL, the CPU of all PostgreSQL processes. With --perf the profile goes to
perf.data in the current folder.
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
    """CPU seconds and read system calls (on SQLite, pages read back from the file) by
    thread name, threads of one name added up."""
    figures = {}
    for task in glob.glob(f"/proc/{pid}/task/*"):
        stat = open(f"{task}/stat").read()
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        io = dict(line.split(": ") for line in open(f"{task}/io").read().splitlines())
        cpu, reads = figures.get(name, (0, 0))
        figures[name] = (cpu + (int(fields[11]) + int(fields[12])) / 100, reads + int(io["syscr"]))
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="PostgreSQL database to drop and create; SQLite when left out")
    parser.add_argument("--joins-only", action="store_true", help="time the joins instead of the rush")
    parser.add_argument("--perf", action="store_true", help="perf record the server during the timed part")
    parser.add_argument("--other-events", type=int, default=0, metavar="N",
                        help="first let 10,000 people join each of N other events, for a bigger database")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp()
    if args.database_url:
        bench.reset_postgres(args.database_url)
        url = args.database_url
    else:
        url = f"sqlite://{workdir}/profile.db"
    server = bench.Server(url, workdir)
    pid = server.process.pid
    for n in range(args.other_events):
        server.create_event(f"other-{n}", 100)
        bench.join_all(server, f"other-{n}", f"o{n}-")
    server.create_event("rush", 100)
    if not args.joins_only:
        bench.join_all(server, "rush", "r-")
        tokens = bench.wait_for_tokens(server.outbox, "r-", bench.PEOPLE)
        token_file = os.path.join(workdir, "tokens.txt")
        with open(token_file, "w") as out:
            out.write("\n".join(tokens.values()) + "\n")

    before, postgres_before = thread_figures(pid), postgres_cpu_seconds()
    perf = None
    if args.perf:
        perf = subprocess.Popen(["perf", "record", "-F", "999", "-g", "-p", str(pid), "-o", "perf.data"],
                                stderr=subprocess.DEVNULL)
        time.sleep(1)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    if args.joins_only:
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
    if not perf:
        print(f"wrk: {load_generator:.2f} s CPU")
    if args.database_url:
        print(f"PostgreSQL processes: {postgres_cpu_seconds() - postgres_before:.2f} s CPU")
    used = {name: (cpu - before.get(name, (0, 0))[0], reads - before.get(name, (0, 0))[1])
            for name, (cpu, reads) in after.items()}
    for name, (cpu, reads) in sorted(used.items(), key=lambda item: -item[1][0]):
        if cpu >= 0.01:
            print(f"  {name}: {cpu:.2f} s CPU, {reads} reads")
    if not args.joins_only:
        print(bench.check_rush(server, "rush"))
    server.stop()


if __name__ == "__main__":
    main()
