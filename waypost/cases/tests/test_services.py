"""Opening cases, withdrawal, time limits and follow-ups, reminders."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from waypost.cases import selectors, services
from waypost.cases.models import Case, CasePathway, FollowUp, Transition
from waypost.cases.tests.factories import move, open_case_for, walk_to
from waypost.core.models import AuditEvent
from waypost.matching.services import merge
from waypost.matching.tests.factories import proposed


def test_a_case_is_opened_with_its_pathways_in_their_first_state_and_audited(
    iom_caseworker, person
):
    case = open_case_for(iom_caseworker, person, "avrr", "asylum_by", priority="high")

    assert (case.agency, case.caseworker, case.priority) == (
        iom_caseworker.agency,
        iom_caseworker,
        "high",
    )
    assert dict(case.pathways.values_list("pathway", "state")) == {
        "avrr": "counselled",
        "asylum_by": "intention_expressed",
    }
    assert AuditEvent.objects.filter(subject_id=str(case.pk), action="case.opened").count() == 1
    assert (
        AuditEvent.objects.filter(subject_id=str(case.pk), action="case.pathway_started").count()
        == 2
    )


def test_a_case_for_a_merged_person_is_refused_naming_the_person_it_was_merged_into(
    iom_caseworker, unhcr_protection_officer, household
):
    children = list(household.members.filter(relationship="child").order_by("number"))
    merge(proposed(children[0], children[1]), survivor=children[0], by=unhcr_protection_officer)
    children[1].refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        open_case_for(iom_caseworker, children[1])

    message = refused.value.message_dict["individual"][0]
    assert children[0].number in message and children[0].given_name in message
    assert not Case.objects.exists() and not CasePathway.objects.exists()


def test_a_case_without_the_first_steps_data_leaves_nothing_behind(iom_caseworker, person):
    with pytest.raises(ValidationError) as refused:
        services.open_case(
            by=iom_caseworker, individual=person, pathways={"avrr": {"counselled_on": "2026-11-01"}}
        )

    assert set(refused.value.message_dict) == {"counselling_language"}
    assert not Case.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="case.").exists()


def test_withdrawal_from_voluntary_return_changes_nothing_else(iom_caseworker, person):
    # given a case following voluntary return (booked) and asylum, with a follow-up
    case = open_case_for(
        iom_caseworker, person, "avrr", "asylum_by", next_step="Flight", due_on=date(2026, 12, 1)
    )
    avrr = walk_to(iom_caseworker, case.pathways.get(pathway="avrr"), "travel_booked")
    services.schedule_follow_up(
        by=iom_caseworker, case=case, title="Call", due_on=date(2026, 12, 1)
    )
    before = Case.objects.values().get(pk=case.pk)
    asylum_before = CasePathway.objects.values().get(case=case, pathway="asylum_by")

    # when the person withdraws
    move(iom_caseworker, avrr, "withdrawn")

    # then only that pathway changed: the case stays open as it was, the other pathway too
    after = Case.objects.values().get(pk=case.pk)
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
    assert CasePathway.objects.values().get(case=case, pathway="asylum_by") == asylum_before
    assert FollowUp.objects.filter(case=case, done_at__isnull=True).count() == 1
    assert CasePathway.objects.get(pk=avrr.pk).state == "withdrawn"


def test_after_withdrawal_counselling_may_start_again(iom_caseworker, person):
    avrr = open_case_for(iom_caseworker, person).pathways.get()
    avrr = move(iom_caseworker, walk_to(iom_caseworker, avrr, "interested"), "withdrawn")

    again = move(iom_caseworker, avrr, "counselled")

    assert [t.to_state for t in Transition.objects.filter(case_pathway=again)] == [
        "counselled",
        "interested",
        "withdrawn",
        "counselled",
    ]


def test_another_agency_may_not_move_the_case(unhcr_protection_officer, iom_caseworker, person):
    avrr = open_case_for(iom_caseworker, person).pathways.get()

    with pytest.raises(ValidationError, match="Only the case team of IOM"):
        move(unhcr_protection_officer, avrr, "interested")


def test_entering_a_state_with_a_verified_time_limit_raises_a_follow_up(iom_caseworker, person):
    asylum = open_case_for(iom_caseworker, person, "asylum_by").pathways.get()
    services.move_pathway(
        by=iom_caseworker,
        followed=asylum,
        to="application_lodged",
        data={"authority": "Grodno migration department", "lodged_on": "2026-11-02"},
    )

    raised = FollowUp.objects.get(case=asylum.case)
    assert raised.due_on == date(2027, 5, 2)  # six months after lodging, Law 354-Z 2017
    assert raised.assigned_to == iom_caseworker
    assert "president.gov.by" in raised.source


def test_a_refused_application_raises_no_follow_up_for_the_unverified_appeal_period(
    iom_caseworker, person
):
    asylum = walk_to(
        iom_caseworker,
        open_case_for(iom_caseworker, person, "asylum_by").pathways.get(),
        "interview",
    )
    FollowUp.objects.all().delete()

    move(iom_caseworker, asylum, "refused")

    assert not FollowUp.objects.exists()


def test_a_refugee_sponsor_raises_the_three_month_follow_up_thirty_days_before(
    iom_caseworker, person
):
    services.open_case(
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

    assert FollowUp.objects.get().due_on == date(2026, 12, 16)  # 15 Jan 2027 less 30 days


def test_a_resident_sponsor_raises_no_three_month_follow_up(iom_caseworker, person):
    services.open_case(
        by=iom_caseworker,
        individual=person,
        pathways={
            "family_reunification": {
                "sponsor_country": "DEU",
                "sponsor_relation": "brother",
                "sponsor_status": "resident",
                "sponsor_status_granted_on": "2026-10-15",
            }
        },
    )

    assert not FollowUp.objects.exists()


def test_overdue_lists_per_caseworker_and_team(iom_caseworker, make_persona, iom, person):
    other = make_persona(iom, "caseworker", username="iom-second")
    mine = open_case_for(iom_caseworker, person)
    theirs = open_case_for(other, person, "relocation")
    with time_machine.travel(date(2026, 11, 10), tick=False):
        services.schedule_follow_up(
            by=iom_caseworker, case=mine, title="Mine", due_on=date(2026, 11, 11)
        )
        services.schedule_follow_up(
            by=other, case=theirs, title="Theirs", due_on=date(2026, 11, 12)
        )
        late = services.schedule_follow_up(
            by=other, case=theirs, title="Done", due_on=date(2026, 11, 10)
        )
        services.complete_follow_up(by=other, follow_up=late)

    def titles(user, team, today):
        return [f.title for f in selectors.overdue_follow_ups(user, team=team, today=today)]

    assert titles(iom_caseworker, False, date(2026, 11, 11)) == []  # due today is not overdue
    assert titles(iom_caseworker, False, date(2026, 11, 12)) == ["Mine"]
    assert titles(iom_caseworker, True, date(2026, 11, 13)) == ["Mine", "Theirs"]


def test_reminders_go_once_a_day_to_each_assignee_with_an_email(iom_caseworker, person, mailoutbox):
    iom_caseworker.email = "cw@iom.example"
    iom_caseworker.save()
    case = open_case_for(iom_caseworker, person)
    services.schedule_follow_up(
        by=iom_caseworker, case=case, title="Call back", due_on=date(2026, 11, 11)
    )
    services.schedule_follow_up(
        by=iom_caseworker, case=case, title="Later", due_on=date(2026, 11, 20)
    )

    with time_machine.travel(date(2026, 11, 12), tick=False):
        first = services.send_reminders()
        second = services.send_reminders()

    assert first == {"follow_ups": 1, "people": 1, "messages": 1}
    assert second == {"follow_ups": 0, "people": 0, "messages": 0}
    assert mailoutbox[0].to == ["cw@iom.example"] and "2026-11-11 Call back" in mailoutbox[0].body


def test_the_send_reminders_command_reports_what_it_sent(iom_caseworker, person, mailoutbox):
    from io import StringIO

    from django.core.management import call_command

    iom_caseworker.email = "cw@iom.example"
    iom_caseworker.save()
    case = open_case_for(iom_caseworker, person)
    services.schedule_follow_up(
        by=iom_caseworker, case=case, title="Call", due_on=date(2026, 11, 11)
    )
    out = StringIO()

    call_command("send_reminders", "--date", "2026-11-11", stdout=out)

    assert out.getvalue().strip() == "1 follow-ups due, 1 people, 1 messages sent."
    assert len(mailoutbox) == 1


def test_the_team_caseload_counts_overdue_per_caseworker(iom_caseworker, make_persona, iom, person):
    from waypost.cases.caseload import caseload_of

    other = make_persona(iom, "caseworker", username="iom-second")
    mine, theirs = open_case_for(iom_caseworker, person), open_case_for(other, person)
    for case, by, days in ((mine, iom_caseworker, 1), (theirs, other, 2), (theirs, other, 3)):
        services.schedule_follow_up(by=by, case=case, title="x", due_on=date(2026, 11, days))

    load = caseload_of(iom_caseworker, team=True, today=date(2026, 11, 30))

    assert load.overdue == 3
    assert load.overdue_by_caseworker == [
        {"assigned_to__username": "iom-second", "n": 2},
        {"assigned_to__username": iom_caseworker.username, "n": 1},
    ]
    assert caseload_of(iom_caseworker, team=False, today=date(2026, 11, 30)).overdue == 1


def test_each_move_is_audited_with_who_the_states_and_the_data(iom_caseworker, person):
    avrr = open_case_for(iom_caseworker, person).pathways.get()

    move(iom_caseworker, avrr, "interested")

    event = AuditEvent.objects.get(action="case.pathway_moved")
    assert (event.actor, event.subject_id) == (iom_caseworker, str(avrr.case_id))
    assert event.fields == {"state": ["counselled", "interested"]}
    assert event.details == {"pathway": "avrr", "data": {"wish_stated_on": "2026-11-02"}}
    assert event.purpose == "case_management"
