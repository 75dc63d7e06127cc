from datetime import date

from waypost.cases.models import Case, CasePathway, FollowUp, Referral
from waypost.demo.cases import PLAN, ROUNDS, load_demo_cases
from waypost.demo.organisation import set_up_operation


def test_the_demo_cases_load_once_across_pathways_and_agencies(db):
    from waypost.demo.generator import generate_camp
    from waypost.demo.loaders import load_with_services
    from waypost.demo.organisation import registration_clerks, sites_by_code

    set_up_operation()
    camp = generate_camp(seed=1, people=400, today=date(2026, 11, 20))
    load_with_services(camp, clerks=registration_clerks(), sites=sites_by_code())

    made = load_demo_cases(today=date(2026, 11, 20))

    assert made == len(PLAN) * ROUNDS == Case.objects.count()
    assert load_demo_cases(today=date(2026, 11, 20)) == 0
    assert CasePathway.objects.filter(pathway="avrr", state="travel_document_requested").exists()
    assert set(Case.objects.values_list("agency__code", flat=True)) == {"unhcr", "iom", "brc"}
    assert Referral.objects.get().status == "sent"
    assert FollowUp.objects.filter(due_on__lt=date(2026, 11, 20), done_at__isnull=True).exists()
