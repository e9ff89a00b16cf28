"""Root ignores file permissions, so the tests marked ``permissions`` cannot fail as root. This
runs them again in a child pytest as root without the capabilities that override permissions
(``setpriv`` drops them from the bounding set), so a root CI run still checks them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PERMISSIONS_ENFORCED

ROOT = Path(__file__).resolve().parent.parent
DROPPED = "-dac_override,-dac_read_search,-fowner"


def files_with_permission_tests() -> list[str]:
    """The test files that mark tests ``permissions``: the child collects only these (collecting
    the whole suite costs more than running the marked tests)."""
    here = Path(__file__).resolve()
    return sorted(
        str(path)
        for path in (ROOT / "tests").rglob("test_*.py")
        if path != here and "mark.permissions" in path.read_text(encoding="utf-8")
    )


@pytest.mark.skipif(PERMISSIONS_ENFORCED, reason="permissions are enforced: the marked tests ran")
def test_permission_tests_pass_without_root_powers(tmp_path):
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is not installed")
    probe = subprocess.run(
        [
            setpriv,
            "--bounding-set",
            DROPPED,
            sys.executable,
            "-c",
            "from tests.conftest import PERMISSIONS_ENFORCED as e; print(e)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if probe.stdout.strip() != "True":  # e.g. a container without CAP_SETPCAP
        pytest.skip(f"setpriv could not drop root's powers here: {probe.stderr.strip()[-300:]}")
    command = [
        setpriv,
        "--bounding-set",
        DROPPED,
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-m",
        "permissions",
        "-p",
        "no:cacheprovider",
        f"--basetemp={tmp_path / 'run'}",
        "-o",
        "addopts=-ra",
        *files_with_permission_tests(),
    ]
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        # the bytecode pytest compiled (with its assertion messages) for this run is used again
        env={key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) >= 7, summary
    assert "skipped" not in summary and "deselected" in summary, summary
