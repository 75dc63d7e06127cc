"""The duplicate check over HTTP, as the registration page runs it.

An import tool posts each record before registering it and gets back the registered people it
may already be, with the score and the fields that agree, under the same visibility rules as
the page (`selectors.likely_duplicates`). Mounted beside the review queue's router.
"""

from typing import Any
from uuid import UUID

from django.utils.translation import gettext
from ninja import Field, Router, Schema
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.matching.dates import parse_birth_date
from waypost.matching.records import MatchRecord
from waypost.matching.selectors import Match, likely_duplicates
from waypost.matching.typed import LONGEST_VALUE
from waypost.registry.schemas import ValidationErrorsOut

router = Router(tags=["matching"])
# The most candidates one check answers.
MOST_CANDIDATES = 20


class MatchRecordIn(Schema):
    """One person's record as the `waypost dedup` interface writes it; any field may be empty,
    names in any script."""

    given_name: str = Field("", max_length=LONGEST_VALUE)
    father_name: str = Field("", max_length=LONGEST_VALUE)
    family_name: str = Field("", max_length=LONGEST_VALUE)
    full_name: str = Field("", max_length=3 * LONGEST_VALUE)
    date_of_birth: str = Field("", max_length=10, description="YYYY-MM-DD, YYYY or empty")
    sex: str = Field("", pattern="^[MFmf]?$", description="M, F or empty")
    nationality: str = Field("", max_length=3, description="ISO 3166 alpha-3")
    phone: str = Field("", max_length=30, description="With the country code where known")
    limit: int = Field(5, ge=1, le=MOST_CANDIDATES, description="The most candidates answered")


class CheckAgreementOut(Schema):
    field: str
    level: str = Field(description="How far the two records agree on the field, in words")
    weight: float = Field(description="What this agreement weighs (log2 Bayes factor)")


class CandidateOut(Schema):
    individual_id: UUID
    number: str
    household_id: UUID
    given_name: str
    father_name: str
    family_name: str
    full_name_native: str
    probability: float = Field(description="The model's probability that both are one person")
    match_weight: float
    reasons: list[CheckAgreementOut] = Field(description="The fields that agree, strongest first")


class CheckOut(Schema):
    candidates: list[CandidateOut]
    held_by_other_agencies: int = Field(
        description="Matches in households this user may not see (another agency's, without "
        "consent to data sharing): counted, never named; a protection officer can review them"
    )


@router.post("/check", response={200: CheckOut, 422: ValidationErrorsOut, **REFUSALS})
@api_requires("matching.check")
def check_record(request: AuthenticatedRequest, payload: MatchRecordIn) -> dict[str, Any]:
    """The registered people this record may already be, best first."""
    values = payload.dict()
    limit = values.pop("limit")
    if values["date_of_birth"].strip() and parse_birth_date(values["date_of_birth"]) is None:
        message = gettext("Write the date of birth as YYYY-MM-DD or YYYY, or leave it empty.")
        location = ["body", "payload", "date_of_birth"]
        raise RequestInvalid([{"loc": location, "msg": message, "type": "value_error"}])
    values["sex"] = values["sex"].upper()
    record = MatchRecord(record_id="posted", source="api", **values)
    found = likely_duplicates(request.user, record, limit=limit)
    return {
        "candidates": [candidate_out(match) for match in found.matches],
        "held_by_other_agencies": found.held_elsewhere,
    }


def candidate_out(match: Match) -> dict[str, Any]:
    person = match.individual
    return {
        "individual_id": person.pk,
        "number": person.number,
        "household_id": person.household_id,
        "given_name": person.given_name,
        "father_name": person.father_name,
        "family_name": person.family_name,
        "full_name_native": person.full_name_native,
        "probability": match.probability,
        "match_weight": match.score.weight,
        "reasons": [
            {"field": reason.field, "level": reason.level, "weight": reason.weight}
            for reason in match.reasons
        ],
    }
