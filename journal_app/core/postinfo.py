"""What the journal knows of one post without holding its text: :class:`PostInfo`, read from a
file (never raising: a file that cannot be read becomes a summary with a problem), written to and
read back from the summary index, and the newest-first order of posts.

A file whose header is simple (see :mod:`.searchheader`) is summarized from its header alone,
without building a :class:`.Post`; the tests compare both ways on every kind of post known.
Nothing here imports the post reader (or YAML) until a file is read, so that a command reading
only the index loads neither."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, cast

from .problems import ProblemKind
from .words import Words, from_plain, to_plain

if TYPE_CHECKING:
    from .post import Post

Written: TypeAlias = "tuple[bytes | Post, os.stat_result]"  # what a save wrote (see summary_of)
MAX_LISTED_TAGS = 100  # tags a post contributes to the journal's summaries (the sidebar)


@dataclass
class PostInfo:
    """What the journal knows of one post without holding its text."""

    path: Path
    relpath: str
    title: str
    date: datetime
    tags: list[str] = field(default_factory=list)
    description: str = ""
    problems: list[str] = field(default_factory=list)
    header_invalid: bool = False
    readable: bool = True
    stamp: tuple[int, int] | None = None  # (mtime_ns, size) of the file when it was read
    draft: bool = False  # "draft: true" in the header (Jekyll and Hugo do not publish it)
    problem_kinds: list[ProblemKind] = field(default_factory=list)  # one for each of problems
    problem_words: list[Words] = field(default_factory=list)  # each of problems as its template and values

    @classmethod
    def of(cls, post: Post, relpath: str) -> PostInfo:
        """The summary of a loaded post."""
        return cls(
            cast(Path, post.path),  # a post of the journal: read from its file
            relpath,
            post.title,
            post.date,
            post.tags[:MAX_LISTED_TAGS],
            post.description,
            post.problems,
            post.header_invalid,
            stamp=post.stamp,
            draft=post.metadata.get("draft") in (True, "true", "yes"),
            problem_kinds=[problem.kind for problem in post.problem_details],
            problem_words=[problem.full_words for problem in post.problem_details],
        )

    @classmethod
    def unreadable(
        cls, path: Path, relpath: str, message: str | Words, kind: ProblemKind = ProblemKind.UNREADABLE
    ) -> PostInfo:
        """The summary of a file that could not be read at all, for a problem of ``kind``
        (``message`` its sentence, or the sentence's Words)."""
        said = message if isinstance(message, Words) else Words("{message}", {"message": message})
        try:
            stamp = datetime.fromtimestamp(os.lstat(path).st_mtime).astimezone()
        except OSError:
            stamp = datetime.now().astimezone()
        return cls(
            path,
            relpath,
            path.stem,
            stamp,
            problems=[str(said)],
            readable=False,
            problem_kinds=[kind],
            problem_words=[said],
        )

    def to_dict(self) -> dict:
        """The summary as plain JSON-ready values (for the index)."""
        return {
            "title": self.title,
            "date": self.date.isoformat(),
            "tags": self.tags,
            "description": self.description,
            "problems": self.problems,
            "header_invalid": self.header_invalid,
            "readable": self.readable,
            "stamp": list(self.stamp) if self.stamp else None,
            "draft": self.draft,
            "problem_kinds": [str(kind) for kind in self.problem_kinds],
            "problem_words": [to_plain(said) for said in self.problem_words],
        }

    @classmethod
    def from_dict(cls, path: Path, relpath: str, data: dict) -> PostInfo:
        """A summary read back from the index; ValueError when ``data`` is not one that
        ``to_dict`` wrote (a damaged entry). (A warm open takes its values through ``summary_values``.)"""
        return cls(path, relpath, *summary_values(data))

    @property
    def metadata(self) -> dict:
        """The post's parsed header, read from disk now."""
        return self.load().metadata

    def load(self, root: str | os.PathLike | None = None) -> Post:
        """The full post, read from disk now (never, when it is a link out of ``root``)."""
        from .post import load_post

        return load_post(self.path, root)


def _strings(value: object) -> bool:
    return type(value) is list and set(map(type, value)) <= _STR


_STR = {str}


SummaryValues = tuple[
    str, datetime, list[str], str, list[str], bool, bool, "tuple[int, int] | None", bool, list, list
]


def summary_values(data: dict) -> SummaryValues:
    """The fields of a :class:`PostInfo` after its path and relpath (title, date, tags, description,
    problems, header_invalid, readable, stamp, draft, problem_kinds, problem_words) from a dict
    that ``to_dict`` wrote; ValueError for a damaged entry. The checks are plain type tests:
    a warm open makes them once a post."""
    try:
        title, description = data["title"], data["description"]
        tags, problems, kinds = data["tags"], data["problems"], data["problem_kinds"]
        header_invalid = data["header_invalid"]
        readable, draft = data.get("readable", True), data.get("draft", False)
        stamp = data.get("stamp")
        date = datetime.fromisoformat(data["date"])
        words = data["problem_words"]
        # (most posts have no problem: no list made for them)
        problem_kinds = [ProblemKind(kind) for kind in kinds] if kinds else []
        problem_words = [from_plain(said) for said in words] if words else []
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a post summary: {exc!r}") from None
    if not (
        type(title) is str
        and type(description) is str
        and _strings(tags)
        and (_strings(problems) if problems else type(problems) is list)
        and type(kinds) is list
        and type(words) is list
        and len(problem_kinds) == len(problems)
        and len(problem_words) == len(problems)
        and type(header_invalid) is bool
        and type(readable) is bool
        and type(draft) is bool
        and date.tzinfo is not None
        and (
            stamp is None
            or (type(stamp) is list and len(stamp) == 2 and all(type(part) is int for part in stamp))
        )
    ):
        raise ValueError("not a post summary: a value of the wrong kind")
    return (
        title,
        date,
        tags[:MAX_LISTED_TAGS],
        description,
        problems,
        header_invalid,
        readable,
        (stamp[0], stamp[1]) if stamp is not None else None,
        draft,
        problem_kinds,
        problem_words,
    )


def read_summary(path: str, relpath: str, root: str | None = None) -> PostInfo:
    """Read one file into a summary; never raises. A file that is a link out of ``root`` is not
    read: its summary says so. A simple file is summarized from its header alone."""
    from .post import Post, load_post, read_error_kind, read_error_words

    location = Path(path)
    try:
        if root is not None and _plainly_inside(path, root):
            from .boundary import read_file
            from .post import MAX_POST_BYTES

            data, info = read_file(location, MAX_POST_BYTES)  # as load_post reads it
            return _quick_summary(data, info, location, relpath) or PostInfo.of(
                Post(data, location, info), relpath
            )
        return PostInfo.of(load_post(location, root), relpath)
    except OSError as exc:
        return PostInfo.unreadable(location, relpath, read_error_words(location, exc), read_error_kind(exc))


def summary_of(source: bytes | Post, info: os.stat_result, path: Path, relpath: str) -> PostInfo:
    """The summary of a post file just written (nothing is read), as :func:`read_summary`
    makes it from the file: from the post itself when it holds what was written (its header
    is read already), else from the bytes written."""
    from .post import Post

    if isinstance(source, Post):
        return PostInfo.of(source, relpath)
    return _quick_summary(source, info, path, relpath) or PostInfo.of(Post(source, path, info), relpath)


def _quick_summary(data: bytes, info: os.stat_result, path: Path, relpath: str) -> PostInfo | None:
    """The summary of a simple file (:func:`.searchheader.simple_post`), the same as
    :meth:`PostInfo.of` of its :class:`.Post`; None for any other file."""
    from .searchheader import simple_fields, simple_post

    simple = simple_post(data)
    if simple is None:
        return None
    fields = simple_fields(simple, str(path), info.st_mtime)
    if len(fields.tags) > MAX_LISTED_TAGS:  # a problem says so: the Post reads it
        return None
    return PostInfo(
        path,
        relpath,
        fields.title,
        fields.date,
        fields.tags,
        fields.description,
        stamp=(info.st_mtime_ns, info.st_size),
        draft=simple.metadata.get("draft") in (True, "true", "yes"),
    )


def _plainly_inside(path: str, root: str) -> bool:
    """True when ``path`` is below ``root`` through plain folders and is no link itself, so
    that it lies inside the journal without resolving every folder up to ``/`` (``realpath``
    costs a dozen system calls a file); False when that has to be found out the long way."""
    prefix = root.rstrip(os.sep) + os.sep
    if not path.startswith(prefix):
        return False
    parts = path[len(prefix) :].split(os.sep)
    if any(part in ("", ".", "..") for part in parts):
        return False
    try:
        for depth in range(1, len(parts) + 1):
            if os.path.islink(prefix + os.sep.join(parts[:depth])):
                return False
    except (OSError, ValueError):
        return False
    return True


def read_summaries(items: list[tuple[str, str, str]]) -> list[dict]:
    """Summaries of several (path, relpath, root) files as plain dicts, cheap to send back."""
    return [read_summary(path, relpath, root).to_dict() for path, relpath, root in items]


def order_key(info: PostInfo) -> tuple[float, str]:
    """Where a post sorts among others: newest first, then by path for a stable order."""
    return (-info.date.timestamp(), info.relpath)


def newest_first(posts: list[PostInfo]) -> list[PostInfo]:
    """Posts sorted by date, newest first, then by path for a stable order."""
    return sorted(posts, key=order_key)
