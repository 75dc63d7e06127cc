from django.urls import path

from waypost.cases.views import caseload, cases, notes, referrals

app_name = "cases"
urlpatterns = [
    path("", cases.case_list, name="list"),
    path("open/", cases.open_case, name="open"),
    path("caseload/", caseload.caseload, name="caseload"),
    path("referrals/", referrals.referral_list, name="referrals"),
    path("referrals/<uuid:referral_id>/", referrals.referral, name="referral"),
    path("<uuid:case_id>/", cases.case_detail, name="case"),
    path("<uuid:case_id>/update/", cases.update, name="update"),
    path("<uuid:case_id>/pathways/", cases.add_pathway, name="add_pathway"),
    path("<uuid:case_id>/pathways/<slug:pathway>/move/", cases.move, name="move"),
    path("<uuid:case_id>/follow-ups/", cases.follow_up, name="follow_up"),
    path("<uuid:case_id>/follow-ups/done/", cases.follow_up_done, name="follow_up_done"),
    path("<uuid:case_id>/notes/", notes.notes, name="notes"),
    path("<uuid:case_id>/consents/", referrals.consent, name="consent"),
    path("<uuid:case_id>/referrals/", referrals.refer, name="refer"),
]
