"""The window on a hostile post: the preview loads nothing from outside the journal and shows a
placeholder for each refused image, and Export HTML publishes nothing from outside (issue 9.1)."""

from __future__ import annotations

from journal_app.ui.app import create_window
from tests.core.test_untrusted_sources import HOSTILE, leaks, make_hostile
from tests.ui.conftest import close_window, wait_for_page


def test_preview_and_export_keep_to_the_journal(qtbot, tmp_path, env):
    root, post_path, _ = make_hostile(tmp_path)
    window = create_window(root, env)
    try:
        qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
        assert window.open_post(post_path)
        shown = wait_for_page(
            qtbot,
            window,
            "Array.from(document.querySelectorAll('.missing-image'))"
            ".map(function (e) { return e.textContent; })",
            lambda found: found is not None and len(found) == len(HOSTILE) + 2,
        )
        assert sum(text.startswith("Image not shown:") for text in shown) == len(HOSTILE) + 1
        wait_for_page(
            qtbot,
            window,
            "Array.from(document.images).map(function (i) { return i.naturalWidth; })",
            lambda widths: widths == [2],
        )
        assert window.preview.guard.allowed and all(
            "/backup/" in url for url in window.preview.guard.allowed if url.startswith("file:")
        )
        page = tmp_path / "exported.html"
        assert window.document.export_to(page)
        assert not leaks(page.read_bytes())
        assert "image(s) not shown" in window.statusBar().currentMessage()
    finally:
        close_window(window)


def test_a_post_that_becomes_a_link_out_is_not_reloaded(qtbot, tmp_path, env):
    """The open post replaced on disk by a link to a private file: the window's reload never
    reads it (every read of a post goes through OpenDocument.read)."""
    import os

    root, post_path, outside = make_hostile(tmp_path)
    plain = root / "content" / "plain.md"
    plain.write_text("---\ntitle: 평범\n---\n본문\n", encoding="utf-8")
    window = create_window(root, env)
    try:
        qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
        assert window.open_post(plain)
        plain.unlink()
        os.symlink(outside / "id_rsa", plain)
        window.document.changed_on_disk({plain})
        assert "SECRET" not in window.editor.toPlainText()
        assert window.editor.toPlainText().endswith("본문\n")
    finally:
        close_window(window)
