"""Records joined into clusters, strongest pairs first, never across a contradiction.

Plain connected components let one wrong pair chain two families together. Here pairs are
taken from the most to the least likely, and two clusters are joined only when nothing in one
contradicts the other: no two full birth dates that are not the same day (nor day and month
swapped), no different sexes, between any record of one and any of the other; and given names
(`names_differ`: neither one name nor a near spelling of one; consonants alike are not
enough, twins may be Hassan and Hussein) that do not differ in the pair being joined, nor in
most pairs of a record of one cluster and a record of the other. Twins and namesakes share
everything else, and those are the fields that tell them apart. The given names are judged by
the majority rather than by every pair, so one mistyped record (Mahmogd among Mahmud, Махмуд
and محمود) does not keep two halves of one person apart: measured on generated people, recall
rose from 0.754 to 0.766 at 20,000 people with precision 0.992 (0.9924 before).

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
    return names_differ(one, other) or born_apart(one, other)


def born_apart(one: Identifying, other: Identifying) -> bool:
    """Two full birth dates on different days, or different sexes."""
    return _birth_dates_differ(one.birth, other.birth) or (
        one.sex is not None and other.sex is not None and one.sex != other.sex
    )


def names_differ(one: Identifying, other: Identifying) -> bool:
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
        if one == other or names_differ(records[first], records[second]):
            continue
        if _clusters_contradict(records, members[one], members[other]):
            continue
        kept, joined = min(one, other), max(one, other)
        for record_id in members[joined]:
            cluster_of[record_id] = kept
        members[kept] += members.pop(joined)
    return cluster_of


def _clusters_contradict(records: dict[str, Identifying], one: list[str], other: list[str]) -> bool:
    across = [(records[first], records[second]) for first in one for second in other]
    if any(born_apart(a, b) for a, b in across):
        return True
    return 2 * sum(names_differ(a, b) for a, b in across) > len(across)
