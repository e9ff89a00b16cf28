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


def test_export_of_one_post_loads_only_its_flavors_engine(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: 한 편\n---\n# 제목\n\n본문 *강조*와 $x^2$.\n", encoding="utf-8")
    markdown_it = loaded("export", post, "-o", tmp_path / "a.html", "--flavor", "commonmark")
    assert "markdown_it" in markdown_it and "markdown" not in markdown_it
    python_markdown = loaded("export", post, "-o", tmp_path / "b.html", "--flavor", "python-markdown")
    assert "markdown" in python_markdown and "markdown_it" not in python_markdown
    for modules in (markdown_it, python_markdown):
        assert not roots(modules) & {"PySide6", "shiboken6"}
        assert not {"journal_app.core.site", "journal_app.core.checks", "multiprocessing"} & modules
    assert "한 편" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_a_warm_list_reads_the_index_only(quirk_journal):
    root, _ = quirk_journal
    loaded("list", root)  # cold: fills the index
    modules = loaded("list", root)
    assert not roots(modules) & {"yaml", "tomllib", "PySide6", "pygments", "multiprocessing"}
    assert not {"journal_app.core.post", "journal_app.core.journal", "journal_app.core.frontmatter"} & modules


def test_export_of_one_post_loads_only_what_one_page_needs(tmp_path):
    journal = tmp_path / "journal"
    (journal / "content").mkdir(parents=True)
    (journal / "images").mkdir()
    post = journal / "content" / "post.md"  # a velog backup: one of the engine's flavors
    post.write_text(
        "---\ntitle: 한 편\ntags: [일상]\n---\n본문 *강조*.\n\n```python\nprint(1)\n```\n", encoding="utf-8"
    )
    modules = loaded("export", post, "-o", tmp_path / "page.html")
    assert "journal_app.core.platforms" in modules  # velog's rules
    other_flavors = {"goldmark", "kramdown", "ial", "templates", "pymd"}
    assert not {f"journal_app.core.{name}" for name in other_flavors} & modules
    assert not {"mdit_py_plugins.footnote", "mdit_py_plugins.deflist"} & modules  # not velog's
    # no journal scan, no summary index, no header editing for one page
    assert not {"journal_app.core.journal", "journal_app.core.index", "journal_app.core.fields"} & modules
    assert not roots(modules) & {"sqlite3", "tomllib", "difflib", "secrets", "multiprocessing"}
    assert "pygments.lexers.python" in modules and "pygments.lexers.javascript" not in modules
    assert "print" in (tmp_path / "page.html").read_text(encoding="utf-8")


def test_export_of_a_post_without_code_loads_no_lexer(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: Plain\n---\nJust words.\n", encoding="utf-8")
    modules = loaded("export", post, "-o", tmp_path / "page.html", "--flavor", "commonmark")
    assert not {name for name in modules if name.startswith("pygments.lexers")}
