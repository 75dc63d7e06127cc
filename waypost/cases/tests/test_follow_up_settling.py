"""A time limit's follow-up is settled when what it waits for has happened, not left overdue."""

from datetime import date

from waypost.cases import services, workflows
from waypost.cases.models import Case, FollowUp
from waypost.cases.tests.factories import move, open_case_for, sample_data, walk_to

DECISION = "Decision expected"
EXTENSION = "Complementary protection ends"


def open_titles(case: Case) -> list[str]:
    return sorted(f.title[:30] for f in case.follow_ups.filter(done_at__isnull=True))


def test_the_decision_follow_up_waits_through_the_interview_and_ends_with_the_decision(
    iom_caseworker, person
):
    asylum = open_case_for(iom_caseworker, person, "asylum_by").pathways.get()
    asylum = walk_to(iom_caseworker, asylum, "interview")
    assert [t[: len(DECISION)] for t in open_titles(asylum.case)] == [DECISION]

    move(iom_caseworker, asylum, "complementary_protection")

    settled = FollowUp.objects.get(title__startswith=DECISION)
    assert settled.done_at is not None
    assert settled.closed_note == (
        "Settled: the pathway moved to Complementary protection granted (up to 1 year)"
    )
    assert [t[: len(EXTENSION)] for t in open_titles(asylum.case)] == [EXTENSION]


def test_an_extension_settles_the_old_reminder_and_raises_the_next(iom_caseworker, person):
    asylum = open_case_for(iom_caseworker, person, "asylum_by").pathways.get()
    asylum = walk_to(iom_caseworker, asylum, "complementary_protection")

    asylum = move(iom_caseworker, asylum, "protection_extended")
    move(iom_caseworker, asylum, "protection_extended")

    reminders = FollowUp.objects.filter(title__startswith=EXTENSION).order_by("created_at")
    assert [f.done_at is None for f in reminders] == [False, False, True]


def test_withdrawal_settles_the_pathways_time_limits_but_not_what_staff_scheduled(
    iom_caseworker, person
):
    case = open_case_for(iom_caseworker, person, "asylum_by")
    asylum = walk_to(iom_caseworker, case.pathways.get(), "application_lodged")
    services.schedule_follow_up(
        by=iom_caseworker, case=case, title="Call the interpreter", due_on=date(2026, 12, 1)
    )

    workflow = workflows.workflow_of("asylum_by")
    services.move_pathway(
        by=iom_caseworker,
        followed=asylum,
        to=workflow.withdrawal.to,
        data=sample_data(workflow, workflow.withdrawal.requires),
    )

    assert open_titles(case) == ["Call the interpreter"]


def test_the_three_months_run_until_the_application_is_submitted(iom_caseworker, person):
    case = services.open_case(
        by=iom_caseworker,
        individual=person,
        pathways={
            "family_reunification": {
                "sponsor_country": "DEU",
                "sponsor_relation": "brother",
                "sponsor_status": "refugee",
                "sponsor_status_granted_on": "2026-10-15",
            }
        },
    )
    reunion = move(iom_caseworker, case.pathways.get(), "documents_gathered")
    assert len(open_titles(case)) == 1

    move(iom_caseworker, reunion, "application_submitted")

    three_months = FollowUp.objects.get(title__startswith="Three months")
    assert three_months.done_at is not None
    # The directive's nine months for the decision are not verified: nothing raised for them.
    assert open_titles(case) == []


def test_a_medical_appointment_reminder_ends_when_the_person_was_seen(iom_caseworker, person):
    referral = open_case_for(iom_caseworker, person, "medical_referral").pathways.get()
    referral = walk_to(iom_caseworker, referral, "appointment_set")
    assert len(open_titles(referral.case)) == 1

    move(iom_caseworker, referral, "seen")

    assert open_titles(referral.case) == []
