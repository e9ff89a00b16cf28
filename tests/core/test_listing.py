"""A shallow sync in two halves (``begin_sync`` on the journal's thread, ``SyncWork.run`` on any
thread, ``finish_sync`` back on the journal's): whatever happens on disk or in the journal in
between, the journal ends up as a sync would leave it, and reads no post twice."""

from __future__ import annotations

import shutil
import threading

from journal_app.core import Journal, JournalChange


def post(title: str) -> str:
    return f"---\ntitle: {title}\n---\n"


def test_changes_made_while_the_folder_waits_to_be_listed_are_all_seen(quirk_journal):
    root, _ = quirk_journal
    journal = Journal(root)
    notes = root / "notes"
    work = journal.begin_sync([notes])
    assert [look.folder for look in work.looks] == [str(notes)] and work.paths == []
    added = notes / "added.md"
    added.write_text(post("추가"), encoding="utf-8")  # by another program, before the listing
    (notes / "plain.md").rename(notes / "renamed.md")
    thread = threading.Thread(target=work.run)  # the listing on another thread, as the window does
    thread.start()
    thread.join()
    assert journal.finish_sync(work) == JournalChange(
        added={added, notes / "renamed.md"}, removed={notes / "plain.md"}
    )
    assert journal.get(notes / "renamed.md") is not None and journal.get(notes / "plain.md") is None


def test_a_post_read_again_after_the_look_is_not_read_a_second_time(quirk_journal):
    root, _ = quirk_journal
    journal = Journal(root)
    notes = root / "notes"
    path = notes / "plain.md"
    work = journal.begin_sync([notes, path])
    spare = notes / ".plain.md.saving"
    spare.write_text(post("저장한 글"), encoding="utf-8")
    spare.replace(path)  # the app's own atomic save (a new inode), then its refresh
    assert journal.refresh(path) == JournalChange(changed={path})
    work.run()
    assert journal.finish_sync(work) == JournalChange()  # the listing's news was already read
    assert journal.get(path).title == "저장한 글"


def test_a_folder_gone_before_its_listing_is_walked_and_forgotten(quirk_journal):
    root, _ = quirk_journal
    journal = Journal(root)
    sub = root / "notes" / "sub"
    sub.mkdir()
    (sub / "one.md").write_text(post("하나"), encoding="utf-8")
    journal.sync([root / "notes"], deep=False)
    assert journal.get(sub / "one.md") is not None
    work = journal.begin_sync([sub])
    shutil.rmtree(sub)
    work.run()
    assert not work.looks[0].listed
    assert journal.finish_sync(work) == JournalChange(removed={sub / "one.md"})
    assert journal.problems == []


def test_the_halves_come_to_what_a_shallow_sync_does(quirk_journal):
    root, _ = quirk_journal
    notes = root / "notes"
    split, whole = Journal(root), Journal(root)
    (notes / "new.md").write_text(post("새 글"), encoding="utf-8")
    (notes / "list-header.md").unlink()
    (root / "brand new").mkdir()
    (root / "brand new" / "x.md").write_text(post("x"), encoding="utf-8")
    paths = [notes, root, root / "brand new", notes / "new.md"]
    work = split.begin_sync(paths)
    work.run()
    assert split.finish_sync(work) == whole.sync(paths, deep=False)
    assert [info.path for info in split.posts] == [info.path for info in whole.posts]
    assert split.known_folders() == whole.known_folders()
