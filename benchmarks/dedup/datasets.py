"""The ground-truth sets the deduplication benchmark runs on, written as `waypost dedup` reads
them (RECORDS.csv) with the identities in a file of their own, and what is known of each record.

Needs Django set up: the generator draws its people with the demo camp's names and origins.
"""

import csv
import gc
import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.dedup.diagnosis import Known
from benchmarks.dedup.metrics import script_of
from waypost.matching.groundtruth import (
    Identity,
    Record,
    generate,
    write_records_csv,
    write_truth_csv,
)
from waypost.matching.populations import REALISTIC

# Records per person in generated sets, on average (measured: 51,497 records for 20,000
# people); used only to choose how many people give at least a wanted number of records.
RECORDS_PER_PERSON = 2.57
PEOPLE_MARGIN = 1.02


@dataclass
class Dataset:
    name: str
    records_csv: Path
    truth_csv: Path | None
    records: int
    people: int
    known: dict[str, Known]
    generate_seconds: float = 0.0
    note: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def identities(self) -> dict[str, str]:
        return {record: facts.identity for record, facts in self.known.items()}

    @property
    def scripts(self) -> dict[str, str]:
        return {record: facts.script for record, facts in self.known.items()}


def generated(
    folder: Path,
    *,
    people: int,
    seed: int,
    records: int | None = None,
    population: str = REALISTIC,
) -> Dataset:
    """`people` people (all their records), or the first `records` records of enough people,
    named as `population` draws names (`waypost.matching.populations`: realistic or dense).

    The generator shuffles the records before numbering them, so the first `records` are a
    random sample: a few people keep only one record or none, as in any cut of a registry.
    """
    if records is not None:
        people = math.ceil(records / RECORDS_PER_PERSON * PEOPLE_MARGIN)
    started = time.perf_counter()
    truth = generate(people=people, seed=seed, population=population)
    seconds = time.perf_counter() - started
    chosen = truth.records if records is None else truth.records[:records]
    if records is not None and len(chosen) < records:
        raise ValueError(f"{people:,} people gave only {len(chosen):,} records")
    name = f"{people:,} people" if records is None else f"{records:,} records"
    name += f", {population}"
    stem = f"people{people}" if records is None else f"records{records}"
    stem += f".{population}"
    dataset = _written(folder, stem, name, chosen, truth.identities)
    dataset.generate_seconds = round(seconds, 1)
    del truth, chosen
    gc.collect()
    return dataset


def _written(
    folder: Path, stem: str, name: str, records: list[Record], identities: list[Identity]
) -> Dataset:
    records_csv, truth_csv = folder / f"{stem}.csv", folder / f"{stem}.truth.csv"
    with records_csv.open("w", encoding="utf-8", newline="") as stream:
        write_records_csv(records, stream)
    with truth_csv.open("w", encoding="utf-8", newline="") as stream:
        write_truth_csv(records, stream)
    by_id = {identity.identity_id: identity for identity in identities}
    known = {record.record_id: _known(record, by_id[record.identity_id]) for record in records}
    people = len({facts.identity for facts in known.values()})
    return Dataset(name, records_csv, truth_csv, len(records), people, known)


def _known(record: Record, identity: Identity) -> Known:
    family = identity.family.latin[0] if identity.family else ""
    return Known(
        identity=identity.identity_id,
        family=identity.family_id,
        born=identity.born.isoformat(),
        namesake=f"{identity.given.latin[0]}|{family}",
        script=script_of(record.given_name, record.father_name, record.family_name),
        tags=frozenset({*record.variations, f"source:{record.source}"}),
    )


def read_clusters(path: Path) -> dict[str, str]:
    """CLUSTERS.csv (`record_id,cluster_id`) as record → cluster."""
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        if reader.fieldnames != ["record_id", "cluster_id"]:
            raise ValueError(
                f"{path.name}: header is {reader.fieldnames}, not record_id,cluster_id"
            )
        return {row["record_id"]: row["cluster_id"] for row in reader}


def rows_of(path: Path, wanted: Iterable[str]) -> Mapping[str, dict[str, str]]:
    """The RECORDS.csv rows of a few records, read in one pass."""
    wanted = set(wanted)
    with path.open(encoding="utf-8", newline="") as stream:
        return {
            row["record_id"]: row for row in csv.DictReader(stream) if row["record_id"] in wanted
        }
