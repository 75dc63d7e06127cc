from django.db import connection

from waypost.core.models import Agency, AuditEvent
from waypost.core.rows import Columns, insert, quote, split
from waypost.sites.models import Site

AGENCY = Columns(Agency, "a", ["short_name", "created_at"])
SITE = Columns(Site, "s", ["name", "managed_by", "capacity"])


SITES, AGENCIES = quote(Site._meta.db_table), quote(Agency._meta.db_table)
HEAD = f"SELECT {SITE.sql()}, {AGENCY.sql()} FROM {SITES} s"  # noqa: S608 - names from the models


def _read(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_instances_read_in_one_join_equal_what_the_orm_reads(camp, unhcr):
    [row] = _read(f"{HEAD} JOIN {AGENCIES} a ON a.id = s.managed_by_id", [])
    site, agency = split(row, [SITE, AGENCY])
    assert (site.pk, site.name, site.managed_by_id, site.capacity) == (
        camp.pk,
        camp.name,
        unhcr.pk,
        camp.capacity,
    )
    assert (agency.pk, agency.short_name, agency.created_at) == (
        unhcr.pk,
        unhcr.short_name,
        Agency.objects.get(pk=unhcr.pk).created_at,  # an aware datetime on every database
    )
    assert not site._state.adding


def test_a_row_missing_from_an_outer_join_builds_nothing(camp):
    [row] = _read(f"{HEAD} LEFT JOIN {AGENCIES} a ON a.code = %s", ["no-such-agency"])
    site, agency = split(row, [SITE, AGENCY])
    assert site == camp and agency is None


def test_insert_writes_every_row_and_sets_their_keys(unhcr_registrar, unhcr):
    events = [
        AuditEvent(
            actor=unhcr_registrar,
            agency=unhcr,
            action="test.inserted",
            subject_type="core.agency",
            subject_id=str(n),
            details={"n": n},
        )
        for n in range(3)
    ]
    for event in events:
        event.at = Agency.objects.get(pk=unhcr.pk).created_at
    names = ["at", "actor", "agency", "action", "purpose", "subject_type", "subject_id"]
    insert(events, [*names, "fields", "details"])
    stored = AuditEvent.objects.filter(action="test.inserted").order_by("id")
    assert [e.pk for e in stored] == [e.pk for e in events]
    assert [e.details for e in stored] == [{"n": 0}, {"n": 1}, {"n": 2}]
