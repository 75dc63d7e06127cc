"""While a clerk types a person's names and birth year, people already registered who may be
them show up beside the form, with the fields that agree and a score, in either direction."""

import re

import pytest

from waypost.registry.tests.factories import member, registered_household
from waypost.testing.layout import layout_of

pytestmark = pytest.mark.browser


@pytest.fixture
def registered(unhcr_registrar, camp):
    household = registered_household(
        by=unhcr_registrar, site=camp, members=[member(phones=["+9647501234567"])]
    )
    return household.members.get()


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_typing_a_registered_persons_name_shows_them_with_the_reason(
    page, keys, address, sign_in, unhcr_registrar, registered, results_dir, language, direction
):
    # given a clerk at the registration page, in English or in Arabic
    sign_in(unhcr_registrar)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": address("home")}]
    )
    page.goto(address("registry:register"))
    keys.wait_for_focus("members-0-given_name")
    panel = page.locator("#member-1 .duplicate-check")
    assert panel.inner_text() == ""

    # when the clerk types his names in other spellings, and his birth year
    keys.type("Muhammad")
    keys.tab_to("members-0-father_name")
    keys.type("Ali")
    keys.tab_to("members-0-family_name")
    keys.type("Hasan")
    keys.tab_to("members-0-date_of_birth")
    keys.type("1985")

    # then the man registered before shows up, linked, with why and how likely
    match = panel.get_by_role("listitem").filter(has_text=registered.number)
    match.wait_for()
    assert "Mohammed Ali Hassan" in match.inner_text()
    assert re.search(r"same given name in another spelling", match.inner_text())
    assert re.search(r"\d+\s?%", match.inner_text())
    link = match.get_by_role("link", name="Mohammed Ali Hassan")
    assert link.get_attribute("href").endswith(f"/registry/people/{registered.pk}/")
    assert panel.get_attribute("aria-live") == "polite"
    page.screenshot(path=results_dir / f"duplicate-check-{direction}.png", full_page=True)
    layout = layout_of(page)
    assert layout.direction == direction
    assert not layout.overflows, layout
