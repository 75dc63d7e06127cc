import pytest
from django.http import Http404

from waypost.core.models import AuditEvent
from waypost.core.roles import Role
from waypost.registry.models import Consent
from waypost.registry.selectors import (
    FIELD_GROUPS,
    get_household_for,
    get_individual_for,
    households_visible_to,
    individuals_visible_to,
    search_individuals,
    visible_fields,
)
from waypost.registry.services import DocumentData, withdraw_consent
from waypost.registry.tests.factories import family_of_five, member, registered_household

SHARED = ("assistance", "data_sharing")


@pytest.fixture
def household(unhcr_registrar, camp):
    """Registered by UNHCR; the head agreed to sharing with partner agencies."""
    members = family_of_five()
    members[0].documents = [DocumentData("national_id", "XK-7321-P", "IRQ")]
    return registered_household(by=unhcr_registrar, site=camp, members=members, consents=SHARED)


@pytest.fixture
def private_household(unhcr_registrar, camp):
    """Registered by UNHCR without consent to sharing."""
    return registered_household(
        by=unhcr_registrar, site=camp, members=[member()], consents=("assistance",)
    )


def is_shown(user, household):
    return households_visible_to(user).filter(pk=household.pk).exists()


def withdraw_data_sharing(household, by):
    for consent in Consent.objects.filter(
        individual__household=household, topic=Consent.Topic.DATA_SHARING
    ):
        withdraw_consent(by=by, consent=consent)


def test_the_outsider_gets_nothing_from_any_selector(outsider, household):
    head = household.members.get(relationship="head")

    assert not households_visible_to(outsider).exists()
    assert not individuals_visible_to(outsider).exists()
    assert visible_fields(outsider) == set()
    assert search_individuals(outsider, household.number) == []
    assert search_individuals(outsider, "Mohammed Hassan") == []
    with pytest.raises(Http404):
        get_household_for(outsider, str(household.pk))
    with pytest.raises(Http404):
        get_individual_for(outsider, str(head.pk))
    assert not AuditEvent.objects.filter(actor=outsider).exists()


def test_a_role_without_registry_access_gets_nothing_even_in_the_registering_agency(
    make_persona, unhcr, household
):
    logistician = make_persona(unhcr, Role.LOGISTICIAN)
    assert not households_visible_to(logistician).exists()
    assert search_individuals(logistician, household.number) == []
    with pytest.raises(Http404):
        get_household_for(logistician, str(household.pk))


def test_the_registering_agency_sees_its_households_without_any_consent(
    make_persona, unhcr, private_household
):
    distributor = make_persona(unhcr, Role.DISTRIBUTION_STAFF)
    assert is_shown(distributor, private_household)


def test_another_agency_sees_a_household_only_with_the_heads_consent_to_sharing(
    iom_caseworker, household, private_household
):
    assert is_shown(iom_caseworker, household)
    assert not is_shown(iom_caseworker, private_household)
    with pytest.raises(Http404):
        get_household_for(iom_caseworker, str(private_household.pk))
    person = private_household.members.first()
    with pytest.raises(Http404):
        get_individual_for(iom_caseworker, str(person.pk))


def test_another_agency_loses_sight_of_a_household_when_the_consent_is_withdrawn(
    iom_caseworker, unhcr_registrar, household
):
    withdraw_data_sharing(household, by=unhcr_registrar)

    assert not is_shown(iom_caseworker, household)
    assert search_individuals(iom_caseworker, household.number) == []


def test_an_unknown_or_malformed_id_gets_the_same_404(unhcr_registrar, household):
    for bad in ("00000000-0000-0000-0000-000000000000", "not-an-id"):
        with pytest.raises(Http404):
            get_household_for(unhcr_registrar, bad)
        with pytest.raises(Http404):
            get_individual_for(unhcr_registrar, bad)


def test_reading_a_household_records_one_view_per_member_with_fields_and_purpose(
    iom_caseworker, household
):
    get_household_for(iom_caseworker, str(household.pk))

    views = AuditEvent.objects.filter(action="viewed", actor=iom_caseworker)
    assert sorted(views.values_list("subject_id", flat=True)) == sorted(
        str(pk) for pk in household.members.values_list("pk", flat=True)
    )
    for event in views:
        assert set(event.fields) == visible_fields(iom_caseworker)
        assert event.purpose == "case_management"
        assert event.details == {"via": "household", "household": household.number}
        assert event.agency == iom_caseworker.agency


def test_reading_a_person_records_one_view(unhcr_protection_officer, household):
    spouse = household.members.get(relationship="spouse")

    get_individual_for(unhcr_protection_officer, str(spouse.pk))

    event = AuditEvent.objects.get(action="viewed")
    assert event.subject_id == str(spouse.pk)
    assert "sensitive_specific_needs" in event.fields
    assert (event.purpose, event.details) == ("protection", {"via": "individual"})


def test_a_search_records_a_view_of_each_person_found_with_the_identity_fields_only(
    unhcr_registrar, household
):
    hits = search_individuals(unhcr_registrar, household.number)

    views = AuditEvent.objects.filter(action="viewed")
    assert views.count() == len(hits) == 5
    for event in views:
        assert set(event.fields) == set(FIELD_GROUPS["registry.view"])
        assert (event.purpose, event.details) == ("registration", {"via": "search"})


@pytest.mark.parametrize(
    "query",
    ["Muhamad Hasan", "Mohamed Al-Hassan", "محمد حسن", "Мухаммед Хасан"],
    ids=["misspelt", "with the article", "arabic script", "cyrillic script"],
)
def test_search_finds_a_name_however_it_is_spelt_or_written(unhcr_registrar, household, query):
    hits = search_individuals(unhcr_registrar, query)

    assert hits[0].individual.given_name == "Mohammed"
    assert hits[0].matched_on == "name"


@pytest.mark.parametrize(
    ("query", "matched_on"),
    [
        ("+964 750 123 4567", "phone"),
        ("0750 123 4567", "phone"),
        ("xk 7321 p", "document"),
        ("brz-000001-01", "registration number"),
    ],
)
def test_search_finds_a_person_by_phone_document_or_registration_number(
    unhcr_registrar, household, query, matched_on
):
    [hit] = search_individuals(unhcr_registrar, query)
    assert (hit.individual.given_name, hit.matched_on) == ("Mohammed", matched_on)


def test_a_passport_number_finds_its_holder_even_when_a_phone_ends_in_the_same_digits(
    unhcr_registrar, camp
):
    # given a passport A1234567 held by one person and a phone ending 1234567 held by another
    holder = member(documents=[DocumentData("passport", "A1234567", "IRQ")])
    caller = member(given_name="Omar", phones=["+9647501234567"])
    registered_household(by=unhcr_registrar, site=camp, members=[holder])
    registered_household(by=unhcr_registrar, site=camp, members=[caller])

    # when the passport number is searched
    hits = search_individuals(unhcr_registrar, "A1234567")

    # then its holder comes first, found by the document
    assert (hits[0].individual.given_name, hits[0].matched_on) == ("Mohammed", "document")


def test_a_household_number_finds_every_member(unhcr_registrar, household):
    hits = search_individuals(unhcr_registrar, household.number)
    assert {hit.individual.pk for hit in hits} == set(
        household.members.values_list("pk", flat=True)
    )


def test_search_by_phone_or_document_needs_sight_of_personal_data(make_persona, unhcr, household):
    distributor = make_persona(unhcr, Role.DISTRIBUTION_STAFF)
    assert search_individuals(distributor, "+964 750 123 4567") == []
    assert search_individuals(distributor, "A1234567") == []


def test_search_does_not_reach_households_another_agency_may_not_see(
    iom_caseworker, private_household
):
    assert search_individuals(iom_caseworker, "Mohammed Hassan") == []
