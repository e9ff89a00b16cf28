"""Repairs for what velog-backup writes wrong, each a set of one-line edits shown as a diff first.

- A header YAML cannot read because the tool wrote a raw ``"`` or ``\\`` inside the double-quoted
  ``title`` or ``description`` (it builds the header by joining strings): "Fix header" escapes
  exactly those characters on those lines (``\\`` becomes ``\\\\``, ``"`` becomes ``\\"``), so the
  header reads back with the text velog showed. It is offered only when the fixed header reads
  as a mapping and every fixed line reads back as the raw text it held.
- ``undefined`` lines (images the tool failed to download): "Remove" deletes those lines.

Edits work on the file's bytes line by line: every other byte stays as it was, line endings
included. A repair is written with :func:`.storage.atomic_write`, and refused when the file
changed since the repair was worked out.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConflictError
from .post import Post
from .problems import ProblemKind
from .scan import prose_lines
from .words import QT_TRANSLATE_NOOP, Words, words

HEADER = "header"
UNDEFINED = "undefined"
_QUOTED = re.compile(r'^(?P<head>(?:title|description)[ \t]*:[ \t]*)"(?P<inner>.*)"(?P<tail>[ \t]*)$')
_RAW = re.compile(r'["\\]')
_LINE_END = re.compile(r"\r\n|\r|\n")  # as bytes.splitlines and the post's line numbers


@dataclass(frozen=True)
class LineEdit:
    """One line of a file (1-based), as it reads now and as it is to read (None: removed)."""

    line: int
    old: str
    new: str | None


@dataclass(frozen=True)
class Repair:
    """One repair of a post: its kind (``HEADER`` or ``UNDEFINED``) and its line edits."""

    kind: str
    edits: tuple[LineEdit, ...]

    @property
    def label_words(self) -> Words:
        """What the repair does, for a button or a log line (translated by the window)."""
        if self.kind == HEADER:
            return words(QT_TRANSLATE_NOOP("Core", "Fix header"))
        return words(QT_TRANSLATE_NOOP("Core", "Remove {count} 'undefined' line(s)"), count=len(self.edits))

    @property
    def label(self) -> str:
        """:attr:`label_words` as English text."""
        return str(self.label_words)


def _escape(text: str) -> str:
    return _RAW.sub(lambda match: "\\" + match[0], text)


def header_repair(post: Post) -> Repair | None:
    """The "Fix header" repair of a velog-backup header that does not parse, or None when the
    header parses, is not YAML, or escaping the title and description would not make it read."""
    header = post.header
    if header is None or header.valid or header.kind != "yaml":
        return None
    if header.error_kind != ProblemKind.INVALID_HEADER:
        return None
    edits: list[LineEdit] = []
    intended: dict[str, str] = {}
    lines = _LINE_END.split(header.own_text)  # (from its opening line: the blank lines before it counted)
    for number, line in enumerate(lines[1:-1], start=header.lead_lines + 2):
        match = _QUOTED.match(line)
        if match and _RAW.search(match["inner"]):
            fixed = f'{match["head"]}"{_escape(match["inner"])}"{match["tail"]}'
            edits.append(LineEdit(number, line, fixed))
            intended[line.split(":", 1)[0].strip()] = match["inner"]
    if not edits:
        return None
    repair = Repair(HEADER, tuple(edits))
    fixed_post = Post(apply_edits(post.to_bytes(), repair.edits, post.encoding))
    if not fixed_post.header or not fixed_post.header.valid:
        return None
    if any(fixed_post.metadata.get(key) != value for key, value in intended.items()):
        return None
    return repair


def undefined_repair(post: Post) -> Repair | None:
    """Removing every ``undefined`` line outside code (None when there is none)."""
    offset = post.body_start_line
    edits = tuple(
        LineEdit(offset + index, line, None)
        for index, line in prose_lines(post.body)
        if line.strip() == "undefined"
    )
    return Repair(UNDEFINED, edits) if edits else None


def repairs_of(post: Post) -> list[Repair]:
    """The repairs ``post`` can take, the header's first."""
    return [repair for repair in (header_repair(post), undefined_repair(post)) if repair is not None]


def apply_edits(data: bytes, edits: tuple[LineEdit, ...] | list[LineEdit], encoding: str = "utf-8") -> bytes:
    """``data`` with ``edits`` made; every other byte (line endings too) as it was. Raises
    ConflictError when a line does not read as the edit expects."""
    lines = data.splitlines(keepends=True)
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    by_line = {edit.line: edit for edit in edits}
    out: list[bytes] = []
    for number, raw in enumerate(lines, start=1):
        edit = by_line.get(number)
        if edit is None:
            out.append(raw)
            continue
        body = raw.rstrip(b"\r\n")
        if body.decode(codec, errors="replace").lstrip("\ufeff") != edit.old:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Core", "line {line} is not what the repair expected; nothing was changed"),
                line=number,
            )
        if edit.new is not None:
            out.append(edit.new.encode(codec) + raw[len(body) :])
    if max(by_line, default=0) > len(lines):
        raise ConflictError(
            QT_TRANSLATE_NOOP("Core", "the file is shorter than the repair expected; nothing was changed")
        )
    return b"".join(out)


def diff(repair: Repair, name: str) -> str:
    """The repair as a unified diff of the lines it touches, without context lines."""
    out = [f"--- a/{name}", f"+++ b/{name}"]
    for edit in repair.edits:
        out.append(f"@@ -{edit.line},1 +{edit.line},{0 if edit.new is None else 1} @@")
        out.append(f"-{edit.old}")
        if edit.new is not None:
            out.append(f"+{edit.new}")
    return "\n".join(out) + "\n"


def write_repairs(path: str | os.PathLike, original: bytes, repairs: list[Repair], encoding: str) -> bytes:
    """Make ``repairs`` (worked out on ``original``) in the file at ``path`` atomically; returns
    the new bytes. Raises ConflictError when the file no longer holds ``original``."""
    from .storage import atomic_write

    target = Path(path)
    if target.read_bytes() != original:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Core", "{name} changed since it was checked; nothing was changed"),
            name=target.name,
        )
    edits = [edit for repair in repairs for edit in repair.edits]
    data = apply_edits(original, edits, encoding)
    atomic_write(target, data)
    return data
