"""Arabic, Sorani and Persian screens lay out right to left without breaking."""

import pytest

from waypost.testing.layout import horizontal_centre, layout_of

pytestmark = pytest.mark.browser


def choose_language(page, code):
    page.select_option("select[name=language]", code)
    page.wait_for_function(f"document.documentElement.lang === '{code}'")


def test_choosing_arabic_on_the_sign_in_page_turns_it_right_to_left(page, address, results_dir):
    # given
    page.goto(address("login"))
    assert layout_of(page).direction == "ltr"
    page.screenshot(path=results_dir / "sign-in-ltr.png", full_page=True)
    # when
    choose_language(page, "ar")
    # then
    layout = layout_of(page)
    assert (layout.language, layout.direction) == ("ar", "rtl")
    assert not layout.overflows, layout
    assert horizontal_centre(page, ".brand") > 0.5, "the brand should sit on the right"
    page.screenshot(path=results_dir / "sign-in-rtl.png", full_page=True)


def test_the_language_chosen_stays_for_the_next_pages(page, address, sign_in, camp_viewer):
    # given
    page.goto(address("login"))
    choose_language(page, "ar")
    # when
    sign_in(camp_viewer)
    # then
    layout = layout_of(page)
    assert (layout.language, layout.direction) == ("ar", "rtl")
    assert not layout.overflows, layout
    assert horizontal_centre(page, ".topbar nav") > 0.5, "the menu should start on the right"


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_the_registration_page_lays_out_in_the_direction_of_its_language(
    page, address, sign_in, unhcr_registrar, camp, results_dir, language, direction
):
    # given a clerk whose language cookie says English or Arabic
    sign_in(unhcr_registrar)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": address("home")}]
    )
    # when
    page.goto(address("registry:register"))
    # then
    page.screenshot(path=results_dir / f"register-{direction}.png", full_page=True)
    layout = layout_of(page)
    assert (layout.language, layout.direction) == (language, direction)
    assert not layout.overflows, layout
    starts_on_the_right = direction == "rtl"
    assert (horizontal_centre(page, ".topbar nav") > 0.5) is starts_on_the_right
    assert (horizontal_centre(page, "#id_members-0-given_name") > 0.5) is starts_on_the_right
