"""The editor's fonts: Latin letters from the same Korean font as Hangul (a Latin line is not
larger than a Hangul one), emoji from the emoji font; the page style (preview and export) has
the emoji font in its stacks."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetricsF, QTextLayout

from journal_app.core import load_post
from journal_app.core.export import export_post
from journal_app.resources import resource_text
from journal_app.ui.editor import EMOJI_FONTS, KOREAN_FONTS, MarkdownEditor


def fonts_of_line(editor: MarkdownEditor, number: int) -> set[str]:
    """The fonts the glyphs of a line of the editor come from, in the editor's font."""
    layout = QTextLayout(editor.document().findBlockByNumber(number).text(), editor.font())
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_latin_and_hangul_from_one_korean_font_emoji_in_colour(qtbot):
    installed = set(QFontDatabase.families())
    korean = [family for family in KOREAN_FONTS if family in installed]
    if not korean or "Noto Color Emoji" not in installed:
        pytest.skip("no Korean font or no emoji font installed (tests/run.sh installs them)")
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 300)
    editor.show()
    editor.set_text("Life is short, 오늘은 맑음\n😀\n")
    assert fonts_of_line(editor, 0) == {korean[0]}
    assert fonts_of_line(editor, 1) == {"Noto Color Emoji"}
    assert editor.font().families()[0] == korean[0]
    editor.set_font_size(20)  # zooming keeps the stack
    assert editor.font().families()[0] == korean[0] and editor.font_size() == 20


def stack(css: str, name: str) -> list[str]:
    value = re.search(rf"--{name}:([^;]*);", css).group(1)
    return [part.strip().strip('"') for part in value.split(",")]


def test_page_style_has_the_emoji_font(tmp_path):
    css = resource_text("style.css")
    for name in ("font", "mono"):
        families = stack(css, name)
        assert "Noto Color Emoji" in families
        assert families.index("Noto Color Emoji") > families.index(
            "NanumGothic" if name == "font" else "D2Coding"
        )
        assert set(EMOJI_FONTS) <= set(families)
    post = tmp_path / "a.md"
    post.write_text("# 📌 이모지\n", encoding="utf-8")
    target = tmp_path / "a.html"
    export_post(load_post(post, tmp_path), target, tmp_path)
    assert "Noto Color Emoji" in target.read_text(encoding="utf-8")


def test_code_and_tex_in_the_editor_are_monospaced(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.set_text("글 `code 코드` 글\n```python\nx = 1  # 주석\n```\n$$\n\\frac{a}{b}\n$$\n")
    for number, column in ((0, 3), (2, 0), (2, 8), (5, 0)):  # code, a fence, TeX
        block = editor.document().findBlockByNumber(number)
        ranges = block.layout().formats()
        families = next(
            item.format.fontFamilies() for item in ranges if item.start <= column < item.start + item.length
        )
        font = editor.font()
        font.setFamilies(families or font.families())
        metrics = QFontMetricsF(font)  # every Latin letter as wide as every other
        assert metrics.horizontalAdvance("iiii") == metrics.horizontalAdvance("MMMM"), QFontInfo(
            font
        ).family()
