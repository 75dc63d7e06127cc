import pytest

from waypost.stock.models import Shipment, StockBalance, StockMovement
from waypost.stock.tests.factories import pledged

BLANKET = {"item": "blanket-high-thermal", "unit": "piece"}


@pytest.fixture
def api(client, redcross_logistician):
    client.force_login(redcross_logistician)
    return client


def post(api, url, body):
    return api.post(f"/api/stock{url}", body, content_type="application/json")


def receive(api, store, quantity=10):
    body = {"kind": "receipt", "warehouse": store.code, "quantity": quantity, "reference": "R-1"}
    return post(api, "/movements", body | BLANKET)


def messages(response):
    return {tuple(entry["loc"][2:]): entry["msg"] for entry in response.json()["detail"]}


def test_a_receipt_is_posted_and_the_balance_read(api, main_store):
    response = receive(api, main_store, 10)

    assert response.status_code == 201
    assert response.json()[0]["quantity"] == 10
    balances = api.get(f"/api/stock/warehouses/{main_store.code}/balances").json()
    assert balances == [
        {"item": "blanket-high-thermal", "size": "", "lot": "", "expires_on": None, "quantity": 10}
    ]


def test_a_transfer_answers_with_both_movements(api, main_store, camp_store):
    receive(api, main_store, 10)

    response = post(
        api,
        "/movements",
        {"kind": "transfer", "warehouse": main_store.code, "destination": camp_store.code}
        | BLANKET
        | {"quantity": 4, "reference": "T-1"},
    )

    assert response.status_code == 201
    assert [m["quantity"] for m in response.json()] == [-4, 4]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quantity": 2.5}, "not a whole number"),
        ({"quantity": -3}, "greater than zero"),
        ({"unit": "pair"}, "counted in piece, not in pair"),
        ({"item": "tent"}, "no item tent"),
        ({"kind": "issue", "quantity": 11}, "holds 10 piece of"),
        ({"kind": "transfer", "destination": "NOPE"}, "no warehouse NOPE"),
        ({"kind": "write_off", "reason": "stolen"}, "loss, damage or expiry"),
    ],
)
def test_a_bad_movement_is_refused_with_422_and_nothing_written(api, main_store, changes, message):
    receive(api, main_store, 10)
    before = StockMovement.objects.count()
    body = {"kind": "receipt", "warehouse": main_store.code, "quantity": 1, "reference": "X"}

    response = post(api, "/movements", body | BLANKET | changes)

    assert response.status_code == 422
    assert message in " ".join(messages(response).values())
    assert StockMovement.objects.count() == before


def test_a_transfer_from_an_empty_warehouse_is_refused(api, main_store, camp_store):
    body = {"kind": "transfer", "warehouse": camp_store.code, "destination": main_store.code}

    response = post(api, "/movements", body | BLANKET | {"quantity": 1, "reference": "T"})

    assert response.status_code == 422
    assert "Camp store holds 0 piece of" in messages(response)[()]
    assert StockBalance.objects.filter(quantity__gt=0).count() == 0


def test_the_ledger_lists_movements_newest_first_and_filters(api, main_store):
    receive(api, main_store, 10)
    body = {"kind": "issue", "warehouse": main_store.code, "quantity": 3, "reference": "D-1"}
    post(api, "/movements", body | BLANKET)

    listed = api.get(f"/api/stock/movements?warehouse={main_store.code}").json()
    issues = api.get("/api/stock/movements?kind=issue").json()

    assert [m["kind"] for m in listed] == ["issue", "receipt"]
    assert [m["reference"] for m in issues] == ["D-1"]


def pledge_body(store, **changes):
    body = {
        "reference": "BRC-PL-9",
        "warehouse": store.code,
        "partner": "brc",
        "expected_on": "2026-12-03",
        "lines": [
            {"item": "blanket-high-thermal", "quantity": 200, "unit": "piece"},
            {"item": "children-boots", "size": "EU28", "quantity": 40, "unit": "pair"},
        ],
    }
    return body | changes


def test_a_shipment_goes_from_pledge_to_stock(api, camp_store, camp):
    created = post(api, "/shipments", pledge_body(camp_store))
    assert created.status_code == 201
    shipment = created.json()
    url = f"/shipments/{shipment['id']}"

    assert post(api, f"{url}/status", {"status": "in_transit"}).json()["status"] == "in_transit"
    assert api.get(f"/api/stock/pipeline?site={camp.code}").json()[0]["quantity"] == 200
    counts = [
        {"line": line["id"], "received": line["quantity"] - 2, "damaged": 2, "reason": "wet"}
        for line in shipment["lines"]
    ]
    received = post(api, f"{url}/receipt", {"lines": counts})

    assert received.status_code == 200
    assert received.json()["status"] == "received"
    assert [line["damaged"] for line in received.json()["lines"]] == [2, 2]
    assert api.get("/api/stock/pipeline").json() == []


def test_a_bad_pledge_line_is_refused_by_its_index(api, camp_store):
    body = pledge_body(camp_store)
    body["lines"][1]["size"] = "EU99"

    response = post(api, "/shipments", body)

    assert response.status_code == 422
    assert messages(response) == {("lines", 1): "Line 2: Children's winter boots has no size EU99."}
    assert Shipment.objects.count() == 0


def test_a_receipt_larger_than_the_shipment_is_refused(api, redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store)
    line = shipment.lines.get()

    response = post(
        api, f"/shipments/{shipment.pk}/receipt", {"lines": [{"line": line.pk, "received": 150}]}
    )

    assert response.status_code == 422
    assert (
        "150 counted (received and damaged) is more than the 100"
        in messages(response)[("lines", 0)]
    )
    assert StockMovement.objects.count() == 0


def test_an_unknown_status_is_refused(api, redcross_logistician, camp_store):
    shipment = pledged(redcross_logistician, camp_store)

    response = post(api, f"/shipments/{shipment.pk}/status", {"status": "lost"})

    assert response.status_code == 422
    assert messages(response) == {("status",): "Unknown status lost."}


def test_the_catalogue_is_read_and_edited(api):
    items = api.get("/api/stock/items").json()
    boots = next(item for item in items if item["code"] == "children-boots")
    assert {"code": "EU28", "label": "EU 28"} in boots["sizes"]

    created = post(
        api,
        "/items",
        {"code": "scarf", "name": "Scarf", "unit": "piece", "category": "winterization"},
    )
    refused = post(api, "/items", {"code": "Scarf!", "name": "", "unit": "kg", "category": "x"})
    kit = post(
        api,
        "/kits/winter-kit",
        {
            "name": "Winter kit",
            "source": "UNHCR Syria winterization package 2018-19",
            "verification": "◐",
            "components": [
                {"item": "blanket-high-thermal", "quantity": 5},
                {"item": "scarf", "quantity": 5},
            ],
        },
    )

    assert created.status_code == 201
    assert set(messages(refused)) == {("code",), ("name",), ("unit",), ("category",)}
    assert {c["item"] for c in kit.json()["components"]} == {"blanket-high-thermal", "scarf"}


def test_a_standard_needs_a_reason_to_change(api):
    body = {"value": 20, "source": "Sphere 2018", "reason": "", "verification": "◐"}

    response = post(api, "/standards/water_l_pppd", body)

    assert response.status_code == 422
    assert messages(response) == {("reason",): "Say why the figure changes."}


def test_staff_who_may_only_view_cannot_move_stock(client, redcross_distributor, main_store):
    client.force_login(redcross_distributor)

    assert client.get("/api/stock/warehouses").status_code == 200
    assert receive(client, main_store).status_code == 403
