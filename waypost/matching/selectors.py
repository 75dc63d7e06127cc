"""Who in the registry a person being registered may already be, as a given user may see it.

`likely_duplicates` is the check a registration page runs while the clerk types, and the same
check every registration runs once saved (`registration_check`). It looks the typed record's
match keys up (`match_keys`: names joined to birth years, and phones), keeps the people who
share the most keys with it, scores each with the trained model (`scoring.score_prepared`, the
same model as batch deduplication) and answers those at or above `SHOWN_FROM`.

Visibility follows the registry: a match in a household the user may see (`households_visible_to`)
is shown with its name, number, score and the fields that agree, and its showing is audited as
a registry read; a match held by another agency without the head's consent to data sharing is
only counted, so the clerk knows to ask a protection officer, who may review it.
"""

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from waypost.core import audit
from waypost.core.models import User
from waypost.matching.dates import parse_birth_date
from waypost.matching.features import Prepared, prepare
from waypost.matching.match_keys import PHONE, query_keys
from waypost.matching.models import MatchKey
from waypost.matching.records import FieldAgreement, MatchRecord, Score
from waypost.matching.registry_records import match_records_of
from waypost.matching.scoring import score_prepared
from waypost.registry.models import Individual
from waypost.registry.selectors import FIELD_GROUPS, households_visible_to, visible_fields

# Ours: shown to the clerk from even odds up. A clerk glancing at a name is cheap; a second
# registration is not (double aid, a split case history). Measured on the ground truth's hard
# pairs (siblings, twins, cousins), see docs/benchmarks.md: `python -m benchmarks.dedup_check
# --thresholds` prints precision and recall at both thresholds.
SHOWN_FROM = 0.5
# Ours: proposed to the review queue from here: a protection officer decides each proposal,
# so fewer, surer pairs than a clerk is shown, yet below the batch run's merge threshold
# (`batch.DEFAULT_THRESHOLD`), since a person decides them, not a machine.
PROPOSED_FROM = 0.9
# Ours: how many people sharing keys with the typed record are scored. Keys already join a
# name to a birth year and another name; at a million people the commonest combinations
# (Fatima Mohammed, born this year) are shared by a few hundred, and the ones sharing the most
# keys with the typed record come first.
CANDIDATES_SCORED = 40
# Ours: a safety bound on key rows read for one check, far above what keys give in practice.
KEY_ROWS_READ = 5000
# Rank of a candidate before scoring: a shared phone says more than a shared name and year.
PHONE_KEY_RANK = 3
SAME_YEAR_KEY_RANK = 2
NEAR_YEAR_KEY_RANK = 1


@dataclass(frozen=True)
class Match:
    """A registered person who may be the one being registered, and why."""

    individual: Individual
    score: Score

    @property
    def probability(self) -> float:
        return self.score.probability

    @property
    def percent(self) -> int:
        return round(self.score.probability * 100)

    @property
    def reasons(self) -> tuple[FieldAgreement, ...]:
        return self.score.agreeing()


@dataclass(frozen=True)
class DuplicateCheck:
    """What the check found: matches the user may see, and how many others it may not."""

    matches: list[Match] = field(default_factory=list)
    held_elsewhere: int = 0

    @property
    def is_empty(self) -> bool:
        return not self.matches and not self.held_elsewhere

    def __bool__(self) -> bool:
        return not self.is_empty


def likely_duplicates(
    user: User,
    record: MatchRecord,
    *,
    other_scripts: Iterable[MatchRecord] = (),
    exclude_ids: Collection[Any] = (),
    limit: int = 5,
) -> DuplicateCheck:
    """People at or above `SHOWN_FROM`, best first; `other_scripts` are more records of the
    same typed person (names in their own script), scored too, the best score kept."""
    if not user.can("registry.view"):
        return DuplicateCheck()
    found = scored_candidates([record, *other_scripts], exclude_ids=exclude_ids)
    found = [match for match in found if match.probability >= SHOWN_FROM]
    visible = _visible_ids(user, found)
    shown = [match for match in found if match.individual.pk in visible][:limit]
    audit.record_views(
        actor=user,
        subjects=[match.individual for match in shown],
        purpose=str(user.purpose_for("registry.view") or ""),
        fields=visible_fields(user) & set(FIELD_GROUPS["registry.view"]),
        via="duplicate_check",
    )
    return DuplicateCheck(matches=shown, held_elsewhere=len(found) - len(visible))


def scored_candidates(
    records: list[MatchRecord], *, exclude_ids: Collection[Any] = ()
) -> list[Match]:
    """Everyone sharing keys with the records, scored, best first; no visibility applied, so
    only for the check's own callers (the selector above, proposals to the review queue)."""
    candidate_ids = ranked_candidate_ids(records, exclude_ids=exclude_ids)
    people = (
        Individual.objects.filter(pk__in=candidate_ids)
        # No ordering: by registration number, SQLite would walk that whole index.
        .order_by()
        .select_related("household")
        .prefetch_related("phones")
    )
    # Merged records drop out here rather than in SQL (`Individual.objects.current()`): asked
    # for "not merged", SQLite reads the index of merged records, where nearly everyone is.
    current = [person for person in people if person.merged_into_id is None]
    # The typed records are prepared for the model once, not once per candidate.
    typed = [prepare(record) for record in records]
    matches = [Match(person, _best_score(typed, person)) for person in current]
    matches.sort(key=lambda match: (-match.probability, match.individual.number))
    return matches


def ranked_candidate_ids(
    records: list[MatchRecord], *, exclude_ids: Collection[Any] = (), limit: int = CANDIDATES_SCORED
) -> list[Any]:
    """The people sharing the most keys with the records, strongest keys counting most."""
    keys: set[str] = set()
    for record in records:
        keys |= query_keys(record)
    if not keys:
        return []
    rows = MatchKey.objects.filter(key__in=sorted(keys))
    if exclude_ids:
        rows = rows.exclude(individual_id__in=list(exclude_ids))
    years = {f"{birth.year:04d}" for birth in map(parse_birth_date, _dates(records)) if birth}
    ranks: Counter[Any] = Counter()
    for individual_id, key in rows.values_list("individual_id", "key")[:KEY_ROWS_READ]:
        ranks[individual_id] += _key_rank(key, years)
    return [individual_id for individual_id, _rank in ranks.most_common(limit)]


def _dates(records: list[MatchRecord]) -> list[str]:
    return [record.date_of_birth for record in records]


def _key_rank(key: str, years: set[str]) -> int:
    if key.startswith(PHONE):
        return PHONE_KEY_RANK
    return SAME_YEAR_KEY_RANK if key[1:5] in years else NEAR_YEAR_KEY_RANK


def _best_score(typed: list[Prepared], person: Individual) -> Score:
    """The better of Latin against Latin and own script against own script: names compare
    across scripts anyway, so the other two pairings seldom add anything but time."""
    held = match_records_of(person)
    pairs = [(typed[0], held[0])]
    if len(typed) > 1 and len(held) > 1:
        pairs.append((typed[1], held[1]))
    scores = [score_prepared(record, prepare(registered)) for record, registered in pairs]
    return max(scores, key=lambda score: score.probability)


def _visible_ids(user: User, matches: list[Match]) -> set[Any]:
    households = {match.individual.household_id for match in matches}
    if not households:
        return set()
    visible = set(
        households_visible_to(user).filter(pk__in=households).values_list("pk", flat=True)
    )
    return {match.individual.pk for match in matches if match.individual.household_id in visible}
