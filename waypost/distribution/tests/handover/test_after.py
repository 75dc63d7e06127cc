"""After the distribution: coverage by item and group, who did not come, closing; card PDFs."""

import re

import pytest
from django.core.exceptions import ValidationError
from fpdf import FPDF

from waypost.core.models import AuditEvent
from waypost.distribution import tokens
from waypost.distribution.card_pdf import PrintedCard, _draw_qr, card_pdf
from waypost.distribution.models import PlanStatus
from waypost.distribution.selectors.cards import printed_cards
from waypost.distribution.selectors.coverage import (
    coverage_by_group,
    coverage_by_item,
    households_absent,
)
from waypost.distribution.services.cards import issue_site_cards
from waypost.distribution.services.closing import close_distribution
from waypost.distribution.services.handover import Handed
from waypost.distribution.services.redemptions import redeem
from waypost.distribution.tests.handover.conftest import entitle
from waypost.needs.disclosure import FewerThan
from waypost.registry.tests.factories import member, registered_household
from waypost.stock.models import StockBalance, StockMovement


@pytest.fixture
def neighbours(unhcr_registrar, camp, plan):
    """A second household of two, entitled to 2 blankets, which does not come."""
    household = registered_household(
        by=unhcr_registrar,
        site=camp,
        members=[
            member(given_name="Omar"),
            member(relationship="spouse", given_name="Huda", sex="F"),
        ],
    )
    entitle(plan, household, "blanket-high-thermal", 2)
    return household


@pytest.fixture
def served(redcross_distributor, card, plan, point, blankets, boots, neighbours):
    return redeem(
        by=redcross_distributor,
        token_or_code=tokens.sign(card.key),
        point=point,
        plan=plan,
        handed=[Handed(blankets.pk, 3)],
        idempotency_key="s",
    )


def test_coverage_by_item_counts_planned_against_handed(plan, served):
    lines = {(c.item, c.size): c for c in coverage_by_item(plan)}
    blankets = lines[("Blanket high thermal (Rct 0.4)", "")]
    assert (blankets.entitled, blankets.allocated, blankets.handed) == (7, 7, 3)
    assert (blankets.households_planned, blankets.households_served) == (2, 1)
    boots = lines[("Children's winter boots", "EU26")]
    assert (boots.allocated, boots.handed, boots.households_served) == (1, 0, 0)


def test_coverage_by_group_shows_exact_counts_to_protection_staff_only(
    plan, served, make_persona, unhcr, redcross
):
    # the served family of five has two children under five on the plan's day? Yusuf (2024) only
    logistician = make_persona(redcross, "logistician", username="cov-log")
    # no role has both; an administrator might grant both to one person
    both = make_persona(unhcr, "protection_officer", "logistician", username="both")
    exact = {g.group: g for g in coverage_by_group(user=both, plan=plan)}
    assert (exact["Pregnant women"].planned, exact["Pregnant women"].served) == (1, 1)
    under_five = exact["Children under five"]
    assert (under_five.planned, under_five.served) == (1, 1)
    withheld = {g.group: g for g in coverage_by_group(user=logistician, plan=plan)}
    assert withheld["Pregnant women"].planned == FewerThan(5)
    assert withheld["Children under five"].planned == 1


def test_households_that_did_not_come_are_listed_with_what_they_missed(
    plan, served, neighbours, redcross_distributor
):
    absent = households_absent(user=redcross_distributor, plan=plan)
    assert [(a.number, a.size, a.items) for a in absent] == [
        (neighbours.number, 2, ["Blanket high thermal (Rct 0.4)"])
    ]
    # the neighbours did not agree to data sharing: a partner sees the number, not the name
    assert absent[0].head_name == ""


def test_closing_a_plan_never_dispatched_returns_nothing_and_records_the_figures(
    plan, served, store, make_persona, redcross
):
    logistician = make_persona(redcross, "logistician", username="closer")
    movements_before = StockMovement.objects.count()
    rest = close_distribution(by=logistician, plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED and plan.closed_at is not None
    blankets = next(r for r in rest if r.size == "")
    assert (blankets.allocated, blankets.handed, blankets.quantity) == (7, 3, 4)
    # approved without a dispatch (written directly here), the plan issued from the warehouse:
    # nothing left it but the 3 handed over, and nothing is at a point to return
    assert StockMovement.objects.count() == movements_before
    assert (
        StockBalance.objects.get(warehouse=store, item__code="blanket-high-thermal").quantity == 7
    )
    event = AuditEvent.objects.get(action="distribution.closed")
    assert {
        "item": "Blanket high thermal (Rct 0.4)",
        "size": "",
        "allocated": 7,
        "handed": 3,
    } in event.details["uncollected"]


def test_a_closed_plan_hands_out_nothing_more_and_cannot_be_closed_again(
    plan, redcross_distributor, card, point, blankets, make_persona, redcross
):
    logistician = make_persona(redcross, "logistician", username="closer")
    close_distribution(by=logistician, plan=plan)
    with pytest.raises(ValidationError, match="not open for distribution"):
        redeem(
            by=redcross_distributor,
            token_or_code=tokens.sign(card.key),
            point=point,
            plan=plan,
            handed=[Handed(blankets.pk, 1)],
            idempotency_key="late",
        )
    with pytest.raises(ValidationError, match="Only an approved plan can be closed"):
        close_distribution(by=logistician, plan=plan)


def test_printing_a_site_issues_the_missing_cards_once(
    redcross_distributor, camp, household, neighbours
):
    first = issue_site_cards(by=redcross_distributor, site=camp)
    again = issue_site_cards(by=redcross_distributor, site=camp)
    assert [c.household for c in first] == sorted([household, neighbours], key=lambda h: h.number)
    assert [c.pk for c in again] == [c.pk for c in first]
    assert AuditEvent.objects.filter(action="card.issued").count() == 2


def test_printed_cards_name_heads_only_of_visible_households_and_audit_them(
    redcross_distributor, camp, household, neighbours
):
    cards = issue_site_cards(by=redcross_distributor, site=camp)
    printed = {p.household_number: p for p in printed_cards(user=redcross_distributor, cards=cards)}
    mine = printed[household.number]
    assert (mine.head_name, mine.head_name_native, mine.household_size) == (
        "Mohammed Ali Hassan",
        "محمد حسن",
        5,
    )
    assert tokens.verify(mine.token) == cards[[c.household for c in cards].index(household)].key
    assert printed[neighbours.number].head_name == ""
    assert AuditEvent.objects.filter(action="viewed", details__via="household card").count() == 1


def test_the_card_pdf_is_an_a4_sheet_of_ten_cards_per_page():
    card = PrintedCard(
        "BRZ-000123",
        "Mohammed Ali Hassan",
        "محمد علي حسن",
        5,
        "Border camp",
        tokens.sign(tokens.CardKey("00112233445566778899", 1)),
        "ABCDE-FGHJK",
        1,
    )
    pdf = card_pdf([card] * 11)
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 2  # 11 cards: two sheets
    assert b"DejaVu" in pdf


class RecordingPdf(FPDF):
    """Records the squares the QR drawing fills, one per 1 mm module."""

    def __init__(self):
        super().__init__()
        self.squares: set[tuple[int, int]] = set()

    def rect(self, x, y, w, h, style=None, round_corners=False, corner_radius=0):
        module = 1.0
        for column in range(round(w / module)):
            self.squares.add((round(y / module), round(x / module) + column))


def test_the_qr_code_is_drawn_module_for_module():
    import segno

    token = tokens.sign(tokens.CardKey("ffeeddccbbaa99887766", 3))
    matrix = [list(row) for row in segno.make(token, error="m").matrix_iter(border=0)]
    pdf = RecordingPdf()
    _draw_qr(pdf, token, 0, 0, len(matrix) * 1.0)
    dark = {(r, c) for r, row in enumerate(matrix) for c, v in enumerate(row) if v}
    assert pdf.squares == dark
