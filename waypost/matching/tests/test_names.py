import pytest
from hypothesis import given
from hypothesis import strategies as st

from waypost.matching.names import fold, name_keys, skeleton


@pytest.mark.parametrize(
    ("spellings", "shared_key"),
    [
        (["Mohammed", "Muhammad", "Mohamad", "Мухаммед", "محمد", "محمّد"], "mhmd"),
        (["Hassan", "Hasan", "Al-Hassan", "El Hasan", "الحسن", "Хасан"], "hsn"),
        (["Ibrahim", "Ebrahim", "Ibraheem"], "brhm"),
        (["Yousef", "Yusuf", "Youssef", "Юсуф", "يوسف"], "sf"),
        (["Abdul Rahman", "Abdulrahman", "Abdelrahman", "Abd al-Rahman", "عبد الرحمن"], "bdrhmn"),
        # After Abd, h is not the dh of ذ: Abdulhamid is not read "Abdulamid".
        (["Abdul Hamid", "Abdulhamid", "Abdel Hameed", "Абдул Хамид", "عبدالحميد"], "bdhmd"),
        (["Abdul Hussein", "Abdulhussain", "Абдулхусейн", "عبد الحسين"], "bdhsn"),
        (["Karim", "Kareem", "Qarim"], "krm"),
        (["Jamal", "Джамал", "Djamal"], "jml"),
    ],
)
def test_spelling_variants_share_a_key(spellings, shared_key):
    for spelling in spellings:
        assert shared_key in name_keys(spelling), spelling


def test_different_names_do_not_share_keys():
    assert not name_keys("Ahmed") & name_keys("Mahmoud")
    assert not name_keys("Sara") & name_keys("Zainab")


def test_fold_gives_lowercase_ascii_words():
    assert fold("  Al-Hassan  ABDUL ") == "al hassan abdul"
    assert fold("Мухаммед") == "mukhammed"


def test_skeleton_collapses_doubled_consonants():
    assert skeleton("muhammad") == skeleton("muhamad") == "mhmd"


@given(st.text(max_size=60))
def test_keys_of_any_text_are_short_lowercase_ascii(text):
    for key in name_keys(text):
        assert key.isascii() and key.isalpha() and key.islower()
        assert 2 <= len(key) <= len(fold(text).replace(" ", ""))
