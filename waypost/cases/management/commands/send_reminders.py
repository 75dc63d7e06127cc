"""`waypost send_reminders`: e-mail each caseworker the follow-ups due today or overdue.

Run it once a day (cron or a systemd timer); a follow-up is reminded at most once a day.
"""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from waypost.cases.services import send_reminders


class Command(BaseCommand):
    help = "E-mail each caseworker the follow-ups and appointments due today or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=date.fromisoformat, help="as if today were this date")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_reminders(today=options["date"])
        self.stdout.write(
            f"{sent['follow_ups']} follow-ups due, {sent['people']} people, "
            f"{sent['messages']} messages sent."
        )
