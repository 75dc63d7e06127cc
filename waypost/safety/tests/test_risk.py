"""The rules against cases computed by hand from the default rules (data/risk_rules.csv)."""

from waypost.registry.models import Relationship
from waypost.safety.models import Tier
from waypost.safety.risk import Profile, assess
from waypost.safety.selectors import at_risk_people, rules_in_force
from waypost.safety.tests.factories import household_with, months_old, weather, years_old
from waypost.sites.models import ShelterType


def test_a_six_month_old_in_a_tent_at_minus_15_and_30_kmh_is_high(
    db, coordinator, unhcr_registrar, tent_camp
):
    # given a family in a tent; wind chill at −15 °C and 30 km/h, by hand:
    # 13.12 + 0.6215·(−15) − 11.37·30^0.16 + 0.3965·(−15)·30^0.16, with 30^0.16 = 1.72336:
    # 13.12 − 9.3225 − 19.5946 − 10.2498 = −26.05, published as −26 (hypothermia band)
    household = household_with(
        by=unhcr_registrar,
        site=tent_camp,
        others=[{"date_of_birth": months_old(6), "given_name": "Baby"}],
    )
    weather(by=coordinator, site=tent_camp, temperature=-15, wind=30)

    # when the risk is computed
    people = {p.individual_id: p for p in at_risk_people(site_ids=[tent_camp.pk])}

    # then the infant: tent at ≤ −10 °C wind chill 3 + infant under 1 3 = 6, high (5 to 6)
    baby = household.members.get(given_name="Baby")
    father = household.members.get(relationship=Relationship.HEAD)
    assert (people[baby.pk].score, people[baby.pk].tier) == (6, Tier.HIGH)
    assert people[baby.pk].needs_heated
    # and the 35-year-old father: the tent alone, 3, moderate
    assert (people[father.pk].score, people[father.pk].tier) == (3, Tier.MODERATE)
    assert list(people) == [baby.pk, father.pk]


def test_an_infant_in_the_open_air_at_minus_24_wind_chill_is_critical(db):
    # open air at ≤ −10: 4, infant: 3 → 7, critical (7 and more)
    profile = Profile(ShelterType.OPEN_AIR, wind_chill_c=-24, age_years=range(0, 1))
    assessed = assess(rules_in_force(), profile)
    assert (assessed.score, assessed.tier) == (7, Tier.CRITICAL)
    assert [(r.factor, r.points) for r in assessed.reasons] == [("exposure", 4), ("age", 3)]


def test_only_the_coldest_exposure_rule_reached_counts(db):
    # open air at −41: the rules for ≤ 5, ≤ −10, ≤ −28 and ≤ −40 are all reached; only 8 counts
    profile = Profile(ShelterType.OPEN_AIR, wind_chill_c=-41, age_years=range(5, 60))
    assert assess(rules_in_force(), profile).score == 8


def test_a_pregnant_woman_with_a_disability_and_illness_in_a_heated_building_is_high(db):
    # heated building: 0; pregnancy 2 + serious medical condition 2 + disability 1 = 5, high
    profile = Profile(
        ShelterType.HEATED_BUILDING,
        wind_chill_c=-30,
        age_years=range(5, 60),
        is_pregnant=True,
        has_medical=True,
        has_disability=True,
    )
    assessed = assess(rules_in_force(), profile)
    assert (assessed.score, assessed.tier) == (5, Tier.HIGH)


def test_without_weather_exposure_is_not_scored_and_an_older_person_is_low(db):
    profile = Profile(ShelterType.OPEN_AIR, wind_chill_c=None, age_years=range(60, 150))
    assessed = assess(rules_in_force(), profile)
    assert (assessed.score, assessed.tier) == (2, Tier.LOW)


def test_winter_items_count_only_when_known(db):
    rules = rules_in_force()
    unknown = Profile(ShelterType.TENT, wind_chill_c=-5, age_years=range(5, 60))
    missing = Profile(
        ShelterType.TENT,
        wind_chill_c=-5,
        age_years=range(5, 60),
        missing_items=frozenset({"blanket"}),
    )
    # tent at ≤ 5 °C: 1; no blanket received yet: 2
    assert assess(rules, unknown).score == 1
    assert assess(rules, missing).score == 3


def test_ages_on_the_bounds_fall_in_the_older_band(db, coordinator, unhcr_registrar, tent_camp):
    household = household_with(
        by=unhcr_registrar,
        site=tent_camp,
        head={"date_of_birth": years_old(60)},
        others=[{"date_of_birth": years_old(1)}, {"date_of_birth": years_old(5)}],
    )
    weather(by=coordinator, site=tent_camp, temperature=0, wind=3)  # felt 0 °C: tent ≤ 5, 1
    scores = {
        p.individual_id: p.score for p in at_risk_people(site_ids=[tent_camp.pk], min_tier="low")
    }
    by_name = {m.given_name: scores[m.pk] for m in household.members.all()}
    # 60: older person 2 + 1; 1 year: young child 2 + 1; 5 years: nothing but the tent
    assert by_name == {"Mohammed": 3, "Child1": 3, "Child2": 1}
