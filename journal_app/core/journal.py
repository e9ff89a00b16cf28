"""A folder of posts: scanning it, one summary per post, and grouping by tag and by date.

The scan walks the folder recursively for ``*.md`` and ``*.markdown``, skipping hidden folders
and build output, never following symlinked folders (so a loop cannot trap it). One bad file
never stops a scan: it becomes a summary with a problem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .post import Post, load_post, read_error_message

POST_SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset({"_site", "public", "node_modules"})
UNTAGGED = ""  # the by_tag() key of posts without tags; no real tag is empty


@dataclass
class PostInfo:
    """What the journal knows of one post without holding its text."""

    path: Path
    relpath: str
    title: str
    date: datetime
    tags: list[str] = field(default_factory=list)
    description: str = ""
    metadata: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    header_invalid: bool = False
    readable: bool = True

    @classmethod
    def of(cls, post: Post, root: Path) -> "PostInfo":
        """The summary of a loaded post."""
        return cls(post.path, _relative(post.path, root), post.title, post.date, post.tags,
                   post.description, post.metadata, post.problems, post.header_invalid)

    @classmethod
    def unreadable(cls, path: Path, root: Path, message: str) -> "PostInfo":
        """The summary of a file that could not be read at all."""
        try:
            stamp = datetime.fromtimestamp(os.lstat(path).st_mtime).astimezone()
        except OSError:
            stamp = datetime.now().astimezone()
        return cls(path, _relative(path, root), path.stem, stamp, problems=[message],
                   readable=False)

    def load(self) -> Post:
        """The full post, read from disk now."""
        return load_post(self.path)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def newest_first(posts: list[PostInfo]) -> list[PostInfo]:
    """Posts sorted by date, newest first, then by path for a stable order."""
    return sorted(posts, key=lambda info: (-info.date.timestamp(), info.relpath))


def summarize(path: Path, root: Path) -> PostInfo:
    """Read one file into a summary; never raises."""
    try:
        return PostInfo.of(load_post(path), root)
    except OSError as exc:
        return PostInfo.unreadable(path, root, read_error_message(path, exc))


class Journal:
    """A folder of markdown posts, read once on construction and updated file by file."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).absolute()
        if not self.root.is_dir():
            raise NotADirectoryError(f"{self.root} is not a folder")
        self.problems: list[str] = []  # folders that could not be read
        self._posts: dict[Path, PostInfo] = {}
        self.rescan()

    def rescan(self) -> None:
        """Read the whole folder again."""
        self.problems = []
        self._posts = {path: summarize(path, self.root) for path in self.post_paths()}

    def post_paths(self) -> list[Path]:
        """Every post file under the root, in a stable order."""
        found = []

        def note(error: OSError) -> None:
            self.problems.append(read_error_message(Path(error.filename or self.root), error))

        for folder, folders, files in os.walk(self.root, onerror=note):
            folders[:] = sorted(name for name in folders
                                if not name.startswith(".") and name not in SKIPPED_FOLDERS)
            for name in sorted(files):
                if name.lower().endswith(POST_SUFFIXES) and not name.startswith("."):
                    found.append(Path(folder, name))
        return found

    @property
    def posts(self) -> list[PostInfo]:
        """Every post, newest first."""
        return newest_first(list(self._posts.values()))

    def get(self, path: str | os.PathLike) -> PostInfo | None:
        """The summary of the post at ``path``, if the journal has it."""
        return self._posts.get(Path(path).absolute())

    def refresh(self, path: str | os.PathLike) -> PostInfo | None:
        """Read one file again (added or changed); forget it when it is gone."""
        path = Path(path).absolute()
        if not path.is_file():
            self._posts.pop(path, None)
            return None
        info = summarize(path, self.root)
        self._posts[path] = info
        return info

    def by_tag(self) -> dict[str, list[PostInfo]]:
        """Tag -> posts newest first, most used tags first; untagged posts under ``UNTAGGED``."""
        groups: dict[str, list[PostInfo]] = {}
        for info in self.posts:
            for tag in info.tags or [UNTAGGED]:
                groups.setdefault(tag, []).append(info)
        order = sorted(groups, key=lambda tag: (tag == UNTAGGED, -len(groups[tag]), tag.casefold()))
        return {tag: groups[tag] for tag in order}

    def by_date(self) -> dict[int, dict[int, list[PostInfo]]]:
        """Year -> month -> posts newest first, newest years and months first."""
        years: dict[int, dict[int, list[PostInfo]]] = {}
        for info in self.posts:
            years.setdefault(info.date.year, {}).setdefault(info.date.month, []).append(info)
        return {year: dict(sorted(years[year].items(), reverse=True))
                for year in sorted(years, reverse=True)}

    def tag_counts(self) -> list[tuple[str, int]]:
        """(tag, number of posts), most used first; untagged posts are not counted."""
        return [(tag, len(posts)) for tag, posts in self.by_tag().items() if tag != UNTAGGED]
