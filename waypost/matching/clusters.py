"""Records joined into clusters, strongest pairs first, never across a contradiction.

Plain connected components let one wrong pair chain two families together. Here pairs are
taken from the most to the least likely, and two clusters are joined only when no record of
one contradicts a record of the other (`contradict`): given names that are neither one name
nor a near spelling of one (consonants alike are not enough: twins may be Hassan and
Hussein), two full birth dates that are not the same day (nor day and month swapped), or
different sexes. Twins and namesakes share everything else, and those are the fields that
tell them apart.

A cluster is named by the smallest record id in it, so the same input gives the same output.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from waypost.matching.features import Prepared
from waypost.matching.model import SIMILAR_SPELLING, cached_same_name


@dataclass(frozen=True, slots=True)
class Identifying:
    """What a record says that tells one person from a namesake or a twin."""

    given_name: str | None
    given_form: str | None
    birth: tuple[int, int, int] | None  # a full date only
    sex: str | None


def identifying(prepared: Prepared) -> Identifying:
    has_day = prepared.birth_month is not None and prepared.birth_day is not None
    birth = (prepared.birth_year, prepared.birth_month, prepared.birth_day) if has_day else None
    return Identifying(
        given_name=prepared.given_name,
        given_form=prepared.given_form,
        birth=birth,  # type: ignore[arg-type]
        sex=prepared.sex,
    )


def contradict(one: Identifying, other: Identifying) -> bool:
    return (
        _given_names_differ(one, other)
        or _birth_dates_differ(one.birth, other.birth)
        or (one.sex is not None and other.sex is not None and one.sex != other.sex)
    )


def _given_names_differ(one: Identifying, other: Identifying) -> bool:
    if not (one.given_name and other.given_name and one.given_form and other.given_form):
        return False
    if one.given_form == other.given_form or cached_same_name(one.given_name, other.given_name):
        return False
    return float(JaroWinkler.similarity(one.given_form, other.given_form)) < SIMILAR_SPELLING


def _birth_dates_differ(
    one: tuple[int, int, int] | None, other: tuple[int, int, int] | None
) -> bool:
    if one is None or other is None:
        return False
    year, month, day = other
    return one not in ((year, month, day), (year, day, month))


def constrained_clusters(
    records: dict[str, Identifying], pairs: Iterable[tuple[float, str, str]]
) -> dict[str, str]:
    """Each record's cluster, joining (probability, id, id) pairs from the most likely down."""
    members = {record_id: [record_id] for record_id in records}
    cluster_of = {record_id: record_id for record_id in records}
    for _probability, first, second in sorted(pairs, key=lambda pair: (-pair[0], pair[1:])):
        one, other = cluster_of[first], cluster_of[second]
        if one == other or _any_contradiction(records, members[one], members[other]):
            continue
        kept, joined = min(one, other), max(one, other)
        for record_id in members[joined]:
            cluster_of[record_id] = kept
        members[kept] += members.pop(joined)
    return cluster_of


def _any_contradiction(records: dict[str, Identifying], one: list[str], other: list[str]) -> bool:
    return any(contradict(records[first], records[second]) for first in one for second in other)
