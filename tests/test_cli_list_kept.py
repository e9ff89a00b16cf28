"""A warm ``journal-app list`` prints the list it kept only while every file it was made from is
there unchanged and no other is: otherwise (a post added, removed or changed, a link, another
time zone, a damaged row) it lists the journal again, and prints what the journal holds."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from journal_app.cli import day_of
from journal_app.core.dates import local
from journal_app.core.storage import cache_folder
from tests.quirks import write_quirks
from tests.test_cli_list import expected, listed

ZONES = ("UTC", "Asia/Seoul", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu")


@pytest.fixture
def zone(monkeypatch):
    """Set this process's time zone (and its children's) to a named one, and back after."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def kept_row(root) -> str | None:
    (database,) = cache_folder().glob("summaries-*.sqlite")
    with sqlite3.connect(database) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'list'").fetchone()
    db.close()
    return None if row is None else row[0]


def test_a_kept_list_is_printed_only_while_the_files_are_those_it_was_made_from(tmp_path):
    root = tmp_path / "journal"
    write_quirks(root)
    assert listed(root) == expected(root)
    assert kept_row(root) is not None
    posts = sorted(root.rglob("*.md"))
    same = root / "same.md"
    same.write_text("---\ntitle: 가나\n---\n")
    steps = [
        lambda: (root / "backup" / "새 글.md").write_text("---\ntitle: 새 글\ntags: [새]\n---\n"),
        lambda: posts[0].unlink(),
        # the same size, a later time
        lambda: (same.write_text("---\ntitle: 다라\n---\n"), touch(same, 1)),
        # the same time, another size
        lambda: rewrite_keeping_time(same, "---\ntitle: 마바사\n---\n"),
        lambda: posts[3].rename(posts[3].with_name("옮긴 글.md")),
        lambda: (root / "backup" / "sub").mkdir(),
        lambda: (root / "backup" / "sub" / "깊은 글.markdown").write_text("# 깊은 글\n"),
    ]
    for step in steps:
        step()
        want = expected(root)
        assert listed(root) == want  # the long way, then kept again
        assert listed(root) == want  # the kept list


def rewrite_keeping_time(path, text: str) -> None:
    info = path.stat()
    path.write_text(text)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def touch(path, seconds: float) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + int(seconds * 1e9)))


def test_a_warm_list_loads_neither_the_post_reader_nor_the_index_entries(tmp_path):
    root = tmp_path / "journal"
    write_quirks(root)
    listed(root)
    probe = (
        "import sys\nfrom journal_app.cli import main\n"
        f"main(['list', {str(root)!r}])\n"
        "heavy = ('yaml', 'journal_app.core.post', 'journal_app.core.postinfo', 'journal_app.core.index')\n"
        "print(sorted(name for name in sys.modules if name in heavy + ('PySide6',)), file=sys.stderr)\n"
    )
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert warm.returncode == 0 and warm.stderr.strip() == "[]"
    (root / "a.md").write_text("---\ntitle: a\n---\n")  # a change: the long way loads them
    changed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert "journal_app.core.postinfo" in changed.stderr


def wrong_title(kept: dict) -> None:
    kept["title"][0] = 7


def title_missing(kept: dict) -> None:
    del kept["title"][0]


def tag_not_text(kept: dict) -> None:
    kept["tags"][0] = [None]


def another_stamp(kept: dict) -> None:
    kept["stamp"] = "0:0"


@pytest.mark.parametrize(
    "damage", ['{"stamp": 1}', "[1, 2", "null", wrong_title, title_missing, tag_not_text, another_stamp]
)
def test_a_damaged_kept_list_is_made_again(tmp_path, damage):
    root = tmp_path / "journal"
    write_quirks(root)
    want = expected(root)
    assert listed(root) == want
    kept = kept_row(root)
    assert kept is not None
    if not isinstance(damage, str):
        damaged = json.loads(kept)
        damage(damaged)
        damage = json.dumps(damaged, ensure_ascii=False)
    (database,) = cache_folder().glob("summaries-*.sqlite")
    with sqlite3.connect(database) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'list'", (damage,))
    db.close()
    assert listed(root) == want
    assert kept_row(root) == kept  # made again
    assert listed(root) == want


def test_a_link_or_an_unreadable_post_keeps_no_list(tmp_path):
    root = tmp_path / "journal"
    write_quirks(root)
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: 바깥\n---\n")
    (root / "link.md").symlink_to(outside)
    want = expected(root)
    assert listed(root) == want and kept_row(root) is None
    outside.write_text("---\ntitle: 바뀐 바깥\n---\n")
    want = expected(root)
    assert listed(root) == want and kept_row(root) is None
    (root / "link.md").unlink()
    os.mkfifo(root / "pipe.md")  # never read: a summary saying so, not kept
    want = expected(root)
    assert "\tpipe\t" in want[0]
    assert listed(root) == want and kept_row(root) is None
    (root / "pipe.md").unlink()
    assert listed(root) == expected(root) and kept_row(root) is not None


def test_a_list_kept_in_one_time_zone_prints_the_days_of_another(tmp_path, zone):
    root = tmp_path / "journal"
    write_quirks(root)
    (root / "late.md").write_text("---\ntitle: 늦은 밤\ndate: 2021-03-28T23:30:00Z\n---\n")
    (root / "naive.md").write_text("---\ntitle: 시각만\ndate: 2021-03-28 23:30:00\n---\n")
    zone("UTC")
    in_utc = expected(root)
    assert listed(root) == in_utc and listed(root) == in_utc
    zone("Asia/Seoul")
    in_seoul = expected(root)
    assert in_seoul != in_utc
    assert listed(root) == in_seoul and listed(root) == in_seoul


@pytest.mark.parametrize("name", ZONES)
def test_the_day_a_list_prints_is_the_local_day(zone, name):
    zone(name)
    generator = random.Random(name)
    moments = [
        datetime(1000, 1, 1, tzinfo=UTC),
        datetime(999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
        datetime(9999, 12, 31, 20, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-12))),
        datetime(1, 1, 1, 5, tzinfo=timezone(timedelta(hours=3))),
        datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(2021, 3, 28, 12, 0),  # naive: local time
    ]
    start = datetime(1, 1, 2, tzinfo=UTC)
    for _ in range(3000):
        moment = start + timedelta(
            seconds=generator.randrange(315_000_000_000), microseconds=generator.randrange(10**6)
        )
        offset = timezone(timedelta(minutes=15 * generator.randrange(-56, 57)))
        moments.append(moment.astimezone(offset))
    for moment in moments:
        shown = local(moment)
        assert day_of(moment) == shown.strftime("%Y-%m-%d"), moment
