"""The app's snapshots of a journal without git: kept outside the journal, deduplicated,
following a rename, thinned by the retention rule and held under the size cap."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest

from journal_app.core.history import SnapshotHistory, change_summary, data_folder, open_history
from journal_app.core.snapshots import SnapshotStore, line_changes, retained

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def journal(tmp_path):
    root = tmp_path / "journal"
    root.mkdir()
    return root


@pytest.fixture
def store(tmp_path, journal):
    created = SnapshotStore(tmp_path / "data" / "history", journal, clock=lambda: NOW)
    yield created
    created.close()


def test_a_journal_without_git_keeps_snapshots_in_the_data_folder_never_the_journal(tmp_path, journal):
    post = journal / "글.md"
    post.write_bytes(b"---\ntitle: \xea\xb8\x80\n---\nfirst\n")
    history = open_history(journal, tmp_path / "data")
    try:
        assert history.kind == "snapshots"
        assert history.record(post, b"second\n", before=post.read_bytes(), since=post.stat().st_mtime)
        versions = history.versions(post)
        assert [history.read(post, v) for v in versions] == [b"second\n", post.read_bytes()]
        assert versions[0].number == 1 and versions[0].size == len(b"second\n")
    finally:
        history.close()
    assert sorted(p.name for p in journal.rglob("*")) == ["글.md"]
    assert list((tmp_path / "data" / "journals").glob("*/history/catalogue.sqlite"))


def test_the_same_bytes_are_stored_once(store, journal):
    a, b = journal / "a.md", journal / "b.md"
    assert store.record(a, b"same text\n")
    assert not store.record(a, b"same text\n")  # the newest already
    assert store.record(b, b"same text\n")
    assert store.record(a, b"other\n")
    assert store.record(a, b"same text\n")
    blobs = [p for p in (store.folder / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 2
    assert [v.sha for v in store.versions(a)][0] == store.versions(b)[0].sha
    assert len(store.versions(a)) == 3


def test_each_version_says_how_many_lines_it_added_and_removed(store, journal):
    post = journal / "p.md"
    store.record(post, b"one\ntwo\nthree\n", NOW - timedelta(minutes=2))
    store.record(post, b"one\nTWO\nthree\nfour\nfive\n", NOW - timedelta(minutes=1))
    newest, oldest = store.versions(post)
    assert (newest.added, newest.removed) == (3, 1)
    assert change_summary(newest.added, newest.removed) == "+3 \u22121 lines"
    assert change_summary(oldest.added, oldest.removed) == "earliest kept version"
    assert line_changes(b"a\nb\n", b"b\na\n") == (0, 0)


def test_history_follows_a_renamed_post(store, journal):
    old, new = journal / "old.md", journal / "sub" / "새 이름.md"
    store.record(old, b"v1\n")
    store.record(old, b"v2\n")
    store.renamed(old, new)
    assert store.versions(old) == []
    assert [store.read(v.sha) for v in store.versions(new)] == [b"v2\n", b"v1\n"]
    store.record(new, b"v3\n")
    assert len(store.versions(new)) == 3


def test_retention_keeps_the_last_day_then_one_a_day_for_a_month_then_one_a_week():
    times = [NOW - timedelta(hours=h) for h in range(0, 24 * 90, 2)]  # every two hours, 90 days
    kept = [times[i] for i in retained(times, NOW)]
    last_day = [t for t in kept if NOW - t < timedelta(days=1)]
    month = [t for t in kept if timedelta(days=1) <= NOW - t < timedelta(days=30)]
    older = [t for t in kept if NOW - t >= timedelta(days=30)]
    assert len(last_day) == 12  # every save
    assert len({t.astimezone().date() for t in month}) == len(month)  # one a day
    assert 28 <= len(month) <= 30
    weeks = {t.astimezone().isocalendar()[:2] for t in older}
    assert len(weeks) == len(older) and 8 <= len(older) <= 10  # one a week
    assert retained([NOW - timedelta(days=400)], NOW) == {0}  # the newest always stays


def test_old_saves_are_thinned_when_recorded(store, journal):
    post = journal / "p.md"
    for day in range(40, 0, -1):
        for hour in (1, 5, 9):
            store.record(post, f"day {day} hour {hour}\n".encode(), NOW - timedelta(days=day, hours=hour))
    store.prune(NOW)
    versions = store.versions(post)
    days = {v.at.date() for v in versions}
    assert len(versions) == len(days)  # one a day (or a week), never three
    blobs = [p for p in (store.folder / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == len(versions)  # the dropped versions' blobs are gone


def test_the_size_cap_drops_the_oldest_first_never_the_newest(tmp_path, journal):
    store = SnapshotStore(tmp_path / "capped", journal, cap=30_000, clock=lambda: NOW)
    try:
        post, other = journal / "p.md", journal / "q.md"
        store.record(other, os.urandom(8_000), NOW - timedelta(hours=10))
        for n in range(6):
            store.record(post, os.urandom(8_000), NOW - timedelta(hours=5 - n))
        assert store.stored_bytes() <= 30_000
        assert len(store.versions(other)) == 1  # a post's newest stays
        kept = store.versions(post)
        assert kept[0].at == NOW  # the newest
        assert [v.at for v in kept] == [NOW, NOW - timedelta(hours=1)]  # the oldest went first
    finally:
        store.close()


def test_a_damaged_data_folder_says_so_at_the_first_save(tmp_path, journal):
    (tmp_path / "data").write_text("a file where the folder should be")
    history = open_history(journal, tmp_path / "data")
    assert history.versions(journal / "p.md") == []
    with pytest.raises(OSError):
        history.record(journal / "p.md", b"text\n")


def test_nothing_is_made_in_the_data_folder_before_the_first_save(tmp_path, journal):
    history = open_history(journal, tmp_path / "data")
    assert history.versions(journal / "p.md") == []
    history.renamed(journal / "p.md", journal / "q.md")
    history.close()
    assert not (tmp_path / "data").exists()


def test_the_data_folder_is_the_one_the_window_uses(monkeypatch, tmp_path):
    monkeypatch.setenv("JOURNAL_APP_DATA_DIR", str(tmp_path / "here"))
    assert data_folder() == tmp_path / "here"
    monkeypatch.delenv("JOURNAL_APP_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if os.name == "posix":
        assert data_folder() == tmp_path / "xdg" / "journal_app"  # the window's (Environment.default)


def test_snapshot_history_numbers_versions_newest_first(tmp_path, journal):
    post = journal / "p.md"
    history = SnapshotHistory(tmp_path / "history", journal, clock=lambda: NOW)
    history.record(post, b"b\n", before=b"a\n", since=(NOW - timedelta(hours=1)).timestamp())
    assert [v.number for v in history.versions(post)] == [1, 2]
    assert history.versions(post)[1].when < history.versions(post)[0].when
    history.close()
