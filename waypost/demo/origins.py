"""Where the people in the demo camp come from, and how names, phones and papers look there.

The people stranded in Belarus in late 2021 were mostly Iraqi Kurds, also Syrians, Iranians,
Afghans, Yemenis and Cameroonians (UN and IOM, 29 November 2021). The shares of households below
are ours — assumptions for demo data that follow that description, not sourced figures.
Document number formats only look like the real ones; every number is random.
"""

from dataclasses import dataclass

from waypost.demo.names import Name, arabic, cameroonian, kurdish, persian

type Pools = tuple[tuple[tuple[Name, ...], float], ...]


@dataclass(frozen=True)
class NumberFormat:
    """A prefix followed by random digits: "A" and 8 gives A12345678."""

    prefix: str
    digits: int


@dataclass(frozen=True)
class Origin:
    code: str
    nationality: str  # ISO 3166 alpha-3
    household_share: float
    first_language: str
    other_languages: tuple[tuple[str, float], ...]  # spoken by adults, with how often
    male: Pools  # name lists with their weights
    female: Pools
    family: tuple[Name, ...]
    family_name_share: float  # households that give a family or tribal name
    has_father_name: bool
    grandfather_name_share: float
    mobile_prefixes: tuple[str, ...]  # country code and operator prefix, e.g. +964750
    passport: NumberFormat
    national_id: NumberFormat


# Iraqi mobile numbers: +964 75x (Korek, the Kurdistan Region) and 770/780 (Asiacell, Zain),
# ten national digits.
_IRAQ_MOBILES = ("+964750", "+964751", "+964750", "+964770", "+964780")
_IRAQ_PASSPORT = NumberFormat("A", 8)
_IRAQ_NATIONAL_ID = NumberFormat("", 12)

ORIGINS: tuple[Origin, ...] = (
    Origin(
        code="iraq_kurdish_sorani",
        nationality="IRQ",
        household_share=0.40,
        first_language="ckb",
        other_languages=(("ar", 0.45), ("kmr", 0.05)),
        male=((kurdish.MALE, 0.55), (arabic.MALE, 0.45)),
        female=((kurdish.FEMALE, 0.7), (arabic.FEMALE, 0.3)),
        family=kurdish.SORANI_FAMILY,
        family_name_share=0.6,
        has_father_name=True,
        grandfather_name_share=0.9,
        mobile_prefixes=_IRAQ_MOBILES,
        passport=_IRAQ_PASSPORT,
        national_id=_IRAQ_NATIONAL_ID,
    ),
    Origin(
        code="iraq_kurdish_badini",
        nationality="IRQ",
        household_share=0.32,
        first_language="kmr",
        other_languages=(("ar", 0.4), ("ckb", 0.2)),
        male=((kurdish.MALE, 0.5), (arabic.MALE, 0.5)),
        female=((kurdish.FEMALE, 0.65), (arabic.FEMALE, 0.35)),
        family=kurdish.BADINI_FAMILY,
        family_name_share=0.7,
        has_father_name=True,
        grandfather_name_share=0.9,
        mobile_prefixes=_IRAQ_MOBILES,
        passport=_IRAQ_PASSPORT,
        national_id=_IRAQ_NATIONAL_ID,
    ),
    Origin(
        code="iraq_arab",
        nationality="IRQ",
        household_share=0.04,
        first_language="ar",
        other_languages=(("en", 0.1),),
        male=((arabic.MALE, 1.0),),
        female=((arabic.FEMALE, 1.0),),
        family=arabic.IRAQI_FAMILY,
        family_name_share=0.8,
        has_father_name=True,
        grandfather_name_share=0.95,
        mobile_prefixes=("+964770", "+964780", "+964790", "+964750"),
        passport=_IRAQ_PASSPORT,
        national_id=_IRAQ_NATIONAL_ID,
    ),
    Origin(
        code="syria_kurdish",
        nationality="SYR",
        household_share=0.05,
        first_language="kmr",
        other_languages=(("ar", 0.8),),
        male=((kurdish.MALE, 0.4), (arabic.MALE, 0.6)),
        female=((kurdish.FEMALE, 0.5), (arabic.FEMALE, 0.5)),
        family=kurdish.SYRIAN_FAMILY,
        family_name_share=0.95,
        has_father_name=True,
        grandfather_name_share=0.3,
        mobile_prefixes=("+96393", "+96394", "+96395", "+96399"),
        passport=NumberFormat("N", 9),
        national_id=NumberFormat("0", 10),
    ),
    Origin(
        code="syria_arab",
        nationality="SYR",
        household_share=0.04,
        first_language="ar",
        other_languages=(("en", 0.1),),
        male=((arabic.MALE, 1.0),),
        female=((arabic.FEMALE, 1.0),),
        family=arabic.SYRIAN_FAMILY,
        family_name_share=0.95,
        has_father_name=True,
        grandfather_name_share=0.3,
        mobile_prefixes=("+96393", "+96394", "+96398", "+96399"),
        passport=NumberFormat("N", 9),
        national_id=NumberFormat("0", 10),
    ),
    Origin(
        code="iran",
        nationality="IRN",
        household_share=0.05,
        first_language="fa",
        other_languages=(("ckb", 0.3), ("en", 0.15)),
        male=((persian.IRANIAN_MALE, 1.0),),
        female=((persian.IRANIAN_FEMALE, 1.0),),
        family=persian.IRANIAN_FAMILY,
        family_name_share=1.0,
        has_father_name=True,
        grandfather_name_share=0.0,
        mobile_prefixes=("+98912", "+98935", "+98918", "+98914"),
        passport=NumberFormat("K", 8),
        # The Iranian national code has ten digits.
        national_id=NumberFormat("", 10),
    ),
    Origin(
        code="afghanistan_dari",
        nationality="AFG",
        household_share=0.025,
        # Dari is recorded as Persian (fa): the same interpreters serve both.
        first_language="fa",
        other_languages=(("ps", 0.3), ("en", 0.1)),
        male=((persian.AFGHAN_MALE, 1.0),),
        female=((persian.AFGHAN_FEMALE, 1.0),),
        family=persian.AFGHAN_FAMILY,
        family_name_share=0.5,
        has_father_name=True,
        grandfather_name_share=0.8,
        mobile_prefixes=("+9370", "+9379", "+9378", "+9377"),
        passport=NumberFormat("P", 8),
        national_id=NumberFormat("", 13),
    ),
    Origin(
        code="afghanistan_pashto",
        nationality="AFG",
        household_share=0.015,
        first_language="ps",
        other_languages=(("fa", 0.6),),
        male=((persian.AFGHAN_MALE, 1.0),),
        female=((persian.AFGHAN_FEMALE, 1.0),),
        family=persian.AFGHAN_FAMILY,
        family_name_share=0.5,
        has_father_name=True,
        grandfather_name_share=0.8,
        mobile_prefixes=("+9370", "+9379", "+9372"),
        passport=NumberFormat("P", 8),
        national_id=NumberFormat("", 13),
    ),
    Origin(
        code="yemen",
        nationality="YEM",
        household_share=0.04,
        first_language="ar",
        other_languages=(("en", 0.1),),
        male=((arabic.MALE, 0.6), (arabic.YEMENI_MALE, 0.4)),
        female=((arabic.FEMALE, 0.75), (arabic.YEMENI_FEMALE, 0.25)),
        family=arabic.YEMENI_FAMILY,
        family_name_share=0.85,
        has_father_name=True,
        grandfather_name_share=0.9,
        mobile_prefixes=("+96777", "+96773", "+96771", "+96770"),
        passport=NumberFormat("0", 8),
        national_id=NumberFormat("", 11),
    ),
    Origin(
        code="cameroon",
        nationality="CMR",
        household_share=0.02,
        first_language="fr",
        other_languages=(("en", 0.4),),
        male=((cameroonian.MALE, 1.0),),
        female=((cameroonian.FEMALE, 1.0),),
        family=cameroonian.FAMILY,
        family_name_share=1.0,
        has_father_name=False,
        grandfather_name_share=0.0,
        mobile_prefixes=("+23767", "+23769", "+23765"),
        passport=NumberFormat("AA", 7),
        national_id=NumberFormat("", 9),
    ),
)

# Many people bought a Belarusian SIM card on arrival: +375 29, 33 or 44, nine national digits.
BELARUS_MOBILES = ("+37529", "+37533", "+37544")
