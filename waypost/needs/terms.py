"""One rule applied to one site: the terms it adds to the site's figures, arithmetic written out."""

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

from waypost.needs import disclosure, formulas, standards
from waypost.needs.figures import Conditions, Term, number
from waypost.needs.groups import WHO, Group, who_label
from waypost.needs.rules import Per, Period, Rule, boot_size_by_age
from waypost.needs.texts import _, choice_label
from waypost.sites.models import ShelterType, Site
from waypost.stock.models import Item, ItemSize, Unit

_AGE_RANGE = re.compile(r"^(\d+)-(\d+)$")
ADULT_SIZE = "adult"


@dataclass
class SiteContext:
    """What every rule at one site works from: its people by group and the period."""

    site: Site
    groups: list[Group]
    households: int
    period_days: int
    conditions: Conditions
    notes: list[str] = field(default_factory=list)


def period_text(rule: Rule, days: int) -> str:
    if rule.period == Period.ONCE:
        return _("once (a durable item: the length of the period does not change it)")
    if rule.period == Period.MONTH:
        return _("× %(days)s/%(month)s of a month") % {"days": days, "month": standards.MONTH_DAYS}
    return _("× %(days)s days") % {"days": days}


def simple_term(
    rule: Rule, item: Item, whom: str, count: int, days: int, *, sensitive: bool = False
) -> Term:
    """count × units × period; `sensitive`: the group is defined by protection details."""
    quantity = count * rule.units * rule.period_factor(days)

    def written(count_text: str, total_text: str) -> str:
        return _("%(count)s %(whom)s × %(units)s %(unit)s %(period)s = %(total)s") % {
            "count": count_text,
            "whom": whom,
            "units": number(rule.units),
            "unit": choice_label(Unit, item.unit),
            "period": period_text(rule, days),
            "total": total_text,
        }

    withheld = None
    if sensitive and disclosure.is_small(count):
        text = written(str(disclosure.shown(count)), disclosure.withheld_text())
        counts = ((whom, disclosure.shown(count)),)
        withheld = Term(rule, whom, counts, text, quantity, quantity_withheld=True)
    arithmetic = written(number(count), number(quantity))
    return Term(rule, whom, ((whom, count),), arithmetic, quantity, withheld)


def blanket_term(rule: Rule, chosen: Sequence[Group], context: SiteContext) -> Term:
    people = sum(group.people for group in chosen)
    site, night = context.site, context.conditions.night_c
    blankets = formulas.blankets_per_person(site.shelter_type, night)
    arithmetic = _(
        "Night %(night)s °C, %(shelter)s: people sleep at %(temperature)s °C and need insulation "
        "Rct %(needed)s; clothing gives %(clothing)s, one blanket %(blanket)s: "
        "ceil((%(needed)s − %(clothing)s) / %(blanket)s), at least %(minimum)s, = %(per)s per "
        "person; %(people)s people × %(per)s = %(total)s"
    ) % {
        "night": night,
        "shelter": choice_label(ShelterType, site.shelter_type),
        "temperature": blankets.temperature,
        "needed": f"{blankets.needed_rct:.2f}",
        "clothing": standards.CLOTHING_RCT,
        "blanket": standards.BLANKET_RCT,
        "minimum": standards.MINIMUM_BLANKETS,
        "per": blankets.per_person,
        "people": number(people),
        "total": number(people * blankets.per_person),
    }
    whom = who_label(rule.who)
    return Term(rule, whom, ((whom, people),), arithmetic, Fraction(people * blankets.per_person))


def food_term(rule: Rule, chosen: Sequence[Group], context: SiteContext) -> Term:
    mean, days = context.conditions.mean_c, context.period_days
    people = sum(group.people for group in chosen)
    pregnant = sum(group.people for group in chosen if group.is_pregnant)
    lactating = sum(group.people for group in chosen if group.is_lactating)
    cold = formulas.cold_kcal(mean)
    daily = people * (standards.KCAL_PER_PERSON_DAY + cold)
    daily += pregnant * standards.KCAL_PREGNANT + lactating * standards.KCAL_LACTATING
    cartons = formulas.cartons_for(daily * days)
    values = {
        "people": number(people),
        "base": number(standards.KCAL_PER_PERSON_DAY),
        "cold": cold,
        "mean": mean,
        "pregnant": number(pregnant),
        "kcal_pregnant": standards.KCAL_PREGNANT,
        "lactating": number(lactating),
        "kcal_lactating": standards.KCAL_LACTATING,
        "days": days,
        "kcal": number(daily * days),
        "rations": standards.CARTON_RATIONS,
        "carton": number(standards.CARTON_RATIONS * standards.KCAL_PER_PERSON_DAY),
        "total": number(cartons),
    }
    everyone = who_label(rule.who)
    counts = (
        (everyone, people),
        (_("pregnant women"), pregnant),
        (_("lactating women"), lactating),
    )
    term = Term(rule, everyone, counts, food_text(values), cartons)
    withheld = None
    if disclosure.is_small(pregnant) or disclosure.is_small(lactating):
        withheld = withheld_food_term(term, values, pregnant, lactating)
    return replace(term, withheld=withheld)


def withheld_food_term(
    term: Term, values: dict[str, object], pregnant: int, lactating: int
) -> Term:
    """The food term with small counts of pregnant and lactating women withheld, and the kcal
    total with them: it would tell those counts (285 and 500 kcal apiece)."""
    hidden = values | {
        "pregnant": str(disclosure.shown(pregnant)),
        "lactating": str(disclosure.shown(lactating)),
        "kcal": disclosure.withheld_text(),
    }
    everyone, pregnant_women, lactating_women = (group for group, _count in term.counts)
    counts = (
        term.counts[0],
        (pregnant_women, disclosure.shown(pregnant)),
        (lactating_women, disclosure.shown(lactating)),
    )
    return Term(term.rule, everyone, counts, food_text(hidden), term.quantity)


def food_text(values: dict[str, object]) -> str:
    return (
        _(
            "(%(people)s people × (%(base)s kcal + %(cold)s kcal for a mean of %(mean)s °C) + "
            "%(pregnant)s pregnant × %(kcal_pregnant)s kcal + %(lactating)s lactating × "
            "%(kcal_lactating)s kcal) × %(days)s days = %(kcal)s kcal; a carton holds %(rations)s "
            "rations of %(base)s kcal: %(kcal)s / %(carton)s = %(total)s cartons"
        )
        % values
    )


SizeChoice = tuple[ItemSize | None, str]  # the size, and how it was chosen


def jacket_size(sizes: Sequence[ItemSize]) -> Callable[[Group], SizeChoice]:
    """Sizes coded "a-b" fit ages a to under b years; "adult" fits everyone older."""
    ranges = [
        (int(match[1]), int(match[2]), size)
        for size in sizes
        if (match := _AGE_RANGE.match(size.code))
    ]
    oldest = max((high for _low, high, _size in ranges), default=0)
    adult = next((size for size in sizes if size.code == ADULT_SIZE), None)
    by_age = _("by age")

    def choose(group: Group) -> SizeChoice:
        for low, high, size in ranges:
            if low <= group.years < high:
                return size, by_age
        return (adult, by_age) if group.years >= oldest else (None, "")

    return choose


def boot_size(sizes: Sequence[ItemSize]) -> Callable[[Group], SizeChoice]:
    by_code = {size.code: size for size in sizes}
    table = boot_size_by_age()

    recorded, estimated = _("recorded"), _("estimated from age")

    def choose(group: Group) -> SizeChoice:
        if group.shoe_size:
            return by_code.get(group.shoe_size), recorded
        return by_code.get(table.get(group.years, "")), estimated

    return choose


def sized_terms(
    rule: Rule, item: Item, chosen: Sequence[Group], context: SiteContext, sizes: list[ItemSize]
) -> list[tuple[ItemSize | None, Term]]:
    choose = jacket_size(sizes) if rule.size_by == "age_band" else boot_size(sizes)
    counts: dict[ItemSize, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    unsized = 0
    for group in chosen:
        size, how = choose(group)
        if size is None:
            unsized += group.people
        else:
            counts[size][how] += group.people
    if unsized:
        context.notes.append(
            _("%(site)s: %(count)s of %(whom)s have no size of %(item)s in the catalogue")
            % {
                "site": context.site.code,
                "count": unsized,
                "whom": who_label(rule.who),
                "item": item,
            }
        )
    terms: list[tuple[ItemSize | None, Term]] = []
    for size, by_how in sorted(counts.items(), key=lambda pair: pair[0].order):
        whom = _("%(whom)s in size %(size)s") % {"whom": who_label(rule.who), "size": size.label}
        term = simple_term(rule, item, whom, sum(by_how.values()), context.period_days)
        detail = tuple((f"{whom} ({how})", count) for how, count in sorted(by_how.items()))
        terms.append((size, Term(rule, whom, detail, term.arithmetic, term.quantity)))
    return terms


def terms_for(
    rule: Rule, item: Item, context: SiteContext, sizes: list[ItemSize]
) -> list[tuple[ItemSize | None, Term]]:
    """The terms one rule adds at one site (none when nobody there is in its group)."""
    if rule.per == Per.HOUSEHOLD:
        if not context.households:
            return []
        whom = who_label("household")
        return [(None, simple_term(rule, item, whom, context.households, context.period_days))]
    chosen = [group for group in context.groups if WHO[rule.who](group)]
    if not chosen:
        return []
    if rule.formula == "blanket_insulation":
        return [(None, blanket_term(rule, chosen, context))]
    if rule.formula == "food_energy":
        return [(None, food_term(rule, chosen, context))]
    if rule.size_by:
        return sized_terms(rule, item, chosen, context, sizes)
    people = sum(group.people for group in chosen)
    whom = who_label(rule.who)
    sensitive = rule.who in disclosure.SENSITIVE_GROUPS
    return [(None, simple_term(rule, item, whom, people, context.period_days, sensitive=sensitive))]
