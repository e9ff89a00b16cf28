"""Nothing a post contains hangs or exhausts the app: special files, links out of the journal,
alias bombs, deep nesting, deep folders, huge tag lists and headers, a damaged or locked index.

Cases that would hang (a pipe blocks its reader, a device never ends, printing an alias bomb
takes for ever) run in a child process with a time and memory bound, so a hang fails the test.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

from journal_app.core import Journal, load_post
from journal_app.core.frontmatter import split_header
from journal_app.core.storage import cache_folder
from journal_app.core.journal import PostInfo
from journal_app.core.post import Post
from tests.hostile import BOMB, GOOD, bounded, deep_folders, special_files

LISTED_TAGS = 100  # tags a post gives the sidebar


def test_load_post_refuses_pipes_sockets_and_devices_without_opening_them(tmp_path):
    server = special_files(tmp_path)
    try:
        found = bounded(f"""
            import json
            from journal_app.core import load_post
            messages = {{}}
            for name in ("pipe.md", "socket.md", "zero.md"):
                try:
                    load_post({str(tmp_path)!r} + "/" + name)
                    messages[name] = None
                except OSError as exc:
                    messages[name] = str(exc)
            print(json.dumps(messages))
            """)
    finally:
        server.close()
    assert found == {
        "pipe.md": "it is a named pipe (FIFO), not a regular file; it is not read",
        "socket.md": "it is a socket, not a regular file; it is not read",
        "zero.md": "it is a device, not a regular file; it is not read",
    }


def test_the_scan_lists_special_files_as_problems_and_reads_the_rest(tmp_path):
    root = tmp_path / "journal"
    root.mkdir()
    (root / "good.md").write_text(GOOD)
    server = special_files(root)
    try:
        found = bounded(f"""
            import json
            from journal_app.core import Journal
            journal = Journal({str(root)!r})
            print(json.dumps({{info.relpath: [info.readable, info.problems, info.title]
                              for info in journal.posts}}))
            """)
    finally:
        server.close()
    assert found["good.md"] == [True, [], "Good"]
    assert found["pipe.md"][:1] == found["socket.md"][:1] == found["zero.md"][:1] == [False]
    assert "named pipe (FIFO), not a regular file" in found["pipe.md"][1][0]
    assert "a socket, not a regular file" in found["socket.md"][1][0]
    assert "link to a place outside the journal" in found["zero.md"][1][0]


def test_a_link_to_a_file_outside_the_journal_is_never_read(tmp_path):
    root = tmp_path / "journal"
    (root / "inner").mkdir(parents=True)
    secret = tmp_path / "id_ed25519"
    secret.write_text("PRIVATE KEY\n")
    (root / "inner" / "real.md").write_text(GOOD)
    os.symlink(secret, root / "key.md")
    os.symlink(root / "inner" / "real.md", root / "alias.md")  # inside: fine
    journal = Journal(root)
    key = journal.get(root / "key.md")
    assert not key.readable and key.title == "key"
    assert key.problems == [
        f"Could not read {root / 'key.md'}: the file is a link to a place "
        "outside the journal; it is not read."
    ]
    assert journal.get(root / "alias.md").readable
    assert journal.get(root / "alias.md").title == "Good"
    journal.refresh(root / "key.md")
    assert not journal.get(root / "key.md").readable
    with pytest.raises(OSError, match="outside the journal"):
        load_post(root / "key.md", root)
    assert load_post(root / "alias.md", root).title == "Good"


@pytest.mark.parametrize("key", ["title", "tags", "unrelated"])
def test_an_alias_bomb_is_refused_wherever_it_is(tmp_path, key):
    path = tmp_path / "bomb.md"
    path.write_text(BOMB + f"{key}: *a9\n---\nbody\n")
    found = bounded(f"""
        import json
        from journal_app.core import load_post
        from journal_app.core.journal import PostInfo
        post = load_post({str(path)!r})
        info = PostInfo.of(post, "bomb.md")
        print(json.dumps([post.header_invalid, post.problems, post.title, post.tags,
                          post.metadata, post.to_bytes() == open({str(path)!r}, "rb").read(),
                          post.body, info.title]))
        """)
    assert found == [
        True,
        [
            "line 1: the header holds more than 100,000 values (counting each "
            "repeat of an alias); it is not read"
        ],
        "bomb",
        [],
        {},
        True,
        "body\n",
        "bomb",
    ]


@pytest.mark.parametrize("key", ["title", "description", "unrelated"])
def test_an_alias_to_a_long_text_is_refused_by_its_size(tmp_path, key):
    """Few values, each a repeat of one 500 KB string: 50 GB if anything joined them."""
    path = tmp_path / "wide.md"
    path.write_text(
        "---\ns: &s " + "x" * 500_000 + f"\n{key}: [" + ", ".join(["*s"] * 20_000) + "]\n---\nbody\n"
    )
    found = bounded(f"""
        import json
        from journal_app.core import load_post
        from journal_app.core.journal import PostInfo
        post = load_post({str(path)!r})
        info = PostInfo.of(post, "wide.md")
        print(json.dumps([post.problems, post.title, post.description, post.metadata, info.title,
                          post.to_bytes() == open({str(path)!r}, "rb").read()]))
        """)
    assert found == [
        [
            "line 1: the header's text comes to more than 4,194,304 characters (counting "
            "each repeat of an alias); it is not read"
        ],
        "wide",
        "",
        {},
        "wide",
        True,
    ]


def test_a_self_referencing_yaml_header_is_refused():
    header, body = split_header("---\ntitle: loop\nself: &a [*a]\n---\nbody\n")
    assert not header.valid and "nested more than 64 levels" in header.error
    assert body == "body\n"


@pytest.mark.parametrize("depth", [100, 600, 5000])
def test_deeply_nested_toml_and_json_headers_are_problems(depth):
    toml = Post(("+++\na = " + "[" * depth + "]" * depth + "\n+++\nbody\n").encode())
    text = '{"a": ' + "[" * depth + "]" * depth + "}\nbody\n"
    json_post = Post(text.encode())
    for post in (toml, json_post):
        assert post.header_invalid
        assert post.problems == ["line 1: the header is nested more than 64 levels deep; it is not read"]
        assert post.body == "body\n"
    assert json_post.to_bytes() == text.encode() and json_post.header.text == text[:-5]


def test_nesting_within_the_limit_is_read():
    post = Post(("---\na: " + "[" * 30 + "1" + "]" * 30 + "\n---\n").encode())
    assert not post.header_invalid


@pytest.fixture
def deep_journal(tmp_path):
    """A journal whose folders go 1,100 levels deep, with posts at levels 10, 64, 65 and 1100."""
    root = tmp_path / "journal"
    root.mkdir()
    (root / "top.md").write_text(GOOD)
    with deep_folders(root, 1100, (10, 64, 65, 1100)):
        yield root


def test_a_journal_1000_folders_deep_is_read_down_to_the_limit(deep_journal):
    root = deep_journal
    journal = Journal(root)
    titles = sorted(info.title for info in journal.posts)
    assert titles == ["Good", "level 10", "level 64"]
    assert len(journal.problems) == 1
    assert "lie more than 64 folders deep" in journal.problems[0]
    assert journal.problems[0].startswith(f"Did not read the folders in {root}/" + "d/" * 63 + "d:")
    deep = Path(root, *["d"] * 30)
    assert not journal.sync([deep])  # a walk from inside counts levels from the root


def test_twenty_thousand_tags_are_linear_and_capped(tmp_path):
    tags = [f"t{number % 20000}" for number in range(21000)]  # 1,000 repeats
    path = tmp_path / "tags.md"
    path.write_text("---\ntags: [" + ", ".join(tags) + "]\ncategories: t5, extra\n---\nbody\n")
    post = load_post(path)
    assert post.tags == [f"t{number}" for number in range(20000)] + ["extra"]
    assert post.problems == ["the header has 20,001 tags; only the first 100 are listed in the journal"]
    info = PostInfo.of(post, "tags.md")
    assert info.tags == post.tags[:LISTED_TAGS] and info.problems == post.problems
    journal = Journal(tmp_path)
    assert len(journal.by_tag()) == LISTED_TAGS
    assert Journal(tmp_path).get(path).tags == info.tags  # from the index
    post.set_tags(post.tags[1:])
    assert post.tags == [f"t{number}" for number in range(1, 20000)] + ["extra"]


def test_a_50_mb_header_is_not_parsed_and_the_body_stays_editable(tmp_path):
    path = tmp_path / "big.md"
    header = "---\ntitle: Big\n" + ("note: " + "x" * 63 + "\n") * (50 * 1024 * 1024 // 70)
    data = (header + "---\nbody\n").encode()
    path.write_bytes(data)
    post = load_post(path)
    assert post.header_invalid and post.metadata == {}
    assert post.problems == ["line 1: the header is 50 MB, too large to read"]
    assert post.title == "big" and post.body == "body\n"
    assert post.to_bytes() == data
    post.body = "new body\n"
    assert post.to_bytes() == header.encode() + b"---\nnew body\n"
    small = Post(("---\ntitle: x\nblob: " + "y" * 1_600_000 + "\n---\n").encode())
    assert small.problems == ["line 1: the header is 1.5 MB, too large to read"]


def test_a_large_json_header_is_not_used():
    text = '{"title": "x", "blob": "' + "y" * 1_100_000 + '"}\nbody\n'
    post = Post(text.encode())
    assert post.problems == ["line 1: the header is 1.0 MB, too large to read"]
    assert post.body == "body\n" and post.to_bytes() == text.encode()


def _index_rows() -> sqlite3.Connection:
    database = next(cache_folder().glob("summaries-*.sqlite"))
    return sqlite3.connect(database, isolation_level=None)


def _summary(**wrong) -> str:
    """An index entry of a post, as JSON, with the fields in ``wrong`` replaced."""
    entry = {
        "title": "x",
        "date": "2024-01-01T00:00:00+00:00",
        "tags": [],
        "description": "",
        "problems": [],
        "header_invalid": False,
    }
    return json.dumps({**entry, **wrong})


@pytest.mark.parametrize(
    "garbage",
    [
        "not json {",
        "[1, 2]",
        json.dumps({"title": "x"}),
        42,
        b"\xff\xfe",
        _summary(title=5),  # each of these is a whole entry with one field of the wrong kind
        _summary(date="2024-01-01T00:00:00"),
        _summary(tags="not a list"),
    ],
)
def test_a_damaged_index_entry_is_read_again_from_the_file(tmp_path, garbage):
    root = tmp_path / "journal"
    root.mkdir()
    (root / "good.md").write_text(GOOD)
    (root / "other.md").write_text("---\ntitle: Other\n---\n")
    Journal(root)
    _index_rows().execute("UPDATE posts SET summary = ? WHERE path LIKE '%good.md'", (garbage,))
    journal = Journal(root)
    assert [(info.title, info.tags) for info in journal.posts if info.relpath == "good.md"] == [
        ("Good", ["ok"])
    ]
    (summary,) = _index_rows().execute("SELECT summary FROM posts WHERE path LIKE '%good.md'").fetchone()
    assert json.loads(summary)["title"] == "Good"  # the entry was replaced


def test_a_locked_index_does_not_stall_the_scan(tmp_path):
    root = tmp_path / "journal"
    root.mkdir()
    for number in range(3):
        (root / f"post {number}.md").write_text(f"---\ntitle: Post {number}\n---\n")
    Journal(root)
    holder = _index_rows()
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, and not letting go
    try:
        (root / "post 0.md").write_text("---\ntitle: Changed\n---\n")  # to write in the index
        (root / "post 2.md").unlink()  # to delete from it
        start = time.monotonic()
        journal = Journal(root)
        elapsed = time.monotonic() - start
    finally:
        holder.execute("ROLLBACK")
    assert sorted(info.title for info in journal.posts) == ["Changed", "Post 1"]
    assert elapsed < 4, f"the scan waited {elapsed:.1f} s for the locked index"
