"""URL values for the route matrix: an approved plan for today at the shared household's site."""

from django.utils import timezone

from waypost.core.roles import Role
from waypost.core.services import create_user
from waypost.distribution.models import DistributionPlan, Entitlement, PlanStatus, Reason
from waypost.stock.models import Item
from waypost.stock.services import create_warehouse, receive_stock


def distribution_route_values(household):
    keeper = create_user(
        username="matrix-distribution-logistician",
        agency=household.registering_agency,
        roles=[Role.LOGISTICIAN],
    )
    store = create_warehouse(by=keeper, code="MTX-D", name="Matrix camp store", site=household.site)
    receive_stock(
        by=keeper,
        warehouse=store,
        item="blanket-high-thermal",
        quantity=50,
        unit="piece",
        reference="MTX",
    )
    plan = DistributionPlan.objects.create(
        site=household.site,
        distribution_date=timezone.localdate(),
        name="Matrix round",
        status=PlanStatus.APPROVED,
        approved_at=timezone.now(),
        warehouse=store,
        created_by=keeper,
        rule_set="winter-2021",
    )
    Entitlement.objects.create(
        plan=plan,
        household=household,
        item=Item.objects.get(code="blanket-high-thermal"),
        quantity_entitled=2,
        quantity_allocated=2,
        reason=Reason.FULL,
    )
    return {"plan_id": str(plan.pk)}


def distribution_selector_values(household):
    """The scoped-selector test's values: the route matrix's plan, and a card for the household."""
    from waypost.distribution.selectors.table import get_plan
    from waypost.distribution.services.cards import issue_card

    plan = get_plan(distribution_route_values(household)["plan_id"])
    issuer = create_user(
        username="matrix-card-issuer",
        agency=household.registering_agency,
        roles=[Role.REGISTRATION_CLERK],
    )
    card = issue_card(by=issuer, household=household)
    return {"plan": plan, "plan_id": str(plan.pk), "card": card, "cards": [card]}
