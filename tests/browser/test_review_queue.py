"""A protection officer decides a proposed duplicate in the browser: same person, then undo.

The household pages before, during and after show one person, then two again.
"""

import pytest

from waypost.matching.models import ProposalStatus
from waypost.matching.tests.factories import proposed, recorded_twice

pytestmark = pytest.mark.browser


def test_an_officer_merges_a_pair_and_undoes_it(
    page, sign_in, address, unhcr_registrar, unhcr_protection_officer, camp, results_dir
):
    # given one man registered twice, proposed as a pair
    one, other = recorded_twice(by=unhcr_registrar, site=camp)
    proposal = proposed(one, other)
    sign_in(unhcr_protection_officer)

    # when the officer opens the queue from the navigation and compares the pair
    page.get_by_role("link", name="Possible duplicates").click()
    page.get_by_role("link", name="Compare").click()
    page.get_by_role("heading", name="Same person?").wait_for()
    assert page.locator("td.agrees").count() >= 2
    page.screenshot(path=results_dir / "review-pair.png", full_page=True)

    # and decides they are the same person, the left record staying
    decide_same_person(page, keep=f"{proposal.first_number} (UNHCR)")

    # then the queue is empty and the survivor's page lists the other record
    assert "No possible duplicates to decide." in page.locator("main").inner_text()
    survivor, merged = (one, other) if one.pk == proposal.first_id else (other, one)
    page.goto(address("registry:individual", survivor.pk))
    also = page.locator("section", has_text="Also recorded as").inner_text()
    assert merged.number in also
    page.goto(address("registry:household", merged.household_id))
    assert page.locator("table.members tbody tr").count() == 0

    # when the officer undoes the merge from the decisions page
    page.goto(address("matching:decisions"))
    page.get_by_placeholder("Why undo this merge?").fill("Brothers, checked again")
    page.get_by_role("button", name="Undo merge").click()

    # then both records stand for themselves and the pair is open again
    page.get_by_text("stands for itself again").wait_for()
    page.screenshot(path=results_dir / "review-undone.png", full_page=True)
    page.goto(address("registry:household", merged.household_id))
    assert page.locator("table.members tbody tr").count() == 1
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def decide_same_person(page, *, keep):
    page.get_by_label("Same person").check()
    page.get_by_label(keep).check()
    page.get_by_label("Note").fill("Same phone, same father")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Merged into").wait_for()
