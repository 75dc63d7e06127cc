"""The risk ranking the distribution plans use, refined with the cold where people sleep."""

from waypost.safety.ranking import Person, rank_of, risk_ranks
from waypost.safety.tests.factories import household_with, months_old, weather


def test_cold_exposure_adds_its_weight_per_point_and_says_why():
    # open air in the hypothermia band: 4 exposure points × 5 = 20, with an infant's 40
    rank = rank_of(Person(5, False, False, frozenset(), exposure_points=4))
    assert (rank.score, rank.tier) == (60, 3)
    assert rank.reasons == ("infant under one year", "exposed to the cold tonight where they sleep")


def test_people_in_the_cold_rank_above_the_same_people_in_the_warm(
    coordinator, unhcr_registrar, tent_camp, warehouse_site
):
    # given the same family in a tent at −15 °C and 30 km/h (wind chill −26: tent 3 points)
    # and in a heated building in the same weather (0 points)
    cold = household_with(by=unhcr_registrar, site=tent_camp)
    warm = household_with(by=unhcr_registrar, site=warehouse_site)
    for site in (tent_camp, warehouse_site):
        weather(by=coordinator, site=site, temperature=-15, wind=30)

    ranks = risk_ranks()

    # then the adult in the tent weighs 3 × 5 = 15, the one in the heated building nothing
    assert ranks[cold.members.get().pk].score == 15
    assert ranks[warm.members.get().pk].score == 0


def test_without_weather_the_ranking_is_needs_and_age_alone(unhcr_registrar, tent_camp):
    household = household_with(
        by=unhcr_registrar, site=tent_camp, others=[{"date_of_birth": months_old(6)}]
    )
    scores = sorted(rank.score for rank in risk_ranks(site=tent_camp).values())
    assert scores == [0, 40]
    assert household.members.count() == 2
