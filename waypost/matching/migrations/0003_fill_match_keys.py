"""Match keys for the people registered before keys were written with each registration."""

from django.db import migrations


def fill_match_keys(apps, schema_editor):
    from waypost.matching.key_store import rebuild_match_keys

    rebuild_match_keys(
        individuals=apps.get_model("registry", "Individual"),
        keys=apps.get_model("matching", "MatchKey"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_match_keys"),
    ]

    operations = [
        # Backwards, the keys go with their table when 0002 is undone.
        migrations.RunPython(fill_match_keys, migrations.RunPython.noop),
    ]
