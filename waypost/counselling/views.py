"""The counselling pages: a person's options with the session form, and the information sheets."""

from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django_htmx.middleware import HtmxDetails

from waypost.core.permissions import AuthenticatedRequest, requires
from waypost.counselling import services
from waypost.counselling.forms import FactsForm, ReviewForm, SessionForm, SheetTextForm
from waypost.counselling.guide import evaluate_options
from waypost.counselling.guide.data import guide
from waypost.counselling.models import SheetLanguage
from waypost.counselling.pdf import sheet_pdf
from waypost.counselling.selectors import (
    all_sheets,
    cases_of,
    facts_from_registry,
    sessions_of,
    sheet_for,
)
from waypost.counselling.sheets import Sheet
from waypost.registry.models import Individual
from waypost.registry.selectors import get_individual_for

UNPROCESSABLE = 422


class Request(AuthenticatedRequest):
    htmx: HtmxDetails


def see_other(url: str) -> HttpResponse:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def sheet_language(person: Individual) -> str:
    """The first of the person's languages a sheet is written in, else English."""
    spoken = [code for code in person.languages if code in SheetLanguage.values]
    return spoken[0] if spoken else SheetLanguage.ENGLISH


def guide_context(facts_form: FactsForm, person: Individual, on_date: date) -> dict[str, object]:
    base = facts_from_registry(person, on_date=on_date)
    facts = facts_form.facts(base) if facts_form.is_valid() else base
    return {
        "facts": facts,
        "results": evaluate_options(facts=facts, on_date=on_date),
        "guide": guide(),
        "on_date": on_date,
    }


@requires("counselling.guide")
def person_options(request: Request, individual_id: UUID) -> HttpResponse:
    """The options guide for one person, and recording the session in which it was explained."""
    person = get_individual_for(request.user, str(individual_id))
    today = timezone.localdate()
    posted = request.method == "POST"
    facts_form = FactsForm(request.POST if posted else (request.GET or None))
    session_form = SessionForm(
        request.POST if posted else None,
        initial={"held_on": today, "language": sheet_language(person)},
        cases=cases_of(person, seen_by=request.user),
    )
    status = 200
    if posted:
        if facts_form.is_valid() and session_form.is_valid():
            try:
                record(request, person, facts_form, session_form)
            except ValidationError as error:
                session_form.add_error(None, error)
            else:
                return see_other(reverse("counselling:person", args=[person.pk]) + "?saved=1")
        status = UNPROCESSABLE
    context = {
        "person": person,
        "facts_form": facts_form,
        "session_form": session_form,
        "saved": request.GET.get("saved") == "1",
        "sheet_language": sheet_language(person),
        **guide_context(facts_form, person, today),
    }
    partial = bool(request.htmx) and not posted
    # Sessions are read (and their reading audited) only when the page that shows them is drawn.
    context["sessions"] = [] if partial else sessions_of(request.user, str(person.pk))
    template = "counselling/person.html#results" if partial else "counselling/person.html"
    return render(request, template, context, status=status)


def record(
    request: Request, person: Individual, facts_form: FactsForm, session_form: SessionForm
) -> None:
    data = session_form.cleaned_data
    base = facts_from_registry(person, on_date=data["held_on"])
    services.record_session(
        by=request.user,
        individual=person,
        held_on=data["held_on"],
        language=data["language"],
        interpreter=data["interpreter"],
        facts=facts_form.facts(base),
        sheets_given=data["sheets_given"],
        wishes=data["decision"],
        decision_notes=data["decision_notes"],
        case=session_form.chosen_case(),
        purpose=request.purpose,
    )


def found_sheet(sheet_id: str, language: str) -> Sheet:
    try:
        return sheet_for(sheet_id, language)
    except KeyError:
        raise Http404("No such sheet.") from None


@requires("counselling.guide")
def sheet_list(request: Request) -> HttpResponse:
    """Every sheet in every language with its review state."""
    sheets = all_sheets()
    rows: dict[str, list[Sheet]] = {}
    for sheet in sheets:
        rows.setdefault(sheet.sheet, []).append(sheet)
    return render(request, "counselling/sheets.html", {"rows": rows})


@requires("counselling.guide")
def sheet_page(request: Request, sheet_id: str, language: str) -> HttpResponse:
    """A sheet on screen, in its own language and direction."""
    return render(request, "counselling/sheet.html", {"sheet": found_sheet(sheet_id, language)})


@requires("counselling.guide")
def sheet_print(request: Request, sheet_id: str, language: str) -> HttpResponse:
    """A sheet as a PDF to print and hand over."""
    sheet = found_sheet(sheet_id, language)
    response = HttpResponse(
        sheet_pdf(sheet, printed_on=timezone.localdate()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{sheet.sheet}-{sheet.language}.pdf"'
    return response


@requires("counselling.texts")
def sheet_edit(request: Request, sheet_id: str, language: str) -> HttpResponse:
    """Change a sheet's text (it becomes unreviewed), or mark the current text reviewed."""
    sheet = found_sheet(sheet_id, language)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    text_form = SheetTextForm(
        request.POST if action == "edit" else None,
        initial={"title": sheet.title, "body": sheet.body},
    )
    review_form = ReviewForm(
        request.POST if action == "review" else None, initial={"reviewed_on": timezone.localdate()}
    )
    bound = text_form if action == "edit" else review_form
    if request.method == "POST":
        if bound.is_valid():
            try:
                save_sheet(request, sheet, action, bound)
            except ValidationError as error:
                bound.add_error(None, error)
            else:
                return see_other(
                    reverse("counselling:sheet_edit", args=[sheet.sheet, sheet.language])
                )
        context = {"sheet": sheet, "text_form": text_form, "review_form": review_form}
        return render(request, "counselling/sheet_edit.html", context, status=UNPROCESSABLE)
    context = {"sheet": sheet, "text_form": text_form, "review_form": review_form}
    return render(request, "counselling/sheet_edit.html", context)


def save_sheet(
    request: Request, sheet: Sheet, action: str, form: SheetTextForm | ReviewForm
) -> None:
    data = form.cleaned_data
    if action == "edit":
        services.edit_sheet(
            by=request.user,
            sheet=sheet.sheet,
            language=sheet.language,
            title=data["title"],
            body=data["body"],
            purpose=request.purpose,
        )
    else:
        services.mark_sheet_reviewed(
            by=request.user,
            sheet=sheet.sheet,
            language=sheet.language,
            reviewer=data["reviewer"],
            reviewed_on=data["reviewed_on"],
            purpose=request.purpose,
        )
