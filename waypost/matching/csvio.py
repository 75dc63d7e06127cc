"""RECORDS.csv read and checked, CLUSTERS.csv written, for `waypost dedup`.

The input is UTF-8 (with or without a byte-order mark) with a header row naming the columns of
`records.RECORD_COLUMNS`; only `record_id` must be there, the other columns may be missing or
empty, and columns the interface does not name are ignored. Every problem is reported with
the row it is on (by the line of the file it ends on, the header being line 1), and the
reading stops at `MAX_PROBLEMS` so a wholly wrong file still gives a short message.

The output is written to a temporary file beside the target and renamed into place at the
end, so a failed run never leaves a half-written CLUSTERS.csv.
"""

import _csv
import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from waypost.matching.records import RECORD_COLUMNS, MatchRecord

MAX_PROBLEMS = 20
SEXES = frozenset({"M", "F"})
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")
OUTPUT_HEADER = ("record_id", "cluster_id")


class RecordsFileError(ValueError):
    """RECORDS.csv cannot be used; the message names the rows at fault."""


def read_records(path: Path) -> list[MatchRecord]:
    return parse_records(path.read_bytes())


def parse_records(data: bytes) -> list[MatchRecord]:
    reader = csv.reader(io.StringIO(_decoded(data), newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise RecordsFileError("the file is empty: it needs a header row with record_id")
        columns = _columns(header)
        return _records(reader, columns)
    except csv.Error as error:
        raise RecordsFileError(f"line {reader.line_num}: not readable as CSV ({error})") from None


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RecordsFileError(
            f"line {line}: byte {error.start + 1} of the file (0x{data[error.start]:02x}) is not "
            "UTF-8; save the file as UTF-8"
        ) from None


def _columns(header: list[str]) -> dict[str, int]:
    names = [name.strip() for name in header]
    if "record_id" not in names:
        raise RecordsFileError(
            "the header has no record_id column (it has: " + ", ".join(names) + ")"
        )
    return {column: names.index(column) for column in RECORD_COLUMNS if column in names}


def _records(reader: "_csv.Reader", columns: dict[str, int]) -> list[MatchRecord]:
    """The rows as records; a row is named by the line it ends on."""
    records: list[MatchRecord] = []
    seen: dict[str, int] = {}
    problems: list[str] = []
    for row in reader:
        line = reader.line_num
        if not any(field.strip() for field in row):
            continue  # a blank line, often the last one
        values = {column: _field(row, index) for column, index in columns.items()}
        found = _problems(values, line, seen)
        problems += found
        if len(problems) >= MAX_PROBLEMS:
            break
        if not found:
            seen[values["record_id"]] = line
            records.append(MatchRecord(**values))
    if problems:
        raise RecordsFileError("\n".join(problems[:MAX_PROBLEMS]))
    return records


def _field(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _problems(values: Mapping[str, str], line: int, seen: Mapping[str, int]) -> list[str]:
    found = []
    record_id = values["record_id"]
    if not record_id:
        found.append(f"line {line}: record_id is empty")
    elif record_id in seen:
        found.append(f"line {line}: record_id {record_id!r} is already on line {seen[record_id]}")
    birth = values.get("date_of_birth", "")
    if birth and not _is_birth_date(birth):
        found.append(f"line {line}: date_of_birth {birth!r} is not YYYY-MM-DD, YYYY or empty")
    sex = values.get("sex", "")
    if sex and sex not in SEXES:
        found.append(f"line {line}: sex {sex!r} is not M, F or empty")
    return found


def _is_birth_date(text: str) -> bool:
    if _YEAR.fullmatch(text):
        return True
    if not _FULL_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def write_clusters(path: Path, record_ids: Iterable[str], clusters: Mapping[str, str]) -> None:
    """One row per record, in the input's order, replacing `path` only once all is written."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(OUTPUT_HEADER)
            writer.writerows((record_id, clusters[record_id]) for record_id in record_ids)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
