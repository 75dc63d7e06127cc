"""Run a deduplication as other tools would, in a process of its own: wall-clock time and the
peak memory (resident set) of that process, from the kernel's own accounting of it.
"""

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

KIB_PER_MIB = 1024


@dataclass(frozen=True)
class Run:
    tool: str
    command: list[str]
    seconds: float
    peak_mib: float
    exit_code: int
    # Processor time of the process (user and system): on a machine shared with other work
    # the wall clock waits for the processor, this does not.
    cpu_seconds: float = 0.0
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)  # when the run ended

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


def measured(tool: str, command: list[str], *, log: Path | None = None) -> Run:
    """Run `command` to its end; its output goes to `log` (or to ours, to show progress)."""
    stream = log.open("w", encoding="utf-8") if log else None
    try:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stream, stderr=stream)  # noqa: S603
        # wait4 gives this child's own resource use; ru_maxrss is in KiB on Linux.
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stream:
            stream.close()
    return Run(
        tool=tool,
        command=command,
        seconds=round(seconds, 1),
        peak_mib=round(usage.ru_maxrss / KIB_PER_MIB, 1),
        exit_code=process.returncode,
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 1),
        load_average=os.getloadavg(),
    )


def waypost_executable() -> list[str]:
    """The installed `waypost` command beside this interpreter, as other tools would call it."""
    script = Path(sys.executable).parent / "waypost"
    return [str(script)] if script.exists() else [sys.executable, "-m", "waypost.cli"]


def waypost_dedup(records: Path, output: Path, *, threshold: float | None) -> list[str]:
    command = [*waypost_executable(), "dedup", "--input", str(records), "--output", str(output)]
    if threshold is not None:
        command += ["--threshold", str(threshold)]
    return command


def splink_baseline(records: Path, output: Path, *, threshold: float, seed: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "benchmarks.dedup.baseline",
        "--input",
        str(records),
        "--output",
        str(output),
        f"--threshold={threshold}",
        f"--seed={seed}",
    ]
