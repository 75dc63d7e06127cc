"""The caseload page: cases by pathway and state, overdue follow-ups, referrals waiting; the
caseworker's own or the team's (the agency's)."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone

from waypost.cases import selectors
from waypost.cases.caseload import caseload_of
from waypost.cases.views.common import PAGE_SIZE, Request, render_page
from waypost.core import audit
from waypost.core.permissions import requires


@requires("cases.caseload")
def caseload(request: Request) -> HttpResponse:
    team = request.GET.get("scope", "team") == "team"
    today = timezone.localdate()
    load = None if request.htmx else caseload_of(request.user, team=team, today=today)
    pages = Paginator(selectors.overdue_follow_ups(request.user, team, today), PAGE_SIZE)
    if load is not None:
        pages.__dict__["count"] = load.overdue  # the same rows, counted already
    overdue = pages.get_page(request.GET.get("page"))
    audit.record_views(
        actor=request.user,
        subjects=[item.case for item in overdue],
        purpose=str(request.user.purpose_for("cases.caseload") or ""),
        fields=("individual", "follow_up"),
        via="caseload",
    )
    context = {"load": load, "overdue": overdue, "team": team, "today": today}
    template = "cases/caseload.html#overdue" if request.htmx else "cases/caseload.html"
    return render_page(request, template, context)
