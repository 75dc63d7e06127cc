"""What the case services share: the purpose they act for and the case team check."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from waypost.cases.access import is_case_team
from waypost.cases.models import Case
from waypost.core.models import User
from waypost.core.roles import Purpose

PURPOSE = Purpose.CASE_MANAGEMENT


def require_team(by: User, case: Case) -> None:
    if not is_case_team(by, case):
        raise ValidationError(
            _("Only the case team of %(agency)s may do this on this case.")
            % {"agency": case.agency.short_name}
        )


def locked(case: Case) -> Case:
    """The case row locked for the rest of the transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock a case inside a transaction")
    return Case.objects.select_for_update().select_related("agency").get(pk=case.pk)
