"""Two records side by side, field by field, marking what agrees, for the officer who decides.

Agreement here is the matcher's own reading (names in any script, birth-date conventions), so
the page highlights what the score counted; only fields the officer may see are shown.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from waypost.core.models import User
from waypost.matching.dates import DateAgreement, compare_birth_dates, from_date
from waypost.matching.fullnames import PersonName, full_names_match, same_words
from waypost.matching.models import DuplicateProposal
from waypost.matching.names import same_name
from waypost.registry.models import Individual
from waypost.registry.selectors import visible_fields

AGREEING_DATES = {DateAgreement.EXACT, DateAgreement.SWAPPED_DAY_MONTH, DateAgreement.SAME_YEAR}


@dataclass(frozen=True)
class Row:
    label: str
    left: str
    right: str
    agrees: bool


def compare_sides(proposal: DuplicateProposal, user: User) -> list[Row]:
    left, right = proposal.first, proposal.second
    if left is None or right is None:
        return []
    fields = visible_fields(user)
    rows = [
        Row(str(_("Name")), left.full_name, right.full_name, person_names_agree(left, right)),
        _row(_("Name as written"), left, right, _native_name, same_words),
        _row(_("Sex"), left, right, lambda p: p.get_sex_display(), _equal),
    ]
    if "date_of_birth" in fields:
        rows.append(_birth_row(left, right))
    if "nationality" in fields:
        rows.append(_row(_("Nationality"), left, right, lambda p: p.nationality, _equal))
    if "phones" in fields:
        rows.append(_set_row(_("Phones"), left, right, _phones))
    if "documents" in fields:
        rows.append(_set_row(_("Documents"), left, right, _documents))
    rows.append(_row(_("Site"), left, right, lambda p: p.current_site.name, _equal))
    return rows


def _row(
    label: object,
    left: Individual,
    right: Individual,
    shown: Callable[[Individual], str],
    agree: Callable[[str, str], bool],
) -> Row:
    one, other = shown(left), shown(right)
    return Row(str(label), one, other, bool(one and other and agree(one, other)))


def _set_row(
    label: object, left: Individual, right: Individual, values: Callable[[Individual], set[str]]
) -> Row:
    one, other = values(left), values(right)
    return Row(str(label), ", ".join(sorted(one)), ", ".join(sorted(other)), bool(one & other))


def _birth_row(left: Individual, right: Individual) -> Row:
    def shown(person: Individual) -> str:
        return f"{person.date_of_birth:%Y-%m-%d} ({person.get_date_of_birth_precision_display()})"

    agreement = compare_birth_dates(
        from_date(left.date_of_birth, left.date_of_birth_precision),
        from_date(right.date_of_birth, right.date_of_birth_precision),
    )
    return Row(str(_("Born")), shown(left), shown(right), agreement in AGREEING_DATES)


def _native_name(person: Individual) -> str:
    return person.full_name_native


def _equal(one: str, other: str) -> bool:
    return one == other


def _phones(person: Individual) -> set[str]:
    return {phone.number for phone in person.phones.all()}


def _documents(person: Individual) -> set[str]:
    return {f"{d.get_document_type_display()} {d.number}" for d in person.documents.all()}


def person_names_agree(left: Individual, right: Individual) -> bool:
    """Given, father's and family name agree, in any spelling, the father's name as family name
    included."""
    return full_names_match(
        PersonName(left.given_name, left.father_name, left.family_name),
        PersonName(right.given_name, right.father_name, right.family_name),
    ) or same_name(left.full_name, right.full_name)
