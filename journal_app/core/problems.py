"""What can be wrong with a post or a journal folder, as data: a :class:`Problem` is a message
for people, the 1-based file line when there is one, and a :class:`ProblemKind` for code.

Code decides by kind, never by the wording of a message (messages may change or be translated).
A message is kept as its template and values too (:mod:`.words`), so the window can show it
translated: make one with :meth:`Problem.of`.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .words import QT_TRANSLATE_NOOP, Words

AT_LINE = QT_TRANSLATE_NOOP("Core", "line {line}: {message}")  # a problem with its file line


class ProblemKind(StrEnum):
    """Every kind of problem the core reports, by where it is found."""

    # the bytes (encoding.py, post.py)
    UNDECODABLE = "undecodable"  # not valid UTF-8: the bad bytes are kept as they are
    LEGACY_ENCODING = "legacy_encoding"  # read as cp949, saved back in cp949
    NUL_BYTES = "nul_bytes"  # looks like a binary file
    # the header (frontmatter.py)
    INVALID_HEADER = "invalid_header"  # a YAML or TOML syntax error
    HEADER_NOT_MAPPING = "header_not_mapping"  # a list, not keys and values
    HEADER_UNDECODABLE = "header_undecodable"  # bytes that are not text inside the header
    HEADER_TOO_LARGE = "header_too_large"  # over the size that is parsed
    HEADER_TOO_DEEP = "header_too_deep"  # nested deeper than is read
    HEADER_TOO_MANY_VALUES = "header_too_many_values"  # an alias bomb, say
    TOO_MANY_TAGS = "too_many_tags"  # only the first ones are listed (post.py)
    # a file that is not read at all (post.py)
    NOT_REGULAR = "not_regular"  # a pipe, socket, device or folder named *.md
    TOO_LARGE = "too_large"  # larger than a post may be
    OUTSIDE_JOURNAL = "outside_journal"  # a link to a place outside the journal
    SYMLINK_LOOP = "symlink_loop"  # a link that leads back to itself
    UNREADABLE = "unreadable"  # any other reason the system gives (permissions, ...)
    # folders of the journal (journal.py; a folder that is a loop of links is SYMLINK_LOOP)
    UNREADABLE_FOLDER = "unreadable_folder"  # not listed: permissions, or gone while read
    FOLDER_TOO_DEEP = "folder_too_deep"  # its subfolders lie deeper than the scan reads
    # what ``journal-app check`` adds (checks.py)
    EMPTY = "empty"
    LARGE = "large"  # not rendered while typing
    UNDEFINED_LINE = "undefined_line"  # velog-backup's trace of an image it failed to fetch
    IMAGE_MISSING = "image_missing"
    IMAGE_REFUSED = "image_refused"  # there, but never shown (outside, not a file, not an image)
    # what the platform would reject or show wrongly (publish.py)
    DESCRIPTION_CUT = "description_cut"  # velog shows 150 characters
    TITLE_TOO_LONG = "title_too_long"  # velog takes 255
    DATE_NOT_RFC3339 = "date_not_rfc3339"  # Hugo
    DRAFT = "draft"  # Hugo does not publish it
    NO_TITLE = "no_title"  # Hugo
    POST_NAME_UNDATED = "post_name_undated"  # a Jekyll _posts file Jekyll does not publish
    NAME_DATE_DIFFERS = "name_date_differs"  # Jekyll: the file name and the header disagree
    HEADER_AFTER_BLANK_LINES = "header_after_blank_lines"  # Jekyll and velog: no header there
    LINK_MISSING = "link_missing"  # a link to a post that does not exist
    NO_TAGS = "no_tags"


HEADER_KINDS = frozenset(
    {
        ProblemKind.INVALID_HEADER,
        ProblemKind.HEADER_NOT_MAPPING,
        ProblemKind.HEADER_UNDECODABLE,
        ProblemKind.HEADER_TOO_LARGE,
        ProblemKind.HEADER_TOO_DEEP,
        ProblemKind.HEADER_TOO_MANY_VALUES,
    }
)


@dataclass(frozen=True)
class Problem:
    """Something wrong with a post or a folder: a message, when known the 1-based file line, and its kind.

    ``message == template.format(**values)`` for a problem made with :meth:`of`; equality
    looks at the message, line and kind only."""

    message: str
    line: int | None = None
    kind: ProblemKind = field(kw_only=True)
    template: str = field(default="", kw_only=True, compare=False)
    values: Mapping[str, object] = field(default_factory=dict, kw_only=True, compare=False)

    @classmethod
    def of(cls, template: str, line: int | None = None, *, kind: ProblemKind, **values: object) -> Problem:
        """The problem whose message is ``template`` (marked with QT_TRANSLATE_NOOP) filled in
        with ``values``."""
        return cls(template.format(**values), line, kind=kind, template=template, values=values)

    @classmethod
    def saying(cls, said: Words, line: int | None = None, *, kind: ProblemKind) -> Problem:
        """The problem whose message is ``said``."""
        return cls(str(said), line, kind=kind, template=said.template, values=said.values)

    @property
    def words(self) -> Words:
        """The message as a template and its values (the message itself when it has none)."""
        if self.template:
            return Words(self.template, self.values)
        return Words("{message}", {"message": self.message})

    @property
    def full_words(self) -> Words:
        """What ``str()`` says: the message after its file line, when there is one."""
        return Words(AT_LINE, {"line": self.line, "message": self.words}) if self.line else self.words

    def __str__(self) -> str:
        return str(self.full_words)


class RefusedFile(OSError):
    """A file that is not read on purpose (not regular, too large, outside the journal);
    ``kind`` says why."""

    def __init__(self, message: str | Words, kind: ProblemKind):
        super().__init__(str(message))
        self.kind = kind
        self.words = message if isinstance(message, Words) else Words("{message}", {"message": message})


def folder_error_kind(exc: OSError) -> ProblemKind:
    """The kind of problem an OSError from listing a journal folder stands for."""
    return ProblemKind.SYMLINK_LOOP if exc.errno == errno.ELOOP else ProblemKind.UNREADABLE_FOLDER
