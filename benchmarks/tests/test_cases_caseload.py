"""The caseload benchmark's bulk rows: the SQL caseload and the Python counting agree on them."""

from datetime import date

from benchmarks.cases.baseline import naive_caseload
from benchmarks.cases.caseload import check_same
from benchmarks.cases.load import load_cases
from waypost.cases import workflows
from waypost.cases.caseload import caseload_of
from waypost.cases.models import CasePathway, Referral
from waypost.core.models import User
from waypost.demo.generator import generate_camp
from waypost.demo.loaders import load_in_bulk
from waypost.demo.organisation import registration_clerks, set_up_operation, sites_by_code

TODAY = date(2026, 11, 20)


def test_bulk_cases_are_counted_the_same_both_ways(db):
    set_up_operation()
    camp = generate_camp(seed=1, people=200, today=TODAY)
    load_in_bulk(camp, clerks=registration_clerks(), sites=sites_by_code())

    load_cases(600, today=TODAY)

    user = User.objects.get(username="bench-unhcr-0")
    load = caseload_of(user, team=True, today=TODAY)
    check_same(load, naive_caseload(user, today=TODAY))
    assert (
        sum(p.total for p in load.pathways)
        == CasePathway.objects.filter(agency=user.agency).count()
    )
    assert Referral.objects.count() == 60
    for followed in CasePathway.objects.select_related("case"):
        assert followed.state in workflows.workflow_of(followed.pathway).states
        assert (followed.agency_id, followed.caseworker_id) == (
            followed.case.agency_id,
            followed.case.caseworker_id,
        )
