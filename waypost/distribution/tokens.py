"""What a household card carries: a signed token for the QR code and a short code to type.

Neither holds personal data. The token is an opaque random card identifier and the card's
version, signed with HMAC-SHA256 under a key derived from the secret key for this purpose only,
and written in base32 (capital letters and digits: QR's compact alphanumeric mode). Anyone who
changes a bit, shortens it or signs it with another key is refused; a reissued card has a new
identifier and version, so the old card's token no longer matches an active card.

The short code is for a table without a scanner: ten characters of Crockford's base32 (no I, L,
O or U, so nothing is read as a digit), nine derived from the card's signature and a check
character (Luhn mod 32) that catches any one mistyped character and most swapped neighbours.
The server finds the card by the code and checks it against the card's identifier and version.
All comparisons of secrets run in constant time (`hmac.compare_digest`).
"""

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings

PREFIX = "WP1"
CARD_ID_BYTES = 10  # 80 random bits: never guessed, never repeated
VERSION_BYTES = 2
MAC_BYTES = 12  # 96 bits of HMAC-SHA256, checked online against the card table
SHORT_KEY_LENGTH = 9  # 45 bits: a guess hits one of 100,000 cards once in 350 million tries
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Crockford's reading rules: letters that look like digits are read as those digits.
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})
_PURPOSE = b"waypost.distribution.card-token"


class InvalidTokenError(ValueError):
    """The text is not a token or a short code Waypost signed."""


class MistypedCodeError(InvalidTokenError):
    """A short code whose check character does not match: a character was mistyped."""


@dataclass(frozen=True)
class CardKey:
    """What a token names: the card identifier (hex) and its version."""

    card_id: str
    version: int


def new_card_id() -> str:
    return secrets.token_hex(CARD_ID_BYTES)


def _key() -> bytes:
    """A key used for nothing else, derived from the secret key (or a dedicated setting)."""
    secret = getattr(settings, "WAYPOST_CARD_KEY", "") or settings.SECRET_KEY
    return hmac.new(secret.encode(), _PURPOSE, hashlib.sha256).digest()


def _payload(card: CardKey) -> bytes:
    return bytes.fromhex(card.card_id) + card.version.to_bytes(VERSION_BYTES, "big")


def _mac(payload: bytes, key: bytes | None = None) -> bytes:
    return hmac.new(key or _key(), b"token:" + payload, hashlib.sha256).digest()


def sign(card: CardKey, *, key: bytes | None = None) -> str:
    """The token printed in the QR code."""
    if len(card.card_id) != 2 * CARD_ID_BYTES or not 0 < card.version < 2 ** (8 * VERSION_BYTES):
        raise ValueError("A card identifier is 10 bytes in hex and its version 1 to 65535.")
    payload = _payload(card)
    raw = payload + _mac(payload, key)[:MAC_BYTES]
    return PREFIX + base64.b32encode(raw).decode().rstrip("=")


def verify(token: str, *, key: bytes | None = None) -> CardKey:
    """The card a token names, or InvalidTokenError when it is not one Waypost signed."""
    text = token.strip().upper()
    if not text.startswith(PREFIX):
        raise InvalidTokenError("not a Waypost card token")
    body = text[len(PREFIX) :]
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError) as error:
        raise InvalidTokenError("not base32") from error
    size = CARD_ID_BYTES + VERSION_BYTES
    if len(raw) != size + MAC_BYTES or base64.b32encode(raw).decode().rstrip("=") != body:
        raise InvalidTokenError("wrong length")
    payload, mac = raw[:size], raw[size:]
    if not hmac.compare_digest(mac, _mac(payload, key)[:MAC_BYTES]):
        raise InvalidTokenError("signature does not match")
    return CardKey(payload[:CARD_ID_BYTES].hex(), int.from_bytes(payload[CARD_ID_BYTES:], "big"))


def short_key(card: CardKey, *, key: bytes | None = None) -> str:
    """The lookup part of the short code: derived from the card, stored with it."""
    digest = hmac.new(key or _key(), b"short:" + _payload(card), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big") >> (64 - 5 * SHORT_KEY_LENGTH)
    return "".join(CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(SHORT_KEY_LENGTH)))


def check_character(text: str) -> str:
    """Luhn mod 32 over Crockford's alphabet: catches one wrong character, most swaps."""
    total, factor = 0, 2
    for char in reversed(text):
        addend = factor * CROCKFORD.index(char)
        total += addend // 32 + addend % 32
        factor = 1 if factor == 2 else 2
    return CROCKFORD[(32 - total % 32) % 32]


def short_code(card: CardKey, *, key: bytes | None = None) -> str:
    """The code printed under the QR code, grouped for reading aloud: ABCDE-FGHJK."""
    lookup = short_key(card, key=key)
    full = lookup + check_character(lookup)
    return f"{full[:5]}-{full[5:]}"


def normalise_short_code(text: str) -> str:
    """The lookup key of a typed short code, or InvalidTokenError when the check fails."""
    code = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != SHORT_KEY_LENGTH + 1 or any(char not in CROCKFORD for char in code):
        raise InvalidTokenError("a short code is ten letters and digits")
    lookup, check = code[:-1], code[-1]
    if not hmac.compare_digest(check, check_character(lookup)):
        raise MistypedCodeError("check character does not match: a character was mistyped")
    return lookup


def matches_short_key(card: CardKey, lookup: str, *, key: bytes | None = None) -> bool:
    """Whether a looked-up card really is the one the typed code was made for."""
    return hmac.compare_digest(short_key(card, key=key), lookup)


def is_token(text: str) -> bool:
    """Scanned tokens start with the prefix; anything else is taken for a short code."""
    return text.strip().upper().startswith(PREFIX)
