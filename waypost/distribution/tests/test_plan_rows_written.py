"""The entitlement rows a plan writes, value by value and in the order written, are the
allocation's rows: each household's sized rows and item rows, its priority rank, each row's
reason, ordered by the households' ids as text (the order of the table's indexes)."""

import json
import uuid

from django.utils import timezone

from waypost.demo.distribution import PLAN_NAME, load_demo_distribution
from waypost.demo.generator import generate_camp
from waypost.demo.loaders import load_in_bulk
from waypost.demo.organisation import registration_clerks, set_up_operation, sites_by_code
from waypost.distribution.allocation import compute as allocation
from waypost.distribution.allocation.population import members_at
from waypost.distribution.models import DistributionPlan, Entitlement
from waypost.distribution.services.allocations import item_sizes, plan_lines, sizes_by_code


def as_uuid(value):
    return None if value is None else uuid.UUID(str(value))


def expected_rows(plan):
    """The rows worked out again from the allocation, in household-id text order (stable, so
    each household's rows keep the order the allocation made them in)."""
    rules = list(plan.rules.select_related("item"))
    sizes = sizes_by_code(item_sizes({rule.item_id for rule in rules}))
    lines = {
        key: allocation.Line(line.available, line.sizes_up_allowed)
        for key, line in plan_lines(plan).items()
    }
    members = members_at(plan.site, plan.distribution_date)
    result = allocation.compute(rules=rules, members=members, sizes=sizes, lines=lines)
    rows = sorted(result.rows.items(), key=lambda entry: str(as_uuid(entry[0][0])))
    expected = []
    for key, row in rows:
        household, individual, item, size = key
        reason, params = allocation.reason_of(key, row, result.lines)
        expected.append(
            (
                as_uuid(household),
                as_uuid(individual),
                item,
                size or None,
                row.given_size or None,
                row.entitled,
                row.allocated,
                row.score,
                row.tier,
                result.household_order[household],
                str(reason),
                params,
            )
        )
    return expected


def test_the_rows_written_are_the_allocations_in_household_order(db):
    set_up_operation()
    camp = generate_camp(seed=7, people=300, today=timezone.localdate())
    for household in camp:
        household.site_code = "BRZ"
    load_in_bulk(camp, clerks=registration_clerks(), sites=sites_by_code())
    assert load_demo_distribution(today=timezone.localdate())
    plan = DistributionPlan.objects.get(name=PLAN_NAME)

    written = [
        (*row[:-1], json.loads(row[-1]) if isinstance(row[-1], str) else row[-1])
        for row in Entitlement.objects.filter(plan=plan)
        .order_by("id")
        .values_list(
            "household_id",
            "individual_id",
            "item__code",
            "size__code",
            "allocated_size__code",
            "quantity_entitled",
            "quantity_allocated",
            "risk_score",
            "risk_tier",
            "priority_rank",
            "reason",
            "reason_params",
        )
    ]
    expected = expected_rows(plan)
    assert len(written) == len(expected) > 300
    assert {row[1] is None for row in written} == {True, False}  # household and sized rows
    assert written == expected
