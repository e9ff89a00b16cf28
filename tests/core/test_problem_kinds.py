"""Every path that makes a problem gives it a kind, and the journal's summaries keep the kinds
(through the index too), so that code decides by kind and never by a message's wording."""

from __future__ import annotations

import os

import pytest

from journal_app.core import Journal, Post, check_post, load_post
from journal_app.core.journal import PostInfo
from journal_app.core.post import RefusedFile
from journal_app.core.problems import HEADER_KINDS, Problem, ProblemKind

K = ProblemKind


def kinds(data: bytes) -> list[ProblemKind]:
    """The kinds of the problems a post of ``data`` has when read."""
    return [problem.kind for problem in Post(data).problem_details]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def alias_bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in "bcdef":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"plain text\n", []),
        ("---\ntitle: fine\n---\nbody\n".encode(), []),
        (b"caf\xe9 au lait\n", [K.UNDECODABLE]),
        ("한글로 쓴 옛 글입니다\n".encode("cp949"), [K.LEGACY_ENCODING]),
        (b"text\x00with a NUL\n", [K.NUL_BYTES]),
        (b"---\ntitle: [unclosed\n---\nbody\n", [K.INVALID_HEADER]),
        (b"+++\ntitle = \n+++\nbody\n", [K.INVALID_HEADER]),
        (b"---\n- a\n- b\n---\nbody\n", [K.HEADER_NOT_MAPPING]),
        (b"---\ntitle: caf\xe9\n---\nbody\n", [K.UNDECODABLE, K.HEADER_UNDECODABLE]),
        (("---\ntitle: big\nbody: " + "a" * (1024 * 1024 + 10) + "\n---\n").encode(), [K.HEADER_TOO_LARGE]),
        (("---\nk: " + nested(70) + "\n---\n").encode(), [K.HEADER_TOO_DEEP]),
        (('{"k": ' + nested(70) + "}\nbody\n").encode(), [K.HEADER_TOO_DEEP]),
        (('{"k": ' + nested(100_000) + "}\nbody\n").encode(), [K.HEADER_TOO_DEEP]),  # past recursion
        (("---\n" + alias_bomb() + "\n---\n").encode(), [K.HEADER_TOO_MANY_VALUES]),
        (("---\ntags: [" + ", ".join(f"t{n}" for n in range(101)) + "]\n---\n").encode(), [K.TOO_MANY_TAGS]),
    ],
)
def test_each_problem_of_a_post_has_its_kind(data, expected):
    assert kinds(data) == expected


def test_a_header_problem_has_its_kind_and_line():
    post = Post(b"---\ntitle: a\ntags: [b\n---\n")
    assert post.problem_details == [Problem(post.problem_details[0].message, 4, kind=K.INVALID_HEADER)]
    assert post.has_problem(K.INVALID_HEADER) and not post.has_problem(K.UNDECODABLE)
    assert post.header.problem == post.problem_details[0]


def test_fixing_the_header_by_hand_drops_only_the_header_kinds():
    post = Post(b"---\ntitle: [a\n---\nNUL \x00 here\n")
    assert kinds(post.to_bytes()) == [K.NUL_BYTES, K.INVALID_HEADER]
    post.set_header_text("---\ntitle: a\n---\n")
    assert [problem.kind for problem in post.problem_details] == [K.NUL_BYTES]
    post.set_header_text("---\n- a\n---\n")
    assert [problem.kind for problem in post.problem_details] == [K.NUL_BYTES, K.HEADER_NOT_MAPPING]
    assert K.HEADER_NOT_MAPPING in HEADER_KINDS and K.NUL_BYTES not in HEADER_KINDS


def test_what_check_adds_has_its_kind(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "large.md").write_bytes(b"x" * (5 * 1024 * 1024 + 1))
    (tmp_path / "note.txt").write_text("not an image")
    (tmp_path / "images.md").write_text(
        "undefined\n\n![](missing.png)\n\n![](note.txt)\n\n![](../outside.png)\n"
    )
    (tmp_path.parent / "outside.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    def found(name: str) -> list[tuple[int | None, ProblemKind]]:
        return [(p.line, p.kind) for p in check_post(load_post(tmp_path / name), tmp_path)]

    assert found("empty.md") == [(None, K.EMPTY)]
    assert found("large.md") == [(None, K.LARGE)]
    assert found("images.md") == [
        (1, K.UNDEFINED_LINE),
        (3, K.IMAGE_MISSING),
        (5, K.IMAGE_REFUSED),
        (7, K.IMAGE_REFUSED),
    ]


def unread(tmp_path, name: str) -> PostInfo:
    """The summary the journal at ``tmp_path`` (read without the index) has for ``name``."""
    info = Journal(tmp_path, use_index=False).get(tmp_path / name)
    assert info is not None and not info.readable and len(info.problems) == 1
    return info


def test_files_that_are_not_read_have_their_kind(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    with open(tmp_path / "huge.md", "wb") as stream:
        stream.truncate(64 * 1024 * 1024 + 1)  # sparse: costs no disk
    (tmp_path.parent / "secret.md").write_text("elsewhere")
    os.symlink(tmp_path.parent / "secret.md", tmp_path / "outside.md")
    os.symlink(tmp_path / "loop.md", tmp_path / "loop.md")
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    journal = Journal(tmp_path, use_index=False)
    found = {info.relpath: info.problem_kinds for info in journal.posts}
    assert found == {
        "pipe.md": [K.NOT_REGULAR],
        "huge.md": [K.TOO_LARGE],
        "outside.md": [K.OUTSIDE_JOURNAL],
        "loop.md": [K.SYMLINK_LOOP],
        "dangling.md": [K.UNREADABLE],
    }
    assert all(not info.readable for info in journal.posts)
    journal.refresh(tmp_path / "outside.md")
    assert journal.get(tmp_path / "outside.md").problem_kinds == [K.OUTSIDE_JOURNAL]
    with pytest.raises(RefusedFile) as refused:
        load_post(tmp_path / "outside.md", tmp_path)
    assert refused.value.kind == K.OUTSIDE_JOURNAL and refused.value.errno is None


def test_summaries_keep_the_kinds_through_the_index(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"---\ntitle: [a\n---\nNUL \x00\n")
    os.mkfifo(tmp_path / "pipe.md")
    first = {info.relpath: info.problem_kinds for info in Journal(tmp_path).posts}
    assert first == {"bad.md": [K.NUL_BYTES, K.INVALID_HEADER], "pipe.md": [K.NOT_REGULAR]}
    again = Journal(tmp_path)  # bad.md now comes from the index (a pipe is never indexed)
    assert {info.relpath: info.problem_kinds for info in again.posts} == first
    assert all(type(kind) is ProblemKind for info in again.posts for kind in info.problem_kinds)


@pytest.mark.parametrize(
    "damage",
    [
        {"problem_kinds": ["no_such_kind"]},
        {"problem_kinds": []},  # one kind for each problem
        {"problem_kinds": None},
    ],
)
def test_an_index_entry_with_damaged_kinds_is_not_a_summary(tmp_path, damage):
    (tmp_path / "bad.md").write_bytes(b"---\ntitle: [a\n---\n")
    info = Journal(tmp_path, use_index=False).posts[0]
    data = {**info.to_dict(), **damage}
    with pytest.raises(ValueError):
        PostInfo.from_dict(info.path, info.relpath, data)
    old = info.to_dict()
    del old["problem_kinds"]  # written before kinds existed
    with pytest.raises(ValueError):
        PostInfo.from_dict(info.path, info.relpath, old)


@pytest.mark.parametrize(
    "header, line, value",
    [
        ("title: 날짜\ndate: 2021-13-45\n", 3, "2021-13-45"),  # no 13th month
        ("title: t\ntags: [a]\nupdated: 2021-02-30 10:00:00\n", 4, "2021-02-30 10:00:00"),
        ("title: t\nseries:\n  started: 0000-01-01\n", 4, "0000-01-01"),  # no year 0
    ],
)
def test_a_value_yaml_reads_but_cannot_make_is_a_header_problem_not_a_crash(tmp_path, header, line, value):
    path = tmp_path / "content" / "a.md"
    path.parent.mkdir()
    path.write_bytes(f"---\n{header}---\n본문은 그대로\n".encode())
    post = load_post(path)
    (problem,) = post.problem_details
    assert problem.kind is K.INVALID_HEADER and problem.line == line and value in problem.message
    assert post.body == "본문은 그대로\n" and post.to_bytes() == path.read_bytes()
    journal = Journal(tmp_path)  # the whole journal opens, the post among its problems
    assert [info.path for info in journal.posts] == [path]
