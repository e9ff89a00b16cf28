"""The editor buffer: header and body edited as one text, bytes kept where unchanged."""

from __future__ import annotations

from journal_app.core import Post
from journal_app.core.buffer import apply_text, buffer_text, field_edit, header_lines
from tests.quirks import QUIRKS


def test_unchanged_buffer_keeps_bytes():
    for data in QUIRKS.values():
        post = Post(data, "p.md")
        if post.problems and "not valid UTF-8" in post.problems[0]:
            continue
        apply_text(post, buffer_text(post))
        assert post.to_bytes() == data


def test_body_edit_in_buffer_keeps_crlf_header():
    data = QUIRKS["notes/crlf.md"]
    post = Post(data, "p.md")
    apply_text(post, buffer_text(post) + "Line three\n")
    assert post.to_bytes() == data + b"Line three\r\n"


def test_a_buffer_beginning_with_the_header_splits_as_a_full_read_would():
    """The header is not parsed again when the buffer begins with it; every edit here still
    leaves the post as splitting the whole buffer gives (a header closed at the end of the
    file, a closing line typed after, the closing line's end deleted, a TOML and a JSON header)."""
    from journal_app.core.frontmatter import split_header

    cases = [
        (b"---\ntitle: a\n---", "\nbody"),
        (b"---\ntitle: a\n---\nbody\n", "more\n---\nb: 2\n"),
        (b"+++\ntitle = 'a'\n+++\nbody\n", "x"),
        (b'{"title": "a"}\nbody\n', "x"),
        (b"---\ntitle: [a\n---\nbody\n", " x"),  # an invalid header stays as it is
    ]
    for data, typed in cases:
        post = Post(data, "p.md")
        text = buffer_text(post) + typed
        apply_text(post, text)
        header, body = split_header(text)
        assert post.header_text == (header.text if header else "") and post.body == body
    post = Post(b"---\ntitle: a\n---\nbody\n", "p.md")
    apply_text(post, "---\ntitle: a\n--\nbody\n")  # no longer a header: the text is the body
    assert post.header_text == "" and post.body == "---\ntitle: a\n--\nbody\n"


def test_header_edit_in_buffer_fixes_invalid_header():
    data = QUIRKS["backup/content/윈도우 경로.md"]
    post = Post(data, "p.md")
    assert post.header_invalid
    text = buffer_text(post).replace('"C:\\Users\\나"', '"C:\\\\Users\\\\나"')
    apply_text(post, text)
    assert not post.header_invalid and post.metadata["description"] == "C:\\Users\\나"
    assert post.problems == []


def test_field_edit_returns_lines_to_replace():
    data = QUIRKS["backup/content/제주 여행 후기.md"]
    post = Post(data, "p.md")
    text = buffer_text(post) + "\n편집"
    count, header = field_edit(post, text, "title", "새 제목")
    assert count == 6 and header.split("\n")[1] == 'title: "새 제목"'
    assert header_lines(header + post.body) == 6
    assert post.body.endswith("\n편집")
