"""The supply part of a benchmark run, as text."""

from typing import Any


def timing(row: dict[str, float]) -> str:
    return f"median {row['median_ms']} ms, p95 {row['p95_ms']} ms (n={row['n']})"


def supply_lines(supply: dict[str, Any]) -> list[str]:
    base = supply["baseline"]
    ours = supply["needs_and_gap"]["median_ms"] / 1000
    spreadsheet = base["export_seconds"] + base["loop_seconds"]
    lines = [
        f"Supply: {supply['sites']} sites, {supply['warehouses']} warehouses, "
        f"{supply['movements']:,} ledger movements written in {supply['ledger_seconds']:.1f} s",
        f"  needs (compute_needs)              {timing(supply['needs'])}",
        f"  gap (stock and pipeline)           {timing(supply['gap'])}",
        f"  needs and gap together             {timing(supply['needs_and_gap'])}",
    ]
    if load := supply.get("load_average"):
        lines.append(f"  load average after the timings (1, 5, 15 min): {load}")
    if page := supply.get("page"):
        lines.append(f"  gap page GET /needs/               {timing(page)}")
    lines += [
        f"  balances from the ledger (SUM)     {timing(supply['ledger_balances'])}, "
        f"{supply['stock_lines']:,} stock lines",
        f"  balances as kept (balance rows)    {timing(supply['kept_balances'])}",
        f"  baseline: CSV export {base['export_seconds']} s + per-person loop "
        f"{base['loop_seconds']} s; same figures: {base['same_figures']} ({base['figures']}); "
        f"ratio baseline/Waypost {spreadsheet / ours:.1f}",
    ]
    return lines
