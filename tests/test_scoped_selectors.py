"""Every actor-scoped selector gives the outsider nothing (STYLE 5.3).

Selectors are found, not listed: every public function of every `waypost/<app>/selectors.py`
(or module of a `selectors/` package) whose first parameter is the user. A selector added later
is checked without editing this file.
"""

import importlib
import inspect
from pathlib import Path

import pytest
from django.db.models import QuerySet
from django.http import Http404

from waypost.cases.tests.route_values import cases_selector_values
from waypost.distribution.tests.route_values import distribution_selector_values
from waypost.matching.registry_records import match_record_of
from waypost.registry.tests.factories import registered_household
from waypost.safety.tests.route_values import safety_selector_values
from waypost.stock.tests.factories import stock_route_values

PACKAGE = Path(__file__).resolve().parent.parent / "waypost"
# Functions that take the user but read nothing themselves, with the reason.
NOT_READS = {
    "waypost.registry.selectors.member_prefetch": "builds a prefetch that get_household_for uses",
}


def scoped_selectors():
    return list(_scoped_selectors())


def _scoped_selectors():
    found = [*PACKAGE.glob("*/selectors.py"), *PACKAGE.glob("*/selectors/*.py")]
    for path in sorted(found):
        dotted = path.relative_to(PACKAGE.parent).with_suffix("").parts
        module = importlib.import_module(".".join(dotted).removesuffix(".__init__"))
        app = dotted[1]
        for name, function in inspect.getmembers(module, inspect.isfunction):
            parameters = list(inspect.signature(function).parameters)
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            if parameters[:1] == ["user"] and f"{module.__name__}.{name}" not in NOT_READS:
                yield pytest.param(function, id=f"{app}.{name}")


def test_the_walk_finds_the_selectors():
    names = {param.id for param in scoped_selectors()}
    assert {"registry.households_visible_to", "registry.get_household_for"} <= names
    assert "sites.sites_visible_to" in names
    assert {"stock.warehouses_visible_to", "stock.get_shipment_for"} <= names


@pytest.mark.parametrize("selector", scoped_selectors())
def test_the_outsider_gets_nothing_from_the_selector(selector, outsider, unhcr_registrar, camp):
    household = registered_household(by=unhcr_registrar, site=camp)
    stock = stock_route_values(unhcr_registrar.agency, camp)
    values = {
        "household_id": str(household.pk),
        "individual_id": str(household.members.first().pk),
        "query": household.number,
        "warehouse_code": stock["warehouse_code"],
        "shipment_id": stock["shipment_id"],
        "record": match_record_of(household.members.first()),
        **distribution_selector_values(household),
        **safety_selector_values(household),
        **cases_selector_values(household),
    }
    parameters = list(inspect.signature(selector).parameters.values())[1:]
    # Options with a default (limits, exclusions) keep it: the outsider asks plainly.
    names = [p.name for p in parameters if p.default is inspect.Parameter.empty]
    if unknown := [name for name in names if name not in values]:
        pytest.fail(f"teach {__name__} a value for {unknown}")

    try:
        result = selector(outsider, *(values[name] for name in names))
    except Http404:
        return
    if isinstance(result, QuerySet):
        assert not result.exists()
    else:
        assert not result
