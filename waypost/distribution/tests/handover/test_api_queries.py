"""What one redemption over the API costs the database, so that it cannot creep back up.

Counted with the test database's savepoint standing in for the transaction's BEGIN and COMMIT:
the session, the user with the user's roles (`waypost.core.auth`), then one statement for the
plan (with its site and warehouse), the point, the card (with its household), the entitlements
and the store's balances (`services/handover_read.py`); then, in one transaction, the stock
movements, the redemptions, the audit events and the balance rows brought down: one statement
on PostgreSQL; elsewhere one multi-row INSERT per table and one UPDATE per balance row
(`services/handover_write.py`).
"""

import json
import uuid

from django.db import connection

from waypost.core.models import AuditEvent
from waypost.distribution import tokens
from waypost.distribution.models import Redemption
from waypost.distribution.services.points import open_point
from waypost.sites.models import ShelterType, Site, SiteKind
from waypost.stock.models import StockMovement

# 3 reads, the savepoint, the writes, the release.
WRITES = 1 if connection.vendor == "postgresql" else 3 + 1  # 3 INSERTs, 1 UPDATE per balance row
QUERIES_PER_REDEMPTION = 3 + 1 + WRITES + 1
SECOND_BALANCE_ROW = 0 if connection.vendor == "postgresql" else 1  # one more UPDATE


def _payload(card, plan, point, lines, key):
    return {
        "token": tokens.sign(card.key),
        "plan": str(plan.pk),
        "point": point.pk,
        "lines": lines,
        "idempotency_key": key,
    }


def test_one_redemption_over_the_api_takes_a_fixed_handful_of_queries(
    client, redcross_distributor, card, plan, point, blankets, django_assert_max_num_queries
):
    client.force_login(redcross_distributor)
    payload = _payload(card, plan, point, [{"entitlement": blankets.pk, "quantity": 5}], "q-1")
    with django_assert_max_num_queries(QUERIES_PER_REDEMPTION):
        response = client.post(
            "/api/distribution/redemptions", json.dumps(payload), content_type="application/json"
        )
    assert response.status_code == 201
    redemption = Redemption.objects.get(entitlement=blankets)
    assert redemption.movement is not None
    assert redemption.quantity == 5 and redemption.movement.quantity == -5
    assert AuditEvent.objects.filter(action="distribution.redeemed").count() == 1


def test_two_lines_add_no_query_but_the_second_balance_row(
    client,
    redcross_distributor,
    card,
    plan,
    point,
    blankets,
    boots,
    django_assert_max_num_queries,
):
    client.force_login(redcross_distributor)
    lines = [
        {"entitlement": blankets.pk, "quantity": 5},
        {"entitlement": boots.pk, "quantity": 1},
    ]
    payload = _payload(card, plan, point, lines, "q-2")
    with django_assert_max_num_queries(QUERIES_PER_REDEMPTION + SECOND_BALANCE_ROW):
        response = client.post(
            "/api/distribution/redemptions", json.dumps(payload), content_type="application/json"
        )
    assert response.status_code == 201
    assert Redemption.objects.filter(household_id=card.household_id).count() == 2
    assert StockMovement.objects.filter(reference=f"distribution {plan.pk}").count() == 2


def test_a_point_at_another_site_or_no_such_plan_is_refused(
    client, redcross_distributor, card, plan, point, blankets, unhcr
):
    other_site = Site.objects.create(
        code="GRD",
        name="Grodno centre",
        kind=SiteKind.MAKESHIFT_CAMP,
        shelter_type=ShelterType.OPEN_AIR,
        capacity=10,
        managed_by=unhcr,
    )
    elsewhere = open_point(by=redcross_distributor, site=other_site, name="Table 9")
    client.force_login(redcross_distributor)
    lines = [{"entitlement": blankets.pk, "quantity": 5}]
    for point_id in (elsewhere.pk, point.pk + 1000):
        payload = _payload(card, plan, point, lines, f"q-{point_id}") | {"point": point_id}
        response = client.post(
            "/api/distribution/redemptions", json.dumps(payload), content_type="application/json"
        )
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][-1] == "point"
    payload = _payload(card, plan, point, lines, "q-none") | {"plan": str(uuid.uuid4())}
    response = client.post(
        "/api/distribution/redemptions", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 404
    assert not Redemption.objects.exists()
