"""A logistician receives a shipment and sees it on the needs page: what is short now shrinks.

The family of five sleeps in the open camp; the page's defaults (a week, night −5 °C) give them
11 blankets (2 each, one more for the pregnancy). 8 are pledged: the gap after the pipeline is
3. Receiving the shipment on its page moves the 8 from pipeline into stock, so what is short
now falls from 11 to 3; a donation of 3 more, recorded on the movement page, closes the gap.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from waypost.core.roles import Role
from waypost.registry.tests.factories import registered_household
from waypost.stock.services import LineIn, create_warehouse, pledge_shipment

pytestmark = pytest.mark.browser
BLANKETS = "Blanket high thermal (Rct 0.4)"


@pytest.fixture
def logistician(make_persona, redcross):
    return make_persona(redcross, Role.LOGISTICIAN)


@pytest.fixture
def shipment(logistician, unhcr_registrar, camp):
    registered_household(by=unhcr_registrar, site=camp)
    store = create_warehouse(by=logistician, code="BRZ-1", name="Camp store", site=camp)
    return pledge_shipment(
        by=logistician,
        warehouse=store,
        reference="BRC-PL-7",
        expected_on=timezone.localdate() + timedelta(days=2),
        partner=logistician.agency,
        lines=[LineIn("blanket-high-thermal", 8, "piece")],
    )


def blanket_figures(page, address):
    page.goto(address("needs:gap") + "?sites=BRZ")
    row = page.locator("table.needs-gap tbody tr", has_text=BLANKETS)
    cells = [cell.inner_text() for cell in row.locator("td").all()]
    need, stock, short_now, pipeline, gap = (int(text) for text in cells[:5])
    return {"need": need, "stock": stock, "short now": short_now, "pipeline": pipeline, "gap": gap}


def test_receiving_a_shipment_shrinks_what_is_short(
    page, sign_in, address, logistician, shipment, results_dir
):
    sign_in(logistician)
    before = blanket_figures(page, address)
    page.screenshot(path=results_dir / "needs-gap-before-receipt.png", full_page=True)

    # when the shipment is received as pledged, on its own page
    page.goto(address("stock:shipment", shipment.pk))
    page.get_by_role("button", name="Receive into stock").click()
    page.get_by_text("Shipment BRC-PL-7 received.").wait_for()
    after = blanket_figures(page, address)
    page.screenshot(path=results_dir / "needs-gap-after-receipt.png", full_page=True)

    assert before == {"need": 11, "stock": 0, "short now": 11, "pipeline": 8, "gap": 3}
    assert after == {"need": 11, "stock": 8, "short now": 3, "pipeline": 0, "gap": 3}

    # and when 3 more arrive unpledged, the gap itself closes
    page.goto(address("stock:move"))
    page.get_by_label("Movement").select_option("receipt")
    page.get_by_label("Warehouse", exact=True).select_option(label="Camp store (BRZ-1)")
    page.get_by_label("Item").select_option("blanket-high-thermal")
    page.get_by_label("Quantity").fill("3")
    page.get_by_label("Unit").select_option("piece")
    page.get_by_label("Reference").fill("DONATION-1")
    page.get_by_role("button", name="Record").click()
    page.wait_for_load_state()
    closed = blanket_figures(page, address)
    assert closed == {"need": 11, "stock": 11, "short now": 0, "pipeline": 0, "gap": 0}


def test_a_figure_explains_itself_in_place(page, sign_in, address, logistician, shipment):
    sign_in(logistician)
    page.goto(address("needs:gap") + "?sites=BRZ")
    row = page.locator("table.needs-gap tbody tr", has_text=BLANKETS)
    row.get_by_role("link", name="Explain").click()
    explanation = page.locator(".explanation", has_text="blankets_extra_bedding")
    explanation.wait_for()
    text = explanation.inner_text()
    assert "ceil((0.70 − 0.15) / 0.4)" in text
    assert "IFRC/ICRC" in text
    assert page.url.endswith("?sites=BRZ")  # expanded in place, the page did not change
