"""Counting what a redemption run left in the database, and printing the figures."""

from pathlib import Path
from typing import Any

import psycopg

THROUGHPUT_TARGET = 200.0  # redemptions per second (issue 5)
P99_TARGET_MS = 100.0


def count_race(database_url: str, pool: Path) -> dict[str, int]:
    """Redemptions, issue movements and doubles for the entitlements of one token pool."""
    ids = [int(line.split()[1]) for line in pool.read_text().splitlines() if line.strip()]
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as c:
        rows = c.execute(
            "SELECT entitlement_id, count(*) FROM distribution_redemption"
            " WHERE entitlement_id = ANY(%s) GROUP BY entitlement_id",
            (ids,),
        ).fetchall()
        movements = c.execute(
            "SELECT count(*) FROM distribution_redemption r"
            " JOIN stock_stockmovement m ON m.id = r.movement_id"
            " WHERE r.entitlement_id = ANY(%s) AND m.kind = 'issue'",
            (ids,),
        ).fetchone()
    per = [count for _entitlement, count in rows]
    return {
        "cards": len(ids),
        "redemptions": sum(per),
        "entitlements_redeemed": len(per),
        "double_redemptions": sum(count - 1 for count in per),
        "issue_movements": movements[0] if movements else 0,
    }


def _run_line(name: str, run: dict[str, Any]) -> str:
    return (
        f"  {name}: {run['requests']:,} requests in {run['seconds']:.1f} s ="
        f" {run['per_second']:,.0f}/s ({run['created_per_second']:,.0f} redemptions/s);"
        f" latency p50 {run['p50_ms']:.0f} ms, p90 {run['p90_ms']:.0f} ms,"
        f" p99 {run['p99_ms']:.0f} ms, max {run['max_ms']:.0f} ms;"
        f" 201 {run['created']:,}, 200 {run['replayed']:,}, 422 {run['refused']:,},"
        f" other {run['other']:,}, socket errors {run['errors']:,};"
        f" server CPU {run['server_cpu_ms_per_request']} ms per request"
    )


def _race_line(name: str, run: dict[str, Any], db: dict[str, int]) -> str:
    return (
        f"  {name}: {run['requests']:,} attempts on {db['cards']} cards in {run['seconds']:.1f} s"
        f" ({run['per_second']:,.0f}/s, p99 {run['p99_ms']:.0f} ms): answered 201"
        f" {run['created']:,}, 422 {run['refused']:,}; in the database {db['redemptions']:,}"
        f" redemptions of {db['entitlements_redeemed']:,} entitlements,"
        f" {db['double_redemptions']:,} double, {db['issue_movements']:,} issue movements"
    )


def report(r: dict[str, Any]) -> str:
    paced, full = r["paced"], r["throughput"]
    ok = paced["created_per_second"] >= THROUGHPUT_TARGET and paced["p99_ms"] <= P99_TARGET_MS
    lines = [
        f"Redemptions on {r['database']}, {r['workers']} gunicorn workers × "
        f"{r.get('threads', 1)} threads, 50 connections"
        f" (wrk, loopback), {r['setup']['households']:,} households with cards",
        _run_line("back to back", full),
        _run_line("paced (180 ms pause per point)", paced),
        f"  target ≥ {THROUGHPUT_TARGET:.0f} redemptions/s with p99 ≤ {P99_TARGET_MS:.0f} ms:"
        f" {'met' if ok else 'NOT met'} (paced run)",
        _race_line("race, unique constraint", r["race"], r["race_db"]),
        _race_line("race, naive check-then-insert", r["naive_race"], r["naive_race_db"]),
        f"  throughput in the races: constraint {r['race']['per_second']:,.0f}/s,"
        f" naive {r['naive_race']['per_second']:,.0f}/s"
        f" (ratio {r['race']['per_second'] / max(r['naive_race']['per_second'], 1):.2f})",
        f"  load average: {r['load_average']['before']:.2f} before,"
        f" {r['load_average']['during']:.2f} after the runs",
        "Machine: " + ", ".join(f"{k} {v}" for k, v in r["machine"].items()),
    ]
    return "\n".join(lines)
