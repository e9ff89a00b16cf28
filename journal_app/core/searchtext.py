"""What the search index reads of a post, and what a search query asks for.

The text of a post is its body without markdown syntax, line by line, so that a match knows its
line in the file: markdown-it-py finds the blocks (fences, HTML blocks, lists, quotes, tables) and
their lines; inside a block, links and images keep their text, emphasis and code marks and HTML
tags are dropped. A search for ``img`` or ``https`` does not hit every image link.

A query is words, ``"quoted phrases"``, ``-word`` to exclude, and the filters ``tag:``,
``year:``, ``month:`` and ``title:``. Every word matches as a substring, case-insensitively:
``스타트업에`` finds ``스타트업에서`` and ``스타트업에게`` (Korean particles are not analysed; to
find every form of a word, search its stem, ``스타트업``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]*)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_MARKS = re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)|\\(?=[^\w\s])")
_WORDS = re.compile(r"\w+")
_QUERY = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))')
FILTERS = ("tag", "year", "month", "title")


@lru_cache(maxsize=1)
def _blocks() -> MarkdownIt:
    """A parser of blocks only (the inline rules run here as regular expressions: cheaper)."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.core.ruler.disable("inline")
    return md


def inline_text(source: str) -> str:
    """The text of inline markdown: link and image text kept, marks and HTML tags dropped."""
    text = _IMAGE.sub(r"\1", source)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    return _MARKS.sub("", text)


def plain_lines(body: str) -> list[str]:
    """The body's text without markup, one entry per line of ``body`` (empty where a line holds
    only markup)."""
    lines = [""] * (body.count("\n") + 1)
    for token in _blocks().parse(body):
        if token.map is None:
            continue
        first = token.map[0]
        if token.type == "inline":
            parts = [inline_text(part) for part in token.content.split("\n")]
        elif token.type in ("fence", "code_block"):
            first += token.type == "fence"
            parts = token.content.split("\n")
        else:
            continue
        for offset, part in enumerate(parts):
            number = first + offset
            if part and number < len(lines):
                lines[number] = f"{lines[number]} {part}" if lines[number] else part
    return lines


def fold(text: str) -> str:
    """Text as it is compared: lower case (the same length for nearly every character)."""
    return text.lower()


def grams(folded: str) -> str:
    """The distinct one- and two-character pieces of every word, for one- and two-character
    queries (the trigram index cannot answer them), as words the FTS5 tokenizer splits."""
    found: set[str] = set()
    for word in _WORDS.findall(folded):
        found.update(word)
        found.update(word[i : i + 2] for i in range(len(word) - 1))
    return " ".join(sorted(found))


@dataclass
class Query:
    """A parsed query: words and phrases to find, words to exclude, and the filters."""

    terms: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.terms or self.tags or self.years or self.months or self.titles)


def parse_query(text: str) -> Query:
    """Split a query into terms, exclusions and filters (all folded); an unknown ``word:`` is
    searched as it is written."""
    query = Query()
    for match in _QUERY.finditer(text):
        minus, key, phrase, word = match.groups()
        value = fold(phrase if phrase is not None else word or "")
        key = (key or "").lower()
        if key and key not in FILTERS:
            value, key = fold(match.group(0).lstrip("-")), ""
        if not value.strip():
            continue
        if key == "tag":
            query.tags.append(value)
        elif key == "year":
            query.years.append(value)
        elif key == "month":
            query.months.append(value)
        elif key == "title":
            query.titles.append(value)
        elif minus:
            query.excluded.append(value)
        else:
            query.terms.append(value)
    return query


def trigram_match(term: str) -> str | None:
    """An FTS5 trigram expression that every text holding ``term`` matches (None: too short)."""
    if len(term) < 3:
        return None
    starts = sorted(set(range(0, len(term) - 2, 3)) | {len(term) - 3})
    return " AND ".join('"' + term[i : i + 3].replace('"', '""') + '"' for i in starts)


def gram_match(term: str) -> str | None:
    """An FTS5 expression over :func:`grams` for a one- or two-character term (None when the
    term is not one word: it is then found by scanning)."""
    if len(term) > 2 or not term.isalnum():
        return None
    return f'"{term}"'
