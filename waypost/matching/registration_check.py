"""The duplicate check that every registration runs once saved, whichever way it came in.

The registry services call `check_after_commit` when they register a household or add a
member, from the pages, the API and imports alike. Once the registration is committed, each
person just registered is checked against the whole registry (not only what the clerk may
see: the review queue is for protection officers) and the pairs scored at or above
`PROPOSED_FROM` go to the review queue (`services.propose_duplicates`, source "registration").

The check never blocks a registration: it runs after the commit, and a failure in it is logged,
never raised to the clerk.
"""

import logging
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.db import transaction

from waypost.core.models import User
from waypost.matching.models import Source
from waypost.matching.records import Score
from waypost.matching.registry_records import match_records_of
from waypost.matching.selectors import PROPOSED_FROM, scored_candidates
from waypost.matching.services import propose_duplicates
from waypost.registry.models import Individual

logger = logging.getLogger(__name__)


def check_after_commit(*, by: User, individual_ids: Iterable[Any]) -> None:
    """Check the people just registered once the registration's transaction has committed."""
    ids = list(individual_ids)
    transaction.on_commit(partial(propose_registered_duplicates, by=by, individual_ids=ids))


def propose_registered_duplicates(*, by: User | None, individual_ids: Iterable[Any]) -> int:
    """Propose each person's likely duplicates for review; how many proposals were written."""
    try:
        return propose_duplicates(likely_pairs(individual_ids), source=Source.REGISTRATION, by=by)
    except Exception:
        # Ours: a registration stands even when its check fails; the batch run
        # (`waypost dedup --registry`) finds the pair later.
        logger.exception("Duplicate check after registration failed for %s", individual_ids)
        return 0


def likely_pairs(individual_ids: Iterable[Any]) -> list[tuple[Any, Any, Score]]:
    people = (
        Individual.objects.current().filter(pk__in=list(individual_ids)).prefetch_related("phones")
    )
    pairs = []
    for person in people:
        for match in scored_candidates(match_records_of(person), exclude_ids=[person.pk]):
            if match.probability >= PROPOSED_FROM:
                pairs.append((person.pk, match.individual.pk, match.score))
    return pairs
