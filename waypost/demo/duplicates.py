"""A few people of the demo camp registered a second time, and proposed for review.

At the Bruzgi camp one family was often recorded by two hands: a UN clerk in Latin letters from
the passport, a partner's clerk in Cyrillic with the father's name as family name and the birth
date as "1 January" of the year said aloud. The demo repeats that for a few heads of household,
deterministically (the first heads UNHCR registered), so that the review queue has pairs to
decide from the first sign-in.
"""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from django.db.models import Q

from waypost.core.models import User
from waypost.matching.cyrillic import to_cyrillic
from waypost.matching.dates import DateAgreement, compare_birth_dates, from_date
from waypost.matching.fullnames import PersonName, full_names_match
from waypost.matching.models import Source
from waypost.matching.records import FieldAgreement, Score
from waypost.matching.services import propose_duplicates
from waypost.registry.forms.records import recorded_member_data
from waypost.registry.models import DatePrecision, Individual, Relationship
from waypost.registry.services import MemberData, register_household

# Ours: how many heads the demo registers twice, enough to fill a page of the queue's head.
DEMO_DUPLICATES = 6
# Ours, for the demo only: log2 Bayes factors in the range a trained model gives these levels
# (the real ones come from the model `waypost dedup` trains), by field and whether it agrees.
DEMO_LEVELS: dict[tuple[str, bool], tuple[str, float]] = {
    ("full_name", True): ("same names in another spelling or order", 6.5),
    ("full_name", False): ("different names", -8.0),
    ("date_of_birth", True): ("same year of birth", 2.5),
    ("date_of_birth", False): ("more than two years apart", -6.0),
    ("sex", True): ("same", 0.8),
    ("sex", False): ("different", -5.0),
    ("nationality", True): ("same", 0.5),
    ("nationality", False): ("different", -1.0),
    ("phone", True): ("same phone number", 5.0),
    ("phone", False): ("different or not given", -0.3),
}
PRIOR_WEIGHT = -4.0  # Ours: log2 prior odds that two records picked by blocking are one person


def register_demo_duplicates(*, clerks: Mapping[str, User], partner: str = "iom") -> int:
    """Register the second records and propose each pair; returns the people registered twice.

    The check while registering may have proposed a pair already; proposing it again only
    raises its score if this one is higher."""
    originals = (
        Individual.objects.current()
        .filter(relationship=Relationship.HEAD, registering_agency__code="unhcr")
        .exclude(household__registering_agency__code=partner)
        .filter(~Q(family_name=""), ~Q(father_name=""))
        .select_related("household")
        .order_by("number")[:DEMO_DUPLICATES]
    )
    pairs = []
    for position, original in enumerate(originals):
        second = register_household(
            by=clerks[partner],
            site=original.household.site,
            members=[second_record_of(original, share_phone=position % 2 == 0)],
            consents=("assistance", "data_sharing"),
        ).members.get()
        pairs.append((original.pk, second.pk, demo_score(original, second)))
    propose_duplicates(pairs, source=Source.BATCH)
    return len(pairs)


def second_record_of(original: Individual, *, share_phone: bool) -> MemberData:
    """How a partner's clerk wrote the same person down: Cyrillic, father as family name."""
    member = recorded_member_data(original)
    born = original.date_of_birth
    return replace(
        member,
        relationship=Relationship.HEAD,
        family_name=original.father_name,
        father_name="",
        grandfather_name="",
        given_name_native=to_cyrillic(original.given_name),
        father_name_native="",
        grandfather_name_native="",
        family_name_native=to_cyrillic(original.father_name),
        date_of_birth=date(born.year, 1, 1),
        date_of_birth_precision=DatePrecision.YEAR,
        documents=[],  # a document is registered to one holder only
        phones=member.phones if share_phone else [],
        specific_needs=[],
        is_pregnant=False,
        expected_delivery_date=None,
    )


def demo_score(one: Individual, other: Individual) -> Score:
    """The demo pair's score from the levels above, summed as the trained model sums them."""
    same_names = full_names_match(_name(one), _name(other))
    dates = compare_birth_dates(
        from_date(one.date_of_birth, one.date_of_birth_precision),
        from_date(other.date_of_birth, other.date_of_birth_precision),
    )
    shared_phone = set(one.phones.values_list("number", flat=True)) & set(
        other.phones.values_list("number", flat=True)
    )
    agrees = {
        "full_name": same_names,
        "date_of_birth": dates != DateAgreement.DISAGREE,
        "sex": one.sex == other.sex,
        "nationality": one.nationality == other.nationality,
        "phone": bool(shared_phone),
    }
    agreements = tuple(
        FieldAgreement(field, *DEMO_LEVELS[(field, agreed)]) for field, agreed in agrees.items()
    )
    weight = PRIOR_WEIGHT + sum(agreement.weight for agreement in agreements)
    return Score(probability=2**weight / (1 + 2**weight), weight=weight, agreements=agreements)


def _name(person: Individual) -> PersonName:
    return PersonName(person.given_name, person.father_name, person.family_name)
