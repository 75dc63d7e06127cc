from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from waypost.core.models import Agency, AuditEvent, RoleAssignment, User


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin[Agency]):
    list_display = ["short_name", "name", "code"]


class RoleAssignmentInline(admin.TabularInline[RoleAssignment, User]):
    model = RoleAssignment
    extra = 1


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    list_display = ["username", "first_name", "last_name", "agency", "is_active"]
    list_filter = ["agency", "role_assignments__role", "is_active"]
    fieldsets = (*(DjangoUserAdmin.fieldsets or ()), ("Agency", {"fields": ["agency"]}))
    inlines = [RoleAssignmentInline]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: the trail is append-only."""

    list_display = ["at", "actor", "agency", "action", "purpose", "subject_type", "subject_id"]
    list_filter = ["action", "purpose", "subject_type"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
