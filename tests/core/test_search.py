"""The search index: Korean substrings of any length, filters, markup left out, updates."""

from __future__ import annotations

import os
import sqlite3

import pytest

from journal_app.core import Journal, load_post, save_post
from journal_app.core.search import SearchIndex, SearchUnavailable, database_path
from journal_app.core.searchtext import parse_query, plain_lines

STARTUP = """---
title: 스타트업 후기
date: 2021-10-03
tags: [일상, 회고]
description: 첫 회사 이야기
---
# 스타트업에서 일한 한 해

Python과 **React**로 [서비스](https://example.com/img) 만들었다.

![](images/photo.png)

<img src="images/b.png">
"""

TRIP = """---
title: Summer Trip
date: 2022-07-15
tags: [여행]
---
바다에 갔다. 스타트업 동료들과 함께.
"""

DIARY = """---
title: 일기
date: 2021-11-20
tags: [일상]
---
오늘은 후추를 샀다.
"""


@pytest.fixture
def journal(tmp_path):
    root = tmp_path / "journal"
    root.mkdir()
    for name, text in (("startup.md", STARTUP), ("trip.md", TRIP), ("diary.md", DIARY)):
        (root / name).write_text(text, encoding="utf-8")
    index = SearchIndex(root)
    index.build(info.path for info in Journal(root).posts)
    yield root, index
    index.close()


def names(results):
    return [result.path.name for result in results]


def test_one_and_two_syllable_korean(journal):
    root, index = journal
    assert names(index.search("후")) == ["diary.md", "startup.md"]  # 후추, 후기 (newest first)
    assert names(index.search("후기")) == ["startup.md"]
    assert names(index.search("바")) == ["trip.md"]
    assert names(index.search("동료")) == ["trip.md"]


def test_a_word_with_its_particle_matches_as_a_substring(journal):
    root, index = journal
    assert names(index.search("스타트업에")) == ["startup.md"]  # 스타트업에서
    assert names(index.search("스타트업")) == ["trip.md", "startup.md"]
    assert names(index.search("스타트업은")) == []


def test_result_has_line_and_marked_snippet(journal):
    root, index = journal
    [result] = index.search("스타트업에")
    assert result.line == 7
    assert result.title == "스타트업 후기"
    assert result.tags == ["일상", "회고"]
    assert result.date.startswith("2021-10-03")
    start, end = result.marks[0]
    assert result.snippet[start:end] == "스타트업에"


def test_a_match_in_the_header_only_points_at_line_1(journal):
    root, index = journal
    [described] = index.search("첫 회사")  # the description
    assert (described.line, described.snippet) == (1, "첫 회사 이야기")
    [titled] = index.search("summer")
    assert (titled.line, titled.snippet) == (1, "Summer Trip")
    [tagged] = index.search("회고")  # a tag
    assert tagged.line == 1
    assert [result.line for result in index.search("tag:일상")] == [1, 1]  # filters match headers
    [both] = index.search("summer 바다")  # the body too: its line
    assert both.line == 6


def test_latin_is_case_insensitive_and_phrases_are_exact(journal):
    root, index = journal
    assert names(index.search("PYTHON")) == ["startup.md"]
    assert names(index.search("summer")) == ["trip.md"]
    assert names(index.search('"한 해"')) == ["startup.md"]
    assert names(index.search('"해 한"')) == []


def test_filters(journal):
    root, index = journal
    assert names(index.search("tag:일상")) == ["diary.md", "startup.md"]
    assert names(index.search("year:2021")) == ["diary.md", "startup.md"]
    assert names(index.search("month:2021-10")) == ["startup.md"]
    assert names(index.search("title:trip")) == ["trip.md"]
    assert names(index.search("스타트업 -바다")) == ["startup.md"]
    assert names(index.search("tag:여행 스타트업")) == ["trip.md"]


def test_front_matter_values_are_searched(journal):
    root, index = journal
    assert names(index.search("이야기")) == ["startup.md"]  # the description
    assert names(index.search("회고")) == ["startup.md"]  # a tag


def test_markup_is_not_searched(journal):
    root, index = journal
    assert index.search("img") == []
    assert index.search("https") == []
    assert index.search("photo") == []
    assert names(index.search("서비스")) == ["startup.md"]  # link text is text


def test_an_edited_and_saved_post_is_found_at_once(journal):
    root, index = journal
    post = load_post(root / "diary.md")
    post.body = post.body + "\n새로운 단어 꿀팁\n"
    save_post(post)
    index.update([root / "diary.md"])
    assert names(index.search("꿀")) == ["diary.md"]
    assert names(index.search("꿀팁")) == ["diary.md"]
    assert names(index.search("후추")) == ["diary.md"]


def test_journal_change_updates_added_and_removed(journal):
    root, index = journal
    journal_ = Journal(root)
    (root / "trip.md").unlink()
    (root / "new.md").write_text("---\ntitle: 새 글\n---\n후기를 남긴다\n", encoding="utf-8")
    change = journal_.sync([root])
    index.update(change)
    assert names(index.search("바다")) == []
    assert sorted(names(index.search("후기"))) == ["new.md", "startup.md"]
    assert len(index) == 3


def test_build_reads_only_changed_files(journal):
    root, index = journal
    paths = [info.path for info in Journal(root).posts]
    assert index.build(paths) == 0
    (root / "trip.md").write_text(TRIP + "\n더함\n", encoding="utf-8")
    assert index.build(paths) == 1


def test_damaged_database_is_rebuilt(journal):
    root, index = journal
    index.close()
    path = database_path(root.absolute())
    for suffix in ("-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.remove(f"{path}{suffix}")
    path.write_bytes(b"this is not a database" * 100)
    again = SearchIndex(root)
    assert again.fresh and len(again) == 0
    again.build([root / "trip.md"])
    assert names(again.search("바다")) == ["trip.md"]
    again.close()
    sqlite3.connect(path).close()


def test_plain_lines_keep_line_numbers():
    lines = plain_lines("# Title *x*\n\n- item [link](u)\n\n```\ncode\n```\n> quote `c`\n")
    assert lines[0] == "Title x"
    assert lines[2] == "item link"
    assert lines[5] == "code"
    assert lines[7] == "quote c"


def test_parse_query():
    query = parse_query('Tag:일상 "a b" -x year:2021 http://a')
    assert query.tags == ["일상"] and query.terms == ["a b", "http://a"]
    assert query.excluded == ["x"] and query.years == ["2021"]


def test_relevance_puts_the_most_occurrences_first_and_limit_cuts(journal):
    root, index = journal
    (root / "many.md").write_text(
        "---\ntitle: 여러 번\ndate: 2000-01-01\n---\n바다 바다 바다\n", encoding="utf-8"
    )
    index.update([root / "many.md"])
    assert names(index.search("바다")) == ["trip.md", "many.md"]  # newest first
    assert names(index.search("바다", order="relevance")) == ["many.md", "trip.md"]
    assert names(index.search("바다", limit=1)) == ["trip.md"]


def test_a_locked_database_is_reported_not_waited_for(journal):
    root, index = journal
    other = sqlite3.connect(database_path(root.absolute()))
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(SearchUnavailable):
            index.update([root / "trip.md"])
    finally:
        other.rollback()
        other.close()
    index.update([root / "trip.md"])
    assert names(index.search("바다")) == ["trip.md"]


def test_a_file_name_that_is_not_text_is_skipped(journal):
    root, index = journal
    odd = root / os.fsdecode(b"caf\xe9.md")
    odd.write_text("---\ntitle: odd\n---\n바다\n", encoding="utf-8")
    index.update([odd, root / "trip.md"])
    index.build([odd, root / "trip.md"])
    assert names(index.search("바다")) == ["trip.md"]


def test_undecodable_bytes_in_a_post_are_indexed_around(journal):
    root, index = journal
    (root / "bytes.md").write_bytes(
        "---\ntitle: 바이트\n---\n앞 \x89 뒤 낱말\n".encode().replace(b"\xc2\x89", b"\x89")
    )
    index.update([root / "bytes.md"])
    assert names(index.search("낱말")) == ["bytes.md"]


def test_prepare_reads_the_words_so_that_the_next_query_does_not(journal):
    root, index = journal
    other = SearchIndex(root)  # another connection writes: the words are read again
    (root / "new.md").write_text("---\ntitle: 새 글\ndate: 2023-01-01\n---\n싸피 수료\n", encoding="utf-8")
    other.update([root / "new.md"])
    other.close()
    index.prepare()
    statements = []
    index._db.set_trace_callback(statements.append)
    assert names(index.search("싸피")) == ["new.md"] and names(index.search("피 수")) == ["new.md"]
    assert statements and not [sql for sql in statements if "words" in sql]
