"""House conventions that a reviewer should not have to check by eye.

- Views and API operations write only through services (STYLE 5.2) and read protected records
  only through actor-scoped selectors (STYLE 5.3): no `.save(`, `.create(`, `.update(`,
  `.delete(`, `objects.get(` or `get_object_or_404(` in any views or api module.
- Modules stay under the size budget (STYLE 5.1); `scripts/check_budgets.py` also checks
  functions and is what `make check` runs.
"""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "waypost"
FORBIDDEN = {
    r"\.save\(": "write through a service (STYLE 5.2)",
    r"\.create\(": "write through a service (STYLE 5.2)",
    r"\.update\(": "write through a service (STYLE 5.2); for a dict, use | instead",
    r"\.delete\(": "write through a service (STYLE 5.2)",
    r"objects\.get\(": "read through an actor-scoped selector (STYLE 5.3)",
    r"get_object_or_404\(": "read through an actor-scoped selector (STYLE 5.3)",
}
_COMMENT = re.compile(r"#.*$")


def interface_modules():
    """Every views and api module: views.py, check_views.py, and views/ and api/ packages."""
    found = set()
    for name in ("views", "api"):
        found |= set(PACKAGE.rglob(f"{name}.py")) | set(PACKAGE.rglob(f"*_{name}.py"))
        found |= set(PACKAGE.rglob(f"{name}/*.py"))
    return sorted(path for path in found if "tests" not in path.parts)


def offences(source):
    for number, line in enumerate(source.splitlines(), start=1):
        code = _COMMENT.sub("", line)
        for pattern, advice in FORBIDDEN.items():
            if re.search(pattern, code):
                yield f"line {number}: {line.strip()}  -> {advice}"


def test_the_walk_finds_the_views_and_api_modules():
    names = {path.relative_to(PACKAGE).as_posix() for path in interface_modules()}
    assert {"api.py", "core/views.py", "registry/views.py", "registry/api.py"} <= names
    assert {"matching/check_views.py", "matching/check_api.py"} <= names


@pytest.mark.parametrize("path", interface_modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_views_and_api_neither_write_nor_read_unscoped(path):
    found = list(offences(path.read_text(encoding="utf-8")))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        "household.save()",
        "Household.objects.create(number=n)",
        "households.update(site=site)",
        "person.delete()",
        "Household.objects.get(pk=household_id)",
        "get_object_or_404(Household, pk=household_id)",
    ],
)
def test_the_convention_check_catches(line):
    assert list(offences(f"def view(request):\n    {line}\n"))


def test_the_convention_check_leaves_selectors_and_comments_alone():
    source = "household = get_household_for(user, pk)  # never Household.objects.get(pk=pk)\n"
    assert not list(offences(source))


def test_every_module_stays_under_the_size_budget():
    budgets = load_budgets_script()
    modules = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    too_long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > budgets.MODULE_LINES
    }
    assert too_long == {}, "Split these into packages (STYLE 5.1)"


def test_the_budget_script_reports_long_modules_and_functions(tmp_path):
    budgets = load_budgets_script()
    body = "\n".join(f"    x = {i}" for i in range(budgets.FUNCTION_LINES))
    padding = "\n" * budgets.MODULE_LINES
    module = tmp_path / "long.py"
    module.write_text(f"def long_function():\n{body}\n\n\ndef short():\n    pass\n{padding}")

    found = budgets.over_budget(module, "long.py")

    assert set(found) == {"long.py", "long.py::long_function"}
    assert found["long.py::long_function"] == budgets.FUNCTION_LINES + 1


def test_the_budget_script_passes_the_code_base(capsys):
    assert load_budgets_script().main() == 0, capsys.readouterr().out


def load_budgets_script():
    spec = importlib.util.spec_from_file_location(
        "check_budgets", ROOT / "scripts/check_budgets.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
