"""The gap table as CSV, for the spreadsheets partners ask for."""

import csv
import io

from waypost.needs.gap import GapRow

HEADER = [
    "item_code",
    "item",
    "size",
    "unit",
    "need",
    "in_stock",
    "short_now",
    "in_pipeline",
    "gap",
    "closes_on",
    "pipeline_by_date",
]
# A cell starting with one of these is a formula to a spreadsheet: written as text instead.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def gap_csv(rows: list[GapRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(
            [
                text_cell(row.item.code),
                text_cell(row.item.name),
                text_cell(row.size.label if row.size else ""),
                row.item.unit,
                row.need,
                row.stock,
                row.short_now,
                row.pipeline,
                row.gap,
                row.closes_on.isoformat() if row.closes_on else "",
                "; ".join(f"{a.expected_on.isoformat()}:{a.quantity}" for a in row.arrivals),
            ]
        )
    return out.getvalue()
