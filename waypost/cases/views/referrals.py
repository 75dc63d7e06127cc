"""Referral pages: record the person's consent, refer, the referrals sent and received, answer."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.cases import selectors, services
from waypost.cases.forms import AnswerForm, ConsentForm, ReferForm
from waypost.cases.models import Referral
from waypost.cases.referral_fields import services as referral_services
from waypost.cases.views.common import Request, add_errors, page_of, render_page, see_other
from waypost.cases.views.detail import case_context
from waypost.core.permissions import requires


@requires("cases.refer")
@require_POST
def consent(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.record_referral_consent(
                by=request.user, individual=case.individual, **form.cleaned_data
            )
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            messages.success(request, _("Consent recorded."))
            return see_other(request, reverse("cases:case", args=[case.pk]))
    context = case_context(request, case, consent_form=form)
    return render_page(request, "cases/case.html", context, refused=True)


@requires("cases.refer")
@require_POST
def refer(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    form = ReferForm(request.POST)
    if form.is_valid():
        try:
            referral = services.refer_case(by=request.user, case=case, **form.cleaned_data)
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            messages.success(request, _("Referral sent."))
            return see_other(request, reverse("cases:referral", args=[referral.pk]))
    context = case_context(request, case, refer_form=form)
    return render_page(request, "cases/case.html", context, refused=True)


@requires("cases.refer")
def referral_list(request: Request) -> HttpResponse:
    waiting = request.GET.get("waiting") == "1"
    sent = selectors.referrals_sent_by(request.user)
    received = selectors.referrals_received_by(request.user)
    if waiting:
        sent, received = (q.filter(status=Referral.Status.SENT) for q in (sent, received))
    context = {
        "sent": page_of(request, sent),
        "received": page_of(request, received),
        "waiting": waiting,
        "services": referral_services(),
    }
    return render_page(request, "cases/referrals.html", context)


@requires("cases.refer")
def referral(request: Request, referral_id: UUID) -> HttpResponse:
    found = selectors.get_referral_for(request.user, referral_id)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        accept = form.cleaned_data["answer"] == "accept"
        try:
            services.answer_referral(
                by=request.user, referral=found, accept=accept, reason=form.cleaned_data["reason"]
            )
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            messages.success(request, _("Answer sent."))
            return see_other(request, reverse("cases:referral", args=[found.pk]))
    context = {
        "referral": found,
        "service": referral_services()[found.service],
        "form": form,
        "may_answer": found.status == Referral.Status.SENT
        and found.to_agency_id == request.user.agency_id,
    }
    return render_page(request, "cases/referral.html", context, refused=form.is_bound)
