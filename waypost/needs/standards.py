"""The numbers the needs rules compute with, each with its source (../shared/domain/standards.md).

Sections cited are those of the domain standards document: 2.1 (Sphere minimum standards and
planning figures), 2.2 (blankets, bedding and winter items), 3.3 (cold stress, who is at risk).
Numbers marked "Ours" are our own assumptions, to be reviewed (standards.md section 7, item 7).
"""

from decimal import Decimal

from waypost.sites.models import ShelterType

# Ours: a month of monthly items counts as 30 days, so a period of 7 days needs 7/30 of them.
MONTH_DAYS = 30

# Ours: the night temperature at or below which winter items are needed. 10 °C is the first
# outdoor row of the IFRC insulation table (2.2) and the highest temperature wind chill is
# defined for (3.1).
COLD_NIGHT_C = Decimal(10)

# 2.2, IFRC/ICRC catalogue HSHEBLAN01 (✅): total insulation (Rct, m²·K/W) a resting person
# needs: indoors at 20 °C 0.15; outdoors without wind 10 °C 0.4, 0 °C 0.6, −10 °C 0.8,
# −20 °C 0.95. Between rows we interpolate; colder than −20 °C we continue the last row's slope
# and warmer than 20 °C we keep 0.15 (both ours).
INSULATION_NEEDED: tuple[tuple[Decimal, Decimal], ...] = (
    (Decimal(20), Decimal("0.15")),
    (Decimal(10), Decimal("0.4")),
    (Decimal(0), Decimal("0.6")),
    (Decimal(-10), Decimal("0.8")),
    (Decimal(-20), Decimal("0.95")),
)
# 2.2, derived rule (✗ ours): the insulation ordinary clothes give, the low end of 0.15-0.25.
CLOTHING_RCT = Decimal("0.15")
# 2.2, IFRC catalogue (✅): a high thermal blanket, the one in our catalogue.
BLANKET_RCT = Decimal("0.4")
# Ours, after Sphere 2011 NFI standard 2 (2.1): everyone has at least one blanket of their own,
# children under 2 included (guidance note 2), whatever the temperature.
MINIMUM_BLANKETS = 1

# Ours: how much warmer than the outdoor night it is where people sleep. The order open air,
# tent, unheated building, heated building is the one of sites.ShelterType (ours, 3.3). A tent
# keeps little warmth overnight, so it gets none; a building out of wind and wet 5 °C.
SHELTER_WARMTH_C: dict[str, Decimal] = {
    ShelterType.OPEN_AIR: Decimal(0),
    ShelterType.TENT: Decimal(0),
    ShelterType.UNHEATED_BUILDING: Decimal(5),
}
# 3.3, WHO Housing and Health Guidelines 2018 (◐): at least 18 °C indoors in cold seasons; a
# heated building is taken to keep that.
HEATED_INDOOR_C = Decimal(18)
# Ours: where people sleep in the open or in tents, families need sheeting against wind and wet.
EXPOSED_SHELTERS = frozenset({ShelterType.OPEN_AIR, ShelterType.TENT})

# 2.1, Sphere 2011 Food transfers standard 1 guidance note 2 (✅): kcal per person per day.
KCAL_PER_PERSON_DAY = 2100
# 2.1, UNHCR/WFP 1997 guidelines Annex II (✅, last two labels ◐): +100 kcal for every 5 °C the
# mean daily temperature is below 20 °C (20 °C: 0 … 0 °C: +400), i.e. 20 kcal per degree. The
# table stops at 0 °C; below it we continue the same step (ours).
KCAL_COLD_FROM_C = Decimal(20)
KCAL_COLD_PER_DEGREE = Decimal(20)
# 2.1, same guidelines Annex I (✅): extra kcal per day in pregnancy and in lactation.
KCAL_PREGNANT = 285
KCAL_LACTATING = 500
# Ours: a family food parcel carton feeds five people for a week on 2,100 kcal rations, 35
# person-day rations; check against the partner's packing list.
CARTON_RATIONS = 35

# 2.1, Sphere 2011 Hygiene promotion standard 2 (✅): menstrual materials for women of
# reproductive age, 15-49. Ours: from 12, as menstruation often starts before 15.
MENSTRUATING_FROM_YEARS = 12
MENSTRUATING_UNTIL_YEARS = 49
# 3.3 (✗ ours, the document asks us to choose 60 or 65): older people need more bedding (2.1,
# Sphere 2011 NFI standard 2 guidance notes).
OLDER_FROM_YEARS = 60
# 2.1, Sphere 2011 NFI standard 2 guidance notes 1-5 (✅): chronic illness and impaired mobility
# call for more bedding. The specific-need codes that say so (UNHCR 2009 codes, section 1).
EXTRA_BEDDING_CODES = ("SM-CI", "SM-CC", "DS-PM", "DS-PS", "ER-FR")
# Ours: children's boots for children 2-17; those past EU 34 are named, not counted.
BOOTS_FROM_YEARS = 2
ADULT_YEARS = 18

# Ours: the defaults of the needs form until recorded weather exists (issue 6): a November night
# at the border, below freezing, and its daily mean.
DEFAULT_NIGHT_C = Decimal(-5)
DEFAULT_MEAN_C = Decimal(0)
DEFAULT_PERIOD_DAYS = 7
# Ours: plans for more than a year are not supply plans; below −90 °C or above 60 °C a reading
# is a typing error (the bounds 3.1 gives for wind chill input).
MAX_PERIOD_DAYS = 366
LOWEST_C = Decimal(-90)
HIGHEST_C = Decimal(60)
