from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from waypost.core.models import AuditEvent
from waypost.stock.models import Item, Kit, StandardQuantity
from waypost.stock.services import (
    ItemIn,
    change_standard_quantity,
    create_item,
    receive_stock,
    save_kit,
    update_item,
)

WINTER_BOOTS = ItemIn(
    code="adult-boots",
    name="Adult winter boots",
    unit="pair",
    category="winterization",
    size_system="eu_shoe",
    sizes=[("EU40", "EU 40"), ("EU42", "EU 42")],
)


def test_a_logistician_adds_a_sized_item_and_it_is_audited(redcross_logistician):
    item = create_item(by=redcross_logistician, item=WINTER_BOOTS)

    assert list(item.sizes.values_list("code", "label")) == [("EU40", "EU 40"), ("EU42", "EU 42")]
    assert AuditEvent.objects.filter(action="created", subject_id=str(item.pk)).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "Adult Boots"}, "code"),
        ({"code": "blanket-high-thermal"}, "code"),
        ({"name": " "}, "name"),
        ({"unit": "litre"}, "unit"),
        ({"category": "shelter"}, "category"),
        ({"size_system": "us_shoe"}, "size_system"),
        ({"sizes": []}, "sizes"),
        ({"size_system": "", "sizes": [("S", "S")]}, "sizes"),
        ({"sizes": [("EU40", "a"), ("EU40", "b")]}, "sizes"),
    ],
)
def test_a_bad_item_is_refused_naming_the_field(redcross_logistician, changes, field):
    before = Item.objects.count()

    with pytest.raises(ValidationError) as refused:
        create_item(by=redcross_logistician, item=ItemIn(**{**WINTER_BOOTS.__dict__, **changes}))

    assert field in refused.value.message_dict
    assert Item.objects.count() == before


def test_an_item_is_corrected_and_a_size_added_with_the_change_audited(redcross_logistician):
    item = create_item(by=redcross_logistician, item=WINTER_BOOTS)
    sizes = [*WINTER_BOOTS.sizes, ("EU44", "EU 44")]

    update_item(
        by=redcross_logistician,
        item=item,
        new=ItemIn(**{**WINTER_BOOTS.__dict__, "name": "Winter boots", "sizes": sizes}),
    )

    item.refresh_from_db()
    assert item.name == "Winter boots"
    assert item.sizes.count() == 3
    event = AuditEvent.objects.get(action="updated", subject_id=str(item.pk))
    assert event.fields["name"] == ["Adult winter boots", "Winter boots"]


def test_the_unit_of_an_item_with_movements_cannot_change(redcross_logistician, main_store):
    receive_stock(
        by=redcross_logistician,
        warehouse=main_store,
        item="gloves",
        quantity=5,
        unit="pair",
        reference="R-1",
    )
    gloves = Item.objects.get(code="gloves")
    new = ItemIn(code="gloves", name="Gloves", unit="piece", category="winterization")

    with pytest.raises(ValidationError, match="has stock movements"):
        update_item(by=redcross_logistician, item=gloves, new=new)

    gloves.refresh_from_db()
    assert gloves.unit == "pair"


def test_a_kit_is_saved_with_its_components_and_source(redcross_logistician):
    kit = save_kit(
        by=redcross_logistician,
        code="baby-kit",
        name="Baby kit",
        source="Waypost operation (not a standard)",
        verification="✗",
        components=[("nappies", 3), ("soap-bathing-250g", 1)],
    )

    assert dict(kit.components.values_list("item__code", "quantity")) == {
        "nappies": 3,
        "soap-bathing-250g": 1,
    }
    assert AuditEvent.objects.get(subject_id=str(kit.pk)).details["components"]["nappies"] == 3


@pytest.mark.parametrize(
    ("components", "message"),
    [
        ([], "at least one item"),
        ([("tent", 1)], "no item tent"),
        ([("nappies", 0)], "whole number above zero"),
        ([("nappies", 1), ("nappies", 2)], "Name each item once"),
    ],
)
def test_a_bad_kit_is_refused_and_the_old_contents_kept(redcross_logistician, components, message):
    with pytest.raises(ValidationError, match=message):
        save_kit(
            by=redcross_logistician,
            code="winter-kit",
            name="Winter kit",
            source="x",
            verification="✗",
            components=components,
        )

    assert Kit.objects.get(code="winter-kit").components.count() == 4


def test_a_standard_quantity_changes_only_with_a_source_and_a_reason(redcross_logistician):
    soap = StandardQuantity.objects.get(key="soap_laundry_g_pppm")
    common = {"by": redcross_logistician, "standard": soap, "value_max": None, "verification": "◐"}

    with pytest.raises(ValidationError) as refused:
        change_standard_quantity(**common, value=Decimal(250), source="", reason="")
    assert set(refused.value.message_dict) == {"source", "reason"}

    change_standard_quantity(
        **common, value=Decimal(250), source="IndiKit hygiene kit guidance", reason="IndiKit"
    )
    event = AuditEvent.objects.get(action="updated", subject_id=str(soap.pk))
    assert event.fields["value"] == ["200.00", "250"]


def test_a_changed_standard_quantity_survives_the_next_migration(redcross_logistician):
    soap = StandardQuantity.objects.get(key="soap_laundry_g_pppm")
    change_standard_quantity(
        by=redcross_logistician,
        standard=soap,
        value=Decimal(250),
        value_max=None,
        source="IndiKit",
        reason="partners' kits hold 250 g",
        verification="◐",
    )

    call_command("migrate", verbosity=0)

    soap.refresh_from_db()
    assert (soap.value, soap.source) == (Decimal(250), "IndiKit")
    assert StandardQuantity.objects.get(key="soap_bathing_g_pppm").changed_reason == ""


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal(-1)])
def test_a_standard_quantity_must_be_a_finite_figure(redcross_logistician, value):
    water = StandardQuantity.objects.get(key="water_l_pppd")

    with pytest.raises(ValidationError, match="at least zero"):
        change_standard_quantity(
            by=redcross_logistician,
            standard=water,
            value=value,
            value_max=None,
            source="x",
            reason="y",
            verification="✗",
        )
