"""The demo's winter plan: approved, short of boots in EU 30, most at risk served first."""

from django.utils import timezone

from waypost.demo.distribution import PLAN_NAME, load_demo_distribution
from waypost.demo.generator import generate_camp
from waypost.demo.handout import TABLES, load_demo_handout
from waypost.demo.loaders import load_in_bulk
from waypost.demo.organisation import registration_clerks, set_up_operation, sites_by_code
from waypost.distribution.models import (
    CardStatus,
    DistributionPlan,
    DistributionPoint,
    Entitlement,
    HouseholdCard,
    PlanStatus,
    Reason,
)
from waypost.registry.models import Household
from waypost.stock.models import StockBalance


def test_the_demo_plan_is_approved_and_shows_scarcity(db):
    set_up_operation()
    camp = generate_camp(seed=3, people=400, today=timezone.localdate())
    for household in camp:
        household.site_code = "BRZ"
    load_in_bulk(camp, clerks=registration_clerks(), sites=sites_by_code())

    assert load_demo_distribution(today=timezone.localdate())
    assert not load_demo_distribution(today=timezone.localdate())  # once

    plan = DistributionPlan.objects.get(name=PLAN_NAME)
    assert plan.status == PlanStatus.APPROVED
    boots = Entitlement.objects.filter(plan=plan, item__code="children-boots")
    eu30 = boots.filter(size__code="EU30")
    assert (
        eu30.filter(reason=Reason.SUBSTITUTED_SIZE).exists()
        or eu30.filter(reason__in=[Reason.SHORT_STOCK, Reason.SIZE_UNAVAILABLE]).exists()
    )
    blankets = Entitlement.objects.filter(plan=plan, item__code="blanket-high-thermal")
    short = blankets.filter(reason=Reason.SHORT_STOCK)
    full = blankets.filter(reason=Reason.FULL)
    assert short.exists() and full.exists()
    # blankets are a priority item: no household that went short ranks above one served in full
    assert max(full.values_list("risk_tier", flat=True)) >= max(
        short.values_list("risk_tier", flat=True)
    )


def test_the_demo_plan_is_dispatched_and_its_households_hold_cards_at_two_tables(db):
    set_up_operation()
    camp = generate_camp(seed=5, people=200, today=timezone.localdate())
    for household in camp:
        household.site_code = "BRZ"
    load_in_bulk(camp, clerks=registration_clerks(), sites=sites_by_code())
    assert load_demo_handout() == 0  # no plan yet
    load_demo_distribution(today=timezone.localdate())

    cards = load_demo_handout()

    brz = sites_by_code()["BRZ"]
    assert cards == Household.objects.filter(site=brz).count() > 0
    active = HouseholdCard.objects.filter(status=CardStatus.ACTIVE, household__site=brz)
    assert active.count() == cards
    points = DistributionPoint.objects.filter(site=brz)
    assert sorted(points.values_list("name", flat=True)) == sorted(TABLES)
    assert load_demo_handout() == 0  # once
    plan = DistributionPlan.objects.get(name=PLAN_NAME)
    at_point = StockBalance.objects.filter(warehouse=plan.point_store).values_list(
        "quantity", flat=True
    )
    allocated = Entitlement.objects.filter(plan=plan).values_list("quantity_allocated", flat=True)
    assert sum(at_point) == sum(allocated) > 0
