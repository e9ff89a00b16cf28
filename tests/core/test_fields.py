"""set_field: only the key's line(s) change, in the file's own style, and it reads back."""

from __future__ import annotations

import difflib
from datetime import date, datetime, timedelta, timezone

import pytest

from journal_app.core import FieldEditError, Post, load_post, save_post
from tests.quirks import QUIRKS

KST = timezone(timedelta(hours=9))


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The lines removed or added between two versions."""
    diff = difflib.ndiff(before.decode().splitlines(True), after.decode().splitlines(True))
    return [line for line in diff if line[:1] in "+-"]


def edit(data: bytes, name: str, value) -> tuple[Post, bytes]:
    post = Post(data, "post.md")
    post.set_field(name, value)
    return post, post.to_bytes()


def test_velog_title_stays_double_quoted():
    data = QUIRKS["backup/content/제주 여행 후기.md"]
    post, out = edit(data, "title", '제주 "두 번째" 여행')
    assert changed_lines(data, out) == ['- title: "제주 여행 후기"\n', '+ title: "제주 \\"두 번째\\" 여행"\n']
    assert post.metadata["title"] == '제주 "두 번째" 여행'


def test_velog_tags_stay_a_compact_flow_list():
    data = QUIRKS["backup/content/제주 여행 후기.md"]
    post, out = edit(data, "tags", ["여행", "제주"])
    assert changed_lines(data, out) == ['- tags: ["여행","일상"]\n', '+ tags: ["여행","제주"]\n']


def test_velog_date_keeps_its_format():
    data = QUIRKS["backup/content/제주 여행 후기.md"]
    post, out = edit(data, "date", datetime(2022, 1, 2, 12, 0, 0, 250000, tzinfo=KST))
    assert changed_lines(data, out)[-1] == "+ date: 2022-01-02T03:00:00.250Z\n"
    assert post.date == datetime(2022, 1, 2, 12, 0, 0, 250000, tzinfo=KST)


def test_new_key_goes_before_closing_line_in_header_style():
    data = QUIRKS["backup/content/제주 여행 후기.md"]
    post, out = edit(data, "series", "제주")
    assert out.decode().split("\n")[5:7] == ['series: "제주"', "---"]
    assert changed_lines(data, out) == ['+ series: "제주"\n']


def test_jekyll_styles():
    data = QUIRKS["_posts/2016-02-29-leap-day.md"]
    post, out = edit(data, "date", datetime(2016, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=1))))
    assert changed_lines(data, out)[-1] == "+ date: 2016-03-01 08:00:00 +0100\n"
    post, out = edit(data, "tags", ["jekyll", "leap", "year"])
    assert changed_lines(data, out)[-1] == "+ tags: jekyll leap year\n"
    post, out = edit(data, "categories", ["blog", "misc"])
    assert changed_lines(data, out)[-1] == "+ categories: [blog, misc]\n"
    post, out = edit(data, "title", "Leap: the day")
    assert changed_lines(data, out)[-1] == '+ title: "Leap: the day"\n'
    post, out = edit(data, "title", "Plain again")
    assert changed_lines(data, out)[-1] == "+ title: Plain again\n"


def test_space_separated_tags_fall_back_to_a_list_for_tags_with_spaces():
    data = QUIRKS["_posts/2016-02-29-leap-day.md"]
    post, out = edit(data, "tags", ["two words", "x"])
    assert changed_lines(data, out)[-1] == "+ tags: [two words, x]\n"
    assert post.tags == ["two words", "x", "blog"]  # blog is the post's Jekyll category


def test_block_list_stays_a_block_list():
    data = QUIRKS["content/posts/hugo.md"]
    post, out = edit(data, "tags", ["hugo", "블로그", "a: b"])
    assert changed_lines(data, out) == ["-   - static\n", "+   - 블로그\n", '+   - "a: b"\n']
    assert post.metadata["tags"] == ["hugo", "블로그", "a: b"]


@pytest.mark.parametrize("key_line", ["tags: ", "tags:\t", "tags:   # 내 태그"])
def test_a_block_lists_key_line_is_left_as_written(key_line):
    # real Hugo posts have "tags: " with a trailing space over their items: an edit of the
    # items touched that line too (and a comment after the key turned the list into [a, b])
    data = f"---\ntitle: 글\n{key_line}\n  - git\n  - 일상\n---\n본문\n".encode()
    post, out = edit(data, "tags", ["git2", "일상"])
    assert changed_lines(data, out) == ["-   - git\n", "+   - git2\n"]
    assert post.metadata["tags"] == ["git2", "일상"]


def test_rfc3339_date_keeps_offset_style():
    data = QUIRKS["content/posts/hugo.md"]
    post, out = edit(data, "date", datetime(2024, 3, 1, 10, 0, 0, tzinfo=KST))
    assert changed_lines(data, out)[-1] == "+ date: 2024-03-01T10:00:00+09:00\n"


def test_plain_date_stays_a_date():
    data = QUIRKS["vault/obsidian.md"]
    post, out = edit(data, "date", date(2020, 9, 1))
    assert changed_lines(data, out)[-1] == "+ date: 2020-09-01\n"


def test_crlf_header_edit_keeps_crlf():
    data = QUIRKS["notes/crlf.md"]
    post, out = edit(data, "title", "새 제목")
    assert out == data.replace(b"title: Windows note", "title: 새 제목".encode())


def test_bom_and_cp949_kept_on_field_edit():
    post, out = edit(QUIRKS["notes/bom.md"], "title", "x")
    assert out.startswith(b"\xef\xbb\xbf---\ntitle: x\n")
    post, out = edit(QUIRKS["notes/cp949.md"], "title", "새 옛글")
    assert out.decode("cp949").startswith("---\ntitle: 새 옛글\n")


def test_values_that_need_quotes():
    data = b"---\ntitle: plain\n---\n"
    for value in [
        "2021",
        "true",
        "null",
        "- dash",
        "# hash",
        "a #b",
        "x: y",
        " lead",
        "멀티\n라인",
        "'single'",
        '"double"',
        "back\\slash",
        "tab\there",
        "[list]",
        "@at",
        "%pct",
    ]:
        post, out = edit(data, "title", value)
        assert post.metadata["title"] == value, (value, out)
        assert len(changed_lines(data, out)) == 2


def test_single_quoted_stays_single_quoted():
    post, out = edit(b"---\ntitle: 'old'\n---\n", "title", "it's new")
    assert out == b"---\ntitle: 'it''s new'\n---\n"


def test_trailing_comment_kept():
    post, out = edit(b"---\ntitle: old # keep me\ndate: 2020-01-01\n---\n", "title", "new")
    assert out == b"---\ntitle: new # keep me\ndate: 2020-01-01\n---\n"


def test_block_scalar_description():
    data = b"---\ntitle: t\ndescription: |\n  line one\n  line two\nother: 1\n---\n"
    post, out = edit(data, "description", "first\nsecond\nthird")
    assert out == b"---\ntitle: t\ndescription: |-\n  first\n  second\n  third\nother: 1\n---\n"


def test_other_keys_untouched_and_unknown_keys_kept():
    data = b"---\ntitle: t\nextra:\n  nested: [1, 2]\nz: 1\n---\nbody"
    post, out = edit(data, "title", "u")
    assert out == b"---\ntitle: u\nextra:\n  nested: [1, 2]\nz: 1\n---\nbody"


def test_remove_field():
    post = Post(b"---\ntitle: t\ntags:\n- a\n- b\ndate: 2020-01-01\n---\n")
    post.remove_field("tags")
    assert post.to_bytes() == b"---\ntitle: t\ndate: 2020-01-01\n---\n"


def test_set_field_on_post_without_header_adds_one():
    post = Post(b"# Title\n\nText\n")
    post.set_field("tags", ["a"])
    assert post.to_bytes() == b"---\ntags: [a]\n---\n# Title\n\nText\n"
    assert Post(post.to_bytes()).tags == ["a"]


def test_set_field_on_post_with_leading_rule():
    data = QUIRKS["notes/leading-rule.md"]
    post, out = edit(data, "title", "Ruled")
    assert out == b"---\ntitle: Ruled\n---\n" + data
    again = Post(out)
    assert again.title == "Ruled" and again.body == data.decode()


def test_toml_field_edits():
    data = QUIRKS["content/posts/toml.md"]
    post, out = edit(data, "tags", ["toml", "블로그"])
    assert changed_lines(data, out) == ['- tags = ["toml", "hugo"]\n', '+ tags = ["toml", "블로그"]\n']
    post, out = edit(data, "title", 'Say "hi"')
    assert changed_lines(data, out)[-1] == '+ title = "Say \\"hi\\""\n'
    post, out = edit(data, "draft", True)
    assert out.decode().split("\n")[4] == "draft = true"  # before the [params] table
    assert post.metadata["params"] == {"author": "me"}
    post, out = edit(data, "date", datetime(2023, 6, 1, 1, 2, 3, tzinfo=KST))
    assert changed_lines(data, out)[-1] == "+ date = 2023-06-01T01:02:03+09:00\n"


def test_json_header_edit_refused_clearly():
    post = Post(b'{"title": "x"}\nbody')
    with pytest.raises(FieldEditError, match="JSON"):
        post.set_field("title", "y")
    assert post.to_bytes() == b'{"title": "x"}\nbody'


def test_edit_then_save_then_load(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(QUIRKS["backup/content/제주 여행 후기.md"])
    post = load_post(path)
    post.set_field("title", "바뀐 제목")
    save_post(post)
    again = load_post(path)
    assert again.title == "바뀐 제목"
    assert again.to_bytes() == path.read_bytes()


def test_flow_mapping_header_is_refused_clearly():
    post = Post(b"---\n{title: x, tags: [a]}\n---\nbody")
    assert post.title == "x"
    with pytest.raises(FieldEditError, match="flow mapping"):
        post.set_field("title", "y")


def test_new_key_that_yaml_reads_as_a_boolean_is_quoted_in_yaml_only():
    _, out = edit(b"---\ntitle: a\n---\nbody\n", "off", "v")
    assert out == b'---\ntitle: a\n"off": v\n---\nbody\n'
    _, out = edit(b'+++\ntitle = "a"\n+++\nbody\n', "off", "v")
    assert out == b'+++\ntitle = "a"\noff = "v"\n+++\nbody\n'


def test_jekyll_categories_are_tags_and_stay_under_their_key():
    data = b"---\nlayout: post\ntitle: x\ncategories: [python, ide]\n---\nbody\n"
    post = Post(data, "x.md")
    assert post.tags == ["python", "ide"]
    post.set_tags(["python", "ide", "새 태그"])
    assert changed_lines(data, post.to_bytes()) == ["+ tags: [새 태그]\n"]
    post.set_tags(["ide", "새 태그"])
    assert b"categories: [ide]\ntags: [\xec\x83\x88 \xed\x83\x9c\xea\xb7\xb8]\n" in post.to_bytes()
    spaced = Post(b"---\ncategories: python ide\ntags: [a]\n---\n", "y.md")
    spaced.set_tags(["a", "ide"])
    assert spaced.to_bytes() == b"---\ncategories: ide\ntags: [a]\n---\n"


def test_set_tags_keeps_a_tag_that_two_keys_share_and_drops_emptied_keys():
    post = Post(b"---\ntags: [go, web]\nkeywords: [go]\n---\n", "a.md")
    post.set_tags(["go"])
    assert post.to_bytes() == b"---\ntags: [go]\nkeywords: [go]\n---\n"
    post = Post(b"---\ntags: [go]\nkeywords: [go, web]\n---\n", "b.md")
    post.set_tags(["go", "web", "c"])
    assert post.to_bytes() == b"---\ntags: [go, c]\nkeywords: [go, web]\n---\n"
    post = Post(b"---\ncategory: dev\ntags: [a]\n---\n", "c.md")
    post.set_tags(["a"])
    assert post.to_bytes() == b"---\ntags: [a]\n---\n"
