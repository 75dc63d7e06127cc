"""Printed sheets read back from the PDF: every language, joined Arabic letter forms, direction."""

import dataclasses
import unicodedata
from collections import Counter
from datetime import date
from functools import cache
from typing import Any

import pytest
from fontTools.pens.recordingPen import DecomposingRecordingPen  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from waypost.counselling.pdf import FONT_DIR, sheet_pdf
from waypost.counselling.sheets import LANGUAGES, SHEETS, shipped_sheet
from waypost.counselling.tests.pdf_reader import Pdf

PAGE_WIDTH = 595.28
# 18 mm page margin plus fpdf2's 1 mm cell padding, in points.
TEXT_LEFT = (18 + 1) * 72 / 25.4
TEXT_RIGHT = PAGE_WIDTH - TEXT_LEFT
PRINTED = date(2026, 11, 25)


@cache
def printed(sheet, language, reviewed=False):
    text = shipped_sheet(sheet, language)
    if reviewed:
        text = dataclasses.replace(text, reviewed=True, reviewed_on=date(2026, 11, 1))
    return Pdf(sheet_pdf(text, printed_on=PRINTED))


@cache
def original_font(bold):
    return TTFont(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"))


@cache
def original_outline(codepoint, bold=False):
    """The outline of a character's glyph in the font as shipped (a presentation form's for one
    of Unicode's Arabic presentation-form characters)."""
    font = original_font(bold)
    glyphs = font.getGlyphSet()
    pen = DecomposingRecordingPen(glyphs)
    glyphs[font.getBestCmap()[codepoint]].draw(pen)
    return tuple(pen.value)


def lines(pdf):
    by_y: dict[float, list[Any]] = {}
    for glyph in pdf.glyphs:
        by_y.setdefault(glyph.y, []).append(glyph)
    return [sorted(by_y[y], key=lambda g: g.x) for y in sorted(by_y, reverse=True)]


def sized(pdf, size):
    return [glyph for glyph in pdf.glyphs if glyph.size == size]


def visible(line):
    return [g for g in line if g.text.strip() and not unicodedata.combining(g.text[0])]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_each_sheet_prints_its_title_and_text_in_each_language(sheet, language):
    pdf = printed(sheet, language)
    text = shipped_sheet(sheet, language)
    assert Counter("".join(g.text for g in sized(pdf, 16)).replace(" ", "")) == Counter(
        text.title.replace(" ", "")
    )
    printed_letters = Counter("".join(g.text for g in pdf.glyphs if g.text.strip()))
    first_paragraph = text.blocks()[0][1].replace(" ", "")
    assert not Counter(first_paragraph) - printed_letters
    assert pdf.data.startswith(b"%PDF-")
    assert f"/Lang ({language})".encode() in pdf.data


@pytest.mark.parametrize("language", ["ar", "ckb", "fa"])
def test_right_to_left_sheets_are_aligned_to_the_right(language):
    for line in lines(printed("avrr", language)):
        glyphs = visible(line)
        if not glyphs or glyphs[0].size == 8:  # marks set apart by HarfBuzz; the Latin footer
            continue
        right = max(g.x + g.advance for g in glyphs)
        assert right == pytest.approx(TEXT_RIGHT, abs=1.5), "".join(g.text for g in glyphs)


@pytest.mark.parametrize("language", ["en", "kmr", "ru"])
def test_left_to_right_sheets_are_aligned_to_the_left(language):
    for line in lines(printed("avrr", language)):
        assert min(g.x for g in visible(line)) == pytest.approx(TEXT_LEFT, abs=1.5)


def forms_of_rightmost(pdf, count):
    """The title's first `count` letters (its rightmost glyphs), as outlines."""
    title = visible(lines(pdf)[0])
    return [g.outline() for g in sorted(title, key=lambda g: -g.x)[:count]]


def test_arabic_letters_take_their_joined_forms():
    # "طلب": tah initial (U+FEC3), lam medial (U+FEE0), beh final (U+FE90).
    assert forms_of_rightmost(printed("asylum_belarus", "ar"), 3) == [
        original_outline(0xFEC3, bold=True),
        original_outline(0xFEE0, bold=True),
        original_outline(0xFE90, bold=True),
    ]


def test_sorani_letters_take_their_joined_forms():
    # "داواکردنی": dal, alef, waw, alef stand alone; keheh initial (U+FB90), reh final (U+FEAE),
    # dal alone, noon initial (U+FEE7), farsi yeh final (U+FBFD).
    forms = forms_of_rightmost(printed("asylum_belarus", "ckb"), 9)
    assert forms[:4] == [original_outline(c, bold=True) for c in (0x062F, 0x0627, 0x0648, 0x0627)]
    assert forms[4:] == [
        original_outline(c, bold=True) for c in (0xFB90, 0xFEAE, 0x062F, 0xFEE7, 0xFBFD)
    ]


def test_persian_letters_take_their_joined_forms():
    # "درخواست": dal alone, reh alone, khah initial (U+FEA7), waw final (U+FEEE).
    forms = forms_of_rightmost(printed("asylum_belarus", "fa"), 4)
    assert forms == [original_outline(c, bold=True) for c in (0x062F, 0x0631, 0xFEA7, 0xFEEE)]


@pytest.mark.parametrize("language", ["ar", "ckb", "fa"])
def test_most_letters_of_a_right_to_left_sheet_are_joined_forms(language):
    letters = [
        g
        for g in printed("rights_and_help", language).glyphs
        if "\u0600" <= g.text[:1] <= "\u06ff" and len(g.text) == 1
    ]
    joined = [g for g in letters if g.outline() != original_outline(ord(g.text))]
    assert len(letters) > 100
    assert len(joined) / len(letters) > 0.6


def neighbours(pdf, text):
    for line in lines(pdf):
        glyphs = visible(line)
        for i, glyph in enumerate(glyphs):
            if glyph.text == text:
                return glyphs[i - 1].text, glyphs[i + 1].text
    raise AssertionError(f"{text!r} not printed")


def test_a_number_inside_arabic_stands_between_the_words_around_it():
    # "... في الطلب 6 أشهر": read right to left, "الطلب" (ending in beh) is right of the 6 and
    # "أشهر" (starting with alef with hamza) left of it.
    assert neighbours(printed("asylum_belarus", "ar"), "6") == ("أ", "ب")


@pytest.mark.parametrize("language", ["ar", "ckb", "fa"])
def test_latin_words_inside_right_to_left_text_keep_their_order(language):
    for line in lines(printed("asylum_belarus", language)):
        text = "".join(g.text for g in line)
        if "UNHCR" in text:
            return
    raise AssertionError("UNHCR not printed left to right")


def test_an_unreviewed_translation_says_so_and_a_reviewed_one_does_not():
    notice = "هذه الترجمة لم تُراجع بعد."
    letters = Counter(notice.replace(" ", ""))

    def small_print(pdf):
        return Counter("".join(g.text for g in sized(pdf, 10)).replace(" ", ""))

    assert small_print(printed("avrr", "ar")) == letters
    assert small_print(printed("avrr", "ar", reviewed=True)) == Counter()


def test_a_second_full_width_paragraph_after_a_right_to_left_one_has_room():
    # The cause of "Not enough horizontal space to render a single character": each paragraph
    # must send the cursor back to the left margin.
    pdf = printed("family_reunification", "ckb")
    assert len(lines(pdf)) > 10
