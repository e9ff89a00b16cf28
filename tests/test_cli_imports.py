"""What the command line loads: a command imports only the parts of the app it uses."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = (
    "import json, sys\n"
    "from journal_app.__main__ import main\n"
    "status = main(sys.argv[1:])\n"
    "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    "sys.exit(status)\n"
)


def loaded(*args: object) -> set[str]:
    """The modules that were imported when ``journal-app ARGS`` finished (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stderr.splitlines()[-1]))


def roots(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_list_loads_no_qt_renderer_or_markdown_library(quirk_journal):
    root, _ = quirk_journal
    modules = loaded("list", root)
    assert not roots(modules) & {"PySide6", "shiboken6", "markdown_it", "mdit_py_plugins", "markdown"}
    assert not roots(modules) & {"pygments", "nh3"}
    assert not {"journal_app.core.render", "journal_app.core.checks", "journal_app.ui"} & modules
    assert "multiprocessing" not in modules  # a small journal is read in this process
