"""Export from the window: Export HTML offers the journal's folder (then the last one used) and a
clean name from the post; File → Export Site asks for a title (the journal's own), a folder and
a flavor, shows its progress post by post, and its Cancel stops it before a page is written,
leaving no folder it made."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from journal_app.core.post import Post
from journal_app.ui.post_files import export_file_name
from tests.ui.conftest import answer_dialog


def post(text: str) -> Post:
    return Post(text.encode("utf-8"))


def test_clean_file_names_from_the_post():
    for title, expected in (
        ("Reading notes - Deep Work", "Reading-notes-Deep-Work.html"),
        ("제주도 여행 후기", "제주도-여행-후기.html"),
        ("새 글: 테스트/1 -- 끝 -", "새-글-테스트1-끝.html"),
        ("???", "page.html"),
    ):
        assert export_file_name(post(f'---\ntitle: "{title}"\n---\n')) == expected
    assert export_file_name(post("---\ntitle: 제목\nslug: my--first-post\n---\n")) == "my-first-post.html"


def answer_named(name: str, act, timeout_s: float = 20):
    """When the modal dialog named ``name`` opens, call ``act(dialog)`` on it: looked for at
    every pass of the event loop, so the first events the dialog handles already see it.
    Returns a function that stops the looking."""
    deadline = time.monotonic() + timeout_s
    stopped: list[bool] = []

    def handle():
        if stopped:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != name:
            if time.monotonic() < deadline:
                QTimer.singleShot(0, handle)
            return
        act(dialog)

    QTimer.singleShot(0, handle)
    return lambda: stopped.append(True)


def save_dialog_answer(seen: list, name: str | None = None):
    def act(dialog):
        assert isinstance(dialog, QFileDialog)
        seen.append((dialog.directory().absolutePath(), Path(dialog.selectedFiles()[0]).name))
        if name is None:
            dialog.reject()
        else:
            dialog.selectFile(name)
            dialog.accept()

    return act


def test_export_html_offers_the_journal_folder_then_the_last_one(qtbot, window, journal_root, tmp_path):
    target = journal_root / "content" / "Reading notes - Deep Work.md"  # titled "Reading notes: Deep Work"
    assert window.open_post(target)
    seen: list = []
    answer_dialog(save_dialog_answer(seen))
    window.commands.file_export.trigger()
    assert seen == [(str(journal_root), "Reading-notes-Deep-Work.html")]
    out = tmp_path / "pages"
    out.mkdir()
    answer_dialog(save_dialog_answer(seen, str(out / "deep.html")))
    window.commands.file_export.trigger()
    assert (out / "deep.html").is_file()
    answer_dialog(save_dialog_answer(seen))
    window.commands.file_export.trigger()
    assert seen[-1] == (str(out), "Reading-notes-Deep-Work.html")


def fill_site_dialog(seen: list, folder: Path, title: str | None = None):
    def act(dialog):
        seen.append(("dialog", dialog.objectName(), dialog.title_field.text()))
        if title is not None:
            dialog.title_field.setText(title)
        dialog.folder_field.setText(str(folder))
        dialog.accept()

    return act


def close_message(seen: list):
    def act(box):
        seen.append(("done", box.objectName(), box.text()))
        box.button(QMessageBox.StandardButton.Close).click()

    return act


def test_export_site_with_a_title_progress_and_a_message(qtbot, window, journal_root, tmp_path):
    out = tmp_path / "site"
    seen: list = []

    def then_close(dialog):
        fill_site_dialog(seen, out, "나의 <여행> 일지")(dialog)
        answer_named("siteDone", close_message(seen))

    answer_dialog(then_close)
    window.commands.file_export_site.trigger()
    assert seen[0] == ("dialog", "exportSiteDialog", journal_root.name)
    assert seen[-1][0:2] == ("done", "siteDone") and str(out) in seen[-1][2]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>나의 &lt;여행&gt; 일지</title>" in index
    assert len(list((out / "posts").glob("*.html"))) >= 5
    assert window.env.settings.get("state/last_site_folder") == str(out)


def test_cancel_stops_the_site_before_a_page_is_written(qtbot, window, tmp_path):
    out = tmp_path / "cancelled"
    seen: list = []

    def cancel_progress(dialog):
        seen.append(("progress", dialog.objectName()))
        dialog.cancel()

    stops = []

    def then_cancel(dialog):
        fill_site_dialog(seen, out)(dialog)
        stops.append(answer_named("siteProgress", cancel_progress))
        stops.append(answer_named("siteDone", close_message(seen)))  # (a Cancel not heeded)

    answer_dialog(then_cancel)
    window.commands.file_export_site.trigger()
    for stop in stops:
        stop()
    assert ("progress", "siteProgress") in seen
    assert not any(entry[0] == "done" for entry in seen)
    assert not (out / "index.html").exists() and not (out / "posts").exists()
    assert window.env.settings.get("state/last_site_folder") == ""


def test_cancel_stops_a_large_site_at_the_post_being_rendered(qtbot, window, tmp_path):
    from tests.core.test_site import many_posts

    assert window.open_journal(many_posts(tmp_path / "big", 150))
    assert not window.commands.file_export_site.isEnabled()  # while its posts are read
    qtbot.waitUntil(lambda: not window.scan.running, timeout=30000)
    assert window.commands.file_export_site.isEnabled()
    out = tmp_path / "sites" / "big"
    seen: list = []
    watching = [True]

    def watch():  # at each pass of the event loop, as the progress window handles its events
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == "siteProgress":
            seen.append((dialog.value(), dialog.labelText()))
            if dialog.value() >= 3 and not dialog.wasCanceled():
                dialog.cancel()
        if watching:
            QTimer.singleShot(0, watch)

    def then_watch(dialog):
        fill_site_dialog(seen, out)(dialog)
        QTimer.singleShot(0, watch)
        watching.append(answer_named("siteDone", close_message(seen)))  # (a Cancel not heeded)

    answer_dialog(then_watch)
    window.commands.file_export_site.trigger()
    watching.clear()
    shown = [entry for entry in seen[1:] if isinstance(entry[0], int)]
    assert ("Rendered 3 of 150 posts…") in [label for _, label in shown]  # it follows each post
    assert max(value for value, _ in shown) <= 4  # and stopped after the post being rendered
    assert not any(entry[0] == "done" for entry in seen)  # no site presented as done
    assert not (tmp_path / "sites").exists()  # nor a half one left behind (images were copied)
    assert window.env.settings.get("state/last_site_folder") == ""
