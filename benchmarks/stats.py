"""Small helpers to time things and summarise the timings."""

import math
import statistics
import time
from collections.abc import Callable
from typing import Any


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds the action took, and what it returned."""
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of values at or below."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * share)) - 1]


def summary(seconds: list[float]) -> dict[str, float]:
    """Median and 95th percentile in milliseconds."""
    return {
        "median_ms": round(statistics.median(seconds) * 1000, 1),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
        "n": len(seconds),
    }
