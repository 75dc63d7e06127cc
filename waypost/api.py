"""The HTTP API: one NinjaAPI, one router per app, the same services as the pages.

Session authentication (the same sign-in as the pages, CSRF checked on writes). Every operation
declares its permission with `waypost.core.permissions.api_requires`; the schema and its docs
are for signed-in staff.
"""

from ninja import NinjaAPI
from ninja.security import django_auth

from waypost.cases.api import router as cases_router
from waypost.core.api import router as core_router
from waypost.core.permissions import requires
from waypost.counselling.api import router as counselling_router
from waypost.distribution.api import router as distribution_router
from waypost.matching.api import router as matching_router
from waypost.matching.check_api import router as matching_check_router
from waypost.needs.api import router as needs_router
from waypost.registry.api import router as registry_router
from waypost.relocation.api import router as relocation_router
from waypost.safety.api import router as safety_router
from waypost.sites.api import router as sites_router
from waypost.stock.api import router as stock_router

api = NinjaAPI(
    title="Waypost API",
    version="1",
    description="Registration and assistance for people on the move. Session authentication.",
    auth=django_auth,
    urls_namespace="api",
    docs_decorator=requires("core.use"),
)
api.add_router("/", core_router)
api.add_router("/registry/", registry_router)
api.add_router("/sites", sites_router)
api.add_router("/matching", matching_router)
api.add_router("/matching", matching_check_router)
api.add_router("/stock", stock_router)
api.add_router("/needs", needs_router)
api.add_router("/distribution", distribution_router)
api.add_router("/safety", safety_router)
api.add_router("/relocation", relocation_router)
api.add_router("/cases", cases_router)
api.add_router("/counselling", counselling_router)
