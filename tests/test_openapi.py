"""The API's contract is frozen in tests/snapshots/openapi/ (STYLE 5.4), one file per tag: a
change to an operation, a schema or a permission shows up as a diff in review.

After an intended change, regenerate the snapshot and commit it with the change:

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_openapi.py
"""

import os

from tests import openapi_snapshot


def test_the_openapi_schema_matches_the_snapshot(client, camp_viewer):
    client.force_login(camp_viewer)
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()

    parts = openapi_snapshot.split_by_tag(schema)

    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        openapi_snapshot.write(parts)

    stored = openapi_snapshot.stored()
    changed = sorted(
        name for name in parts.keys() | stored.keys() if parts.get(name) != stored.get(name)
    )
    assert not changed, (
        f"The API changed in {changed}. If that was intended: "
        "UPDATE_SNAPSHOTS=1 pytest tests/test_openapi.py, and commit those files"
    )


def test_the_schema_is_for_signed_in_staff_only(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
