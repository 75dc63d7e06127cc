"""The review pages: the queue of proposed duplicates, one pair side by side, the decisions.

Each view is guarded by one permission, reads through `matching.queue` and writes through
`matching.services` (by way of the forms), and answers htmx with the part that changes.
"""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from waypost.core.permissions import requires
from waypost.matching import queue
from waypost.matching.compare import compare_sides
from waypost.matching.forms import DecisionForm, QueueFilterForm, UnmergeForm
from waypost.matching.models import DuplicateProposal
from waypost.registry.views import UNPROCESSABLE, Request, see_other

PAGE_SIZE = 25


@requires("matching.review")
def review_queue(request: Request) -> HttpResponse:
    form = QueueFilterForm(request.GET, user=request.user)
    proposals = queue.open_proposals(request.user, **form.filters())
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    queue.record_listed(request.user, page.object_list)
    context = {
        "form": form,
        "page": page,
        "hidden": queue.hidden_open_count(request.user),
        "query": _query_without_page(request),
    }
    template = "matching/queue.html#results" if request.htmx else "matching/queue.html"
    return render(request, template, context)


@requires("matching.review")
def pair(request: Request, proposal_id: UUID) -> HttpResponse:
    proposal = queue.get_proposal_for(request.user, str(proposal_id))
    return _pair_page(request, proposal, DecisionForm())


@requires("matching.decide")
@require_POST
def decide(request: Request, proposal_id: UUID) -> HttpResponse:
    proposal = queue.get_proposal_for(request.user, str(proposal_id))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            done = form.apply(proposal, by=request.user)
        except ValidationError:
            pass
        else:
            messages.success(request, done)
            return see_other(request, reverse("matching:queue"))
    return _pair_page(request, proposal, form, status=UNPROCESSABLE)


@requires("matching.review")
def decisions(request: Request) -> HttpResponse:
    decided = queue.decided_proposals(request.user)
    page = Paginator(decided, PAGE_SIZE).get_page(request.GET.get("page"))
    queue.record_listed(request.user, page.object_list)
    return render(request, "matching/decisions.html", {"page": page, "undo": UnmergeForm()})


@requires("matching.decide")
@require_POST
def unmerge(request: Request, merge_id: UUID) -> HttpResponse:
    merge = queue.get_merge_for(request.user, str(merge_id))
    form = UnmergeForm(request.POST)
    if form.is_valid():
        try:
            done = form.apply(merge, by=request.user)
        except ValidationError:
            pass
        else:
            messages.success(request, done)
            return see_other(request, reverse("matching:pair", args=[merge.proposal_id]))
    for message in form.errors.get("note", []):
        messages.error(request, str(message))
    page = Paginator(queue.decided_proposals(request.user), PAGE_SIZE).get_page(1)
    context = {"page": page, "undo": form}
    return render(request, "matching/decisions.html", context, status=UNPROCESSABLE)


def _pair_page(
    request: Request, proposal: DuplicateProposal, form: DecisionForm, status: int = 200
) -> HttpResponse:
    context = {
        "proposal": proposal,
        "rows": compare_sides(proposal, request.user),
        "reasons": queue.agreements_of(proposal),
        "form": form,
        "merge": queue.active_merge_of(proposal),
        "undo": UnmergeForm(),
    }
    return render(request, "matching/pair.html", context, status=status)


def _query_without_page(request: Request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
