"""What the platforms' block rules share: ways of changing how markdown-it reads a block.

``instance_patch`` puts an attribute on one object (the block parser, its ruler) for the span of
a rule and always takes it off again; ``read_to`` runs a rule with the block's lines ending
early; ``lazy_quote`` is a quote that takes every line up to a blank one (velog's and
kramdown's); ``underline_level`` reads a setext underline; ``text_column_definitions`` reads a
definition's lines from the column of its text, as goldmark and kramdown do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.blockquote import blockquote


@contextmanager
def instance_patch(target: object, name: str, value: object) -> Iterator[None]:
    """``target.name`` is ``value`` inside the block (an attribute of the instance, over its
    class's), and the class's again after it, whatever happens inside."""
    setattr(target, name, value)
    try:
        yield
    finally:
        target.__dict__.pop(name, None)


# own_lines(state, first, last, outer): the lines after a definition's first line that are its
# own though indented less than its text, shown to markdown-it indented as far; returns a callable
# that puts them back
OwnLines = Callable[[StateBlock, int, int, int], Callable[[], None]]


def text_column_definitions(rule: Callable, own_lines: OwnLines | None = None) -> Callable:
    """The definition-list rule (mdit-py-plugins') with each definition's text, and the lines
    that go on with it, starting after the ``:`` and every space after it, as goldmark and
    kramdown read them (the plugin: two columns after the ``:``): ``:   a`` over ``  b`` after
    an empty line ends the definition, and ``      1. x`` right under it is a list inside it."""

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent:
            return rule(state, start, end, silent)
        block, outer = state.md.block, state.blkIndent

        def definition(inner: StateBlock, first: int, last: int) -> None:
            block.__dict__.pop("tokenize")  # (the blocks inside read with the parser's own)
            undo = None
            column = inner.__dict__.get("definition_column")
            if inner.parentType == "deflist":  # the plugin, reading one definition from ``first``
                inner.blkIndent = inner.ddIndent = inner.sCount[first]  # (its text's column)
                inner.__dict__["definition_column"] = outer  # (where its list's ":" lines stand)
                if own_lines is not None:
                    undo = own_lines(inner, first, last, outer)
            try:
                type(block).tokenize(block, inner, first, last)
            finally:
                if undo is not None:
                    undo()
                inner.__dict__["definition_column"] = column
                setattr(block, "tokenize", definition)

        with instance_patch(block, "tokenize", definition):
            return rule(state, start, end, silent)

    return deflist


def read_to(state: StateBlock, stop: int, rule, start: int, end: int, silent: bool) -> bool:
    """markdown-it's ``rule`` at ``start`` with the block's lines ending at ``stop`` (its
    paragraphs and headings read on to ``lineMax``, not to the end they are given)."""
    limit = state.lineMax
    state.lineMax = min(limit, stop)
    try:
        return rule(state, start, end, silent)
    finally:
        state.lineMax = limit


def underline_level(state: StateBlock, line: int, end: int) -> int:
    """1 when ``line`` (before ``end``) is a setext underline of ``=``, 2 of ``-``, else 0."""
    if line >= end or state.sCount[line] - state.blkIndent > 3:
        return 0
    found = _UNDERLINE.match(state.src, state.bMarks[line] + state.tShift[line], state.eMarks[line])
    return 0 if found is None else 1 if found.group(1) == "=" else 2


_UNDERLINE = re.compile(r"([=-])\1*[ \t]*$")


def lazy_quote(
    state: StateBlock,
    start: int,
    end: int,
    silent: bool,
    ends: Callable[[StateBlock, int], bool] | None = None,
) -> bool:
    """markdown-it's quote, going on to the first blank line (or the first line ``ends`` says
    ends it) whatever block the lines under it start: those lines are the quote's, as the
    lines with ``>`` are (remark-parse 7's quote, and kramdown's with its own ends)."""
    if silent or not state.src.startswith(">", state.bMarks[start] + state.tShift[start]):
        return blockquote(state, start, end, silent)  # (no ">": markdown-it's rule says no)
    limit, lazy = start + 1, []
    while (
        limit < end
        and not state.isEmpty(limit)
        and state.sCount[limit] >= state.blkIndent
        and not (ends is not None and ends(state, limit))
    ):
        if (
            state.src[state.bMarks[limit] + state.tShift[limit]] != ">"
            or state.sCount[limit] - state.blkIndent >= 4
        ):
            lazy.append(limit)
        limit += 1
    if not lazy:
        return blockquote(state, start, end if ends is None else limit, silent)
    block, indent = state.md.block, state.blkIndent
    counts = {line: state.sCount[line] for line in lazy}

    def no_terminators(chain: str = "") -> list:
        return [] if chain == "blockquote" else type(block.ruler).getRules(block.ruler, chain)

    def tokenize(inner: StateBlock, first: int, last: int) -> None:
        block.__dict__.pop("tokenize"), block.ruler.__dict__.pop("getRules")  # once: the quote's own
        for line in lazy:  # markdown-it made them a paragraph's lazy lines (-1): lines of the quote
            inner.sCount[line] = max(0, counts[line] - indent)
        # (kept for the rules inside that read such a line as its indent shows it: remark.py)
        shown = inner.__dict__.setdefault("_lazy_quote_lines", set())
        fresh = set(lazy) - shown
        shown |= fresh
        try:
            type(block).tokenize(block, inner, first, last)
        finally:
            shown -= fresh

    # for this quote only (see tokenize); its blocks end with it (markdown-it's quote leaves them
    # the lines below it to look at: a fence there would be closed by a line after the quote)
    line_max, state.lineMax = state.lineMax, min(limit, state.lineMax)
    try:
        with instance_patch(block.ruler, "getRules", no_terminators):
            with instance_patch(block, "tokenize", tokenize):
                return blockquote(state, start, limit, silent)
    finally:
        state.lineMax = line_max
