"""Korean counts of a post's prose, with every expected number counted by hand (the working is
in the comments): 글자수 with and without spaces, 어절, Latin words, NEIS bytes, 원고지 rows
and sheets, reading time."""

from __future__ import annotations

import pytest

from journal_app.core.stats import Counts, count_post, count_selection, manuscript_rows, prose_line

# line 1 "제주 바다를 보러 갔다.": 13 characters (10 Hangul-or-mark, 3 spaces), 4 어절,
#   bytes 9 Hangul × 3 + 3 spaces + "." = 31, one row (13 cells after the indent)
# line 2 "정말 좋았다!": 7 characters, 6 without spaces, 2 어절, bytes 5 × 3 + 2 = 17, one row
# the post: characters 13 + 7 + 1 line break = 21; bytes 31 + 17 + 2 for the line break = 50
KOREAN = "제주 바다를 보러 갔다.\n정말 좋았다!"
# "Hello, world's end. It's fine.": 30 characters, 4 spaces; 5 words, all Latin; 30 bytes;
# cells (no space after "," and "."): H el lo , wo rl d ' s ␣ en d . I t ' s ␣ fi ne . = 21,
# so 19 on the first row (after the indent) and 2 on the second
ENGLISH = "Hello, world's end. It's fine."
# 파이썬(3) asyncio(7) 정리:(3) 3가지(3) 실수(2) and 4 spaces = 22 characters; 5 어절, 4 of them
# with Hangul, 1 Latin word; bytes: 9 Hangul × 3 + asyncio, ":", "3" and 4 spaces = 27 + 13;
# cells: 3 + 1 + 4 (as yn ci o) + 1 + 3 + 1 + 3 (3 가 지) + 1 + 2 = 19: one row
MIXED = "파이썬 asyncio 정리: 3가지 실수"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", Counts()),
        (KOREAN, Counts(21, 16, 6, 6, 0, 50, 2, 2)),
        (ENGLISH, Counts(30, 26, 5, 0, 5, 30, 2, 1)),
        (MIXED, Counts(22, 18, 5, 4, 1, 40, 1, 1)),
    ],
)
def test_hand_counted_paragraphs(text, expected):
    assert count_post(text) == expected
    assert count_post(text).manuscript_sheets == (1 if text else 0)
    assert count_post(text).reading_minutes == (1 if text else 0)


POST = """---
title: 제주 여행
tags: [여행]
---
# 첫날

**제주**에 [도착](https://example.com/a)했다. ![바다](images/sea.png)
`print()` 말고 https://velog.io/@me 도 봤다.

```python
print("코드는 세지 않는다")
```
<img src="x.png">
"""


def test_markup_front_matter_code_urls_and_images_are_not_counted():
    # prose left: "첫날" / "제주에 도착했다." / "말고 도 봤다."
    assert [prose_line(line) for line in POST.splitlines()[4:8]] == [
        "첫날",
        "",
        "제주에 도착했다.",
        "말고 도 봤다.",
    ]
    # characters 2 + 9 + 8 + 2 line breaks = 21; without spaces 2 + 8 + 6 = 16; 어절 1 + 2 + 3;
    # bytes (2 + 7 + 5 Hangul) × 3 + "." + "." + 3 spaces + 2 line breaks × 2 = 42 + 5 + 4 = 51
    assert count_post(POST) == Counts(21, 16, 6, 6, 0, 51, 3, 3)


def test_marks_inside_prose():
    assert prose_line("> - [x] ~~취소~~ __굵게__ snake_case | 표 |") == "취소 굵게 snake_case 표"
    assert prose_line("## 제목 ##") == "제목"
    assert prose_line("---") == prose_line("|---|:-:|") == prose_line("[1]: https://a.b") == ""
    assert prose_line("a &amp; b\\*") == "a & b*"


def test_manuscript_rules():
    assert manuscript_rows("가" * 19) == 1  # the first cell indents
    assert manuscript_rows("가" * 20) == 2
    assert manuscript_rows("가" * 39) == 2 and manuscript_rows("가" * 40) == 3
    # a space at the start of a row is not written: 19 + (20) rows, not 19 + 20 + 1
    assert manuscript_rows("가" * 19 + " " + "나" * 20) == 2
    # a full stop that would open a row goes in the row before; no space after it
    assert manuscript_rows("가" * 19 + ". " + "나" * 20) == 2
    assert manuscript_rows("가" * 9 + ". " + "나" * 9) == 1  # 19 cells: the space is not written
    assert manuscript_rows("가" * 9 + "? " + "나" * 9) == 2  # after "?" it is
    # lowercase letters and digits two to a cell, capitals one: 19 + 20 cells
    assert manuscript_rows("a" * 38 + "A" * 20) == 2
    assert manuscript_rows("2024" + "가" * 17) == 1


def test_sheets_are_ten_rows():
    text = "\n".join(["가나다"] * 11)  # 11 paragraphs, a row each
    assert count_post(text).manuscript_rows == 11 and count_post(text).manuscript_sheets == 2


def test_reading_time_korean_and_other_words():
    assert count_post(" ".join(["가"] * 202)).reading_minutes == 1  # 202 어절 a minute
    assert count_post(" ".join(["가"] * 203)).reading_minutes == 2
    assert count_post(" ".join(["word"] * 476)).reading_minutes == 2  # 238 words a minute


def test_selection_leaves_out_header_and_code():
    text = "---\ntitle: 가\n---\n가나 다\n```\n코드 줄\n```\n라마\n"
    assert count_selection(text, 1, "title: 가\n---\n가나 다") == Counts(4, 3, 2, 2, 0, 10, 1, 1)
    assert count_selection(text, 5, "코드 줄") == Counts()
    # "다" and "라": 2 characters and a line break; 2 + ... bytes 3 + 3 + 2
    assert count_selection(text, 3, "다\n```\n코드 줄\n```\n라") == Counts(3, 2, 2, 2, 0, 8, 2, 2)


def test_decomposed_hangul_counts_as_syllables():
    assert count_post("\u1112\u1161\u11ab\u1100\u1173\u11af") == count_post("한글")


def test_cells_are_the_same_however_the_line_is_sliced(monkeypatch):
    line = "ab가" * 300  # 2 cells a time: 600; 19 on the first row, 581 on 30 more
    assert manuscript_rows(line) == 31
    monkeypatch.setattr("journal_app.core.stats.CELLS_SLICE", 7)  # slices that end inside "ab"
    assert manuscript_rows(line) == 31


@pytest.mark.parametrize(
    "line",
    [
        "a" + "`" * 50_000,
        "` ``" * 10_000,
        "[" * 50_000,
        "![" * 20_000,
        "<http:" * 8_000,
        "_" * 50_000 + "a",
        "a_" * 20_000,
    ],
)
def test_hostile_lines_are_counted(line):
    """Each pattern runs in time linear in the line (a quadratic one would hang here)."""
    counts = count_post(line)
    assert counts.paragraphs == 1 and counts.eojeol >= 1
