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
