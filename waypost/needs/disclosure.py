"""Small counts of protection-sensitive groups, withheld from readers who may not see protection.

The explanations count people by group. Distribution staff and site coordinators plan supply
(`stock.view`) but may not see pregnancy, lactation or specific needs on anyone's record
(`registry.view_protection`); at a small site "pregnant women: 1" would tell them who is
pregnant. For them such counts below SMALL_COUNT are shown as "fewer than SMALL_COUNT", and the
numbers worked out from them in the arithmetic are withheld too.
"""

from dataclasses import dataclass

from waypost.needs.texts import _

# Ours: standards.md section 5.2 item 3 asks for small-cell suppression in aggregated figures
# (threshold to choose, "e.g. < 5"); 5 is the threshold commonly used for humanitarian
# statistics. Zero is withheld too, so that "fewer than 5" does not tell 0 from 1.
SMALL_COUNT = 5
# The permission that lets a reader see the exact counts: the one that shows the details.
PROTECTION_PERMISSION = "registry.view_protection"
# The rules' groups defined by protection details (pregnancy, lactation, specific needs).
SENSITIVE_GROUPS = frozenset({"extra_bedding"})


@dataclass(frozen=True)
class FewerThan:
    """A count withheld because it is small; shown as "fewer than 5"."""

    limit: int

    def __str__(self) -> str:
        return _("fewer than %(limit)s") % {"limit": self.limit}


Shown = int | FewerThan


def is_small(count: int) -> bool:
    return count < SMALL_COUNT


def shown(count: int) -> Shown:
    """The count, or "fewer than SMALL_COUNT" when it is small."""
    return FewerThan(SMALL_COUNT) if is_small(count) else count


def withheld_text() -> str:
    """What stands in the arithmetic for a number worked out from a withheld count."""
    return _("(withheld: small numbers)")
