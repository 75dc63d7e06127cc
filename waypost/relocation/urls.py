from django.urls import path

from waypost.relocation import views

app_name = "relocation"
urlpatterns = [
    path("", views.locations, name="locations"),
    path("plan/", views.plan, name="plan"),
    path("plan/moves/<uuid:household_id>/", views.change_move, name="change_move"),
    path("plan/confirm/", views.confirm, name="confirm"),
    path("households/<uuid:household_id>/answer/", views.answer, name="answer"),
    path("movements/", views.movements, name="movements"),
]
