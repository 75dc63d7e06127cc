"""Creating, allocating and approving plans through the services, on the real database."""

# ruff: noqa: F811 (the fixtures are imported by name)

import pytest
from django.core.exceptions import ValidationError

from waypost.core.models import AuditEvent
from waypost.distribution.models import DistributionPlan, Entitlement, PlanStatus, Reason
from waypost.distribution.services.allocations import allocate_plan, approve_plan
from waypost.distribution.services.closing import close_distribution
from waypost.distribution.services.plans import LineRequest, create_plan
from waypost.distribution.tests.plan_fixtures import (  # noqa: F401 (fixtures)
    DAY,
    blanket_plan,
    families,
    planner,
    stock,
    store,
)
from waypost.sites.models import ShelterType, Site, SiteKind


def blankets_of(plan, household):
    return Entitlement.objects.get(
        plan=plan, household=household, item__code="blanket-high-thermal"
    )


def test_a_plan_copies_the_stock_and_the_default_rules(planner, camp, store, families):
    plan = blanket_plan(planner, camp, store, 4)
    line = plan.lines.get()
    assert (line.item.code, line.size, line.quantity_available) == ("blanket-high-thermal", None, 4)
    assert sorted(plan.rules.values_list("key", flat=True)) == [
        "blankets",
        "blankets_extra_bedding",
        "blankets_pregnancy",
    ]
    assert plan.status == PlanStatus.DRAFT
    assert AuditEvent.objects.filter(action="created", subject_id=str(plan.pk)).exists()


def test_scarce_blankets_go_to_the_family_most_at_risk_first(planner, camp, store, families):
    # given: 7 blankets entitled (6 people, and one more in pregnancy), 4 in stock
    five, single = families
    plan = blanket_plan(planner, camp, store, 4)
    # when
    allocate_plan(by=planner, plan=plan)
    # then: the family (a difficult pregnancy, a child of 2) before the single man
    family, man = blankets_of(plan, five), blankets_of(plan, single)
    assert (family.quantity_entitled, family.quantity_allocated) == (6, 4)
    assert (man.quantity_entitled, man.quantity_allocated) == (1, 0)
    assert man.reason == Reason.SHORT_STOCK
    assert man.reason_params == {"missing": 1, "available": 4, "entitled": 7, "short_by": 3}
    assert (family.priority_rank, man.priority_rank) == (1, 2)
    assert family.risk_tier == 3 and man.risk_tier == 0


def test_allocating_a_draft_again_replaces_its_entitlements(planner, camp, store, families):
    plan = blanket_plan(planner, camp, store, 10)
    allocate_plan(by=planner, plan=plan)
    allocate_plan(by=planner, plan=plan)
    assert Entitlement.objects.filter(plan=plan).count() == 2
    assert (
        sum(Entitlement.objects.filter(plan=plan).values_list("quantity_allocated", flat=True)) == 7
    )
    assert AuditEvent.objects.filter(action="allocated", subject_id=str(plan.pk)).count() == 2


def test_boots_missing_a_size_are_given_one_size_up(planner, camp, store, families):
    # the children of 11, 7 and 2 wear EU34, EU30 and EU24 by age; no EU30 in stock
    five, _single = families
    for size, quantity in (("EU24", 1), ("EU32", 1), ("EU34", 1), ("EU28", 3)):
        stock(planner, store, "children-boots", quantity, unit="pair", size=size)
    plan = create_plan(
        by=planner,
        site=camp,
        distribution_date=DAY,
        name="Boots",
        warehouse=store,
        items=[LineRequest("children-boots")],
    )
    allocate_plan(by=planner, plan=plan)
    rows = Entitlement.objects.filter(plan=plan).select_related("size", "allocated_size")
    given = {
        (row.size.code if row.size else ""): (
            row.allocated_size.code if row.allocated_size else None,
            row.reason,
        )
        for row in rows
    }
    assert given == {
        "EU24": ("EU24", Reason.FULL),
        "EU30": ("EU32", Reason.SUBSTITUTED_SIZE),
        "EU34": ("EU34", Reason.FULL),
    }
    assert plan.lines.get(size__code="EU30").quantity_available == 0  # added, nothing in stock


def test_approving_freezes_the_plan_and_twice_is_refused(planner, camp, store, families):
    plan = blanket_plan(planner, camp, store, 10)
    with pytest.raises(ValidationError, match="Allocate the plan"):
        approve_plan(by=planner, plan=plan)
    allocate_plan(by=planner, plan=plan)
    approve_plan(by=planner, plan=plan)
    with pytest.raises(ValidationError, match="already approved"):
        approve_plan(by=planner, plan=plan)
    with pytest.raises(ValidationError, match="cannot be allocated again"):
        allocate_plan(by=planner, plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED and plan.approved_by == planner
    assert AuditEvent.objects.filter(action="approved", subject_id=str(plan.pk)).count() == 1
    close_distribution(by=planner, plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED


@pytest.mark.parametrize(
    ("items", "field", "message"),
    [
        ([LineRequest("no-such-item")], "items", "There is no item"),
        ([LineRequest("blanket-high-thermal", quantity=-1)], "items", "cannot be negative"),
        ([LineRequest("blanket-high-thermal", quantity=99)], "items", "holds only 5"),
        ([LineRequest("children-boots", size="EU99")], "items", "has no size"),
        ([LineRequest("soap-bathing-250g")], "items", "holds no"),
        ([], "items", "at least one item"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(
    planner, camp, store, families, items, field, message
):
    stock(planner, store, "blanket-high-thermal", 5)
    with pytest.raises(ValidationError) as refused:
        create_plan(
            by=planner, site=camp, distribution_date=DAY, name="x", warehouse=store, items=items
        )
    assert message in " ".join(refused.value.message_dict[field])
    assert not DistributionPlan.objects.exists()


def test_a_plan_for_a_site_without_people_is_refused(planner, store, families):
    empty = Site.objects.create(
        code="EMP", name="Empty shelter", kind=SiteKind.SHELTER, shelter_type=ShelterType.TENT
    )
    stock(planner, store, "blanket-high-thermal", 5)
    with pytest.raises(ValidationError) as refused:
        create_plan(
            by=planner,
            site=empty,
            distribution_date=DAY,
            name="x",
            warehouse=store,
            items=[LineRequest("blanket-high-thermal")],
        )
    assert "Nobody is registered" in refused.value.message_dict["site"][0]
    assert not DistributionPlan.objects.exists()
