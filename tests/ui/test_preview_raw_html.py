"""The preview shows a Hugo post's raw HTML as the site's settings say (goldmark's unsafe)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import wait_for_page

HINTS = "document.querySelectorAll('#content .raw-html-omitted').length"
KBD = "document.querySelectorAll('#content kbd').length"


@pytest.mark.web_view
def test_the_preview_hides_raw_html_as_the_hugo_site_does(qtbot, window, journal_root, tmp_path):
    post = journal_root / "content" / "키.md"
    post.write_text("---\ntitle: 키\n---\n<kbd>Ctrl</kbd> 누르기\n", encoding="utf-8")
    window.journal.refresh(post)
    assert window.open_post(post)
    wait_for_page(qtbot, window, KBD, lambda count: count == 1)  # velog shows raw HTML
    hugo = next(a for a in window.commands.flavors.actions() if a.data() == "hugo")
    hugo.trigger()
    wait_for_page(qtbot, window, HINTS, lambda count: count == 2)  # <kbd> and </kbd>, as hints
    page = tmp_path / "exported.html"
    assert window.document.export_to(page)
    assert "raw-html-omitted" in page.read_text(encoding="utf-8")  # Export HTML agrees
    (journal_root / "hugo.toml").write_text("[markup.goldmark.renderer]\nunsafe = true\n", encoding="utf-8")
    window.editor.appendPlainText("")  # any edit renders again
    wait_for_page(qtbot, window, KBD, lambda count: count == 1)
