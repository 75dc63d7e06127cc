"""Winter items not yet received, read from the distribution records."""

from waypost.core.roles import Role
from waypost.distribution import tokens
from waypost.distribution.services.cards import issue_card
from waypost.distribution.services.handover import Handed
from waypost.distribution.services.points import open_point
from waypost.distribution.services.redemptions import redeem
from waypost.distribution.tests.handover.conftest import entitle, make_plan
from waypost.registry.tests.factories import registered_household
from waypost.safety.selectors import at_risk_people
from waypost.safety.tests.factories import weather
from waypost.stock.services import create_warehouse, receive_stock


def blanket_round(make_persona, redcross, camp, household, blankets):
    keeper = make_persona(redcross, Role.LOGISTICIAN)
    store = create_warehouse(by=keeper, code="BRZ-1", name="Camp store", site=camp)
    receive_stock(
        by=keeper,
        warehouse=store,
        item="blanket-high-thermal",
        quantity=10,
        unit="piece",
        reference="WB-1",
    )
    plan = make_plan(site=camp, warehouse=store, by=keeper)
    return plan, entitle(plan, household, "blanket-high-thermal", blankets)


def scores(camp):
    return {p.individual_id: p.score for p in at_risk_people(site_ids=[camp.pk], min_tier="low")}


def test_without_a_blanket_round_at_the_site_the_factor_is_not_known(
    coordinator, unhcr_registrar, camp
):
    household = registered_household(by=unhcr_registrar, site=camp)
    weather(by=coordinator, site=camp, temperature=-15, wind=30)  # open air at −26: 4
    head = household.members.get(relationship="head")
    assert scores(camp)[head.pk] == 4


def test_a_household_not_yet_given_its_blankets_gets_the_points_until_it_is(
    coordinator, unhcr_registrar, redcross_distributor, make_persona, redcross, camp
):
    # given a blanket round at the camp giving the family of five 5 blankets, not yet handed
    household = registered_household(by=unhcr_registrar, site=camp)
    plan, line = blanket_round(make_persona, redcross, camp, household, 5)
    weather(by=coordinator, site=camp, temperature=-15, wind=30)
    head = household.members.get(relationship="head")
    # then the head: open air at −26 4 + no blanket received yet 2
    assert scores(camp)[head.pk] == 6

    # when the household collects its five blankets
    card = issue_card(by=redcross_distributor, household=household)
    point = open_point(by=redcross_distributor, site=camp, name="Table 1")
    redeem(
        by=redcross_distributor,
        token_or_code=tokens.sign(card.key),
        point=point,
        plan=plan,
        handed=[Handed(line.pk, 5)],
        idempotency_key="k-1",
    )

    # then the factor no longer applies
    assert scores(camp)[head.pk] == 4


def test_fewer_blankets_than_members_leave_the_household_short(
    coordinator, unhcr_registrar, redcross_distributor, make_persona, redcross, camp
):
    household = registered_household(by=unhcr_registrar, site=camp)
    plan, line = blanket_round(make_persona, redcross, camp, household, 3)
    weather(by=coordinator, site=camp, temperature=-15, wind=30)
    card = issue_card(by=redcross_distributor, household=household)
    point = open_point(by=redcross_distributor, site=camp, name="Table 1")
    redeem(
        by=redcross_distributor,
        token_or_code=tokens.sign(card.key),
        point=point,
        plan=plan,
        handed=[Handed(line.pk, 3)],
        idempotency_key="k-1",
    )
    head = household.members.get(relationship="head")
    assert scores(camp)[head.pk] == 6  # 3 blankets for 5 people: still short
