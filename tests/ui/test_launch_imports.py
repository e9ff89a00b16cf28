"""What the window loads before its first paint: the editor shows the post without the
renderer, the search index, the outline's parser or the find bar's regex library (they come
after that paint, on their threads or when first used)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication([sys.argv[0]])
seen = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "modules" not in seen:
            editor = watched.parent()
            if isinstance(editor, QPlainTextEdit) and editor.toPlainText():
                seen["modules"] = sorted(sys.modules)
                QTimer.singleShot(0, editor.window().close)
        return False


watch = FirstPaint()
app.installEventFilter(watch)
from journal_app.__main__ import main

status = main(sys.argv[1:])
print(json.dumps(seen.get("modules")), file=sys.stderr)
sys.exit(status)
"""

POST = """---
title: 첫 글
tags: [하루]
---
# 제목

**굵게**, [링크](https://example.com), `코드`.

```python
print("hello")
```
"""


def test_the_first_paint_waits_for_neither_renderer_nor_search_nor_parsers(tmp_path):
    post = tmp_path / "journal" / "first.md"
    post.parent.mkdir()
    post.write_text(POST, encoding="utf-8")
    (tmp_path / "journal" / "second.md").write_text("---\ntitle: 둘째\n---\n본문\n", encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), JOURNAL_APP_CACHE_DIR=str(tmp_path / "cache" / "app"))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(post)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stderr.splitlines()[-1])
    assert modules is not None, result.stderr  # the editor was painted with the post
    loaded = set(modules)
    assert "journal_app.ui.main_window" in loaded and "journal_app.core.post" in loaded
    assert not {name.split(".")[0] for name in loaded} & {"markdown_it", "mdit_py_plugins", "nh3", "regex"}
    assert not loaded & {"journal_app.core.render", "journal_app.core.incremental", "journal_app.core.search"}
    assert "PySide6.QtWebEngineWidgets" not in loaded
