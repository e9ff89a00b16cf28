"""The CommonMark spec (652 examples) and GitHub's extension examples (24), on the engine.

The examples are compared as HTML normalised the way browsers read it (attribute order, the
whitespace between tags, ``<br />`` against ``<br>``), rendered without what the preview adds
(line numbers, heading ids, highlighting). GitHub's tag filter escapes disallowed raw HTML; a
render is sanitized instead, so the filter is turned on for GitHub's examples only (plain
CommonMark keeps ``<script>`` blocks as raw HTML).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journal_app.core.engine import build

DATA = Path(__file__).parent.parent / "data"
COMMONMARK = json.loads((DATA / "commonmark-0.31.2.json").read_text(encoding="utf-8"))
GFM = json.loads((DATA / "gfm-0.29-extensions.json").read_text(encoding="utf-8"))
# GFM's extended autolinks make links of what plain CommonMark leaves as text
GFM_DIFFERS = {608, 611, 612}
TASK_CLASSES = {"task-list-item", "contains-task-list", "task-list-item-checkbox"}


class Normal(HTMLParser):
    """HTML in one canonical text: sorted attributes, no whitespace between tags."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.feed(text)
        self.close()

    def _tag(self, tag: str, attrs: list, end: str) -> str:
        attributes = dict(attrs)
        style = attributes.pop("style", None)
        if style and style.startswith("text-align:"):
            attributes["align"] = style.split(":", 1)[1]  # the same alignment, the other way
        elif style is not None:
            attributes["style"] = style
        if attributes.get("class") in TASK_CLASSES:
            del attributes["class"]
        text = "".join(f' {name}="{html.escape(value or "")}"' for name, value in sorted(attributes.items()))
        return f"<{tag}{text}{end}>"

    def handle_starttag(self, tag, attrs):
        self.out.append(self._tag(tag, attrs, ""))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self._tag(tag, attrs, ""))

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def text(self) -> str:
        joined = re.sub(r">\s+<", "><", "".join(self.out))
        return re.sub(r"\s+", " ", joined).strip()


def normal(text: str) -> str:
    return Normal(text).text()


_ENGINE = build("commonmark", plain=True)
_GFM_ENGINE = build("commonmark", plain=True, filter_tags=True)  # <script> escaped as on GitHub


def passes(example: dict, engine=_ENGINE) -> bool:
    return normal(engine.render(example["markdown"])) == normal(example["html"])


def by(key: str, examples: list[dict]) -> dict[str, list[dict]]:
    """``examples`` grouped by their ``key`` (the spec's section or GitHub's extension)."""
    groups: dict[str, list[dict]] = {}
    for example in examples:
        groups.setdefault(example[key], []).append(example)
    return groups


def failures(examples: list[dict], engine) -> str:
    """The numbers of the examples the engine renders differently, then each one with what it
    rendered and what the spec expects ("" when all pass)."""
    numbers, report = [], []
    for example in examples:
        got, want = normal(engine.render(example["markdown"])), normal(example["html"])
        if got != want:
            numbers.append(str(example["example"]))
            report.append(
                f"example {example['example']}: {example['markdown']!r}\n  got:  {got}\n  want: {want}"
            )
    return f"failing examples: {', '.join(numbers)}\n" + "\n".join(report) if numbers else ""


# one test per section (26) rather than per example (649): a failing section names each of
# its failing examples by number
COMMONMARK_SECTIONS = by("section", [e for e in COMMONMARK if e["example"] not in GFM_DIFFERS])


@pytest.mark.parametrize("section", COMMONMARK_SECTIONS)
def test_commonmark_examples(section):
    report = failures(COMMONMARK_SECTIONS[section], _ENGINE)
    assert not report, report


def test_at_least_99_percent_of_the_commonmark_spec():
    results = Counter(passes(example) for example in COMMONMARK)
    assert results[True] >= 0.99 * len(COMMONMARK)
    assert results[True] == len(COMMONMARK) - len(GFM_DIFFERS)


GFM_EXTENSIONS = by("extension", GFM)


@pytest.mark.parametrize("extension", GFM_EXTENSIONS)
def test_gfm_extension_examples(extension):
    report = failures(GFM_EXTENSIONS[extension], _GFM_ENGINE)
    assert not report, report
