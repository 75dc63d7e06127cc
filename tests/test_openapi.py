"""The API's contract is frozen in tests/snapshots/openapi.json (STYLE 5.4): a change to an
operation, a schema or a permission shows up as a diff in review.

After an intended change, regenerate the snapshot and commit it with the change:

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_openapi.py
"""

import json
import os
from pathlib import Path

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


def test_the_openapi_schema_matches_the_snapshot(client, camp_viewer):
    client.force_login(camp_viewer)
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()

    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    assert schema == json.loads(SNAPSHOT.read_text(encoding="utf-8")), (
        "The API changed. If that was intended: UPDATE_SNAPSHOTS=1 pytest tests/test_openapi.py"
    )


def test_the_schema_is_for_signed_in_staff_only(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
