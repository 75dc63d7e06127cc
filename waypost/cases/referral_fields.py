"""The services a case may be referred to, and the fields each receives.

The list is data: `data/referral_services.json`.

A referral stores exactly the values of its service's field list, read here from the case.
"""

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from waypost.cases.models import Case

DATA = Path(__file__).parent / "data" / "referral_services.json"


def _phone(case: Case) -> str:
    phone = case.individual.phones.order_by("pk").first()
    return phone.number if phone else ""


FIELD_VALUES: dict[str, Callable[[Case], Any]] = {
    "given_name": lambda case: case.individual.given_name,
    "family_name": lambda case: case.individual.family_name,
    "father_name": lambda case: case.individual.father_name,
    "sex": lambda case: case.individual.sex,
    "date_of_birth": lambda case: case.individual.date_of_birth.isoformat(),
    "year_of_birth": lambda case: case.individual.date_of_birth.year,
    "nationality": lambda case: case.individual.nationality,
    "languages": lambda case: list(case.individual.languages),
    "phone": _phone,
    "site": lambda case: case.individual.current_site.name,
    "household_size": lambda case: case.household.members.current().count(),
    "pathways": lambda case: {p.pathway: p.state for p in case.pathways.all()},
}


@cache
def services() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = json.loads(DATA.read_text("utf-8"))["services"]
    for code, service in found.items():
        unknown = set(service["fields"]) - set(FIELD_VALUES)
        if unknown:
            raise ValueError(f"referral service {code}: unknown fields {sorted(unknown)}")
    return found


def service_choices() -> list[tuple[str, str]]:
    return [(code, service["name"]) for code, service in services().items()]


def shared_values(case: Case, service: str) -> dict[str, Any]:
    return {name: FIELD_VALUES[name](case) for name in services()[service]["fields"]}
