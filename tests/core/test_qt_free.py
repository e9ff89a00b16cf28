"""The core never imports Qt: it must work in a process where PySide6 was never loaded."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys, tempfile, pathlib
sys.modules['PySide6'] = None  # any import of PySide6 now raises ImportError
import journal_app.core as core
import journal_app.cli
root = pathlib.Path(tempfile.mkdtemp())
(root / 'a.md').write_text('---\\ntitle: 가\\ntags: [x]\\n---\\n본문\\n')
post = core.load_post(root / 'a.md')
post.set_field('title', '나')
core.save_post(post)
journal = core.Journal(root)
assert journal.posts[0].title == '나', journal.posts
assert not any(name.startswith('PySide6') and sys.modules[name] for name in sys.modules)
print('ok')
"""


def test_core_works_without_pyside6():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
