"""Loading and saving posts: exact bytes, metadata reading, body edits, bad headers."""

from __future__ import annotations

from datetime import datetime, timedelta, UTC

import pytest

from journal_app.core import HeaderError, Post, SaveError, load_post, save_post
from tests.quirks import QUIRKS


@pytest.mark.parametrize("relative", sorted(QUIRKS))
def test_unchanged_post_saves_identical_bytes(quirk_journal, relative):
    root, written = quirk_journal
    path = root / relative
    post = load_post(path)
    assert post.to_bytes() == written[path]
    assert not post.modified
    save_post(post)
    assert path.read_bytes() == written[path]


@pytest.mark.parametrize("relative", sorted(QUIRKS))
def test_body_edit_keeps_header_bytes(quirk_journal, relative):
    root, written = quirk_journal
    path = root / relative
    post = load_post(path)
    header_bytes = post.to_bytes()[: len(post.to_bytes()) - len(post._decoded.encode(post._body_raw))]
    post.body = post.body + "\n추가한 줄\n"
    save_post(post)
    data = path.read_bytes()
    assert data.startswith(header_bytes)
    again = load_post(path)
    assert again.body.endswith("추가한 줄\n")
    assert again.metadata == post.metadata
    assert again.encoding == post.encoding


def test_body_edit_keeps_crlf_and_bom(tmp_path):
    path = tmp_path / "w.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nOne\r\n")
    post = load_post(path)
    assert post.body == "One\n"
    post.body = "One\nTwo\n"
    save_post(post)
    assert path.read_bytes() == b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nOne\r\nTwo\r\n"


def test_cp949_post_saved_back_in_cp949(tmp_path):
    path = tmp_path / "old.md"
    path.write_bytes("---\ntitle: 옛글\n---\n본문\n".encode("cp949"))
    post = load_post(path)
    assert post.encoding == "cp949" and post.title == "옛글"
    assert any("cp949" in problem for problem in post.problems)
    post.body = "고친 본문\n"
    save_post(post)
    assert path.read_bytes() == "---\ntitle: 옛글\n---\n고친 본문\n".encode("cp949")


def test_undecodable_bytes_survive(tmp_path):
    data = b"---\ntitle: x\n---\nbad \xff\xfe bytes \x80 here\n"
    post = Post(data, tmp_path / "bad.md")
    assert post.to_bytes() == data
    assert any("not valid UTF-8" in problem for problem in post.problems)
    post.body = post.body + "more\n"
    assert post.to_bytes() == data + b"more\n"


def test_reading_velog_header():
    post = Post(QUIRKS["backup/content/제주 여행 후기.md"], "backup/content/제주 여행 후기.md")
    assert post.title == "제주 여행 후기"
    assert post.tags == ["여행", "일상"]
    assert post.description == "바다: 맑음, 하늘: 흐림"
    assert post.date == datetime(2021, 3, 28, 11, 58, 29, 459000, tzinfo=UTC)
    assert post.metadata["description"] == "바다&#x3A; 맑음, 하늘&#x3A; 흐림"


def test_escaped_underscore_is_kept_verbatim(quirk_journal):
    root, written = quirk_journal
    path = root / "backup/content/snake_case.md"
    post = load_post(path)
    assert post.metadata["title"] == "snake\u00a0case 이야기"  # what YAML says \_ means
    post.set_field("tags", ["python"])
    assert b'title: "snake\\_case' in post.to_bytes()


@pytest.mark.parametrize(
    "relative, line",
    [
        ("backup/content/책 \u201c데미안\u201d 읽고.md", 2),
        ("backup/content/윈도우 경로.md", 3),
    ],
)
def test_invalid_header_never_raises(quirk_journal, relative, line):
    root, written = quirk_journal
    path = root / relative
    post = load_post(path)
    assert post.metadata == {}
    assert post.header_invalid
    assert len(post.problem_details) == 1 and post.problem_details[0].line == line
    assert post.problems[0].startswith(f"line {line}: the header has ")
    with pytest.raises(HeaderError, match="fixed"):
        post.set_field("title", "new")
    post.body = "새 본문\n"
    save_post(post)
    data = path.read_bytes()
    header_end = written[path].index(b"\n---\n") + 5
    assert data == written[path][:header_end] + "새 본문\n".encode()


def test_invalid_header_still_gives_title_date_tags(quirk_journal):
    root, _ = quirk_journal
    post = load_post(root / "backup/content/책 \u201c데미안\u201d 읽고.md")
    assert post.title == '책 "데미안" 읽고'
    assert post.tags == ["독서"]
    assert post.date.year == 2020


def test_list_header_is_a_problem_not_lost(quirk_journal):
    root, written = quirk_journal
    path = root / "notes/list-header.md"
    post = load_post(path)
    assert post.metadata == {} and "list" in post.problems[0]
    assert post.body == "Body after a list header.\n"
    with pytest.raises(HeaderError):
        post.set_field("title", "x")


def test_leading_rule_is_not_a_header(quirk_journal):
    root, written = quirk_journal
    post = load_post(root / "notes/leading-rule.md")
    assert post.header is None and post.problems == []
    assert post.body == written[root / "notes/leading-rule.md"].decode()


def test_toml_header(quirk_journal):
    root, _ = quirk_journal
    post = load_post(root / "content/posts/toml.md")
    assert post.header.kind == "toml"
    assert post.title == "TOML post" and post.tags == ["toml", "hugo"]
    assert post.date.utcoffset() == timedelta(hours=9)
    assert post.body == "Body.\n"


def test_invalid_toml_header_reports_line(tmp_path):
    post = Post(b'+++\ntitle = "x"\ndate = = 3\n+++\nBody\n', tmp_path / "t.md")
    assert post.header_invalid and post.problem_details[0].line == 3
    assert post.body == "Body\n"


def test_json_header():
    post = Post(b'{\n  "title": "JSON post",\n  "tags": ["a"]\n}\nBody\n', "j.md")
    assert post.header.kind == "json" and post.title == "JSON post" and post.body == "Body\n"


@pytest.mark.parametrize(
    "relative, title",
    [
        ("notes/plain.md", "Just a heading"),
        ("vault/obsidian.md", "Obsidian note"),
        ("backup/2021-10-31/content/날짜 없는 글.md", "날짜 없는 글"),
        ("notes/list-header.md", "list-header"),
    ],
)
def test_title_fallbacks(quirk_journal, relative, title):
    root, _ = quirk_journal
    assert load_post(root / relative).title == title


def test_heading_inside_code_is_not_a_title():
    post = Post(b"```\n# not a title\n```\n\n# Real\n", "x.md")
    assert post.title == "Real"


@pytest.mark.parametrize(
    "relative, expected",
    [
        ("_posts/2016-02-29-leap-day.md", "2016-02-29T09:48:44+01:00"),
        ("content/posts/hugo.md", "2024-02-02T04:14:54-08:00"),
        ("backup/content/제주 여행 후기.md", "2021-03-28T11:58:29.459000+00:00"),
    ],
)
def test_dates_with_offsets(quirk_journal, relative, expected):
    root, _ = quirk_journal
    assert load_post(root / relative).date.isoformat() == expected


def test_dates_from_names_folders_and_mtime(quirk_journal):
    root, _ = quirk_journal
    assert load_post(root / "_posts/2015-07-04-no-date.markdown").date.date().isoformat() == "2015-07-04"
    assert load_post(root / "backup/2021-10-31/content/가을.md").date.date().isoformat() == "2021-10-31"
    plain = load_post(root / "notes/plain.md")
    assert plain.date.tzinfo is not None
    assert abs(plain.date.timestamp() - (root / "notes/plain.md").stat().st_mtime) < 1


def test_tags_from_strings_and_keywords(quirk_journal):
    root, _ = quirk_journal
    assert load_post(root / "_posts/2016-02-29-leap-day.md").tags == ["jekyll", "leap", "blog"]
    assert load_post(root / "content/posts/hugo.md").tags == ["hugo", "static", "web"]
    assert Post(b"---\ntags: a, b c ,d\n---\n").tags == ["a", "b c", "d"]


def test_description_entities_decoded_for_display_only():
    post = Post(b'---\ndescription: "a &amp; b &#x3A; c"\n---\n')
    assert post.description == "a & b : c"
    assert post.to_bytes() == b'---\ndescription: "a &amp; b &#x3A; c"\n---\n'


def test_binary_file_noted(tmp_path):
    post = Post(b"\x00\x01\x02PNG", tmp_path / "x.md")
    assert any("binary" in problem for problem in post.problems)
    assert post.to_bytes() == b"\x00\x01\x02PNG"


def test_conflict_when_changed_on_disk(tmp_path):
    from journal_app.core import ConflictError

    path = tmp_path / "c.md"
    path.write_text("---\ntitle: a\n---\nx\n")
    post = load_post(path)
    path.write_text("---\ntitle: a\n---\nchanged elsewhere, longer\n")
    post.body = "mine\n"
    with pytest.raises(ConflictError):
        save_post(post)
    assert "changed elsewhere" in path.read_text()
    save_post(post, force=True)
    assert path.read_text().endswith("mine\n")


def test_save_to_new_path_and_again(tmp_path):
    post = Post(b"# t\n")
    post.body = "# t\nmore\n"
    with pytest.raises(SaveError, match="no file yet"):
        save_post(post)
    save_post(post, tmp_path / "n.md")
    assert (tmp_path / "n.md").read_bytes() == b"# t\nmore\n"
    assert not post.modified
    save_post(post)


def test_undecodable_bytes_in_the_header(tmp_path):
    data = b"---\ntitle: caf\xe9\n---\nna\xefve\n"
    post = Post(data, tmp_path / "latin1.md")
    assert post.to_bytes() == data
    assert post.header_invalid and any("not valid text" in problem for problem in post.problems)
    with pytest.raises(HeaderError):
        post.set_field("title", "x")


# Blank lines before the front matter: Hugo skips them (grid47's posts open with one), so the
# header is read, and they stay in the file exactly as they are.
LEADING_BLANK = {  # name -> (the file, the line its body starts on)
    "toml": (b'\n+++\ntitle = "Two Sum"\ntags = ["array", "\xed\x95\xb4\xec\x8b\x9c"]\n+++\n\nBody.\n', 6),
    "yaml-crlf": (
        b'\r\n \t\r\n---\r\ntitle: "Two Sum"\r\ntags: [array, \xed\x95\xb4\xec\x8b\x9c]\r\n---\r\nBody.\r\n',
        7,
    ),
}


@pytest.mark.parametrize("name", sorted(LEADING_BLANK))
def test_blank_lines_before_the_header_are_kept_and_the_header_read(tmp_path, name):
    raw, body_line = LEADING_BLANK[name]
    path = tmp_path / "two-sum.md"
    path.write_bytes(raw)
    post = load_post(path)
    assert post.title == "Two Sum" and post.tags == ["array", "해시"]
    assert post.body.strip() == "Body." and post.problems == []
    lead = raw[: raw.index(b"+++" if name == "toml" else b"---")]
    assert post.body_start_line == body_line
    save_post(post)
    assert path.read_bytes() == raw  # unedited: the same bytes
    post.set_tags(["array", "해시", "새 태그"])
    save_post(post)
    saved = path.read_bytes()
    assert saved.startswith(lead + (b"+++" if name == "toml" else b"---"))  # the blank lines kept
    assert load_post(path).tags == ["array", "해시", "새 태그"]
    changed = [line for line in saved.splitlines() if line not in raw.splitlines()]
    assert len(changed) == 1 and "새 태그".encode() in changed[0]  # only the tags line changed
    assert saved.count(b"title") == 1  # no second header was added


def test_a_problem_in_a_header_after_blank_lines_names_its_file_line(tmp_path):
    post = Post(b'\n\n+++\ntitle = "x"\ndate = = 3\n+++\nBody\n', tmp_path / "t.md")
    assert post.header_invalid and post.problem_details[0].line == 5
    assert post.body == "Body\n"


def test_blank_lines_then_a_rule_are_still_no_header(tmp_path):
    raw = b"\n---\n\nA paragraph between rules.\n\n---\n"
    post = Post(raw, tmp_path / "r.md")
    assert post.header is None and post.body == raw.decode() and post.to_bytes() == raw
