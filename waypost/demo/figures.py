"""The figures that shape the demo camp.

Every figure here is OURS: an assumption chosen so that the demo looks like the camp the
IOM/UNHCR joint press release of 12 November 2021 describes (approximately 2,000 people at the
makeshift camp near the Bruzgi crossing, "many children and women, including pregnant ones").
None is a sourced standard or a measured prevalence; never quote them as facts about a real
population.
"""

SEX_SHARES = {"M": 0.51, "F": 0.49}

# Kinds of household, as shares of all households. Mean size comes out near 4.4.
HOUSEHOLD_KINDS: dict[str, float] = {
    "family": 0.55,  # a couple with their children
    "extended_family": 0.11,  # a family with the head's parents or brother or sister
    "couple": 0.05,
    "single_man": 0.155,
    "brothers": 0.04,  # two or three brothers travelling together
    "single_mother": 0.05,
    "single_woman": 0.015,
    "older_person_alone": 0.01,
    "grandparent_with_grandchildren": 0.01,
    "unaccompanied_child": 0.015,
}

# Children in a family: number of children and share of families.
CHILDREN_IN_FAMILY: dict[int, float] = {
    1: 0.14,
    2: 0.21,
    3: 0.22,
    4: 0.18,
    5: 0.11,
    6: 0.06,
    7: 0.04,
    8: 0.04,
}
# Age of a family's youngest child, in years: (from, to) and share of families.
YOUNGEST_CHILD_AGE: dict[tuple[float, float], float] = {
    (0.02, 1.0): 0.32,  # an infant, from one week old
    (1.0, 5.0): 0.40,
    (5.0, 12.0): 0.28,
}
YEARS_BETWEEN_CHILDREN = (1.2, 4.0)
MOTHER_AGE_AT_FIRST_CHILD = (17, 27)
HUSBAND_OLDER_BY_YEARS = (0, 10)
OLDEST_MOTHER = 52  # older children are left out of the draw, not the mother made older
SINGLE_ADULT_AGE = (18, 40)
YOUNG_WIFE_AGE = (18, 30)
FATHER_OLDER_THAN_HEAD = (22, 35)
MOTHER_OLDER_THAN_HEAD = (18, 30)
ADULT_SIBLING_AGE = (18, 30)
ELDEST_BROTHER_AGE = (19, 35)
YOUNGER_BROTHER_BY_YEARS = (1, 9)
YOUNGEST_TRAVELLING_BROTHER = 14.0
SEPARATED_CHILD_AGE = (8, 17.9)
GRANDPARENT_AGE = (56, 72)
GRANDCHILD_AGE = (2, 15)
GRANDCHILDREN = (1, 3)
OLDER_PERSON_AGE = (60, 82)
UNACCOMPANIED_CHILD_AGE = (13, 17)

# Women of 17 to 44 living with a husband who are pregnant; part of them with complications.
PREGNANT_SHARE = 0.10
DIFFICULT_PREGNANCY_SHARE = 0.15
DAYS_TO_DELIVERY = (10, 270)
# Mothers of a child under two who are breastfeeding.
LACTATING_SHARE = 0.7
# Families that have taken in a separated child (a nephew or niece, SC-SC).
SEPARATED_CHILD_SHARE = 0.03
SAME_FAMILY_NAME_AS_HUSBAND = 0.35  # marriages within the extended family
# Who else lives in an extended family, and the make-up of other households.
EXTENDED_FAMILY_WITH_FATHER = 0.45
EXTENDED_FAMILY_WITH_MOTHER = 0.75
EXTENDED_FAMILY_WITH_SIBLING = 0.45
TWO_BROTHERS_NOT_THREE = 0.7
GRANDMOTHER_NOT_GRANDFATHER = 0.55
UNACCOMPANIED_BOYS = 0.85

# Specific needs beyond those that follow from the household's shape (SC-UC, SC-SC, ER-NF,
# ER-MC, WR-SF, SP-PT, SM-DP): code, who may have it, share of those people.
SPECIFIC_NEEDS: tuple[tuple[str, str, float], ...] = (
    ("SM-CI", "adult", 0.06),  # chronic illness: diabetes, heart disease, asthma
    ("SM-CI", "older", 0.30),
    ("SM-CI", "child", 0.015),
    ("SM-OT", "anyone", 0.03),  # other medical conditions: cold injuries, wounds from the forest
    ("SM-MN", "under_five", 0.04),  # malnutrition
    ("SM-CC", "anyone", 0.002),  # critical medical condition
    ("DS-PM", "anyone", 0.012),
    ("DS-PS", "anyone", 0.004),
    ("DS-BD", "anyone", 0.003),
    ("DS-DF", "anyone", 0.003),
    ("ER-FR", "older", 0.08),  # older person unable to care for self
    ("FU-FR", "head", 0.05),  # close family already in the EU
    ("LP-ND", "adult", 0.02),  # no legal documentation
    # Highly sensitive codes: very few, and visible only to protection staff.
    ("SM-MI", "adult", 0.004),
    ("SV-VF", "woman", 0.003),
    ("TR-PI", "man", 0.002),
)
SINGLE_MOTHER_TRACING_SHARE = 0.2  # the husband went missing on the way (FU-TR)

# Dates of birth: how precisely people know them (adults, then children).
ADULT_BIRTH_DATE_PRECISION = {"exact": 0.55, "year": 0.35, "estimated": 0.10}
CHILD_BIRTH_DATE_PRECISION = {"exact": 0.85, "year": 0.05, "estimated": 0.10}

# Phones: the head has one; others their own or the head's; many bought a Belarusian SIM.
HEAD_HAS_PHONE = 0.88
SECOND_PHONE = 0.15
ADULT_HAS_OWN_PHONE = 0.45
ADULT_GIVES_HEADS_PHONE = 0.30
BELARUSIAN_SIM = 0.30
# Documents: many flew in on a visa, so many adults hold a passport.
ADULT_PASSPORT = 0.60
ADULT_NATIONAL_ID = 0.20
CHILD_PASSPORT = 0.45
CHILD_BIRTH_CERTIFICATE = 0.12
# Households whose names the clerk could not also type in their own script.
NO_NATIVE_SCRIPT = 0.07

# Where households stay, by site code, and which agency registered them.
SITE_SHARES = {"BRZ": 0.72, "LOG": 0.22, "SHL": 0.06}
REGISTERING_AGENCY_SHARES = {"unhcr": 0.6, "iom": 0.3, "brc": 0.1}
# Consent: everyone to assistance; heads for the household to the rest.
DATA_SHARING_CONSENT = 0.92
REFERRAL_CONSENT_WITH_NEEDS = 0.85
REFERRAL_CONSENT_WITHOUT_NEEDS = 0.2
