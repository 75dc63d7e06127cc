"""Options guide for one person: the compiled guide beside re-reading the data on every call.

    .venv/bin/python -m benchmarks.cases.options                     # 5,000 people, seed 1
    .venv/bin/python -m benchmarks.cases.options --people 20000 --naive 1000 --seed 2

Generates random fact sets (age, unaccompanied or separated, married, pregnancy, specific needs,
up to three relatives abroad with country, relation, legal status, grant date and whether they
can take care of a child, documents, wishes, an EU registration date) and evaluation dates
between 2025 and 2027, then times `evaluate_options` for each person with the guide compiled
once (what Waypost does) and, for the first `--naive` people, the naive way: read, parse and
compile every data file again on each call (`load_guide()`). Both must give the same answers.
No database: the guide reads no record. Prints the machine, then median and 95th percentile.
"""

import argparse
import os
import random
import statistics
import time
from datetime import date, timedelta
from typing import Any

import django

from benchmarks.machine import describe_machine
from benchmarks.stats import percentile
from waypost.counselling.guide import Facts, FamilyMember, evaluate_options
from waypost.counselling.guide.data import guide, load_guide

COUNTRIES = ["DEU", "POL", "SWE", "NLD", "DNK", "NOR", "TUR", "IRQ", "GBR"]
RELATIONS = [
    "spouse",
    "partner",
    "child",
    "parent",
    "sibling",
    "aunt_uncle",
    "grandparent",
    "other",
]
STATUSES = ["refugee", "subsidiary_protection", "applicant", "resident", "citizen", "unknown", None]
NEEDS = ["SM-CI", "SM-DP", "SC-UC", "SC-SC", "DS-BD", "WR-LC", "FU-TR"]
DOCUMENTS = ["passport", "national_id", "birth_certificate", "marriage_certificate"]
WISHES = ["asylum_host", "family_reunification", "return_home", "relocation", "undecided"]


def maybe[T](rng: random.Random, value: T) -> T | None:
    return value if rng.random() < 0.8 else None


def random_day(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randrange(days))


def random_facts(rng: random.Random) -> Facts:
    relatives = tuple(
        FamilyMember(
            country=rng.choice(COUNTRIES),
            relation=rng.choice(RELATIONS),
            status=rng.choice(STATUSES),
            status_granted_on=maybe(rng, random_day(rng, date(2020, 1, 1), 2500)),
            can_take_care=maybe(rng, rng.random() < 0.5),
        )
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3]))
    )
    age = rng.choice([rng.randrange(0, 18), rng.randrange(18, 80)])
    return Facts(
        nationality=maybe(rng, rng.choice(["IRQ", "SYR", "IRN", "AFG", "YEM", "CMR"])),
        age=maybe(rng, age),
        unaccompanied=maybe(rng, age < 18 and rng.random() < 0.3),
        separated=maybe(rng, age < 18 and rng.random() < 0.2),
        married=maybe(rng, age >= 18 and rng.random() < 0.6),
        pregnant=maybe(rng, rng.random() < 0.05),
        specific_needs=tuple(rng.sample(NEEDS, rng.choice([0, 0, 0, 1, 2]))),
        family_abroad=relatives,
        documents=tuple(rng.sample(DOCUMENTS, rng.randrange(0, 3))),
        wishes=tuple(rng.sample(WISHES, rng.randrange(0, 2))),
        eu_application_registered_on=random_day(rng, date(2025, 6, 1), 700)
        if rng.random() < 0.2
        else None,
    )


def timings(people: list[tuple[Facts, date]], *, naive: bool) -> tuple[list[float], list[Any]]:
    seconds: list[float] = []
    answers: list[Any] = []
    for facts, on_date in people:
        started = time.perf_counter()
        data = load_guide() if naive else None
        results = evaluate_options(facts=facts, on_date=on_date, data=data)
        seconds.append(time.perf_counter() - started)
        answers.append([(r.option, r.status, [rule.rule for rule in r.rules]) for r in results])
    return seconds, answers


def line(name: str, seconds: list[float]) -> str:
    median, p95 = statistics.median(seconds) * 1000, percentile(seconds, 0.95) * 1000
    return f"{name:<44} {median:8.3f} ms {p95:8.3f} ms  (n={len(seconds)})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cases.options")
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--naive", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    django.setup()
    rng = random.Random(args.seed)
    people = [
        (random_facts(rng), random_day(rng, date(2025, 1, 1), 1095)) for _ in range(args.people)
    ]
    guide()  # read and compiled once per process, as in the server
    timings(people[:50], naive=False)  # warm-up
    compiled, answers = timings(people, naive=False)
    naive, naive_answers = timings(people[: args.naive], naive=True)
    assert naive_answers == answers[: args.naive], "the naive way gave other answers"
    print(", ".join(f"{key}: {value}" for key, value in describe_machine().items()))
    print(f"guide version {guide().version}; {args.people} random people, seed {args.seed}")
    print(f"{'':<44} {'median':>11} {'p95':>11}")
    print(line("evaluate_options, guide compiled once", compiled))
    print(line("naive: read and compile the data each call", naive))
    ratio = statistics.median(naive) / statistics.median(compiled[: args.naive])
    print(f"naive / compiled (medians over the same {args.naive} people): {ratio:.0f}x")


if __name__ == "__main__":
    main()
