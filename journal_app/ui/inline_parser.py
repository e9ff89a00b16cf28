"""markdown-it-py's inline parser, recording where each token starts and ends, for
``syntax``'s spans (tokens carry no columns). Imported with the first line of inline markup
to highlight (``syntax.load_parser``), so that a launch need not wait for markdown-it-py."""

from __future__ import annotations

import functools
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin


class _State(StateInline):
    """Notes, on each token pushed, where the parser stood (``meta['start']``)."""

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        token = super().push(ttype, tag, nesting)
        token.meta["start"] = self.pos
        return token


class _Inline(ParserInline):
    """markdown-it-py's inline parser, noting on each token pushed by a rule where the rule
    stopped (``meta['end']``), and where each marker of a run of ``*``, ``_`` or ``~`` starts."""

    def tokenize(self, state: StateInline) -> None:
        rules = self.ruler.getRules("")
        end = state.posMax
        nesting = state.md.options["maxNesting"]
        while state.pos < end:
            pos, count, ok = state.pos, len(state.tokens), False
            if state.level < nesting:
                for rule in rules:
                    if rule(state, False):
                        ok = True
                        break
            if ok:
                if state.pos <= pos:
                    raise RuntimeError("inline rule didn't increment state.pos")
                _note_ends(state.tokens, count, state.pos)
                if state.pos >= end:
                    break
                continue
            state.pending += state.src[state.pos]
            state.pos += 1
        if state.pending:
            state.pushPending()


def _note_ends(tokens: list[Token], count: int, end: int) -> None:
    for token in tokens[count:]:
        if "start" not in token.meta:
            continue  # pending text
        token.meta.setdefault("end", end)
        if token.type == "text":  # a marker of a run of *, _ or ~: placed in the run at the end
            token.meta.setdefault("run", token.meta["start"])
            token.meta.setdefault("size", len(token.content))


def _place_markers(tokens: list[Token]) -> None:
    """Each marker's column in its run, in the tokens' final order (the strikethrough rule
    moves a run's odd ``~`` after the closing tags it leaves)."""
    taken: dict[int, int] = {}
    for token in tokens:
        run = token.meta.get("run")
        if run is not None:
            token.meta["start"] = run + taken.get(run, 0)
            taken[run] = taken.get(run, 0) + token.meta["size"]


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.inline = _Inline()
    md.configure("commonmark")
    md.enable("strikethrough")
    md.disable("fragments_join")  # it merges text tokens, and the columns noted on them
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False)
    return md


def parse_inline(text: str) -> list[Token]:
    """markdown-it-py's inline tokens of ``text``, with ``meta['start']`` and ``meta['end']``."""
    md = _parser()
    state = _State(text, md, {}, [])
    md.inline.tokenize(state)
    for rule in md.inline.ruler2.getRules(""):
        rule(state)
    _place_markers(state.tokens)
    return state.tokens
