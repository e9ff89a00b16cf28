"""A YAML header's parse error in plain words, and the file line it is on.

PyYAML says "did not find expected key (while parsing a block mapping)" or "expected escape
sequence of 8 hexadecimal numbers"; a person writing a post wants "the header has a quote that
is not closed". The messages are chosen by what PyYAML reports (its problem and context) and by
the line it points at; anything not known keeps PyYAML's own words after a plain opening.
"""

from __future__ import annotations

import re

import yaml

from .words import QT_TRANSLATE_NOOP, Words

HEADER_FIRST_LINE = 2  # the header's first line in the file (after the opening ---)
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?[^:#]+:\s*(["'])""")


def _line_at(content: str, index: int) -> str:
    lines = content.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


_NOT_CLOSED = QT_TRANSLATE_NOOP("Core", "the header has a quote that is not closed")
_NOT_KEY_VALUE = QT_TRANSLATE_NOOP("Core", "the header has a line that is not “key: value”")


def _quote_problem(text: str) -> Words:
    """What is wrong with a line whose quoted value does not read."""
    found = _QUOTED_VALUE.match(text)
    if found is None:
        return Words(
            QT_TRANSLATE_NOOP("Core", "the header has a quote in a value that is not in quotes as a whole")
        )
    quote = found.group(1)
    value = text[found.end() - 1 :]
    count = value.count(quote) - (value.count('\\"') if quote == '"' else value.count("''") * 2)
    if count % 2:
        return Words(_NOT_CLOSED)
    template = QT_TRANSLATE_NOOP(
        "Core", "the header has text after the closing quote (a {quote} inside the value needs escaping)"
    )
    return Words(template, {"quote": quote})


def plain_problem(exc: yaml.YAMLError, content: str) -> tuple[int, Words]:
    """The 1-based file line of a YAML error in the header ``content`` and what is wrong there,
    in plain words ("the header has a quote that is not closed")."""
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    index = mark.line if mark is not None else (start.line if start is not None else 0)
    template = None
    if "quoted scalar" in context and "end of stream" in problem:
        index = start.line if start is not None else index  # where the quote opened
        template = _NOT_CLOSED
    elif "escape" in problem or "hexdecimal" in problem:
        template = QT_TRANSLATE_NOOP(
            "Core",
            "the header has a backslash that starts no escape in a double-quoted value "
            "(write \\\\ or use '…')",
        )
    elif "block mapping" in context and ("expected key" in problem or "'<scalar>'" in problem):
        text = _line_at(content, index)
        if '"' in text or "'" in text:
            return index + HEADER_FIRST_LINE, _quote_problem(text)
        template = _NOT_KEY_VALUE
    elif "block mapping" in context and "'-'" in problem:
        template = QT_TRANSLATE_NOOP("Core", "the header has a list item where a key was expected")
    elif problem.startswith("mapping values are not allowed"):
        template = QT_TRANSLATE_NOOP(
            "Core", "the header has a second colon in a value (put the value in quotes)"
        )
    elif "'\\t'" in problem or "tab character" in problem:
        template = QT_TRANSLATE_NOOP("Core", "the header is indented with a tab (use spaces)")
    elif problem.startswith("found undefined alias"):
        template = QT_TRANSLATE_NOOP(
            "Core", "the header has a value starting with * (put the value in quotes)"
        )
    elif problem.startswith("could not find expected ':'"):
        index = start.line if start is not None else index  # the line without a colon
        template = _NOT_KEY_VALUE
    elif "flow sequence" in context:
        template = QT_TRANSLATE_NOOP("Core", "the header has a [ list ] that is not closed")
    elif "flow mapping" in context:
        template = QT_TRANSLATE_NOOP("Core", "the header has a {{ mapping }} that is not closed")
    elif "block end" in problem or "indent" in problem:
        template = QT_TRANSLATE_NOOP("Core", "the header is indented differently from the lines before it")
    if template is None:  # PyYAML's own words (English) in the sentence
        said = f"{problem}, {context}" if context else problem
        return index + HEADER_FIRST_LINE, Words(
            QT_TRANSLATE_NOOP("Core", "the header could not be read ({reason})"), {"reason": said}
        )
    return index + HEADER_FIRST_LINE, Words(template)
