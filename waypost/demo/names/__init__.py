"""Names as people write them (Arabic script) and as clerks spell them in Latin letters.

Each list is ordered from the most to the least common name, so a Zipf-like draw gives the
familiar pattern of a few very common names. The first Latin spelling is the most usual one;
the others are variants that turn up in registration data.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    native: str
    latin: tuple[str, ...]


def name(native: str, *latin: str) -> Name:
    return Name(native=native, latin=latin)
