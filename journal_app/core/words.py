"""Sentences for people, kept so that the window can translate them and the CLI prints them as
they are: a :class:`Words` is an English template and its values, ``str(words)`` the sentence.

Every template is written in the code as the text of a call of ``QT_TRANSLATE_NOOP`` with the
context "Core": a no-op here (the core never imports Qt), which Qt's ``lupdate`` finds by its
name, so that the templates can be translated; the window translates a template and then fills
in its values. A value that is itself a sentence of the core is a :class:`Words` too (its
template translated in turn); other values (paths, numbers, a parser's own message) are shown as
they are.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

CONTEXT = "Core"  # the translation context of every template of the core


def QT_TRANSLATE_NOOP(context: Literal["Core"], text: str) -> str:  # Qt's name, which lupdate reads
    """Mark ``text`` as a template to translate in ``context``; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Words:
    """An English template and the values that fill it in (``template.format(**values)``)."""

    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.values)


def words(template: str, **values: object) -> Words:
    """``template`` (marked with QT_TRANSLATE_NOOP) filled in with ``values``."""
    return Words(template, values)


def to_plain(said: Words) -> dict:
    """``said`` as JSON-ready values (for the summary index): a path becomes its text, a value
    that is Words a mapping like this one, any other value that is no number its text."""
    values: dict[str, object] = {}
    for name, value in said.values.items():
        if isinstance(value, Words):
            values[name] = to_plain(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            values[name] = value
        else:
            values[name] = os.fspath(value) if isinstance(value, os.PathLike) else str(value)
    return {"template": said.template, "values": values}


def from_plain(data: object) -> Words:
    """The Words ``to_plain`` wrote; ValueError for anything else (a damaged index entry)."""
    if (
        not isinstance(data, dict)
        or type(data.get("template")) is not str
        or type(data.get("values")) is not dict
    ):
        raise ValueError("not words")
    values = {
        name: from_plain(value) if isinstance(value, dict) else value
        for name, value in data["values"].items()
    }
    if not all(type(value) in (str, int, float, Words) for value in values.values()):
        raise ValueError("not words")
    return Words(data["template"], values)
