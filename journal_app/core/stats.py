"""Counts of a post's prose, the way Korean forms, schools and publishers count them.

What is counted is the prose a reader sees: the front matter, fenced code, inline code, image
links, URLs (a link counts its words, not its address), HTML tags and markdown's marks
(``#``, ``>``, list markers, ``**``, ``_``, ``~~``, table pipes, rules) are left out, and runs of
spaces count as one space, as the page shows them. Each line of prose that is left is a
paragraph; blank lines are not counted. Text is NFC-normalized first (decomposed Hangul counts
as syllables).

- 글자수 (공백 포함): every character, a space and a line break one each, as an application
  form's text box counts them; 공백 제외: no whitespace at all.
- 어절: space-separated words; Latin words: runs of Latin letters (``world's`` is one).
- NEIS bytes: Hangul 3, ASCII 1, a line break 2 (others: their UTF-8 length), as NEIS counts.
- 원고지 매수: 200-character sheets (20 cells × 10 rows), by the usual rule of 원고지 사용법
  (as in the 글로벌 세계 대백과사전 article "원고지 사용법" on Korean Wikisource): every
  paragraph starts a new row with its first cell empty; a character, a punctuation mark or a
  space takes one cell, but lowercase Latin letters and Arabic digits go two to a cell; no space
  is written after a full stop or a comma; a space that would fall in the first cell of a row is
  not written; a closing punctuation mark that would open a row is written in the last cell of
  the row before.
- Reading time: 202 Korean 어절 a minute, the mean silent reading speed of adult Koreans in
  Rhiu et al., "Korean Version Self-testing Application for Reading Speed", Korean J
  Ophthalmol 2017;31(3); and 238 other words a minute, the mean silent reading rate of English
  non-fiction in Brysbaert, "How many words do we read per minute?", J Mem Lang 109 (2019).

Counts of a line are cached, so recounting a long post after an edit costs little more than
splitting it into lines.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .frontmatter import split_header

HANGUL_EOJEOL_PER_MINUTE = 202
OTHER_WORDS_PER_MINUTE = 238
SHEET_COLUMNS, SHEET_ROWS = 20, 10

# every pattern takes time linear in the line, whatever it holds (runs of one character, many
# openers never closed): a search that went on from every start to the end of a long line would
# hold the worker thread, and with it the GIL, for minutes
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_DROPPED_LINE = re.compile(
    r" {0,3}([-*_=])(?: *+\1){2,} *+$"  # a rule or a setext underline
    r"|\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)+\|?\s*+$"  # a table's delimiter row
    r"|\s{0,3}\[[^\[\]]{1,999}\]:\s*+\S"  # a link reference definition
)
_BLOCK_MARKS = re.compile(r"\s*(?:>\s?)*(?:#{1,6}(?:\s+|$)|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?")
_TICKS = re.compile(r"`+")
_IMAGE = re.compile(r"!\[[^\[\]]{0,999}\](?:\([^()]{0,1999}\)|\[[^\[\]]{0,999}\])?")
_LINK = re.compile(r"\[([^\[\]]{0,999})\](?:\([^()]{0,1999}\)|\[[^\[\]]{0,999}\])")
_URL = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]{0,1999}>|(?:https?|ftp)://\S{1,1999}|www\.\S{1,1999}")
_TAG = re.compile(r"<!--[^<>]{0,1999}-->|</?[A-Za-z][^<>]{0,1999}>")
_MARKS = re.compile(r"\*+|~~|(?<!\w)_+|(?<!_)_++(?!\w)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_KEPT = 0xF0000  # an escaped mark stands in a private-use character until the marks are gone
_ESCAPED = re.compile("[\U000f0021-\U000f007e]")
_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3"
_HANGUL_WORD = re.compile(f"(?<![^ ])[^ {_HANGUL}]*+[{_HANGUL}]")  # from a word's start only
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z\u00c0-\u024f]+)*")
_NO_SPACE_AFTER = re.compile(r"([.,]) ")
_CELL = re.compile(r"[a-z0-9]{1,2}|.", re.DOTALL)
_HALF_WIDTH = re.compile(r"[a-z0-9]")
_HALF_RUN = re.compile(r"[a-z0-9]*")
CELLS_SLICE = 4096
_HANGING = frozenset(".,?!:;)]}」』”’…")


@dataclass(frozen=True)
class Counts:
    """Counts of some prose (see the module's notes for what each one counts)."""

    characters: int = 0  # 글자수, 공백 포함 (a line break counts one)
    characters_no_spaces: int = 0  # 글자수, 공백 제외
    eojeol: int = 0  # 어절
    hangul_eojeol: int = 0  # 어절 with Hangul in them
    latin_words: int = 0
    neis_bytes: int = 0
    manuscript_rows: int = 0  # rows of a 20-cell 원고지
    paragraphs: int = 0  # lines of prose

    @property
    def manuscript_sheets(self) -> int:
        """원고지 매수: 200-character sheets the prose fills (a sheet begun counts)."""
        return math.ceil(self.manuscript_rows / SHEET_ROWS)

    @property
    def reading_minutes(self) -> int:
        """Minutes to read it (rounded up; 0 for no words)."""
        other = self.eojeol - self.hangul_eojeol
        return math.ceil(self.hangul_eojeol / HANGUL_EOJEOL_PER_MINUTE + other / OTHER_WORDS_PER_MINUTE)


def prose_line(line: str) -> str:
    """The prose of one markdown line outside code: marks, code, images, URLs and tags
    removed, whitespace runs made one space; empty when nothing is left."""
    line = unicodedata.normalize("NFC", line)
    if _DROPPED_LINE.match(line):
        return ""
    marks = _BLOCK_MARKS.match(line)  # always matches (perhaps nothing)
    if marks and "#" in marks.group():
        line = _heading_text(line[marks.end() :])
    elif marks:
        line = line[marks.end() :]
    if "`" in line:
        line = _without_code(line)
    line = _ESCAPE.sub(lambda found: chr(_KEPT + ord(found.group(1))), line)  # kept as typed
    line = _IMAGE.sub(" ", line)
    line = _LINK.sub(r"\1", line)
    line = _URL.sub(" ", line)
    line = _TAG.sub(" ", line)
    line = _MARKS.sub("", line.replace("|", " "))
    line = _ESCAPED.sub(lambda found: chr(ord(found.group()) - _KEPT), line)
    if "&" in line:
        line = html.unescape(line)
    return " ".join(line.split())


def _heading_text(heading: str) -> str:
    """An ATX heading's text without its closing ``#``s."""
    text = heading.rstrip()
    bare = text.rstrip("#")
    return bare.rstrip() if bare != text and (not bare or bare[-1].isspace()) else text


def _without_code(line: str) -> str:
    """``line`` with its code spans made spaces: a run of backticks opens one, closed by the
    next run of the same length (CommonMark's rule); a run that no run closes is kept."""
    runs = [found.span() for found in _TICKS.finditer(line)]
    closer: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        closer[index], later[length] = later.get(length), index
    parts, position, index = [], 0, 0
    while index < len(runs):
        end = closer[index]
        if end is None:
            index += 1
            continue
        parts += [line[position : runs[index][0]], " "]
        position, index = runs[end][1], end + 1
    return "".join([*parts, line[position:]])


def _cells(text: str) -> list[str]:
    """The 원고지 cells of ``text``, found a slice at a time (a slice ends after a run of
    lowercase letters and digits, which pair up): no single call holds the GIL for long."""
    cells: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + CELLS_SLICE, len(text))
        run = _HALF_RUN.match(text, end) if _HALF_WIDTH.match(text, end - 1) else None
        end = run.end() if run else end
        cells += _CELL.findall(text, start, end)
        start = end
    return cells


def manuscript_rows(paragraph: str) -> int:
    """Rows of a 20-cell 원고지 that ``paragraph`` (one line of prose) fills."""
    cells = _cells(_NO_SPACE_AFTER.sub(r"\1", paragraph))
    total, position, rows, room = len(cells), 0, 0, SHEET_COLUMNS - 1  # the first cell indents
    while position < total:
        rows += 1
        position += room
        room = SHEET_COLUMNS
        if position < total and cells[position] in _HANGING:
            position += 1  # written in this row's last cell
        while position < total and cells[position] == " ":
            position += 1  # not written at the start of a row
    return rows


@lru_cache(maxsize=1 << 16)
def _line_counts(line: str) -> tuple[int, ...] | None:
    text = prose_line(line)
    if not text:
        return None
    spaces = text.count(" ")
    return (
        len(text),
        len(text) - spaces,
        spaces + 1,
        len(_HANGUL_WORD.findall(text)),
        len(_LATIN_WORD.findall(text)),
        len(text.encode("utf-8", "surrogatepass")),
        manuscript_rows(text),
        1,
    )


def _prose(lines: list[str], fence: str | None) -> tuple[list[tuple[int, ...]], str | None]:
    """Counts of the prose lines among ``lines`` (inside a code fence ``fence`` at the start),
    and the fence still open after them."""
    found = []
    for line in lines:
        opening = _FENCE.match(line)
        if fence is not None:
            mark, rest = (opening.group(1), line[opening.end() :]) if opening else ("", "")
            if mark[:1] == fence[:1] and len(mark) >= len(fence) and not rest.strip():
                fence = None
            continue
        if opening and (opening.group(1)[0] == "~" or "`" not in line[opening.end() :]):
            fence = opening.group(1)
            continue
        counts = _line_counts(line)
        if counts is not None:
            found.append(counts)
    return found, fence


def _total(parts: list[tuple[int, ...]]) -> Counts:
    if not parts:
        return Counts()
    sums = [sum(column) for column in zip(*parts, strict=True)]
    breaks = sums[-1] - 1  # between paragraphs
    sums[0] += breaks
    sums[5] += 2 * breaks
    return Counts(*sums)


def _lines(text: str) -> list[str]:
    # the editor's lines: split at line breaks only (U+2028 stays inside its line)
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _header_lines(text: str) -> int:
    header, body = split_header(text)
    return text[: len(text) - len(body)].count("\n") if header is not None else 0


def count_post(text: str) -> Counts:
    """Counts of the prose of a post's whole text (its front matter left out)."""
    lines = _lines(text)
    return _total(_prose(lines[_header_lines(text) :], None)[0])


def count_selection(text: str, first_line: int, selected: str) -> Counts:
    """Counts of the prose of ``selected``, a part of the post ``text`` that begins on line
    ``first_line`` (0-based): what lies in the front matter or in code is left out."""
    lines, header = _lines(text), _header_lines(text)
    chosen = _lines(selected)
    if first_line < header:
        chosen = chosen[header - first_line :]
        first_line = header
    fence = _prose(lines[header:first_line], None)[1]
    return _total(_prose(chosen, fence)[0])
