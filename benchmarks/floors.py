"""The floors of the command-line and render rows: the fastest library doing the same work here.

Usage (by run_all.py, with any interpreter that has the library named):
  python benchmarks/floors.py render FILE RUNS        cmark-gfm (cmarkgfm) on a file's body; prints
                                                       the median CPU milliseconds of RUNS renders
  python benchmarks/floors.py export FILE OUT.html    one post: header cut off, body rendered
                                                       with cmark-gfm, a page written
  python benchmarks/floors.py export-all ROOT OUT     the same for every ``*.md`` under ROOT
  python benchmarks/floors.py headers ROOT            every post's header read up to its closing
                                                       delimiter and parsed with libyaml (C)
  python benchmarks/floors.py sqlite DB               every row of every table of an SQLite file
None of these is the app's work exactly (no flavors, no sanitizing, no images): a floor.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from pathlib import Path


def split(text: str) -> tuple[str, str]:
    """(header, body) of a post with a ``---`` header; ("", text) without one."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end >= 0:
            return text[4:end], text[text.find("\n", end + 1) + 1 :]
    return "", text


def render(body: str) -> str:
    """cmark-gfm's HTML for ``body``."""
    import cmarkgfm

    return cmarkgfm.github_flavored_markdown_to_html(body)


def export(post: Path, out: Path) -> None:
    """Write a page of ``post``'s body rendered with cmark-gfm."""
    _, body = split(post.read_text(encoding="utf-8"))
    page = f"<!doctype html><meta charset='utf-8'><title>{post.stem}</title><article>{render(body)}</article>"
    out.write_text(page, encoding="utf-8")


def headers(root: Path) -> int:
    """Read and parse every post's header under ``root`` (libyaml); the number parsed."""
    import yaml

    parsed = 0
    for path in root.rglob("*.md"):
        lines = []
        with path.open(encoding="utf-8", errors="replace") as file:
            if file.readline().rstrip("\n") != "---":
                continue
            for line in file:
                if line.rstrip("\n") == "---":
                    break
                lines.append(line)
        try:
            yaml.load("".join(lines), Loader=yaml.CSafeLoader)
            parsed += 1
        except yaml.YAMLError:
            pass
    return parsed


def rows(database: Path) -> int:
    """Read every row of every table of ``database``; the number of rows."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return sum(len(connection.execute(f'SELECT * FROM "{table}"').fetchall()) for table in tables)


def main(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "render":
        _, body = split(Path(argv[1]).read_text(encoding="utf-8"))
        times = []
        for _ in range(int(argv[2])):
            started = time.process_time()  # CPU: a loaded machine's wall time is noisy
            render(body)
            times.append((time.process_time() - started) * 1000)
        print(f"{statistics.median(times):.2f}")
    elif kind == "export":
        export(Path(argv[1]), Path(argv[2]))
    elif kind == "export-all":
        root, out = Path(argv[1]), Path(argv[2])
        for index, post in enumerate(sorted(root.rglob("*.md"))):
            export(post, out / f"{index}.html")
    elif kind == "headers":
        print(headers(Path(argv[1])))
    elif kind == "sqlite":
        print(rows(Path(argv[1])))
    else:
        raise SystemExit(f"unknown floor {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
