"""The OpenAPI schema cut into one snapshot file per tag (one tag per app's router).

Each file holds the operations of its tag and every schema they reach, so a change to one app's
API shows up as a diff in that app's file alone; `_common.json` holds the rest (title, version,
security schemes).
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SNAPSHOTS = Path(__file__).parent / "snapshots" / "openapi"
COMMON = "_common"


def split_by_tag(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{tag or "_common": the part of `schema` it owns}."""
    parts: dict[str, dict[str, Any]] = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            tag = (operation.get("tags") or ["untagged"])[0]
            part = parts.setdefault(tag, {"paths": {}, "schemas": {}})
            part["paths"].setdefault(path, {})[method] = operation
    components = schema.get("components", {})
    for part in parts.values():
        part["schemas"] = reachable_schemas(part["paths"], components.get("schemas", {}))
    common = {key: value for key, value in schema.items() if key not in ("paths", "components")}
    common["securitySchemes"] = components.get("securitySchemes", {})
    parts[COMMON] = common
    return parts


def reachable_schemas(paths: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    pending = list(references(paths))
    while pending:
        name = pending.pop()
        if name in found or name not in schemas:
            continue
        found[name] = schemas[name]
        pending.extend(references(schemas[name]))
    return dict(sorted(found.items()))


def references(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def write(parts: dict[str, dict[str, Any]]) -> None:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for stale in set(stored()) - set(parts):
        (SNAPSHOTS / f"{stale}.json").unlink()
    for name, part in parts.items():
        text = json.dumps(part, indent=2, sort_keys=True) + "\n"
        (SNAPSHOTS / f"{name}.json").write_text(text, encoding="utf-8")


def stored() -> dict[str, dict[str, Any]]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SNAPSHOTS.glob("*.json"))
    }
