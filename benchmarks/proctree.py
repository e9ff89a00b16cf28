"""Small helpers of the benchmarks: memory of a process tree, the machine, the commit, medians.

``pss_of_tree(pid)`` sums the proportional set size (``Pss:`` of ``/proc/PID/smaps_rollup``)
of a process and all its descendants (found through ``/proc/PID/task/*/children``), the
memory an app costs with its helper processes (QtWebEngine's renderer, GPU and utility
processes), shared pages counted once across the tree.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from pathlib import Path


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants that are alive now."""
    found: list[int] = []
    pending = [pid]
    while pending:
        current = pending.pop()
        if current in found:
            continue
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
        except OSError:
            pass
    return found


def pss_of(pid: int) -> float:
    """PSS in MB of the one process ``pid`` (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def uss_of_tree(pid: int) -> float:
    """Private memory in MB (USS: ``Private_Clean`` + ``Private_Dirty``) of ``pid`` and its
    descendants: unlike PSS, it does not depend on how many other processes of the machine map
    the same libraries (on a shared machine, other Qt apps lower everyone's PSS)."""
    total_kb = 0
    for current in tree_pids(pid):
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                total_kb += sum(int(line.split()[1]) for line in rollup if line.startswith("Private_"))
        except OSError:
            pass
    return total_kb / 1024


def pss_of_tree(pid: int) -> tuple[float, int]:
    """(PSS in MB summed over ``pid`` and its descendants, number of processes read)."""
    total_kb, counted = 0, 0
    for current in tree_pids(pid):
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total_kb += int(line.split()[1])
                        counted += 1
                        break
        except OSError:
            pass
    return total_kb / 1024, counted


def cpu_model() -> str:
    """The CPU's model name, as /proc/cpuinfo gives it."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load() -> str:
    """The load average now, as three numbers."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def commit(tree: Path) -> str:
    """The commit checked out in ``tree`` (with "+changes" when the work tree differs)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"], cwd=tree, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=tree, capture_output=True, text=True
        ).stdout.strip()
        subject = subprocess.run(
            ["git", "log", "-1", "--format=%cd", "--date=iso"], cwd=tree, capture_output=True, text=True
        ).stdout.strip()
        return f"{head}{' +changes' if dirty else ''} ({subject})"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(tree: Path) -> list[str]:
    """Lines describing the machine, the interpreter and the Qt binding, and the commit."""
    import sys

    try:
        import PySide6

        pyside = PySide6.__version__
        from PySide6 import QtCore

        qt = QtCore.qVersion()
    except ImportError:
        pyside, qt = "not installed", "?"
    return [
        f"machine: {os.cpu_count()} cores, {cpu_model()}, {platform.system()} {platform.release()}",
        f"python {platform.python_version()} ({sys.executable}), PySide6 {pyside}, Qt {qt}",
        f"commit: {commit(tree)}",
    ]


def median(values: list[float]) -> float:
    """The median (the runs of a loaded machine have long tails; the median ignores them)."""
    return statistics.median(values)
