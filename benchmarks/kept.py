"""A loaded registry kept between benchmark runs, so a large one is generated and loaded once.

Loading 1,000,000 people takes the best part of an hour on a small machine; what is measured
afterwards takes minutes. With `--keep`, the first run saves the database as it stands right
after the load (before anything is measured) and later runs of the same size start from a copy:
on PostgreSQL a database created with that one as its TEMPLATE, on SQLite a copy of the file
written with VACUUM INTO. A kept registry is named by its size and layout; a restored copy is
migrated, so migrations added since apply to it (after editing an existing migration, delete the
kept copies). Kept databases are never dropped by the runs.
"""

import os
import shutil
from pathlib import Path

import dj_database_url
from django.db import connection
from psycopg import sql

from benchmarks.databases import POSTGRESQL, SQLITE, _admin_connection, postgres_url

ENABLED_FLAG = "WAYPOST_BENCH_KEEP"
NAME_VARIABLE = "WAYPOST_BENCH_KEPT_NAME"
RESTORED_FLAG = "WAYPOST_BENCH_RESTORED"
FOLDER_VARIABLE = "WAYPOST_BENCH_KEEP_DIR"


def kept_name(people: int, parts: list[str]) -> str:
    """The name of the kept registry: its size and layout (spread over sites for supply, and
    only the rows the needs read when supply alone is measured)."""
    layout = "supply" if parts == ["supply"] else "sites" if "supply" in parts else "camp"
    return f"keep_{people}_{layout}"


def sqlite_copy(name: str) -> Path:
    folder = Path(os.environ.get(FOLDER_VARIABLE) or Path.cwd() / "var" / "bench-registries")
    return folder / f"{name}.sqlite3"


def postgres_kept(name: str) -> str:
    return f"{dj_database_url.parse(postgres_url())['NAME']}_{name}"


def exists(backend: str, name: str) -> bool:
    if backend == SQLITE:
        return sqlite_copy(name).exists()
    with _admin_connection(postgres_url()) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [postgres_kept(name)])
        return found.fetchone() is not None


def restore_sqlite(name: str, folder: str) -> None:
    """Put a copy of the kept file where the run's settings look for the database."""
    shutil.copyfile(sqlite_copy(name), Path(folder) / "waypost.sqlite3")


def create_from_kept(name: str, target: str) -> None:
    """CREATE DATABASE target TEMPLATE kept (the target was dropped just before)."""
    with _admin_connection(postgres_url()) as admin:
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(target), sql.Identifier(postgres_kept(name))
            )
        )


def save() -> None:
    """Keep the database as it stands (called right after the load, when asked to keep)."""
    name = os.environ.get(NAME_VARIABLE)
    if os.environ.get(ENABLED_FLAG) != "1" or not name:
        return
    if connection.vendor == POSTGRESQL:
        save_postgres(name)
    else:
        target = sqlite_copy(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(target)])


def save_postgres(name: str) -> None:
    """A database can serve as a template only while nobody is connected to it: ours closes."""
    source = str(connection.settings_dict["NAME"])
    connection.close()
    with _admin_connection(postgres_url()) as admin:
        kept = sql.Identifier(postgres_kept(name))
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(kept))
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(kept, sql.Identifier(source))
        )


def restored() -> bool:
    """Whether this run's database started as a copy of a kept registry."""
    return os.environ.get(RESTORED_FLAG) == "1"
