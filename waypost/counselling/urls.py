from django.urls import path

from waypost.counselling import views

app_name = "counselling"
urlpatterns = [
    path("people/<uuid:individual_id>/", views.person_options, name="person"),
    path("sheets/", views.sheet_list, name="sheets"),
    path("sheets/<slug:sheet_id>/<slug:language>/", views.sheet_page, name="sheet"),
    path("sheets/<slug:sheet_id>/<slug:language>/pdf/", views.sheet_print, name="sheet_pdf"),
    path("sheets/<slug:sheet_id>/<slug:language>/edit/", views.sheet_edit, name="sheet_edit"),
]
