"""The ``python-markdown`` flavor: MkDocs and Pelican sites, whose platform is Python-Markdown.

Python-Markdown with pymdown-extensions, as the preview rendered every post before the
CommonMark engine. Python-Markdown keeps no source line map, so each top-level block that
starts after a blank line is marked with its line before converting, and the markers become
``data-line`` attributes afterwards.
"""

from __future__ import annotations

import re
import threading

import markdown
from markdown.extensions.toc import slugify_unicode

EXTENSIONS = [
    "tables",
    "footnotes",
    "attr_list",
    "def_list",
    "abbr",
    "sane_lists",
    "mdx_truly_sane_lists",
    "toc",
    "pymdownx.magiclink",
    "pymdownx.tasklist",
    "pymdownx.tilde",
    "pymdownx.superfences",
    "pymdownx.highlight",
]
EXTENSION_CONFIGS = {
    "toc": {"slugify": slugify_unicode},
    # lists also nest at two spaces, as on velog and in CommonMark; loose lists stay one list
    "mdx_truly_sane_lists": {"nested_indent": 2, "truly_sane": False},
    "pymdownx.tilde": {"subscript": False},  # "3~4시간" must stay text
    "pymdownx.highlight": {
        "use_pygments": True,
        "css_class": "highlight",
        "guess_lang": False,
        "pygments_lang_class": True,
    },
}

_MARK = "<!--jline:{}-->"
_MARKS = re.compile(r"(?:<!--jline:\d+-->\s*)*<!--jline:(\d+)-->\s*<([A-Za-z][\w-]*)")
_LEFTOVER = re.compile(r"<!--jline:\d+-->\n*")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_LIST_START = re.compile(r"^(?:[*+-]|\d+[.)])(?:[ \t]|$)")
_INTERRUPTING_LIST = re.compile(r"^(?:[*+-]|1\.)[ \t]+\S")  # may follow a paragraph line
_RULE_UNDER = re.compile(r"^ {0,3}(?:-[ \t]*){3,}$")
_NOT_PARAGRAPH = re.compile(r"^(?:#|\||<|\[[^\]]*\]:|\*\[|:[ \t]|(?:[*_-][ \t]*){3,}$)")
_DEFINITION = re.compile(r"^(?:\[[^\]]+\]:|\*\[[^\]]+\]:|:[ \t])")
_local = threading.local()


def _converter() -> markdown.Markdown:
    """One Markdown instance per thread (instances are not thread-safe; building one is slow)."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(
            extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS, output_format="html"
        )
        _local.converter = converter
    return converter


def mark_block_lines(text: str, first_line: int = 1) -> str:
    """``text`` with a line marker before each top-level block that starts after a blank line.

    A marker is not put where it would split what markdown joins: between items of one list,
    between parts of one block quote, before reference, footnote or definition lines, inside
    an HTML comment.

    A list that starts right under a paragraph line gets a blank line first: CommonMark (velog,
    Hugo, Jekyll's kramdown in GFM mode) lets a list interrupt a paragraph, Python-Markdown does
    not, and velog posts often write "빌드 과정\n- 다운로드".
    """
    out: list[str] = []
    fence = ""
    previous_blank = True
    previous_kind = ""
    paragraph = False  # the current block is a top-level paragraph
    in_html = False  # the current block is raw HTML
    comment = False  # inside an HTML comment: no marker may go there
    for index, line in enumerate(text.split("\n")):
        if comment:
            out.append(line)
            comment = "-->" not in line
            previous_blank = False
            continue
        if fence:
            out.append(line)
            closing = _FENCE.match(line.strip())
            if (
                closing
                and closing.group(1)[0] == fence[0]
                and len(closing.group(1)) >= len(fence)
                and not line.strip()[len(closing.group(1)) :]
            ):
                fence = ""
            previous_blank = False
            continue
        if not line.strip():
            out.append(line)
            previous_blank = True
            continue
        top_level = not line[:1].isspace()
        if top_level and not previous_blank and previous_kind == "list" and _RULE_UNDER.match(line):
            out.append("")  # a rule under a list item, not a heading made of it (as CommonMark)
        if top_level and not previous_blank and paragraph and _INTERRUPTING_LIST.match(line):
            out.extend(["", _MARK.format(first_line + index), ""])
            previous_kind, paragraph = "list", False
        elif top_level and previous_blank:
            kind = "list" if _LIST_START.match(line) else "quote" if line.startswith(">") else "other"
            joins = kind in ("list", "quote") and kind == previous_kind
            if not joins and not _DEFINITION.match(line):
                out.append(_MARK.format(first_line + index))
                out.append("")
            previous_kind = kind
            in_html = line.startswith("<")
            paragraph = kind == "other" and not _NOT_PARAGRAPH.match(line)
        elif top_level and previous_kind == "other" and not in_html:
            in_html = line.startswith("<")  # raw HTML (a comment, <pre>) holds until a blank line
            paragraph = not _NOT_PARAGRAPH.match(line)  # a text line after a heading starts one
        elif previous_blank:
            paragraph = False
        opening = _FENCE.match(line.lstrip(" ")) if len(line) - len(line.lstrip(" ")) < 4 else None
        if opening:
            fence = opening.group(1)
        elif "<!--" in line and "-->" not in line[line.rindex("<!--") + 4 :]:
            comment = True  # a comment over blank lines: a marker there would end it early
        out.append(line)
        previous_blank = False
    return "\n".join(out)


def _attach_lines(fragment: str) -> str:
    fragment = _MARKS.sub(lambda m: f'<{m.group(2)} data-line="{m.group(1)}"', fragment)
    return _LEFTOVER.sub("", fragment)


def render_python_markdown(text: str, first_line: int = 1) -> str:
    """``text`` as Python-Markdown renders it (unsanitized), blocks marked with their line."""
    converter = _converter()
    converter.reset()
    return _attach_lines(converter.convert(mark_block_lines(text, first_line)))
