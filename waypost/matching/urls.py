from django.urls import path

from waypost.matching import check_views, views

app_name = "matching"
urlpatterns = [
    path("check/", check_views.check, name="check"),
    path("review/", views.review_queue, name="queue"),
    path("review/decided/", views.decisions, name="decisions"),
    path("review/<uuid:proposal_id>/", views.pair, name="pair"),
    path("review/<uuid:proposal_id>/decide/", views.decide, name="decide"),
    path("review/merges/<uuid:merge_id>/undo/", views.unmerge, name="unmerge"),
]
