"""The kinds of sleeping place at a safe location, and which kind each person needs.

The kinds are disjoint: every bed counted at a location is of exactly one kind. Accessible
places and medical beds are in heated space, and a medical bed is accessible too, so a person
who needs both goes to a medical bed. Medical and accessible places are scarce, so they are kept
for the people who need them (our rule, ✗ not a standard: to be reviewed by the site
coordinators). Anyone without a need for heat, accessibility or medical care may sleep in a
heated or an unheated place.
"""

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class BedKind(models.TextChoices):
    UNHEATED = "unheated", _("Unheated place")
    HEATED = "heated", _("Heated place")
    ACCESSIBLE = "accessible", _("Accessible place")
    MEDICAL = "medical", _("Medical bed")


# What a person needs, most demanding first; ANY is a heated or an unheated place.
ANY = "any"
NEEDS = (BedKind.MEDICAL, BedKind.ACCESSIBLE, BedKind.HEATED, ANY)
# Residents who did not arrive through a recorded move are counted in the plainest beds first.
PLAINEST_FIRST = (BedKind.UNHEATED, BedKind.HEATED, BedKind.ACCESSIBLE, BedKind.MEDICAL)


def bed_need(*, needs_heated: bool, needs_accessible: bool, needs_medical: bool) -> str:
    """The one kind of place a person must have (a medical bed being accessible and heated)."""
    if needs_medical:
        return BedKind.MEDICAL
    if needs_accessible:
        return BedKind.ACCESSIBLE
    if needs_heated:
        return BedKind.HEATED
    return ANY


def fits(needs: Mapping[str, int], free: Mapping[str, int]) -> bool:
    """Whether people needing `needs` places by kind fit in `free` places by kind."""

    def of(kind: str) -> int:
        return max(free.get(kind, 0), 0)

    return (
        needs.get(BedKind.MEDICAL, 0) <= of(BedKind.MEDICAL)
        and needs.get(BedKind.ACCESSIBLE, 0) <= of(BedKind.ACCESSIBLE)
        and needs.get(BedKind.HEATED, 0) <= of(BedKind.HEATED)
        and needs.get(BedKind.HEATED, 0) + needs.get(ANY, 0)
        <= of(BedKind.HEATED) + of(BedKind.UNHEATED)
    )


def take_beds(needs: Mapping[str, int], free: dict[str, int]) -> dict[str, int]:
    """Places by kind for people who fit (`fits`), taken out of `free`.

    Those who need any place take unheated ones first, so heated places stay for those who
    need heat.
    """
    beds = {kind: needs.get(kind, 0) for kind in (BedKind.MEDICAL, BedKind.ACCESSIBLE)}
    anyone = needs.get(ANY, 0)
    unheated = min(anyone, max(free.get(BedKind.UNHEATED, 0), 0))
    beds[BedKind.UNHEATED] = unheated
    beds[BedKind.HEATED] = needs.get(BedKind.HEATED, 0) + anyone - unheated
    for kind, count in beds.items():
        free[kind] = free.get(kind, 0) - count
    return {str(kind): count for kind, count in beds.items() if count}


def describe_places(counts: Mapping[str, int]) -> str:
    """ "2 × Heated place, 1 × Medical bed": what a household needs or what is free."""
    labels = {**dict(BedKind.choices), ANY: gettext("Any place")}
    shown = [f"{count} × {labels[kind]}" for kind, count in counts.items() if count > 0]
    return ", ".join(shown) or gettext("none")


def assign_places(needs: Mapping[str, str], beds: Mapping[str, int]) -> dict[str, str]:
    """Each person's place: their own need, or for those needing any place, unheated first."""
    left = dict(beds)
    given: dict[str, str] = {}
    for person, need in sorted(needs.items()):
        if need != ANY:
            given[person] = need
            left[need] = left.get(need, 0) - 1
    for person, need in sorted(needs.items()):
        if need == ANY:
            kind = BedKind.UNHEATED if left.get(BedKind.UNHEATED, 0) > 0 else BedKind.HEATED
            given[person] = str(kind)
            left[kind] = left.get(kind, 0) - 1
    return given
