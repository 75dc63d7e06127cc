"""The demo's distribution day: cards for the households at the main camp and the tables.

A Red Cross distributor prints the cards of every household at BRZ (issuing the missing ones)
and opens two tables at the camp, so the winter plan loaded by `waypost.demo.distribution` can
be handed out at once: sign in as `brc.distribution`, open a table and scan a printed card.
"""

from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.distribution import PLAN_NAME
from waypost.demo.organisation import demo_username, sites_by_code
from waypost.distribution.models import DistributionPlan, DistributionPoint
from waypost.distribution.services.cards import issue_site_cards
from waypost.distribution.services.points import open_point

TABLES = ("Table 1", "Table 2")


def load_demo_handout() -> int:
    """Cards and tables for the demo plan; how many cards, 0 when there is no plan or it ran."""
    plan = DistributionPlan.objects.filter(name=PLAN_NAME).select_related("site").first()
    if plan is None or DistributionPoint.objects.filter(site=plan.site).exists():
        return 0
    camp = sites_by_code()["BRZ"]
    distributor = User.objects.get(username=demo_username("brc", Role.DISTRIBUTION_STAFF))
    cards = issue_site_cards(by=distributor, site=camp)
    for table in TABLES:
        open_point(by=distributor, site=camp, name=table)
    return len(cards)
