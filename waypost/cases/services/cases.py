"""Opening a case for a person (or a household, through its head) and keeping it up to date."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.cases.models import Case, CaseStatus, Priority
from waypost.cases.services.common import PURPOSE, locked, require_team
from waypost.cases.services.pathways import start_pathway
from waypost.core import audit
from waypost.core.models import User
from waypost.registry.models import Individual


def _check_person(individual: Individual) -> None:
    merged = individual.merged_into
    if merged is not None:
        while merged.merged_into is not None:
            merged = merged.merged_into
        raise ValidationError(
            {
                "individual": _(
                    "%(person)s was merged into %(into)s (%(number)s): open the case for them."
                )
                % {
                    "person": individual.number,
                    "into": f"{merged.given_name} {merged.family_name}".strip(),
                    "number": merged.number,
                }
            }
        )


def _check_caseworker(by: User, caseworker: User) -> None:
    if caseworker.agency_id != by.agency_id or not caseworker.can("cases.manage"):
        raise ValidationError(
            {"caseworker": _("The caseworker must work on cases for your agency.")}
        )


@transaction.atomic(durable=True)
def open_case(
    *,
    by: User,
    individual: Individual,
    pathways: dict[str, dict[str, Any]],
    caseworker: User | None = None,
    is_household_case: bool = False,
    priority: str = Priority.NORMAL,
    next_step: str = "",
    due_on: date | None = None,
) -> Case:
    """A case owned by `by`'s agency, following `pathways` (code -> the first step's data)."""
    _check_person(individual)
    caseworker = caseworker or by
    _check_caseworker(by, caseworker)
    if not pathways:
        raise ValidationError({"pathways": _("Choose at least one pathway.")})
    case = Case.objects.create(
        individual=individual,
        household_id=individual.household_id,
        is_household_case=is_household_case,
        agency=by.acting_agency,
        caseworker=caseworker,
        priority=priority,
        next_step=next_step,
        due_on=due_on,
        opened_at=timezone.now(),
    )
    audit.record(
        actor=by,
        action="case.opened",
        subject=case,
        purpose=PURPOSE,
        individual=str(individual.pk),
        pathways=sorted(pathways),
    )
    for code, data in pathways.items():
        start_pathway(by=by, case=case, pathway=code, data=data)
    return case


UPDATABLE = ("priority", "next_step", "due_on", "status")


@transaction.atomic(durable=True)
def update_case(*, by: User, case: Case, caseworker: User | None = None, **changes: Any) -> Case:
    """Priority, next step, due date, status, or another caseworker of the agency."""
    case = locked(case)
    require_team(by, case)
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    if changes.get("status") not in (None, *CaseStatus.values):
        raise ValidationError({"status": _("Unknown status.")})
    if caseworker is not None and caseworker.pk != case.caseworker_id:
        _check_caseworker(by, caseworker)
        changes["caseworker"] = caseworker
        case.pathways.update(caseworker=caseworker)
    changed = {
        k: [str(getattr(case, k)), str(v)] for k, v in changes.items() if getattr(case, k) != v
    }
    for name, value in changes.items():
        setattr(case, name, value)
    if "status" in changes:
        case.closed_at = timezone.now() if case.status == CaseStatus.CLOSED else None
    case.save()
    if changed:
        audit.record(actor=by, action="case.updated", subject=case, purpose=PURPOSE, fields=changed)
    return case
