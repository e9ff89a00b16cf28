"""velog-backup repairs: "Fix header" escapes the raw quotes and backslashes of the title and
description lines, "Remove" deletes the ``undefined`` lines; every other byte stays."""

from __future__ import annotations

import pytest

from journal_app.core import load_post
from journal_app.core.errors import ConflictError
from journal_app.core.post import Post
from journal_app.core.repairs import (
    HEADER,
    UNDEFINED,
    LineEdit,
    apply_edits,
    diff,
    header_repair,
    repairs_of,
    undefined_repair,
    write_repairs,
)

QUOTED = (  # velog-backup's raw quotes and backslashes
    '---\ntitle: "책 "데미안" 읽고"\n'.encode()
    + b'description: "C:\\Users\\me \\_ ok"\r\n'  # a CRLF line among LF ones, kept as it is
    b"date: 2020-11-02T01:02:03.000Z\n"
    b'tags: ["\xeb\x8f\x85\xec\x84\x9c"]\n'
    b"---\nbody\n\nundefined\n\n```\nundefined\n```\n  undefined  \nlast"
)


def test_fix_header_escapes_exactly_the_raw_characters_and_reads_back_as_velog_showed_it():
    post = Post(QUOTED)
    assert post.header_invalid
    repair = header_repair(post)
    assert repair is not None and repair.kind == HEADER
    assert repair.edits == (
        LineEdit(2, 'title: "책 "데미안" 읽고"', 'title: "책 \\"데미안\\" 읽고"'),
        LineEdit(3, 'description: "C:\\Users\\me \\_ ok"', 'description: "C:\\\\Users\\\\me \\\\_ ok"'),
    )
    fixed = apply_edits(QUOTED, repair.edits)
    # only those two lines changed, the CRLF ending kept
    expected = 'title: "책 \\"데미안\\" 읽고"\n'.encode() + b'description: "C:\\\\Users\\\\me \\\\_ ok"\r\n'
    expected = QUOTED[:4] + expected + QUOTED[QUOTED.index(b"date:") :]
    assert fixed == expected
    again = Post(fixed)
    assert not again.header_invalid
    assert again.title == '책 "데미안" 읽고'
    assert again.metadata["description"] == "C:\\Users\\me \\_ ok"
    assert again.tags == ["독서"] and again.body == Post(QUOTED).body


def test_a_valid_header_and_a_header_broken_otherwise_get_no_fix():
    assert header_repair(Post(b'---\ntitle: "snake\\_case"\n---\n')) is None  # valid: \_ untouched
    assert header_repair(Post(b"---\ntitle: [unclosed\n---\n")) is None  # nothing to escape
    # escaping the title would not make this header read (the tags line is broken too)
    assert header_repair(Post(b'---\ntitle: "a "b""\ntags: [x\n---\n')) is None


def test_undefined_lines_outside_code_are_removed_and_nothing_else():
    post = Post(QUOTED)
    repair = undefined_repair(post)
    assert repair is not None and repair.kind == UNDEFINED
    assert [(edit.line, edit.old) for edit in repair.edits] == [(9, "undefined"), (14, "  undefined  ")]
    fixed = apply_edits(QUOTED, repair.edits)
    assert fixed == QUOTED.replace(b"\n\nundefined\n\n```", b"\n\n\n```").replace(
        b"```\n  undefined  \n", b"```\n"
    )
    assert repairs_of(post)[0].kind == HEADER and len(repairs_of(post)) == 2


def test_the_diff_shows_each_edited_line(quirk_journal):
    root, _ = quirk_journal
    post = load_post(root / "backup/content/사진 모음.md")
    repair = undefined_repair(post)
    assert diff(repair, "사진 모음.md") == (
        "--- a/사진 모음.md\n+++ b/사진 모음.md\n@@ -9,1 +9,0 @@\n-undefined\n@@ -11,1 +11,0 @@\n-undefined\n"
    )


def test_write_repairs_refuses_a_file_that_changed(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(QUOTED)
    post = load_post(path)
    repairs = repairs_of(post)
    path.write_bytes(QUOTED + b"\nmore")
    with pytest.raises(ConflictError):
        write_repairs(path, QUOTED, repairs, post.encoding)
    assert path.read_bytes() == QUOTED + b"\nmore"
    with pytest.raises(ConflictError):
        apply_edits(QUOTED, [LineEdit(2, "not this line", None)])
    path.write_bytes(QUOTED)
    written = write_repairs(path, QUOTED, repairs, post.encoding)
    assert path.read_bytes() == written and load_post(path).title == '책 "데미안" 읽고'
    assert b"undefined  " not in written and written.endswith(b"```\nlast")


def test_fix_header_after_blank_lines_edits_the_right_file_lines():
    raw = b'\n\n---\ntitle: "a "b" c"\n---\nbody\n'
    repair = header_repair(Post(raw))
    assert repair is not None
    assert repair.edits == (LineEdit(4, 'title: "a "b" c"', 'title: "a \\"b\\" c"'),)
    fixed = apply_edits(raw, repair.edits)
    assert fixed == b'\n\n---\ntitle: "a \\"b\\" c"\n---\nbody\n' and Post(fixed).title == 'a "b" c'
