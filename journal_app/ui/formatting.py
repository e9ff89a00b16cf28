"""Bold, italic, inline code and links as toggles (Ctrl+B, Ctrl+I, Ctrl+`, Ctrl+K).

The rules are plain functions over a piece of text and a selection in it (Python string
indexes): ``toggled`` and ``toggled_link`` return the new text and selection. A selection
already wrapped, with the marks inside it or just outside, is unwrapped; otherwise it is
wrapped (without the spaces at its ends). With no selection they act on the word under the
cursor, or insert an empty pair with the cursor in between (and take an empty pair away).

``apply`` runs one of them on a QTextCursor: over the lines the selection touches, in UTF-16
units as Qt counts (an emoji is two), replacing only what changed, as one undo step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from PySide6.QtGui import QTextCursor

Edit = tuple[str, int, int]  # a text and a selection in it (start, end)
URL_PLACEHOLDER = "url"
_URL = re.compile(r"(?:https?|ftp)://\S+|mailto:\S+|www\.\S+\.\S+", re.IGNORECASE)
_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\(([^()\s]*)\)")


def is_url(text: str) -> bool:
    """True when ``text`` (stripped) is one web or mail address and nothing else."""
    return _URL.fullmatch(text.strip()) is not None


def _run(text: str, start: int, step: int, char: str) -> int:
    """How many ``char`` in a row from ``start`` going ``step`` (1 forward, -1 backward)."""
    count = 0
    index = start if step > 0 else start - 1
    while 0 <= index < len(text) and text[index] == char:
        count += 1
        index += step
    return count


def _wrapped(before: int, after: int, marker: str) -> bool:
    """Whether runs of the marker's character this long on both sides make the marker's pair
    (``*`` is italic with one or three stars, not two: two are bold)."""
    size = len(marker)
    if min(before, after) < size:
        return False
    if marker in ("*", "_"):
        return before % 2 == 1 and after % 2 == 1
    return True


def _word(text: str, at: int) -> tuple[int, int]:
    """The word around ``at`` (letters, digits and ``_``, Hangul included); empty if none."""
    start = end = at
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return start, end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def toggled(text: str, start: int, end: int, marker: str) -> Edit:
    """Wrap ``text[start:end]`` in ``marker`` or unwrap it (see the module docstring)."""
    size, char = len(marker), marker[0]
    if start == end:
        if text[start - size : start + size] == 2 * marker and _run(text, start, -1, char) == size:
            if _run(text, start, 1, char) == size:  # an empty pair: taken away
                return text[: start - size] + text[start + size :], start - size, start - size
        word_start, word_end = _word(text, start)
        if word_start == word_end:
            return text[:start] + 2 * marker + text[start:], start + size, start + size
        new, new_start, _ = toggled(text, word_start, word_end, marker)
        at = start + (new_start - word_start)
        return new, at, at
    if _wrapped(_run(text, start, -1, char), _run(text, end, 1, char), marker):  # marks outside
        return (
            text[: start - size] + text[start:end] + text[end + size :],
            start - size,
            end - size,
        )
    inside, inside_end = _run(text, start, 1, char), _run(text, end, -1, char)
    if end - start >= 2 * size and inside < end - start and _wrapped(inside, inside_end, marker):
        return text[:start] + text[start + size : end - size] + text[end:], start, end - 2 * size
    start, end = _trimmed(text, start, end)
    if start == end:
        return toggled(text, start, start, marker)
    return text[:start] + marker + text[start:end] + marker + text[end:], start + size, end + size


def toggled_link(text: str, start: int, end: int, url: str = "") -> Edit:
    """Make ``text[start:end]`` a link ``[text](url)`` with the address selected, or, inside or
    over a link, the link's text again. An empty ``url`` is a placeholder to type over."""
    for match in _LINK.finditer(text):
        if match.start() <= start and end <= match.end() and (start, end) != (match.end(), match.end()):
            label_start, label_end = match.span(1)
            new = text[: match.start()] + match[1] + text[match.end() :]
            if label_start <= start and end <= label_end:  # the selection was in the link's text
                return new, start - 1, end - 1
            return new, match.start(), match.start() + len(match[1])
    if start == end:
        start, end = _word(text, start)
    else:
        start, end = _trimmed(text, start, end)
    label = text[start:end]
    if label and is_url(label) and not url:  # an address selected: it is the target
        new = text[:start] + f"[]({label})" + text[end:]
        return new, start + 1, start + 1
    address = url.strip() or URL_PLACEHOLDER
    new = text[:start] + f"[{label}]({address})" + text[end:]
    if not label:
        return new, start + 1, start + 1
    at = start + len(label) + 3
    return new, at, at + len(address)


def _units(text: str) -> list[int]:
    """Each code point's offset in UTF-16 units, with one more at the end."""
    return list(accumulate((2 if ord(char) > 0xFFFF else 1 for char in text), initial=0))


def apply(cursor: QTextCursor, change: Callable[[str, int, int], Edit]) -> None:
    """Run ``change`` over the lines the cursor's selection touches and put the result in the
    document (only the part that changed), selecting what it selects. One undo step."""
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    base = first.position()
    span = QTextCursor(document)
    span.setPosition(base)
    span.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    old = span.selectedText().replace("\u2029", "\n")
    units = _units(old)
    index = {unit: at for at, unit in enumerate(units)}
    start = index.get(cursor.selectionStart() - base, 0)
    end = index.get(cursor.selectionEnd() - base, len(old))
    new, new_start, new_end = change(old, start, end)
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    tail = 0
    while tail < min(len(old), len(new)) - same and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    new_units = _units(new)
    cursor.beginEditBlock()
    try:
        edit = QTextCursor(document)
        edit.setPosition(base + units[same])
        edit.setPosition(base + units[len(old) - tail], QTextCursor.MoveMode.KeepAnchor)
        edit.insertText(new[same : len(new) - tail])
    finally:
        cursor.endEditBlock()
    cursor.setPosition(base + new_units[new_start])
    cursor.setPosition(base + new_units[new_end], QTextCursor.MoveMode.KeepAnchor)


def toggle(cursor: QTextCursor, marker: str) -> None:
    """Ctrl+B (``**``), Ctrl+I (``*``), Ctrl+` (a backtick) on ``cursor``: one undo step."""
    apply(cursor, lambda text, start, end: toggled(text, start, end, marker))


def toggle_link(cursor: QTextCursor, url: str = "") -> None:
    """Ctrl+K on ``cursor`` (``url``: an address from the clipboard, if any): one undo step."""
    apply(cursor, lambda text, start, end: toggled_link(text, start, end, url))
