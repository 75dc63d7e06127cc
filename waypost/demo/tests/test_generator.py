from collections import Counter
from datetime import date

import pytest

from waypost.demo.generator import generate_camp
from waypost.registry.codes import DATA_DIR, read_code_file
from waypost.registry.services import check_members
from waypost.registry.validators import normalize_phone

# The day of the IOM/UNHCR joint press release on the Bruzgi camp.
TODAY = date(2021, 11, 12)
PEOPLE = 2000
MEAN_HOUSEHOLD_SIZE = 4.4


@pytest.fixture(scope="module")
def camp():
    return generate_camp(seed=1, people=PEOPLE, today=TODAY)


@pytest.fixture(scope="module")
def people(camp):
    return [member for household in camp for member in household.members]


def age(member):
    born = member.date_of_birth
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def test_the_same_seed_gives_the_same_camp(camp):
    assert generate_camp(seed=1, people=PEOPLE, today=TODAY) == camp


def test_another_seed_gives_another_camp(camp):
    other = generate_camp(seed=2, people=PEOPLE, today=TODAY)
    assert [m.given_name for h in other for m in h.members] != [
        m.given_name for h in camp for m in h.members
    ]


def test_the_camp_holds_exactly_the_people_asked_for(people):
    assert len(people) == PEOPLE
    assert sum(len(h.members) for h in generate_camp(seed=3, people=7, today=TODAY)) == 7


def test_households_average_about_four_point_four_people(camp):
    expected = PEOPLE / MEAN_HOUSEHOLD_SIZE
    assert 0.9 * expected <= len(camp) <= 1.1 * expected


def test_at_least_two_in_five_people_are_children(people):
    assert sum(age(m) < 18 for m in people) >= 0.4 * len(people)


def test_there_are_infants_older_people_and_large_families(camp, people):
    assert sum(age(m) < 1 for m in people) >= 40
    assert sum(age(m) >= 60 for m in people) >= 10
    assert any(len(h.members) >= 9 for h in camp)
    assert sum(len(h.members) == 1 and h.members[0].sex == "M" for h in camp) >= 30


def test_pregnant_women_have_a_delivery_date_ahead(people):
    pregnant = [m for m in people if m.is_pregnant]
    assert len(pregnant) >= 10
    assert all(m.sex == "F" and m.expected_delivery_date > TODAY for m in pregnant)
    assert all(m.expected_delivery_date is None for m in people if not m.is_pregnant)


def test_lactating_mothers_are_women_who_are_not_pregnant(people):
    lactating = [m for m in people if m.is_lactating]
    assert len(lactating) >= 20
    assert all(m.sex == "F" and not m.is_pregnant for m in lactating)


def test_every_household_has_exactly_one_head(camp):
    assert all(sum(m.relationship == "head" for m in h.members) == 1 for h in camp)
    assert all(h.members[0].relationship == "head" for h in camp)


def test_most_people_have_their_name_in_their_own_script_too(people):
    assert sum(bool(m.given_name_native) for m in people) >= 0.85 * len(people)
    persian_or_kurdish_letters = set("پچژگکیێۆڕڵەڤۍ")
    assert any(set(m.given_name_native) & persian_or_kurdish_letters for m in people)


def test_most_people_are_iraqi_and_the_other_nationalities_are_there(people):
    nationalities = Counter(m.nationality for m in people)
    assert nationalities["IRQ"] > 0.6 * len(people)
    assert {"SYR", "IRN", "AFG", "YEM", "CMR"} <= set(nationalities)


def test_children_carry_the_patronymic_chain_and_the_family_name(camp):
    families = [
        h
        for h in camp
        if [m.relationship for m in h.members][:2] == ["head", "spouse"]
        and h.members[0].nationality != "CMR"  # names in Cameroon carry no father's name
    ]
    children = [(h.members[0], m) for h in families for m in h.members if m.relationship == "child"]
    assert len(children) > 500
    for father, child in children:
        assert child.father_name == father.given_name
        assert child.grandfather_name == (father.father_name if child.grandfather_name else "")
        assert child.family_name == father.family_name
        assert child.father_name_native == father.given_name_native


def test_latin_spellings_of_one_name_vary_between_people(people):
    spellings = {m.given_name for m in people if m.given_name_native == "محمد"}
    assert len(spellings) >= 3


def test_unaccompanied_and_separated_children_are_marked(camp):
    alone = [h.members[0] for h in camp if "SC-UC" in h.members[0].specific_needs]
    assert alone and all(
        len(h.members) == 1 for h in camp if "SC-UC" in h.members[0].specific_needs
    )
    assert all(age(child) < 18 for child in alone)
    separated = [m for h in camp for m in h.members[1:] if "SC-SC" in m.specific_needs]
    assert separated and all(age(child) < 18 for child in separated)


def test_specific_needs_are_standard_codes_and_sensitive_ones_are_rare(people):
    _source, rows = read_code_file(DATA_DIR / "specific_needs_2009.csv")
    offered = {row["code"]: row for row in rows if row["status"] == "standard_2009"}
    codes = Counter(code for m in people for code in m.specific_needs)
    assert set(codes) <= set(offered)
    assert {"SM-CI", "SM-DP", "SC-UC", "SC-SC", "WR-SF", "ER-NF"} <= set(codes)
    sensitive = sum(n for code, n in codes.items() if offered[code]["sensitive"] == "yes")
    assert 0 < sensitive <= 0.01 * len(people)


def test_phones_are_well_formed_and_some_are_shared_within_a_household(camp, people):
    phones = [phone for m in people for phone in m.phones]
    assert phones and all(normalize_phone(phone) == phone for phone in phones)
    assert any(p.startswith("+96475") for p in phones)
    assert any(len(set(h.members[0].phones) & set(m.phones)) for h in camp for m in h.members[1:])
    households_of_phone: dict[str, int] = {}
    for index, household in enumerate(camp):
        for phone in {p for m in household.members for p in m.phones}:
            assert households_of_phone.setdefault(phone, index) == index


def test_document_numbers_are_unique(people):
    documents = [
        (d.document_type, d.number, d.issuing_country) for m in people for d in m.documents
    ]
    assert len(documents) > 0.3 * len(people)
    assert len(set(documents)) == len(documents)


def test_everyone_consents_to_assistance_and_most_to_data_sharing(camp):
    assert all("assistance" in h.consents for h in camp)
    sharing = sum("data_sharing" in h.consents for h in camp) / len(camp)
    assert 0.87 <= sharing <= 0.97


def test_households_are_spread_over_the_camp_the_logistics_centre_and_the_shelter(camp):
    assert set(Counter(h.site_code for h in camp)) == {"BRZ", "LOG", "SHL"}
    assert {h.agency_code for h in camp} == {"unhcr", "iom", "brc"}


@pytest.mark.django_db
def test_every_generated_household_passes_the_registration_rules(camp):
    for household in camp:
        check_members(household.members, today=TODAY)
