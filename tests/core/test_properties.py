"""Property tests: any file round-trips byte for byte; set_field changes one line and reads back."""

from __future__ import annotations

import difflib

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from journal_app.core import Post
from journal_app.core.encoding import normalize_newlines

newlines = st.sampled_from(["\n", "\r\n"])
any_text = st.text(max_size=300)
line_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
key_names = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)


@given(st.binary(max_size=500))
def test_any_bytes_round_trip(data):
    assert Post(data, "x.md").to_bytes() == data


@given(any_text, st.booleans())
def test_any_text_round_trips(text, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert Post(data, "x.md").to_bytes() == data


@st.composite
def velog_headers(draw):
    """A header in velog-backup's or Jekyll's style, every value on one line."""
    newline = draw(newlines)
    quoted = draw(st.booleans())
    title = draw(st.text(alphabet="가나다 abc-_.", min_size=1, max_size=20).filter(str.strip))
    lines = [
        f'title: "{title}"' if quoted else f"title: x{title.strip()}",
        "date: 2021-03-28T11:58:29.459Z",
        'tags: ["일상","ai"]' if quoted else "tags: [일상, ai]",
        'description: "요약"',
    ]
    return newline, "---" + newline + newline.join(lines) + newline + "---" + newline


@given(velog_headers(), any_text)
def test_header_and_any_body_round_trip(header, body):
    newline, head = header
    data = (head + body).encode()
    post = Post(data, "x.md")
    assert post.to_bytes() == data
    assert post.metadata["date"].year == 2021


@given(velog_headers(), any_text, any_text)
def test_body_edit_keeps_header_bytes(header, body, new_body):
    newline, head = header
    post = Post((head + body).encode(), "x.md")
    post.body = new_body
    out = post.to_bytes()
    assert out.startswith(head.encode())
    again = Post(out, "x.md")
    assert again.body == normalize_newlines(new_body)
    assert again.metadata == post.metadata


def one_line_changed(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.decode().splitlines(True), after.decode().splitlines(True)))
    return [line for line in diff if line.startswith("- ")], [line for line in diff if line.startswith("+ ")]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(velog_headers(), st.sampled_from(["title", "description"]), line_text)
def test_set_field_string_changes_one_line(header, name, value):
    newline, head = header
    data = (head + "본문\n").encode()
    post = Post(data, "x.md")
    post.set_field(name, value)
    out = post.to_bytes()
    if Post(data).metadata[name] == value:
        assert out == data
        return
    removed, added = one_line_changed(data, out)
    assert len(removed) == 1 and len(added) == 1
    assert removed[0][2:].startswith(name + ":")
    again = Post(out, "x.md")
    assert again.metadata[name] == value
    assert {k: v for k, v in again.metadata.items() if k != name} == {
        k: v for k, v in Post(data).metadata.items() if k != name
    }


@given(velog_headers(), st.lists(line_text.filter(lambda t: t.strip() == t and t), max_size=5))
def test_set_field_tags_changes_one_line(header, tags):
    newline, head = header
    data = (head + "본문\n").encode()
    post = Post(data, "x.md")
    post.set_field("tags", tags)
    out = post.to_bytes()
    if tags == ["일상", "ai"]:
        assert out == data
        return
    removed, added = one_line_changed(data, out)
    assert len(removed) == 1 and len(added) == 1 and added[0].startswith("+ tags:")
    assert Post(out).metadata["tags"] == tags


@given(velog_headers(), key_names, line_text)
def test_new_key_adds_one_line(header, name, value):
    newline, head = header
    assume(name not in ("title", "date", "tags", "description"))
    data = (head + "본문").encode()
    post = Post(data, "x.md")
    post.set_field(name, value)
    out = post.to_bytes()
    removed, added = one_line_changed(data, out)
    assert removed == [] and len(added) == 1
    assert Post(out).metadata[name] == value
    assert out.decode().split(newline)[5:7] == [added[0][2:].rstrip("\r\n"), "---"]


yaml_keys = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
yaml_values = st.one_of(
    st.text(max_size=30),
    st.lists(st.text(max_size=10), max_size=4),
    st.integers(-(10**6), 10**6),
    st.booleans(),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(yaml_keys, yaml_values, min_size=1, max_size=6),
    st.sampled_from([None, False]),
    yaml_keys,
    st.text(max_size=40),
    any_text,
    newlines,
)
@example(mapping={"a": ""}, style=None, name="off", value="", body="", newline="\n")  # a YAML 1.1 bool
@example(mapping={"a": ""}, style=None, name="a", value="", body="\r\n", newline="\r\n")
def test_any_yaml_header_field_edit_reads_back(mapping, style, name, value, body, newline):
    import yaml as pyyaml

    def dump(key, item):
        if isinstance(item, list) and style is None:  # flow lists inside a block mapping
            flow = pyyaml.safe_dump(item, allow_unicode=True, default_flow_style=True, width=10**6)
            return f"{key}: {flow.strip()}\n"
        return pyyaml.safe_dump({key: item}, allow_unicode=True, default_flow_style=False)

    dumped = "".join(dump(key, item) for key, item in mapping.items())
    head = "---\n" + dumped + "---\n"
    data = (head + body).replace("\n", newline).encode()
    post = Post(data, "x.md")
    assert post.to_bytes() == data
    assume(post.metadata == mapping)
    body_before = post.body
    post.set_field(name, value)
    again = Post(post.to_bytes(), "x.md")
    assert again.metadata[name] == value
    assert {k: v for k, v in again.metadata.items() if k != name} == {
        k: v for k, v in mapping.items() if k != name
    }
    assert again.body == body_before  # the body is untouched, byte for byte
