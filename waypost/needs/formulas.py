"""The two rules whose quantity is computed: blankets from insulation, food from energy.

Numbers come from `waypost.needs.standards`, where each one names its source. Arithmetic is
exact (Decimal in, Fraction out), so a rule gives the same figure the standard's table does.
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from waypost.needs import standards
from waypost.sites.models import ShelterType


def sleeping_temperature(shelter_type: str, night_c: Decimal) -> Decimal:
    """Ours: how warm it is where people sleep, from the night outside and the shelter."""
    if shelter_type == ShelterType.HEATED_BUILDING:
        return max(night_c, standards.HEATED_INDOOR_C)
    return night_c + standards.SHELTER_WARMTH_C[shelter_type]


def insulation_needed(temperature: Decimal) -> Decimal:
    """Rct (m²·K/W) a resting person needs at this temperature: the IFRC table, interpolated."""
    table = standards.INSULATION_NEEDED
    if temperature >= table[0][0]:
        return table[0][1]
    for (warm_c, warm_rct), (cold_c, cold_rct) in zip(table, table[1:], strict=False):
        if temperature >= cold_c:
            return warm_rct + (warm_c - temperature) * (cold_rct - warm_rct) / (warm_c - cold_c)
    (warm_c, warm_rct), (cold_c, cold_rct) = table[-2], table[-1]
    return cold_rct + (cold_c - temperature) * (cold_rct - warm_rct) / (warm_c - cold_c)


@dataclass(frozen=True)
class Blankets:
    temperature: Decimal  # where people sleep, °C
    needed_rct: Decimal
    per_person: int


def blankets_per_person(shelter_type: str, night_c: Decimal) -> Blankets:
    """ceil((insulation needed − clothing) / blanket), at least the minimum (standards.md 2.2)."""
    temperature = sleeping_temperature(shelter_type, night_c)
    needed = insulation_needed(temperature)
    missing = max(Decimal(0), needed - standards.CLOTHING_RCT)
    count = math.ceil(missing / standards.BLANKET_RCT)
    return Blankets(temperature, needed, max(standards.MINIMUM_BLANKETS, count))


def cold_kcal(mean_c: Decimal) -> int:
    """Extra kcal per person per day for a cold mean daily temperature (UNHCR/WFP Annex II)."""
    below = max(Decimal(0), standards.KCAL_COLD_FROM_C - mean_c)
    return math.ceil(below * standards.KCAL_COLD_PER_DEGREE)


def kcal_per_day(*, mean_c: Decimal, is_pregnant: bool, is_lactating: bool) -> int:
    extra = standards.KCAL_PREGNANT if is_pregnant else 0
    extra += standards.KCAL_LACTATING if is_lactating else 0
    return standards.KCAL_PER_PERSON_DAY + cold_kcal(mean_c) + extra


def cartons_for(kcal: int) -> Fraction:
    """Family food parcel cartons holding `kcal` (a carton is CARTON_RATIONS full rations)."""
    return Fraction(kcal, standards.CARTON_RATIONS * standards.KCAL_PER_PERSON_DAY)
