"""Several points scanning the same cards at the same second: each entitlement goes out once.

Real threads on their own PostgreSQL connections, released together; the database's unique
constraint is what decides, whatever each point saw before it wrote.
"""

import pytest

from waypost.distribution import tokens
from waypost.distribution.models import Redemption
from waypost.distribution.services.handover import Handed
from waypost.distribution.services.points import open_point
from waypost.distribution.services.redemptions import RedemptionResult, redeem
from waypost.stock.models import MovementKind, StockBalance, StockMovement
from waypost.testing.concurrency import POSTGRES_RACE, run_at_once

pytestmark = [*POSTGRES_RACE, pytest.mark.django_db(transaction=True)]

THREADS = 16


def test_many_points_redeeming_one_card_at_once_hand_out_exactly_once(
    redcross_distributor, camp, card, plan, store, blankets, boots
):
    # given sixteen tables, each scanning the same card with its own submission
    points = [
        open_point(by=redcross_distributor, site=camp, name=f"Table {i}") for i in range(THREADS)
    ]
    token = tokens.sign(card.key)
    lines = [Handed(blankets.pk, 5), Handed(boots.pk, 1)]

    # when they all confirm at the same instant
    outcomes = run_at_once(
        lambda i: redeem(
            by=redcross_distributor,
            token_or_code=token,
            point=points[i],
            plan=plan,
            handed=lines,
            idempotency_key=f"table-{i}",
        ),
        THREADS,
    )

    # then exactly one handover went through; the others were refused; stock left once
    assert outcomes.count("refused") == THREADS - 1
    assert Redemption.objects.count() == 2
    assert StockMovement.objects.filter(kind=MovementKind.ISSUE).count() == 2
    blanket_stock = StockBalance.objects.get(warehouse=store, item=blankets.item)
    assert blanket_stock.quantity == 10 - 5


def test_the_same_submission_retried_at_once_succeeds_for_all_and_records_once(
    redcross_distributor, card, plan, point, store, blankets
):
    token = tokens.sign(card.key)
    outcomes = run_at_once(
        lambda i: redeem(
            by=redcross_distributor,
            token_or_code=token,
            point=point,
            plan=plan,
            handed=[Handed(blankets.pk, 5)],
            idempotency_key="one-submission",
        ),
        8,
    )
    results = [outcome for outcome in outcomes if isinstance(outcome, RedemptionResult)]
    assert len(results) == 8
    assert {result.redemptions[0].pk for result in results} == {Redemption.objects.get().pk}
    assert sum(result.replayed for result in results) == 7
    assert StockBalance.objects.get(warehouse=store, item=blankets.item).quantity == 5


def test_many_households_at_many_points_at_once_all_get_served(
    redcross_distributor, unhcr_registrar, camp, plan, store, household
):
    from waypost.distribution.services.cards import issue_card
    from waypost.distribution.tests.handover.conftest import entitle
    from waypost.registry.tests.factories import member, registered_household

    households = [household] + [
        registered_household(by=unhcr_registrar, site=camp, members=[member(given_name=f"H{i}")])
        for i in range(7)
    ]
    cards = [issue_card(by=redcross_distributor, household=h) for h in households]
    entitlements = [entitle(plan, h, "blanket-high-thermal", 1) for h in households]
    points = [open_point(by=redcross_distributor, site=camp, name=f"Table {i}") for i in range(8)]
    outcomes = run_at_once(
        lambda i: redeem(
            by=redcross_distributor,
            token_or_code=tokens.sign(cards[i].key),
            point=points[i],
            plan=plan,
            handed=[Handed(entitlements[i].pk, 1)],
            idempotency_key=f"h-{i}",
        ),
        8,
    )
    assert "refused" not in outcomes
    assert (
        StockBalance.objects.get(warehouse=store, item__code="blanket-high-thermal").quantity == 2
    )
