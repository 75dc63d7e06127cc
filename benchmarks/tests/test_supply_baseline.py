"""The spreadsheet baseline and Waypost's grouped query give the same figures, person by person."""

from datetime import date
from decimal import Decimal

from benchmarks.supply_baseline import baseline_needs, export_registry
from waypost.core.roles import Role
from waypost.needs.figures import Conditions
from waypost.needs.selectors import compute_needs
from waypost.needs.services import record_size
from waypost.registry.tests.factories import family_of_five, member, registered_household


def test_the_baseline_agrees_with_compute_needs(make_persona, unhcr, camp, warehouse_site):
    clerk = make_persona(unhcr, Role.REGISTRATION_CLERK)
    first = registered_household(by=clerk, site=camp)
    again = family_of_five()
    again[0].documents = []  # one passport belongs to one person
    registered_household(by=clerk, site=warehouse_site, members=again)
    registered_household(
        by=clerk,
        site=camp,
        members=[
            member(given_name="Old", date_of_birth=date(1950, 1, 1), specific_needs=["SM-CI"]),
            member(
                relationship="child", given_name="Teen", sex="F", date_of_birth=date(2011, 1, 1)
            ),
        ],
    )
    record_size(
        by=clerk,
        individual=first.members.get(given_name="Sara"),
        size_system="eu_shoe",
        code="EU30",
    )
    sites = [camp, warehouse_site]
    conditions = Conditions(date(2025, 1, 15), Decimal(-12), Decimal(3))

    ours = compute_needs(sites=sites, period_days=10, conditions=conditions)
    theirs = baseline_needs(export_registry(sites), sites, conditions, days=10)

    assert theirs == {(f.site.code, f.item.code, f.size_code): f.quantity for f in ours.figures}
