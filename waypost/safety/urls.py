from django.urls import path

from waypost.safety import views

app_name = "safety"
urlpatterns = [
    path("", views.at_risk, name="at_risk"),
    path("reassess/", views.reassess_site, name="reassess"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/acknowledge/", views.acknowledge, name="acknowledge"),
    path("weather/", views.weather, name="weather"),
    path("weather/import/", views.weather_import, name="weather_import"),
    path("rules/", views.rules, name="rules"),
]
