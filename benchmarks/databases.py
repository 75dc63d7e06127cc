"""A database of its own for every benchmark run, created before and dropped after.

SQLite: a file in a temporary folder. PostgreSQL: the database named by
WAYPOST_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/waypost_bench), which is
dropped and created again, so never point it at a database you want to keep.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import dj_database_url
import psycopg
from psycopg import sql

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
BACKENDS = (SQLITE, POSTGRESQL)
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/waypost_bench"
# Set in the environment of a benchmark run: the worker refuses to run without it, so it can
# never write its made-up people into a real database.
ISOLATED_FLAG = "WAYPOST_BENCH_ISOLATED"


def postgres_url() -> str:
    return os.environ.get("WAYPOST_BENCH_DATABASE_URL", DEFAULT_POSTGRES_URL)


def _admin_connection(url: str) -> psycopg.Connection:
    config = dj_database_url.parse(url)
    return psycopg.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
        connect_timeout=5,
    )


def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used for the benchmarks, or None when it can."""
    try:
        with _admin_connection(postgres_url()):
            return None
    except psycopg.OperationalError as error:
        return str(error).strip().splitlines()[0]


def _recreate(url: str, *, create: bool, kept: str | None = None) -> None:
    name = str(dj_database_url.parse(url)["NAME"])
    with _admin_connection(url) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
    if kept:
        from benchmarks import kept as keeping

        keeping.create_from_kept(kept, name)
    elif create:
        with _admin_connection(url) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


@contextmanager
def fresh_database(backend: str, *, keep: str | None = None) -> Iterator[dict[str, str]]:
    """The environment for a run against a new database, removed afterwards.

    With `keep` (see `benchmarks.kept`), the database starts as a copy of the registry kept
    under that name when there is one, else empty, and the run keeps its registry once loaded.
    """
    from benchmarks import kept as keeping

    with tempfile.TemporaryDirectory(prefix="waypost-bench-") as folder:
        env = {**os.environ, "WAYPOST_DATA_DIR": folder, ISOLATED_FLAG: "1"}
        env.pop("DATABASE_URL", None)
        restore = keep if keep and keeping.exists(backend, keep) else None
        if keep:
            env |= {keeping.ENABLED_FLAG: "1", keeping.NAME_VARIABLE: keep}
            env[keeping.RESTORED_FLAG] = "1" if restore else ""
        if backend == SQLITE:
            if restore:
                keeping.restore_sqlite(restore, folder)
            yield env
            return
        url = postgres_url()
        _recreate(url, create=True, kept=restore)
        try:
            yield {**env, "DATABASE_URL": url}
        finally:
            _recreate(url, create=False)
