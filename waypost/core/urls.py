from django.urls import path

from waypost.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("language/", views.set_language, name="set_language"),
    path("audit/", views.audit_trail, name="audit_trail"),
]
