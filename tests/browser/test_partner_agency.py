"""Distribution staff of a partner agency see who stands at the table, never protection details.

The same household is opened by the registering agency's clerk, as a control that the details
looked for are really on the page for someone allowed to see them.
"""

import pytest

from waypost.registry.tests.factories import registered_household

pytestmark = pytest.mark.browser

# What the family-of-five factory records that only registration and protection staff may read:
# the head's phone and passport, the spouse's pregnancy and her specific-need code.
PROTECTION_DETAILS = {
    "phone": "+9647501234567",
    "document": "A1234567",
    "pregnancy": "Pregnant",
    "specific need": "SM-DP",
    "specific needs column": "Specific needs",
}


@pytest.fixture
def shared_household(unhcr_registrar, camp):
    """Registered by UNHCR; the head agreed to sharing data with partner agencies."""
    return registered_household(
        by=unhcr_registrar, site=camp, consents=("assistance", "data_sharing")
    )


def open_household_as(user, household, *, page, sign_in, address):
    sign_in(user)
    page.goto(address("registry:household", household.pk))
    return page.locator("main").inner_text()


def test_red_cross_distribution_staff_see_the_head_and_size_but_no_protection_details(
    page, sign_in, address, redcross_distributor, shared_household, results_dir
):
    # when
    shown = open_household_as(
        redcross_distributor, shared_household, page=page, sign_in=sign_in, address=address
    )
    # then
    page.screenshot(path=results_dir / "household-as-red-cross.png", full_page=True)
    assert "Mohammed Ali Hassan" in shown
    people = page.locator("dt", has_text="People").locator("xpath=following-sibling::dd[1]")
    assert people.inner_text() == "5"
    assert page.locator("table.members tbody tr").count() == 5
    leaked = {what: text for what, text in PROTECTION_DETAILS.items() if text in shown}
    assert leaked == {}
    # and the spouse's own page, one link further, keeps them back too
    page.locator("table.members tr", has_text="Layla").get_by_role("link").first.click()
    page.get_by_role("heading", name="Layla Omar Hassan").wait_for()
    shown = page.locator("main").inner_text()
    assert {what: text for what, text in PROTECTION_DETAILS.items() if text in shown} == {}


def test_the_registering_clerk_sees_the_protection_details_on_the_same_page(
    page, sign_in, address, unhcr_registrar, shared_household
):
    shown = open_household_as(
        unhcr_registrar, shared_household, page=page, sign_in=sign_in, address=address
    )
    missing = {what: text for what, text in PROTECTION_DETAILS.items() if text not in shown}
    assert missing == {}
