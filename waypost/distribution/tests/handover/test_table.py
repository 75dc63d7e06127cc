"""What the distribution point shows for a scanned card."""

from waypost.core.models import AuditEvent
from waypost.distribution import tokens
from waypost.distribution.selectors.table import household_at_table
from waypost.distribution.services.handover import Handed
from waypost.distribution.services.redemptions import redeem


def test_the_table_shows_the_head_size_and_todays_entitlements(
    redcross_distributor, card, plan, blankets, boots
):
    shown = household_at_table(user=redcross_distributor, card=card, plan=plan)
    assert (shown.head_name, shown.head_name_native, shown.size) == (
        "Mohammed Ali Hassan",
        "محمد حسن",
        5,
    )
    assert [(line.entitlement, line.person, line.size_code) for line in shown.lines] == [
        (blankets, "", ""),
        (boots, "Sara", "EU26"),
    ]
    assert shown.open_lines == shown.lines
    views = AuditEvent.objects.filter(action="viewed", details__via="distribution point")
    assert views.count() == 2  # the head and Sara, named on the boots line


def test_a_line_handed_before_says_where_and_when(
    redcross_distributor, card, plan, point, blankets, boots
):
    redeem(
        by=redcross_distributor,
        token_or_code=tokens.sign(card.key),
        point=point,
        plan=plan,
        handed=[Handed(blankets.pk, 5)],
        idempotency_key="t",
    )
    shown = household_at_table(user=redcross_distributor, card=card, plan=plan)
    before = shown.lines[0].handed
    assert before is not None
    assert (before.quantity, before.point, before.by) == (
        5,
        "Table 1",
        redcross_distributor.username,
    )
    assert [line.entitlement for line in shown.open_lines] == [boots]


def test_a_household_not_shared_with_the_agency_shows_no_names(
    make_persona, iom, unhcr_registrar, camp, plan
):
    from waypost.distribution.services.cards import issue_card
    from waypost.registry.tests.factories import registered_household

    private = registered_household(by=unhcr_registrar, site=camp, consents=("assistance",))
    iom_staff = make_persona(iom, "distribution_staff")
    card = issue_card(by=iom_staff, household=private)
    shown = household_at_table(user=iom_staff, card=card, plan=plan)
    assert (shown.head_name, shown.size) == ("", 5)
    assert not AuditEvent.objects.filter(action="viewed").exists()
