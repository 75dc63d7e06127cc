"""Logisticians keep the item catalogue: items and their sizes, kits, and the standard quantities.

Once stock of an item has moved, its unit, size system and lots are fixed: changing them would
change the meaning of every movement already written. A standard quantity is reference data;
changing one needs a source and a reason, and the changed row is no longer brought in line with
the data file after a migration (`waypost.stock.catalogue`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import User
from waypost.core.roles import Purpose
from waypost.stock.models import (
    Category,
    Item,
    ItemSize,
    Kit,
    KitComponent,
    SizeSystem,
    StandardQuantity,
    StockMovement,
    Unit,
)

VERIFICATION_MARKS = ("✅", "◐", "✗")


@dataclass(frozen=True)
class ItemIn:
    code: str
    name: str
    unit: str
    category: str
    size_system: str = SizeSystem.NONE
    tracks_expiry: bool = False
    sizes: Sequence[tuple[str, str]] = ()  # (code, label), smallest first


def check_item(item: ItemIn) -> None:
    errors: dict[str, str] = {}
    if not item.code or slugify(item.code) != item.code:
        errors["code"] = _("Use lower-case letters, digits and hyphens, e.g. winter-boots.")
    if not item.name.strip():
        errors["name"] = _("Give the item a name.")
    if item.unit not in Unit.values:
        errors["unit"] = _("Count in one of: %(units)s.") % {"units": ", ".join(Unit.values)}
    if item.category not in Category.values:
        errors["category"] = _("Choose one of: %(c)s.") % {"c": ", ".join(Category.values)}
    if item.size_system not in SizeSystem.values:
        errors["size_system"] = _("Unknown size system %(s)s.") % {"s": item.size_system}
    elif item.size_system and not item.sizes:
        errors["sizes"] = _("A sized item needs at least one size.")
    elif not item.size_system and item.sizes:
        errors["sizes"] = _("Choose a size system for an item with sizes.")
    codes = [code.strip() for code, _label in item.sizes]
    if any(not code for code in codes) or len(set(codes)) != len(codes):
        errors["sizes"] = _("Each size needs its own code.")
    if errors:
        raise ValidationError(errors)


def item_changes(item: Item, new: ItemIn) -> dict[str, list[object]]:
    fields = ("name", "unit", "category", "size_system", "tracks_expiry")
    return {
        name: [getattr(item, name), getattr(new, name)]
        for name in fields
        if getattr(item, name) != getattr(new, name)
    }


def check_fixed_once_moved(item: Item, changes: dict[str, list[object]]) -> None:
    fixed = {"unit", "size_system", "tracks_expiry"} & set(changes)
    if fixed and StockMovement.objects.filter(item=item).exists():
        raise ValidationError(
            {
                name: _("%(item)s has stock movements; this can no longer change.")
                % {"item": item.name}
                for name in sorted(fixed)
            }
        )


def save_sizes(item: Item, sizes: Sequence[tuple[str, str]]) -> None:
    """Add new sizes and relabel known ones; a size in use is never removed."""
    wanted = {code.strip(): (order, label.strip()) for order, (code, label) in enumerate(sizes)}
    for size in item.sizes.exclude(code__in=wanted):
        if StockMovement.objects.filter(size=size).exists():
            raise ValidationError(
                {"sizes": _("Size %(size)s has stock movements; keep it.") % {"size": size.code}}
            )
        size.delete()
    for code, (order, label) in wanted.items():
        ItemSize.objects.update_or_create(
            item=item, code=code, defaults={"label": label or code, "order": order}
        )


@transaction.atomic(durable=True)
def create_item(*, by: User, item: ItemIn) -> Item:
    check_item(item)
    if Item.objects.filter(code=item.code).exists():
        raise ValidationError({"code": _("An item %(code)s exists.") % {"code": item.code}})
    created = Item.objects.create(
        code=item.code,
        name=item.name.strip(),
        unit=item.unit,
        category=item.category,
        size_system=item.size_system,
        tracks_expiry=item.tracks_expiry,
    )
    save_sizes(created, item.sizes)
    audit.record(actor=by, action="created", subject=created, purpose=Purpose.LOGISTICS)
    return created


@transaction.atomic(durable=True)
def update_item(*, by: User, item: Item, new: ItemIn) -> Item:
    """Correct an item; its code stays (movements and data files name it)."""
    check_item(ItemIn(**{**new.__dict__, "code": item.code}))
    changes = item_changes(item, new)
    check_fixed_once_moved(item, changes)
    for name, (_old, value) in changes.items():
        setattr(item, name, value)
    item.name = item.name.strip()
    item.save()
    save_sizes(item, new.sizes)
    changes["sizes"] = ["", "|".join(code for code, _label in new.sizes)]
    audit.record(
        actor=by, action="updated", subject=item, purpose=Purpose.LOGISTICS, fields=changes
    )
    return item


def kit_components(components: Sequence[tuple[str, int]]) -> list[tuple[Item, int]]:
    if not components:
        raise ValidationError({"components": _("A kit holds at least one item.")})
    items = {item.code: item for item in Item.objects.filter(code__in=[c for c, _q in components])}
    errors: list[str] = []
    for code, quantity in components:
        if code not in items:
            errors.append(_("There is no item %(code)s in the catalogue.") % {"code": code})
        elif isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            errors.append(_("%(item)s: give a whole number above zero.") % {"item": code})
    if len({code for code, _q in components}) != len(components):
        errors.append(_("Name each item once."))
    if errors:
        raise ValidationError({"components": errors})
    return [(items[code], quantity) for code, quantity in components]


def check_kit(*, name: str, source: str, verification: str) -> None:
    errors = {}
    if not name.strip():
        errors["name"] = _("Give the kit a name.")
    if not source.strip():
        errors["source"] = _("Name where the kit's contents come from.")
    if verification not in VERIFICATION_MARKS:
        errors["verification"] = _("Mark it ✅, ◐ or ✗.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic(durable=True)
def save_kit(
    *,
    by: User,
    code: str,
    name: str,
    source: str,
    verification: str,
    components: Sequence[tuple[str, int]],
) -> Kit:
    """Create a kit, or replace the name, source and contents of the kit with this code."""
    if not code or slugify(code) != code:
        raise ValidationError({"code": _("Use lower-case letters, digits and hyphens.")})
    check_kit(name=name, source=source, verification=verification)
    contents = kit_components(components)
    kit, created = Kit.objects.update_or_create(
        code=code,
        defaults={"name": name.strip(), "source": source.strip(), "verification": verification},
    )
    kit.components.all().delete()
    KitComponent.objects.bulk_create(
        KitComponent(kit=kit, item=item, quantity=quantity) for item, quantity in contents
    )
    audit.record(
        actor=by,
        action="created" if created else "updated",
        subject=kit,
        purpose=Purpose.LOGISTICS,
        components={item.code: quantity for item, quantity in contents},
    )
    return kit


def check_standard_change(
    *, value: Decimal, value_max: Decimal | None, source: str, reason: str, verification: str
) -> None:
    errors = {}
    finite = value.is_finite() and (value_max is None or value_max.is_finite())
    if not finite or value < 0 or (value_max is not None and value_max < value):
        errors["value"] = _("The value is at least zero and not above the maximum.")
    if not source.strip():
        errors["source"] = _("Name the source of the new figure.")
    if not reason.strip():
        errors["reason"] = _("Say why the figure changes.")
    if verification not in VERIFICATION_MARKS:
        errors["verification"] = _("Mark it ✅, ◐ or ✗.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic(durable=True)
def change_standard_quantity(
    *,
    by: User,
    standard: StandardQuantity,
    value: Decimal,
    value_max: Decimal | None,
    source: str,
    reason: str,
    verification: str,
) -> StandardQuantity:
    """A planning figure changed on purpose: with the source it now comes from and why."""
    check_standard_change(
        value=value, value_max=value_max, source=source, reason=reason, verification=verification
    )
    changes = {
        "value": [str(standard.value), str(value)],
        "value_max": [str(standard.value_max), str(value_max)],
        "source": [standard.source, source.strip()],
        "verification": [standard.verification, verification],
    }
    standard.value, standard.value_max = value, value_max
    standard.source, standard.verification = source.strip(), verification
    standard.changed_reason = reason.strip()
    standard.save()
    audit.record(
        actor=by,
        action="updated",
        subject=standard,
        purpose=Purpose.LOGISTICS,
        fields=changes,
        reason=reason.strip(),
    )
    return standard
