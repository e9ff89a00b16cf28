"""One post file: exact bytes in, exact bytes out, a read-only metadata view and minimal edits.

A :class:`Post` keeps the file's header text verbatim and its body with the original line
endings. ``to_bytes()`` returns the original bytes when nothing changed, the original header
bytes plus the new body when only the body changed, and touches only the edited key's lines when
a field is set. Reading never raises for bad content: it records problems instead.

Only regular files are read: a named pipe, socket or device (or a link to one) named ``*.md``
is refused before it is opened, as is a link that leads outside the journal when the journal is
known, so that nothing a folder holds can block a read or leak a file from elsewhere.
"""

from __future__ import annotations

import errno
import html
import os
import stat as stat_module
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .dates import date_from_path, parse_date
from .encoding import Decoded, decode, dominant_newline, normalize_newlines, with_newline
from .errors import ConflictError, HeaderError, SaveError
from .boundary import MAX_POST_BYTES, read_file, real_inside
from .frontmatter import Header, line_count, split_header
from .postinfo import MAX_LISTED_TAGS
from .problems import HEADER_KINDS, Problem, ProblemKind, RefusedFile
from .scan import first_heading
from .storage import atomic_write, os_error_words
from .words import QT_TRANSLATE_NOOP, Words
from .tags import TAG_KEYS, split_tags  # noqa: F401  (re-exported: they lived here)
from .tags import merged_tags, set_tags as write_tags

OUTSIDE_LINK = QT_TRANSLATE_NOOP("Core", "the file is a link to a place outside the journal; it is not read")
_MISSING = object()
# headers whose simple lines are still read for display: YAML that did not parse (velog-backup's
# unescaped quotes) or held undecodable bytes; never one refused for size, depth or aliases
_SALVAGED_KINDS = (None, ProblemKind.INVALID_HEADER, ProblemKind.HEADER_UNDECODABLE)
_SALVAGE = re.compile(r"^(title|date|tags|keywords|description|summary)[ \t]*:[ \t]*(.*?)[ \t]*$")


class Post:
    """A post file held in memory so that it can be written back byte for byte."""

    def __init__(
        self, data: bytes, path: str | os.PathLike | None = None, stat: os.stat_result | None = None
    ):
        self.path = path if isinstance(path, Path) or path is None else Path(path)
        self._stat = (stat.st_mtime_ns, stat.st_size) if stat is not None else None
        self._mtime = stat.st_mtime if stat is not None else None
        self._issues: list[Problem] = []
        self._read(data)

    def _read(self, data: bytes) -> None:
        self._original = data
        self._converted = False
        self._decoded: Decoded = decode(data)
        if self._decoded.problem is not None:
            self._issues.append(self._decoded.problem)
        if b"\x00" in data[:8192]:
            self._issues.append(
                Problem.of(
                    QT_TRANSLATE_NOOP("Core", "The file contains NUL bytes; it looks like a binary file."),
                    kind=ProblemKind.NUL_BYTES,
                )
            )
        text = self._decoded.text
        self._newline: str | None = None
        self._header, self._body_raw = split_header(text)
        self._header_original = self._header.text if self._header else ""
        self._body = normalize_newlines(self._body_raw)
        self._body_original = self._body
        self._salvaged: tuple[Header, dict[str, str | list[str]]] | None = None
        if self._header is not None and self._header.problem is not None:
            self._issues.append(self._header.problem)
        count = len(self.tags)
        if count > MAX_LISTED_TAGS:
            self._issues.append(
                Problem.of(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "the header has {count:,} tags; only the first {listed} are listed in the journal",
                    ),
                    kind=ProblemKind.TOO_MANY_TAGS,
                    count=count,
                    listed=MAX_LISTED_TAGS,
                )
            )

    # -- reading -------------------------------------------------------------------------
    @property
    def newline(self) -> str:
        """The file's line ending (the one used most), used for edited text."""
        if self._newline is None:
            self._newline = dominant_newline(self._decoded.text)
        return self._newline

    @property
    def encoding(self) -> str:
        """The codec the file is written in ("utf-8", "utf-8-sig" for a BOM, "cp949")."""
        return self._decoded.encoding

    @property
    def header(self) -> Header | None:
        """The front matter (kind, verbatim text, metadata, error), or None."""
        return self._header

    @property
    def header_text(self) -> str:
        """The front matter exactly as written, with "\\n" line endings."""
        return normalize_newlines(self._header.text) if self._header else ""

    @property
    def metadata(self) -> dict:
        """The parsed header; empty when there is none or it could not be read."""
        return self._header.metadata if self._header is not None else {}

    @property
    def problems(self) -> list[str]:
        """Readable messages about what could not be read as expected."""
        return [str(problem) for problem in self._issues]

    @property
    def problem_details(self) -> list[Problem]:
        """The problems with their file lines and kinds."""
        return list(self._issues)

    def has_problem(self, kind: ProblemKind) -> bool:
        """True when the post has a problem of ``kind``."""
        return any(problem.kind == kind for problem in self._issues)

    @property
    def header_invalid(self) -> bool:
        """True when the post has a header that could not be read as a mapping."""
        return self._header is not None and not self._header.valid

    @property
    def body(self) -> str:
        """The text after the header, with "\\n" line endings."""
        return self._body

    @body.setter
    def body(self, text: str) -> None:
        self._body = normalize_newlines(text)

    @property
    def body_start_line(self) -> int:
        """The 1-based file line on which the body begins."""
        if self._header is None:
            return 1
        return line_count(self._header.text) + 1

    def _fallback(self) -> dict:
        """Best-effort values from the simple lines of a header YAML could not parse (display
        only): velog-backup's unescaped quotes. None from a header refused for its size, depth or
        aliases, and no alias (``*name``) is taken for a value."""
        header = self._header
        if (
            header is None  # (then not header_invalid either)
            or not self.header_invalid
            or header.kind != "yaml"
            or header.error_kind not in _SALVAGED_KINDS
        ):
            return {}
        if self._salvaged is not None and self._salvaged[0] is header:
            return self._salvaged[1]
        found: dict[str, str | list[str]] = {}
        for line in normalize_newlines(header.text).split("\n"):
            match = _SALVAGE.match(line)
            if match and match[2] and not match[2].startswith("*"):
                value = match[2]
                if value.startswith("[") and value.endswith("]"):
                    parts = [part.strip().strip("\"'") for part in value[1:-1].split(",")]
                    if not any(part.startswith("*") for part in parts):  # no aliases either
                        found[match[1]] = parts
                else:
                    found[match[1]] = (
                        value[1:-1]
                        if value[:1] == value[-1:] and value[:1] in "\"'" and len(value) > 1
                        else value
                    )
        self._salvaged = (header, found)
        return found

    def _field(self, *names: str) -> object:
        for source in (self.metadata, self._fallback()):
            for name in names:
                if source.get(name) not in (None, "", []):
                    return source[name]
        return None

    @property
    def title(self) -> str:
        """The header title, else the first ``# `` heading, else the file name."""
        value = self._field("title")
        if _is_scalar(value):  # a list or mapping is not a title (nor joined into one)
            return str(value).strip()
        heading = first_heading(self._body)
        if heading:
            return heading
        return self.path.stem if self.path is not None else ""

    @property
    def date(self) -> datetime:
        """A timezone-aware date: header, file name, dated folder, then modification time."""
        value = parse_date(self._field("date"))
        if value is None and self.path is not None:
            value = date_from_path(self.path.parts)
        if value is None:
            stamp = self._mtime if self._mtime is not None else datetime.now().timestamp()
            value = datetime.fromtimestamp(stamp).astimezone()
        return value

    @property
    def tags(self) -> list[str]:
        """Tags from ``tags``, Hugo's ``keywords`` and Jekyll's ``categories``/``category``:
        each a list or a comma/space separated string; the first of duplicates kept."""
        return merged_tags(self._field)

    def set_tags(self, tags: list[str]) -> None:
        """Make ``tags`` the post's tags (see :func:`tags.set_tags`): kept tags stay under
        their own keys, new ones go to ``tags``."""
        write_tags(self, tags)

    @property
    def description(self) -> str:
        """The description (or Hugo summary), HTML entities decoded, for display."""
        value = self._field("description", "summary")
        return html.unescape(str(value)).strip() if _is_scalar(value) else ""

    # -- editing -------------------------------------------------------------------------
    def set_field(self, name: str, value: object) -> None:
        """Set one header key, rewriting only its lines in the file's own style."""
        current = self.metadata.get(name, _MISSING)
        wanted = list(value) if isinstance(value, tuple) else value
        if current == wanted and type(current) is type(wanted):
            return  # nothing to change: not even a re-quoting
        from .fields import edit_header, new_yaml_header  # (editing: not needed to read a post)

        if self._header is None:
            self._header = new_yaml_header(name, value, self.newline)
        else:
            self._header = edit_header(self._header, name, value, self._header_newline())

    def remove_field(self, name: str) -> None:
        """Remove one header key and only its lines."""
        if self._header is None:
            return
        from .fields import edit_header

        self._header = edit_header(self._header, name, None, self._header_newline(), remove=True)

    def set_header_text(self, text: str) -> None:
        """Replace the whole header with ``text`` (for fixing an unreadable header by hand)."""
        text = normalize_newlines(text)
        if text and not text.endswith("\n"):
            text += "\n"
        header, rest = split_header(with_newline(text, self._header_newline()))
        if text and (header is None or rest):
            raise HeaderError(
                QT_TRANSLATE_NOOP("Core", "The text is not a front matter block between --- lines.")
            )
        self._header = header
        self._issues = [p for p in self._issues if p.kind not in HEADER_KINDS]  # the old header's
        if header is not None and header.problem is not None:
            self._issues.append(header.problem)

    def _header_newline(self) -> str:
        return (
            dominant_newline(self._header.text)
            if self._header and ("\n" in self._header.text or "\r" in self._header.text)
            else self.newline
        )

    @property
    def modified(self) -> bool:
        """True when ``to_bytes()`` would differ from the bytes last read or saved."""
        return (
            self._converted
            or self._body != self._body_original
            or (self._header.text if self._header else "") != self._header_original
        )

    def to_bytes(self) -> bytes:
        """The file's bytes: unchanged parts exactly as read."""
        if not self.modified:
            return self._original
        header = self._header.text if self._header else ""
        body = self._body_raw if self._body == self._body_original else with_newline(self._body, self.newline)
        try:
            return self._decoded.encode(header + body)
        except UnicodeEncodeError as exc:
            raise SaveError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The text contains {text!r}, which the file's encoding {encoding} cannot hold; "
                    "convert the file to UTF-8 to save it.",
                ),
                text=exc.object[exc.start : exc.end],
                encoding=self.encoding,
            ) from exc

    def convert_to_utf8(self) -> None:
        """Save from now on as plain UTF-8 (for legacy-encoded files)."""
        self._decoded = Decoded(self._decoded.text, "utf-8", self._decoded.errors)
        self._converted = True

    @property
    def saved_bytes(self) -> bytes:
        """The bytes last read from the file or written to it (``to_bytes()`` once the post is
        edited on while a save of an earlier moment is written)."""
        return self._original

    @property
    def stamp(self) -> tuple[int, int] | None:
        """(mtime_ns, size) of the file when it was read or last saved."""
        return self._stat

    def changed_on_disk(self) -> bool:
        """True when the file at ``path`` is not the one this post was read from or saved to."""
        return self.path is not None and _differs(self.path, self._stat)

    def _mark_saved(self, job: SaveJob, info: os.stat_result | None) -> None:
        """``job``'s bytes are in its file (``info``: the file then): the post is saved as it
        was when the job was taken, whatever was edited since."""
        self.path = job.path
        self._original = job.data
        self._header_original = job.header.text if job.header else ""
        if job.body != self._body_original:
            self._body_raw = with_newline(job.body, self.newline)
        self._body_original = job.body
        if self._decoded is job.decoded:  # (not converted to UTF-8 since)
            self._converted = False
        if info is not None:
            self._stat, self._mtime = (info.st_mtime_ns, info.st_size), info.st_mtime
        else:
            self._stat = None


def _differs(path: Path, stamp: tuple[int, int] | None) -> bool:
    """True when the file at ``path`` is not the one ``stamp`` (mtime_ns, size) was taken of."""
    if stamp is None:
        return False
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False  # gone: saving creates it again
    if not stat_module.S_ISREG(info.st_mode):
        return False  # no longer a file (a folder now): saving reports that clearly
    return (info.st_mtime_ns, info.st_size) != stamp


@dataclass(frozen=True)
class SaveJob:
    """A save taken from a post at one moment (``prepare_save``): the bytes, where they go and
    the text they hold. ``write`` may run on another thread while the post is edited on; then
    ``done``, on the post's own thread, marks the post saved as it was at that moment."""

    post: Post
    path: Path
    data: bytes
    header: Header | None
    body: str
    decoded: Decoded
    stamp: tuple[int, int] | None  # the file the post knew; None: overwrite whatever is there

    def write(self) -> os.stat_result | None:
        """Write the bytes atomically (raises SaveError); refuses with ConflictError when the
        file changed on disk since the job was taken. Returns the file as written."""
        if _differs(self.path, self.stamp):
            raise _conflict(self.path)
        return atomic_write(self.path, self.data)  # (its stamp: a stat now could be another's)

    def done(self, info: os.stat_result | None) -> None:
        """After ``write`` returned ``info``: the post is saved as of the job."""
        self.post._mark_saved(self, info)


def _is_scalar(value: object) -> bool:
    """True for a value that reads as one piece of text (not None, a list or a mapping)."""
    return value is not None and not isinstance(value, (list, tuple, dict, set))


def load_post(path: str | os.PathLike, root: str | os.PathLike | None = None) -> Post:
    """Read a post file. Raises OSError, with a plain reason, when the file cannot be read at
    all or must not be: it is not a regular file (a pipe would block the read, a device never
    ends), it is too large, or, when the journal ``root`` is given, it is a link to a place
    outside it."""
    path = path if isinstance(path, Path) else Path(path)
    if root is not None and not real_inside(path, root):
        raise RefusedFile(Words(OUTSIDE_LINK), ProblemKind.OUTSIDE_JOURNAL)
    data, info = read_file(path, MAX_POST_BYTES)
    return Post(data, path, info)


def prepare_save(post: Post, path: str | os.PathLike | None = None, *, force: bool = False) -> SaveJob:
    """The save of ``post`` as it is now, to ``path`` (default: where it was read from), not
    yet written. Raises ConflictError and SaveError as :func:`save_post` does."""
    target = Path(path) if path is not None else post.path
    if target is None:
        raise SaveError(QT_TRANSLATE_NOOP("Core", "The post has no file yet; choose where to save it."))
    checked = not force and target == post.path
    if checked and post.changed_on_disk():
        raise _conflict(target)
    stamp = post.stamp if checked else None
    return SaveJob(post, target, post.to_bytes(), post.header, post.body, post._decoded, stamp)


def _conflict(path: Path) -> ConflictError:
    return ConflictError(
        QT_TRANSLATE_NOOP(
            "Core", "{path} changed on disk since it was opened; saving now would overwrite that change."
        ),
        path=path,
    )


def save_post(post: Post, path: str | os.PathLike | None = None, *, force: bool = False) -> None:
    """Write ``post`` atomically to ``path`` (default: where it was read from).

    Raises :class:`ConflictError` when the file changed on disk since it was read, unless
    ``force`` is true, and :class:`SaveError` when the write fails (the old file is untouched).
    """
    job = prepare_save(post, path, force=force)
    job.done(job.write())


def read_error_message(path: Path, exc: OSError) -> str:
    """One sentence for a post that could not be read."""
    return str(read_error_words(path, exc))


def read_error_words(path: Path, exc: OSError) -> Words:
    """:func:`read_error_message` as :class:`Words`, for the window to translate."""
    own = getattr(exc, "words", None)  # a RefusedFile's reason
    if exc.errno:
        reason = os_error_words(exc)
    elif isinstance(own, Words):
        reason = own
    else:
        reason = Words("{reason}", {"reason": str(exc)})
    return Words(
        QT_TRANSLATE_NOOP("Core", "Could not read {path}: {reason}."), {"path": path, "reason": reason}
    )


def read_error_kind(exc: OSError) -> ProblemKind:
    """The kind of problem an OSError from :func:`load_post` stands for."""
    if isinstance(exc, RefusedFile):
        return exc.kind
    return ProblemKind.SYMLINK_LOOP if exc.errno == errno.ELOOP else ProblemKind.UNREADABLE
