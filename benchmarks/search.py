"""Name search with misspelt names: Waypost's search against a naive `icontains` search.

Each query is the name of a real person in the registry as a clerk might type it wrongly: a
different Latin spelling (Muhammad for Mohammed), a dropped, doubled or swapped letter, or, in
Arabic script, a Persian letter for an Arabic one. Recall is the share of queries whose person
is among the results (both searches return at most 50). The naive baseline is what a registry
without name matching does: every word of the query must appear (case-insensitive) in one of
the person's name fields.

Run on its own: `python -m benchmarks --parts search` (with --backends, --people).
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial, reduce
from operator import and_, or_
from typing import Any

from django.db.models import Q, QuerySet
from django.test import Client
from django.urls import reverse

from benchmarks.registration import CLIENT_HOST
from benchmarks.stats import summary, timed
from waypost.core.models import User
from waypost.demo.generator import DemoHousehold
from waypost.demo.names import arabic, cameroonian, kurdish, persian
from waypost.registry.models import Individual
from waypost.registry.selectors import SEARCH_RESULT_LIMIT, individuals_visible_to
from waypost.registry.selectors import search_individuals as waypost_search
from waypost.registry.services import NAME_FIELDS, NATIVE_NAME_FIELDS, MemberData

QUERY_SEED = 2021
WARM_UP = 5
NATIVE_SCRIPT_QUERIES = 0.15
SECOND_MISTAKE = 0.3
VOWELS = "aeiou"
# Letters Persian and Kurdish keyboards give for their Arabic counterparts, and other common
# variations of Arabic spelling (hamza dropped from alif, ta marbuta written as ha).
SCRIPT_VARIANTS = {"ي": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "ة": "ه", "ى": "ی"}


def latin_variants() -> dict[str, tuple[str, ...]]:
    """Every Latin spelling in the name lists, with the other spellings of the same name."""
    variants: dict[str, tuple[str, ...]] = {}
    for module in (arabic, kurdish, persian, cameroonian):
        for value in vars(module).values():
            if isinstance(value, tuple) and value and hasattr(value[0], "latin"):
                for name in value:
                    for spelling in name.latin:
                        variants[spelling] = tuple(s for s in name.latin if s != spelling)
    return variants


def typo(word: str, rng: random.Random) -> str:
    """One slip of the keyboard or the ear, never on the first letter."""
    if len(word) < 4:
        vowels = [i for i, ch in enumerate(word) if ch.lower() in VOWELS and i > 0]
        if not vowels:
            return word + word[-1]
        i = rng.choice(vowels)
        return word[:i] + rng.choice([v for v in VOWELS if v != word[i].lower()]) + word[i + 1 :]
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap", "vowel"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[: i + 1] + word[i:]
    if kind == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return typo(word[:3], rng) + word[3:]


def misspelt_latin(words: list[str], rng: random.Random, variants: dict[str, Any]) -> str:
    for _mistake in range(2 if rng.random() < SECOND_MISTAKE else 1):
        index = rng.randrange(len(words))
        word = words[index]
        others = variants.get(word, ())
        words[index] = rng.choice(others) if others and rng.random() < 0.5 else typo(word, rng)
    return " ".join(words)


def misspelt_native(words: list[str], rng: random.Random) -> str:
    text = " ".join(words)
    swappable = [ch for ch in SCRIPT_VARIANTS if ch in text]
    if swappable:
        letter = rng.choice(swappable)
        return text.replace(letter, SCRIPT_VARIANTS[letter])
    longest = max(words, key=len)
    i = rng.randrange(1, len(longest))
    return text.replace(longest, longest[:i] + longest[i + 1 :], 1)


def query_for(member: MemberData, rng: random.Random, variants: dict[str, Any]) -> str:
    """The person's name as typed: given name and family name, or with the father's name."""
    if member.given_name_native and rng.random() < NATIVE_SCRIPT_QUERIES:
        parts = [member.given_name_native, member.father_name_native, member.family_name_native]
        return misspelt_native([p for p in parts if p], rng)
    parts = [member.given_name, member.father_name, member.family_name]
    if member.family_name and member.father_name and rng.random() < 0.5:
        parts = [member.given_name, member.family_name]
    return misspelt_latin([p for p in parts if p], rng, variants)


@dataclass
class Target:
    number: str  # the person's registration number
    query: str  # the name misspelt
    exact: str  # the name as registered, to check that both searches find it then


def registration_numbers(camp: Sequence[DemoHousehold]) -> list[list[str]]:
    """The numbers the loaders give, in order, to the people of a camp loaded into an empty
    registry: households numbered per site, members by position."""
    last: dict[str, int] = {}
    numbers = []
    for household in camp:
        last[household.site_code] = last.get(household.site_code, 0) + 1
        number = f"{household.site_code}-{last[household.site_code]:06d}"
        numbers.append([f"{number}-{p:02d}" for p in range(1, len(household.members) + 1)])
    return numbers


def pick_targets(camp: Sequence[DemoHousehold], count: int, agency_code: str) -> list[Target]:
    """People the searching user may see, each with a misspelt query for their name."""
    rng = random.Random(QUERY_SEED)
    variants = latin_variants()
    visible = [
        (member, number)
        for household, numbers in zip(camp, registration_numbers(camp), strict=True)
        if household.agency_code == agency_code or "data_sharing" in household.consents
        for member, number in zip(household.members, numbers, strict=True)
    ]
    targets = []
    for member, number in rng.sample(visible, count):
        parts = (member.given_name, member.father_name, member.family_name)
        exact = " ".join(part for part in parts if part)
        targets.append(Target(number, query_for(member, rng, variants), exact))
    return targets


def naive_search(user: User, query: str) -> QuerySet[Individual]:
    """Each word must appear in some name field, case-insensitively; no spelling tolerance."""
    fields = (*NAME_FIELDS, *NATIVE_NAME_FIELDS)
    per_word = [
        reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
        for word in query.split()
    ]
    return individuals_visible_to(user).filter(reduce(and_, per_word)).order_by("number")


def naive_numbers(user: User, query: str) -> list[str]:
    return list(naive_search(user, query).values_list("number", flat=True)[:SEARCH_RESULT_LIMIT])


def run_queries(user: User, targets: Sequence[Target]) -> dict[str, list[Any]]:
    client = Client(SERVER_NAME=CLIENT_HOST)
    client.force_login(user)
    url = reverse("registry:search")
    runs: dict[str, list[Any]] = {name: [] for name in ("http", "ours", "naive")}
    for target in targets:
        elapsed, response = timed(partial(client.get, url, {"q": target.query}))
        assert response.status_code == 200
        runs["http"].append((elapsed, None))
        elapsed, hits = timed(partial(waypost_search, user, target.query))
        runs["ours"].append((elapsed, [hit.individual.number for hit in hits]))
        runs["naive"].append(timed(partial(naive_numbers, user, target.query)))
    return runs


def exact_recall(user: User, targets: Sequence[Target]) -> dict[str, float]:
    """Recall of both searches when the name is typed as registered: the control."""
    ours = [
        t.number in {h.individual.number for h in waypost_search(user, t.exact)} for t in targets
    ]
    naive = [t.number in naive_numbers(user, t.exact) for t in targets]
    return {"ours": round(sum(ours) / len(ours), 3), "naive": round(sum(naive) / len(naive), 3)}


def benchmark_search(
    *, user: User, camp: Sequence[DemoHousehold], queries: int, agency_code: str
) -> dict[str, Any]:
    targets = pick_targets(camp, queries + WARM_UP, agency_code)
    assert Individual.objects.filter(number__in=[t.number for t in targets]).count() == len(
        targets
    ), "the registry does not hold the camp the queries were drawn from"
    runs = run_queries(user, targets)
    measured = targets[WARM_UP:]
    report: dict[str, Any] = {"queries": len(measured), "examples": [t.query for t in measured[:8]]}
    for name, results in runs.items():
        seconds = [elapsed for elapsed, _found in results[WARM_UP:]]
        report[name] = summary(seconds)
        if name != "http":
            found = [
                t.number in hits for t, (_s, hits) in zip(measured, results[WARM_UP:], strict=True)
            ]
            report[name]["recall"] = round(sum(found) / len(found), 3)
    report["exact_recall"] = exact_recall(user, measured)
    report["ratio_ours_to_naive"] = round(
        report["ours"]["median_ms"] / max(report["naive"]["median_ms"], 0.001), 2
    )
    return report
