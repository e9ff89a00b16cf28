"""The search index reads a simple post without building a Post: the same row as through
load_post for every kind of file the project knows (quirks, hostile files, generated posts and
headers at the edge of what the quick way takes), and as many posts quickly as are simple."""

from __future__ import annotations

import random

import pytest

from journal_app.core.post import load_post
from journal_app.core.searchbuild import read_rows
from journal_app.core.searchheader import post_fields, simple_fields, simple_post
from tests.hostile import hostile_journal
from tests.quirks import write_quirks

# header lines (between --- lines), each read by YAML in its own way
# fmt: off
EDGE_LINES = [
    "title: yes", "title: on", "title: No", "title: null", "title: Null", "title: 2021", "title: 1e3",
    "title: 3.14", "title: 1_000", "title: 0x1f", "title: 0o17", "title: 1:20", "title: 190:20:30.15",
    "title: abc ", "title: a  b", "title: a # c", "title: a:b", "title: a: b", "title: a:", "title: 'it''s'",
    "title: \"it's\"", 'title: "a\\"b"', 'title: ""', "title: ''", "title: \"\t탭\"", "title: \"\x85\"",
    'title: "\u2028"', 'title: "\ufeff제목"', 'title: "😀 이모지"', "title: 제목 a-b.c_d+e",
    "title: [a, b]", "title: {a: b}", "title: &x 앵커", "title: !!str 2021", "title: - a", "title:",
    "title:  두 칸", "title:\t탭", "Title: 대문자", "on: 켜짐", "yes: 예", "null: 없음",
    "k" * 70 + ": 긴 키", "k" * 2000 + ": 아주 긴 키",
    "date: 2021-10-01", "date: 2021-10-01T12:00:00.000Z", "date: 2021-10-01 12:00:00 +09:00",
    "date: 2021-10-01t12:00:00Z", "date: 2021-1-1", "date: 2021-13-45", "date: 2021-02-30T00:00:00Z",
    'date: "2021-10-01"', "date: 20211001", "date: 1633046400", "date: yes", "date: 어제",
    "tags: [일상, AI, yes, 2021, \"a b\", 'c', TIL]", "tags: []", "tags: [ ]", "tags: [a,b]",
    "tags: [a b, c]", 'tags: ["a,b"]', "tags: [a, ]", "tags: [, a]", "tags: a, b", "tags: 일상 개발",
    "tags: [a:b]", "tags: [[a]]", "tags: ", "title: ", "date: ", "tags:  ",
    "tags: [null, ~, '']", "tags: [on, off]", "keywords: [파이썬]", "categories: 회고", "category: [AI, ai]",
    "description: \"바다&#x3A; 맑음 &amp; &lt;흐림&gt;\"", 'description: ""', "summary: 요약",
    'description: " 공백 "', "description: [목록]", "title: " + "가" * 5000, "# 주석",
]
# fmt: on
HEADERS = [
    *(f"---\n{line}\n---\n# 첫 제목\n본문\n" for line in EDGE_LINES),
    "---\ntitle: a\ntitle: b\n---\n같은 키 두 번\n",
    "---\ntitle: 빈 줄\n\ndate: 2021-10-01\n---\n",
    "---\n---\n빈 머리말\n",
    "---\n\n---\n빈 줄만\n",
    "---\ntitle: 끝에 줄바꿈 없음\n---",
    "---\ntitle: 닫는 줄에 공백\n---  \n본문\n",
    "--- \ntitle: 여는 줄에 공백\n---\n본문\n",
    "---\ntitle: 닫히지 않음\n본문\n",
    "---\ntitle: 점 세 개\n...\n본문\n",
    "---\n- 목록\n---\n본문\n",
    "---\n그냥 글\n---\n가로줄 사이\n",
    "---\ntitle: 목록 태그\ntags:\n  - a\n  - b\n---\n",
    "---\r\ntitle: CRLF\r\n---\r\n본문\r\n",
    "\ufeff---\ntitle: BOM\n---\n본문\n",
    "---\ntitle: NUL\n---\n\x00\n",
    "---\ntitle: ----\n----\n---\n대시 네 개\n",
    "---\ntitle: 본문에 ---\n---\n앞\n---\n뒤\n",
    "---\ntitle: " + "x" * 20_000 + "\n---\n긴 머리말\n",
    '---\ntitle: ""\ndescription: ""\nsummary: 요약만\n---\n제목 없는 글\n',
    '---\ntitle: ""\n---\n제목도 머리글도 없음\n',
    '+++\ntitle = "TOML"\n+++\n본문\n',
    '{"title": "JSON"}\n본문\n',
    "# 머리말 없음\n본문\n",
    "",
]


def generated(rng: random.Random, number: int) -> str:
    """A post as the benchmark writes them (velog-backup and Jekyll headers)."""
    words = ["후기", "싸피", "일상", "code", "Python", "yes", "2021", "a:b", "on", "AI"]
    title = " ".join(rng.choices(words, k=3))
    tags = ", ".join(rng.sample(words, rng.randrange(0, 4)))
    quote = rng.choice(['"', "'", ""])
    return (
        f"---\ntitle: {quote}{title} {number}{quote}\ndate: 2021-{rng.randrange(1, 13):02}-"
        f"{rng.randrange(1, 29):02}T0{rng.randrange(10)}:00:00.000Z\ntags: [{tags}]\n"
        f'description: "{" ".join(rng.choices(words, k=6))}"\n---\n# {title}\n\n'
        "```python\ndef f(x):\n    return x\n```\n\n![](../images/a.png) [링크](https://a.b) *강조*\n"
    )


def write_edges(root):
    root.mkdir()
    rng = random.Random(12)
    written = [(f"edge-{number:03}.md", text) for number, text in enumerate(HEADERS)]
    written += [
        (f"2021-10-0{number % 9 + 1}-gen-{number}.md", generated(rng, number)) for number in range(60)
    ]
    for name, text in written:
        (root / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    # bytes that are not UTF-8 (read with surrogates, which the index turns into U+FFFD)
    (root / "undecodable.md").write_bytes(b"---\ntitle: \xff\n---\n\xed\xa0\x80 \xff\xfe\n")
    return [root / name for name, _ in written] + [root / "undecodable.md"]


def corpus_files(tmp_path, corpus):
    """Write one of the corpora ("edges", "quirks", "hostile") and return its root and files."""
    root = tmp_path / "journal"
    if corpus == "edges":
        return root, write_edges(root)
    if corpus == "quirks":
        return root, list(write_quirks(root))
    root, server = hostile_journal(tmp_path, bomb_title="폭탄", tags=300)
    server.close()
    return root, sorted(root.iterdir())


def test_every_edge_header_gives_the_fields_load_post_gives_or_goes_through_load_post(tmp_path):
    quick = 0
    for path in write_edges(tmp_path / "journal"):
        data = path.read_bytes()
        expected = post_fields(load_post(path))
        simple = simple_post(data)
        if simple is not None:
            quick += 1
            assert simple_fields(simple, str(path), path.stat().st_mtime) == expected, path.read_text()
    assert quick >= 60  # the generated posts and the simple edges: the quick way was taken


@pytest.mark.parametrize("corpus", ["edges", "quirks", "hostile"])
def test_the_rows_are_those_read_through_load_post(tmp_path, corpus):
    root, paths = corpus_files(tmp_path, corpus)
    items = [(str(path.absolute()), str(root.absolute())) for path in paths]
    quick, reference = read_rows(items), read_rows(items, quick=False)
    assert len(quick) == len(paths)
    for path, row, expected in zip(paths, quick, reference, strict=True):
        assert row == expected, path


def test_a_date_yaml_cannot_make_is_indexed_as_a_post_with_a_broken_header_both_ways(tmp_path):
    path = tmp_path / "bad-date.md"
    path.write_text("---\ntitle: 날짜\ndate: 2021-13-45\n---\n본문\n", encoding="utf-8")
    items = [(str(path), str(tmp_path))]
    rows = read_rows(items)
    assert rows == read_rows(items, quick=False) and rows[0] is not None
    assert "본문" in rows[0][10].decode()  # the body is searchable
