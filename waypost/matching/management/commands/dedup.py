"""`waypost dedup`: deduplicate RECORDS.csv into CLUSTERS.csv, or the registry into the review
queue (`--registry`).

    waypost dedup --input RECORDS.csv --output CLUSTERS.csv [--threshold P] [--backend spark]

Bad input exits non-zero with the rows at fault and writes nothing. Progress goes to stderr,
one line per stage with counts and the seconds since the start.
"""

import time
from argparse import ArgumentParser, ArgumentTypeError
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from waypost.matching import csvio
from waypost.matching.backends import BackendUnavailableError
from waypost.matching.batch import DEFAULT_THRESHOLD, deduplicate
from waypost.matching.splink_model import BACKENDS, DUCKDB


def probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 < value < 1.0:
        raise ArgumentTypeError(f"{text!r} is not a probability between 0 and 1")
    return value


class Command(BaseCommand):
    help = "Find records of one person: RECORDS.csv in, CLUSTERS.csv out (record_id,cluster_id)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--input", type=Path, help="RECORDS.csv")
        parser.add_argument("--output", type=Path, help="CLUSTERS.csv, written at the end")
        parser.add_argument(
            "--threshold",
            type=probability,
            default=DEFAULT_THRESHOLD,
            help=f"match probability at which two records are joined (default {DEFAULT_THRESHOLD})",
        )
        parser.add_argument("--backend", choices=BACKENDS, default=DUCKDB)
        parser.add_argument(
            "--registry",
            action="store_true",
            help="deduplicate the registered population and fill the review queue instead",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.started = time.perf_counter()
        try:
            if options["registry"]:
                self._registry(options)
            else:
                self._file(options)
        except (csvio.RecordsFileError, BackendUnavailableError) as error:
            raise CommandError(str(error)) from None

    def _file(self, options: dict[str, Any]) -> None:
        source, target = options["input"], options["output"]
        if source is None or target is None:
            raise CommandError("give --input RECORDS.csv and --output CLUSTERS.csv (or --registry)")
        if not source.is_file():
            raise CommandError(f"{source}: no such file")
        if not target.parent.is_dir():
            raise CommandError(f"{target.parent}: no such folder for the output")
        records = csvio.read_records(source)
        self.progress("records read", len(records), time.perf_counter() - self.started)
        result = deduplicate(
            records,
            threshold=options["threshold"],
            backend=options["backend"],
            progress=self.progress,
        )
        csvio.write_clusters(target, [record.record_id for record in records], result.clusters)
        self.progress("rows written", len(records), time.perf_counter() - self.started)

    def _registry(self, options: dict[str, Any]) -> None:
        from waypost.matching.registry_dedup import deduplicate_registry

        proposed = deduplicate_registry(
            threshold=options["threshold"], backend=options["backend"], progress=self.progress
        )
        self.stdout.write(f"{proposed} pairs proposed for review.")

    def progress(self, stage: str, count: int, seconds: float) -> None:
        self.stderr.write(f"dedup: {seconds:8.1f} s  {stage}: {count:,}")
