"""The `waypost` command: Django's management commands under the project's own name.

`waypost demo`, `waypost serve`, `waypost migrate`, `waypost createsuperuser` and every other
management command work the same way.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypost.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["waypost", *sys.argv[1:]])


if __name__ == "__main__":
    main()
