"""Stock to the point and back: approving dispatches, handovers issue from the point, closing
returns the rest — the ledger's balances checked against figures worked out by hand.

The camp store starts with 10 blankets, 3 pairs of boots EU 26 and 2 EU 28 (conftest). The
plan allocates 5 blankets and 1 pair EU 26 to the household, 2 blankets to the neighbours.
"""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.distribution import tokens
from waypost.distribution.models import PlanStatus, Redemption
from waypost.distribution.services.allocations import approve_plan
from waypost.distribution.services.cards import issue_card
from waypost.distribution.services.closing import close_distribution
from waypost.distribution.services.handover import Handed, plan_reference
from waypost.distribution.services.redemptions import redeem
from waypost.distribution.tests.handover.conftest import entitle, make_plan
from waypost.registry.tests.factories import member, registered_household
from waypost.safety.models import RiskAssessment
from waypost.stock.models import MovementKind, StockBalance, StockMovement, Warehouse

BLANKET, BOOTS = "blanket-high-thermal", "children-boots"


def held(warehouse: Warehouse | None) -> dict[tuple[str, str], int]:
    rows = StockBalance.objects.filter(warehouse=warehouse, quantity__gt=0)
    return {
        (row.item.code, row.size.code if row.size else ""): row.quantity
        for row in rows.select_related("item", "size")
    }


@pytest.fixture
def draft(store, camp, redcross_logistician):
    plan = make_plan(site=camp, warehouse=store, by=redcross_logistician, status=PlanStatus.DRAFT)
    plan.allocated_at = timezone.now()
    plan.save()
    return plan


@pytest.fixture
def entitled(draft, household, unhcr_registrar, camp):
    neighbours = registered_household(
        by=unhcr_registrar, site=camp, members=[member(given_name="Omar")]
    )
    sara = household.members.get(given_name="Sara")
    return {
        "blankets": entitle(draft, household, BLANKET, 5),
        "boots": entitle(draft, household, BOOTS, 1, size="EU26", individual=sara),
        "neighbours": entitle(draft, neighbours, BLANKET, 2),
    }


@pytest.fixture
def dispatched(draft, entitled, redcross_logistician):
    return approve_plan(by=redcross_logistician, plan=draft)


def hand(by, card, point, plan, lines, key="k1"):
    return redeem(
        by=by,
        token_or_code=tokens.sign(card.key),
        point=point,
        plan=plan,
        handed=lines,
        idempotency_key=key,
    )


def test_approving_moves_the_allocated_stock_to_the_point_store(dispatched, store):
    assert held(dispatched.point_store) == {(BLANKET, ""): 7, (BOOTS, "EU26"): 1}
    assert held(store) == {(BLANKET, ""): 3, (BOOTS, "EU26"): 2, (BOOTS, "EU28"): 2}
    moved = StockMovement.objects.filter(reference=plan_reference(dispatched))
    assert sorted(moved.values_list("kind", "quantity")) == sorted(
        [("transfer_out", -7), ("transfer_in", 7), ("transfer_out", -1), ("transfer_in", 1)]
    )
    assert dispatched.point_store.site_id == dispatched.site_id
    assert dispatched.point_store.agency_id == store.agency_id
    event = AuditEvent.objects.get(action="approved", subject_id=str(dispatched.pk))
    assert event.details["dispatched"] == 8


def test_dispatch_through_close_leaves_the_warehouse_at_its_start_less_what_was_handed(
    dispatched, store, redcross_distributor, card, point, entitled, redcross_logistician
):
    blankets = entitled["blankets"]
    hand(redcross_distributor, card, point, dispatched, [Handed(blankets.pk, 3)])
    assert held(dispatched.point_store) == {(BLANKET, ""): 4, (BOOTS, "EU26"): 1}
    issued = StockMovement.objects.get(kind=MovementKind.ISSUE)
    assert (issued.warehouse_id, issued.quantity) == (dispatched.point_store_id, -3)

    rest = close_distribution(by=redcross_logistician, plan=dispatched)

    # 10 blankets less the 3 handed over; the boots nobody collected all back
    assert held(store) == {(BLANKET, ""): 7, (BOOTS, "EU26"): 3, (BOOTS, "EU28"): 2}
    assert held(dispatched.point_store) == {}
    returned = StockMovement.objects.filter(
        reference=plan_reference(dispatched), warehouse=store, kind=MovementKind.TRANSFER_IN
    )
    assert sorted(returned.values_list("counterpart", "quantity")) == [
        (dispatched.point_store_id, 1),
        (dispatched.point_store_id, 4),
    ]
    by_line = {(r.item, r.size): (r.allocated, r.handed, r.quantity) for r in rest}
    assert by_line[("Blanket high thermal (Rct 0.4)", "")] == (7, 3, 4)
    assert by_line[("Children's winter boots", "EU26")] == (1, 0, 1)
    event = AuditEvent.objects.get(action="distribution.closed")
    assert event.details["returned"] == 5


def test_closing_twice_is_refused_and_returns_nothing_more(dispatched, redcross_logistician):
    close_distribution(by=redcross_logistician, plan=dispatched)
    movements = StockMovement.objects.count()
    with pytest.raises(ValidationError, match="Only an approved plan can be closed"):
        close_distribution(by=redcross_logistician, plan=dispatched)
    assert StockMovement.objects.count() == movements
    dispatched.refresh_from_db()
    assert dispatched.status == PlanStatus.CLOSED


def test_a_size_the_point_does_not_hold_is_refused_with_nothing_recorded(
    dispatched, store, redcross_distributor, card, point, entitled
):
    # EU 28 is in the warehouse, but only the allocated EU 26 went to the point
    movements = StockMovement.objects.count()
    with pytest.raises(ValidationError, match="Children's winter boots EU28 has run out"):
        hand(
            redcross_distributor, card, point, dispatched, [Handed(entitled["boots"].pk, 1, "EU28")]
        )
    assert (StockMovement.objects.count(), Redemption.objects.count()) == (movements, 0)
    assert held(dispatched.point_store)[(BOOTS, "EU26")] == 1


def test_approval_is_refused_when_the_warehouse_no_longer_holds_the_allocation(
    draft, entitled, store, redcross_logistician
):
    entitle(draft, entitled["blankets"].household, "winter-hat", 4)  # no hats in the store
    with pytest.raises(ValidationError, match="holds 0"):
        approve_plan(by=redcross_logistician, plan=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.point_store) == (PlanStatus.DRAFT, None)
    assert held(store) == {(BLANKET, ""): 10, (BOOTS, "EU26"): 3, (BOOTS, "EU28"): 2}
    assert not StockMovement.objects.filter(reference=plan_reference(draft)).exists()


@pytest.mark.parametrize(
    ("blankets_handed", "boots_handed", "neighbours_handed"),
    [(0, 0, 0), (5, 1, 2), (1, 0, 2), (4, 1, 0)],
)
def test_the_warehouse_ends_at_its_start_less_what_was_handed(  # noqa: PLR0913 (fixtures)
    dispatched,
    store,
    redcross_distributor,
    redcross_logistician,
    card,
    point,
    entitled,
    blankets_handed,
    boots_handed,
    neighbours_handed,
):
    if lines := [
        Handed(entitled[key].pk, quantity)
        for key, quantity in (("blankets", blankets_handed), ("boots", boots_handed))
        if quantity
    ]:
        hand(redcross_distributor, card, point, dispatched, lines)
    if neighbours_handed:
        other = issue_card(by=redcross_distributor, household=entitled["neighbours"].household)
        lines = [Handed(entitled["neighbours"].pk, neighbours_handed)]
        hand(redcross_distributor, other, point, dispatched, lines, key="k2")
    close_distribution(by=redcross_logistician, plan=dispatched)
    expected = {
        (BLANKET, ""): 10 - blankets_handed - neighbours_handed,
        (BOOTS, "EU26"): 3 - boots_handed,
        (BOOTS, "EU28"): 2,
    }
    assert held(store) == {line: n for line, n in expected.items() if n}
    assert held(dispatched.point_store) == {}
    issued = StockMovement.objects.filter(kind=MovementKind.ISSUE).values_list(
        "quantity", flat=True
    )
    assert -sum(issued) == blankets_handed + boots_handed + neighbours_handed


def test_closing_assesses_the_cold_risk_at_the_site_again(
    dispatched, redcross_logistician, camp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        close_distribution(by=redcross_logistician, plan=dispatched)

    assert RiskAssessment.objects.filter(site=camp).exists()
    assert set(RiskAssessment.objects.values_list("site", flat=True)) == {camp.pk}
