"""The specific-need code set, loaded from the data files beside this module.

Codes are reference data with a source, not something typed in: the files are read after every
migration and the table brought in line (new codes added, labels and status updated; codes in
use are never deleted, only left as they are).
"""

import csv
from pathlib import Path
from typing import Any

from waypost.registry.models import SpecificNeedCode

DATA_DIR = Path(__file__).resolve().parent / "data"
CODE_FILES = ["specific_needs_2009.csv"]


def read_code_file(path: Path) -> tuple[str, list[dict[str, str]]]:
    with path.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    source = lines[0].removeprefix("# Source:").strip()
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return source, rows


def load_specific_need_codes() -> int:
    """Bring the code table in line with the data files; returns the number of codes loaded."""
    count = 0
    for name in CODE_FILES:
        source, rows = read_code_file(DATA_DIR / name)
        # Parents first, so every child can point to an existing row.
        for row in sorted(rows, key=lambda row: bool(row["parent"])):
            SpecificNeedCode.objects.update_or_create(
                code=row["code"],
                defaults={
                    "parent_id": row["parent"] or None,
                    "label": row["label"],
                    "status": row["status"],
                    "is_sensitive": row["sensitive"] == "yes",
                    "source": source[:300],
                    "verification": row["verification"],
                },
            )
            count += 1
    return count


def load_specific_need_codes_after_migrate(**kwargs: Any) -> None:
    load_specific_need_codes()
