"""The HTTP API: one NinjaAPI, one router per app, the same services as the pages."""

from ninja import NinjaAPI
from ninja.security import django_auth

api = NinjaAPI(
    title="Waypost API",
    version="1",
    description="Registration and assistance for people on the move. Session authentication.",
    auth=django_auth,
    urls_namespace="api",
)
