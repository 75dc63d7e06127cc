from datetime import date

import pytest

from waypost.stock.models import Item, Shipment, StandardQuantity, StockMovement
from waypost.stock.selectors import balance_of
from waypost.stock.services import receive_stock
from waypost.stock.tests.factories import BLANKETS, boots, pledged


@pytest.fixture
def signed_in(client, redcross_logistician):
    client.force_login(redcross_logistician)
    return client


def movement(store, **changes):
    data = {
        "kind": "receipt",
        "warehouse": store.code,
        "item": "blanket-high-thermal",
        "quantity": "10",
        "unit": "piece",
        "reference": "WB-1",
    }
    return data | changes


def blankets_in(by, store, quantity):
    receive_stock(
        by=by,
        warehouse=store,
        item="blanket-high-thermal",
        quantity=quantity,
        unit="piece",
        reference="R-0",
    )


def test_a_receipt_typed_on_the_page_goes_into_the_ledger(signed_in, main_store):
    response = signed_in.post("/stock/move/", movement(main_store))

    assert response.status_code == 303
    assert response["Location"] == f"/stock/warehouses/{main_store.code}/"
    blanket = Item.objects.get(code="blanket-high-thermal")
    assert balance_of(warehouse=main_store, item=blanket) == 10
    page = signed_in.get(response["Location"])
    assert "Movement recorded." in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quantity": "2.5"}, "Count whole units: 2.5 is not a whole number."),
        ({"quantity": "-4"}, "The quantity must be greater than zero."),
        ({"unit": "pair"}, "is counted in piece, not in pair."),
        ({"item": "children-boots", "unit": "pair", "size": "EU99"}, "has no size EU99."),
        ({"kind": "issue", "quantity": "11"}, "Main store holds 10 piece of"),
        ({"kind": "adjustment", "reason": ""}, "an adjustment needs a reason"),
        ({"kind": "transfer"}, "Choose the warehouse to send to."),
    ],
)
def test_a_bad_movement_comes_back_with_422_and_the_reason(
    signed_in, redcross_logistician, main_store, changes, message
):
    blankets_in(redcross_logistician, main_store, 10)
    before = StockMovement.objects.count()

    response = signed_in.post("/stock/move/", movement(main_store, **changes))

    assert response.status_code == 422
    assert message in response.content.decode().replace("&#x27;", "'")
    assert StockMovement.objects.count() == before


def test_a_transfer_from_an_empty_warehouse_is_refused_on_the_page(
    signed_in, main_store, camp_store
):
    data = movement(camp_store, kind="transfer", destination=main_store.code)

    response = signed_in.post("/stock/move/", data)

    assert response.status_code == 422
    assert "Camp store holds 0 piece of" in response.content.decode()
    assert StockMovement.objects.count() == 0


def test_another_agencys_warehouse_is_not_offered_for_a_movement(
    client, unhcr_logistician, main_store
):
    client.force_login(unhcr_logistician)

    response = client.post("/stock/move/", movement(main_store))

    assert response.status_code == 422
    assert StockMovement.objects.count() == 0


def test_the_warehouse_lists_lots_first_expiry_first(signed_in, redcross_logistician, main_store):
    for lot, expiry in (("LATE", date(2027, 9, 1)), ("SOON", date(2027, 1, 1))):
        receive_stock(
            by=redcross_logistician,
            warehouse=main_store,
            item="food-parcel-rations",
            quantity=5,
            unit="carton",
            reference="R-1",
            lot=lot,
            expires_on=expiry,
        )

    page = signed_in.get(f"/stock/warehouses/{main_store.code}/").content.decode()

    assert page.index("SOON") < page.index("LATE")
    assert "2027-01-01" in page


def test_the_ledger_filters_and_answers_htmx_with_the_table_only(
    signed_in, redcross_logistician, main_store
):
    blankets_in(redcross_logistician, main_store, 10)
    url = f"/stock/warehouses/{main_store.code}/ledger/"

    full = signed_in.get(url)
    part = signed_in.get(url + "?kind=issue", headers={"HX-Request": "true"})

    assert "<h1>" in full.content.decode()
    body = part.content.decode()
    assert body.lstrip().startswith('<section id="movements"')
    assert "No movement." in body


def test_the_ledger_pages_by_fifty(signed_in, redcross_logistician, main_store):
    for _ in range(51):
        blankets_in(redcross_logistician, main_store, 1)

    first = signed_in.get(f"/stock/warehouses/{main_store.code}/ledger/").content.decode()
    second = signed_in.get(f"/stock/warehouses/{main_store.code}/ledger/?page=2")

    assert "51 movements" in first
    assert "Page 1 of 2" in first
    assert second.content.decode().count("R-0") == 1


def test_a_pledge_with_lines_is_recorded_from_the_page(signed_in, camp_store):
    data = {
        "reference": "BRC-PL-7",
        "warehouse": camp_store.code,
        "partner": str(camp_store.agency_id),
        "expected_on": "2026-12-03",
        "lines-TOTAL_FORMS": "3",
        "lines-INITIAL_FORMS": "0",
        "lines-0-item": "blanket-high-thermal",
        "lines-0-quantity": "200",
        "lines-0-unit": "piece",
        "lines-1-item": "children-boots",
        "lines-1-size": "EU28",
        "lines-1-quantity": "40",
        "lines-1-unit": "pair",
    }

    response = signed_in.post("/stock/shipments/new/", data)

    assert response.status_code == 303
    assert Shipment.objects.get().lines.count() == 2

    data["reference"] = "BRC-PL-8"
    data["lines-1-size"] = "EU99"
    refused = signed_in.post("/stock/shipments/new/", data)
    assert refused.status_code == 422
    assert "Line 2: Children&#x27;s winter boots has no size EU99." in refused.content.decode()
    assert Shipment.objects.count() == 1


def test_add_a_line_offers_one_more_row_without_javascript(signed_in, camp_store):
    data = {"lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0", "add_line": "1"}

    response = signed_in.post("/stock/shipments/new/", data)

    assert response.status_code == 200
    assert 'name="lines-3-item"' in response.content.decode()


def test_a_shipment_is_received_on_its_page_with_a_shortfall(
    signed_in, redcross_logistician, camp_store
):
    shipment = pledged(redcross_logistician, camp_store, lines=[BLANKETS, boots("EU28", 30)])
    lines = list(shipment.lines.all())
    page = signed_in.get(f"/stock/shipments/{shipment.pk}/").content.decode()
    assert 'id="receive"' in page
    data = {"lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "2", "note": ""}
    for index, line in enumerate(lines):
        data |= {f"lines-{index}-line": str(line.pk), f"lines-{index}-damaged": "0"}
        data[f"lines-{index}-received"] = str(line.quantity)
    data["lines-1-received"] = "25"

    refused = signed_in.post(f"/stock/shipments/{shipment.pk}/receive/", data)
    data["lines-1-reason"] = "five pairs missing on arrival"
    received = signed_in.post(f"/stock/shipments/{shipment.pk}/receive/", data)

    assert refused.status_code == 422
    assert "Say why fewer than 30 arrived in good order." in refused.content.decode()
    assert received.status_code == 303
    after = signed_in.get(f"/stock/shipments/{shipment.pk}/").content.decode()
    assert "five pairs missing on arrival" in after
    assert StockMovement.objects.filter(reference=shipment.reference).count() == 2


def test_a_receipt_larger_than_the_line_is_refused_on_the_page(
    signed_in, redcross_logistician, camp_store
):
    shipment = pledged(redcross_logistician, camp_store)
    line = shipment.lines.get()
    data = {
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "1",
        "lines-0-line": str(line.pk),
        "lines-0-received": "120",
        "lines-0-damaged": "0",
    }

    response = signed_in.post(f"/stock/shipments/{shipment.pk}/receive/", data)

    assert response.status_code == 422
    assert "120 counted (received and damaged) is more than the 100" in response.content.decode()
    assert StockMovement.objects.count() == 0


def test_status_buttons_move_a_shipment_and_refuse_a_silent_cancellation(
    signed_in, redcross_logistician, camp_store
):
    shipment = pledged(redcross_logistician, camp_store)
    url = f"/stock/shipments/{shipment.pk}/status/"

    sent = signed_in.post(url, {"status": "in_transit"})
    silent = signed_in.post(url, {"status": "cancelled"})

    assert sent.status_code == 303
    assert silent.status_code == 422
    assert "Say why the shipment is cancelled." in silent.content.decode()
    shipment.refresh_from_db()
    assert shipment.status == "in_transit"


def test_the_catalogue_pages_add_an_item_and_change_a_standard(signed_in):
    item = {"code": "scarf", "name": "Scarf", "unit": "piece", "category": "winterization"}
    bad_sizes = item | {"code": "mittens", "size_system": "", "sizes": "S = small"}

    created = signed_in.post("/stock/catalogue/items/new/", item)
    refused = signed_in.post("/stock/catalogue/items/new/", bad_sizes)
    standard = signed_in.post(
        "/stock/catalogue/standards/water_l_pppd/",
        {"value": "20", "source": "Site water plan", "verification": "✗", "reason": ""},
    )

    assert created.status_code == 303
    assert Item.objects.filter(code="scarf").exists()
    assert refused.status_code == 422
    assert "Choose a size system for an item with sizes." in refused.content.decode()
    assert standard.status_code == 422
    assert StandardQuantity.objects.get(key="water_l_pppd").value == 15


def test_a_kit_is_edited_from_its_page(signed_in):
    data = {
        "name": "Winter kit",
        "source": "UNHCR Syria winterization package 2018-19",
        "verification": "◐",
        "components": "blanket-high-thermal = 5\nplastic-sheet = 1\nwinter-hat = 4",
    }

    response = signed_in.post("/stock/catalogue/kits/winter-kit/", data)
    refused = signed_in.post("/stock/catalogue/kits/winter-kit/", data | {"components": "tent = 1"})

    assert response.status_code == 303
    assert refused.status_code == 422
    assert "There is no item tent in the catalogue." in refused.content.decode()


def test_viewers_see_stock_without_the_forms_to_move_it(client, redcross_distributor, main_store):
    client.force_login(redcross_distributor)

    page = client.get(f"/stock/warehouses/{main_store.code}/").content.decode()

    assert "Record a movement" not in page
    assert client.get("/stock/move/").status_code == 403


def test_the_stock_pages_read_right_to_left_in_arabic(
    signed_in, settings, redcross_logistician, camp_store
):
    shipment = pledged(redcross_logistician, camp_store)
    signed_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"

    for url in ("/stock/", f"/stock/shipments/{shipment.pk}/", "/stock/catalogue/"):
        page = signed_in.get(url)
        assert page.status_code == 200
        assert 'dir="rtl"' in page.content.decode()
