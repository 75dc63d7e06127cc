"""`waypost demo`: the demo operation — agencies, sites, one login per role and a camp of people."""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from waypost.demo.cases import load_demo_cases
from waypost.demo.distribution import load_demo_distribution
from waypost.demo.duplicates import register_demo_duplicates
from waypost.demo.generator import DEFAULT_PEOPLE, DEFAULT_SEED, generate_camp
from waypost.demo.handout import load_demo_handout
from waypost.demo.loaders import load_in_bulk, load_with_services
from waypost.demo.organisation import (
    DEMO_PASSWORD,
    demo_logins,
    registration_clerks,
    set_up_operation,
    sites_by_code,
)
from waypost.demo.relocation import load_demo_relocation
from waypost.demo.safety import load_demo_safety
from waypost.demo.stock import load_demo_stock
from waypost.registry.models import Household

DEMO_URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = "Load the demo camp: agencies, sites, a login per role and about 2,000 people."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
        parser.add_argument(
            "--people", type=int, default=DEFAULT_PEOPLE, help="number of people in the camp"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing (but print the logins) if households are already registered",
        )
        parser.add_argument(
            "--bulk",
            action="store_true",
            help="write rows in bulk instead of registering each household through the services",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        existing = Household.objects.count()
        if existing and not options["if_empty"]:
            raise CommandError(
                _(
                    "The database already holds %(count)s households. Use --if-empty to keep "
                    "them, or start from an empty database."
                )
                % {"count": existing}
            )
        set_up_operation()
        if load_demo_stock(today=timezone.localdate()):
            self.stdout.write(_("Demo warehouses, stock and partner shipments loaded."))
        if load_demo_relocation():
            self.stdout.write(_("Demo safe locations and their places loaded."))
        if existing:
            self.stdout.write(_("The database already holds households; no demo camp loaded."))
        else:
            people = self.load_camp(options["seed"], options["people"], bulk=options["bulk"])
            self.stdout.write(_("Demo camp loaded: %(people)s people.") % {"people": people})
            pairs = register_demo_duplicates(clerks=registration_clerks())
            self.stdout.write(
                _("%(pairs)s people registered twice, proposed for review.") % {"pairs": pairs}
            )
        if load_demo_cases(today=timezone.localdate()):
            self.stdout.write(_("Demo cases, a referral waiting and follow-ups loaded."))
        if readings := load_demo_safety():
            self.stdout.write(
                _("Demo cold snap loaded: %(readings)s weather readings; risk assessed.")
                % {"readings": readings}
            )
        self.load_distribution()
        self.print_logins()
        seconds = time.perf_counter() - started
        self.stdout.write(_("Done in %(seconds).1f s.") % {"seconds": seconds})

    def load_distribution(self) -> None:
        if load_demo_distribution(today=timezone.localdate()):
            self.stdout.write(_("Demo winter distribution plan allocated and approved."))
        if cards := load_demo_handout():
            self.stdout.write(
                _("%(cards)s household cards printed and two distribution tables opened.")
                % {"cards": cards}
            )

    def load_camp(self, seed: int, people: int, *, bulk: bool) -> int:
        camp = generate_camp(seed=seed, people=people, today=timezone.localdate())
        load = load_in_bulk if bulk else load_with_services
        return load(camp, clerks=registration_clerks(), sites=sites_by_code())

    def print_logins(self) -> None:
        logins = demo_logins()
        width = max(len(login.username) for login in logins) + 2
        agency_width = max(len(login.agency) for login in logins) + 2
        lines = [
            "",
            _("Open %(url)s and sign in as any of these users:") % {"url": DEMO_URL},
            "",
            f"  {_('Username'):<{width}}{_('Agency'):<{agency_width}}{_('Role')}",
            "  " + "-" * (width + agency_width + 26),
        ]
        lines += [
            f"  {login.username:<{width}}{login.agency:<{agency_width}}{login.role}"
            for login in logins
        ]
        lines += ["", _("Password for every user: %(password)s") % {"password": DEMO_PASSWORD}]
        self.stdout.write("\n".join(lines))
