"""core.scalars: every written scalar reads back as the text it was given, in the quoting asked
for when that is possible; one-line lists follow the file's example."""

from __future__ import annotations

import tomllib

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from journal_app.core.scalars import (
    block_indicator,
    flow_list,
    quote_double,
    quote_style,
    toml_string,
    unquote,
    yaml_scalar,
)

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
quotes = st.sampled_from(["plain", "single", "double"])
CONTEXTS = {
    "mapping": ("k: {}", lambda text: text),
    "flow-item": ("k: [{}]", lambda text: [text]),
    "block-item": ("k:\n- {}", lambda text: [text]),
}


@given(texts, quotes, st.sampled_from(sorted(CONTEXTS)))
@example("0?", "plain", "flow-item")  # libyaml reads [0?]; PyYAML's Python reader does not
def test_a_yaml_scalar_reads_back_as_its_text(text, quote, context):
    template, expected = CONTEXTS[context]
    written = yaml_scalar(text, quote, context)
    assert "\n" not in written
    assert yaml.safe_load(template.format(written)) == {"k": expected(text)}


@given(texts, quotes)
def test_a_toml_string_reads_back_as_its_text(text, quote):
    assert tomllib.loads("k = " + toml_string(text, quote)) == {"k": text}


@pytest.mark.parametrize(
    "text, quote, written",
    [
        ("hello", "plain", "hello"),
        ("off", "plain", '"off"'),  # plain off is a boolean
        ("a: b", "plain", '"a: b"'),
        ("it's", "single", "'it''s'"),
        ("tab\there", "single", '"tab\\there"'),
        ('say "hi"', "double", '"say \\"hi\\""'),
        ("\u2028", "double", '"\\u2028"'),  # YAML 1.1 reads it as a line break
        ("한글", "plain", "한글"),
    ],
)
def test_yaml_scalar_quoting(text, quote, written):
    assert yaml_scalar(text, quote) == written


def test_toml_strings():
    assert toml_string("a'b", "single") == '"a\'b"'  # a literal string cannot hold a quote
    assert toml_string("plain", "single") == "'plain'"
    assert quote_double("\x7f", toml=True) == '"\\u007f"' and quote_double("\x85") == '"\\u0085"'


@pytest.mark.parametrize(
    "template, written",
    [
        ('["a","b"]', '["x","y z"]'),
        ("[a, b]", "[x, y z]"),
        ("[ a ]", "[ x, y z ]"),
        ("", "[x, y z]"),
    ],
)
def test_flow_list_follows_the_template(template, written):
    assert flow_list(["x", "y z"], template, yaml_scalar) == written


def test_flow_lists_in_toml_are_quoted_and_empty_lists_stay_empty():
    assert flow_list(["x"], "[a, b]", toml_string) == '["x"]'
    assert flow_list([], '["a"]', yaml_scalar) == "[]"


def test_small_helpers():
    assert unquote(' "a" ') == "a" and unquote("'b'") == "b" and unquote('"') == '"'
    assert [quote_style(raw) for raw in ('"a"', "'a'", "a")] == ["double", "single", "plain"]
    assert [block_indicator(text) for text in ("a", "a\n", "a\n\n")] == ["|-", "|", "|+"]


words = st.text(alphabet="abyesnotrufl YESNOTRUFL가나다일상_-09", min_size=1, max_size=12)


@given(words, st.sampled_from(sorted(CONTEXTS)))
@example("yes", "mapping")
@example("Off", "flow-item")
@example("null", "block-item")
@example("a ", "mapping")
def test_a_word_taken_as_plain_without_asking_reads_back_in_both_readers(text, context):
    """The fast path for tags and titles (no parse) says plain only where both readers agree."""
    from journal_app.core.frontmatter import _YamlLoader
    from journal_app.core.scalars import obviously_plain

    template, expected = CONTEXTS[context]
    if obviously_plain(text):
        for loader in (_YamlLoader, yaml.SafeLoader):
            assert yaml.load(template.format(text), Loader=loader) == {"k": expected(text)}
