from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.i18n import set_language as django_set_language

from waypost.core.models import AuditEvent
from waypost.core.permissions import AuthenticatedRequest, public, requires

login = public(auth_views.LoginView.as_view(redirect_authenticated_user=True))
logout = public(auth_views.LogoutView.as_view())
set_language = public(django_set_language)


@requires("core.use")
def home(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "core/home.html")


@requires("audit.view")
def audit_trail(request: AuthenticatedRequest) -> HttpResponse:
    events = AuditEvent.objects.select_related("actor", "agency")
    if not request.user.is_superuser:  # an agency's administrators read their agency's trail
        events = events.filter(agency=request.user.agency)
    if subject := request.GET.get("subject"):
        events = events.filter(subject_id=subject)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_trail.html", {"page": page})
