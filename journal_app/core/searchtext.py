"""What the search index reads of a post, and what a search query asks for.

The text of a post is its body without markdown syntax, line by line, so that a match knows its
line in the file: line rules find fences, markup-only lines (rules, table delimiters, link
definitions, comments) and the marks that open a line (quotes, list items, headings), which is
some seven times quicker than markdown-it-py's block parser; links and images keep their text,
emphasis and code marks and HTML tags are dropped. A search for ``img`` or ``https`` does not
hit every image link.

A query is words, ``"quoted phrases"``, ``-word`` to exclude, and the filters ``tag:``,
``year:``, ``month:`` and ``title:``. Every word matches as a substring, case-insensitively:
``스타트업에`` finds ``스타트업에서`` and ``스타트업에게`` (Korean particles are not analysed; to
find every form of a word, search its stem, ``스타트업``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]*)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_MARKUP_LINE = re.compile(  # setext underlines, breaks, table rules, link definitions, comments
    r" {0,3}(?:=+|-+|(?:[-*_] *){3,}|\|?(?: *:?-+:? *\|?)+|\[[^\]]+\]: *\S+.*|<!--.*-->) *$"
)
_PREFIX = re.compile(r"^(?: {0,3}(?:> ?|[-*+] +(?:\[[ xX]\] +)?|\d{1,9}[.)] +|#{1,6}(?: +|$)))+")
_HEADING_END = re.compile(r" +#+ *$")
_MARKS = re.compile(r"(?<!\w)_+|_+(?!\w)|\\(?=[^\w\s])")
# what SQLite's FTS5 "ascii" tokenizer keeps together as one word: ASCII letters and digits and
# every other character (so Korean, with the punctuation and emoji written against it)
_WORD = re.compile("[0-9A-Za-z\x80-\U0010ffff]+")
_QUERY = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))')
FILTERS = ("tag", "year", "month", "title")
_MARKUP_START = frozenset(" =-*_|:[<>+#`~0123456789")  # the characters a line rule looks for first


def inline_text(source: str) -> str:
    """The text of inline markdown: link and image text kept, marks and HTML tags dropped."""
    text = source
    if "](" in text or "][" in text:  # each rule only where its marks occur: a third of the time
        text = _LINK.sub(r"\1", _IMAGE.sub(r"\1", text))
    if "<" in text:
        text = _TAG.sub("", _AUTOLINK.sub(r"\1", text))
    if "_" in text or "\\" in text:
        text = _MARKS.sub("", text)
    for mark in "*`~":
        if mark in text:
            text = text.replace(mark, "")
    return text


def plain_lines(body: str) -> list[str]:
    """The body's text without markup, one entry per line of ``body`` (empty where a line holds
    only markup)."""
    lines: list[str] = []
    fence = ""
    for line in body.split("\n"):
        if not line:
            lines.append(line)
            continue
        if not fence and line[0] not in _MARKUP_START:  # most lines: only inline markup there
            lines.append(inline_text(_HEADING_END.sub("", line) if "#" in line else line).strip())
            continue
        opening = _FENCE.match(line)
        if fence:
            closing = (
                opening is not None and opening.group(1).startswith(fence) and not opening.group(2).strip()
            )
            fence = "" if closing else fence
            lines.append("" if closing else line)
        elif opening is not None:
            fence = opening.group(1)
            lines.append("")
        elif _MARKUP_LINE.match(line):
            lines.append("")
        else:
            text = _PREFIX.sub("", line)
            if text.startswith("|"):
                text = text.replace("|", " ")
            lines.append(inline_text(_HEADING_END.sub("", text)).strip())
    return lines


def fold(text: str) -> str:
    """Text as it is compared: lower case (the same length for nearly every character)."""
    return text.lower()


def words(folded: str) -> set[str]:
    """The distinct words of folded text, as the index's FTS5 table (tokenizer "ascii") cuts it."""
    return set(_WORD.findall(folded))


@dataclass(frozen=True)
class Piece:
    """A word of a query term, and whether the term goes on before it or after it (then the
    word of a post holding the term must begin with the piece, or end with it)."""

    text: str
    begins: bool  # the term has something before the piece: a matching word begins with it
    ends: bool  # the term has something after the piece: a matching word ends with it


def pieces(term: str) -> list[Piece]:
    """The pieces of a folded term: a post holds the term only if each piece is part of one of
    its words (the whole of it when the term goes on at both ends)."""
    return [
        Piece(match.group(), match.start() > 0, match.end() < len(term)) for match in _WORD.finditer(term)
    ]


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


def exact(term: str) -> bool:
    """Whether a post that has a word containing ``term`` surely holds it: the term is one word
    (no space or ASCII punctuation)."""
    return _WORD.fullmatch(term) is not None
