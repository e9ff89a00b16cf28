"""Our header reader against python-frontmatter, the reference reader of front matter.

journal_app reads headers itself (it must keep their bytes, find headers python-frontmatter
misses and survive ones it cannot read), but wherever python-frontmatter reads a YAML header, the
metadata must be the same: on every quirk file, on the sample journal, and on generated headers.
"""

from __future__ import annotations

import shutil

import frontmatter
import yaml
from hypothesis import given
from hypothesis import strategies as st

from journal_app.core import Post, load_post
from journal_app.resources import resource_path
from tests.quirks import write_quirks


def reference(text: str) -> dict | None:
    """python-frontmatter's metadata, or None when it cannot read the header."""
    try:
        return dict(frontmatter.loads(text).metadata)
    except (yaml.YAMLError, ValueError):
        return None


def test_every_header_both_can_read_reads_the_same(tmp_path):
    write_quirks(tmp_path)
    shutil.copytree(resource_path("sample-journal"), tmp_path / "sample")
    compared = 0
    for path in sorted(tmp_path.rglob("*.md")):
        post = load_post(path)
        if post.header is None or post.header.kind != "yaml" or not post.header.valid:
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        theirs = reference(text)
        if theirs is None or text.startswith("\ufeff"):  # python-frontmatter misses BOM headers
            continue
        assert post.metadata == theirs, path.name
        compared += 1
    assert compared >= 12


# line breaks YAML knows beyond \n and \r (NEL, U+2028, U+2029) and control characters are read
# differently by libyaml (our C loader) and PyYAML's Python loader (python-frontmatter's): a
# difference between the two YAML readers, not between the header readers
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"),
    max_size=30,
)
scalars = st.one_of(
    texts, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False, allow_infinity=False)
)
values = st.one_of(scalars, st.lists(scalars, max_size=5))
keys = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)


@given(
    st.dictionaries(keys, values, min_size=1, max_size=6),
    st.booleans(),
    st.text(alphabet="가나다 abc\n#*-", max_size=80),
)
def test_generated_headers_read_the_same(metadata, flow, body):
    header = yaml.safe_dump(metadata, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    text = f"---\n{header}---\n{body}"
    ours = Post(text.encode("utf-8"))
    assert ours.header is not None and ours.header.valid
    assert ours.metadata == reference(text) == metadata
