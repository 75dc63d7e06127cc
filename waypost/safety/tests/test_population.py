"""Risk counted per group by the database gives what scoring everyone one by one gives."""

from collections import Counter

from waypost.safety.population import assess_people, risk_by_group
from waypost.safety.selectors import rules_in_force
from waypost.safety.tests.factories import household_with, months_old, weather, years_old
from waypost.safety.tests.test_winter_items import blanket_round


def by_group(sites):
    return {
        (g.site_id, g.assessment): g.people
        for g in risk_by_group(sites=sites, rules=rules_in_force())
    }


def one_by_one(sites):
    people = assess_people(sites=sites, rules=rules_in_force())
    return dict(Counter((person.site_id, person.assessment) for person in people))


def people_by_score(groups):
    scores: Counter[tuple[object, int]] = Counter()
    for (site_id, assessment), people in groups.items():
        scores[(site_id, assessment.score)] += people
    return scores


def test_counts_per_group_match_everyone_scored_one_by_one(
    coordinator, unhcr_registrar, tent_camp, camp
):
    # given a tent camp with a mother expecting and ill, a baby, a disabled grandfather and two
    # men of 35 (alike: one group of two), and the open-air camp with another family
    household_with(
        by=unhcr_registrar,
        site=tent_camp,
        head={"date_of_birth": years_old(35)},
        others=[
            {"date_of_birth": years_old(35), "given_name": "Omar"},
            {"date_of_birth": months_old(6), "given_name": "Baby"},
            {"date_of_birth": years_old(70), "specific_needs": ["DS-PM"]},
            {
                "date_of_birth": years_old(28),
                "sex": "F",
                "is_pregnant": True,
                "specific_needs": ["SM-CI", "DS-BD"],
            },
        ],
    )
    household_with(by=unhcr_registrar, site=camp, others=[{"date_of_birth": years_old(3)}])
    weather(by=coordinator, site=tent_camp, temperature=-15, wind=30)  # tent at −26: 3
    weather(by=coordinator, site=camp, temperature=-15, wind=30)  # open air at −26: 4

    groups = by_group([tent_camp, camp])

    assert groups == one_by_one([tent_camp, camp])
    scores = people_by_score(groups)
    # by hand: the two men 3 each; the baby 3 + infant 3; the grandfather 3 + older 2 +
    # disability 1; the mother 3 + pregnancy 2 + medical 2 + disability 1; at the camp the
    # father 4 and the three-year-old 4 + young child 2
    assert scores == {
        (tent_camp.pk, 3): 2,
        (tent_camp.pk, 6): 2,
        (tent_camp.pk, 8): 1,
        (camp.pk, 4): 1,
        (camp.pk, 6): 1,
    }


def test_where_winter_items_are_recorded_the_site_is_counted_person_by_person(
    coordinator, unhcr_registrar, make_persona, redcross, camp, tent_camp
):
    # given a blanket round at the camp (the family not yet given its blankets) and none at
    # the tent camp
    household = household_with(
        by=unhcr_registrar, site=camp, others=[{"date_of_birth": years_old(9)}]
    )
    household_with(by=unhcr_registrar, site=tent_camp)
    blanket_round(make_persona, redcross, camp, household, 2)
    weather(by=coordinator, site=camp, temperature=-15, wind=30)

    groups = by_group([camp, tent_camp])

    assert groups == one_by_one([camp, tent_camp])
    # open air 4 + no blanket yet 2, for both at the camp; no weather at the tent camp: 0
    assert sorted((g[1].score, n) for g, n in groups.items()) == [(0, 1), (6, 2)]
