"""The distribution point, card and coverage pages, and the API, over HTTP."""

import json

from django.urls import reverse

from waypost.core.models import AuditEvent
from waypost.distribution import tokens
from waypost.distribution.models import HouseholdCard, PlanStatus, Redemption


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_point_page_focuses_the_code_input_once_a_table_is_chosen(
    client, redcross_distributor, plan, point
):
    url = reverse("distribution:point", args=[plan.pk])
    page = signed_in(client, redcross_distributor).get(f"{url}?point={point.pk}").content.decode()
    assert 'name="code" id="id_code" autofocus' in page
    assert "Table 1" in page


def test_opening_a_table_redirects_to_it(client, redcross_distributor, plan):
    response = signed_in(client, redcross_distributor).post(
        reverse("distribution:add_point", args=[plan.pk]), {"name": "Table 9"}
    )
    assert response.status_code == 302 and "?point=" in response["Location"]


def test_scanning_shows_the_household_as_a_fragment_for_htmx(
    client, redcross_distributor, card, plan, point, blankets, boots
):
    url = reverse("distribution:scan", args=[plan.pk])
    query = {"point": point.pk, "code": tokens.sign(card.key)}
    fragment = (
        signed_in(client, redcross_distributor)
        .get(url, query, headers={"HX-Request": "true"})
        .content.decode()
    )
    whole = client.get(url, query).content.decode()
    assert "<html" not in fragment and "<html" in whole
    for shown in (fragment, whole):
        assert "Mohammed Ali Hassan" in shown and "Household of 5 people" in shown
        assert 'id="hand-all"' in shown and "Sara" in shown


def test_hand_over_all_records_every_open_line(
    client, redcross_distributor, card, plan, point, blankets, boots
):
    url = reverse("distribution:hand_over", args=[plan.pk])
    data = {"point": point.pk, "code": tokens.sign(card.key), "submission": "abc", "all": "1"}
    page = (
        signed_in(client, redcross_distributor)
        .post(url, data, headers={"HX-Request": "true"})
        .content.decode()
    )
    assert "Handed over and recorded" in page
    assert sorted(Redemption.objects.values_list("quantity", flat=True)) == [1, 5]


def test_ticked_lines_with_a_part_a_substitution_and_a_proxy(
    client, redcross_distributor, card, plan, point, blankets, boots
):
    url = reverse("distribution:hand_over", args=[plan.pk])
    data = {
        "point": point.pk,
        "code": tokens.short_code(card.key),
        "submission": "def",
        "lines": "1",
        f"take-{blankets.pk}": "on",
        f"quantity-{blankets.pk}": "2",
        f"take-{boots.pk}": "on",
        f"quantity-{boots.pk}": "1",
        f"size-{boots.pk}": "EU28",
        "proxy_name": "Karim Aziz",
        "proxy_relation": "neighbour",
    }
    signed_in(client, redcross_distributor).post(url, data)
    handed = {r.entitlement_id: r for r in Redemption.objects.select_related("size_handed")}
    assert handed[blankets.pk].quantity == 2
    size = handed[boots.pk].size_handed
    assert size is not None and size.code == "EU28"
    assert handed[boots.pk].proxy_name == "Karim Aziz"


def test_a_second_scan_shows_when_and_where_it_was_handed(
    client, redcross_distributor, card, plan, point, blankets
):
    url = reverse("distribution:hand_over", args=[plan.pk])
    base = {"point": point.pk, "code": tokens.sign(card.key), "all": "1"}
    signed_in(client, redcross_distributor).post(url, base | {"submission": "one"})
    page = client.post(
        url,
        base
        | {
            "submission": "two",
            "lines": "1",
            f"take-{blankets.pk}": "on",
            f"quantity-{blankets.pk}": "5",
        },
    ).content.decode()
    assert "handed at Table 1" in page or "Already handed out at Table 1" in page
    assert Redemption.objects.count() == 1


def test_a_forged_code_is_refused_on_the_page(client, redcross_distributor, plan, point):
    url = reverse("distribution:scan", args=[plan.pk])
    page = (
        signed_in(client, redcross_distributor)
        .get(url, {"point": point.pk, "code": "WP1AAAA"})
        .content.decode()
    )
    assert "not a valid household card" in page


def test_reissuing_on_the_card_page_needs_a_reason_and_is_audited(
    client, redcross_distributor, household, card
):
    url = reverse("distribution:household_cards", args=[household.pk])
    signed_in(client, redcross_distributor)
    assert "This field is required" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "Lost"}).status_code == 302
    assert HouseholdCard.objects.filter(household=household).count() == 2
    assert AuditEvent.objects.filter(action="card.reissued").exists()


def test_printing_a_sites_cards_returns_a_pdf(client, redcross_distributor, camp, household):
    response = signed_in(client, redcross_distributor).post(
        reverse("distribution:print_cards"), {"site": camp.pk}
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_coverage_and_closing_pages(client, make_persona, redcross, plan, blankets):
    logistician = make_persona(redcross, "logistician", username="page-closer")
    signed_in(client, logistician)
    page = client.get(reverse("distribution:coverage", args=[plan.pk])).content.decode()
    assert "Blanket high thermal" in page and "Close the distribution" in page
    client.post(reverse("distribution:close", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED
    absent = client.get(reverse("distribution:absent", args=[plan.pk])).content.decode()
    assert "1 household did not collect anything" in absent


def _post(client, payload):
    return client.post(
        "/api/distribution/redemptions", json.dumps(payload), content_type="application/json"
    )


def test_the_api_redeems_then_replays_then_refuses(
    client, redcross_distributor, card, plan, point, blankets
):
    signed_in(client, redcross_distributor)
    payload = {
        "token": tokens.sign(card.key),
        "plan": str(plan.pk),
        "point": point.pk,
        "lines": [{"entitlement": blankets.pk, "quantity": 5}],
        "idempotency_key": "api-1",
    }
    first = _post(client, payload)
    assert first.status_code == 201
    assert first.json()["redemptions"][0]["quantity"] == 5
    again = _post(client, payload)
    assert again.status_code == 200 and again.json()["replayed"] is True
    other = _post(client, payload | {"idempotency_key": "api-2"})
    assert other.status_code == 422
    assert other.json()["detail"][0]["msg"].startswith("Already handed out at Table 1 at ")


def test_the_api_names_the_field_it_refuses(
    client, redcross_distributor, card, plan, point, blankets
):
    signed_in(client, redcross_distributor)
    payload = {
        "token": tokens.sign(card.key),
        "plan": str(plan.pk),
        "point": point.pk,
        "lines": [{"entitlement": blankets.pk, "quantity": 9}],
        "idempotency_key": "api-3",
    }
    refused = _post(client, payload)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "payload", "lines"]
    assert _post(client, payload | {"point": 999999}).json()["detail"][0]["loc"] == [
        "body",
        "payload",
        "point",
    ]


def test_the_api_gives_coverage(client, make_persona, redcross, plan, blankets):
    signed_in(client, make_persona(redcross, "logistician", username="api-cov"))
    body = client.get(f"/api/distribution/plans/{plan.pk}/coverage").json()
    assert body["items"][0]["allocated"] == 5 and body["items"][0]["handed"] == 0
    assert {g["group"] for g in body["groups"]} == {"Children under five", "Pregnant women"}
    assert client.get(f"/api/distribution/plans/{plan.pk}/absent").json()[0]["size"] == 5
