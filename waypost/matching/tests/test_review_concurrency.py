"""Officers deciding the same pair at the same second: exactly one decision is taken
(PostgreSQL)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from waypost.matching.models import DuplicateProposal, Merge
from waypost.matching.services import mark_different, merge
from waypost.matching.tests.factories import proposed, recorded_twice
from waypost.registry.models import Individual

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite runs one write transaction at a time, so only PostgreSQL has a race",
    ),
]

THREADS = 8


def run_at_once(work):
    barrier = threading.Barrier(THREADS)
    outcomes: list[object] = [None] * THREADS

    def run(i):
        try:
            barrier.wait()
            outcomes[i] = work(i)
        except ValidationError:
            outcomes[i] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


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
    outcomes = run_at_once(decide)

    # then one decision went through, the others were refused, and the rows agree with it
    assert outcomes.count("refused") == THREADS - 1
    status = DuplicateProposal.objects.get(pk=proposal.pk).status
    merged = Individual.objects.filter(merged_into__isnull=False).count()
    assert (status, merged, Merge.objects.count()) in {("merged", 1, 1), ("different", 0, 0)}
