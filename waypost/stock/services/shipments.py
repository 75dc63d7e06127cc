"""The partner pipeline: pledging a shipment, following it, and receiving it into stock.

Who may act: staff of the agency whose warehouse the shipment goes to may do everything; staff
of the sending partner agency may pledge, correct the lines of a pledge, send it and cancel it,
but only the receiving agency says it arrived and receives it.

A shipment is received once. What did not arrive — short or damaged — is recorded on its line
with a reason, and the shipment leaves the pipeline: the rest, if it still comes, is a new
pledge. A receipt of more than a line brings is refused (the issue's rule): the partner must
pledge the extra, so the pipeline and the ledger keep agreeing.
"""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from waypost.core import audit
from waypost.core.models import Agency, User
from waypost.core.roles import Purpose
from waypost.stock.models import Shipment, ShipmentEvent, ShipmentLine, ShipmentStatus, Warehouse
from waypost.stock.services.shipment_lines import LineIn, build_lines

# Which status may follow which; receiving has its own service.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    # A local donor's truck may arrive with no word that it left.
    ShipmentStatus.PLEDGED: (
        ShipmentStatus.IN_TRANSIT,
        ShipmentStatus.ARRIVED,
        ShipmentStatus.CANCELLED,
    ),
    ShipmentStatus.IN_TRANSIT: (ShipmentStatus.ARRIVED, ShipmentStatus.CANCELLED),
    ShipmentStatus.ARRIVED: (),
    ShipmentStatus.RECEIVED: (),
    ShipmentStatus.CANCELLED: (),
}
# What the sending partner may do to its own pledge; the rest belongs to the receiving agency.
PARTNER_STATUSES = (ShipmentStatus.IN_TRANSIT, ShipmentStatus.CANCELLED)


def is_receiver(by: User, shipment: Shipment) -> bool:
    return by.agency_id is not None and by.agency_id == shipment.warehouse.agency_id


def check_sender_or_receiver(by: User, shipment: Shipment) -> None:
    if is_receiver(by, shipment):
        return
    if by.agency_id is None or by.agency_id != shipment.partner_id:
        raise ValidationError(
            _("Only staff of %(warehouse)s's agency or of the sending partner may do this.")
            % {"warehouse": shipment.warehouse.name}
        )


def check_receiver(by: User, shipment: Shipment) -> None:
    if not is_receiver(by, shipment):
        raise ValidationError(
            _("Only staff of the agency holding %(warehouse)s may receive into it.")
            % {"warehouse": shipment.warehouse.name}
        )


def record_event(*, by: User, shipment: Shipment, status: str, note: str = "") -> None:
    ShipmentEvent.objects.create(shipment=shipment, status=status, by=by, note=note)
    audit.record(
        actor=by,
        action=f"shipment.{status}",
        subject=shipment,
        purpose=Purpose.LOGISTICS,
        reference=shipment.reference,
        note=note,
    )


def check_sender(*, by: User, partner: Agency | None, donor: str, warehouse: Warehouse) -> None:
    if partner is None and not donor.strip():
        raise ValidationError({"partner": _("Name the partner agency or the donor.")})
    if partner is not None and donor.strip():
        raise ValidationError({"donor": _("Name either a partner agency or a donor, not both.")})
    own = by.agency_id is not None and by.agency_id in (
        warehouse.agency_id,
        getattr(partner, "pk", None),
    )
    if not own:
        raise ValidationError(
            _("Pledge to %(warehouse)s as its agency's staff or as the sending partner.")
            % {"warehouse": warehouse.name}
        )


@transaction.atomic(durable=True)
def pledge_shipment(
    *,
    by: User,
    warehouse: Warehouse,
    reference: str,
    expected_on: date,
    lines: Sequence[LineIn],
    partner: Agency | None = None,
    donor: str = "",
) -> Shipment:
    """A shipment a partner or donor promises, with its lines, in the pipeline from now on."""
    check_sender(by=by, partner=partner, donor=donor, warehouse=warehouse)
    reference = reference.strip()
    if not reference:
        raise ValidationError({"reference": _("Give the pledge or waybill reference.")})
    if Shipment.objects.filter(reference=reference).exists():
        raise ValidationError({"reference": _("A shipment %(ref)s exists.") % {"ref": reference}})
    built = build_lines(lines)
    shipment = Shipment.objects.create(
        reference=reference,
        partner=partner,
        donor=donor.strip(),
        warehouse=warehouse,
        expected_on=expected_on,
        created_by=by,
    )
    for line in built:
        line.shipment = shipment
    ShipmentLine.objects.bulk_create(built)
    record_event(by=by, shipment=shipment, status=ShipmentStatus.PLEDGED)
    return shipment


def locked(shipment: Shipment) -> Shipment:
    """The shipment row, locked, so two people changing it at once take turns.

    Only the shipment's own row: locking the joined warehouse too would block every movement
    written to that warehouse (their foreign key check) and deadlock with the balance locks.
    """
    return (
        Shipment.objects.select_for_update(of=("self",))
        .select_related("warehouse")
        .get(pk=shipment.pk)
    )


@transaction.atomic(durable=True)
def update_pledge(
    *, by: User, shipment: Shipment, lines: Sequence[LineIn], expected_on: date | None = None
) -> Shipment:
    """Replace the lines (and the expected date) of a shipment that is still only pledged."""
    shipment = locked(shipment)
    check_sender_or_receiver(by, shipment)
    if shipment.status != ShipmentStatus.PLEDGED:
        raise ValidationError(
            _("Shipment %(ref)s is %(status)s: only a pledge can be changed.")
            % {"ref": shipment.reference, "status": shipment.get_status_display()}
        )
    built = build_lines(lines)
    shipment.lines.all().delete()
    for line in built:
        line.shipment = shipment
    ShipmentLine.objects.bulk_create(built)
    if expected_on is not None:
        shipment.expected_on = expected_on
        shipment.save(update_fields=["expected_on", "updated_at"])
    audit.record(
        actor=by,
        action="shipment.updated",
        subject=shipment,
        purpose=Purpose.LOGISTICS,
        reference=shipment.reference,
        lines=[str(line) for line in built],
        expected_on=str(shipment.expected_on),
    )
    return shipment


def check_transition(shipment: Shipment, status: str) -> None:
    if status not in NEXT_STATUSES[shipment.status]:
        raise ValidationError(
            _("Shipment %(ref)s is %(current)s; it cannot become %(next)s.")
            % {
                "ref": shipment.reference,
                "current": shipment.get_status_display(),
                "next": ShipmentStatus(status).label,
            }
        )


@transaction.atomic(durable=True)
def change_shipment_status(
    *, by: User, shipment: Shipment, status: str, note: str = ""
) -> Shipment:
    """Mark a shipment in transit, arrived or cancelled (receiving is `receive_shipment`)."""
    shipment = locked(shipment)
    if status in PARTNER_STATUSES:
        check_sender_or_receiver(by, shipment)
    else:
        check_receiver(by, shipment)
    check_transition(shipment, status)
    if status == ShipmentStatus.CANCELLED and not note.strip():
        raise ValidationError({"note": _("Say why the shipment is cancelled.")})
    shipment.status = status
    shipment.save(update_fields=["status", "updated_at"])
    record_event(by=by, shipment=shipment, status=status, note=note.strip())
    return shipment
