"""Duplicates for review tests: one person registered twice, created through the services."""

from datetime import date
from typing import Any

from waypost.matching.models import DuplicateProposal
from waypost.matching.records import FieldAgreement, Score
from waypost.matching.services import ordered_pair, propose_duplicates
from waypost.registry.models import Individual
from waypost.registry.tests.factories import member, registered_household


def score(probability: float = 0.97, weight: float = 9.5) -> Score:
    return Score(
        probability=probability,
        weight=weight,
        agreements=(
            FieldAgreement("given_name", "same name in another spelling", 4.1),
            FieldAgreement("date_of_birth", "same year, 1 January placeholder", 2.3),
            FieldAgreement("phone", "different", -1.2),
        ),
    )


def recorded_twice(
    *, by: Any, site: Any, other_by: Any = None, consents: tuple[str, ...] = ("assistance",)
) -> tuple[Individual, Individual]:
    """Mohammed Hassan as a UN clerk and a border clerk wrote him: two households, one man."""
    first = registered_household(
        by=by, site=site, members=[member(phones=["+9647501234567"])], consents=consents
    )
    second = registered_household(
        by=other_by or by,
        site=site,
        members=[
            member(
                given_name="Muhammad",
                father_name="",
                family_name="Ali Hasan",
                given_name_native="Мухаммед",
                family_name_native="",
                date_of_birth=date(1985, 1, 1),
                date_of_birth_precision="year",
            )
        ],
        consents=consents,
    )
    return first.members.get(), second.members.get()


def proposed(
    one: Individual, other: Individual, *, probability: float = 0.97, by: Any = None
) -> DuplicateProposal:
    propose_duplicates([(one.pk, other.pk, score(probability))], source="batch", by=by)
    first, second = ordered_pair(one.pk, other.pk)
    return DuplicateProposal.objects.get(first_id=first, second_id=second)


def review_values(household: Any) -> dict[str, str]:
    """An open pair and an active merge among a household's children, for route tests."""
    from waypost.core.roles import Role
    from waypost.core.services import create_user
    from waypost.matching.services import merge

    children = list(household.members.filter(relationship="child").order_by("number"))
    officer = create_user(
        username="review-officer",
        agency=household.registering_agency,
        roles=[Role.PROTECTION_OFFICER],
    )
    open_pair = proposed(children[0], children[1])
    merged = merge(proposed(children[1], children[2]), survivor=children[1], by=officer)
    return {"proposal_id": str(open_pair.pk), "merge_id": str(merged.pk)}
