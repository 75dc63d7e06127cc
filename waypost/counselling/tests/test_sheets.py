import pytest

from waypost.counselling.sheets import LANGUAGES, SHEETS, shipped_sheet, unreviewed_notices


@pytest.mark.parametrize("sheet", SHEETS)
def test_every_sheet_is_written_in_every_language_with_the_same_parts(sheet):
    english = [kind for kind, _text in shipped_sheet(sheet, "en").blocks()]
    for language in LANGUAGES:
        translated = shipped_sheet(sheet, language)
        assert [kind for kind, _text in translated.blocks()] == english, language
        assert translated.title


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_written_here_are_marked_unreviewed(language):
    # Written by the developers, English included: nobody has reviewed them yet.
    for sheet in SHEETS:
        text = shipped_sheet(sheet, language)
        assert (text.reviewed, text.reviewed_by, text.reviewed_on) == (False, "", None)
        assert text.unreviewed_notice() == unreviewed_notices()[language]


def test_right_to_left_languages_are_arabic_sorani_and_persian():
    assert [lang for lang in LANGUAGES if shipped_sheet("avrr", lang).is_rtl] == ["ar", "ckb", "fa"]


def test_voluntary_return_sheets_say_the_choice_is_free_and_can_change():
    english = shipped_sheet("avrr", "en").body
    assert "only if you choose it freely" in english
    assert "change your mind at any step" in english
