"""Officers deciding the same pair at the same second: exactly one decision is taken
(PostgreSQL)."""

import pytest

from waypost.matching.models import DuplicateProposal, Merge
from waypost.matching.services import mark_different, merge
from waypost.matching.tests.factories import proposed, recorded_twice
from waypost.registry.models import Individual
from waypost.testing.concurrency import POSTGRES_RACE, run_at_once

pytestmark = POSTGRES_RACE

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_one_pair_decided_at_once_by_many_gets_exactly_one_decision(
    unhcr_registrar, unhcr_protection_officer, camp
):
    # given a pair, and officers half of whom merge it each way while the others say different
    one, other = recorded_twice(by=unhcr_registrar, site=camp)
    proposal = proposed(one, other)

    def decide(i):
        if i % 2:
            return mark_different(proposal, by=unhcr_protection_officer)
        survivor = one if i % 4 == 0 else other
        return merge(proposal, survivor=survivor, by=unhcr_protection_officer)

    # when they all decide at the same moment
    outcomes = run_at_once(decide, THREADS)

    # then one decision went through, the others were refused, and the rows agree with it
    assert outcomes.count("refused") == THREADS - 1
    status = DuplicateProposal.objects.get(pk=proposal.pk).status
    merged = Individual.objects.filter(merged_into__isnull=False).count()
    assert (status, merged, Merge.objects.count()) in {("merged", 1, 1), ("different", 0, 0)}
