"""What a user may see of cases, referrals, follow-ups and notes; every record served audited.

Scoping rules are in `waypost.cases.access`. A case or a note the user may not see is a 404, as
one that does not exist.
"""

from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from waypost.cases.access import cases_visible_to, may_read_notes
from waypost.cases.models import Case, CaseNote, CasePathway, FollowUp, Referral, Transition
from waypost.core import audit
from waypost.core.models import User
from waypost.registry.models import Individual
from waypost.registry.selectors import households_visible_to

CASE_FIELDS = ("individual", "pathways", "status", "priority", "next_step", "due_on", "caseworker")
NOTE_FIELDS = ("purpose", "text", "author", "written_at")


def _purpose(user: User) -> str:
    return str(user.purpose_for("cases.view") or "")


def get_case_for(user: User, case_id: UUID | str) -> Case:
    """The case if the user may see it (404 otherwise); one 'viewed' event."""
    try:
        case = (
            cases_visible_to(user)
            .select_related("individual", "household", "agency", "caseworker")
            .get(pk=case_id)
        )
    except (Case.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such case.") from None
    audit.record_views(actor=user, subjects=[case], purpose=_purpose(user), fields=CASE_FIELDS)
    return case


def pathway_of(case: Case, pathway: str) -> CasePathway:
    """One pathway of a case already served to the user (404 when the case does not follow it)."""
    try:
        return case.pathways.get(pathway=pathway)
    except CasePathway.DoesNotExist:
        raise Http404("The case does not follow this pathway.") from None


def cases_list_for(user: User, *, mine: bool = False) -> QuerySet[Case]:
    found = cases_visible_to(user).select_related("individual", "agency", "caseworker")
    if mine:
        found = found.filter(caseworker=user)
    return found.prefetch_related("pathways").order_by("-opened_at", "pk")


def audit_listed(*, actor: User, cases: list[Case]) -> None:
    """A page of cases shown: one 'viewed' event per case on it."""
    audit.record_views(
        actor=actor, subjects=cases, purpose=_purpose(actor), fields=CASE_FIELDS, via="list"
    )


def notes_for(user: User, case: Case) -> list[CaseNote] | None:
    """The case's notes for the case team and protection officers (each read audited); None
    for anyone else, who is told the notes are not shown to them."""
    if not may_read_notes(user, case):
        return None
    notes = list(case.notes.select_related("author"))
    audit.record_views(
        actor=user,
        subjects=notes,
        purpose=str(user.purpose_for("cases.notes") or ""),
        fields=NOTE_FIELDS,
        case=str(case.pk),
    )
    return notes


def history_of(case: Case) -> QuerySet[Transition]:
    return (
        Transition.objects.filter(case_pathway__case=case)
        .select_related("by", "case_pathway")
        .order_by("at", "id")
    )


def open_follow_ups(case: Case) -> QuerySet[FollowUp]:
    return case.follow_ups.filter(done_at__isnull=True).select_related("assigned_to")


def overdue_follow_ups(user: User, team: bool, today: date | None = None) -> QuerySet[FollowUp]:
    """Open follow-ups due before today: the user's own, or their agency's (the team's)."""
    today = today or timezone.localdate()
    if not user.can("cases.view") or user.agency is None:
        return FollowUp.objects.none()
    found = FollowUp.objects.filter(done_at__isnull=True, due_on__lt=today)
    found = found.filter(agency=user.agency) if team else found.filter(assigned_to=user)
    return found.select_related("case__individual", "assigned_to").order_by("due_on", "pk")


def referrals_sent_by(user: User) -> QuerySet[Referral]:
    if not user.can("cases.refer"):
        return Referral.objects.none()
    return Referral.objects.filter(from_agency_id=user.agency_id).select_related(
        "to_agency", "case__individual", "sent_by"
    )


def referrals_received_by(user: User) -> QuerySet[Referral]:
    if not user.can("cases.refer"):
        return Referral.objects.none()
    return Referral.objects.filter(to_agency_id=user.agency_id).select_related(
        "from_agency", "sent_by"
    )


def get_referral_for(user: User, referral_id: UUID | str) -> Referral:
    """A referral the user's agency sent or received (404 otherwise); its shared fields audited."""
    if not user.can("cases.refer"):
        raise Http404("No such referral.")
    try:
        referral = (
            Referral.objects.select_related("from_agency", "to_agency", "case", "sent_by")
            .filter(Q(from_agency_id=user.agency_id) | Q(to_agency_id=user.agency_id))
            .get(pk=referral_id)
        )
    except (Referral.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such referral.") from None
    audit.record_views(
        actor=user,
        subjects=[referral],
        purpose=str(user.purpose_for("cases.refer") or ""),
        fields=sorted(referral.shared),
    )
    return referral


def people_for(user: User) -> QuerySet[Individual]:
    """People a case may be opened for: those the user may see in the registry, merged records
    included so that opening a case for one is refused naming the person it was merged into."""
    return Individual.objects.filter(household__in=households_visible_to(user)).select_related(
        "merged_into"
    )


def get_person_for(user: User, individual_id: UUID | str) -> Individual:
    try:
        return people_for(user).get(pk=individual_id)
    except (Individual.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such person.") from None
