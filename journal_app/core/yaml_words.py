"""A YAML header's parse error in plain words, and the file line it is on.

PyYAML says "did not find expected key (while parsing a block mapping)" or "expected escape
sequence of 8 hexadecimal numbers"; a person writing a post wants "the header has a quote that
is not closed". The messages are chosen by what PyYAML reports (its problem and context) and by
the line it points at; anything not known keeps PyYAML's own words after a plain opening.
"""

from __future__ import annotations

import re

import yaml

HEADER_FIRST_LINE = 2  # the header's first line in the file (after the opening ---)
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?[^:#]+:\s*(["'])""")


def _line_at(content: str, index: int) -> str:
    lines = content.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _quote_problem(text: str) -> str:
    """What is wrong with a line whose quoted value does not read."""
    found = _QUOTED_VALUE.match(text)
    if found is None:
        return "has a quote in a value that is not in quotes as a whole"
    quote = found.group(1)
    value = text[found.end() - 1 :]
    count = value.count(quote) - (value.count('\\"') if quote == '"' else value.count("''") * 2)
    if count % 2:
        return "has a quote that is not closed"
    return f"has text after the closing quote (a {quote} inside the value needs escaping)"


def plain_problem(exc: yaml.YAMLError, content: str) -> tuple[int, str]:
    """The 1-based file line of a YAML error in the header ``content`` and what is wrong there,
    in plain words ("the header has a quote that is not closed")."""
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    index = mark.line if mark is not None else (start.line if start is not None else 0)
    words = None
    if "quoted scalar" in context and "end of stream" in problem:
        index = start.line if start is not None else index  # where the quote opened
        words = "has a quote that is not closed"
    elif "escape" in problem or "hexdecimal" in problem:
        words = "has a backslash that starts no escape in a double-quoted value (write \\\\ or use '…')"
    elif "block mapping" in context and ("expected key" in problem or "'<scalar>'" in problem):
        text = _line_at(content, index)
        quoted = '"' in text or "'" in text
        words = _quote_problem(text) if quoted else "has a line that is not “key: value”"
    elif "block mapping" in context and "'-'" in problem:
        words = "has a list item where a key was expected"
    elif problem.startswith("mapping values are not allowed"):
        words = "has a second colon in a value (put the value in quotes)"
    elif "'\\t'" in problem or "tab character" in problem:
        words = "is indented with a tab (use spaces)"
    elif problem.startswith("found undefined alias"):
        words = "has a value starting with * (put the value in quotes)"
    elif problem.startswith("could not find expected ':'"):
        index = start.line if start is not None else index  # the line without a colon
        words = "has a line that is not “key: value”"
    elif "flow sequence" in context:
        words = "has a [ list ] that is not closed"
    elif "flow mapping" in context:
        words = "has a { mapping } that is not closed"
    elif "block end" in problem or "indent" in problem:
        words = "is indented differently from the lines before it"
    if words is None:
        words = f"could not be read ({problem}{f', {context}' if context else ''})"
    return index + HEADER_FIRST_LINE, f"the header {words}"
