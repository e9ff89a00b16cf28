"""The search index answers as a plain scan of every post's folded text would, for a fixed
journal and many kinds of query, after a build and after edits, additions and removals."""

from __future__ import annotations

import random
import sqlite3

import pytest

from journal_app.core import Journal, search, searchbuild
from journal_app.core.search import SearchIndex, database_path
from journal_app.core.searchbuild import read_rows
from journal_app.core.searchtext import fold, parse_query
from journal_app.core.tags import rename_tag

WORDS = [
    "스타트업", "스타트업에서", "후기", "후기를", "오후", "싸피", "일상", "동료들과", "바다", "한", "해",
    "Python", "python3", "React", "e-mail", "c++", "TIL", "café", "naïve", "…", "「인용」", "😀",
    "하루", "하루하루", "한 해", "여행", "여행기", "2021", "v1.2", "AI", "ΑΣ", "ẞig",
]  # fmt: skip
TAGS = ["일상", "여행", "개발", "AI"]


def write_posts(root, count=40, seed=7):
    rng = random.Random(seed)
    for number in range(count):
        day = rng.choice(["2021-10-03", "2021-11-20", "2022-07-15", "2020-01-01"])  # many ties
        tags = rng.sample(TAGS, rng.randrange(0, 3))
        title = " ".join(rng.choices(WORDS, k=2))
        lines = [" ".join(rng.choices(WORDS, k=rng.randint(3, 9))) for _ in range(rng.randint(1, 6))]
        text = (
            f'---\ntitle: "{title}"\ndate: {day}\ntags: [{", ".join(tags)}]\n'
            f'description: "{rng.choice(WORDS)}"\n---\n# {rng.choice(WORDS)}\n\n' + "\n\n".join(lines) + "\n"
        )
        (root / f"post-{number:02}.md").write_text(text, encoding="utf-8")


QUERIES = [
    "후", "후기", "스", "스타", "타트업", "업에", "스타트업에", "한 해", '"한 해"', "해 한", "PYTHON", "py",
    "python3", "react", "e-mail", "mail", "c++", "c", "til", "é", "café", "…", "인용」", "「", "😀", "하루하",
    "2021", "v1", "1.2", "ai", "ας", "σ", "ßig", "스타트업 -후기", "후 -바다", "-e 후", "tag:일상",
    "tag:ai 후", "year:2021", "month:2021-10", "year:2022 -여행", "title:후", "title:py 한", "없는말",
    "!!", "e-",
]  # fmt: skip


def expected(rows, text):
    """The names a scan finds: every term in the folded text, no excluded word, the filters,
    newest first, ties by path."""
    query = parse_query(text)
    found = []
    for row in rows:
        folded, tags, date, ftitle = fold(row[8] + "\n" + row[10].decode()), row[7], row[5], row[4]
        if (
            all(term in folded for term in query.terms)
            and not any(word in folded for word in query.excluded)
            and all(f"\n{tag}\n" in tags for tag in query.tags)
            and all(date[:4] == year for year in query.years)
            and all(date[:7] == month for month in query.months)
            and all(title in ftitle for title in query.titles)
        ):
            found.append((-row[6], row[0], row[0].rsplit("/", 1)[-1]))
    return [name for _, _, name in sorted(found)]


@pytest.fixture
def journal(tmp_path):
    root = tmp_path / "journal"
    root.mkdir()
    write_posts(root)
    index = SearchIndex(root)
    index.build(info.path for info in Journal(root).posts)
    yield root, index
    index.close()


def scan(root):
    paths = sorted(str(path) for path in root.glob("*.md"))
    return [row for row in read_rows([(path, str(root)) for path in paths]) if row is not None]


def answers(index, text):
    return [result.path.name for result in index.search(text, limit=1000)]


@pytest.mark.parametrize("cap", [500, 1])  # 1: pieces stand for too many words, posts are checked
def test_every_query_answers_as_a_scan(journal, cap):
    root, index = journal
    index.words_cap = cap
    rows = scan(root)
    for text in QUERIES:
        assert answers(index, text) == expected(rows, text), text
    assert (
        answers(index, "후")[:3]
        == expected(rows, "후")[:3]
        == [r.path.name for r in index.search("후", limit=3)]
    )


def test_answers_stay_right_after_edits_additions_and_removals(journal):
    root, index = journal
    (root / "post-03.md").unlink()
    (root / "post-05.md").write_text(
        "---\ntitle: 고침\ndate: 2021-10-03\n---\n새 후기 Python\n", encoding="utf-8"
    )
    (root / "new.md").write_text(
        "---\ntitle: 새 글\ndate: 2021-10-03\n---\n스타트업에게 한 해\n", encoding="utf-8"
    )
    index.update([root / "post-03.md", root / "post-05.md", root / "new.md"])
    rows = scan(root)  # posts of one time in the order of their paths, however indexed
    for text in QUERIES + ["스타트업에게", "고침"]:
        assert sorted(answers(index, text)) == sorted(expected(rows, text)), text
        assert answers(index, text) == expected(rows, text), text


@pytest.mark.parametrize("older", ["2", "3"])  # 3: ids in the order of writing
def test_an_index_of_the_older_format_is_built_again(journal, older):
    root, index = journal
    index.close()
    path = database_path(root.absolute())
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'format'", (older,))
    db.commit()
    db.close()
    again = SearchIndex(root)
    assert again.fresh and len(again) == 0
    again.build(info.path for info in Journal(root).posts)
    assert answers(again, "후기") == expected(scan(root), "후기")
    again.close()


def test_words_another_connection_adds_are_found(journal):
    root, index = journal
    assert answers(index, "꿀팁") == []  # the words are read
    other = SearchIndex(root)  # another program's connection, the command line's
    (root / "post-01.md").write_text("---\ntitle: 더함\n---\n새로운꿀팁이다\n", encoding="utf-8")
    other.update([root / "post-01.md"])
    other.close()
    assert answers(index, "꿀팁") == ["post-01.md"]


def test_a_post_added_after_the_oldest_was_removed_is_in_its_place(journal):
    root, index = journal
    rows = scan(root)
    oldest = min(rows, key=lambda row: (row[6], -rows.index(row)))  # the last id of the build
    (root / oldest[0].rsplit("/", 1)[-1]).unlink()
    index.update([oldest[0]])
    (root / "newest.md").write_text(
        "---\ntitle: 새 글\ndate: 2030-01-01\n---\n후기 맨 앞\n", encoding="utf-8"
    )
    index.update([root / "newest.md"])
    names = answers(index, "후기")
    assert names[0] == "newest.md" and names == expected(scan(root), "후기")
    assert [result.path.name for result in index.search("후기", limit=3)] == names[:3]


def shown(index, text, order, limit):
    return [
        (result.path.name, result.line, result.snippet, result.marks)
        for result in index.search(text, limit=limit, order=order)
    ]


def test_a_rebuilt_index_answers_as_one_kept_up_by_updates(tmp_path, monkeypatch):
    monkeypatch.setattr(searchbuild, "TERMS_AT_ONCE", 7)  # the words reach FTS5 in several runs
    monkeypatch.setattr(search, "PARALLEL_MINIMUM", 20)  # the rebuild is a large one
    root = tmp_path / "journal"
    root.mkdir()
    write_posts(root, count=60, seed=11)
    paths = sorted(root.glob("*.md"))
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(tmp_path / "kept"))
    kept = SearchIndex(root)
    kept.build(paths[::3])
    for path in [*paths[1::3], *paths[2::3]]:  # one at a time: posts of one day indexed apart
        kept.update([path])
    paths[4].unlink()
    paths[9].write_text("---\ntitle: 고침\ndate: 2021-10-03\n---\n후기를 다시 한 해\n", encoding="utf-8")
    (root / "a-new.md").write_text(
        "---\ntitle: 새 글\ndate: 2022-07-15\n---\n스타트업에서 Café\n", encoding="utf-8"
    )
    kept.update([paths[4], paths[9], root / "a-new.md"])
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(tmp_path / "rebuilt"))
    rebuilt = SearchIndex(root)
    rebuilt.write(sorted(str(path) for path in root.glob("*.md")), [], None, here=True)
    assert len(rebuilt) == len(kept) == 60
    for text in [*QUERIES, "스타트업에서", "후기를", '"후기를 다시"', "고침 -바다", "café"]:
        for order, limit in (("newest", 1000), ("newest", 5), ("relevance", 1000)):
            assert shown(rebuilt, text, order, limit) == shown(kept, text, order, limit), (text, order, limit)
    assert shown(rebuilt, "후기", "newest", 1000)  # the queries find something
    kept.close()
    rebuilt.close()


def test_a_tag_renamed_in_many_posts_keeps_the_ids_in_date_order(tmp_path, monkeypatch):
    monkeypatch.setattr(searchbuild, "TERMS_AT_ONCE", 7)
    monkeypatch.setattr(search, "PARALLEL_MINIMUM", 8)  # the posts the rename saves are many
    root = tmp_path / "journal"
    root.mkdir()
    write_posts(root, count=60, seed=5)
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(tmp_path / "kept"))
    kept = SearchIndex(root)
    kept.build(sorted(root.glob("*.md")))
    renamed = [root / done.relpath for done in rename_tag(Journal(root, use_index=False), "일상", "하루")]
    assert len(renamed) >= 8
    kept.update(renamed)
    spans = [searchbuild.span_of(ts) for _, ts in kept._db.execute("SELECT id, ts FROM docs ORDER BY id")]
    assert spans == sorted(spans)  # the order of ids is the order of dates, newest first
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(tmp_path / "rebuilt"))
    rebuilt = SearchIndex(root)
    rebuilt.build(sorted(root.glob("*.md")))
    assert len(kept.search("tag:하루", limit=1000)) == len(renamed) and not kept.search("tag:일상")
    for text in [*QUERIES, "tag:하루", "tag:하루 후", "하루"]:
        for order, limit in (("newest", 1000), ("newest", 3), ("relevance", 1000)):
            assert shown(kept, text, order, limit) == shown(rebuilt, text, order, limit), (text, order, limit)
    kept.close()
    rebuilt.close()
