"""The check while registering: who a typed person may already be, as the clerk may see it."""

from datetime import date

import pytest

from waypost.core.models import AuditEvent
from waypost.core.roles import Role
from waypost.demo.generator import DemoHousehold
from waypost.demo.loaders import load_in_bulk
from waypost.demo.organisation import registration_clerks, set_up_operation, sites_by_code
from waypost.matching.records import MatchRecord
from waypost.matching.selectors import (
    CANDIDATES_SCORED,
    SHOWN_FROM,
    likely_duplicates,
    ranked_candidate_ids,
)
from waypost.matching.services import merge
from waypost.matching.tests.factories import proposed
from waypost.registry.models import DatePrecision, Individual
from waypost.registry.tests.factories import member, registered_household

TYPED_IN_CYRILLIC = MatchRecord(
    record_id="typed",
    given_name="Мухаммед",
    father_name="Али",
    family_name="Хасан",
    date_of_birth="1985",
    sex="M",
    nationality="IRQ",
)


def register(clerk, camp, consents=("assistance",), **overrides):
    household = registered_household(
        by=clerk, site=camp, members=[member(**overrides)], consents=consents
    )
    return household.members.get()


@pytest.fixture
def iom_registrar(make_persona, iom):
    return make_persona(iom, Role.REGISTRATION_CLERK)


def test_a_person_typed_in_another_script_is_found_with_the_fields_that_agree(
    unhcr_registrar, camp
):
    person = register(unhcr_registrar, camp)

    found = likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC)

    assert [match.individual for match in found.matches] == [person]
    match = found.matches[0]
    assert match.probability >= SHOWN_FROM
    agreeing = {reason.field for reason in match.reasons}
    assert {"given_name", "father_and_family_name", "date_of_birth"} <= agreeing
    assert found.held_elsewhere == 0


def test_a_brother_with_the_same_father_family_name_and_year_is_not_shown(unhcr_registrar, camp):
    register(unhcr_registrar, camp, given_name="Ahmed", given_name_native="أحمد")

    found = likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC)

    assert found.is_empty


def test_a_namesake_born_ten_years_apart_is_not_shown(unhcr_registrar, camp):
    register(unhcr_registrar, camp, date_of_birth=date(1995, 3, 1))

    assert likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC).is_empty


def test_a_match_held_by_another_agency_without_consent_is_counted_not_named(
    unhcr_registrar, iom_registrar, camp
):
    register(iom_registrar, camp, consents=("assistance",))

    found = likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC)

    assert found.matches == []
    assert found.held_elsewhere == 1
    assert not AuditEvent.objects.filter(action="viewed", actor=unhcr_registrar).exists()


def test_a_match_another_agency_may_share_is_shown(unhcr_registrar, iom_registrar, camp):
    person = register(iom_registrar, camp, consents=("assistance", "data_sharing"))

    found = likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC)

    assert [match.individual for match in found.matches] == [person]


def test_every_match_shown_is_audited_as_a_registry_read(unhcr_registrar, camp):
    person = register(unhcr_registrar, camp)

    likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC)

    event = AuditEvent.objects.get(action="viewed", actor=unhcr_registrar)
    assert event.subject_id == str(person.pk)
    assert event.details == {"via": "duplicate_check"}
    assert "given_name" in event.fields
    assert "date_of_birth" not in event.fields


def test_a_user_who_may_not_read_the_registry_learns_nothing(unhcr_registrar, camp, make_persona):
    register(unhcr_registrar, camp)
    logistician = make_persona(unhcr_registrar.agency, Role.LOGISTICIAN)

    assert likely_duplicates(logistician, TYPED_IN_CYRILLIC).is_empty


def test_excluded_people_and_merged_records_are_not_candidates(unhcr_registrar, camp):
    person = register(unhcr_registrar, camp)
    assert likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC, exclude_ids=[person.pk]).is_empty

    second = register(unhcr_registrar, camp, phones=["+9647501234567"])
    merge(proposed(person, second), survivor=person, by=unhcr_registrar)

    found = likely_duplicates(unhcr_registrar, TYPED_IN_CYRILLIC)
    assert [match.individual for match in found.matches] == [person]


def many_mohammeds():
    """800 men called Mohammed: every pair of common father's and family names, every year
    from 1960 to 1979."""
    fathers = ["Ali", "Ahmed", "Hassan", "Hussein", "Omar", "Khalid", "Ibrahim", "Yusuf"]
    families = ["Hassan", "Barzani", "Jaff", "Al-Obaidi", "Kareem"]
    people = [
        member(
            father_name=father,
            family_name=family,
            date_of_birth=date(year, 1 + len(father), 1 + len(family)),
            date_of_birth_precision=DatePrecision.EXACT,
        )
        for year in range(1960, 1980)
        for father in fathers
        for family in families
    ]
    return [DemoHousehold([person], "BRZ", "A-1", ("assistance",), "unhcr") for person in people]


def test_retrieval_finds_the_true_duplicate_among_hundreds_of_mohammeds(db):
    # given 800 men named Mohammed in the registry
    set_up_operation()
    load_in_bulk(many_mohammeds(), clerks=registration_clerks(), sites=sites_by_code())
    typed = MatchRecord(
        record_id="typed",
        given_name="Muhammad",
        father_name="Hussein",
        family_name="Barzani",
        date_of_birth="1971",
    )

    # when one of them is looked up by keys
    candidates = ranked_candidate_ids([typed])

    # then he comes first, among the few who share his birth year and both other names (Hassan
    # and Hussein share a skeleton); the others share one name or years around his, and
    # never every Mohammed is read
    himself = set(
        Individual.objects.filter(
            father_name="Hussein", family_name="Barzani", date_of_birth__year=1971
        ).values_list("pk", flat=True)
    )
    assert len(himself) == 1
    assert himself <= set(candidates[:10])
    assert len(candidates) <= CANDIDATES_SCORED < 800 / 10
