"""Rendering while typing: only the top-level blocks an edit reached are parsed and rendered again.

:class:`IncrementalRenderer` keeps the last render of a post as *units*: runs of top-level blocks
(cut with the parser's own line map, markdown-it tokens' ``map`` at level 0) whose HTML stands
on its own, each with a key. On the next text it finds the changed lines, parses again from the
block before them (an edit can change the block above: a setext underline, a table's delimiter
row, a lazy line) and goes on until the new parse starts a block exactly where an old unit
started (shifted by the lines the edit added or removed); the units after that are kept, their
``data-line`` values moved with the lines. The result is always the fragment
:func:`~.render.render_markdown` gives for the whole text (a property test proves it):

- a unit is sanitized alone only when its HTML leaves nothing open: raw HTML that does (``<div>``
  with markdown under it, an unclosed ``<b>``) joins the blocks after it into one unit;
- heading ids (``a``, ``a-1``) are replayed over the whole post on every pass, and a unit whose
  ids changed is rendered again;
- reference definitions (and kramdown's abbreviations) resolve from the last full parse; an
  edit whose lines hold ``]:`` parses the whole post, and so does every edit of a post with
  footnotes (their numbers and the list at the end are the post's), of Hugo shortcodes and
  Liquid tags, and of kramdown's raw HTML elements on Jekyll (they can reach any far line), and
  on Jekyll every edit that changes the fence lines (kramdown's fence is text without its
  closing line, which may be far);
- images are resolved again on every pass (a file may have appeared).

Python-Markdown keeps no line map: the ``python-markdown`` flavor renders the whole post each
time, as one unit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from markdown_it.token import Token

from .encoding import displayable
from .engine import PROFILES, IdRule, claim_id, parser
from .flavor import raw_html_shown, require_flavor
from .headings import same_lines
from .platforms import _BLOCK_TAG as KRAMDOWN_BLOCK_TAG
from .render import ImageUrl, clean_fragment, render_markdown, rewrite_images
from .rendering import UNIT_KEYS as _keys
from .rendering import Rendering as Rendering  # (it lived here; preview.py takes it from there)

_NEWLINES = re.compile(r"\r\n?")
# what a self-contained unit's HTML leaves alone when something follows it; text first: a tag
# left unclosed ("<p dat") swallows the next tag, and shows it only by eating that text
_PROBE = "x<p>x</p>"
_MARK = 'data-line="'
_WITNESS = 4  # lines of the first kept unit parsed with the edit: the lookahead of block rules
_TRIGGERS = {  # what may reach lines far away: an edit touching it parses the whole post
    "hugo": re.compile(r"\{\{|\]:"),
    "jekyll": re.compile(r"\{\{|\{%|\]:|</?[A-Za-z]"),
}
_REFERENCE = re.compile(r"\]:")
_CLOSING_TAG = re.compile(r"</([A-Za-z][\w-]*)")


_FENCE_LINE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")


def _fences(lines: list[str]) -> list[str]:
    """The fence lines of ``lines``: while they stay the same, kramdown pairs them as before
    (its fence pairs with a closing line that may be far, and is text without one)."""
    return [line.rstrip() for line in lines if _FENCE_LINE.match(line)]


def _spaces_only(line: str) -> bool:
    return bool(line) and not line.strip(" \t")


def _paired(fences: list[str]) -> bool:
    """Whether each kind of fence line comes an even number of times: the fences may pair among
    themselves (an opener whose closing line is below the lines parsed again is text there,
    though the whole post makes it code: a quote above it that became a paragraph, say)."""
    marks = [fence.lstrip(" \t")[:1] for fence in fences]
    return marks.count("`") % 2 == 0 and marks.count("~") % 2 == 0


@dataclass(eq=False)
class _Unit:
    start: int  # its first line, 0-based in the body (it runs to the next unit's start)
    pieces: list[str]  # its sanitized HTML cut around the data-line values
    offsets: list[int]  # each data-line value minus the file line of ``start``
    slugs: tuple[IdRule, ...]  # how its headings' ids are made, in order
    ids: tuple[str, ...]  # the heading ids it was rendered with
    fixed: bool  # its source writes data-line itself: rendered again when it moves
    images: bool  # holds an <img>: resolved again on every pass
    base: int  # the file line of ``start`` when ``clean`` was made
    clean: str  # sanitized, images not resolved yet
    html: str = ""  # as shown
    key: int = 0
    lines: tuple[int, ...] = ()  # its data-line values

    def __post_init__(self) -> None:
        self.lines = tuple(self.base + offset for offset in self.offsets)
        self.html = "" if self.images else self.clean

    def move(self, base: int) -> None:
        parts = [self.pieces[0]]
        for offset, piece in zip(self.offsets, self.pieces[1:]):
            parts.append(str(base + offset))
            parts.append(piece)
        self.base, self.clean = base, "".join(parts)
        self.lines = tuple(base + offset for offset in self.offsets)
        if self.images:
            self.key = next(_keys)  # a placeholder may have taken a data-line: shown again
        else:
            self.html = self.clean


def _groups(tokens: list[Token]) -> list[tuple[int, int, int]]:
    """(first line, first token, end token) of each top-level block; blocks without a line map
    (the footnote list) belong to the block before them."""
    groups: list[tuple[int, int, int]] = []
    index = 0
    while index < len(tokens):
        token, end = tokens[index], index + 1
        if token.type == "footnote_block_open":  # its tokens are all at level 0
            while tokens[end - 1].type != "footnote_block_close":
                end += 1
        elif token.nesting == 1:
            while not (tokens[end].level == token.level and tokens[end].nesting == -1):
                end += 1
            end += 1
        if token.map is None and groups:
            groups[-1] = (groups[-1][0], groups[-1][1], end)
        else:
            groups.append((token.map[0] if token.map else 0, index, end))
        index = end
    return groups


def _raw_html(tokens: Iterable[Token]) -> bool:
    return any(
        token.type == "html_block" or any(child.type == "html_inline" for child in token.children or ())
        for token in tokens
    )


class IncrementalRenderer:
    """Renders one post again and again as it is edited (one flavor; not thread-safe)."""

    def __init__(self, flavor: str = "commonmark", raw_html: bool | None = None) -> None:
        self.flavor = require_flavor(flavor)
        # whether the site shows the post's own HTML (None: the platform's default, as render_markdown)
        self.raw_html = raw_html if raw_html is not None else raw_html_shown(None, flavor)
        self._text = ""
        self._lines: list[str] | None = None
        self._units: list[_Unit] = []
        self._references: dict = {}
        self._abbreviations: dict[str, str] = {}
        self._first_line = 1
        self._ordinals: tuple[list[str], dict[int, list[tuple[int, str]]]] | None = None  # (Hugo's)

    def render(self, text: str, first_line: int = 1, image_url: ImageUrl | None = None) -> Rendering:
        """``text`` rendered as :func:`~.render.render_markdown` renders it, reusing what the
        last call rendered."""
        if self.flavor == "python-markdown":
            return self._whole(text, first_line, image_url)
        text = _NEWLINES.sub("\n", displayable(text)).replace("\0", "\ufffd")  # as markdown-it reads
        lines = text.split("\n")
        full = (
            self._lines is None
            or (PROFILES[self.flavor].footnotes and "[^" in text)
            or (self.flavor == "jekyll" and "{:toc" in text)  # its table of contents: every heading
        )
        if not full:
            full = not self._update(text, lines, first_line)
        if full:
            fresh = self._fresh(lines, 0, len(lines), first_line, {}, reference_pass=True)
            assert fresh is not None
            self._units = self._reuse_keys(self._units, fresh)
        self._text, self._lines, self._first_line = text, lines, first_line
        units = self._units
        for unit in units:
            if unit.images:
                shown = rewrite_images(unit.clean, image_url) if image_url else unit.clean
                if shown != unit.html:
                    unit.html, unit.key = shown, next(_keys)
        return Rendering(
            tuple([unit.key for unit in units]),
            tuple([unit.html for unit in units]),
            tuple([unit.lines for unit in units]),
            full,
        )

    def _whole(self, text: str, first_line: int, image_url: ImageUrl | None) -> Rendering:
        fragment = render_markdown(
            text, flavor=self.flavor, first_line=first_line, image_url=image_url, raw_html=self.raw_html
        )
        if not self._units or self._units[0].html != fragment:
            unit = _Unit(0, [fragment], [], (), (), True, False, first_line, fragment, fragment, next(_keys))
            self._units = [unit]
        return Rendering((self._units[0].key,), (fragment,), ((),))

    # -- one pass ------------------------------------------------------------------------
    def _update(self, text: str, lines: list[str], first_line: int) -> bool:
        """Render only around the changed lines; False when the whole post must be parsed."""
        old, units = self._lines, self._units
        assert old is not None
        check_from = 0 if first_line != self._first_line else len(units)
        if text == self._text:
            self._check(lines, first_line, check_from, None)
            return True
        if self.flavor == "velog" and old[0] != lines[0] and (_spaces_only(old[0]) or _spaces_only(lines[0])):
            return False  # remark reads a first line of spaces into the block under it (remark.py)
        same, tail = same_lines(self._text, text)
        delta = len(lines) - len(old)
        starts = [unit.start for unit in units]
        # from the block before the one above the edit: an edit can change the blocks above it
        first = max(0, bisect.bisect_right(starts, max(same - 2, 0)) - 2)
        if self.flavor == "jekyll":  # kramdown's tables need a blank line above: parse from one
            while first > 0 and old[starts[first] - 1].strip():
                first -= 1
        begin = starts[first]
        stop = bisect.bisect_left(starts, len(old) - tail, lo=first)
        seen = self._seen(first)
        while True:
            old_end = starts[stop] if stop < len(units) else len(old)
            target = old_end + delta if stop < len(units) else None
            new_end = target if target is not None else len(lines)
            if self._far_reaching(old[begin:old_end]) or self._far_reaching(lines[begin:new_end]):
                return False
            if self.flavor == "jekyll":
                fences = _fences(lines[begin:new_end])
                if fences != _fences(old[begin:old_end]) or not _paired(fences):
                    return False  # kramdown's fence is text without its closing line, which may be far
            if target is None:
                fresh = self._fresh(lines, begin, len(lines), first_line, dict(seen))
            else:  # parse a few lines of the next old unit too: the new parse must start it
                witness = starts[stop + 1] + delta if stop + 1 < len(units) else len(lines)
                end = min(witness, target + _WITNESS)
                fresh = self._fresh(lines, begin, end, first_line, dict(seen), target=target)
            if fresh is not None:
                break
            stop = min(len(units), stop + max(1, stop - first))  # not lined up yet: parse further
        slugs = [slug for unit in units[first:stop] for slug in unit.slugs]
        units[first:stop] = self._reuse_keys(units[first:stop], fresh)
        after = first + len(fresh)
        if delta:
            for unit in units[after:]:
                unit.start += delta
        if slugs != [slug for unit in fresh for slug in unit.slugs]:  # later ids may change
            self._check(lines, first_line, min(first, check_from), self._seen(min(first, check_from)))
        elif delta or check_from < after:
            self._check(lines, first_line, min(after, check_from), None)
        return True

    def _shortcode_ordinals(self, lines: list[str]) -> dict[int, list[tuple[int, str]]]:
        """Hugo's shortcode ordinals of the whole post by line (``templates.shortcode_ordinals``),
        read once per text: a unit rendered alone counts those above it, and knows which of its
        own are inside a paired shortcode that opened above."""
        from .templates import shortcode_ordinals

        if self._ordinals is None or self._ordinals[0] is not lines:
            self._ordinals = (lines, shortcode_ordinals("\n".join(lines)))
        return self._ordinals[1]

    def _far_reaching(self, lines: list[str]) -> bool:
        text = "\n".join(lines)
        if not _TRIGGERS.get(self.flavor, _REFERENCE).search(text):
            return False
        if self.flavor != "jekyll" or "]:" in text or "{{" in text or "{%" in text:
            return True
        # on Jekyll, kramdown's block elements reach far (to their closing tag); other tags do not
        return bool(KRAMDOWN_BLOCK_TAG.search(text)) or any(
            KRAMDOWN_BLOCK_TAG.match(f"<{found.group(1)}>") for found in _CLOSING_TAG.finditer(text)
        )

    def _seen(self, count: int) -> dict[str, int]:
        """The heading ids of the first ``count`` units."""
        seen: dict[str, int] = {}
        for unit in self._units[:count]:
            for rule in unit.slugs:
                claim_id(seen, rule)
        return seen

    def _check(self, lines: list[str], first_line: int, first: int, seen: dict[str, int] | None) -> None:
        """From unit ``first`` on: moved units' lines moved and, given ``seen`` (the ids before
        ``first``), heading ids replayed; a unit whose ids changed is rendered again."""
        units = self._units
        index, count = first, len(units)
        while index < count:
            unit = units[index]
            base = first_line + unit.start
            stale = (
                seen is not None
                and bool(unit.slugs)
                and tuple([claim_id(seen, rule) for rule in unit.slugs]) != unit.ids
            )
            if stale or (unit.fixed and base != unit.base):
                end = units[index + 1].start if index + 1 < count else len(lines)
                fresh = self._fresh(lines, unit.start, end, first_line, self._seen(index))
                assert fresh is not None
                units[index : index + 1] = self._reuse_keys([unit], fresh)
                index += len(fresh)
                count = len(units)
                if seen is not None:
                    seen = self._seen(index)
                continue
            if base != unit.base:
                unit.move(base)
            index += 1

    @staticmethod
    def _reuse_keys(old: list[_Unit], fresh: list[_Unit]) -> list[_Unit]:
        """``fresh``, keeping the keys of old units with the same HTML (in order: the page keeps
        the nodes of those)."""
        at: dict[str, list[int]] = {}
        for index, unit in enumerate(old):
            at.setdefault(unit.clean, []).append(index)
        after = 0
        for unit in fresh:
            found = next((index for index in at.get(unit.clean, ()) if index >= after), None)
            # the same HTML read with other line marks (a data-line the post wrote itself, taken
            # for a mark once) is shown anew: the page moves marks by the unit's list
            same = found is not None and old[found].base == unit.base and old[found].lines == unit.lines
            if found is not None and same and not old[found].images:
                unit.key, unit.html, after = old[found].key, old[found].html, found + 1
            else:
                unit.key = next(_keys)
        return fresh

    # -- rendering a run of lines ---------------------------------------------------------
    def _fresh(
        self,
        lines: list[str],
        begin: int,
        end: int,
        first_line: int,
        seen: dict[str, int],
        target: int | None = None,
        reference_pass: bool = False,
    ) -> list[_Unit] | None:
        """Units for lines ``begin``..``end``; with ``target``, only those before it, or None when
        the parse does not start a self-contained unit exactly there."""
        source = "\n".join(lines[begin:end]) + ("\n" if end < len(lines) else "")
        env: dict = {
            "first_line": first_line + begin,
            "flavor": self.flavor,
            "slugs": seen,
            "raw_html": self.raw_html,
        }
        if self.flavor == "hugo" and begin and "{{" in source:  # a heading's id counts the page's shortcodes
            ordinals = self._shortcode_ordinals(lines)
            env["shortcode_ordinals"] = {
                line - begin: found for line, found in ordinals.items() if begin <= line < end
            }
        if not reference_pass:
            env["references"] = self._references
            if self._abbreviations:  # kramdown's, defined anywhere in the post
                env["abbreviations"] = dict(self._abbreviations)
        md = parser(self.flavor)
        tokens = md.parse(source, env)
        if reference_pass:
            self._references = env.get("references", {})
            self._abbreviations = env.get("abbreviations", {})
        units: list[_Unit] = []
        pending: list[tuple[int, list[Token], str]] = []
        for line, first, stop in _groups(tokens):
            line += begin
            if target is not None and line >= target:
                if pending or line != target:
                    return None
                break
            blocks = tokens[first:stop]
            pending.append((line, blocks, md.renderer.render(blocks, md.options, env)))
            unit = self._unit(pending, env, first_line, closing=False)
            if unit is not None:
                units.append(unit)
                pending = []
        else:
            if target is not None:
                return None  # the parse never reached the next old unit
            if pending:  # the end of the post closes whatever is open
                units.append(self._unit(pending, env, first_line, closing=True))  # type: ignore[arg-type]
        if units:  # the first unit starts with the text (blank lines, definitions above it)
            gap, units[0].start = units[0].start - begin, begin
            units[0].offsets = [offset + gap for offset in units[0].offsets]
            units[0].base -= gap
        else:
            units.append(_Unit(begin, [""], [], (), (), False, False, first_line + begin, ""))
        if "data-line" in source:  # written in the post: such units are rendered again when moved
            for index, unit in enumerate(units):
                stop_line = units[index + 1].start if index + 1 < len(units) else end
                unit.fixed = "data-line" in "\n".join(lines[unit.start : stop_line])
        return units

    @staticmethod
    def _unit(
        pending: list[tuple[int, list[Token], str]], env: dict, first_line: int, closing: bool
    ) -> _Unit | None:
        """One unit of the pending blocks, or None while their HTML leaves something open."""
        raw = "".join(html for _, _, html in pending)
        maths = env.get("maths", [])
        clean = clean_fragment(raw, maths)
        blocks = [token for _, tokens, _ in pending for token in tokens]
        if not closing and _raw_html(blocks) and clean_fragment(raw + _PROBE, maths) != clean + _PROBE:
            return None
        start = pending[0][0]
        base = first_line + start
        values = [
            int(str(token.attrGet("data-line")))
            for token in blocks
            if token.level == 0 and token.attrGet("data-line") is not None
        ]
        pieces, offsets, at = [], [], 0
        for value in values:
            found = clean.find(f'{_MARK}{value}"', at)
            if found < 0:
                continue
            pieces.append(clean[at : found + len(_MARK)])
            offsets.append(value - base)
            at = found + len(_MARK) + len(str(value))
        pieces.append(clean[at:])
        headings = [token for token in blocks if token.type == "heading_open"]
        return _Unit(
            start,
            pieces,
            offsets,
            tuple(token.meta["id_rule"] for token in headings),
            tuple(str(token.attrGet("id") or "") for token in headings),
            False,
            "<img" in clean,
            base,
            clean,
        )


def page_patch(before: Rendering | None, after: Rendering) -> list[list] | None:
    """What turns a page showing ``before`` into ``after``, unit by unit: ``["remove", key]``,
    ``["insert", key, html, key it goes before or None]`` and ``["lines", key, values]``; None
    when nothing can be kept (the page is then filled anew)."""
    if before is None:
        return None
    old_lines = dict(zip(before.keys, before.lines))
    if not any(key in old_lines for key in after.keys):
        return None
    kept = set(after.keys)
    ops: list[list] = [["remove", key] for key in before.keys if key not in kept]
    inserts: list[list] = []
    following = None
    for key, html, lines in zip(reversed(after.keys), reversed(after.html), reversed(after.lines)):
        if key in old_lines:
            following = key
            if old_lines[key] != lines:
                ops.append(["lines", key, list(lines)])
        else:
            inserts.append(["insert", key, html, following])
    ops.extend(reversed(inserts))
    return ops
