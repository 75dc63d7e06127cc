import pytest
from django.contrib import admin
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from waypost.core.audit import record
from waypost.core.models import AuditEvent, User
from waypost.registry.selectors import get_household_for
from waypost.registry.tests.factories import registered_household

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite empties tables with DELETE, so only PostgreSQL's trigger refuses it",
)


@pytest.fixture
def event(unhcr_registrar, unhcr):
    return record(actor=unhcr_registrar, action="created", subject=unhcr, fields={"x": [None, 1]})


def test_recording_adds_an_event_with_the_actors_agency(event, unhcr_registrar):
    assert AuditEvent.objects.get() == event
    assert event.agency == unhcr_registrar.agency
    assert event.subject_type == "core.agency"


def test_a_queryset_cannot_update_events(event):
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="deleted")
    event.refresh_from_db()
    assert event.action == "created"


def test_a_queryset_cannot_delete_events(event):
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_bulk_update_cannot_change_events(event):
    event.action = "deleted"
    # bulk_update runs in a transaction of its own; the savepoint keeps the test's usable.
    with pytest.raises(PermissionError), transaction.atomic():
        AuditEvent.objects.bulk_update([event], ["action"])
    event.refresh_from_db()
    assert event.action == "created"


def test_an_event_once_saved_cannot_be_saved_again(event):
    event.action = "deleted"
    with pytest.raises(PermissionError):
        event.save()
    event.refresh_from_db()
    assert event.action == "created"


def test_an_event_cannot_be_deleted(event):
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_database_refuses_a_raw_update(event):
    table = AuditEvent._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET action = %s WHERE id = %s", ["deleted", event.pk])  # noqa: S608
    event.refresh_from_db()
    assert event.action == "created"


@postgres_only
def test_the_database_refuses_a_raw_delete(event):
    table = AuditEvent._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [event.pk])  # noqa: S608
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(username="root", password=None)


def test_the_admin_offers_no_way_to_add_change_or_delete_events(event, superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    model_admin = admin.site.get_model_admin(AuditEvent)

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)
    assert model_admin.has_view_permission(request, event)


def test_the_admin_refuses_the_add_and_delete_pages(event, superuser, client):
    client.force_login(superuser)
    add = client.get(reverse("admin:core_auditevent_add"))
    delete = client.post(reverse("admin:core_auditevent_delete", args=[event.pk]), {"post": "yes"})
    change = client.post(reverse("admin:core_auditevent_change", args=[event.pk]), {"action": "x"})

    assert (add.status_code, delete.status_code, change.status_code) == (403, 403, 403)
    event.refresh_from_db()
    assert event.action == "created"


def test_the_audit_page_shows_administrators_their_own_agencys_events(
    client, unhcr_admin, unhcr_registrar, iom_caseworker, camp
):
    # given events by UNHCR (registration) and by IOM (reading the shared household)
    household = registered_household(by=unhcr_registrar, site=camp, consents=["data_sharing"])
    get_household_for(iom_caseworker, str(household.pk))
    client.force_login(unhcr_admin)

    # when a UNHCR administrator opens the audit trail
    page = client.get(reverse("audit_trail")).content.decode()

    # then UNHCR's events are listed and IOM's are not
    assert unhcr_registrar.username in page
    assert iom_caseworker.username not in page


def test_the_audit_page_filters_by_record(client, unhcr_admin, unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    head = household.members.get(relationship="head")
    client.force_login(unhcr_admin)

    response = client.get(reverse("audit_trail"), {"subject": str(head.pk)})

    assert [event.subject_id for event in response.context["page"]] == [str(head.pk)]


def test_the_audit_page_is_refused_to_everyone_but_administrators(
    client, unhcr_registrar, unhcr_protection_officer, outsider
):
    for user in (unhcr_registrar, unhcr_protection_officer, outsider):
        client.force_login(user)
        assert client.get(reverse("audit_trail")).status_code == 403
