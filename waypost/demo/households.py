"""The shapes of household in the camp, each drawn as a list of people, head first.

Names follow the patronymic chain: a child's father name is the father's given name and its
grandfather name the father's father name; children share the father's family name, a wife
keeps her own.
"""

from collections.abc import Callable
from datetime import timedelta

from waypost.demo import figures
from waypost.demo.names import Name
from waypost.demo.origins import Origin
from waypost.demo.people import Dice, Draft
from waypost.registry.models import Relationship

type Builder = Callable[[Dice, Origin], list[Draft]]


def man(dice: Dice, origin: Origin, age: float, relationship: str = Relationship.HEAD) -> Draft:
    given = dice.name(origin.male)
    father = dice.name(origin.male, avoid=[given])
    return Draft(
        relationship=relationship,
        sex="M",
        born=dice.born(age),
        given=given,
        father=father,
        grandfather=dice.name(origin.male, avoid=[father]),
        family=dice.family_name(origin),
    )


def woman(dice: Dice, origin: Origin, age: float, relationship: str = Relationship.HEAD) -> Draft:
    person = man(dice, origin, age, relationship)
    person.sex, person.given = "F", dice.name(origin.female)
    return person


def wife_of(husband: Draft, dice: Dice, origin: Origin, age: float) -> Draft:
    wife = woman(dice, origin, age, Relationship.SPOUSE)
    if dice.chance(figures.SAME_FAMILY_NAME_AS_HUSBAND):
        wife.family = husband.family
    if wife.age_on(dice.today) < 18:
        wife.needs.append("CR-CS")
    return wife


def child_of(father: Draft, dice: Dice, origin: Origin, age: float, siblings: list[Draft]) -> Draft:
    sex = dice.pick(figures.SEX_SHARES)
    taken = [father.given, *(sibling.given for sibling in siblings)]
    return Draft(
        relationship=Relationship.CHILD,
        sex=sex,
        born=dice.born(age),
        given=dice.name(origin.male if sex == "M" else origin.female, avoid=taken),
        father=father.given,
        grandfather=father.father,
        family=father.family,
    )


def children_ages(dice: Dice, count: int, oldest_mother: float) -> tuple[list[float], float]:
    """Ages of the children, youngest first, and the mother's age that fits them."""
    low, high = dice.pick(figures.YOUNGEST_CHILD_AGE)
    ages = [dice.between(low, high)]
    while len(ages) < count:
        ages.append(ages[-1] + dice.between(*figures.YEARS_BETWEEN_CHILDREN))
    mother_age = ages[-1] + dice.between(*figures.MOTHER_AGE_AT_FIRST_CHILD)
    while mother_age > oldest_mother and len(ages) > 1:
        mother_age -= ages.pop() - ages[-1]
    return ages, mother_age


def family(dice: Dice, origin: Origin) -> list[Draft]:
    ages, mother_age = children_ages(
        dice, dice.pick(figures.CHILDREN_IN_FAMILY), figures.OLDEST_MOTHER
    )
    head = man(dice, origin, mother_age + dice.between(*figures.HUSBAND_OLDER_BY_YEARS))
    wife = wife_of(head, dice, origin, mother_age)
    children: list[Draft] = []
    for age in reversed(ages):
        children.append(child_of(head, dice, origin, age, children))
    if 17 <= mother_age <= 44 and min(ages) >= 0.5 and dice.chance(figures.PREGNANT_SHARE):
        make_pregnant(wife, dice)
    elif min(ages) < 2 and dice.chance(figures.LACTATING_SHARE):
        wife.is_lactating = True
    people = [head, wife, *children]
    if dice.chance(figures.SEPARATED_CHILD_SHARE):
        people.append(separated_child(head, dice, origin))
    return people


def make_pregnant(woman: Draft, dice: Dice) -> None:
    woman.is_pregnant = True
    woman.expected_delivery_date = dice.today + timedelta(
        days=round(dice.between(*figures.DAYS_TO_DELIVERY))
    )
    if dice.chance(figures.DIFFICULT_PREGNANCY_SHARE):
        woman.needs.append("SM-DP")
    if woman.age_on(dice.today) < 18:
        woman.needs.append("CR-TP")


def separated_child(head: Draft, dice: Dice, origin: Origin) -> Draft:
    """A nephew or niece: the child of the head's brother, whose parents are not here."""
    uncle: Name = dice.name(origin.male, avoid=[head.given])
    child = child_of(head, dice, origin, dice.between(*figures.SEPARATED_CHILD_AGE), [])
    child.relationship, child.father = Relationship.OTHER_RELATIVE, uncle
    child.grandfather = head.father
    child.needs.append("SC-SC")
    return child


def extended_family(dice: Dice, origin: Origin) -> list[Draft]:
    people = family(dice, origin)
    head = people[0]
    head_age = head.age_on(dice.today)
    if dice.chance(figures.EXTENDED_FAMILY_WITH_FATHER):
        father = man(
            dice,
            origin,
            head_age + dice.between(*figures.FATHER_OLDER_THAN_HEAD),
            Relationship.PARENT,
        )
        father.given = head.father or father.given
        father.father, father.family = head.grandfather, head.family
        people.append(father)
    if dice.chance(figures.EXTENDED_FAMILY_WITH_MOTHER):
        people.append(
            woman(
                dice,
                origin,
                head_age + dice.between(*figures.MOTHER_OLDER_THAN_HEAD),
                Relationship.PARENT,
            )
        )
    if dice.chance(figures.EXTENDED_FAMILY_WITH_SIBLING):
        sibling = man(dice, origin, dice.between(*figures.ADULT_SIBLING_AGE), Relationship.SIBLING)
        if dice.pick(figures.SEX_SHARES) == "F":
            sibling.sex, sibling.given = "F", dice.name(origin.female)
        sibling.father, sibling.grandfather, sibling.family = (
            head.father,
            head.grandfather,
            head.family,
        )
        people.append(sibling)
    return people


def couple(dice: Dice, origin: Origin) -> list[Draft]:
    wife_age = dice.between(*figures.YOUNG_WIFE_AGE)
    head = man(dice, origin, wife_age + dice.between(*figures.HUSBAND_OLDER_BY_YEARS))
    wife = wife_of(head, dice, origin, wife_age)
    if dice.chance(figures.PREGNANT_SHARE * 2):  # young couples: first child on the way
        make_pregnant(wife, dice)
    return [head, wife]


def single_man(dice: Dice, origin: Origin) -> list[Draft]:
    return [man(dice, origin, dice.rng.triangular(*figures.SINGLE_ADULT_AGE, 25))]


def brothers(dice: Dice, origin: Origin) -> list[Draft]:
    """Brothers travelling together; a brother under 18 is a separated child (SC-SC)."""
    head = man(dice, origin, dice.between(*figures.ELDEST_BROTHER_AGE))
    people = [head]
    for _ in range(1 if dice.chance(figures.TWO_BROTHERS_NOT_THREE) else 2):
        younger_by = dice.between(*figures.YOUNGER_BROTHER_BY_YEARS)
        brother = man(
            dice,
            origin,
            max(figures.YOUNGEST_TRAVELLING_BROTHER, head.age_on(dice.today) - younger_by),
        )
        brother.relationship = Relationship.SIBLING
        brother.given = dice.name(origin.male, avoid=[p.given for p in people])
        brother.father, brother.grandfather, brother.family = (
            head.father,
            head.grandfather,
            head.family,
        )
        if brother.age_on(dice.today) < 18:
            brother.needs.append("SC-SC")
        people.append(brother)
    return people


def single_mother(dice: Dice, origin: Origin) -> list[Draft]:
    """A mother whose husband died, stayed behind or went missing on the way."""
    ages, mother_age = children_ages(dice, min(dice.pick(figures.CHILDREN_IN_FAMILY), 5), 48)
    mother = woman(dice, origin, max(mother_age, 20.0))
    husband = man(dice, origin, mother_age + 5)
    children: list[Draft] = []
    for age in reversed(ages):
        children.append(child_of(husband, dice, origin, age, children))
    mother.needs.append("SP-PT")
    if dice.chance(figures.SINGLE_MOTHER_TRACING_SHARE):
        mother.needs.append("FU-TR")
    if min(ages) < 2 and dice.chance(figures.LACTATING_SHARE):
        mother.is_lactating = True
    return [mother, *children]


def single_woman(dice: Dice, origin: Origin) -> list[Draft]:
    person = woman(dice, origin, dice.between(*figures.SINGLE_ADULT_AGE))
    person.needs.append("WR-SF")
    return [person]


def older_person_alone(dice: Dice, origin: Origin) -> list[Draft]:
    age = dice.between(*figures.OLDER_PERSON_AGE)
    person = (
        man(dice, origin, age) if dice.pick(figures.SEX_SHARES) == "M" else woman(dice, origin, age)
    )
    person.needs.append("ER-NF")
    return [person]


def grandparent_with_grandchildren(dice: Dice, origin: Origin) -> list[Draft]:
    """A grandparent who travels with the children of a son who stayed behind or died."""
    grandparent = man(dice, origin, dice.between(*figures.GRANDPARENT_AGE))
    son = man(dice, origin, 35)
    son.father, son.grandfather, son.family = (
        grandparent.given,
        grandparent.father,
        grandparent.family,
    )
    if dice.chance(figures.GRANDMOTHER_NOT_GRANDFATHER):
        grandparent = woman(dice, origin, grandparent.age_on(dice.today))
    grandparent.needs.append("ER-MC")
    grandchildren: list[Draft] = []
    for _ in range(dice.rng.randint(*figures.GRANDCHILDREN)):
        grandchild = child_of(
            son, dice, origin, dice.between(*figures.GRANDCHILD_AGE), grandchildren
        )
        grandchild.relationship = Relationship.GRANDCHILD
        grandchildren.append(grandchild)
    return [grandparent, *grandchildren]


def unaccompanied_child(dice: Dice, origin: Origin) -> list[Draft]:
    """A child alone, registered as a household of one (SC-UC)."""
    age = dice.between(*figures.UNACCOMPANIED_CHILD_AGE) + 0.5
    child = (
        man(dice, origin, age)
        if dice.chance(figures.UNACCOMPANIED_BOYS)
        else woman(dice, origin, age)
    )
    child.needs.append("SC-UC")
    return [child]


BUILDERS: dict[str, Builder] = {
    "family": family,
    "extended_family": extended_family,
    "couple": couple,
    "single_man": single_man,
    "brothers": brothers,
    "single_mother": single_mother,
    "single_woman": single_woman,
    "older_person_alone": older_person_alone,
    "grandparent_with_grandchildren": grandparent_with_grandchildren,
    "unaccompanied_child": unaccompanied_child,
}
