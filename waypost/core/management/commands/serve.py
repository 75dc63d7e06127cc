"""`waypost serve`: run Waypost with gunicorn, static files served by WhiteNoise.

Static files are collected first (quietly), so pages look right with DEBUG off. The command
then replaces itself with the gunicorn master process, which owns the workers and stops them
all on Ctrl+C.
"""

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# A worker process per core of a small machine, eight threads each (gunicorn's gthread
# workers): the threads overlap their waits on the database and keep connections alive between
# requests. Measured against 5 sync workers with 50 distribution points posting at once: about
# twice the redemptions per second and a third less server CPU per request (docs/benchmarks.md,
# redemptions). `--threads 1` gives gunicorn's sync workers.
DEFAULT_WORKERS = 2
DEFAULT_THREADS = 8


class Command(BaseCommand):
    help = "Serve Waypost with gunicorn on 127.0.0.1:8000."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default=DEFAULT_HOST, help="address to listen on")
        parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on")
        parser.add_argument(
            "--workers", type=int, default=DEFAULT_WORKERS, help="gunicorn worker processes"
        )
        parser.add_argument(
            "--threads", type=int, default=DEFAULT_THREADS, help="threads per worker"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1 or options["threads"] < 1:
            raise CommandError(_("--workers and --threads must be 1 or more."))
        call_command("collectstatic", interactive=False, verbosity=0)
        connections.close_all()  # the workers open their own
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(_("Waypost is running at %(url)s — stop it with Ctrl+C.") % {"url": url})
        self.stdout.flush()
        arguments = gunicorn_arguments(
            options["host"], options["port"], options["workers"], options["threads"]
        )
        os.execv(sys.executable, arguments)  # noqa: S606 - our own interpreter, fixed arguments


def gunicorn_arguments(host: str, port: int, workers: int, threads: int = 1) -> list[str]:
    threaded = ["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "waypost.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        *threaded,
        "--access-logfile",
        "-",
    ]
