from datetime import date

from waypost.registry.tests.factories import family_of_five, member, registered_household
from waypost.safety.ranking import (
    NO_RISK,
    Person,
    age_in_months,
    all_factors,
    household_ranks,
    rank_of,
    risk_ranks,
    tier_of,
    tiers,
)

ON = date(2026, 11, 20)


def test_every_factor_has_a_source_a_mark_and_a_reason():
    for factor in all_factors():
        assert factor.source and factor.reason
        assert factor.verification in {"✅", "◐", "✗"}
        assert factor.weight > 0


def test_an_infant_is_in_the_highest_tier_and_says_why():
    rank = rank_of(Person(age_months=5, is_pregnant=False, is_lactating=False, codes=frozenset()))
    assert (rank.score, rank.tier) == (40, 3)
    assert rank.reasons == ("infant under one year",)


def test_an_adult_without_needs_has_no_particular_risk():
    assert rank_of(Person(400, False, False, frozenset())) == NO_RISK


def test_within_one_code_category_only_the_heaviest_counts():
    rank = rank_of(Person(400, False, False, frozenset({"SM-CC", "SM-CI"})))
    assert rank.score == 50  # SM-CC 50, not 50 + 30
    assert rank.factors == ("critical_medical",)


def test_factors_of_different_kinds_add_up_heaviest_first():
    rank = rank_of(Person(400, True, False, frozenset({"SM-DP"})))
    assert rank.score == 40 + 25
    assert rank.factors == ("difficult_pregnancy", "pregnant")


def test_a_sensitive_code_is_named_by_its_category_only():
    rank = rank_of(Person(400, False, False, frozenset({"SM-MI"})))
    assert rank.reasons == ("serious medical condition",)
    assert rank_of(Person(400, False, False, frozenset({"SV-VF"}))) == NO_RISK


def test_tiers_cut_at_their_scores():
    assert [tier_of(score) for score in (0, 9, 10, 19, 20, 39, 40, 99)] == [0, 0, 1, 1, 2, 2, 3, 3]
    assert set(tiers()) == {0, 1, 2, 3}


def test_age_in_months_counts_whole_months():
    assert age_in_months(date(2026, 1, 21), ON) == 9
    assert age_in_months(date(2026, 1, 20), ON) == 10
    assert age_in_months(date(2027, 1, 1), ON) == 0


def test_ranks_of_a_site_in_three_queries(unhcr_registrar, camp, django_assert_num_queries):
    household = registered_household(by=unhcr_registrar, site=camp)
    # people, their specific needs, and tonight's weather at their sites (none here, so the
    # cold-exposure rules are not read)
    with django_assert_num_queries(3):
        ranks = risk_ranks(site=camp, on=ON)
    by_name = {person.given_name: ranks[person.pk] for person in household.members.all()}
    assert by_name["Layla"].score == 40 + 25  # difficult pregnancy, pregnant
    assert by_name["Yusuf"].factors == ("young_child",)  # born 2024-05-05: 2 years old
    assert by_name["Ahmed"].factors == ("child",)
    assert by_name["Mohammed"] == NO_RISK
    household_of = {person.pk: household.pk for person in household.members.all()}
    assert household_ranks(ranks, household_of)[household.pk] == by_name["Layla"]


def test_ranks_of_named_people_only(unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    registered_household(
        by=unhcr_registrar, site=camp, members=[member(given_name="Other", documents=[])]
    )
    yusuf = household.members.get(given_name="Yusuf")
    assert set(risk_ranks(individual_ids=[yusuf.pk], on=ON)) == {yusuf.pk}
    assert len(family_of_five()) == 5
