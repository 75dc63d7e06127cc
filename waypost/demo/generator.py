"""The demo camp as plain data: the same seed and day always give the same people.

`generate_camp` returns households of `MemberData`, ready for `register_household` or for the
bulk loader, with the site, the registering agency and the consents of each. Nothing here
touches the database.
"""

from dataclasses import dataclass
from datetime import date

from waypost.demo import figures
from waypost.demo.households import BUILDERS
from waypost.demo.origins import ORIGINS, Origin
from waypost.demo.people import ADULT_AGE, Dice, Draft, household_style, member_from
from waypost.registry.models import Consent, Relationship
from waypost.registry.services import MemberData

DEFAULT_SEED = 1
# "Approximately 2,000" people at the Bruzgi camp (IOM/UNHCR joint press release, 12 Nov 2021).
DEFAULT_PEOPLE = 2000
OLDER_PERSON_AGE = 60
UNDER_FIVE = 5


@dataclass
class DemoHousehold:
    members: list[MemberData]
    site_code: str
    shelter_location: str
    consents: tuple[str, ...]
    agency_code: str  # the agency whose registration clerk registers it


def generate_camp(
    *, seed: int = DEFAULT_SEED, people: int = DEFAULT_PEOPLE, today: date
) -> list[DemoHousehold]:
    """Households holding exactly `people` people, drawn from `seed` as of `today`."""
    dice = Dice(seed=seed, today=today)
    origin_shares = {origin: origin.household_share for origin in ORIGINS}
    households: list[DemoHousehold] = []
    remaining = people
    while remaining > 0:
        origin = dice.pick(origin_shares)
        drafts = BUILDERS[dice.pick(figures.HOUSEHOLD_KINDS)](dice, origin)
        if len(drafts) > remaining:
            continue  # the last places go to a household that fits
        households.append(demo_household(drafts, origin, dice))
        remaining -= len(drafts)
    return households


def demo_household(drafts: list[Draft], origin: Origin, dice: Dice) -> DemoHousehold:
    for draft in drafts:
        add_specific_needs(draft, dice)
    style = household_style(dice, origin)
    members = [member_from(draft, style=style, dice=dice) for draft in drafts]
    site_code = dice.pick(figures.SITE_SHARES)
    return DemoHousehold(
        members=members,
        site_code=site_code,
        shelter_location=shelter_location(site_code, dice),
        consents=consents_for(members, dice),
        agency_code=dice.pick(figures.REGISTERING_AGENCY_SHARES),
    )


def add_specific_needs(draft: Draft, dice: Dice) -> None:
    groups = groups_of(draft, dice.today)
    for code, group, share in figures.SPECIFIC_NEEDS:
        if group in groups and code not in draft.needs and dice.chance(share):
            draft.needs.append(code)


def groups_of(draft: Draft, today: date) -> set[str]:
    age = draft.age_on(today)
    groups = {"anyone"}
    if draft.relationship == Relationship.HEAD:
        groups.add("head")
    if age < ADULT_AGE:
        groups |= {"child", "under_five"} if age < UNDER_FIVE else {"child"}
    else:
        groups |= {"adult", "woman" if draft.sex == "F" else "man"}
        if age >= OLDER_PERSON_AGE:
            groups.add("older")
    return groups


def shelter_location(site_code: str, dice: Dice) -> str:
    """Where in the site: a tent row and number in the camp, a hall and bay, or a room."""
    if site_code == "BRZ":
        return f"{dice.rng.choice('ABCDEFGHJKLMN')}-{dice.rng.randint(1, 60)}"
    if site_code == "LOG":
        return f"H{dice.rng.randint(1, 3)}-{dice.rng.randint(1, 150)}"
    return f"R{dice.rng.randint(1, 24)}"


def consents_for(members: list[MemberData], dice: Dice) -> tuple[str, ...]:
    topics = [Consent.Topic.ASSISTANCE]
    if dice.chance(figures.DATA_SHARING_CONSENT):
        topics.append(Consent.Topic.DATA_SHARING)
    has_needs = any(m.specific_needs or m.is_pregnant for m in members)
    referral = (
        figures.REFERRAL_CONSENT_WITH_NEEDS if has_needs else figures.REFERRAL_CONSENT_WITHOUT_NEEDS
    )
    if dice.chance(referral):
        topics.append(Consent.Topic.REFERRAL)
    return tuple(str(topic) for topic in topics)
