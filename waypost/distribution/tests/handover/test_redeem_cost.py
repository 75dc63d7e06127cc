"""What one redemption over the API costs the server, measured in-process (skipped by default).

    WAYPOST_MEASURE_REDEEM=200 DATABASE_URL=postgres://... pytest \\
        waypost/distribution/tests/handover/test_redeem_cost.py -s

Signs in a distribution officer, redeems WAYPOST_MEASURE_REDEEM households' blankets one by one
through `POST /api/distribution/redemptions` with Django's test client and prints the queries of
one request and the processor time (`time.process_time`: this process only, not the database's)
per request. The test client skips the HTTP server, so a real server costs a little more.
"""

import json
import os
import sys
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from waypost.distribution import tokens
from waypost.distribution.services.cards import issue_card
from waypost.distribution.tests.handover.conftest import entitle
from waypost.registry.tests.factories import member, registered_household
from waypost.stock.models import Item
from waypost.stock.services import receive_stock

COUNT = int(os.environ.get("WAYPOST_MEASURE_REDEEM", "0"))
WARM_UP = 5
pytestmark = pytest.mark.skipif(not COUNT, reason="a measurement: set WAYPOST_MEASURE_REDEEM")


def _payloads(*, by, registrar, camp, plan, point, count):
    payloads = []
    for n in range(count):
        household = registered_household(
            by=registrar, site=camp, members=[member(given_name=f"Bench {n}")]
        )
        entitlement = entitle(plan, household, "blanket-high-thermal", 1)
        card = issue_card(by=by, household=household)
        payloads.append(
            {
                "token": tokens.sign(card.key),
                "plan": str(plan.pk),
                "point": point.pk,
                "lines": [{"entitlement": entitlement.pk, "quantity": 1}],
                "idempotency_key": f"m-{n}",
            }
        )
    return payloads


def _stock_for_all(*, by, store):
    blanket = Item.objects.get(code="blanket-high-thermal")
    receive_stock(
        by=by,
        warehouse=store,
        item=blanket.code,
        size="",
        quantity=COUNT + WARM_UP,
        unit=blanket.unit,
        reference="WB-2",
    )


def test_processor_time_and_queries_per_redemption(
    client, redcross_distributor, unhcr_registrar, camp, plan, point, store, redcross_logistician
):
    _stock_for_all(by=redcross_logistician, store=store)
    payloads = _payloads(
        by=redcross_distributor,
        registrar=unhcr_registrar,
        camp=camp,
        plan=plan,
        point=point,
        count=COUNT + WARM_UP,
    )
    client.force_login(redcross_distributor)

    def post(payload):
        response = client.post(
            "/api/distribution/redemptions", json.dumps(payload), content_type="application/json"
        )
        assert response.status_code == 201, response.content

    for payload in payloads[: WARM_UP - 1]:
        post(payload)
    with CaptureQueriesContext(connection) as queries:
        post(payloads[WARM_UP - 1])
    recorded = [query["sql"] for query in queries.captured_queries]  # before the log rolls over
    started = time.process_time()
    for payload in payloads[WARM_UP:]:
        post(payload)
    per_request = 1000 * (time.process_time() - started) / COUNT
    lines = [f"{len(recorded)} queries in one redemption:"]
    lines += ["  " + sql[:110] for sql in recorded]
    load = os.getloadavg()[0]
    lines.append(
        f"{per_request:.2f} ms processor time per redemption, {COUNT} runs, load {load:.1f}"
    )
    sys.stdout.write("\n" + "\n".join(lines) + "\n")  # the figures are the point of this test
