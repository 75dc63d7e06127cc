"""Household cards: print a site's cards as a PDF, see a household's cards, reissue or revoke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypost.core.permissions import requires
from waypost.distribution.card_pdf import card_pdf
from waypost.distribution.forms.cards import PrintForm, ReissueForm, RevokeForm
from waypost.distribution.selectors.cards import (
    cards_of,
    get_household_for_cards,
    get_site,
    printed_cards,
    sites_for_cards,
)
from waypost.distribution.services.cards import (
    issue_card,
    issue_site_cards,
    reissue_card,
    revoke_card,
)
from waypost.stock.views.common import Request


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@requires("distribution.cards")
def card_sites(request: Request) -> HttpResponse:
    return render(request, "distribution/cards.html", {"sites": sites_for_cards()})


@requires("distribution.cards")
@require_POST
def print_site_cards(request: Request) -> HttpResponse:
    form = PrintForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a site to print its cards."))
        return redirect("distribution:cards")
    site = get_site(str(form.cleaned_data["site"]))
    cards = issue_site_cards(by=request.user, site=site)
    return _pdf(card_pdf(printed_cards(user=request.user, cards=cards)), f"cards-{site.code}")


@requires("distribution.cards")
def household_cards(request: Request, household_id: str) -> HttpResponse:
    household = get_household_for_cards(request.user, household_id)
    form = ReissueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reissue_card(by=request.user, household=household, reason=form.cleaned_data["reason"])
        except ValidationError as refused:
            form.add_error("reason", refused)
        else:
            messages.success(request, _("A new card was issued; the old one no longer works."))
            return redirect("distribution:household_cards", household_id=household.pk)
    context = {
        "household": household,
        "cards": cards_of(household),
        "form": form,
        "revoke_form": RevokeForm(),
    }
    return render(request, "distribution/household_cards.html", context)


@requires("distribution.cards")
@require_POST
def print_household_card(request: Request, household_id: str) -> HttpResponse:
    household = get_household_for_cards(request.user, household_id)
    card = issue_card(by=request.user, household=household)
    return _pdf(card_pdf(printed_cards(user=request.user, cards=[card])), household.number)


@requires("distribution.cards")
@require_POST
def revoke_household_card(request: Request, household_id: str) -> HttpResponse:
    household = get_household_for_cards(request.user, household_id)
    form = RevokeForm(request.POST)
    active = next((card for card in cards_of(household) if card.is_active), None)
    if active is None:
        messages.error(request, _("This household holds no active card."))
    elif not form.is_valid():
        messages.error(request, _("Say why the card is revoked."))
    else:
        try:
            revoke_card(by=request.user, card=active, reason=form.cleaned_data["reason"])
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, _("The card was revoked and no longer works."))
    return redirect("distribution:household_cards", household_id=household.pk)
