"""A recorded person turned back into the member form, for correcting the record."""

from collections.abc import Sequence
from typing import Any

from django.http import QueryDict

from waypost.core.models import User
from waypost.registry.forms.member import HEAD_DEFAULTS, MEMBER_DATA_FIELDS, MemberForm, birth_text
from waypost.registry.models import Household, Individual, Relationship, SpecificNeedCode
from waypost.registry.services import DocumentData, MemberData


def correction_form(
    individual: Individual, *, user: User, data: QueryDict | None = None
) -> MemberForm:
    """The member form filled in with what is recorded about a person."""
    current = recorded_member_data(individual)
    hidden = hidden_need_codes(user, current.specific_needs)
    form = MemberForm(
        data,
        user=user,
        initial=initial_of(current, hidden_needs=hidden),
        current=current,
        hidden_needs=hidden,
        fallback=head_defaults(individual),
    )
    form.fields["given_name"].widget.attrs["autofocus"] = True
    return form


def recorded_member_data(individual: Individual) -> MemberData:
    """A person's record as the services take it, read in full from the database rather than
    from what a selector prefetched for one user, so that saving loses nothing."""
    plain = [name for name in MEMBER_DATA_FIELDS if name != "phones"]
    return MemberData(
        **{name: getattr(individual, name) for name in plain},
        date_of_birth=individual.date_of_birth,
        date_of_birth_precision=individual.date_of_birth_precision,
        phones=list(individual.phones.order_by("pk").values_list("number", flat=True)),
        documents=[
            DocumentData(d.document_type, d.number, d.issuing_country)
            for d in individual.documents.order_by("pk")
        ],
        specific_needs=list(
            individual.specific_needs.filter(is_active=True)
            .order_by("code")
            .values_list("code", flat=True)
        ),
    )


def hidden_need_codes(user: User, codes: Sequence[str]) -> list[str]:
    """The recorded codes a user may not see: kept as they are when the user corrects a record."""
    if user.can("registry.view_sensitive"):
        return []
    sensitive = SpecificNeedCode.objects.filter(code__in=codes, is_sensitive=True)
    return sorted(sensitive.values_list("code", flat=True))


def initial_of(member: MemberData, *, hidden_needs: Sequence[str]) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(member, name) for name in MEMBER_DATA_FIELDS}
    document = member.documents[0] if member.documents else None
    initial.update(
        date_of_birth=birth_text(member),
        languages=", ".join(member.languages),
        phones=", ".join(member.phones),
        specific_needs=", ".join(c for c in member.specific_needs if c not in hidden_needs),
        document_type=document.document_type if document else "",
        document_number=document.number if document else "",
        document_country=document.issuing_country if document else "",
    )
    return initial


def head_defaults(individual: Individual) -> dict[str, Any]:
    """What a member left empty takes from the head of household (nothing, for the head)."""
    if individual.relationship == Relationship.HEAD:
        return {}
    return household_defaults(individual.household)


def household_defaults(household: Household) -> dict[str, Any]:
    """The head of household's family name, nationality and languages, for a new member."""
    head = next((m for m in household.members.all() if m.relationship == Relationship.HEAD), None)
    return {name: getattr(head, name) for name in HEAD_DEFAULTS} if head else {}
