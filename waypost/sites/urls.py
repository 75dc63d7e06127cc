from django.urls import path

from waypost.sites import views

app_name = "sites"
urlpatterns = [path("", views.site_list, name="list")]
