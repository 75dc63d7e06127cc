"""Referrals between agencies: only with the person's recorded consent, only the fields needed.

The consent names the receiving agency, the service, the purpose, the date and how it was given
(IOM Data Protection principle 5; standards.md §5.2 items 2-3). The receiving agency accepts or
declines with a reason; the answer comes back to the sending caseworker as a follow-up.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.cases.models import Case, FollowUp, Referral, ReferralConsent
from waypost.cases.referral_fields import services, shared_values
from waypost.cases.services.common import PURPOSE, locked, require_team
from waypost.core import audit
from waypost.core.models import Agency, User
from waypost.registry.models import Individual


def _check_service(service: str) -> None:
    if service not in services():
        raise ValidationError({"service": _("Unknown service: %(code)s.") % {"code": service}})


@transaction.atomic(durable=True)
def record_referral_consent(
    *,
    by: User,
    individual: Individual,
    recipient_agency: Agency,
    service: str,
    purpose: str,
    given_on: date,
    how_given: str,
) -> ReferralConsent:
    _check_service(service)
    if not purpose.strip():
        raise ValidationError({"purpose": _("Say for what purpose the person agreed.")})
    if how_given not in ReferralConsent.HowGiven.values:
        raise ValidationError({"how_given": _("Say how the consent was given.")})
    consent = ReferralConsent.objects.create(
        individual=individual,
        recipient_agency=recipient_agency,
        service=service,
        purpose=purpose.strip(),
        given_on=given_on,
        how_given=how_given,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    audit.record(
        actor=by,
        action="case.referral_consent_recorded",
        subject=individual,
        purpose=PURPOSE,
        recipient=recipient_agency.code,
        service=service,
    )
    return consent


def active_consent(case: Case, to_agency: Agency, service: str) -> ReferralConsent | None:
    return (
        ReferralConsent.objects.filter(
            individual_id=case.individual_id,
            recipient_agency=to_agency,
            service=service,
            withdrawn_at__isnull=True,
        )
        .order_by("-given_on", "-recorded_at")
        .first()
    )


@transaction.atomic(durable=True)
def refer_case(*, by: User, case: Case, to_agency: Agency, service: str) -> Referral:
    case = locked(case)
    require_team(by, case)
    _check_service(service)
    if to_agency.pk == case.agency_id:
        raise ValidationError({"to_agency": _("Refer to another agency than your own.")})
    consent = active_consent(case, to_agency, service)
    if consent is None:
        raise ValidationError(
            {
                "consent": _(
                    "The person has not consented to being referred to %(agency)s for this "
                    "service: record their consent first."
                )
                % {"agency": to_agency.short_name}
            }
        )
    referral = Referral.objects.create(
        case=case,
        from_agency_id=case.agency_id,
        to_agency=to_agency,
        service=service,
        consent=consent,
        shared=shared_values(case, service),
        sent_by=by,
        sent_at=timezone.now(),
    )
    audit.record(
        actor=by,
        action="case.referred",
        subject=case,
        purpose=PURPOSE,
        referral=str(referral.pk),
        to=to_agency.code,
        fields_shared=sorted(referral.shared),
    )
    return referral


@transaction.atomic(durable=True)
def answer_referral(*, by: User, referral: Referral, accept: bool, reason: str = "") -> Referral:
    """The receiving agency's answer; the sender gets a follow-up to read it."""
    referral = Referral.objects.select_for_update().select_related("to_agency").get(pk=referral.pk)
    if by.agency_id != referral.to_agency_id:
        raise ValidationError(
            _("Only %(agency)s may answer this referral.")
            % {"agency": referral.to_agency.short_name}
        )
    if referral.status != Referral.Status.SENT:
        raise ValidationError(_("This referral has already been answered."))
    if not accept and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for declining.")})
    referral.status = Referral.Status.ACCEPTED if accept else Referral.Status.DECLINED
    referral.answered_by, referral.answered_at = by, timezone.now()
    referral.reason = reason.strip()
    referral.save()
    FollowUp.objects.create(
        case_id=referral.case_id,
        title=_("Referral to %(agency)s %(answer)s")
        % {"agency": referral.to_agency.short_name, "answer": referral.get_status_display()},
        due_on=timezone.localdate(),
        assigned_to_id=referral.sent_by_id,
        agency_id=referral.from_agency_id,
        source="referral",
    )
    audit.record(
        actor=by,
        action="case.referral_answered",
        subject=referral.case,
        purpose=PURPOSE,
        referral=str(referral.pk),
        status=referral.status,
        reason=referral.reason,
    )
    return referral
