from decimal import Decimal

from waypost.stock.models import Item, Kit, StandardQuantity


def test_every_standard_quantity_names_its_source_edition_and_verification(db):
    rows = list(StandardQuantity.objects.all())

    assert len(rows) >= 10
    assert all(row.source and row.edition and row.verification in "✅◐✗" for row in rows)


def test_the_sphere_soap_figures_are_loaded_as_the_standard_gives_them(db):
    bathing = StandardQuantity.objects.get(key="soap_bathing_g_pppm")
    laundry = StandardQuantity.objects.get(key="soap_laundry_g_pppm")

    assert (bathing.value, bathing.unit, bathing.per, bathing.period) == (
        Decimal("250"),
        "g",
        "person",
        "month",
    )
    assert laundry.value == Decimal("200")
    assert bathing.edition == "Sphere 2011"


def test_childrens_boots_come_in_eu_sizes_and_jackets_in_age_bands(db):
    boots = Item.objects.get(code="children-boots")
    jacket = Item.objects.get(code="winter-jacket")

    assert boots.is_sized and boots.size_system == "eu_shoe"
    assert "EU28" in boots.sizes.values_list("code", flat=True)
    assert list(jacket.sizes.values_list("code", flat=True))[:2] == ["0-2", "2-5"]
    assert not Item.objects.get(code="gloves").is_sized


def test_the_four_kits_exist_and_the_winter_kit_follows_the_unhcr_package(db):
    kits = set(Kit.objects.values_list("code", flat=True))
    winter = Kit.objects.get(code="winter-kit")

    assert kits == {
        "children-hygiene-kit",
        "womens-dignity-kit",
        "family-food-parcel",
        "winter-kit",
    }
    blankets = winter.components.get(item__code="blanket-high-thermal")
    assert blankets.quantity == 5
    assert "UNHCR" in winter.source
