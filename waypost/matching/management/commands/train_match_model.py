"""`waypost train_match_model`: train the matching model on generated records, save its JSON.

The same arguments always give the same `waypost/matching/data/model.json`; see
`waypost.matching.training` for how it is trained and why.
"""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from waypost.matching import splink_model, training


class Command(BaseCommand):
    help = "Train the matching model on generated records and save it as data/model.json."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--people", type=int, default=training.DEFAULT_PEOPLE)
        parser.add_argument("--seed", type=int, default=training.DEFAULT_SEED)
        parser.add_argument(
            "--population",
            choices=("dense", "realistic"),
            default=training.DEFAULT_POPULATION,
            help="how the generated names are drawn (waypost.matching.populations)",
        )
        parser.add_argument(
            "--max-pairs",
            type=float,
            default=training.DEFAULT_MAX_PAIRS,
            help="random pairs sampled to estimate u",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        trained, population = training.train(
            people=options["people"],
            seed=options["seed"],
            max_pairs=options["max_pairs"],
            population=options["population"],
        )
        training.write(trained, population)
        self.stdout.write(
            f"Model saved to {splink_model.MODEL_PATH.name} "
            f"in {time.perf_counter() - started:.0f} s."
        )
