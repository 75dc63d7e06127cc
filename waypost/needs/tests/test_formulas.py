"""The computed rules against the numbers of the cited tables (standards.md 2.1 and 2.2)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waypost.needs import formulas, standards
from waypost.sites.models import ShelterType

D = Decimal


@pytest.mark.parametrize(
    ("celsius", "rct"),
    [
        # the IFRC rows themselves
        (20, "0.15"),
        (10, "0.4"),
        (0, "0.6"),
        (-10, "0.8"),
        (-20, "0.95"),
        # halfway between rows: -5 °C is between 0.6 and 0.8
        (-5, "0.7"),
        # 15 °C: 0.15 + 5 × (0.4 - 0.15) / 10 = 0.275
        (15, "0.275"),
        # warmer than the table: the indoor row
        (25, "0.15"),
        # colder than the table: the last slope, (0.95 - 0.8) / 10 = 0.015 per °C
        (-30, "1.10"),
    ],
)
def test_insulation_needed_follows_the_ifrc_table(celsius, rct):
    assert formulas.insulation_needed(D(celsius)) == D(rct)


@pytest.mark.parametrize(
    ("shelter", "night", "blankets"),
    [
        # standards.md 2.2 worked examples, clothing 0.15, high thermal blanket 0.4:
        # 0 °C: ceil((0.6 - 0.15) / 0.4) = ceil(1.125) = 2
        (ShelterType.OPEN_AIR, 0, 2),
        # -10 °C: ceil((0.8 - 0.15) / 0.4) = ceil(1.625) = 2
        (ShelterType.OPEN_AIR, -10, 2),
        # -20 °C: ceil((0.95 - 0.15) / 0.4) = ceil(2.0) = 2, exactly (no float error)
        (ShelterType.OPEN_AIR, -20, 2),
        # -30 °C: ceil((1.10 - 0.15) / 0.4) = ceil(2.375) = 3
        (ShelterType.TENT, -30, 3),
        # unheated building, +5 °C warmer: -10 outside is -5 inside, ceil(0.55 / 0.4) = 2
        (ShelterType.UNHEATED_BUILDING, -10, 2),
        # heated building keeps 18 °C: 0.15 + 2 × 0.025 = 0.2, ceil(0.05 / 0.4) = 1
        (ShelterType.HEATED_BUILDING, -20, 1),
        # a warm night needs no insulation, but everyone keeps one blanket of their own
        (ShelterType.OPEN_AIR, 25, 1),
    ],
)
def test_blankets_per_person(shelter, night, blankets):
    assert formulas.blankets_per_person(shelter, D(night)).per_person == blankets


def test_a_medium_blanket_at_minus_ten_gives_the_documented_three(monkeypatch):
    # standards.md 2.2: "medium blankets at -10 °C -> 3": ceil((0.8 - 0.15) / 0.25) = ceil(2.6)
    monkeypatch.setattr(standards, "BLANKET_RCT", D("0.25"))
    assert formulas.blankets_per_person(ShelterType.OPEN_AIR, D(-10)).per_person == 3


@pytest.mark.parametrize(
    ("mean", "extra"),
    # UNHCR/WFP Annex II: 20 °C: 0; 15: +100; 10: +200; 5: +300; 0: +400; then ours, +100 per 5 °C
    [(25, 0), (20, 0), (15, 100), (10, 200), (5, 300), (0, 400), (-5, 500), ("12.5", 150)],
)
def test_cold_adds_energy_by_the_annex(mean, extra):
    assert formulas.cold_kcal(D(mean)) == extra


def test_pregnancy_and_lactation_add_their_energy():
    # 2,100 + 400 (mean 0 °C) + 285 pregnant = 2,785; + 500 lactating = 3,285
    assert formulas.kcal_per_day(mean_c=D(0), is_pregnant=True, is_lactating=False) == 2785
    assert formulas.kcal_per_day(mean_c=D(0), is_pregnant=True, is_lactating=True) == 3285
    assert formulas.kcal_per_day(mean_c=D(20), is_pregnant=False, is_lactating=False) == 2100


def test_a_carton_is_thirty_five_rations():
    # 35 rations × 2,100 kcal = 73,500 kcal
    assert formulas.cartons_for(73_500) == 1
    assert formulas.cartons_for(36_750) == D("0.5")


temperatures = st.decimals(min_value=-90, max_value=60, places=1)


@given(colder=temperatures, warmer=temperatures, shelter=st.sampled_from(ShelterType.values))
def test_a_colder_night_never_needs_fewer_blankets(colder, warmer, shelter):
    colder, warmer = min(colder, warmer), max(colder, warmer)
    cold = formulas.blankets_per_person(shelter, colder).per_person
    warm = formulas.blankets_per_person(shelter, warmer).per_person
    assert cold >= warm >= standards.MINIMUM_BLANKETS


@given(colder=temperatures, warmer=temperatures)
def test_a_colder_day_never_needs_less_food(colder, warmer):
    colder, warmer = min(colder, warmer), max(colder, warmer)
    assert formulas.cold_kcal(colder) >= formulas.cold_kcal(warmer) >= 0
