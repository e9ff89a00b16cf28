"""The move out of the old data folder (journal_app/journal_app): everything arrives, nothing
is overwritten, a recovery file is never lost, and a move cut short finishes later."""

from __future__ import annotations

from journal_app.core.data_folder import data_folder, move_nested_data, moved_path


def files_under(folder):
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_the_old_folder_moves_up_and_is_removed(tmp_path):
    folder = data_folder(tmp_path)
    old = folder / "journal_app"
    (old / "recovery").mkdir(parents=True)
    (old / "recovery" / "abc.123-deadbeef.json").write_text('{"text": "한 줄"}', encoding="utf-8")
    (old / "journals" / "0123456789abcdef").mkdir(parents=True)
    (old / "journals" / "0123456789abcdef" / "today.md").write_text(
        "---\ntitle: 오늘\n---\n", encoding="utf-8"
    )
    (old / "sample-journal" / "content").mkdir(parents=True)
    (old / "sample-journal" / "content" / "고친 글.md").write_text("내가 고친 글\n", encoding="utf-8")
    before = files_under(old)
    moved, kept = move_nested_data(folder)
    assert kept == [] and not old.exists() and not (folder / ".journal_app-moving").exists()
    assert files_under(folder) == before
    assert move_nested_data(folder) == ([], [])  # once moved, nothing more to do


def test_nothing_is_overwritten_and_every_recovery_file_is_kept(tmp_path):
    folder = tmp_path / "journal_app"
    old = folder / "journal_app"
    for base, text in ((old, "old"), (folder, "new")):
        (base / "recovery").mkdir(parents=True)
        (base / "recovery" / "same-name.1-aaaaaaaa.json").write_text(text, encoding="utf-8")
        (base / "recovery" / "twin.json").write_text("the same bytes", encoding="utf-8")
    (old / "recovery" / "only-old.json").write_text("only old", encoding="utf-8")
    move_nested_data(folder)
    recovery = folder / "recovery"
    texts = sorted(path.read_text(encoding="utf-8") for path in recovery.iterdir())
    assert texts == ["new", "old", "only old", "the same bytes"]
    assert (recovery / "same-name.1-aaaaaaaa.json").read_text(encoding="utf-8") == "new"
    assert (recovery / "same-name.1-aaaaaaaa.moved.json").read_text(encoding="utf-8") == "old"
    assert not old.exists()


def test_a_move_cut_short_is_finished_at_the_next_start(tmp_path):
    folder = tmp_path / "journal_app"
    holding = folder / ".journal_app-moving"  # a start that stopped halfway left this
    (holding / "recovery").mkdir(parents=True)
    (holding / "recovery" / "left.json").write_text("남은 글", encoding="utf-8")
    (folder / "journal_app" / "recovery").mkdir(parents=True)  # and an old version ran again
    (folder / "journal_app" / "recovery" / "later.json").write_text("나중 글", encoding="utf-8")
    move_nested_data(folder)
    assert sorted(path.name for path in (folder / "recovery").iterdir()) == ["later.json", "left.json"]
    assert not holding.exists() and not (folder / "journal_app").exists()


def test_remembered_paths_follow_the_move(tmp_path):
    folder = tmp_path / "journal_app"
    assert moved_path(str(folder / "journal_app" / "sample-journal"), folder) == str(
        folder / "sample-journal"
    )
    assert moved_path("/home/me/blog", folder) == "/home/me/blog"
