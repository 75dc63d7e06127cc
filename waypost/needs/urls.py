from django.urls import path

from waypost.needs import views

app_name = "needs"
urlpatterns = [
    path("", views.gap, name="gap"),
    path("gap.csv", views.gap_export, name="gap_csv"),
    path("explain/", views.explain, name="explain"),
    path("people/<uuid:individual_id>/sizes/", views.record_sizes, name="record_sizes"),
]
