"""Stock over HTTP: the catalogue, warehouses and their balances, movements and the partner
pipeline, through the same selectors and services as the pages.

Refusals are 422 with one entry per field (`["body", "payload", "lines", 2]` for a shipment's
third line), nothing written.
"""

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from ninja import Router, Status
from ninja.errors import ValidationError as RequestInvalid

from waypost.core.api import REFUSALS, MessageOut
from waypost.core.permissions import AuthenticatedRequest, api_requires
from waypost.stock import schemas, selectors, services
from waypost.stock.models import ShipmentStatus

router = Router(tags=["stock"])
NOT_FOUND = {404: MessageOut}
REFUSED = {422: schemas.ValidationErrorsOut}
MOVEMENTS_PAGE_MAX = 500


def refused_as_422[T](work: Callable[[], T]) -> T:
    try:
        return work()
    except ValidationError as refused:
        raise RequestInvalid(schemas.field_errors(refused)) from None


@router.get("/items", response={200: list[schemas.ItemOut], **REFUSALS})
@api_requires("stock.view")
def list_items(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    return [schemas.item_out(item) for item in selectors.catalogue_items()]


def item_in(payload: schemas.ItemIn) -> services.ItemIn:
    sizes = [(size.code, size.label) for size in payload.sizes]
    return services.ItemIn(**payload.model_dump(exclude={"sizes"}), sizes=sizes)


@router.post("/items", response={201: schemas.ItemOut, **REFUSED, **REFUSALS})
@api_requires("stock.catalogue")
def create_item(request: AuthenticatedRequest, payload: schemas.ItemIn) -> Status[dict[str, Any]]:
    item = refused_as_422(lambda: services.create_item(by=request.user, item=item_in(payload)))
    return Status(201, schemas.item_out(item))


@router.post(
    "/items/{item_code}", response={200: schemas.ItemOut, **NOT_FOUND, **REFUSED, **REFUSALS}
)
@api_requires("stock.catalogue")
def update_item(
    request: AuthenticatedRequest, item_code: str, payload: schemas.ItemIn
) -> dict[str, Any]:
    """Correct an item; the code in the path is kept whatever the payload says."""
    item = selectors.get_item(item_code)
    new = item_in(payload)
    refused_as_422(lambda: services.update_item(by=request.user, item=item, new=new))
    return schemas.item_out(selectors.get_item(item_code))


@router.get("/kits", response={200: list[schemas.KitOut], **REFUSALS})
@api_requires("stock.view")
def list_kits(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    return [schemas.kit_out(kit) for kit in selectors.catalogue_kits()]


@router.post("/kits/{kit_code}", response={200: schemas.KitOut, **REFUSED, **REFUSALS})
@api_requires("stock.catalogue")
def save_kit(
    request: AuthenticatedRequest, kit_code: str, payload: schemas.KitIn
) -> dict[str, Any]:
    """Create the kit with this code, or replace its name, source and contents."""
    components = [(c.item, c.quantity) for c in payload.components]
    fields = payload.model_dump(exclude={"components"})
    refused_as_422(
        lambda: services.save_kit(by=request.user, code=kit_code, components=components, **fields)
    )
    return schemas.kit_out(selectors.get_kit(kit_code))


@router.get("/standards", response={200: list[schemas.StandardOut], **REFUSALS})
@api_requires("stock.view")
def list_standards(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    return [schemas.standard_out(standard) for standard in selectors.standard_quantities()]


@router.post(
    "/standards/{key}", response={200: schemas.StandardOut, **NOT_FOUND, **REFUSED, **REFUSALS}
)
@api_requires("stock.catalogue")
def change_standard(
    request: AuthenticatedRequest, key: str, payload: schemas.StandardChangeIn
) -> dict[str, Any]:
    """Change a planning figure: the new source and the reason are required."""
    standard = selectors.get_standard_quantity(key)
    changed = refused_as_422(
        lambda: services.change_standard_quantity(
            by=request.user, standard=standard, **payload.model_dump()
        )
    )
    return schemas.standard_out(changed)


@router.get("/warehouses", response={200: list[schemas.WarehouseOut], **REFUSALS})
@api_requires("stock.view")
def list_warehouses(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    return [schemas.warehouse_out(w) for w in selectors.warehouses_with_totals(request.user)]


@router.get(
    "/warehouses/{warehouse_code}/balances",
    response={200: list[schemas.BalanceOut], **NOT_FOUND, **REFUSALS},
)
@api_requires("stock.view")
def list_balances(request: AuthenticatedRequest, warehouse_code: str) -> list[dict[str, Any]]:
    """What the warehouse holds per item, size and lot; the lots of an item expiring first."""
    warehouse = selectors.get_warehouse_for(request.user, warehouse_code)
    return [schemas.balance_out(row) for row in selectors.warehouse_balances(warehouse)]


@router.get("/movements", response={200: list[schemas.MovementOut], **NOT_FOUND, **REFUSALS})
@api_requires("stock.view")
def list_movements(
    request: AuthenticatedRequest,
    warehouse: str = "",
    item: str = "",
    kind: str = "",
    since: date | None = None,
    until: date | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """The ledger (of one warehouse, or all), newest first, at most 500 movements a page."""
    which = selectors.LedgerFilter(item=item, kind=kind, since=since, until=until)
    if warehouse:
        movements = selectors.warehouse_ledger(
            selectors.get_warehouse_for(request.user, warehouse), which
        )
    else:
        movements = selectors.filtered_ledger(selectors.movements_visible_to(request.user), which)
    page = slice(max(offset, 0), max(offset, 0) + min(max(limit, 1), MOVEMENTS_PAGE_MAX))
    return [schemas.movement_out(m) for m in movements[page]]


def warehouse_by_code(request: AuthenticatedRequest, code: str, field: str) -> Any:
    warehouse = selectors.warehouses_visible_to(request.user).filter(code=code).first()
    if warehouse is None:
        raise ValidationError({field: gettext("There is no warehouse %(code)s.") % {"code": code}})
    return warehouse


@router.post("/movements", response={201: list[schemas.MovementOut], **REFUSED, **REFUSALS})
@api_requires("stock.move")
def create_movement(
    request: AuthenticatedRequest, payload: schemas.MovementIn
) -> Status[list[dict[str, Any]]]:
    """Receive, transfer, issue, return, write off or count: `kind` says which."""

    def record() -> list[Any]:
        warehouse = warehouse_by_code(request, payload.warehouse, "warehouse")
        destination = (
            warehouse_by_code(request, payload.destination, "destination")
            if payload.destination
            else None
        )
        fields = payload.model_dump(exclude={"warehouse", "destination"})
        return services.record_movement(
            by=request.user,
            warehouse=warehouse,
            destination=destination,
            movement=services.MovementIn(**fields),
        )

    return Status(201, [schemas.movement_out(m) for m in refused_as_422(record)])


def line_in(line: schemas.ShipmentLineIn) -> services.LineIn:
    return services.LineIn(**line.model_dump())


@router.get("/shipments", response={200: list[schemas.ShipmentOut], **REFUSALS})
@api_requires("stock.view")
def list_shipments(
    request: AuthenticatedRequest, status: str = "", site: str = ""
) -> list[dict[str, Any]]:
    """Shipments in the pipeline and received, soonest expected first."""
    shipments = selectors.shipments_visible_to(request.user).prefetch_related(
        "lines__item", "lines__size", "events__by"
    )
    if status:
        shipments = shipments.filter(status=status)
    if site:
        shipments = shipments.filter(warehouse__site__code=site)
    return [schemas.shipment_out(shipment) for shipment in shipments]


@router.post("/shipments", response={201: schemas.ShipmentOut, **REFUSED, **REFUSALS})
@api_requires("stock.move")
def pledge_shipment(
    request: AuthenticatedRequest, payload: schemas.ShipmentIn
) -> Status[dict[str, Any]]:
    """A partner's or donor's pledge, with its lines; it is in the pipeline from now on."""

    def pledge() -> Any:
        return services.pledge_shipment(
            by=request.user,
            warehouse=warehouse_by_code(request, payload.warehouse, "warehouse"),
            reference=payload.reference,
            expected_on=payload.expected_on,
            lines=[line_in(line) for line in payload.lines],
            partner=selectors.partner_by_code(payload.partner),
            donor=payload.donor,
        )

    shipment = refused_as_422(pledge)
    return Status(201, schemas.shipment_out(selectors.get_shipment_for(request.user, shipment.pk)))


@router.get(
    "/shipments/{shipment_id}", response={200: schemas.ShipmentOut, **NOT_FOUND, **REFUSALS}
)
@api_requires("stock.view")
def get_shipment(request: AuthenticatedRequest, shipment_id: UUID) -> dict[str, Any]:
    return schemas.shipment_out(selectors.get_shipment_for(request.user, shipment_id))


@router.post(
    "/shipments/{shipment_id}/lines",
    response={200: schemas.ShipmentOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("stock.move")
def update_pledge(
    request: AuthenticatedRequest, shipment_id: UUID, payload: schemas.PledgeUpdateIn
) -> dict[str, Any]:
    """Replace the lines (and expected date) of a shipment still only pledged."""
    shipment = selectors.get_shipment_for(request.user, shipment_id)
    lines = [line_in(line) for line in payload.lines]
    refused_as_422(
        lambda: services.update_pledge(
            by=request.user, shipment=shipment, lines=lines, expected_on=payload.expected_on
        )
    )
    return schemas.shipment_out(selectors.get_shipment_for(request.user, shipment_id))


@router.post(
    "/shipments/{shipment_id}/status",
    response={200: schemas.ShipmentOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("stock.move")
def change_shipment_status(
    request: AuthenticatedRequest, shipment_id: UUID, payload: schemas.StatusIn
) -> dict[str, Any]:
    """Mark the shipment in transit, arrived or cancelled (a cancellation needs a note)."""
    shipment = selectors.get_shipment_for(request.user, shipment_id)

    def change() -> Any:
        if payload.status not in ShipmentStatus.values:
            raise ValidationError(
                {"status": gettext("Unknown status %(s)s.") % {"s": payload.status}}
            )
        return services.change_shipment_status(
            by=request.user, shipment=shipment, status=payload.status, note=payload.note
        )

    refused_as_422(change)
    return schemas.shipment_out(selectors.get_shipment_for(request.user, shipment_id))


@router.post(
    "/shipments/{shipment_id}/receipt",
    response={200: schemas.ShipmentOut, **NOT_FOUND, **REFUSED, **REFUSALS},
)
@api_requires("stock.move")
def receive_shipment(
    request: AuthenticatedRequest, shipment_id: UUID, payload: schemas.ReceiptIn
) -> dict[str, Any]:
    """Take the shipment into stock as counted: every line, with a reason where it falls short."""
    shipment = selectors.get_shipment_for(request.user, shipment_id)
    counted = [
        services.ReceivedLine(line_id=line.line, **line.model_dump(exclude={"line"}))
        for line in payload.lines
    ]
    refused_as_422(
        lambda: services.receive_shipment(
            by=request.user, shipment=shipment, received_lines=counted, note=payload.note
        )
    )
    return schemas.shipment_out(selectors.get_shipment_for(request.user, shipment_id))


@router.get("/pipeline", response={200: list[schemas.PipelineOut], **REFUSALS})
@api_requires("stock.view")
def pipeline(
    request: AuthenticatedRequest, site: str = "", until: date | None = None
) -> list[dict[str, Any]]:
    """What open shipments will bring, per item, size, site and expected date."""
    site_ids = None
    if site:
        site_ids = list(
            selectors.warehouses_visible_to(request.user)
            .filter(site__code=site)
            .values_list("site_id", flat=True)
        )
    rows = selectors.pipeline_by_item(site_ids=site_ids, until=until)
    return [
        {
            "item": row.item_code,
            "size": row.size_code,
            "site_id": row.site_id,
            "expected_on": row.expected_on,
            "quantity": row.quantity,
        }
        for row in rows
    ]
