"""What a clerk types on the registration pages, read and checked, ready for the services.

Forms check single fields; the services check the rules across members and records, and their
messages are put back on the fields (`registration.add_member_errors`), so a clerk reads each
message where the mistake is.
"""

from waypost.registry.forms.household import (
    HouseholdForm,
    HouseholdPlaceForm,
    MemberRowForm,
    RemoveMemberForm,
    SearchForm,
)
from waypost.registry.forms.member import (
    BirthPreview,
    MemberForm,
    offered_need_codes,
    preview_birth_date,
    typed_birth_date,
)
from waypost.registry.forms.records import correction_form, household_defaults
from waypost.registry.forms.registration import (
    AddMemberForm,
    MemberFormSet,
    RegistrationEntry,
    add_member_errors,
)

__all__ = [
    "AddMemberForm",
    "BirthPreview",
    "HouseholdForm",
    "HouseholdPlaceForm",
    "MemberForm",
    "MemberFormSet",
    "MemberRowForm",
    "RegistrationEntry",
    "RemoveMemberForm",
    "SearchForm",
    "add_member_errors",
    "correction_form",
    "household_defaults",
    "offered_need_codes",
    "preview_birth_date",
    "typed_birth_date",
]
