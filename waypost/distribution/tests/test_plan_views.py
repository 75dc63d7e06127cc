"""The plan pages: list, create, allocate, approve, and a household's explanation."""

# ruff: noqa: F811 (the fixtures are imported by name)

from waypost.core.models import AuditEvent
from waypost.core.roles import Role
from waypost.distribution.models import DistributionPlan, PlanStatus
from waypost.distribution.tests.plan_fixtures import (  # noqa: F401 (fixtures)
    DAY,
    blanket_plan,
    families,
    planner,
    stock,
    store,
)


def test_a_planner_creates_allocates_and_approves_a_plan(client, planner, camp, store, families):
    stock(planner, store, "blanket-high-thermal", 4)
    client.force_login(planner)
    form = {
        "site": camp.pk,
        "distribution_date": DAY.isoformat(),
        "name": "Winter round",
        "warehouse": store.pk,
        "items": ["blanket-high-thermal"],
    }
    created = client.post("/distribution/plans/new/", form)
    plan = DistributionPlan.objects.get()
    assert created.status_code == 302 and created.url == f"/distribution/plans/{plan.pk}/"
    client.post(f"/distribution/plans/{plan.pk}/allocate/")
    page = client.get(f"/distribution/plans/{plan.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Blanket high thermal" in text and "Households, most at risk first" in text
    assert [line.shortfall for line in page.context["lines"]] == [3]  # 7 entitled, 4 held
    client.post(f"/distribution/plans/{plan.pk}/approve/")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    assert client.get("/distribution/").status_code == 200


def test_a_refused_plan_shows_the_reason_and_saves_nothing(client, planner, camp, store, families):
    client.force_login(planner)
    form = {
        "site": camp.pk,
        "distribution_date": DAY.isoformat(),
        "name": "Nothing",
        "warehouse": store.pk,
        "items": ["blanket-high-thermal"],
    }
    answer = client.post("/distribution/plans/new/", form)
    assert answer.status_code == 422
    assert "holds no Blanket high thermal" in answer.content.decode()
    assert not DistributionPlan.objects.exists()


def test_the_explanation_opens_in_place_and_the_read_is_audited(
    client, planner, make_persona, unhcr, camp, store, families
):
    five, single = families
    plan = blanket_plan(planner, camp, store, 4)
    from waypost.distribution.services.allocations import allocate_plan

    allocate_plan(by=planner, plan=plan)
    coordinator = make_persona(unhcr, Role.SITE_COORDINATOR)
    client.force_login(coordinator)
    url = f"/distribution/plans/{plan.pk}/households/{single.pk}/"
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    page = client.get(url).content.decode()
    assert "<html" not in fragment and fragment.strip() in page
    assert "Stock short by 3 (4 for 7 entitled)" in fragment
    seen = AuditEvent.objects.filter(action="viewed", subject_id=str(single.pk), actor=coordinator)
    assert seen.count() == 2


def test_risk_reasons_are_shown_only_to_readers_of_the_cold_risk_list(
    client, planner, make_persona, unhcr, camp, store, families
):
    five, _single = families
    plan = blanket_plan(planner, camp, store, 4)
    from waypost.distribution.services.allocations import allocate_plan

    allocate_plan(by=planner, plan=plan)
    url = f"/distribution/plans/{plan.pk}/households/{five.pk}/"
    client.force_login(planner)  # a logistician: the tier, not the reasons
    assert "difficult pregnancy" not in client.get(url).content.decode()
    client.force_login(make_persona(unhcr, Role.SITE_COORDINATOR))
    assert "difficult pregnancy" in client.get(url).content.decode()
