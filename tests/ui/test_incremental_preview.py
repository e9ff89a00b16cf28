"""The preview patches only what an edit changed: typed in the real window, the page's article is
the full render after every edit, and a node the edits did not reach is the same node."""

from __future__ import annotations

import difflib
import json

import pytest

from journal_app.core.render import file_image_url, render_markdown
from tests.ui.conftest import page_value, type_text, wait_for_page

BODY = (
    "\n\n".join(
        f"## 섹션 {n}\n\n문단 {n}의 글, [참조][ref] 링크 😀.\n\n- 항목 {n}\n  - 안쪽\n\n"
        f"```python\nx = {n}\n```"
        for n in range(30)
    )
    + "\n\n| 열 | 값 |\n|---|---|\n| 1 | 이 |\n\n[ref]: https://example.com\n"
)

# the article as the page holds it (our unit comments and the test's mark left out), and a full
# render as the page would parse it: compared as the browser serializes both
ARTICLE = """(function () {
  var copy = document.getElementById('content').cloneNode(true);
  Array.from(copy.childNodes).forEach(function (node) {
    if (node.nodeType === 8) { copy.removeChild(node); }
  });
  copy.querySelectorAll('[data-test-untouched]').forEach(function (node) {
    node.removeAttribute('data-test-untouched');
  });
  var full = document.createElement('template');
  full.innerHTML = %s;
  return [copy.innerHTML, full.innerHTML];
})()"""


def full_render(window) -> str:
    post = window.document.post
    resolver = file_image_url(post.path, window.journal.root)
    flavor = window.document.flavor()
    return render_markdown(post.body, flavor=flavor, first_line=post.body_start_line, image_url=resolver)


def settle(qtbot, window, text: str) -> None:
    """Wait until the preview shows ``text`` and no render is on its way."""
    wait_for_page(
        qtbot, window, "document.getElementById('content').innerText", lambda shown: text in (shown or "")
    )
    qtbot.waitUntil(lambda: not window.preview._busy and window.preview.last_html == full_render(window))


def type_at(window, anchor: str, text: str) -> None:
    """Type ``text`` into the editor right after ``anchor``."""
    editor = window.editor
    cursor = editor.textCursor()
    text_before = editor.toPlainText()
    before = text_before[: text_before.index(anchor) + len(anchor)]
    cursor.setPosition(len(before.encode("utf-16-le")) // 2)  # Qt counts UTF-16 units (😀 is two)
    editor.setTextCursor(cursor)
    type_text(editor, text)


@pytest.mark.web_view
@pytest.mark.parametrize("flavor", ["commonmark", "velog", "jekyll"])
def test_edits_patch_the_page_into_the_full_render(qtbot, window, journal_root, flavor):
    path = journal_root / "incremental.md"
    path.write_text(f"---\ntitle: 긴 글\n---\n{BODY}", encoding="utf-8")
    window.journal.refresh(path)
    assert window.open_post(path)
    next(action for action in window.commands.flavors.actions() if action.data() == flavor).trigger()
    assert window.document.flavor() == flavor
    settle(qtbot, window, "문단 29의 글")
    # a mark on the first heading, which no edit below reaches
    assert (
        page_value(
            qtbot,
            window,
            "(function () { var h = document.querySelector('#content h2');"
            " h.setAttribute('data-test-untouched', 'yes'); return h.id; })()",
        )
        == "섹션-0"
    )
    type_at(window, "문단 20의 글", " 더한 말")
    settle(qtbot, window, "문단 20의 글 더한 말")
    type_at(window, "문단 25의 글", "\n\n## 새 제목\n\n새 문단")  # moves every line below
    settle(qtbot, window, "새 문단")
    type_at(window, "- 항목 27", "\n- 새 항목")
    settle(qtbot, window, "새 항목")
    shown, expected = page_value(qtbot, window, ARTICLE % json.dumps(full_render(window)))
    difference = difflib.unified_diff(expected.split("\n"), shown.split("\n"), lineterm="")
    assert shown == expected, "\n".join(difference)
    assert page_value(qtbot, window, "document.querySelectorAll('[data-test-untouched]').length") == 1
    # the blocks under the edits carry their new lines
    lines = page_value(
        qtbot,
        window,
        "Array.from(document.querySelectorAll('#content > [data-line]')).map(function (n) {"
        " return [n.tagName, n.getAttribute('data-line')]; })",
    )
    assert ["TABLE", str(window.document.post.body.split("\n").index("| 열 | 값 |") + 4)] in lines
