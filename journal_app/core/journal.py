"""A folder of posts: scanning it, one summary per post, and grouping by tag and by date.

The scan walks the folder recursively for ``*.md`` and ``*.markdown``, skipping hidden folders
and build output, never following symlinked folders (so a loop cannot trap it). One bad file
never stops a scan: it becomes a summary with a problem. Summaries of unchanged files come from
the SQLite index in the user's cache folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .dates import local
from .index import SummaryIndex
from .parallel import chunked_map
from .post import Post, load_post, read_error_message

POST_SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset({"_site", "public", "node_modules"})
PARALLEL_MINIMUM = 400  # fewer unindexed files than this are read in-process
CHUNK = 200
UNTAGGED = ""  # the by_tag() key of posts without tags; no real tag is empty
Progress = Callable[[int, int], None]  # (files read, files to read)


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

    @classmethod
    def of(cls, post: Post, relpath: str) -> PostInfo:
        """The summary of a loaded post."""
        return cls(post.path, relpath, post.title, post.date, post.tags, post.description,
                   post.problems, post.header_invalid, stamp=post.stamp,
                   draft=post.metadata.get("draft") in (True, "true", "yes"))

    @classmethod
    def unreadable(cls, path: Path, relpath: str, message: str) -> PostInfo:
        """The summary of a file that could not be read at all."""
        try:
            stamp = datetime.fromtimestamp(os.lstat(path).st_mtime).astimezone()
        except OSError:
            stamp = datetime.now().astimezone()
        return cls(path, relpath, path.stem, stamp, problems=[message], readable=False)

    def to_dict(self) -> dict:
        """The summary as plain JSON-ready values (for the index)."""
        return {"title": self.title, "date": self.date.isoformat(), "tags": self.tags,
                "description": self.description, "problems": self.problems,
                "header_invalid": self.header_invalid, "readable": self.readable,
                "stamp": list(self.stamp) if self.stamp else None, "draft": self.draft}

    @classmethod
    def from_dict(cls, path: Path, relpath: str, data: dict) -> PostInfo:
        """A summary read back from the index."""
        return cls(path, relpath, data["title"], datetime.fromisoformat(data["date"]),
                   data["tags"], data["description"], data["problems"], data["header_invalid"],
                   data.get("readable", True), tuple(data["stamp"]) if data.get("stamp") else None,
                   data.get("draft", False))

    @property
    def metadata(self) -> dict:
        """The post's parsed header, read from disk now."""
        return self.load().metadata

    def load(self) -> Post:
        """The full post, read from disk now."""
        return load_post(self.path)


def read_summary(path: str, relpath: str) -> PostInfo:
    """Read one file into a summary; never raises."""
    location = Path(path)
    try:
        return PostInfo.of(load_post(location), relpath)
    except OSError as exc:
        return PostInfo.unreadable(location, relpath, read_error_message(location, exc))


def read_summaries(items: list[tuple[str, str]]) -> list[dict]:
    """Summaries of several (path, relpath) files as plain dicts, cheap to send back."""
    return [read_summary(path, relpath).to_dict() for path, relpath in items]


def newest_first(posts: list[PostInfo]) -> list[PostInfo]:
    """Posts sorted by date, newest first, then by path for a stable order."""
    return sorted(posts, key=lambda info: (-info.date.timestamp(), info.relpath))


class Journal:
    """A folder of markdown posts, read once on construction and updated file by file."""

    def __init__(self, root: str | os.PathLike, use_index: bool = True,
                 progress: Progress | None = None):
        self.root = Path(root).absolute()
        if not self.root.is_dir():
            raise NotADirectoryError(f"{self.root} is not a folder")
        self.use_index = use_index
        self.scan_workers = 1  # processes that read files in the last scan
        self._unreadable: dict[str, str] = {}  # folder -> why it could not be read
        self._posts: dict[Path, PostInfo] = {}
        self._newest_first: list[PostInfo] | None = None  # the order, kept until a post changes
        self.rescan(progress)

    @property
    def flavor(self) -> str:
        """The platform this journal's posts are written for (see :func:`.flavor.detect_flavor`)."""
        from .flavor import detect_flavor
        return detect_flavor(self.root)

    def _relative(self, path: str) -> str:
        prefix = str(self.root) + os.sep
        relative = path[len(prefix):] if path.startswith(prefix) else path
        return relative.replace(os.sep, "/")

    def rescan(self, progress: Progress | None = None) -> None:
        """Read the whole folder again (unchanged files come from the index).

        ``progress(done, total)`` is called while files that are not in the index are read.
        """
        self._unreadable = {}
        paths = self.post_paths()
        index = SummaryIndex(self.root) if self.use_index else None
        try:
            found: dict[str, PostInfo] = {}
            missing: list[str] = []
            for path in paths:
                cached = index.lookup(path) if index is not None else None
                if cached is not None:
                    found[path] = PostInfo.from_dict(Path(path), self._relative(path), cached)
                else:
                    missing.append(path)
            for summary in self._read_many(missing, progress):
                found[str(summary.path)] = summary
                if index is not None and summary.readable:
                    index.put_current(str(summary.path), summary.to_dict())
            self._posts = {found[path].path: found[path] for path in paths}
            self._newest_first = None
            if index is not None:
                index.keep_only(set(paths))
        finally:
            if index is not None:
                index.close()

    def _read_many(self, paths: list[str], progress: Progress | None = None) -> list[PostInfo]:
        """Summaries of many files, read in worker processes when there are enough of them."""
        relpaths = [self._relative(path) for path in paths]
        report = (lambda done: progress(done, len(paths))) if progress is not None else None
        if report is not None and paths:
            report(0)
        found, self.scan_workers = chunked_map(read_summaries, list(zip(paths, relpaths)),
                                               minimum=PARALLEL_MINIMUM, chunk=CHUNK, progress=report)
        return [PostInfo.from_dict(Path(path), relpath, data)
                for (path, relpath), data in zip(zip(paths, relpaths), found)]

    def post_paths(self) -> list[str]:
        """Every post file under the root, in a stable order."""
        return self._walk(self.root)

    def _walk(self, top: Path) -> list[str]:
        found = []

        def note(error: OSError) -> None:
            where = error.filename or str(self.root)
            self._unreadable[where] = read_error_message(Path(where), error)

        for folder, folders, files in os.walk(top, onerror=note):
            folders[:] = sorted(name for name in folders
                                if not name.startswith(".") and name not in SKIPPED_FOLDERS)
            for name in sorted(files):
                if name.lower().endswith(POST_SUFFIXES) and not name.startswith("."):
                    found.append(os.path.join(folder, name))
        return found

    @property
    def problems(self) -> list[str]:
        """Why folders could not be read (the rest of the journal was)."""
        return list(self._unreadable.values())

    @property
    def posts(self) -> list[PostInfo]:
        """Every post, newest first."""
        if self._newest_first is None:
            self._newest_first = newest_first(list(self._posts.values()))
        return list(self._newest_first)

    def get(self, path: str | os.PathLike) -> PostInfo | None:
        """The summary of the post at ``path``, if the journal has it."""
        return self._posts.get(Path(path).absolute())

    def refresh(self, path: str | os.PathLike) -> PostInfo | None:
        """Read one file again (added or changed); forget it when it is gone."""
        path = Path(path).absolute()
        self._newest_first = None
        if not path.is_file():
            self._posts.pop(path, None)
            return None
        info = read_summary(str(path), self._relative(str(path)))
        self._posts[path] = info
        return info

    def sync(self, paths) -> set[Path]:
        """Bring the journal up to date for changed folders or files; returns posts that changed.

        A folder is re-listed recursively: new files are read, vanished ones forgotten, and
        files whose size or modification time differ are read again.
        """
        changed: set[Path] = set()
        for path in {Path(path).absolute() for path in paths}:
            if path != self.root and self.root not in path.parents:
                continue  # not this journal's
            if path.is_dir():
                inside = str(path) + os.sep
                for folder in [f for f in self._unreadable if f == str(path) or f.startswith(inside)]:
                    del self._unreadable[folder]  # walked again below: still unreadable or not
                found = {Path(p) for p in self._walk(path)}
                known = {p for p in self._posts if path in p.parents}
                candidates = found | known
            else:
                candidates = {path}
            for candidate in candidates:
                before = self._posts.get(candidate)
                if before is not None and candidate.is_file():
                    try:
                        stat = os.stat(candidate)
                    except OSError:
                        stat = None
                    if stat is not None and (stat.st_mtime_ns, stat.st_size) == before.stamp:
                        continue
                if not candidate.name.lower().endswith(POST_SUFFIXES) and before is None:
                    continue
                self.refresh(candidate)
                changed.add(candidate)
        return changed

    def by_tag(self) -> dict[str, list[PostInfo]]:
        """Tag -> posts newest first, most used tags first; untagged posts under ``UNTAGGED``."""
        groups: dict[str, list[PostInfo]] = {}
        for info in self.posts:
            for tag in info.tags or [UNTAGGED]:
                groups.setdefault(tag, []).append(info)
        order = sorted(groups, key=lambda tag: (tag == UNTAGGED, -len(groups[tag]), tag.casefold()))
        return {tag: groups[tag] for tag in order}

    def by_date(self) -> dict[int, dict[int, list[PostInfo]]]:
        """Year -> month -> posts newest first, newest years and months first (local time)."""
        years: dict[int, dict[int, list[PostInfo]]] = {}
        for info in self.posts:
            moment = local(info.date)  # a day is the reader's day
            years.setdefault(moment.year, {}).setdefault(moment.month, []).append(info)
        return {year: dict(sorted(years[year].items(), reverse=True))
                for year in sorted(years, reverse=True)}

    def tag_counts(self) -> list[tuple[str, int]]:
        """(tag, number of posts), most used first; untagged posts are not counted."""
        return [(tag, len(posts)) for tag, posts in self.by_tag().items() if tag != UNTAGGED]


ROOT_MARKERS = ("_config.yml", "config.toml", "hugo.toml", "config.yaml", "hugo.yaml", ".git",
                "_posts", ".obsidian")


def find_journal_root(post_path: str | os.PathLike) -> Path:
    """The journal folder a post belongs to: the nearest folder above it that looks like a blog
    (a Jekyll/Hugo/Obsidian/git root, or a velog backup with content/ and images/), else the
    post's own folder."""
    folder = Path(post_path).absolute().parent
    for candidate in [folder, *folder.parents][:4]:
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
        if (candidate / "content").is_dir() and (candidate / "images").is_dir():
            return candidate
    return folder
