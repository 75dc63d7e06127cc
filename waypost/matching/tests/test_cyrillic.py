import pytest

from waypost.matching.cyrillic import to_cyrillic
from waypost.matching.names import same_name


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Mohammed", "Мохаммед"),
        ("Ibrahim", "Ибрахим"),
        ("Hussein", "Хуссейн"),
        ("Khalid", "Халид"),
        ("Jassim", "Джассим"),
        ("Yousif", "Юсиф"),
        ("Zhina", "Жина"),
        ("Al-Jubouri", "Ал-Джубури"),
        ("Şwan", "Шван"),
        ("Hêvî", "Хеви"),
    ],
)
def test_latin_names_are_written_as_a_border_officer_copies_them(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


def test_older_renderings_write_h_as_ge_and_soften_l_before_a_consonant():
    assert to_cyrillic("Ibrahim", h_as_ge=True) == "Ибрагим"
    assert to_cyrillic("Abdul Rahman", soft_l=True) == "Абдуль Рахман"
    assert to_cyrillic("Al-Jubouri", soft_l=True) == "Аль-Джубури"


@pytest.mark.parametrize("latin", ["Mohammed", "Ibrahim", "Hussein", "Abdulrahman", "Mustafa"])
def test_every_rendering_is_still_the_same_name(latin):
    for h_as_ge in (False, True):
        for soft_l in (False, True):
            assert same_name(latin, to_cyrillic(latin, h_as_ge=h_as_ge, soft_l=soft_l))
