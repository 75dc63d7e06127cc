"""The options guide against the sources in standards.md §4 (hand-checked cases)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waypost.counselling.guide import Facts, FamilyMember, Status, evaluate_options
from waypost.counselling.guide.conditions import GuideDataError
from waypost.counselling.guide.data import guide, load_guide

ON = date(2026, 11, 25)


def result(facts, option, on_date=ON):
    return next(r for r in evaluate_options(facts=facts, on_date=on_date) if r.option == option)


def rules_of(found):
    return [rule.rule for rule in found.rules]


def child_with(member, **more):
    return Facts(
        age=15, unaccompanied=True, married=False, pregnant=False, family_abroad=(member,), **more
    )


SIBLING_IN_GERMANY = FamilyMember(country="DEU", relation="sibling", status="resident")


def test_unaccompanied_child_with_a_sibling_in_germany_may_use_dublin_art_8_1_only_in_the_eu():
    found = result(child_with(SIBLING_IN_GERMANY), "dublin_family_criteria", date(2026, 5, 1))
    assert found.status is Status.MAY_APPLY
    assert rules_of(found) == ["dublin3_art8_1"]
    rule = found.rules[0]
    assert rule.legal_basis.endswith("Art. 8(1)")
    checks = [text for text, _mark in rule.checks]
    assert any("lodges an application for international protection in an EU" in t for t in checks)
    assert any("best interests" in t for t in checks)


def test_dublin_never_applies_outright_from_belarus():
    found = result(child_with(SIBLING_IN_GERMANY), "dublin_family_criteria")
    assert found.status is Status.MAY_APPLY


@pytest.mark.parametrize(
    ("registered_on", "rule"),
    [
        (date(2026, 6, 30), "dublin3_art8_1"),
        (date(2026, 7, 1), "ammr_art25_family"),
        (date(2026, 7, 2), "ammr_art25_family"),
    ],
)
def test_the_regime_is_chosen_by_the_eu_application_registration_date(registered_on, rule):
    # AMMR Art. 84(2): applications registered before 1 July 2026 stay under Dublin III.
    facts = child_with(SIBLING_IN_GERMANY, eu_application_registered_on=registered_on)
    found = result(facts, "dublin_family_criteria", on_date=date(2026, 12, 1))
    assert rules_of(found) == [rule]


def test_without_a_registration_date_the_evaluation_date_chooses_the_regime():
    assert rules_of(
        result(child_with(SIBLING_IN_GERMANY), "dublin_family_criteria", date(2026, 6, 30))
    ) == ["dublin3_art8_1"]
    assert rules_of(
        result(child_with(SIBLING_IN_GERMANY), "dublin_family_criteria", date(2026, 7, 2))
    ) == ["ammr_art25_family"]


def test_an_aunt_who_may_care_for_the_child_is_art_8_2_and_her_capacity_is_a_missing_fact():
    aunt = FamilyMember(country="SWE", relation="aunt_uncle", status="citizen")
    found = result(child_with(aunt), "dublin_family_criteria", date(2026, 5, 1))
    assert found.status is Status.MAY_APPLY
    assert rules_of(found) == ["dublin3_art8_2"]
    assert found.missing_facts == ("family_member.can_take_care",)


def test_a_relative_outside_the_dublin_area_gives_no_dublin_criterion():
    in_turkey = FamilyMember(country="TUR", relation="sibling", status="resident")
    found = result(child_with(in_turkey), "dublin_family_criteria")
    assert found.status is Status.DOES_NOT_APPLY


def refugee_spouse(granted_on, country="POL"):
    member = FamilyMember(
        country=country, relation="spouse", status="refugee", status_granted_on=granted_on
    )
    return Facts(age=31, married=True, family_abroad=(member,))


def test_refugee_sponsor_four_months_after_status_may_apply_with_resource_conditions():
    # Directive 2003/86/EC Art. 12(1): after three months, Art. 7(1) conditions may be required.
    found = result(refugee_spouse(date(2026, 7, 25)), "family_reunification_eu")
    assert found.status is Status.MAY_APPLY
    assert rules_of(found) == ["frd_art12_1_after_3_months"]
    assert "accommodation, sickness insurance and stable resources" in found.rules[0].effect


def test_refugee_sponsor_within_three_months_has_no_resource_conditions_and_a_deadline():
    found = result(refugee_spouse(date(2026, 9, 10)), "family_reunification_eu")
    assert rules_of(found) == ["frd_art12_1_within_3_months"]
    assert found.rules[0].deadline[0] == "2026-12-10"
    assert "No requirement of accommodation" in found.rules[0].effect


def test_the_three_months_end_on_the_same_date_three_months_later():
    assert rules_of(result(refugee_spouse(date(2026, 8, 25)), "family_reunification_eu")) == [
        "frd_art12_1_within_3_months"
    ]
    assert rules_of(result(refugee_spouse(date(2026, 8, 24)), "family_reunification_eu")) == [
        "frd_art12_1_after_3_months"
    ]


def test_sponsor_with_subsidiary_protection_is_outside_the_directive():
    member = FamilyMember(country="DEU", relation="spouse", status="subsidiary_protection")
    found = result(Facts(age=30, married=True, family_abroad=(member,)), "family_reunification_eu")
    assert found.status is Status.DOES_NOT_APPLY
    assert rules_of(found) == ["frd_art3_2_c_subsidiary"]
    assert found.rules[0].legal_basis.endswith("Art. 3(2)(c)")


def test_a_sponsor_in_denmark_is_not_bound_by_the_directive():
    found = result(refugee_spouse(date(2026, 10, 1), country="DNK"), "family_reunification_eu")
    assert found.status is Status.DOES_NOT_APPLY


def test_a_brother_is_not_core_family_under_art_4_1():
    brother = FamilyMember(
        country="DEU", relation="sibling", status="refugee", status_granted_on=date(2026, 10, 1)
    )
    found = result(Facts(age=30, family_abroad=(brother,)), "family_reunification_eu")
    assert found.status is Status.DOES_NOT_APPLY


def test_an_unknown_grant_date_is_named_as_missing():
    member = FamilyMember(country="POL", relation="spouse", status="refugee")
    found = result(Facts(age=30, married=True, family_abroad=(member,)), "family_reunification_eu")
    assert found.status is Status.MAY_APPLY
    assert "family_member.status_granted_on" in found.missing_facts


def test_avrr_is_listed_with_the_voluntariness_condition():
    found = result(Facts(age=40, wishes=("return_home",)), "avrr")
    assert found.status is Status.MAY_APPLY
    checks = " ".join(text for text, _mark in found.rules[0].checks)
    assert "Freedom of choice" in checks and "Informed decision" in checks
    assert found.rules[0].legal_basis.endswith("Principle 1: Voluntariness")


def test_avrr_for_a_child_adds_a_best_interests_check_to_be_confirmed():
    found = result(Facts(age=12), "avrr")
    assert ("For a child: a best-interests procedure before any return.", "✗") in found.rules[
        0
    ].checks


def test_unaccompanied_child_is_referred_to_protection():
    found = result(child_with(SIBLING_IN_GERMANY), "child_protection")
    assert found.status is Status.APPLIES


def test_medical_referral_follows_a_serious_medical_condition():
    assert result(Facts(specific_needs=("SM-CI",)), "medical_referral").status is Status.APPLIES
    assert result(Facts(pregnant=False), "medical_referral").status is Status.DOES_NOT_APPLY


def test_asylum_in_belarus_is_open_unless_a_citizen_and_names_a_missing_nationality():
    assert result(Facts(nationality="IRQ"), "asylum_belarus").status is Status.APPLIES
    assert result(Facts(nationality="BLR"), "asylum_belarus").status is Status.DOES_NOT_APPLY
    unknown = result(Facts(), "asylum_belarus")
    assert unknown.status is Status.MAY_APPLY
    assert unknown.missing_facts == ("nationality",)


def test_documents_needed_say_which_are_held():
    found = result(refugee_spouse(date(2026, 10, 1)), "family_reunification_eu")
    held = {doc: is_held for doc, _note, _mark, is_held in found.documents}
    assert held["marriage_certificate"] is False
    facts = Facts(
        documents=("marriage_certificate",),
        **{k: v for k, v in vars(refugee_spouse(date(2026, 10, 1))).items() if k != "documents"},
    )
    held = {
        doc: is_held for doc, _n, _m, is_held in result(facts, "family_reunification_eu").documents
    }
    assert held["marriage_certificate"] is True


relations = st.sampled_from(
    ["spouse", "partner", "child", "parent", "sibling", "aunt_uncle", "grandparent", "other"]
)
statuses = st.sampled_from(
    ["refugee", "subsidiary_protection", "applicant", "resident", "citizen", "unknown", None]
)
members = st.builds(
    FamilyMember,
    country=st.sampled_from(["DEU", "POL", "DNK", "TUR", "NOR", "IRQ"]),
    relation=relations,
    status=statuses,
    status_granted_on=st.none() | st.dates(date(2015, 1, 1), date(2027, 1, 1)),
    can_take_care=st.none() | st.booleans(),
)
random_facts = st.builds(
    Facts,
    nationality=st.none() | st.sampled_from(["IRQ", "SYR", "BLR", "AFG"]),
    age=st.none() | st.integers(0, 90),
    unaccompanied=st.none() | st.booleans(),
    separated=st.none() | st.booleans(),
    married=st.none() | st.booleans(),
    pregnant=st.none() | st.booleans(),
    specific_needs=st.lists(st.sampled_from(["SM-CI", "SC-UC", "DS-BD", "WR-LC"]), max_size=2).map(
        tuple
    ),
    family_abroad=st.lists(members, max_size=3).map(tuple),
    wishes=st.lists(st.sampled_from(["return_home", "asylum_host", "undecided"]), max_size=2).map(
        tuple
    ),
    eu_application_registered_on=st.none() | st.dates(date(2025, 1, 1), date(2027, 12, 31)),
)


@settings(max_examples=300, deadline=None)
@given(random_facts, st.dates(date(2025, 1, 1), date(2027, 12, 31)))
def test_return_is_never_the_default_and_never_decided_by_the_facts(facts, on_date):
    results = evaluate_options(facts=facts, on_date=on_date)
    assert results[0].option != "avrr"
    avrr = next(r for r in results if r.option == "avrr")
    assert avrr.status is Status.MAY_APPLY


@settings(max_examples=300, deadline=None)
@given(random_facts, st.dates(date(2025, 1, 1), date(2027, 12, 31)))
def test_every_option_has_a_status_with_its_reasons_and_dublin_is_never_certain(facts, on_date):
    for found in evaluate_options(facts=facts, on_date=on_date):
        assert found.rules, found.option
        if found.status is Status.MAY_APPLY:
            assert any(rule.checks or rule.missing_facts for rule in found.rules)
        if found.status is Status.DOES_NOT_APPLY:
            assert all(rule.not_met or rule.excludes for rule in found.rules)
    dublin = next(
        r
        for r in evaluate_options(facts=facts, on_date=on_date)
        if r.option == "dublin_family_criteria"
    )
    assert dublin.status is not Status.APPLIES


def test_the_guide_carries_its_version_and_review_state():
    data = guide()
    assert data.version
    assert data.reviewed is False
    assert {r.guide_version for r in evaluate_options(facts=Facts(), on_date=ON)} == {data.version}


def test_a_mistake_in_the_data_names_the_file(tmp_path):
    import json
    import shutil

    from waypost.counselling.guide.data import OPTIONS_DIR

    shutil.copytree(OPTIONS_DIR, tmp_path / "options")
    path = tmp_path / "options" / "avrr.json"
    raw = json.loads(path.read_text())
    raw["rules"][0]["when"] = {"fact": "shoe_size", "op": "eq", "value": 1, "text": "x"}
    path.write_text(json.dumps(raw))
    with pytest.raises(GuideDataError, match="avrr.json.*shoe_size"):
        load_guide(tmp_path / "options")


def pregnant_with_a_sister_in_poland(**more):
    sister = FamilyMember(country="POL", relation="sibling", status="resident")
    return Facts(age=26, pregnant=True, family_abroad=(sister,), **more)


def test_a_pregnant_woman_with_a_sister_in_poland_may_rely_on_art_16_1_with_written_consent():
    facts = pregnant_with_a_sister_in_poland(eu_application_registered_on=date(2026, 5, 4))
    found = result(facts, "dublin_family_criteria")
    assert found.status is Status.MAY_APPLY
    assert rules_of(found) == ["dublin3_art16_1"]
    checks = " ".join(text for text, _mark in found.rules[0].checks)
    assert "desire in writing" in checks and "lodges an application" in checks


def test_after_1_july_2026_the_dependency_rule_is_the_amrr_one_to_be_confirmed():
    facts = pregnant_with_a_sister_in_poland(eu_application_registered_on=date(2026, 7, 2))
    found = result(facts, "dublin_family_criteria")
    assert rules_of(found) == ["ammr_dependent_persons"]
    assert found.rules[0].mark == "✗"


def test_without_a_recorded_dependency_art_16_1_does_not_apply():
    facts = pregnant_with_a_sister_in_poland(eu_application_registered_on=date(2026, 5, 4))
    not_pregnant = Facts(
        age=26,
        pregnant=False,
        family_abroad=facts.family_abroad,
        eu_application_registered_on=facts.eu_application_registered_on,
    )
    assert result(not_pregnant, "dublin_family_criteria").status is Status.DOES_NOT_APPLY
