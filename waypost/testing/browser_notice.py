"""Print whether the browser tests will run: `python -m waypost.testing.browser_notice`."""

import sys

from waypost.testing.browser import notice


def main() -> None:
    sys.stdout.write(notice() + "\n")


if __name__ == "__main__":
    main()
