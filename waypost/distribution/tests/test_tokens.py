"""Card tokens and short codes: only what Waypost signed for an active card gets through."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waypost.distribution import tokens
from waypost.distribution.tokens import CardKey, InvalidTokenError

CARD = CardKey("00112233445566778899", 1)
card_ids = st.binary(min_size=10, max_size=10).map(bytes.hex)
versions = st.integers(min_value=1, max_value=65535)


def test_token_names_the_card_and_its_version_only():
    token = tokens.sign(CARD)
    assert token.startswith("WP1")
    assert len(token) == 3 + 39  # 24 bytes in base32, unpadded
    assert set(token[3:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert tokens.verify(token) == CARD


def test_token_fits_the_qr_alphanumeric_mode():
    import segno

    qr = segno.make(tokens.sign(CARD), error="m")
    assert qr.mode == "alphanumeric"
    assert qr.symbol_size(border=0) <= (29, 29)  # version 3 at most: crisp at 3 cm


@given(card_id=card_ids, version=versions)
def test_any_card_round_trips(card_id, version):
    card = CardKey(card_id, version)
    assert tokens.verify(tokens.sign(card)) == card
    assert tokens.verify(tokens.sign(card).lower()) == card  # a scanner in lower case


@given(bit=st.integers(min_value=0, max_value=24 * 8 - 1))
def test_any_flipped_bit_is_refused(bit):
    import base64

    token = tokens.sign(CARD)
    raw = bytearray(base64.b32decode(token[3:] + "=" * (-len(token[3:]) % 8)))
    raw[bit // 8] ^= 1 << (bit % 8)
    forged = "WP1" + base64.b32encode(bytes(raw)).decode().rstrip("=")
    with pytest.raises(InvalidTokenError):
        tokens.verify(forged)


def test_a_token_signed_with_another_key_is_refused():
    forged = tokens.sign(CARD, key=b"k" * 32)
    with pytest.raises(InvalidTokenError, match="signature"):
        tokens.verify(forged)


def test_a_token_from_a_server_with_another_secret_key_is_refused(settings):
    token = tokens.sign(CARD)
    settings.SECRET_KEY = "another-server-entirely-with-its-own-secret-key-0123456789"
    with pytest.raises(InvalidTokenError):
        tokens.verify(token)


@given(cut=st.integers(min_value=0, max_value=41))
def test_a_truncated_token_is_refused(cut):
    with pytest.raises(InvalidTokenError):
        tokens.verify(tokens.sign(CARD)[:cut])


@pytest.mark.parametrize("text", ["", "WP1", "WP1!!!!", "hello", "WP1" + "A" * 80])
def test_garbage_is_refused(text):
    with pytest.raises(InvalidTokenError):
        tokens.verify(text)


def test_the_reissued_card_signs_differently():
    reissued = CardKey(tokens.new_card_id(), 2)
    assert tokens.sign(reissued) != tokens.sign(CARD)
    assert tokens.verify(tokens.sign(CARD)) != reissued


def test_short_code_is_ten_unambiguous_characters_grouped_in_two():
    code = tokens.short_code(CARD)
    assert len(code) == 11 and code[5] == "-"
    assert set(code.replace("-", "")) <= set(tokens.CROCKFORD)
    assert not set(code) & set("ILOU")
    assert tokens.normalise_short_code(code) == tokens.short_key(CARD)


def test_short_code_is_read_the_way_people_type_it():
    code = tokens.short_code(CardKey("ffffffffffffffffffff", 7))
    sloppy = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert tokens.normalise_short_code(sloppy) == code.replace("-", "")[:9]


@given(card_id=card_ids, version=versions, data=st.data())
def test_any_one_mistyped_character_is_caught(card_id, version, data):
    code = tokens.short_code(CardKey(card_id, version)).replace("-", "")
    at = data.draw(st.integers(min_value=0, max_value=9))
    wrong = data.draw(st.sampled_from([c for c in tokens.CROCKFORD if c != code[at]]))
    typo = code[:at] + wrong + code[at + 1 :]
    with pytest.raises(InvalidTokenError, match="mistyped"):
        tokens.normalise_short_code(typo)


def test_most_swapped_neighbours_are_caught():
    caught = total = 0
    for version in range(1, 200):
        code = tokens.short_code(CardKey("0a1b2c3d4e5f60718293", version)).replace("-", "")
        for at in range(9):
            if code[at] == code[at + 1]:
                continue
            total += 1
            swapped = code[:at] + code[at + 1] + code[at] + code[at + 2 :]
            try:
                tokens.normalise_short_code(swapped)
            except InvalidTokenError:
                caught += 1
    assert caught / total > 0.95


@pytest.mark.parametrize("text", ["ABCDE", "ABCDE-FGHJKM", "ABCDE-FGHJ!", "UUUUU-UUUUU"])
def test_malformed_short_codes_are_refused(text):
    with pytest.raises(InvalidTokenError):
        tokens.normalise_short_code(text)


def test_short_key_matches_only_its_card():
    lookup = tokens.short_key(CARD)
    assert tokens.matches_short_key(CARD, lookup)
    assert not tokens.matches_short_key(CardKey(CARD.card_id, 2), lookup)
