"""Races for real: work started in several threads at the same instant, on PostgreSQL only."""

import threading
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

# SQLite serialises write transactions, so a race can only be staged on PostgreSQL.
POSTGRES_RACE = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite runs one write transaction at a time, so only PostgreSQL has a race",
    ),
]


def run_at_once(work: Callable[[int], object], threads: int) -> list[object]:
    """Run `work(i)` in `threads` threads released together, each on its own connection.

    Each outcome is what `work` returned, or "refused" when it raised a ValidationError.
    """
    barrier = threading.Barrier(threads)
    outcomes: list[object] = [None] * threads

    def run(i: int) -> None:
        try:
            barrier.wait()
            outcomes[i] = work(i)
        except ValidationError:
            outcomes[i] = "refused"
        finally:
            connection.close()

    started = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return outcomes
