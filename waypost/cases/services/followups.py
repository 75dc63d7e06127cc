"""Follow-ups and appointments with due dates, and the reminders `waypost send_reminders` sends.

A reminder goes by e-mail to the person a follow-up is assigned to, once a day at most, for what
is due today or overdue (one message per person).
"""

from collections import defaultdict
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.cases.models import Case, FollowUp
from waypost.cases.services.common import PURPOSE, require_team
from waypost.core import audit
from waypost.core.models import User


@transaction.atomic(durable=True)
def schedule_follow_up(
    *,
    by: User,
    case: Case,
    title: str,
    due_on: date | None,
    kind: str = FollowUp.Kind.FOLLOW_UP,
    assigned_to: User | None = None,
) -> FollowUp:
    require_team(by, case)
    assignee = assigned_to or case.caseworker
    errors = {}
    if not title.strip():
        errors["title"] = _("Say what is to be done.")
    if due_on is None:
        errors["due_on"] = _("Give the date it is due.")
    if kind not in FollowUp.Kind.values:
        errors["kind"] = _("Unknown kind of follow-up.")
    if assignee.agency_id != case.agency_id:
        errors["assigned_to"] = _("Assign it to someone of the case team.")
    if errors or due_on is None:
        raise ValidationError(errors)
    follow_up = FollowUp.objects.create(
        case=case,
        kind=kind,
        title=title.strip(),
        due_on=due_on,
        assigned_to=assignee,
        agency_id=case.agency_id,
        source="manual",
    )
    audit.record(
        actor=by,
        action="case.follow_up_scheduled",
        subject=case,
        purpose=PURPOSE,
        follow_up=str(follow_up.pk),
        due_on=due_on.isoformat(),
    )
    return follow_up


@transaction.atomic(durable=True)
def complete_follow_up(*, by: User, follow_up: FollowUp) -> FollowUp:
    follow_up = (
        FollowUp.objects.select_for_update().select_related("case__agency").get(pk=follow_up.pk)
    )
    require_team(by, follow_up.case)
    if follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.save(update_fields=["done_at", "updated_at"])
        audit.record(
            actor=by,
            action="case.follow_up_done",
            subject=follow_up.case,
            purpose=PURPOSE,
            follow_up=str(follow_up.pk),
        )
    return follow_up


@transaction.atomic(durable=True)
def send_reminders(*, today: date | None = None) -> dict[str, int]:
    """E-mail each assignee the follow-ups due by today not yet reminded today; mark them."""
    today = today or timezone.localdate()
    start_of_day = timezone.make_aware(datetime.combine(today, time.min))
    due = (
        FollowUp.objects.select_for_update(of=("self",))
        .filter(done_at__isnull=True, due_on__lte=today)
        .exclude(reminded_at__gte=start_of_day)
        .select_related("assigned_to")
        .order_by("assigned_to_id", "due_on", "pk")
    )
    by_person: dict[User, list[FollowUp]] = defaultdict(list)
    for follow_up in due:
        by_person[follow_up.assigned_to].append(follow_up)
    sent = 0
    for person, follow_ups in by_person.items():
        if person.email:
            lines = [f"{f.due_on:%Y-%m-%d} {f.title}" for f in follow_ups]
            subject = _("Waypost: %(count)d follow-ups due") % {"count": len(follow_ups)}
            sent += send_mail(subject, "\n".join(lines), None, [person.email])
    marked = FollowUp.objects.filter(pk__in=[f.pk for fs in by_person.values() for f in fs])
    count = marked.update(reminded_at=timezone.now())
    return {"follow_ups": count, "people": len(by_person), "messages": sent}
