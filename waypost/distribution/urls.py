from django.urls import URLPattern, path

from waypost.distribution.views import cards, coverage, plans, point

app_name = "distribution"
urlpatterns: list[URLPattern] = [
    path("", plans.plan_list, name="plans"),
    path("plans/new/", plans.new_plan, name="new_plan"),
    path("plans/<uuid:plan_id>/", plans.plan_page, name="plan"),
    path("plans/<uuid:plan_id>/allocate/", plans.allocate, name="allocate"),
    path("plans/<uuid:plan_id>/approve/", plans.approve, name="approve"),
    path(
        "plans/<uuid:plan_id>/households/<uuid:household_id>/",
        plans.household_explanation,
        name="household",
    ),
    path("plans/<uuid:plan_id>/point/", point.point_page, name="point"),
    path("plans/<uuid:plan_id>/point/open/", point.add_point, name="add_point"),
    path("plans/<uuid:plan_id>/point/card/", point.scan_card, name="scan"),
    path("plans/<uuid:plan_id>/point/hand-over/", point.hand_over, name="hand_over"),
    path("plans/<uuid:plan_id>/coverage/", coverage.coverage, name="coverage"),
    path("plans/<uuid:plan_id>/absent/", coverage.absent, name="absent"),
    path("plans/<uuid:plan_id>/close/", coverage.close, name="close"),
    path("cards/", cards.card_sites, name="cards"),
    path("cards/print/", cards.print_site_cards, name="print_cards"),
    path("households/<uuid:household_id>/cards/", cards.household_cards, name="household_cards"),
    path(
        "households/<uuid:household_id>/cards/revoke/",
        cards.revoke_household_card,
        name="revoke_household_card",
    ),
    path(
        "households/<uuid:household_id>/cards/print/",
        cards.print_household_card,
        name="print_household_card",
    ),
]
