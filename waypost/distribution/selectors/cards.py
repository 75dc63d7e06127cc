"""What printed household cards show, read as the person printing them may see it."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404

from waypost.core import audit
from waypost.core.models import User
from waypost.distribution import tokens
from waypost.distribution.card_pdf import PrintedCard
from waypost.distribution.models import CardStatus, HouseholdCard
from waypost.registry.models import Household, Individual, Relationship
from waypost.registry.selectors import households_visible_to
from waypost.sites.models import Site

PRINTED_FIELDS = (
    "number",
    "given_name",
    "father_name",
    "family_name",
    "given_name_native",
    "family_name_native",
)


def printed_cards(user: User, cards: Sequence[HouseholdCard]) -> list[PrintedCard]:
    """One printable card per card given; the head's name only for households the user may see.

    Each head named on a card is an audited view.
    """
    if not user.can("distribution.cards"):
        return []
    household_ids = [card.household_id for card in cards]
    visible = set(
        households_visible_to(user).filter(pk__in=household_ids).values_list("pk", flat=True)
    )
    people = Individual.objects.current().filter(household_id__in=household_ids)
    sizes = Counter(people.values_list("household_id", flat=True))
    heads = {
        head.household_id: head
        for head in people.filter(relationship=Relationship.HEAD, household_id__in=visible)
    }
    audit.record_views(
        actor=user,
        subjects=list(heads.values()),
        purpose=str(user.purpose_for("distribution.cards") or ""),
        fields=PRINTED_FIELDS,
        via="household card",
    )
    printed = []
    for card in cards:
        head = heads.get(card.household_id)
        printed.append(
            PrintedCard(
                household_number=card.household.number,
                head_name=head.full_name if head else "",
                head_name_native=head.full_name_native if head else "",
                household_size=sizes[card.household_id],
                site=card.household.site.name,
                token=tokens.sign(card.key),
                short_code=tokens.short_code(card.key),
                version=card.version,
            )
        )
    return printed


def get_household_for_cards(user: User, household_id: str) -> Household:
    """A household the user may see, for its card page; 404 otherwise."""
    try:
        return households_visible_to(user).select_related("site").get(pk=household_id)
    except (Household.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such household.") from None


def cards_of(household: Household) -> list[HouseholdCard]:
    """Every card the household was given, the newest first, with who issued it."""
    cards = HouseholdCard.objects.filter(household=household)
    return list(cards.select_related("issued_by").order_by("-version"))


@dataclass(frozen=True)
class SiteCards:
    site: Site
    households: int
    with_card: int


def sites_for_cards() -> list[SiteCards]:
    """Each site with households, and how many of them hold an active card."""
    sites = (
        Site.objects.annotate(
            household_count=Count("households", distinct=True),
            carded=Count(
                "households",
                filter=Q(households__cards__status=CardStatus.ACTIVE),
                distinct=True,
            ),
        )
        .filter(household_count__gt=0)
        .order_by("name")
    )
    return [SiteCards(site, site.household_count, site.carded) for site in sites]


def get_site(site_id: str) -> Site:
    try:
        return Site.objects.get(pk=site_id)
    except (Site.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such site.") from None
