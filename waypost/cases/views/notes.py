"""The notes of a case: read and written by the case team and protection officers only.

Anyone else holding `cases.notes` who may see the case is told the notes are not shown to them.
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse

from waypost.cases import selectors, services
from waypost.cases.forms import NoteForm
from waypost.cases.views.common import Request, add_errors, render_page, see_other
from waypost.core.permissions import requires


@requires("cases.notes")
def notes(request: Request, case_id: UUID) -> HttpResponse:
    case = selectors.get_case_for(request.user, case_id)
    form = NoteForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.write_note(by=request.user, case=case, **form.cleaned_data)
        except ValidationError as refused:
            add_errors(form, refused)
        else:
            return see_other(request, reverse("cases:notes", args=[case.pk]))
    context = {"case": case, "notes": selectors.notes_for(request.user, case), "form": form}
    template = (
        "cases/notes.html#notes" if request.htmx and not form.is_bound else "cases/notes.html"
    )
    return render_page(request, template, context, refused=form.is_bound)
