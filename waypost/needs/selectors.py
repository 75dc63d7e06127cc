"""Reading needs and the gap: the population by group, the rules, stock and pipeline.

The needs figures are counts over the whole registry at the chosen sites, never records of
people: everyone there needs soap whichever agency registered them. They are shown to holders
of `stock.view`, who plan supply; no personal record is read or served, so nothing is audited.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from uuid import UUID

from django.db.models import Sum
from django.utils.translation import gettext as _

from waypost.core.models import User
from waypost.needs import disclosure
from waypost.needs.figures import Conditions, Figure, Needs
from waypost.needs.gap import GapRow, StockKey, gap_rows
from waypost.needs.groups import Group, households_per_site, population
from waypost.needs.models import RecordedSize
from waypost.needs.rules import all_rules
from waypost.needs.terms import SiteContext, terms_for
from waypost.registry.models import Individual
from waypost.sites.models import Site
from waypost.stock.models import Item, ItemSize, StockBalance
from waypost.stock.selectors import pipeline_by_item


def catalogue() -> tuple[dict[UUID, Item], dict[int, ItemSize]]:
    """Every item and size by primary key (the catalogue is small)."""
    items = {item.pk: item for item in Item.objects.all()}
    sizes = {size.pk: size for size in ItemSize.objects.all()}
    return items, sizes


FigureKey = tuple[UUID, UUID, int | None]  # site, item, size


def compute_needs(*, sites: Sequence[Site], period_days: int, conditions: Conditions) -> Needs:
    """Per site, item and size, the need over the period, each figure with its explanation."""
    site_ids = [site.pk for site in sites]
    by_site: dict[UUID, list[Group]] = defaultdict(list)
    for group in population(site_ids, conditions.on):
        by_site[group.site_id].append(group)
    households = households_per_site(site_ids)
    items, sizes = catalogue()
    sizes_of: dict[UUID, list[ItemSize]] = defaultdict(list)
    for size in sorted(sizes.values(), key=lambda size: size.order):
        sizes_of[size.item_id].append(size)
    figures: dict[FigureKey, Figure] = {}
    notes: list[str] = []
    for site in sites:
        context = SiteContext(
            site, by_site[site.pk], households.get(site.pk, 0), period_days, conditions
        )
        add_site_figures(context, items, sizes_of, figures)
        notes += context.notes
    found = [figure for figure in figures.values() if figure.quantity > 0]
    return Needs(list(sites), period_days, conditions, found, list(dict.fromkeys(notes)))


def add_site_figures(
    context: SiteContext,
    items: dict[UUID, Item],
    sizes_of: dict[UUID, list[ItemSize]],
    figures: dict[FigureKey, Figure],
) -> None:
    """Apply every rule at one site, adding its terms to the site's figures."""
    by_code = {item.code: item for item in items.values()}
    site = context.site
    for rule in all_rules():
        item = by_code.get(rule.item)
        if item is None:
            context.notes.append(_("No item %(code)s in the catalogue.") % {"code": rule.item})
            continue
        if not rule.applies(shelter_type=site.shelter_type, night_c=context.conditions.night_c):
            continue
        for size, term in terms_for(rule, item, context, sizes_of[item.pk]):
            key = (site.pk, item.pk, size.pk if size else None)
            figures.setdefault(key, Figure(site, item, size)).terms.append(term)


def shown_to(needs: Needs, reader: User) -> Needs:
    """The needs as this user may read them: small counts of protection-sensitive groups
    withheld unless the user may see protection details (`waypost.needs.disclosure`)."""
    if reader.can(disclosure.PROTECTION_PERMISSION):
        return needs
    figures = [
        Figure(figure.site, figure.item, figure.size, [t.withheld or t for t in figure.terms])
        for figure in needs.figures
    ]
    return replace(needs, figures=figures)


def stock_at(site_ids: Sequence[UUID]) -> dict[StockKey, int]:
    """What the warehouses at the sites hold, per item and size (all lots together)."""
    rows = (
        StockBalance.objects.filter(warehouse__site_id__in=list(site_ids), quantity__gt=0)
        .values("item_id", "size_id")
        .annotate(held=Sum("quantity"))
        .order_by()
    )
    return {(row["item_id"], row["size_id"]): int(row["held"]) for row in rows}


def gap_for(needs: Needs) -> list[GapRow]:
    """Need, stock and every open shipment to the sites' warehouses, per item and size."""
    site_ids = [site.pk for site in needs.sites]
    items, sizes = catalogue()
    pipeline = [
        ((line.item_id, line.size_id), line.expected_on, line.quantity)
        for line in pipeline_by_item(site_ids=site_ids)
    ]
    return gap_rows(needs, stock=stock_at(site_ids), pipeline=pipeline, items=items, sizes=sizes)


def recorded_sizes_of(individual: Individual) -> dict[str, str]:
    """The sizes recorded for a person the caller has already fetched through a scoped
    selector (`registry.selectors.get_individual_for`), by size system."""
    rows = RecordedSize.objects.filter(individual=individual).values_list("size_system", "code")
    return dict(rows)


def size_choices(size_system: str) -> list[tuple[str, str]]:
    """The sizes the catalogue has in a size system, as (code, label), smallest first."""
    rows = (
        ItemSize.objects.filter(item__size_system=size_system)
        .order_by("order", "code")
        .values_list("code", "label")
    )
    return list(dict(rows).items())
