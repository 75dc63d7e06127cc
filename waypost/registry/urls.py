from django.urls import path

from waypost.registry import views

app_name = "registry"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("register/", views.register, name="register"),
]
