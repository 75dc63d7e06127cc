"""The columnar computation gives every person what the reference rules give them one by one.

People are made up by hypothesis: birth dates around every age bound of the rules (a day before,
on, after a birthday), pregnancy, open and closed SM-*/DS-* and other specific needs, at sites
of every shelter type with or without weather tonight, with or without a blanket round.
"""

from datetime import date, timedelta
from itertools import count

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waypost.core.roles import Role
from waypost.distribution.tests.handover.conftest import entitle, make_plan
from waypost.registry.models import Individual, IndividualSpecificNeed
from waypost.registry.rules import PREGNANCY_AGE_RANGE
from waypost.safety.conditions import conditions_at
from waypost.safety.population import assess_people
from waypost.safety.risk import Profile, assess
from waypost.safety.risk_table import risk_table, years_before
from waypost.safety.selectors import at_risk_people, rules_in_force
from waypost.safety.tests.factories import household_with, weather
from waypost.safety.winter_items import received_winter_items
from waypost.sites.models import ShelterType, Site, SiteKind
from waypost.stock.services import create_warehouse, receive_stock

NEEDS = ["SM-CI", "SM-MI", "DS-PM", "DS-BD", "ER-UR", "WR-WR"]
NUMBERS = count()  # every example makes its own sites and warehouse, under new codes


def born() -> st.SearchStrategy[date]:
    today = timezone.localdate()
    near_a_bound = st.builds(
        lambda years, days: years_before(today, years) + timedelta(days=days),
        st.sampled_from([0, 1, 5, 60, 61]),
        st.integers(-1, 1),
    )
    anywhere = st.integers(0, 95 * 366).map(lambda days: today - timedelta(days=days))
    return st.one_of(near_a_bound, anywhere).filter(lambda day: day <= today)


people = st.lists(
    st.fixed_dictionaries(
        {
            "born": born(),
            "pregnant": st.booleans(),
            "needs": st.lists(st.sampled_from(NEEDS), unique=True, max_size=3),
            "closed": st.booleans(),
        }
    ),
    min_size=1,
    max_size=5,
)
night = st.one_of(st.none(), st.tuples(st.integers(-35, 8), st.integers(0, 60)))


def reference(rules, sites):
    """Each person scored one by one from their model, as a developer would first write it."""
    conditions = conditions_at(sites)
    received = received_winter_items(site_ids=list(conditions))
    known = received.groups_by_site()
    today = timezone.localdate()
    found = {}
    for person in Individual.objects.current().filter(current_site__in=sites):
        codes = list(person.specific_needs.filter(is_active=True).values_list("code", flat=True))
        age = person.age_on(today)
        here = conditions[person.current_site_id]
        groups = known.get(person.current_site_id)
        missing = received.missing(groups, person.pk, person.household_id) if groups else None
        profile = Profile(
            here.shelter_type,
            here.wind_chill_c,
            range(age, age + 1),
            person.is_pregnant,
            any(code.startswith("SM") for code in codes),
            any(code.startswith("DS") for code in codes),
            missing,
        )
        found[person.pk] = assess(rules, profile)
    return found


@pytest.fixture
def keeper(make_persona, redcross):
    return make_persona(redcross, Role.LOGISTICIAN)


def blanket_round(keeper, site, household):
    """A planned round of high thermal blankets at the site, the household entitled, nothing
    handed out yet."""
    store = create_warehouse(by=keeper, code=f"W-{next(NUMBERS)}", name="Store", site=site)
    receive_stock(
        by=keeper,
        warehouse=store,
        item="blanket-high-thermal",
        quantity=10,
        unit="piece",
        reference="WB-1",
    )
    entitle(make_plan(site=site, warehouse=store, by=keeper), household, "blanket-high-thermal", 1)


def can_be_pregnant(someone):
    """Registration refuses a pregnancy outside the plausible ages: only those can be."""
    age = timezone.localdate().year - someone["born"].year
    return someone["pregnant"] and PREGNANCY_AGE_RANGE[0] <= age <= PREGNANCY_AGE_RANGE[1]


def register(by, site, family):
    family = [someone | {"pregnant": can_be_pregnant(someone)} for someone in family]
    others = [
        {
            "date_of_birth": someone["born"],
            "sex": "F" if someone["pregnant"] else "M",
            "is_pregnant": someone["pregnant"],
            "expected_delivery_date": timezone.localdate() + timedelta(days=90)
            if someone["pregnant"]
            else None,
            "specific_needs": someone["needs"],
            "given_name": f"Person{number}",
        }
        for number, someone in enumerate(family)
    ]
    household = household_with(by=by, site=site, others=others)
    closed = [
        person.pk
        for person, someone in zip(
            household.members.exclude(relationship="head").order_by("number"), family, strict=True
        )
        if someone["closed"]
    ]
    IndividualSpecificNeed.objects.filter(individual_id__in=closed).update(is_active=False)
    return household


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    families=st.lists(people, min_size=1, max_size=3),
    nights=st.lists(night, min_size=4, max_size=4),
    blanket_round_at=st.one_of(st.none(), st.integers(0, 2)),
)
def test_the_table_gives_everyone_what_the_reference_rules_give(
    coordinator, unhcr_registrar, keeper, unhcr, families, nights, blanket_round_at
):
    sites = [
        Site.objects.create(
            code=f"H{next(NUMBERS)}",
            name="Site",
            kind=SiteKind.TRANSIT_SITE,
            shelter_type=shelter,
            capacity=500,
            managed_by=unhcr,
        )
        for shelter in ShelterType
    ]
    households = [
        register(unhcr_registrar, sites[number % len(sites)], family)
        for number, family in enumerate(families)
    ]
    for site, tonight in zip(sites, nights, strict=False):
        if tonight is not None:
            weather(by=coordinator, site=site, temperature=tonight[0], wind=tonight[1])
    if blanket_round_at is not None:
        household = households[blanket_round_at % len(households)]
        blanket_round(keeper, household.site, household)
    rules = rules_in_force()

    table = risk_table(sites=sites, rules=rules)
    expected = reference(rules, sites)

    listed = {p.individual_id: p.assessment for p in assess_people(sites=sites, rules=rules)}
    assert listed == expected
    assert len(table) == len(expected)
    counts: dict[str, int] = {}
    for assessment in expected.values():
        counts[assessment.tier] = counts.get(assessment.tier, 0) + 1
    assert table.tier_counts() == counts


def test_at_risk_people_come_highest_score_first_and_households_together(
    coordinator, unhcr_registrar, camp, tent_camp
):
    # given two households at the open-air camp and one in a tent, on a night of −26 felt
    family = [{"born": years_before(timezone.localdate(), 70), "pregnant": False}]
    first = household_with(
        by=unhcr_registrar,
        site=camp,
        others=[{"date_of_birth": p["born"], "given_name": "Old"} for p in family],
    )
    second = household_with(by=unhcr_registrar, site=camp)
    third = household_with(by=unhcr_registrar, site=tent_camp)
    for site in (camp, tent_camp):
        weather(by=coordinator, site=site, temperature=-15, wind=30)

    listed = at_risk_people(site_ids=[camp.pk, tent_camp.pk], min_tier="low")

    # then the older man first (open air 4 + older 2), then the men of 35 at the camp (4) by
    # household, then the man in the tent (3)
    scores = [(person.score, person.household_id) for person in listed]
    assert scores == sorted(scores, key=lambda pair: (-pair[0], pair[1].int))
    assert scores[0] == (6, first.pk)
    assert {household for _score, household in scores[1:3]} == {first.pk, second.pk}
    assert scores[-1] == (3, third.pk)
    assert all(person.needs_heated == (person.tier in ("critical", "high")) for person in listed)


def test_no_one_at_the_sites_gives_an_empty_table(coordinator, camp):
    weather(by=coordinator, site=camp, temperature=-15, wind=30)
    table = risk_table(sites=[camp], rules=rules_in_force())
    assert len(table) == 0
    assert table.tier_counts() == {}
    assert table.ranked().tolist() == []
    assert at_risk_people(site_ids=[camp.pk]) == []
