import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from waypost.core.models import User
from waypost.core.roles import Role
from waypost.demo.duplicates import DEMO_DUPLICATES
from waypost.demo.organisation import DEMO_PASSWORD
from waypost.matching.models import DuplicateProposal
from waypost.registry.models import Household, Individual
from waypost.sites.models import Site

pytestmark = pytest.mark.django_db


def run(*args, **options):
    out = StringIO()
    call_command("demo", *args, stdout=out, **options)
    return out.getvalue()


def test_demo_loads_the_operation_and_prints_every_login():
    output = run(people=200)

    # the camp, and a few of its people registered a second time by a partner
    assert Individual.objects.count() == 200 + DEMO_DUPLICATES
    assert set(Site.objects.values_list("code", flat=True)) >= {"BRZ", "LOG"}
    assert User.objects.filter(username__contains=".").count() == 3 * len(Role)
    assert "http://127.0.0.1:8000/" in output
    assert DEMO_PASSWORD in output
    for username in ("unhcr.registration", "iom.caseworker", "brc.distribution", "admin"):
        assert username in output
    assert "200 people" in output
    assert "Done in" in output


def test_demo_people_registered_twice_wait_in_the_review_queue():
    output = run(people=200)

    proposals = DuplicateProposal.objects.filter(status="open")
    assert proposals.count() >= DEMO_DUPLICATES
    assert f"{DEMO_DUPLICATES} people registered twice" in output
    second_records = Individual.objects.order_by("-registered_at")[:DEMO_DUPLICATES]
    paired = {p.first_id for p in proposals} | {p.second_id for p in proposals}
    assert {person.pk for person in second_records} <= paired
    assert all(proposal.probability > 0.9 for proposal in proposals)


def test_demo_with_if_empty_leaves_a_loaded_database_as_it_is():
    run(people=50)
    households, people = Household.objects.count(), Individual.objects.count()

    output = run(if_empty=True, people=50)

    assert (Household.objects.count(), Individual.objects.count()) == (households, people)
    assert "unhcr.registration" in output


def test_demo_refuses_to_load_a_second_camp_without_if_empty():
    run(people=20)

    with pytest.raises(CommandError, match="already holds"):
        run(people=20)


def test_demo_in_bulk_gives_the_same_number_of_people():
    run(people=150, bulk=True)

    assert Individual.objects.count() == 150 + DEMO_DUPLICATES


def test_demo_users_sign_in_with_the_shared_password_and_work_for_their_agency(client):
    run(people=20)

    assert client.login(username="iom.registration", password=DEMO_PASSWORD)
    assert client.get("/").status_code == 200
    clerk = User.objects.get(username="iom.registration")
    assert clerk.agency is not None and clerk.agency.code == "iom"
    assert clerk.role_names == [Role.REGISTRATION_CLERK]
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff


def test_serve_collects_static_files_then_hands_over_to_gunicorn(monkeypatch, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    started = []
    monkeypatch.setattr("os.execv", lambda path, args: started.append((path, args)))

    call_command("serve", port=8123, workers=3, stdout=StringIO())

    assert (tmp_path / "core" / "waypost.css").exists()
    path, args = started[0]
    assert path == sys.executable
    assert args[1:4] == ["-m", "gunicorn", "waypost.wsgi:application"]
    assert args[args.index("--bind") + 1] == "127.0.0.1:8123"
    assert args[args.index("--workers") + 1] == "3"


def test_serve_refuses_zero_workers():
    with pytest.raises(CommandError):
        call_command("serve", workers=0, stdout=StringIO())


def test_serve_with_threads_uses_gunicorns_threaded_workers(monkeypatch, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    started = []
    monkeypatch.setattr("os.execv", lambda path, args: started.append(args))

    call_command("serve", workers=2, threads=8, stdout=StringIO())
    call_command("serve", workers=2, threads=1, stdout=StringIO())

    threaded, sync = started
    assert threaded[threaded.index("--worker-class") + 1] == "gthread"
    assert threaded[threaded.index("--threads") + 1] == "8"
    assert "--worker-class" not in sync and "--threads" not in sync


def test_serve_refuses_zero_threads():
    with pytest.raises(CommandError):
        call_command("serve", threads=0, stdout=StringIO())
