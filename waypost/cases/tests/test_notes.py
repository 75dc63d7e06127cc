"""Case notes: only the case team and protection officers see them (every role); reads audited."""

import pytest
from django.core.exceptions import ValidationError

from waypost.cases import selectors, services
from waypost.cases.tests.factories import open_case_for
from waypost.core.models import AuditEvent
from waypost.core.roles import ROLE_PERMISSIONS, Role

# Who reads the notes of a case owned by UNHCR, by agency and role (issue 7: the case team and
# protection officers). Written out by hand, not computed from the code under test.
MAY_READ = {
    ("unhcr", Role.CASEWORKER),
    ("unhcr", Role.PROTECTION_OFFICER),
    ("iom", Role.PROTECTION_OFFICER),
}


@pytest.fixture
def case_with_a_note(unhcr_caseworker, person):
    case = open_case_for(unhcr_caseworker, person, "best_interests")
    services.write_note(
        by=unhcr_caseworker, case=case, purpose="best_interests", text="Lives with an uncle"
    )
    return case


@pytest.mark.parametrize("agency_code", ["unhcr", "iom"])
@pytest.mark.parametrize("role", list(Role))
def test_note_visibility_for_every_role(agency_code, role, request, make_persona, case_with_a_note):
    agency = request.getfixturevalue(agency_code)
    reader = make_persona(agency, role, username=f"reader-{agency_code}-{role}")
    before = AuditEvent.objects.filter(action="viewed", subject_type="cases.casenote").count()

    notes = selectors.notes_for(reader, case_with_a_note)

    viewed = AuditEvent.objects.filter(action="viewed", subject_type="cases.casenote")
    if (agency_code, role) in MAY_READ:
        assert notes is not None
        assert [n.text for n in notes] == ["Lives with an uncle"]
        assert viewed.count() == before + 1
        assert viewed.latest("id").actor == reader
    else:
        assert notes is None
        assert viewed.count() == before


def test_the_readers_are_exactly_those_holding_the_notes_permission_in_the_team_or_protection():
    holders = {role for role, granted in ROLE_PERMISSIONS.items() if "cases.notes" in granted}
    assert holders == {Role.CASEWORKER, Role.PROTECTION_OFFICER}


def test_a_note_needs_a_purpose_and_text(unhcr_caseworker, person):
    case = open_case_for(unhcr_caseworker, person)
    with pytest.raises(ValidationError) as refused:
        services.write_note(by=unhcr_caseworker, case=case, purpose="", text="")
    assert set(refused.value.message_dict) == {"purpose", "text"}


def test_a_caseworker_of_another_agency_may_not_write_a_note(
    iom_caseworker, unhcr_caseworker, person
):
    case = open_case_for(unhcr_caseworker, person)
    with pytest.raises(ValidationError):
        services.write_note(by=iom_caseworker, case=case, purpose="assessment", text="x")
