"""The Spark backend gives the clusters DuckDB gives (national scale runs on Spark)."""

import importlib.util
import shutil

import pytest

from waypost.matching.batch import deduplicate
from waypost.matching.groundtruth import generate
from waypost.matching.training import match_record

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None,
        reason="pyspark is not installed (pip install 'waypost[spark]')",
    ),
    # `make install` brings pyspark; Spark itself runs on Java, which only the system provides.
    pytest.mark.skipif(
        shutil.which("java") is None, reason="Spark needs Java 17 or newer; no java on PATH"
    ),
]


def test_spark_and_duckdb_give_the_same_clusters_and_scores():
    records = [match_record(record) for record in generate(people=150, seed=2).records]
    on_duckdb = deduplicate(records, threshold=0.5)
    on_spark = deduplicate(records, threshold=0.5, backend="spark")
    assert on_spark.clusters == on_duckdb.clusters
    weights = {(pair.id_a, pair.id_b): pair.score.weight for pair in on_duckdb.pairs}
    assert len(on_duckdb.pairs) > 100
    assert {(pair.id_a, pair.id_b): pair.score.weight for pair in on_spark.pairs} == pytest.approx(
        weights, abs=1e-9
    )
