from django.urls import reverse
from django.utils import timezone

from waypost.core.models import AuditEvent
from waypost.counselling.models import CounsellingSession, SheetText


def page(person):
    return reverse("counselling:person", args=[person.pk])


def test_the_person_page_shows_the_options_with_their_legal_basis(client, counsellor, head):
    client.force_login(counsellor)
    response = client.get(page(head))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Asylum in Belarus" in body and "Open to this person" in body
    assert "Law of the Republic of Belarus No. 354-З" in body
    assert "not yet reviewed by a lawyer" in body
    assert "Passport — attach if available" in body
    # The person's record was read, and audited, by the registry selector.
    assert AuditEvent.objects.filter(action="viewed", subject_id=str(head.pk)).exists()


def test_facts_change_the_options_and_htmx_gets_only_the_results(client, counsellor, child):
    client.force_login(counsellor)
    query = {
        "unaccompanied": "yes",
        "family_0_country": "deu",
        "family_0_relation": "sibling",
        "family_0_status": "resident",
    }
    full = client.get(page(child), query).content.decode()
    partial = client.get(page(child), query, headers={"HX-Request": "true"}).content.decode()
    assert "Art. 8(1)" in full or "Art. 25" in full
    assert partial.lstrip().startswith('<section id="results"')
    assert "<html" not in partial
    assert partial.strip() in full


def test_recording_a_session_from_the_page(client, counsellor, head):
    client.force_login(counsellor)
    data = {
        "held_on": timezone.localdate().isoformat(),
        "language": "ckb",
        "interpreter": "",
        "sheets_given": ["asylum_belarus"],
        "decision": ["asylum_host"],
        "decision_notes": "Wants to think about it.",
        "married": "yes",
    }
    response = client.post(page(head), data)
    assert response.status_code == 303
    session = CounsellingSession.objects.get()
    assert session.wishes == ["asylum_host"]
    assert session.facts["married"] is True
    shown = client.get(response["Location"]).content.decode()
    assert "Session recorded." in shown and "Wants to think about it." in shown


def test_a_session_without_a_date_is_refused_in_place(client, counsellor, head):
    client.force_login(counsellor)
    response = client.post(page(head), {"language": "ckb"})
    assert response.status_code == 422
    assert not CounsellingSession.objects.exists()


def test_a_relative_without_a_relation_is_refused(client, counsellor, head):
    client.force_login(counsellor)
    data = {
        "held_on": timezone.localdate().isoformat(),
        "language": "ar",
        "family_0_country": "DEU",
    }
    response = client.post(page(head), data)
    assert response.status_code == 422
    assert "Say how this relative is related." in response.content.decode()


def test_a_sheet_on_screen_has_its_language_direction_and_review_line(client, counsellor):
    client.force_login(counsellor)
    body = client.get(reverse("counselling:sheet", args=["avrr", "ar"])).content.decode()
    assert '<article class="sheet" lang="ar" dir="rtl">' in body
    assert "هذه الترجمة لم تُراجع بعد." in body
    body = client.get(reverse("counselling:sheet", args=["avrr", "kmr"])).content.decode()
    assert 'lang="kmr" dir="ltr"' in body


def test_an_unknown_sheet_is_not_found(client, counsellor):
    client.force_login(counsellor)
    assert client.get(reverse("counselling:sheet", args=["nothing", "ar"])).status_code == 404
    assert client.get(reverse("counselling:sheet", args=["avrr", "de"])).status_code == 404


def test_the_pdf_is_served(client, counsellor):
    client.force_login(counsellor)
    response = client.get(reverse("counselling:sheet_pdf", args=["rights_and_help", "fa"]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_a_protection_officer_edits_and_reviews_a_sheet(client, officer):
    client.force_login(officer)
    url = reverse("counselling:sheet_edit", args=["avrr", "ru"])
    response = client.post(url, {"action": "edit", "title": "Домой", "body": "Текст."})
    assert response.status_code == 303
    response = client.post(url, {"action": "review", "reviewer": "R", "reviewed_on": "2026-01-05"})
    assert response.status_code == 303
    row = SheetText.objects.get()
    assert (row.title, row.reviewed, row.reviewed_by, row.revision) == ("Домой", True, "R", 1)
    listing = client.get(reverse("counselling:sheets")).content.decode()
    assert "reviewed by R" in listing


def test_an_empty_edit_is_refused_in_place(client, officer):
    client.force_login(officer)
    url = reverse("counselling:sheet_edit", args=["avrr", "ru"])
    assert client.post(url, {"action": "edit", "title": "", "body": ""}).status_code == 422
    assert not SheetText.objects.exists()


def test_the_person_page_links_to_the_options_for_counsellors_only(client, counsellor, clerk, head):
    link = reverse("counselling:person", args=[head.pk])
    client.force_login(counsellor)
    assert link in client.get(reverse("registry:individual", args=[head.pk])).content.decode()
    client.force_login(clerk)
    assert link not in client.get(reverse("registry:individual", args=[head.pk])).content.decode()


def test_a_relative_whose_status_is_not_given_leaves_it_missing(client, counsellor, head):
    client.force_login(counsellor)
    query = {"married": "yes", "family_0_country": "POL", "family_0_relation": "spouse"}
    body = client.get(page(head), query).content.decode()
    assert "Family member&#x27;s legal status" in body or "Family member's legal status" in body


def test_a_session_is_filed_under_one_of_the_persons_cases(client, counsellor, head):
    from waypost.cases.tests.factories import open_case_for

    case = open_case_for(counsellor, head, "family_reunification")
    client.force_login(counsellor)
    assert str(case.pk) in client.get(page(head)).content.decode()
    data = {"held_on": timezone.localdate().isoformat(), "language": "ar", "case": str(case.pk)}
    assert client.post(page(head), data).status_code == 303
    assert CounsellingSession.objects.get().case == case


def test_a_case_the_counsellor_may_not_see_cannot_be_chosen(
    client, counsellor, head, make_persona, iom
):
    from waypost.cases.tests.factories import open_case_for
    from waypost.core.roles import Role

    other = open_case_for(make_persona(iom, Role.CASEWORKER), head, "avrr")
    client.force_login(counsellor)
    data = {"held_on": timezone.localdate().isoformat(), "language": "ar", "case": str(other.pk)}
    assert client.post(page(head), data).status_code == 422
    assert not CounsellingSession.objects.exists()


def test_refreshing_the_options_does_not_read_the_sessions(client, counsellor, head):
    client.force_login(counsellor)
    client.post(page(head), {"held_on": timezone.localdate().isoformat(), "language": "ar"})
    session = CounsellingSession.objects.get()
    client.get(page(head), {"married": "no"}, headers={"HX-Request": "true"})
    assert not AuditEvent.objects.filter(action="viewed", subject_id=str(session.pk)).exists()
    client.get(page(head))
    assert AuditEvent.objects.filter(action="viewed", subject_id=str(session.pk)).count() == 1


def test_the_start_page_links_to_the_sheets_for_counsellors(client, counsellor, clerk):
    sheets = reverse("counselling:sheets")
    client.force_login(counsellor)
    assert sheets in client.get(reverse("home")).content.decode()
    client.force_login(clerk)
    assert sheets not in client.get(reverse("home")).content.decode()
