"""`waypost import_weather [--site CODE]`: import the Open-Meteo forecast for sites, reassess."""

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from waypost.safety.open_meteo import OpenMeteoError
from waypost.safety.services.imports import import_forecast
from waypost.sites.models import Site, SiteKind


class Command(BaseCommand):
    help = "Import the Open-Meteo forecast for every site with coordinates, or for one site."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--site", help="the site's code, e.g. BRZ")

    def handle(self, *args: Any, **options: Any) -> None:
        sites = Site.objects.filter(is_active=True).exclude(kind=SiteKind.WAREHOUSE)
        if options["site"]:
            sites = sites.filter(code=options["site"])
            if not sites.exists():
                raise CommandError(_("No active site has the code %s.") % options["site"])
        else:
            sites = sites.filter(latitude__isnull=False, longitude__isnull=False)
        failed = [site.code for site in sites if not self.import_one(site)]
        if failed:
            raise CommandError(_("No forecast imported for: %s") % ", ".join(failed))

    def import_one(self, site: Site) -> bool:
        try:
            imported = import_forecast(by=None, site=site)
        except (OpenMeteoError, ValidationError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            self.stderr.write(f"{site.code}: {' '.join(messages)}")
            return False
        self.stdout.write(
            _("%(site)s: %(created)s hours added, %(updated)s updated, %(alerts)s alerts.")
            % {
                "site": site.code,
                "created": imported.created,
                "updated": imported.updated,
                "alerts": imported.reassessed.alerts,
            }
        )
        return True
