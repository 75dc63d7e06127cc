"""Defaults for registry test data; records are created through the services."""

from datetime import date
from typing import Any

from waypost.registry.models import DatePrecision, Relationship
from waypost.registry.services import DocumentData, MemberData, register_household


def member(**overrides: Any) -> MemberData:
    values: dict[str, Any] = {
        "relationship": Relationship.HEAD,
        "given_name": "Mohammed",
        "father_name": "Ali",
        "family_name": "Hassan",
        "given_name_native": "محمد",
        "family_name_native": "حسن",
        "sex": "M",
        "date_of_birth": date(1985, 3, 1),
        "date_of_birth_precision": DatePrecision.EXACT,
        "nationality": "IRQ",
        "languages": ["ckb", "ar"],
    }
    values.update(overrides)
    return MemberData(**values)


def family_of_five() -> list[MemberData]:
    return [
        member(phones=["+9647501234567"], documents=[DocumentData("passport", "A1234567", "IRQ")]),
        member(
            relationship=Relationship.SPOUSE,
            given_name="Layla",
            father_name="Omar",
            given_name_native="ليلى",
            sex="F",
            date_of_birth=date(1990, 1, 1),
            date_of_birth_precision=DatePrecision.YEAR,
            is_pregnant=True,
            expected_delivery_date=date(2099, 2, 1),
            specific_needs=["SM-DP"],
        ),
        member(
            relationship=Relationship.CHILD,
            given_name="Ahmed",
            father_name="Mohammed",
            given_name_native="أحمد",
            date_of_birth=date(2015, 6, 1),
        ),
        member(
            relationship=Relationship.CHILD,
            given_name="Sara",
            father_name="Mohammed",
            given_name_native="سارة",
            sex="F",
            date_of_birth=date(2019, 9, 9),
        ),
        member(
            relationship=Relationship.CHILD,
            given_name="Yusuf",
            father_name="Mohammed",
            given_name_native="يوسف",
            date_of_birth=date(2024, 5, 5),
            date_of_birth_precision=DatePrecision.ESTIMATED,
        ),
    ]


def registered_household(*, by, site, members=None, consents=("assistance",)):
    return register_household(
        by=by,
        site=site,
        members=members or family_of_five(),
        consents=consents,
        shelter_location="B-14",
    )
