"""Entitlements: references checked once per plan instead of a foreign-key check per row, and
the partial unique indexes narrowed to the rows that can collide in them (same rules).

See the comments on `Entitlement`: a million rows cost most of a minute of per-row checks at
COMMIT on PostgreSQL; `allocation.store` checks the references of a plan's rows in one
statement per table.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("distribution", "0004_point_store_card_validity"),
        ("registry", "0004_people_by_site_covers_filter"),
        ("stock", "0004_movement_line_sum_index"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="entitlement",
            name="one_household_entitlement_per_size",
        ),
        migrations.RemoveConstraint(
            model_name="entitlement",
            name="one_person_entitlement_per_item",
        ),
        migrations.AlterField(
            model_name="entitlement",
            name="allocated_size",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="stock.itemsize",
            ),
        ),
        migrations.AlterField(
            model_name="entitlement",
            name="household",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registry.household",
            ),
        ),
        migrations.AlterField(
            model_name="entitlement",
            name="individual",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registry.individual",
            ),
        ),
        migrations.AlterField(
            model_name="entitlement",
            name="item",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="stock.item",
            ),
        ),
        migrations.AlterField(
            model_name="entitlement",
            name="plan",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="entitlements",
                to="distribution.distributionplan",
            ),
        ),
        migrations.AlterField(
            model_name="entitlement",
            name="size",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="stock.itemsize",
            ),
        ),
        migrations.AddConstraint(
            model_name="entitlement",
            constraint=models.UniqueConstraint(
                condition=models.Q(("individual__isnull", True), ("size__isnull", False)),
                fields=("plan", "household", "item", "size"),
                name="one_household_entitlement_per_size",
            ),
        ),
        migrations.AddConstraint(
            model_name="entitlement",
            constraint=models.UniqueConstraint(
                condition=models.Q(("individual__isnull", False), ("size__isnull", True)),
                fields=("plan", "household", "individual", "item"),
                name="one_person_entitlement_per_item",
            ),
        ),
    ]
