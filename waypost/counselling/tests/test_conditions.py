"""The guide's condition language: three-valued logic checked against a plain reference."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waypost.counselling.guide import Facts, FamilyMember
from waypost.counselling.guide.conditions import Compiler, Context, GuideDataError

FACTS = ("unaccompanied", "separated", "married", "pregnant")
ON = date(2026, 11, 25)


def compiler(fragments=None):
    groups = {"eu": frozenset({"DEU", "POL"})}
    return Compiler(where="test.json", fragments=fragments or {}, groups=groups)


leaves = st.sampled_from(FACTS).map(
    lambda name: {"fact": name, "op": "is", "value": True, "text": f"{name} is true"}
)
trees = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=3).map(lambda parts: {"all": parts}),
        st.lists(children, min_size=1, max_size=3).map(lambda parts: {"any": parts, "text": "any"}),
        children.map(lambda part: {"not": part, "text": "not"}),
    ),
    max_leaves=8,
)
values = st.fixed_dictionaries({name: st.sampled_from([True, False, None]) for name in FACTS})


def reference(node, known):
    """Kleene's strong three-valued logic, written out plainly."""
    if "all" in node:
        found = [reference(part, known) for part in node["all"]]
        return False if False in found else (None if None in found else True)
    if "any" in node:
        found = [reference(part, known) for part in node["any"]]
        return True if True in found else (None if None in found else False)
    if "not" in node:
        inner = reference(node["not"], known)
        return None if inner is None else not inner
    return known[node["fact"]]


@settings(max_examples=400, deadline=None)
@given(trees, values)
def test_conditions_follow_three_valued_logic(tree, known):
    verdict = compiler().compile(tree)(Context(Facts(**known), ON))
    assert verdict.value is reference(tree, known)
    if verdict.value is None:
        assert verdict.missing and set(verdict.missing) <= {n for n in FACTS if known[n] is None}


def test_family_member_is_true_when_some_relative_meets_all_and_names_missing_facts():
    condition = compiler().compile(
        {
            "family_member": {
                "all": [
                    {"member": "country", "op": "in_group", "value": "eu", "text": "in the EU"},
                    {"member": "status", "op": "eq", "value": "refugee", "text": "refugee"},
                ]
            },
            "text": "a refugee relative in the EU",
        }
    )
    turkey = FamilyMember(country="TUR", relation="sibling", status="refugee")
    unknown = FamilyMember(country="DEU", relation="sibling", status="unknown")
    poland = FamilyMember(country="POL", relation="spouse", status="refugee")

    def value(*members):
        return condition(Context(Facts(family_abroad=members), ON))

    assert value().value is False
    assert value(turkey).value is False
    assert (value(turkey, unknown).value, value(turkey, unknown).missing) == (
        None,
        ["family_member.status"],
    )
    found = value(unknown, poland)
    assert (found.value, found.member) == (True, poland)
    assert found.met == ["a refugee relative in the EU", "in the EU", "refugee"]


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ({"fact": "height", "op": "eq", "value": 1, "text": "x"}, "unknown fact 'height'"),
        ({"fact": "age", "op": "like", "value": 1, "text": "x"}, "unknown operator 'like'"),
        ({"fact": "age", "op": "lt", "value": 18}, "without a text"),
        ({"member": "country", "op": "eq", "value": "DEU", "text": "x"}, "unknown fact 'country'"),
        ({"ref": "nowhere"}, "unknown fragment 'nowhere'"),
        ({"fact": "age", "op": "within_months", "value": 3, "text": "x"}, "needs a date"),
        (
            {
                "family_member": {
                    "member": "country",
                    "op": "in_group",
                    "value": "asia",
                    "text": "x",
                },
                "text": "y",
            },
            "unknown group 'asia'",
        ),
    ],
)
def test_mistakes_in_a_condition_are_refused_with_the_file_named(condition, message):
    with pytest.raises(GuideDataError, match=f"test.json: .*{message}"):
        compiler().compile(condition)
