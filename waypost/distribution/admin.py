from django.contrib import admin

from waypost.distribution.models import DistributionPlan, EntitlementRule, PlanLine


class PlanLineInline(admin.TabularInline[PlanLine, DistributionPlan]):
    model = PlanLine
    extra = 0


class EntitlementRuleInline(admin.TabularInline[EntitlementRule, DistributionPlan]):
    model = EntitlementRule
    extra = 0


@admin.register(DistributionPlan)
class DistributionPlanAdmin(admin.ModelAdmin[DistributionPlan]):
    list_display = ["name", "site", "distribution_date", "status", "warehouse"]
    list_filter = ["status", "site"]
    inlines = [PlanLineInline, EntitlementRuleInline]
