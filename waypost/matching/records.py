"""What the matcher compares and what it answers, shared by batch runs and the registration check.

A `MatchRecord` is one written record of a person as it reaches the matcher: the columns of the
`waypost dedup` CSV interface, every one a string that may be empty. A `Score` is the answer for
a pair: the probability that both records are one person, the match weight it comes from
(log2 of the Bayes factor, summed over the fields), and per field which agreement level the
pair reached and what that level weighs, so that a clerk or an officer can see why.
"""

from dataclasses import dataclass

# The columns of RECORDS.csv, in the order the interface names them.
RECORD_COLUMNS = (
    "record_id",
    "source",
    "given_name",
    "father_name",
    "family_name",
    "full_name",
    "date_of_birth",
    "sex",
    "nationality",
    "phone",
)


@dataclass(frozen=True, slots=True)
class MatchRecord:
    """One record of a person; empty strings where a field was not written."""

    record_id: str
    source: str = ""
    given_name: str = ""
    father_name: str = ""
    family_name: str = ""
    full_name: str = ""
    date_of_birth: str = ""  # YYYY-MM-DD, YYYY or empty
    sex: str = ""  # M, F or empty
    nationality: str = ""  # ISO 3166 alpha-3
    phone: str = ""  # E.164 where known


@dataclass(frozen=True, slots=True)
class FieldAgreement:
    """How far two records agree on one field, and what that weighs in the trained model."""

    field: str  # the comparison's name, e.g. "given_name", "date_of_birth"
    level: str  # the level reached, in words, e.g. "same name in another spelling"
    weight: float  # log2 Bayes factor of that level; negative when it speaks against a match


@dataclass(frozen=True, slots=True)
class Score:
    """The model's answer for a pair of records."""

    probability: float
    weight: float
    agreements: tuple[FieldAgreement, ...]

    def agreeing(self) -> tuple[FieldAgreement, ...]:
        """The fields that speak for a match, strongest first."""
        ordered = sorted(self.agreements, key=lambda agreement: -agreement.weight)
        return tuple(agreement for agreement in ordered if agreement.weight > 0)
