"""`waypost rebuild_match_keys`: write every registered person's match keys again.

Registration writes keys as it goes; this is for a registry loaded some other way, or after
the way keys are made has changed.
"""

from typing import Any

from django.core.management.base import BaseCommand

from waypost.matching.key_store import rebuild_match_keys
from waypost.matching.models import MatchKey

PROGRESS_EVERY = 50_000


class Command(BaseCommand):
    help = "Write every registered person's duplicate-check keys again."

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(done: int) -> None:
            if done % PROGRESS_EVERY == 0:
                self.stdout.write(f"{done:,} people keyed…")

        people = rebuild_match_keys(progress=progress)
        keys = MatchKey.objects.count()
        self.stdout.write(self.style.SUCCESS(f"{people:,} people, {keys:,} match keys."))
