"""The plan API: create, allocate, read, explain, approve; refusals name the field."""

# ruff: noqa: F811 (the fixtures are imported by name)

import json

from waypost.distribution.models import DistributionPlan
from waypost.distribution.tests.plan_fixtures import (  # noqa: F401 (fixtures)
    DAY,
    families,
    planner,
    stock,
    store,
)


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_a_plan_made_over_the_api_explains_itself(client, planner, camp, store, families):
    _five, single = families
    stock(planner, store, "blanket-high-thermal", 4)
    client.force_login(planner)
    body = {
        "site": "BRZ",
        "distribution_date": DAY.isoformat(),
        "name": "Winter round",
        "warehouse": store.code,
        "items": [{"item": "blanket-high-thermal"}],
    }
    created = post(client, "/api/distribution/plans", body)
    assert created.status_code == 201, created.content
    plan_id = created.json()["id"]
    allocated = post(client, f"/api/distribution/plans/{plan_id}/allocate").json()
    assert allocated["lines"] == [
        {
            "item": "Blanket high thermal (Rct 0.4)",
            "size": "",
            "available": 4,
            "entitled": 7,
            "allocated": 4,
            "shortfall": 3,
        }
    ]
    why = client.get(f"/api/distribution/plans/{plan_id}/households/{single.pk}").json()
    assert why["rank"] == 2 and why["risk_reasons"] == []
    assert why["entitlements"][0]["reason"] == "short_stock"
    approved = post(client, f"/api/distribution/plans/{plan_id}/approve")
    assert approved.json()["status"] == "approved"
    again = post(client, f"/api/distribution/plans/{plan_id}/approve")
    assert again.status_code == 422
    assert client.get("/api/distribution/plans?site=BRZ").json()[0]["id"] == plan_id


def test_bad_input_is_422_with_the_field_named_and_nothing_saved(
    client, planner, camp, store, families
):
    client.force_login(planner)
    body = {
        "site": "BRZ",
        "distribution_date": DAY.isoformat(),
        "name": "x",
        "warehouse": store.code,
        "items": [{"item": "no-such-item"}],
    }
    answer = post(client, "/api/distribution/plans", body)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "payload", "items"]
    unknown_site = post(client, "/api/distribution/plans", body | {"site": "NOPE"})
    assert unknown_site.json()["detail"][0]["loc"] == ["body", "payload", "site"]
    assert not DistributionPlan.objects.exists()
