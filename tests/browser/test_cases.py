"""Case management in the browser: a full voluntary-return case, with a withdrawal on the way,
and a family-reunification referral from UNHCR to IOM, answered and seen by the sender."""

import pytest

from waypost.cases.models import CasePathway, Referral
from waypost.cases.services import open_case
from waypost.core.roles import Role
from waypost.registry.tests.factories import registered_household

pytestmark = pytest.mark.browser

DAY = "2026-11-02"
# The voluntary-return steps after counselling, each with the data it needs (issue 7).
AVRR_STEPS = [
    ("interested", {"wish_stated_on": DAY}),
    (
        "consent_signed",
        {
            "consent_form_version": "AVRR-2021-v3",
            "consent_signed_on": DAY,
            "voluntariness_checked_by": "Protection officer",
        },
    ),
    (
        "travel_document_requested",
        {
            "travel_document_authority": "Embassy of Iraq, Minsk",
            "travel_document_requested_on": DAY,
        },
    ),
    ("travel_document_obtained", {"travel_document_obtained_on": DAY}),
    ("fit_to_travel", {"fit_to_travel_on": DAY, "medical_escort": "no"}),
    ("travel_booked", {"flight": "IA 232 Minsk-Erbil", "departure_on": "2026-11-20"}),
    ("departed", {"departed_on": "2026-11-20"}),
    ("arrived", {"arrived_on": "2026-11-20"}),
    ("reintegration_plan", {"reintegration_plan_on": "2026-11-25"}),
    ("monitoring", {"monitoring_visit_on": "2026-12-20"}),
]


@pytest.fixture
def household(unhcr_registrar, camp):
    return registered_household(
        by=unhcr_registrar, site=camp, consents=("assistance", "data_sharing")
    )


@pytest.fixture
def head(household):
    return household.members.get(relationship="head")


def record_step(page, to, data):
    form = page.locator(f"#pathway-avrr form[data-step='{to}']")
    for name, value in data.items():
        field = form.locator(f"[name='{name}']")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.get_by_role("button").click()
    page.wait_for_load_state()


def state_of(page, pathway):
    return page.locator(f"#pathway-{pathway} h2 .state").inner_text()


def test_a_voluntary_return_case_from_counselling_to_monitoring_with_a_withdrawal(
    page, sign_in, address, make_persona, iom, head, results_dir
):
    caseworker = make_persona(iom, Role.CASEWORKER)
    sign_in(caseworker)
    # open the case: voluntary return and asylum, each with its first step's data
    page.goto(address("cases:open"))
    page.get_by_label("Registration number of the person").fill(head.number)
    page.locator("#pw-avrr").check()
    page.locator("#pw-asylum_by").check()
    page.locator("[name='avrr-counselled_on']").fill(DAY)
    page.locator("[name='avrr-counselling_language']").fill("ar")
    page.locator("[name='asylum_by-intention_expressed_on']").fill(DAY)
    page.get_by_role("button", name="Open the case").click()
    page.wait_for_url("**/cases/*-*/")
    assert state_of(page, "avrr") == "Counselled"

    # a step out of order is refused with the reason, nothing changes
    record_step(page, "interested", {"wish_stated_on": DAY})
    record_step(page, "consent_signed", {"consent_signed_on": DAY})
    assert (
        "Version of the consent form is required for this step."
        in page.locator("main").inner_text()
    )
    assert state_of(page, "avrr") == "Interested"

    # the person withdraws: only that pathway changes, and counselling may start again
    record_step(page, "withdrawn", {"withdrawn_on": DAY, "withdrawal_reason": "Wants to wait"})
    assert state_of(page, "avrr") == "Withdrawn"
    assert state_of(page, "asylum_by") == "Intention expressed"
    assert "Open" in page.locator("dl.facts").first.inner_text()
    record_step(page, "counselled", {"counselled_on": DAY, "counselling_language": "ar"})

    for to, data in AVRR_STEPS:
        record_step(page, to, data)
    page.screenshot(path=results_dir / "avrr-case-monitoring.png", full_page=True)
    assert state_of(page, "avrr") == "Monitoring"
    assert CasePathway.objects.get(pathway="avrr").transitions.count() == 14
    assert "IA 232 Minsk-Erbil" in page.locator("#pathway-avrr").inner_text()


def refer_to_iom(page):
    page.locator("#id_refer-to_agency").select_option(label="IOM")
    page.locator("#id_refer-service").select_option("family_reunification")
    page.locator("#refer-form").get_by_role("button", name="Refer").click()


def record_consent_to_iom(page):
    page.get_by_text("Record the person's consent to a referral").click()
    page.locator("#id_consent-recipient_agency").select_option(label="IOM")
    page.locator("#id_consent-service").select_option("family_reunification")
    page.locator("#id_consent-purpose").fill("Join the brother in Germany")
    page.locator("#id_consent-given_on").fill(DAY)
    page.locator("#id_consent-how_given").select_option("written")
    page.get_by_role("button", name="Record the consent").click()


def test_a_family_reunification_referral_from_unhcr_to_iom_comes_back_accepted(
    page, sign_in, address, make_persona, unhcr, iom, head
):
    sender = make_persona(unhcr, Role.CASEWORKER)
    receiver = make_persona(iom, Role.CASEWORKER)
    first_step = {
        "sponsor_country": "DEU",
        "sponsor_relation": "brother",
        "sponsor_status": "resident",
    }
    case = open_case(by=sender, individual=head, pathways={"family_reunification": first_step})
    sign_in(sender)
    page.goto(address("cases:case", case.pk))

    # without consent the referral is refused; with the person's consent recorded it goes
    refer_to_iom(page)
    assert "has not consented to being referred to IOM" in page.locator("main").inner_text()
    assert not Referral.objects.exists()
    record_consent_to_iom(page)
    refer_to_iom(page)
    assert page.locator("#referral-status").inner_text() == "Waiting for an answer"

    # IOM's caseworker accepts it
    page.context.clear_cookies()
    sign_in(receiver)
    page.goto(address("cases:referrals"))
    page.locator("#received").get_by_role("link", name="family_reunification").click()
    assert "Hassan" in page.locator("#shared").inner_text()
    page.get_by_label("Answer").select_option("accept")
    page.get_by_role("button", name="Send the answer").click()
    assert page.locator("#referral-status").inner_text() == "Accepted"

    # the sender sees the answer on the case, with a follow-up to act on it
    page.context.clear_cookies()
    sign_in(sender)
    page.goto(address("cases:case", case.pk))
    assert "Accepted" in page.locator(".referral-status").inner_text()
    assert "Referral to IOM Accepted" in page.locator("main").inner_text()
