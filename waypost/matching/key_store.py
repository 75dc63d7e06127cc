"""Writing registered people's match keys: with each registration and correction (the registry
services call `replace_match_keys`), in bulk by the demo loader (`match_key_rows`), and for
everyone at once (`rebuild_match_keys`, the `waypost rebuild_match_keys` command and the data
migration that filled them for people registered before the keys existed).
"""

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.db import transaction

from waypost.matching.match_keys import stored_keys
from waypost.matching.models import MatchKey
from waypost.matching.registry_records import match_records_of
from waypost.registry.models import Individual

REBUILD_BATCH = 2000


def match_keys_of(individual: Individual, *, phones: Sequence[str] | None = None) -> list[str]:
    """The keys of a person as registered; `phones` for a person whose phones are not saved."""
    return sorted(stored_keys(match_records_of(individual, phones=phones)))


def match_key_rows(
    individual: Individual, *, phones: Sequence[str] | None = None
) -> Iterator[MatchKey]:
    for key in match_keys_of(individual, phones=phones):
        yield MatchKey(individual=individual, key=key)


def replace_match_keys(individual: Individual, *, phones: Sequence[str]) -> None:
    """The person's keys as their record now stands; called inside the registry's writes."""
    MatchKey.objects.filter(individual=individual).delete()
    MatchKey.objects.bulk_create(match_key_rows(individual, phones=phones))


def rebuild_match_keys(
    *,
    individuals: Any = Individual,
    keys: Any = MatchKey,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write every person's keys again, in batches; returns how many people were keyed.

    `individuals` and `keys` are the models to use (a migration passes its historical ones).
    """
    done = 0
    last_pk = None
    while True:
        people = individuals.objects.order_by("pk").prefetch_related("phones")
        if last_pk is not None:
            people = people.filter(pk__gt=last_pk)
        batch = list(people[:REBUILD_BATCH])
        if not batch:
            return done
        _rewrite(batch, keys)
        done += len(batch)
        last_pk = batch[-1].pk
        if progress is not None:
            progress(done)


@transaction.atomic
def _rewrite(people: list[Any], keys: Any) -> None:
    keys.objects.filter(individual__in=people).delete()
    keys.objects.bulk_create(
        keys(individual_id=person.pk, key=key) for person in people for key in match_keys_of(person)
    )
