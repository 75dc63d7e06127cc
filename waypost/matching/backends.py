"""Where Splink runs: DuckDB in this process (the default), or Spark for national scale.

Either way the Python function one level needs (`model.cached_same_name`) is registered under
the name the model's SQL calls. Spark needs
`pyspark` (`pip install 'waypost[spark]'`) and Java; a local session is started when none is
running, and a cluster's session is used when the job is submitted to one (docs/matching.md).
"""

import os
import sys
from typing import Any

from waypost.matching import model
from waypost.matching.splink_model import DUCKDB, SPARK

# Ours: Spark's default of 200 shuffle partitions is made for clusters; a single machine runs
# the same job faster with a few.
LOCAL_SHUFFLE_PARTITIONS = 8


class BackendUnavailableError(RuntimeError):
    pass


def database_api(backend: str) -> Any:
    if backend == DUCKDB:
        return duckdb_api()
    if backend == SPARK:
        return spark_api()
    raise BackendUnavailableError(f"unknown backend {backend!r}: use {DUCKDB} or {SPARK}")


def duckdb_api() -> Any:
    from splink import DuckDBAPI

    db_api = DuckDBAPI()
    register_duckdb_functions(db_api.duckdb_con)
    return db_api


def register_duckdb_functions(connection: Any) -> None:
    """Make the Python-only levels callable from DuckDB SQL, a batch of rows per call."""
    import pyarrow as pa

    def same_name(first: Any, second: Any) -> Any:
        return pa.array(
            [
                None if one is None or other is None else model.cached_same_name(one, other)
                for one, other in zip(first.to_pylist(), second.to_pylist(), strict=True)
            ],
            pa.bool_(),
        )

    connection.create_function(
        model.SAME_NAME_SQL, same_name, ["VARCHAR", "VARCHAR"], "BOOLEAN", type="arrow"
    )


def spark_api() -> Any:
    try:
        from pyspark.sql import SparkSession
        from pyspark.sql.types import BooleanType
        from splink import SparkAPI
        from splink.backends.spark import similarity_jar_location
    except ImportError as error:
        raise BackendUnavailableError(
            "the spark backend needs pyspark: pip install 'waypost[spark]'"
        ) from error
    # Spark's Python workers must run the interpreter this process runs (the same packages).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.appName("waypost dedup")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", LOCAL_SHUFFLE_PARTITIONS)
        .getOrCreate()
    )
    session.udf.register(model.SAME_NAME_SQL, _same_name_or_null, BooleanType())
    # Splink cuts Spark's lineage between steps by checkpointing, which needs a checkpoint
    # folder (set on a cluster); a local session keeps the steps in memory instead.
    checkpoints = session.sparkContext.getCheckpointDir()
    return SparkAPI(  # type: ignore[no-untyped-call]
        spark_session=session, break_lineage_method="checkpoint" if checkpoints else "persist"
    )


def _same_name_or_null(first: str | None, second: str | None) -> bool | None:
    """As DuckDB calls it: NULL when either name is missing."""
    if first is None or second is None:
        return None
    return model.cached_same_name(first, second)
