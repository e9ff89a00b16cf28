"""Helpers for block rules that change how markdown-it reads a block for one parse.

``instance_patch`` puts an attribute on one object (the block parser, its ruler) for the span of
a rule and always takes it off again; ``text_column_definitions`` reads a definition's lines from
the column of its text, as goldmark and kramdown do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from markdown_it.rules_block import StateBlock


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
            if inner.parentType == "deflist":  # the plugin, reading one definition from ``first``
                inner.blkIndent = inner.ddIndent = inner.sCount[first]  # (its text's column)
                if own_lines is not None:
                    undo = own_lines(inner, first, last, outer)
            try:
                type(block).tokenize(block, inner, first, last)
            finally:
                if undo is not None:
                    undo()
                setattr(block, "tokenize", definition)

        with instance_patch(block, "tokenize", definition):
            return rule(state, start, end, silent)

    return deflist
