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
# Two workers keep the demo responsive while one request writes; more help only under load.
DEFAULT_WORKERS = 2


class Command(BaseCommand):
    help = "Serve Waypost with gunicorn on 127.0.0.1:8000."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default=DEFAULT_HOST, help="address to listen on")
        parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on")
        parser.add_argument(
            "--workers", type=int, default=DEFAULT_WORKERS, help="gunicorn worker processes"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise CommandError(_("--workers must be 1 or more."))
        call_command("collectstatic", interactive=False, verbosity=0)
        connections.close_all()  # the workers open their own
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(_("Waypost is running at %(url)s — stop it with Ctrl+C.") % {"url": url})
        self.stdout.flush()
        arguments = gunicorn_arguments(options["host"], options["port"], options["workers"])
        os.execv(sys.executable, arguments)  # noqa: S606 - our own interpreter, fixed arguments


def gunicorn_arguments(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "waypost.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
    ]
