"""Size budgets: a module stays under 400 lines, a function under 40 (past that, split it).

Lists every module and function over budget and fails on any that KNOWN below does not name;
a known one that has come back under budget must leave the list, so the list only shrinks.
"""

import ast
import sys
from pathlib import Path

MODULE_LINES = 400
FUNCTION_LINES = 40
ROOTS = ("waypost", "tests", "benchmarks", "scripts", "conftest.py")
# "path" for a module, "path::function" for a function, each with what to do about it.
KNOWN: dict[str, str] = {}


def python_files(top: Path) -> list[Path]:
    files: list[Path] = []
    for root in ROOTS:
        path = top / root
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if "migrations" not in f.parts]


def over_budget(path: Path, name: str) -> dict[str, int]:
    """What in one file is over budget, with its length in lines."""
    source = path.read_text(encoding="utf-8")
    found: dict[str, int] = {}
    if (lines := len(source.splitlines())) > MODULE_LINES:
        found[name] = lines
    for node in ast.walk(ast.parse(source, filename=name)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > FUNCTION_LINES:
                found[f"{name}::{node.name}"] = length
    return found


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> int:
    top = Path(__file__).resolve().parent.parent
    found: dict[str, int] = {}
    for path in python_files(top):
        found |= over_budget(path, path.relative_to(top).as_posix())
    new = sorted(set(found) - set(KNOWN))
    for key, lines in sorted(found.items()):
        label = "OVER BUDGET" if key in new else "over budget (known)"
        say(f"{label}: {key}: {lines} lines")
    for key in sorted(set(KNOWN) - set(found)):
        say(f"back under budget, take it off KNOWN in scripts/check_budgets.py: {key}")
    say(f"Budgets: modules {MODULE_LINES} lines, functions {FUNCTION_LINES} lines.")
    return 1 if new or set(KNOWN) - set(found) else 0


if __name__ == "__main__":
    sys.exit(main())
