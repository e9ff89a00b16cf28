"""The outline's headings: markdown-it's headings (not a fence's ``#`` lines, not the front
matter), and after any edit the same as a whole parse of the new text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journal_app.core.headings import Heading, HeadingIndex, headings_of

POST = """---
title: "# 제목 아님"
---
# 📌 Life is short, you need **python**

```python
# 주석, 제목 아님
```

Setext 제목
---

> # 인용 속
    # 들여쓴 코드

## `코드` 둘째
"""


def test_headings_of_a_post():
    assert headings_of(POST) == [
        Heading(3, 1, "📌 Life is short, you need python"),
        Heading(9, 2, "Setext 제목"),
        Heading(15, 2, "코드 둘째"),
    ]


LINES = [
    "# 제목",
    "## 둘째 😀",
    "본문 줄",
    "",
    "```",
    "~~~",
    "# 코드 속",
    "---",
    "===",
    "- 항목",
    "> 인용",
    "    들여쓰기",
    "<div>",
    "</div>",
    "$$",
    "#",
    "  # 제목 셋",
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(LINES), max_size=40),
    st.lists(
        st.tuples(st.integers(0, 45), st.integers(0, 3), st.lists(st.sampled_from(LINES), max_size=4)),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, 3),
)
def test_after_edits_the_same_as_a_whole_parse(lines, edits, steps):
    index = HeadingIndex()
    index.set_text("\n".join(lines))
    for _ in range(steps):  # an edit may come before the last parse is done
        if not index.done:
            index._step()
    for at, removed, added in edits:
        at = min(at, len(lines))
        lines = lines[:at] + added + lines[at + removed :]
        index.set_text("\n".join(lines))
        if index.done is False and at % 2:
            index._step()
    index.work()
    assert index.headings == headings_of("\n".join(lines))
    assert index.starts == sorted(set(index.starts))


def test_an_edit_on_a_big_post_parses_a_few_lines(monkeypatch):
    import journal_app.core.headings as module

    text = "\n".join(f"## 제목 {n}\n\n글 {n}, **굵게**.\n" for n in range(3000))
    index = HeadingIndex()
    index.set_text(text)
    index.work()
    assert len(index.headings) == 3000
    parsed = []
    real = module._blocks().parse
    monkeypatch.setattr(module._blocks(), "parse", lambda source: parsed.append(source) or real(source))
    lines = text.split("\n")
    lines[6000] = "# 새 제목"
    index.set_text("\n".join(lines))
    index.work()
    assert sum(source.count("\n") for source in parsed) < 100  # not the 12 000 lines
    assert index.headings == headings_of("\n".join(lines))
