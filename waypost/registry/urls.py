from django.urls import path

from waypost.registry import views

app_name = "registry"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("register/", views.register, name="register"),
    path("register/member-row/", views.member_row, name="member_row"),
    path("birth-date/", views.birth_date, name="birth_date"),
    path("households/<uuid:household_id>/", views.household, name="household"),
    path("households/<uuid:household_id>/edit/", views.edit_household, name="edit_household"),
    path("households/<uuid:household_id>/add-member/", views.add_member, name="add_member"),
    path("households/<uuid:household_id>/history/", views.history, name="history"),
    path("people/<uuid:individual_id>/", views.individual, name="individual"),
    path("people/<uuid:individual_id>/edit/", views.edit_member, name="edit_member"),
    path("people/<uuid:individual_id>/remove/", views.remove_member, name="remove_member"),
]
