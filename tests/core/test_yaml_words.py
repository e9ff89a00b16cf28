"""A YAML header that does not read is described in plain words, on the line a person would
look at, never in PyYAML's terms ("did not find expected key", "block mapping", "column")."""

from __future__ import annotations

import pytest

from journal_app.core.post import Post

CASES = [
    ('title: "abc\ndate: 2020\n', 2, "the header has a quote that is not closed"),
    ('title: "제목 "인용" 끝"\ntags: ["a"]\n', 2, 'the header has text after the closing quote (a " inside'),
    ("date: 2020\ntitle: 'it's'\n", 3, "the header has a quote that is not closed"),
    ("title: a: b\n", 2, "the header has a second colon in a value (put the value in quotes)"),
    ("title: a\n\tdate: b\n", 3, "the header is indented with a tab (use spaces)"),
    ("title: *x\n", 2, "the header has a value starting with * (put the value in quotes"),
    ("title: a\njust text\nz: 1\n", 3, "the header has a line that is not “key: value”"),
    ('title: "윈도우"\ndescription: "C:\\Users\\나"\n', 3, "the header has a backslash"),
    ("tags: [a, b\ntitle: x\n", 3, "the header has a [ list ] that is not closed"),
]


@pytest.mark.parametrize(("header", "line", "words"), CASES)
def test_header_problems_read_in_plain_words(header, line, words):
    post = Post(f"---\n{header}---\n본문\n".encode())
    assert post.header_invalid
    problem = post.problem_details[-1]
    assert problem.line == line
    assert problem.message.startswith(words)
    for jargon in ("expected key", "block mapping", "column", "scalar", "hexdecimal", "invalid YAML"):
        assert jargon not in problem.message
    assert str(problem) == f"line {line}: {problem.message}"
