"""Redemption benchmark: distribution points handing out against the real server on PostgreSQL.

    python -m benchmarks.distribution.redeem [--workers 2] [--threads 8] [--seconds 15]
        [--json FILE]

A fresh PostgreSQL database (WAYPOST_BENCH_DATABASE_URL, default `waypost_bench_redeem`,
dropped and created again) gets a camp, an approved plan and a card per household
(`redeem_setup`). `waypost serve` (gunicorn) serves it on loopback and wrk, with 50 connections
standing for 50 points, posts `POST /api/distribution/redemptions` (`redeem_load.lua`):

1. throughput: every request a different card, back to back;
2. paced: the same, each connection pausing between requests, for latency below saturation;
3. race: 20,000 attempts where all 50 connections send the same card at once, 400 cards;
   afterwards the database is counted: redemptions per entitlement, issue movements, stock.

Side by side, in the same run: the same endpoint with a naive check-then-insert and the unique
constraint dropped (`naive_wsgi`), on its own 400 cards — what a first version without the
database's guarantee does. A paper list or a spreadsheet tick has no figure to compare with.
"""

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from benchmarks.databases import POSTGRESQL, fresh_database, postgres_problem
from benchmarks.distribution.redeem_report import count_race, report
from benchmarks.machine import describe_machine

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "redeem_load.lua"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/waypost_bench_redeem"
PORT = 8731
CONNECTIONS = 50  # one per distribution point
THREADS = 2  # one per core: wrk is light, but shares the machine with the server
RACE_CARDS = 400
RACE_ATTEMPTS = 20_000
# The races stop at 20,000 attempts or at this many seconds, whichever comes first; the naive
# one needs only long enough to show what it lets through.
RACE_SECONDS = 300
NAIVE_SECONDS = 120
PAUSE_MS = 180  # paced run: each point sends again 180 ms after its answer
POOLS = {
    "warmup": 1500,
    "throughput": 12_000,
    "paced": 6000,
    "race": RACE_CARDS,
    "naive_race": RACE_CARDS,
}


def python_module(*args: str) -> list[str]:
    return [sys.executable, "-m", *args]


def cpu_seconds(group: int) -> float:
    """CPU time (user + system) used so far by the processes of one process group."""
    found = subprocess.run(["pgrep", "-g", str(group)], capture_output=True, text=True)  # noqa: S603, S607
    total = 0
    for pid in found.stdout.split():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


SERVER_GROUP: list[int] = []  # the running server's process group, for its CPU time


@contextmanager
def serving(command: list[str], env: dict[str, str]) -> Iterator[str]:
    """Run a server in its own process group until the block ends; yields its base URL."""
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.3)
        time.sleep(1.5)  # every worker booted, not only the first
        SERVER_GROUP[:] = [server.pid]
        yield f"http://127.0.0.1:{PORT}/api/distribution/redemptions"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def _pool_args(folder: Path, setup: dict[str, Any], pool: str, mode: str) -> list[str]:
    """The script's first arguments: the cards, the mode, the plan, the points, the session."""
    points = ",".join(str(p) for p in setup["points"])
    path = str(folder / f"{pool}.txt")
    return [path, mode, setup["plan"], points, setup["session"], setup["csrf"]]


def wrk(
    url: str,
    folder: Path,
    setup: dict[str, Any],
    pool: str,
    *,
    mode: str = "unique",
    seconds: int = 15,
    pause_ms: int = 0,
    limit: int = 0,
    connections: int = CONNECTIONS,
) -> dict[str, Any]:
    options = [f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    script = [str(pause_ms), str(limit), str(connections // THREADS), str(THREADS)]
    command = [
        "wrk",
        *options,
        "-s",
        str(SCRIPT),
        url,
        "--",
        *_pool_args(folder, setup, pool, mode),
        *script,
    ]
    cpu_before = cpu_seconds(SERVER_GROUP[0])
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    result: dict[str, Any] = json.loads(line.removeprefix("RESULT "))
    result["per_second"] = round(result["requests"] / result["seconds"], 1)
    result["created_per_second"] = round(result["created"] / result["seconds"], 1)
    server_cpu = cpu_seconds(SERVER_GROUP[0]) - cpu_before
    result["server_cpu_ms_per_request"] = round(1000 * server_cpu / max(result["requests"], 1), 1)
    return result


def race(
    url: str, folder: Path, setup: dict[str, Any], pool: str, *, seconds: int
) -> dict[str, Any]:
    # Each thread stops after its share of the 20,000 attempts, or when the time is up.
    return wrk(
        url, folder, setup, pool, mode="race", seconds=seconds, limit=RACE_ATTEMPTS // THREADS
    )


def warm_up(url: str, folder: Path, setup: dict[str, Any]) -> None:
    """Every worker imports the application on its first request: let them all do it first."""
    wrk(url, folder, setup, "warmup", seconds=20, connections=10)


def prepare(env: dict[str, str], folder: Path) -> dict[str, Any]:
    subprocess.run(python_module("django", "migrate", "--noinput", "-v0"), env=env, check=True)  # noqa: S603
    pools = ",".join(f"{name}={count}" for name, count in POOLS.items())
    subprocess.run(  # noqa: S603
        python_module(
            "benchmarks.distribution.redeem_setup", f"--out={folder}", f"--pools={pools}"
        ),
        env=env,
        check=True,
    )
    setup: dict[str, Any] = json.loads((folder / "setup.json").read_text())
    return setup


def drop_the_guarantee(database_url: str) -> None:
    with psycopg.connect(
        database_url.replace("postgres://", "postgresql://"), autocommit=True
    ) as c:
        c.execute(
            "ALTER TABLE distribution_redemption DROP CONSTRAINT one_redemption_per_entitlement"
        )


def measure(
    env: dict[str, str], folder: Path, workers: int, threads: int, seconds: int
) -> dict[str, Any]:
    setup = prepare(env, folder)
    real = python_module(
        "waypost.cli", "serve", f"--port={PORT}", f"--workers={workers}", f"--threads={threads}"
    )
    results: dict[str, Any] = {
        "workers": workers,
        "threads": threads,
        "setup": {"households": setup["households"]},
    }
    load = {"before": os.getloadavg()[0]}
    with serving(real, env) as url:
        warm_up(url, folder, setup)
        results["throughput"] = wrk(url, folder, setup, "throughput", seconds=seconds)
        results["paced"] = wrk(url, folder, setup, "paced", seconds=seconds, pause_ms=PAUSE_MS)
        results["race"] = race(url, folder, setup, "race", seconds=RACE_SECONDS)
    load["during"] = os.getloadavg()[0]
    results["race_db"] = count_race(env["DATABASE_URL"], folder / "race.txt")
    drop_the_guarantee(env["DATABASE_URL"])
    naive = python_module(
        "gunicorn",
        "benchmarks.distribution.naive_wsgi:application",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--workers",
        str(workers),
        *(["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []),
    )
    with serving(naive, env) as url:
        warm_up(url, folder, setup)
        results["naive_race"] = race(url, folder, setup, "naive_race", seconds=NAIVE_SECONDS)
    results["naive_race_db"] = count_race(env["DATABASE_URL"], folder / "naive_race.txt")
    results["load_average"] = load
    return results


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.distribution.redeem")
    # `waypost serve`'s defaults: 2 workers of 8 threads (gthread), chosen with this benchmark
    # over 5 sync workers (gunicorn's advice for sync workers, 2 per core + 1).
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--threads", type=int, default=8, help="threads per worker (more than 1: gthread)"
    )
    parser.add_argument("--seconds", type=int, default=15, help="length of each timed run")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    os.environ.setdefault("WAYPOST_BENCH_DATABASE_URL", DEFAULT_URL)
    if problem := postgres_problem():
        raise SystemExit(f"PostgreSQL is needed: {problem}")
    with fresh_database(POSTGRESQL) as env, tempfile.TemporaryDirectory() as folder:
        env |= {
            "WAYPOST_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_SETTINGS_MODULE": "waypost.settings",
        }
        results = measure(env, Path(folder), args.workers, args.threads, args.seconds)
        results["database"] = server_version(env["DATABASE_URL"])
    results["machine"] = describe_machine()
    print(report(results), flush=True)  # noqa: T201 - the benchmark's report
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return results


def server_version(database_url: str) -> str:
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as c:
        row = c.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0] if row else '?'}"


if __name__ == "__main__":
    main()
