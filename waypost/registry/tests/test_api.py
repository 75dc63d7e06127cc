import pytest
from django.test import Client

from waypost.core.models import AuditEvent
from waypost.registry.models import DatePrecision, Household, Individual
from waypost.registry.selectors import visible_fields
from waypost.registry.tests.factories import registered_household

HOUSEHOLDS = "/api/registry/households"


def head(**overrides):
    values = {
        "relationship": "head",
        "given_name": "Karwan",
        "family_name": "Aziz",
        "sex": "M",
        "date_of_birth": "1988-02-03",
        "nationality": "IRQ",
    }
    return values | overrides


def registration(*members, **overrides):
    values = {"site": "BRZ", "consents": ["assistance"], "members": list(members)}
    return values | overrides


def post(client, payload):
    return client.post(HOUSEHOLDS, payload, content_type="application/json")


def errors_of(response):
    assert response.status_code == 422, response.content
    return {tuple(error["loc"][2:]): error["msg"] for error in response.json()["detail"]}


@pytest.fixture
def registrar_client(client, unhcr_registrar, camp):
    client.force_login(unhcr_registrar)
    return client


def test_registering_through_the_api_saves_the_household_and_its_members(
    registrar_client, unhcr_registrar
):
    spouse = head(relationship="spouse", given_name="Shilan", sex="F", is_pregnant=True)

    response = post(registrar_client, registration(head(), spouse))

    assert response.status_code == 201
    body = response.json()
    assert body["number"] == "BRZ-000001"
    assert [m["number"] for m in body["members"]] == ["BRZ-000001-01", "BRZ-000001-02"]
    household = Household.objects.get(pk=body["id"])
    assert household.registering_agency == unhcr_registrar.agency
    assert AuditEvent.objects.filter(action="created", actor=unhcr_registrar).count() == 3


def test_the_api_reads_dates_ages_phones_and_countries_as_the_form_does(registrar_client):
    member = head(date_of_birth="34", nationality="irq", phones=["+375 29 123-45-67"])
    child = head(relationship="child", given_name="Rojin", sex="F", date_of_birth="12.05.2019")

    response = post(registrar_client, registration(member, child))

    assert response.status_code == 201
    adult, girl = Individual.objects.order_by("number")
    assert adult.date_of_birth_precision == DatePrecision.ESTIMATED
    assert adult.nationality == "IRQ"
    assert list(adult.phones.values_list("number", flat=True)) == ["+375291234567"]
    assert (girl.date_of_birth.isoformat(), girl.date_of_birth_precision) == (
        "2019-05-12",
        DatePrecision.EXACT,
    )


def test_a_refused_registration_names_each_field_and_saves_nothing(registrar_client):
    member = head(
        date_of_birth="next spring",
        nationality="ZZZ",
        phones=["12"],
        documents=[{"document_type": "passport", "number": "B7654321", "issuing_country": "QQQ"}],
    )

    errors = errors_of(post(registrar_client, registration(member)))

    assert set(errors) == {
        ("members", 0, "date_of_birth"),
        ("members", 0, "nationality"),
        ("members", 0, "phones"),
        ("members", 0, "documents", 0, "issuing_country"),
    }
    assert "ZZZ" in errors[("members", 0, "nationality")]
    assert not Household.objects.exists()
    assert not AuditEvent.objects.exists()


def test_the_services_rules_come_back_as_errors_on_the_member_fields(registrar_client):
    pregnant_man = head(is_pregnant=True)
    second_head = head(given_name="Dilshad")

    errors = errors_of(post(registrar_client, registration(pregnant_man, second_head)))

    assert ("members", 0, "is_pregnant") in errors
    assert errors[("members",)] == "A household has exactly one head of household."
    assert not Household.objects.exists()


def test_a_document_already_registered_is_refused_naming_its_household(
    registrar_client, unhcr_registrar, camp
):
    first = registered_household(by=unhcr_registrar, site=camp)
    again = head(
        documents=[{"document_type": "passport", "number": "A 123 4567", "issuing_country": "IRQ"}]
    )

    errors = errors_of(post(registrar_client, registration(again)))

    assert first.number in errors[("members", 0, "documents")]
    assert Household.objects.count() == 1


def test_an_unknown_site_is_refused_as_an_error_on_the_site(registrar_client):
    errors = errors_of(post(registrar_client, registration(head(), site="NOWHERE")))
    assert set(errors) == {("site",)}


def test_a_malformed_body_is_refused_by_the_schema(registrar_client):
    errors = errors_of(post(registrar_client, registration(head(sex="X", relationship="boss"))))
    assert {("members", 0, "sex"), ("members", 0, "relationship")} <= set(errors)


def test_registering_needs_the_csrf_token_of_the_session(unhcr_registrar, camp):
    client = Client(enforce_csrf_checks=True)
    client.force_login(unhcr_registrar)
    token = "k" * 32  # the cookie's secret; the header may carry it as it is

    refused = post(client, registration(head()))
    client.cookies["csrftoken"] = token
    accepted = client.post(
        HOUSEHOLDS, registration(head()), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )

    assert (refused.status_code, refused.json()) == (403, {"detail": "CSRF check Failed"})
    assert accepted.status_code == 201


def test_a_role_without_the_permission_is_refused_before_the_body_is_read(
    client, redcross_distributor, camp
):
    client.force_login(redcross_distributor)
    response = post(client, {"not": "a registration"})
    assert response.status_code == 403
    assert response.json() == {"detail": "You do not have permission to do this."}


def test_search_finds_a_household_by_a_misspelt_name(registrar_client, unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)

    response = registrar_client.get(HOUSEHOLDS, {"q": "Muhamad Hasan"})

    [found] = response.json()
    assert found["number"] == household.number
    assert found["matches"][0]["member"]["given_name"] == "Mohammed"
    assert found["matches"][0]["matched_on"] == "name"


def test_an_empty_search_finds_nothing_and_records_nothing(registrar_client):
    assert registrar_client.get(HOUSEHOLDS, {"q": " "}).json() == []
    assert not AuditEvent.objects.exists()


def test_reading_a_household_records_what_was_shown_and_why(
    client, unhcr_registrar, iom_caseworker, camp
):
    household = registered_household(by=unhcr_registrar, site=camp, consents=["data_sharing"])
    client.force_login(iom_caseworker)

    client.get(f"{HOUSEHOLDS}/{household.pk}")

    views = AuditEvent.objects.filter(action="viewed", actor=iom_caseworker)
    assert views.count() == 5
    assert {tuple(sorted(event.fields)) for event in views} == {
        tuple(sorted(visible_fields(iom_caseworker)))
    }
    assert {event.purpose for event in views} == {"case_management"}


def test_another_agency_gets_404_without_the_heads_consent_to_sharing(
    client, unhcr_registrar, iom_caseworker, camp
):
    household = registered_household(by=unhcr_registrar, site=camp)
    person = household.members.first()
    client.force_login(iom_caseworker)

    for url in (f"{HOUSEHOLDS}/{household.pk}", f"/api/registry/individuals/{person.pk}"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not Found"}
    assert client.get(HOUSEHOLDS, {"q": household.number}).json() == []


def test_an_unknown_household_gets_the_same_404(registrar_client):
    response = registrar_client.get(f"{HOUSEHOLDS}/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_a_person_is_read_with_their_household(registrar_client, unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    spouse = household.members.get(relationship="spouse")

    body = registrar_client.get(f"/api/registry/individuals/{spouse.pk}").json()

    assert body["household_number"] == household.number
    assert body["specific_needs"][0]["code"] == "SM-DP"
    assert body["date_of_birth"] == {"value": "1990-01-01", "precision": "year"}


def test_me_names_the_user_their_agency_roles_and_permissions(client, iom_caseworker):
    client.force_login(iom_caseworker)
    body = client.get("/api/me").json()
    assert body["agency"]["code"] == "iom"
    assert body["roles"] == ["caseworker"]
    assert "registry.view_personal" in body["permissions"]
    assert "registry.register" not in body["permissions"]


def test_sites_carry_their_occupancy(registrar_client, unhcr_registrar, camp):
    registered_household(by=unhcr_registrar, site=camp)
    [site] = registrar_client.get("/api/sites").json()
    assert (site["code"], site["capacity"], site["occupancy"]) == ("BRZ", 2500, 5)


def test_the_outsider_is_refused_in_json(client, outsider):
    client.force_login(outsider)
    response = client.get("/api/me")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_an_anonymous_caller_is_asked_to_sign_in(client):
    response = client.get("/api/me")
    assert response.status_code == 401
