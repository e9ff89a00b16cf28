"""The journal: scanning, grouping by tag and by date, resilience to bad files and folders."""

from __future__ import annotations

import os

import pytest

from journal_app.core import UNTAGGED, Journal, JournalChange
from journal_app.core.problems import ProblemKind


def test_scan_finds_every_post_and_skips_build_output(quirk_journal):
    root, written = quirk_journal
    for skipped in (
        "_site/copy.md",
        "public/copy.md",
        "node_modules/x/readme.md",
        ".git/x.md",
        ".hidden/note.md",
    ):
        (root / skipped).parent.mkdir(parents=True, exist_ok=True)
        (root / skipped).write_text("# skipped\n")
    (root / "notes/not-a-post.txt").write_text("x")
    journal = Journal(root)
    assert sorted(info.path for info in journal.posts) == sorted(written)


def test_posts_newest_first(quirk_journal):
    root, _ = quirk_journal
    dates = [info.date for info in Journal(root).posts]
    assert dates == sorted(dates, reverse=True)


def test_by_tag(quirk_journal):
    root, _ = quirk_journal
    groups = Journal(root).by_tag()
    assert [info.title for info in groups["여행"]] == ["제주 여행 후기"]
    assert {info.title for info in groups["hugo"]} == {"Hugo post", "TOML post"}
    assert [info.title for info in groups["hugo"]] == ["Hugo post", "TOML post"]  # newest first
    assert list(groups)[-1] == UNTAGGED
    assert "Just a heading" in [info.title for info in groups[UNTAGGED]]
    counts = [len(posts) for tag, posts in groups.items() if tag != UNTAGGED]
    assert counts == sorted(counts, reverse=True)


def test_by_date(quirk_journal):
    root, _ = quirk_journal
    years = Journal(root).by_date()
    assert list(years) == sorted(years, reverse=True)
    assert [info.title for info in years[2021][10]] == ["가을", "날짜 없는 글"]  # same date: by path
    assert list(years[2021]) == [10, 6, 3]
    assert [info.title for info in years[2016][2]] == ["Leap day"]


def test_one_bad_file_never_stops_a_scan(quirk_journal):
    root, written = quirk_journal
    (root / "notes/binary.md").write_bytes(os.urandom(2048) + b"\x00")
    (root / "notes/dangling.md").symlink_to(root / "nowhere.md")
    (root / "loop").mkdir()
    (root / "loop/self").symlink_to(root / "loop")
    journal = Journal(root)
    assert len(journal.posts) == len(written) + 2
    dangling = journal.get(root / "notes/dangling.md")
    assert not dangling.readable and "Could not read" in dangling.problems[0]


def test_refresh_one_file(quirk_journal):
    root, _ = quirk_journal
    journal = Journal(root)
    path = root / "notes/new.md"
    path.write_text("---\ntitle: 새 글\ntags: [새]\n---\n")
    assert journal.refresh(path) == JournalChange(added={path})
    assert journal.get(path).title == "새 글"
    assert "새" in journal.by_tag() and ("새", 1) in journal.tag_counts()
    path.write_text("---\ntitle: 고친 글\n---\n")
    assert journal.refresh(path) == JournalChange(changed={path})
    assert journal.get(path).title == "고친 글" and "새" not in dict(journal.tag_counts())
    path.unlink()
    assert journal.refresh(path) == JournalChange(removed={path}) and journal.get(path) is None
    assert journal.refresh(path) == JournalChange()  # forgotten already: nothing changed


def test_invalid_headers_are_listed_with_their_problem(quirk_journal):
    root, _ = quirk_journal
    invalid = [info.relpath for info in Journal(root).posts if info.header_invalid]
    assert sorted(invalid) == sorted(
        [
            "backup/content/책 \u201c데미안\u201d 읽고.md",
            "backup/content/윈도우 경로.md",
            "notes/list-header.md",
        ]
    )


def test_sync_picks_up_added_changed_and_removed_files(quirk_journal):
    root, _ = quirk_journal
    journal = Journal(root)
    added = root / "notes/added.md"
    added.write_text("---\ntitle: 추가\n---\n")
    changed = root / "vault/obsidian.md"
    changed.write_text(changed.read_text().replace("tags: [idea]", "tags: [idea, 변경]"))
    (root / "notes/plain.md").unlink()
    new_folder = root / "new/deeper"
    new_folder.mkdir(parents=True)
    (new_folder / "deep.md").write_text("# 깊은 글\n")
    found = journal.sync([root / "notes", root / "vault", root / "new"])
    assert found == JournalChange(
        added={added, new_folder / "deep.md"}, changed={changed}, removed={root / "notes/plain.md"}
    )
    assert journal.get(added).title == "추가"
    assert "변경" in journal.get(changed).tags
    assert journal.get(root / "notes/plain.md") is None
    assert journal.get(new_folder / "deep.md").title == "깊은 글"
    assert journal.sync([root / "notes"]) == JournalChange()


@pytest.mark.permissions
def test_unreadable_folder_is_a_problem_until_it_can_be_read(quirk_journal):
    root, written = quirk_journal
    locked = root / "locked"
    locked.mkdir()
    (locked / "p.md").write_text("---\ntitle: 잠긴 글\n---\n", encoding="utf-8")
    locked.chmod(0)
    try:
        journal = Journal(root)
        assert journal.problems == [f"Could not read {locked}: permission was denied."]
        assert [problem.kind for problem in journal.folder_problems] == [ProblemKind.UNREADABLE_FOLDER]
        journal.sync([root])
        assert len(journal.problems) == 1  # walking again does not repeat it
    finally:
        locked.chmod(0o755)
    journal.sync([root])
    assert journal.problems == [] and journal.get(locked / "p.md").title == "잠긴 글"


def test_dates_are_read_on_this_computers_clock(tmp_path, seoul):
    from journal_app.core.render import readable_date

    (tmp_path / "docker.md").write_text(
        '---\ntitle: "Docker CheatSheet"\ndate: 2023-03-14T23:13:00.000Z\ntags: ["docker"]\n---\n',
        encoding="utf-8",
    )
    (tmp_path / "march.md").write_text(
        "---\ntitle: 삼월\ndate: 2023-03-31T20:00:00Z\n---\n", encoding="utf-8"
    )
    journal = Journal(tmp_path)
    years = journal.by_date()
    assert list(years) == [2023] and list(years[2023]) == [4, 3]  # 31 March 20:00 UTC is April here
    info = journal.get(tmp_path / "docker.md")
    assert readable_date(info.date, "ko") == "2023년 3월 15일 08:13 (UTC+09:00)"
    assert readable_date(info.date, "en") == "March 15, 2023 08:13 (UTC+09:00)"


def test_worker_processes_are_never_forked_from_a_threaded_process(tmp_path):
    import threading

    from journal_app.core.parallel import can_fork

    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert not can_fork()
    finally:
        stop.set()
        helper.join()


def test_sync_ignores_paths_outside_the_journal(quirk_journal, tmp_path):
    root, written = quirk_journal
    stranger = tmp_path / "elsewhere.md"
    stranger.write_text("---\ntitle: 남의 글\n---\n", encoding="utf-8")
    journal = Journal(root)
    assert not journal.sync([stranger, tmp_path])
    assert journal.get(stranger) is None and len(journal.posts) == len(written)


def test_a_shallow_sync_lists_one_folder_by_names_and_inode_numbers(quirk_journal):
    root, _ = quirk_journal
    journal = Journal(root)
    notes = root / "notes"
    assert journal.sync([notes], deep=False) == JournalChange()  # nothing happened: nothing read
    added = notes / "added.md"
    added.write_text("---\ntitle: 추가\n---\n", encoding="utf-8")
    replaced = notes / "plain.md"
    spare = notes / ".plain.md.tmp"
    spare.write_text("---\ntitle: 바뀐 글\n---\n", encoding="utf-8")
    spare.replace(replaced)  # a save by another program: a new file under the old name
    (notes / "list-header.md").unlink()
    sub = notes / "new/deeper"
    sub.mkdir(parents=True)
    (sub / "deep.md").write_text("# 깊은 글\n", encoding="utf-8")
    change = journal.sync([notes], deep=False)
    assert change == JournalChange(
        added={added, sub / "deep.md"}, changed={replaced}, removed={notes / "list-header.md"}
    )
    assert journal.get(replaced).title == "바뀐 글" and journal.get(sub / "deep.md") is not None
    assert str(notes / "new") in journal.known_folders()
    import shutil

    shutil.rmtree(notes / "new")
    assert journal.sync([notes], deep=False) == JournalChange(removed={sub / "deep.md"})
    assert str(notes / "new") not in journal.known_folders() and journal.problems == []


def test_a_refreshed_file_is_not_read_again_by_a_shallow_sync(quirk_journal):
    root, _ = quirk_journal
    journal = Journal(root)
    path = root / "notes/plain.md"
    spare = root / "notes/.saving"
    spare.write_text("---\ntitle: 저장한 글\n---\n", encoding="utf-8")
    spare.replace(path)  # the app's own atomic save, then its refresh
    assert journal.refresh(path) == JournalChange(changed={path})
    assert journal.sync([root / "notes", path], deep=False) == JournalChange()
