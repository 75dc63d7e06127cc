"""The default cold-risk rules and tiers, read from `data/risk_rules.csv` and `data/risk_tiers.csv`.

They become version 1 of the rule set after the first migration (`load_default_rules`), and are
the starting point a site coordinator edits from; each row names its source and mark.
"""

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULTS_REASON = (
    "Default rules from the domain standards (data/risk_rules.csv, data/risk_tiers.csv)"
)


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


def default_rules() -> list[dict[str, Any]]:
    return [
        {
            "factor": row["factor"],
            "condition": row["condition"],
            "low": _decimal(row["low"]),
            "high": _decimal(row["high"]),
            "points": int(row["points"]),
            "rationale": row["rationale"],
            "source": row["source"],
            "verification": row["verification"],
        }
        for row in read_rows("risk_rules.csv")
    ]


def default_tiers() -> list[dict[str, Any]]:
    return [
        {
            "tier": row["tier"],
            "min_points": int(row["min_points"]),
            "alert": row["alert"] == "yes",
            "rationale": row["rationale"],
            "source": row["source"],
            "verification": row["verification"],
        }
        for row in read_rows("risk_tiers.csv")
    ]
