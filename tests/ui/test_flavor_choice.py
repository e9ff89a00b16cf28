"""The journal's flavor in the window: shown in the status bar, chosen under View → Render As,
remembered for the journal, and used by the preview and Export HTML alike."""

from __future__ import annotations

import pytest

from journal_app.ui.app import create_window
from tests.ui.conftest import close_window, wait_for_page

BREAKS = "Array.from(document.querySelectorAll('#content p br')).length"


@pytest.mark.web_view
def test_the_flavor_is_shown_chosen_remembered_and_rendered(qtbot, window, journal_root, env, tmp_path):
    # the sample journal is a velog backup (content/ and images/): one newline is a line break
    post = journal_root / "content" / "줄바꿈.md"
    post.write_text("---\ntitle: 줄바꿈\n---\n첫 줄\n둘째 줄\n", encoding="utf-8")
    window.journal.refresh(post)
    assert window.open_post(post)
    assert window.status.flavor.text() == "velog"
    assert window.commands.flavors.checkedAction().data() == "velog"
    assert window.editor.highlighter.flavor == "velog"  # the editor shows velog's headings
    wait_for_page(qtbot, window, BREAKS, lambda count: count == 1)
    commonmark = next(a for a in window.commands.flavors.actions() if a.data() == "commonmark")
    commonmark.trigger()
    assert window.status.flavor.text() == "CommonMark (GitHub)"
    assert window.editor.highlighter.flavor == "commonmark"
    wait_for_page(qtbot, window, BREAKS, lambda count: count == 0)
    page = tmp_path / "exported.html"
    assert window.document.export_to(page)
    assert "첫 줄\n둘째 줄" in page.read_text(encoding="utf-8")  # no <br>: as the preview shows
    window.close()
    again = create_window(journal_root, env)
    try:
        qtbot.waitUntil(lambda: again.preview.ready, timeout=20000)
        assert again.document.flavor() == "commonmark"
        assert again.status.flavor.text() == "CommonMark (GitHub)"
    finally:
        close_window(again)
