"""Server time of the registration POST: a clerk registers a household of five.

The request goes through the whole Django stack in process (test Client: middleware, form,
service, redirect); the time is measured around `client.post`. Each household is new, with
document numbers no one holds yet.

Run on its own: `python -m benchmarks --parts registration` (with --backends, --people).
"""

from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from benchmarks.stats import summary, timed
from waypost.core.models import User
from waypost.demo.generator import DemoHousehold, generate_camp
from waypost.registry.models import DatePrecision, Household
from waypost.registry.services import MemberData
from waypost.sites.models import Site

HOUSEHOLD_SIZE = 5
WARM_UP = 3
# Seeds far from the one that filled the registry, so the posted people are new ones.
POSTED_SEED = 1000
# A document prefix the generator never uses, so posted documents are never already held.
POSTED_DOCUMENT_PREFIX = "B"
# The test client's default host is not an allowed host outside the test runner.
CLIENT_HOST = "127.0.0.1"


def households_of_five(count: int, today: date) -> list[DemoHousehold]:
    found: list[DemoHousehold] = []
    seed = POSTED_SEED
    while len(found) < count:
        camp = generate_camp(seed=seed, people=200, today=today)
        found += [h for h in camp if len(h.members) == HOUSEHOLD_SIZE]
        seed += 1
    return found[:count]


def birth_text(member: MemberData, today: date) -> str:
    """What the clerk types: the date, the year alone, or the age in years."""
    born = member.date_of_birth
    if member.date_of_birth_precision == DatePrecision.YEAR:
        return str(born.year)
    if member.date_of_birth_precision == DatePrecision.ESTIMATED:
        return str(today.year - born.year - ((today.month, today.day) < (born.month, born.day)))
    return born.isoformat()


def member_fields(member: MemberData, index: int, serial: int, today: date) -> dict[str, str]:
    names = ("given_name", "father_name", "grandfather_name", "family_name")
    fields = {name: getattr(member, name) for name in names}
    fields |= {f"{name}_native": getattr(member, f"{name}_native") for name in names}
    fields |= {
        "relationship": member.relationship,
        "sex": member.sex,
        "date_of_birth": birth_text(member, today),
        "nationality": member.nationality,
        "languages": ", ".join(member.languages),
        "phones": ", ".join(member.phones),
        "specific_needs": ", ".join(member.specific_needs),
    }
    if member.documents:
        document = member.documents[0]
        fields |= {
            "document_type": document.document_type,
            "document_number": f"{POSTED_DOCUMENT_PREFIX}{serial:06d}{index:02d}",
            "document_country": document.issuing_country,
        }
    if member.is_pregnant and member.expected_delivery_date:
        fields |= {
            "is_pregnant": "on",
            "expected_delivery_date": str(member.expected_delivery_date),
        }
    if member.is_lactating:
        fields["is_lactating"] = "on"
    return {f"members-{index}-{name}": str(value) for name, value in fields.items()}


def registration_form(
    household: DemoHousehold, site: Site, serial: int, today: date
) -> dict[str, Any]:
    """The POST of the registration page, in the form's field names."""
    data: dict[str, Any] = {
        "members-TOTAL_FORMS": str(len(household.members)),
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "1000",
        "site": str(site.pk),
        "shelter_location": household.shelter_location,
        "consents": list(household.consents),
    }
    for index, member in enumerate(household.members):
        data |= member_fields(member, index, serial, today)
    return data


def post_registrations(clerk: User, forms: Sequence[dict[str, Any]]) -> list[float]:
    client = Client(SERVER_NAME=CLIENT_HOST)
    client.force_login(clerk)
    url = reverse("registry:register")
    seconds = []
    for data in forms:
        elapsed, response = timed(partial(client.post, url, data))
        if response.status_code != 303:
            raise RuntimeError(
                f"Registration refused ({response.status_code}): {response.content.decode()[:2000]}"
            )
        seconds.append(elapsed)
    return seconds


def benchmark_registration(*, clerk: User, site: Site, posts: int) -> dict[str, Any]:
    today = timezone.localdate()
    households = households_of_five(posts + WARM_UP, today)
    forms = [registration_form(h, site, serial, today) for serial, h in enumerate(households)]
    before = Household.objects.count()
    seconds = post_registrations(clerk, forms)[WARM_UP:]
    assert Household.objects.count() == before + len(forms)
    return {"household_size": HOUSEHOLD_SIZE, **summary(seconds)}
