"""Reading the partner pipeline: shipments visible to a user, and what is still to come."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from waypost.core.models import Agency, User
from waypost.stock.models import OPEN_STATUSES, Shipment, ShipmentLine


def shipments_visible_to(user: User) -> QuerySet[Shipment]:
    """Like stock, the pipeline is shared across agencies for coordination."""
    if not user.can("stock.view"):
        return Shipment.objects.none()
    return Shipment.objects.select_related("partner", "warehouse__agency", "warehouse__site")


def partner_by_code(code: str) -> Agency | None:
    """The sending agency named in a pledge (agencies are known to every signed-in user)."""
    if not code:
        return None
    partner = Agency.objects.filter(code=code).first()
    if partner is None:
        raise ValidationError({"partner": _("There is no agency %(code)s.") % {"code": code}})
    return partner


def get_shipment_for(user: User, shipment_id: UUID | str) -> Shipment:
    """The shipment with its lines and events; 404 when missing or not visible."""
    try:
        return (
            shipments_visible_to(user)
            .prefetch_related("lines__item", "lines__size", "events__by")
            .get(pk=shipment_id)
        )
    except (Shipment.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such shipment.") from None


@dataclass(frozen=True)
class PipelineQuantity:
    """How many of one item and size are expected at one site on one date."""

    item_id: UUID
    item_code: str
    size_id: int | None
    size_code: str  # "" for an item without sizes
    site_id: UUID
    expected_on: date
    quantity: int


def pipeline_by_item(
    *, site_ids: Iterable[UUID | str] | None = None, until: date | None = None
) -> list[PipelineQuantity]:
    """What the partner pipeline will bring: open shipments (pledged, in transit, arrived but not
    yet received) per item, size, destination site and expected date, summed over shipments.

    `site_ids` None means every site; `until` None means whatever the date. A shipment already
    late (expected before today, still open) is included: it is still expected. Stock figures
    are not personal data and are shared across agencies for coordination, so this is not
    scoped to a user; pages and the API check `stock.view` before calling it.
    """
    lines = ShipmentLine.objects.filter(shipment__status__in=OPEN_STATUSES)
    if site_ids is not None:
        lines = lines.filter(shipment__warehouse__site_id__in=list(site_ids))
    if until is not None:
        lines = lines.filter(shipment__expected_on__lte=until)
    rows = (
        lines.values(
            "item_id",
            "item__code",
            "size_id",
            "size__code",
            "shipment__warehouse__site_id",
            "shipment__expected_on",
        )
        .annotate(total=Sum("quantity"))
        .order_by("item__code", "size__order", "shipment__expected_on")
    )
    return [
        PipelineQuantity(
            item_id=row["item_id"],
            item_code=row["item__code"],
            size_id=row["size_id"],
            size_code=row["size__code"] or "",
            site_id=row["shipment__warehouse__site_id"],
            expected_on=row["shipment__expected_on"],
            quantity=int(row["total"]),
        )
        for row in rows
    ]
