"""Reading the registry as a given user may: which households, which fields, audited.

A user sees the households their own agency registered, and those of other agencies whose head
of household agreed to data sharing with partners. Within a household, the fields shown depend
on the permissions of the user's roles (see `waypost.core.roles`). Every personal record served
is written to the audit trail with the fields shown and the purpose.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from rapidfuzz import fuzz, process

from waypost.core import audit
from waypost.core.models import User
from waypost.matching.names import fold, name_keys
from waypost.registry.models import (
    Consent,
    Household,
    IdentityDocument,
    Individual,
    IndividualSpecificNeed,
    NameKey,
    Phone,
    Relationship,
)
from waypost.registry.validators import normalize_document_number

# Which fields of a person each permission reveals (purpose limitation, UNHCR DPP 2.4).
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "registry.view": (
        "number",
        "relationship",
        "given_name",
        "father_name",
        "grandfather_name",
        "family_name",
        "given_name_native",
        "father_name_native",
        "grandfather_name_native",
        "family_name_native",
        "sex",
        "age",
        "current_site",
    ),
    "registry.view_personal": (
        "date_of_birth",
        "nationality",
        "languages",
        "phones",
        "documents",
        "consents",
    ),
    "registry.view_protection": (
        "specific_needs",
        "is_pregnant",
        "expected_delivery_date",
        "is_lactating",
    ),
    "registry.view_sensitive": ("sensitive_specific_needs",),
}
SEARCH_RESULT_LIMIT = 50
# How many people sharing name keys with a query are scored for spelling; common names
# (Mohammed Hassan) have thousands of holders in a national registry.
NAME_CANDIDATE_LIMIT = 5000
# Registration numbers look like BRZ-000123 or BRZ-000123-02; anything else is not one.
REGISTRATION_NUMBER = re.compile(r"^[A-Z0-9]{2,12}-\d{6}(-\d{2})?$")


def visible_fields(user: User) -> set[str]:
    return {name for perm, names in FIELD_GROUPS.items() if user.can(perm) for name in names}


def households_visible_to(user: User) -> QuerySet[Household]:
    if not user.can("registry.view"):
        return Household.objects.none()
    if user.is_superuser:
        return Household.objects.all()
    head_shares_data = Consent.objects.filter(
        individual__household=OuterRef("pk"),
        individual__relationship=Relationship.HEAD,
        topic=Consent.Topic.DATA_SHARING,
        withdrawn_at__isnull=True,
    )
    return Household.objects.filter(
        Q(registering_agency_id=user.agency_id) | Exists(head_shares_data)
    )


def individuals_visible_to(user: User) -> QuerySet[Individual]:
    """People the user may see; a record merged into another one is seen through that one."""
    return Individual.objects.current().filter(household__in=households_visible_to(user))


def get_household_for(user: User, household_id: str) -> Household:
    """The household with its members prefetched as the user may see them; 404 otherwise.

    Records one 'viewed' event per member shown.
    """
    try:
        household = (
            households_visible_to(user)
            .select_related("site", "registering_agency")
            .prefetch_related(member_prefetch(user))
            .get(pk=household_id)
        )
    except (Household.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such household.") from None
    audit.record_views(
        actor=user,
        subjects=household.members.all(),
        purpose=_purpose(user),
        fields=visible_fields(user),
        via="household",
        household=household.number,
    )
    return household


def get_individual_for(user: User, individual_id: str) -> Individual:
    try:
        individual = (
            individuals_visible_to(user)
            .select_related("household", "current_site")
            .prefetch_related(*detail_prefetches(user), _merged_records_prefetch(user))
            .get(pk=individual_id)
        )
    except (Individual.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such person.") from None
    audit.record_views(
        actor=user,
        subjects=[individual, *individual.merged_records.all()],
        purpose=_purpose(user),
        fields=visible_fields(user),
        via="individual",
    )
    return individual


def _merged_records_prefetch(user: User) -> Prefetch[Any]:
    """The other records of this person (merged into this one) the user may see, and their
    origin."""
    records = Individual.objects.filter(household__in=households_visible_to(user)).select_related(
        "household", "registering_agency"
    )
    return Prefetch("merged_records", queryset=records.order_by("registered_at"))


def member_prefetch(user: User) -> Prefetch[Any]:
    # Current records only: a person merged into someone else is neither listed nor counted.
    members = Individual.objects.current().order_by("number").select_related("current_site")
    return Prefetch("members", queryset=members.prefetch_related(*detail_prefetches(user)))


def detail_prefetches(user: User) -> list[Any]:
    prefetches: list[Any] = []
    if user.can("registry.view_personal"):
        prefetches += [
            "phones",
            "documents",
            Prefetch("consents", queryset=Consent.objects.filter(withdrawn_at__isnull=True)),
        ]
    if user.can("registry.view_protection"):
        needs = IndividualSpecificNeed.objects.filter(is_active=True).select_related("code")
        if not user.can("registry.view_sensitive"):
            needs = needs.filter(code__is_sensitive=False)
        prefetches.append(Prefetch("specific_needs", queryset=needs))
    return prefetches


@dataclass
class SearchHit:
    individual: Individual
    score: float
    matched_on: str


def search_individuals(user: User, query: str) -> list[SearchHit]:
    """Find people by a misspelt name (any script), phone, document or registration number."""
    query = query.strip()
    if not query:
        return []
    visible = individuals_visible_to(user).select_related("household", "current_site")
    hits = _exact_hits(user, visible, query)
    if not hits:
        hits = _name_hits(visible, query)
    audit.record_views(
        actor=user,
        subjects=[hit.individual for hit in hits],
        purpose=_purpose(user),
        fields=visible_fields(user) & set(FIELD_GROUPS["registry.view"]),
        via="search",
    )
    return hits


def _exact_hits(user: User, visible: QuerySet[Individual], query: str) -> list[SearchHit]:
    upper = query.upper()
    if REGISTRATION_NUMBER.match(upper):
        # The number on an old card of a record merged into another finds the person it is now.
        old_card = Q(merged_records__number=upper)
        by_number = visible.filter(
            Q(number=upper) | Q(household__number=upper) | old_card
        ).distinct()
        return [SearchHit(i, 100.0, "registration number") for i in by_number[:50]]
    if not user.can("registry.view_personal"):
        return []
    # A document number can look like a phone number: look for both, documents first.
    hits = []
    document = normalize_document_number(query)
    if len(document) >= 4:
        holders = IdentityDocument.objects.filter(number_normalized=document).values("individual")
        hits += [SearchHit(i, 100.0, "document") for i in visible.filter(pk__in=holders)[:20]]
    digits = "".join(ch for ch in query if ch.isdigit())
    if len(digits) >= 6 and len(digits) >= len(query.replace(" ", "")) - 2:
        phone_owners = Phone.objects.filter(number__endswith=digits[-9:]).values("individual")
        found = {hit.individual.pk for hit in hits}
        hits += [
            SearchHit(i, 100.0, "phone")
            for i in visible.filter(pk__in=phone_owners)[:SEARCH_RESULT_LIMIT]
            if i.pk not in found
        ]
    return hits[:SEARCH_RESULT_LIMIT]


def _name_hits(visible: QuerySet[Individual], query: str) -> list[SearchHit]:
    keys = name_keys(query)
    if not keys:
        return []
    # Candidates share spelling-tolerant keys with the query, most keys first; among them the
    # closest spellings win. Only names travel to be scored, whole records only for the winners.
    wanted = max(1, len(keys) - 1) if len(keys) > 2 else 1
    candidate_ids = (
        NameKey.objects.filter(key__in=keys)
        .values("individual")
        .annotate(shared=Count("key"))
        .filter(shared__gte=wanted)
        .order_by("-shared")
        .values_list("individual", flat=True)[:NAME_CANDIDATE_LIMIT]
    )
    names = dict(visible.filter(pk__in=candidate_ids).values_list("pk", "search_name"))
    best = process.extract(
        fold(query), names, scorer=fuzz.token_set_ratio, limit=SEARCH_RESULT_LIMIT
    )
    scores = {pk: score for _name, score, pk in best}
    hits = [
        SearchHit(individual, scores[individual.pk], "name")
        for individual in visible.filter(pk__in=list(scores))
    ]
    hits.sort(key=lambda hit: (-hit.score, hit.individual.number))
    return hits


def _purpose(user: User) -> str:
    return str(user.purpose_for("registry.view") or "")
