"""A render of a post as the preview shows it: its units, each with a key, its HTML and its
``data-line`` values (made by :class:`.incremental.IncrementalRenderer`). Apart from the
renderer so that the window can show a fragment (an empty post, a note) without importing
markdown-it-py and the sanitizer before its first paint."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

UNIT_KEYS = itertools.count(1)  # unique in the process: a key never names two different contents


@dataclass(frozen=True)
class Rendering:
    """A render as its units: ``keys``, ``html`` and the ``data-line`` values of each, in order.

    A unit keeps its key from one render to the next only while its HTML changes in nothing but
    its ``data-line`` values (the page then moves those, see :func:`.incremental.page_patch`)."""

    keys: tuple[int, ...]
    html: tuple[str, ...]
    lines: tuple[tuple[int, ...], ...]
    full: bool = True  # this pass parsed the whole post

    @property
    def fragment(self) -> str:
        """The whole fragment, exactly what :func:`~.render.render_markdown` gives."""
        return "".join(self.html)

    @classmethod
    def single(cls, fragment: str) -> Rendering:
        """A fragment from elsewhere (a note, an error) as one unit."""
        return cls((next(UNIT_KEYS),), (fragment,), ((),))
