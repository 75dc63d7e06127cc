"""From a cold snap to a confirmed relocation, as a site coordinator does it in the browser.

A father and his six-month-old sleep in the open-air camp. The coordinator records tonight's
reading (−15 °C, wind 30 km/h): on the at-risk list the infant is critical (open air at that
wind chill 4 points, an infant 3). The planner proposes the household for the shelter's heated
places; confirming is refused until the household's answer is recorded; once it agreed, the
move is confirmed and both now sleep at the shelter.
"""

import pytest
from django.utils import timezone

from waypost.core.roles import Role
from waypost.registry.models import Household
from waypost.relocation.services import set_places
from waypost.safety.tests.factories import household_with, months_old
from waypost.sites.models import ShelterType, Site, SiteKind

pytestmark = pytest.mark.browser


@pytest.fixture
def coordinator(make_persona, unhcr):
    return make_persona(unhcr, Role.SITE_COORDINATOR)


@pytest.fixture
def shelter(coordinator, unhcr):
    site = Site.objects.create(
        code="SHL",
        name="Family shelter",
        kind=SiteKind.SHELTER,
        shelter_type=ShelterType.HEATED_BUILDING,
        capacity=10,
        managed_by=unhcr,
    )
    set_places(by=coordinator, site=site, beds={"heated": 4})
    return site


@pytest.fixture
def family(unhcr_registrar, camp):
    return household_with(
        by=unhcr_registrar,
        site=camp,
        others=[{"date_of_birth": months_old(6), "given_name": "Baby"}],
    )


def record_cold_reading(page, address):
    """−15 °C and wind 30 km/h at the camp, entered by hand on the weather page."""
    page.goto(address("safety:weather") + "?site=BRZ")
    page.get_by_label("Kind").select_option("observation")
    hour = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    page.get_by_label("Time").fill(hour.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Air temperature (°C)").fill("-15")
    page.get_by_label("Wind speed (km/h, at 10 m)").fill("30")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Reading saved").wait_for()


def record_agreement(page, row):
    row.get_by_role("link", name="Record answer").click()
    page.get_by_label("Language used").select_option("ckb")
    page.get_by_label("Agrees to move").check()
    page.get_by_role("button", name="Record the answer").click()


def test_from_a_cold_snap_to_a_confirmed_relocation(
    page, sign_in, address, coordinator, camp, shelter, family, results_dir
):
    sign_in(coordinator)
    record_cold_reading(page, address)

    # the at-risk list shows the household, the infant critical
    page.goto(address("safety:at_risk") + "?site=BRZ")
    page.get_by_role("link", name=family.number).first.wait_for()
    assert "Critical" in page.locator("#results").inner_text()
    page.screenshot(path=results_dir / "relocation-at-risk.png", full_page=True)

    # the planner proposes the household for the shelter
    page.goto(address("relocation:plan"))
    page.get_by_label("Border camp").check()
    page.get_by_role("button", name="Make a plan").click()
    row = page.locator("#moves tr", has_text=family.number)
    assert "Not asked yet" in row.inner_text()
    assert page.locator("#plan-summary dd").first.inner_text() == "1"  # critical people moved

    # confirming before the household agreed is refused, nothing moves
    page.get_by_role("button", name="Confirm these moves").click()
    page.get_by_role("alert").get_by_text("not been recorded as informed and agreeing").wait_for()

    record_agreement(page, row)
    page.wait_for_url(address("relocation:plan"))
    assert "Agreed" in page.locator("#moves tr", has_text=family.number).inner_text()
    page.screenshot(path=results_dir / "relocation-plan.png", full_page=True)

    # confirmed: the move is kept, and the household sleeps at the shelter now
    page.get_by_role("button", name="Confirm these moves").click()
    page.wait_for_url(address("relocation:movements"))
    moved = page.locator("#movements tr", has_text=family.number).inner_text()
    assert "Border camp" in moved and "Family shelter" in moved
    assert Household.objects.get(pk=family.pk).site == shelter
    assert set(family.members.values_list("current_site__code", flat=True)) == {"SHL"}
