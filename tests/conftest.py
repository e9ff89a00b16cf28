"""Shared fixtures: a journal folder holding every quirk of docs/FORMATS.md."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from tests.quirks import write_quirks

# How many examples each property test tries: "quick" by default (the whole suite stays fast),
# HYPOTHESIS_PROFILE=deep for a long local run. No deadline: the machine is often shared, and
# a slow example is not a wrong one. The profiles build on the one hypothesis chose (its "ci"
# profile on a CI machine). The quick profile tries the same examples on every run, so a run is
# never red by the luck of the draw; the deep one draws new examples each time, to find new
# failures (each found one is kept as an @example).
settings.register_profile("quick", parent=settings.default, max_examples=50, deadline=None, derandomize=True)
settings.register_profile("deep", parent=settings.default, max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def _memory_backed_temp() -> None:
    """The tests' files (tmp_path, tempfile, and the children the tests start) in a folder kept in
    memory when the machine has one (``/dev/shm``) and no TMPDIR was chosen: every save syncs its
    file to the disk (as it must), and on a busy disk a few hundred of those syncs cost the run
    seconds of waiting for no test's sake. What the tests check of the files is the same there."""
    shared = Path("/dev/shm")
    if os.environ.get("TMPDIR") or not shared.is_dir() or not os.access(shared, os.W_OK | os.X_OK):
        return
    room = os.statvfs(shared)
    if room.f_bavail * room.f_frsize < 2 * 1024**3:  # (a container's small one: the disk then)
        return
    os.environ["TMPDIR"] = str(shared)
    tempfile.tempdir = None  # (asked again: TMPDIR now)


_memory_backed_temp()


def _permissions_enforced() -> bool:
    """Whether this process is refused what permissions forbid: writing a read-only file,
    reading a file and listing a folder without permissions (root is allowed all of it, unless
    it runs without the capabilities that override permissions)."""
    with tempfile.TemporaryDirectory() as folder:
        probe, closed = Path(folder) / "probe", Path(folder) / "closed"
        probe.write_bytes(b"")
        closed.mkdir()
        probe.chmod(0o000)
        closed.chmod(0o000)
        refused = 0
        for attempt in (
            lambda: open(probe, "ab").close(),
            lambda: open(probe, "rb").close(),
            lambda: os.listdir(closed),
        ):
            try:
                attempt()
            except PermissionError:
                refused += 1
        closed.chmod(0o700)
        return refused == 3


PERMISSIONS_ENFORCED = _permissions_enforced()


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "permissions: needs file permissions to be enforced; when the run is root, "
        "tests/test_without_root_powers.py runs these without root's override",
    )
    config.addinivalue_line(
        "markers",
        "page_loads_meanwhile: with web_view, the window fixture does not wait for the preview's "
        "page before the test (tests/ui/conftest.py)",
    )
    config.addinivalue_line(
        "markers",
        "web_view: the window fixture makes the preview's web view and waits for its page "
        "(tests/ui/conftest.py); without it the window has none until a page helper asks",
    )


# The tests that take longest (most start a child python, the app or a browser, and wait on it),
# longest first, run before the rest: the run's two workers then end on short tests together, not
# one of them on a long one started last (pytest-xdist hands out the tests in this order). A name
# here that no longer exists orders nothing.
SLOW_FIRST = (
    "tests/test_without_root_powers.py::",
    "tests/ui/test_teardown.py::test_closing_during_a_long_render",
    "tests/core/test_incremental.py::test_after_every_edit_the_render_is_the_full_render",
    "tests/core/test_flavors.py::test_openers_that_never_close",
    "tests/core/test_search_build.py::test_the_other_process",
    "tests/core/test_kill_during_save.py::",
    "tests/ui/test_hostile_journal_window.py::",
    "tests/ui/test_screenshot.py::",
    "tests/ui/test_root_launch.py::",
    "tests/ui/test_interface_language.py::test_with_a_korean_system_locale",
    "tests/ui/test_sidebar_changes.py::test_applying_changes",
    "tests/test_cli.py::test_check_and_list_name_every_hostile_file",
    "tests/core/test_hostile.py::test_a_journal_1000_folders_deep",
    "tests/core/test_hostile.py::test_twenty_thousand_tags",
    "tests/core/test_concurrency.py::test_workers_exit_when_their_parent_is_killed",
    "tests/core/test_browser.py::",
    "tests/ui/test_faults.py::test_empty_file_and_huge_post",
    "tests/ui/test_hostile_window.py::test_a_megabyte_line",
)


def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        return next((n for n, name in enumerate(SLOW_FIRST) if item.nodeid.startswith(name)), len(SLOW_FIRST))

    items.sort(key=rank)  # stable: the rest as collected
    if PERMISSIONS_ENFORCED:
        return
    skip = pytest.mark.skip(
        reason="root ignores file permissions here; "
        "test_without_root_powers runs this test without that power"
    )
    for item in items:
        if item.get_closest_marker("permissions"):
            item.add_marker(skip)


@pytest.fixture
def quirk_journal(tmp_path):
    """A journal folder with every quirk file; yields (root, {path: original bytes})."""
    root = tmp_path / "journal"
    written = write_quirks(root)
    return root, written


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder (the summary index), never the user's."""
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def _zone(monkeypatch, name: str):
    import time

    monkeypatch.setenv("TZ", name)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def seoul(monkeypatch):
    """This process on Korean time (UTC+9, no daylight saving) for the test."""
    yield from _zone(monkeypatch, "Asia/Seoul")


@pytest.fixture
def london(monkeypatch):
    """This process on London time (daylight saving: 25 October 2026 repeats 01:00-02:00)."""
    yield from _zone(monkeypatch, "Europe/London")


@pytest.fixture
def tmpfs(tmp_path):
    """Mount small tmpfs folders for the test (root only; skipped elsewhere): call it with a
    size such as "64k"; everything it mounted is unmounted afterwards."""
    import shutil
    import subprocess
    import uuid

    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mounted = []

    def mount(size: str):
        point = tmp_path / f"tmpfs-{uuid.uuid4().hex[:6]}"
        point.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)
