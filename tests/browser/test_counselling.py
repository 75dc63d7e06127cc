"""A counsellor tells a child about the options, records the session, and opens a Sorani sheet."""

import pytest
from playwright.sync_api import expect

from waypost.core.roles import Role
from waypost.counselling.models import CounsellingSession
from waypost.registry.tests.factories import registered_household

pytestmark = pytest.mark.browser


@pytest.fixture
def counsellor(make_persona, unhcr):
    return make_persona(unhcr, Role.CASEWORKER, username="counsellor")


@pytest.fixture
def child(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    return household.members.filter(relationship="child").order_by("-date_of_birth").first()


def test_a_counsellor_sees_the_options_change_with_the_facts_and_records_the_session(
    page, address, sign_in, counsellor, child, results_dir
):
    # given the counsellor on the child's options page
    sign_in(counsellor)
    page.goto(address("counselling:person", child.pk))
    dublin = page.locator("article.option", has_text="Dublin III / AMMR")
    assert "Not open" in dublin.locator(".status").inner_text()

    # when they learn the child is alone and has a sister living in Germany
    page.select_option("select[name=unaccompanied]", "yes")
    page.fill("input[name=family_0_country]", "DEU")
    page.select_option("select[name=family_0_relation]", "sibling")
    page.select_option("select[name=family_0_status]", "resident")

    # then the options refresh in place: Dublin may be open, only after an application in the EU
    # Each change sends a request; wait for the answer to the last one, not the first.
    expect(dublin.locator(".status")).to_contain_text("May be open")
    child_protection = page.locator("article.option", has_text="unaccompanied or separated child")
    assert "Open to this person" in child_protection.locator(".status").inner_text()
    page.screenshot(path=results_dir / "counselling-options.png", full_page=True)

    # when they record the session in Sorani with two sheets
    page.select_option("#id_language", "ckb")
    page.check("input[name=sheets_given][value=rights_and_help]")
    page.check("input[name=sheets_given][value=family_reunification]")
    page.check("input[name=decision][value=undecided]")
    page.click("button:has-text('Record the session')")

    # then it is listed, with what the child was told
    page.wait_for_selector("text=Session recorded.")
    session = CounsellingSession.objects.get()
    assert session.language == "ckb"
    assert session.facts["unaccompanied"] is True
    presented = {o["option"]: o["status"] for o in session.options_presented}
    assert presented["dublin_family_criteria"] == "may_apply"


def test_a_sorani_sheet_reads_right_to_left_on_screen(
    page, address, sign_in, counsellor, results_dir
):
    sign_in(counsellor)
    page.goto(address("counselling:sheet", "rights_and_help", "ckb"))
    article = page.locator("article.sheet")
    assert article.get_attribute("dir") == "rtl"
    assert article.evaluate("e => getComputedStyle(e).direction") == "rtl"
    heading = article.locator("h1").bounding_box()
    box = article.bounding_box()
    # Right-to-left: the heading's text starts at the right edge of the sheet.
    text_right = article.locator("h1").evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return r.getBoundingClientRect().right; }"
    )
    assert text_right == pytest.approx(box["x"] + box["width"], abs=2)
    assert heading["width"] > 0
    assert "ئەم وەرگێڕانە هێشتا پێداچوونەوەی بۆ نەکراوە." in article.inner_text()
    page.screenshot(path=results_dir / "counselling-sheet-ckb.png", full_page=True)
