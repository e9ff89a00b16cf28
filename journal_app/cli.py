"""The command line over the core: list, tags, check, tag rename, export, render, search and
history.

Errors go to stderr as one sentence with a non-zero exit status; bad input never shows a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typing import TYPE_CHECKING

from . import __version__
from .core.flavor import FLAVORS, detect_flavor

if TYPE_CHECKING:
    from .core.history import PostHistory
    from .core.journal import Journal, PostInfo
    from .core.postlist import Listed

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)
COMMANDS = ("list", "tags", "check", "tag", "export", "render", "search", "history")


class UsageError(Exception):
    """Bad arguments or a missing folder: reported as one sentence."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="journal-app",
        usage="journal-app [FOLDER | POST.md]\n       journal-app COMMAND [ARGS]  (journal-app COMMAND -h)",
        description=(
            "A markdown journal editor. With a journal folder or a post file, or with nothing (the "
            "journal open last, else the built-in sample), opens the window; with a command, runs it."
        ),
    )
    parser.add_argument("--version", action="version", version=f"journal-app {__version__}")
    parser.add_argument(
        "--install-desktop", action="store_true", help="add journal_app to the desktop's menu (for this user)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("list", help="one post a line: date, title, tags, path")
    listing.add_argument("root", metavar="ROOT", help="the journal folder")
    listing.add_argument("--json", action="store_true", help="print JSON objects")
    listing.add_argument("--tag", help="only posts with this tag")
    listing.set_defaults(run=run_list)

    tags = commands.add_parser("tags", help="every tag with its post count, most used first")
    tags.add_argument("root", metavar="ROOT")
    tags.add_argument("--json", action="store_true")
    tags.set_defaults(run=run_tags)

    check = commands.add_parser(
        "check", help="list every problem with file and line, and what the platform would reject"
    )
    check.add_argument("root", metavar="ROOT")
    check.add_argument(
        "--fix",
        action="store_true",
        help="repair velog-backup's headers (raw quotes) and remove its 'undefined' lines",
    )
    check.add_argument("--dry-run", action="store_true", help="with --fix: print each change, write none")
    check.set_defaults(run=run_check)

    tag = commands.add_parser("tag", help="change tags across the journal")
    tag_commands = tag.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    rename = tag_commands.add_parser("rename", help="rename (or merge) a tag in every post")
    rename.add_argument("root", metavar="ROOT")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    rename.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")
    rename.set_defaults(run=run_tag_rename)

    export = commands.add_parser("export", help="a post as a standalone HTML page, or --all as a site")
    export.add_argument("target", metavar="POST|ROOT", help="the post (or, with --all, the journal)")
    export.add_argument("-o", "--output", help="the page to write (with --all: the site folder)")
    export.add_argument("--all", action="store_true", help="export the whole journal as a site")
    export.add_argument(
        "--copy-images",
        action="store_true",
        help="copy images into a folder beside the page instead of embedding them",
    )
    export.add_argument(
        "--root", help="the journal folder, for /images/ links (default: found from the post's folders)"
    )
    export.add_argument(
        "--flavor", choices=FLAVORS, help="render as this platform does (default: the journal's own)"
    )
    export.set_defaults(run=run_export)

    render = commands.add_parser("render", help="print a post's body as the HTML fragment the preview shows")
    render.add_argument("target", metavar="POST")
    render.add_argument(
        "--flavor", choices=FLAVORS, help="render as this platform does (default: the journal's own)"
    )
    render.add_argument("--root", help="the journal folder (default: found from the post's folders)")
    render.set_defaults(run=run_render)

    search = commands.add_parser("search", help="posts matching a query: path, title, date, line, snippet")
    search.add_argument("root", metavar="ROOT")
    search.add_argument(
        "query", metavar="QUERY", help='words, "a phrase", -word, tag:, year:, month:, title:'
    )
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=50, help="at most this many posts (default 50)")
    search.set_defaults(run=run_search)

    history = commands.add_parser("history", help="the saved versions of a post: number, date, size, change")
    history.add_argument("target", metavar="POST")
    history.add_argument("--json", action="store_true")
    history.add_argument(
        "--show", type=int, metavar="N", help="print version N's bytes exactly (1: the newest)"
    )
    history.add_argument("--root", help="the journal folder (default: found from the post's folders)")
    history.set_defaults(run=run_history)
    return parser


def require_folder(root: str) -> Path:
    """``root`` as a Path, or a UsageError naming what is wrong with it."""
    path = Path(root)
    if not path.exists():
        raise UsageError(f"There is no folder at {root}.")
    if not path.is_dir():
        raise UsageError(f"{root} is a file, not a journal folder.")
    return path


def open_journal(root: str) -> Journal:
    """The journal at ``root``, or a UsageError naming what is wrong (a killed save's
    temporary files are cleared from it)."""
    from .core.instances import tidy_temporaries
    from .core.journal import Journal

    journal = Journal(require_folder(root))
    tidy_temporaries(journal)
    return journal


def post_json(info: PostInfo | Listed) -> dict:
    """The JSON object ``list --json`` prints for a post."""
    from .core.dates import local

    return {
        "path": info.relpath,
        "title": info.title,
        "date": info.date.isoformat(),  # as stored (velog: UTC)
        "local_date": local(info.date).isoformat(),  # on this computer's clock
        "tags": info.tags,
        "description": info.description,
        "problems": info.problems,
    }


def run_list(args: argparse.Namespace) -> int:
    from .core.postlist import listed_posts

    gc.disable()  # the summaries are kept to the end: collecting makes no garbage go, only time
    posts = listed_posts(require_folder(args.root))
    if args.tag is not None:
        wanted = args.tag.casefold()  # as the sidebar filter
        posts = [info for info in posts if wanted in (tag.casefold() for tag in info.tags)]
    if args.json:
        print(json.dumps([post_json(info) for info in posts], ensure_ascii=False, indent=1))
    else:
        text = "".join(
            f"{day_of(info.date)}\t{info.title}\t{', '.join(info.tags)}\t{info.relpath}\n" for info in posts
        )
        sys.stdout.write(text)  # in one write
    return 0


def day_of(moment: datetime) -> str:
    """The day of ``moment`` on this computer's clock as ``list`` prints it
    (``%Y-%m-%d``, which does not pad a year before 1000), as :func:`.dates.local` would give it
    (read from the C library's clock at once: this is called ten thousand times a list)."""
    try:
        day = time.localtime((moment - _EPOCH) // _SECOND)  # the second it falls in, as astimezone()
        if 1000 <= day.tm_year <= 9999:
            return f"{day.tm_year}-{day.tm_mon:02}-{day.tm_mday:02}"
    except (OverflowError, OSError, ValueError, TypeError):  # out of the C clock's range, or naive
        pass
    from .core.dates import local

    shown = local(moment)
    return shown.date().isoformat() if shown.year >= 1000 else shown.strftime("%Y-%m-%d")


def run_tags(args: argparse.Namespace) -> int:
    counts = open_journal(args.root).tag_counts()
    if args.json:
        print(
            json.dumps([{"tag": tag, "count": count} for tag, count in counts], ensure_ascii=False, indent=1)
        )
    else:
        for tag, count in counts:
            print(f"{count}\t{tag}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from .core.checks import check_post

    if args.dry_run and not args.fix:
        raise UsageError("--dry-run goes with --fix.")
    journal = open_journal(args.root)
    if args.fix:
        fix_journal(journal, args.dry_run)
    flavor = journal.flavor
    total = files = 0
    for problem in journal.folder_problems:
        print(problem.message)
        total += 1
    for info in sorted(journal.posts, key=lambda item: item.relpath):
        if not info.readable:
            found = [info.problems[0]]
        else:
            try:
                found = [
                    str(problem) if problem.line is None else f"{problem.line}: {problem.message}"
                    for problem in check_post(info.load(journal.root), journal.root, flavor, publishing=True)
                ]
            except OSError as exc:
                found = [f"could not be read: {exc}"]
        for message in found:
            print(f"{info.relpath}:{message}")
        total += len(found)
        files += bool(found)
    print(f"{total} problem(s) in {files} file(s); {len(journal.posts)} post(s) checked.", file=sys.stderr)
    return 1 if total else 0


def fix_journal(journal: Journal, dry_run: bool) -> None:
    """Make (or with ``dry_run`` only print) every velog-backup repair across the journal; each
    change is printed as a diff, a post that cannot be written is named on stderr."""
    from .core.errors import SaveError
    from .core.repairs import diff, repairs_of, write_repairs

    for info in sorted(journal.posts, key=lambda item: item.relpath):
        if not info.readable:
            continue
        try:
            post = info.load(journal.root)
        except OSError:
            continue  # the check below names it
        repairs = repairs_of(post)
        if not repairs:
            continue
        for repair in repairs:
            print(diff(repair, info.relpath), end="")
        if dry_run:
            continue
        try:
            write_repairs(info.path, post.to_bytes(), repairs, post.encoding)
        except SaveError as exc:
            print(f"not fixed {info.relpath}: {exc}", file=sys.stderr)
        else:
            journal.refresh(info.path)
            print(f"fixed {info.relpath}: " + ", ".join(repair.label for repair in repairs))


def run_tag_rename(args: argparse.Namespace) -> int:
    from .core.tags import rename_tag

    old, new = args.old.strip(), args.new.strip()
    if not old or not new:
        raise UsageError("Tag names cannot be empty.")
    dry = args.dry_run
    counts = {"renamed": 0, "failed": 0, "skipped": 0}
    for result in rename_tag(open_journal(args.root), old, new, dry_run=dry):
        counts[result.outcome] += 1
        if result.outcome == "renamed":
            print(f"{'would rename' if dry else 'renamed'} in {result.relpath}")
            if dry:
                for line in result.changes:
                    print(f"  {line}")
        elif result.outcome == "skipped":
            print(f"skipped {result.relpath}: {result.reason}")
        else:
            print(
                f"{'would not change' if dry else 'not changed'} {result.relpath}: {result.reason}",
                file=sys.stderr,
            )
    if not any(counts.values()):
        print(f"No post has the tag '{old}'; nothing was changed.", file=sys.stderr)
        return 1
    failed, skipped = counts["failed"], counts["skipped"]
    print(
        ("Dry run, nothing written: " if dry else "")
        + f"'{old}' -> '{new}' in {counts['renamed']} post(s)"
        + (f"; {failed} failed" if failed else "")
        + (f"; {skipped} skipped" if skipped else "")
        + "."
    )
    return 1 if failed or skipped else 0


def run_export(args: argparse.Namespace) -> int:
    if args.all:
        return export_all(args)
    from .core.export import export_post, safe_name
    from .core.flavor import find_journal_root
    from .core.post import load_post

    source = Path(args.target)
    if source.is_dir():
        raise UsageError(f"{args.target} is a folder; to export a whole journal use --all -o DIR.")
    if not source.is_file():
        raise UsageError(f"There is no post at {args.target}.")
    root = Path(args.root) if args.root else find_journal_root(source)
    post = load_post(source, root)
    out = Path(args.output) if args.output else Path(safe_name(post.title or source.stem, set()) + ".html")
    if out.is_dir():
        out = out / (safe_name(post.title or source.stem, set()) + ".html")
    result = export_post(
        post, out, root, copy_images=args.copy_images, flavor=args.flavor or detect_flavor(root)
    )
    print(
        f"wrote {result.path} ({len(result.images)} image(s)"
        + (f", {len(result.missing)} missing: {', '.join(result.missing)}" if result.missing else "")
        + (f", {len(result.refused)} not shown: {', '.join(result.refused)}" if result.refused else "")
        + ")"
    )
    return 0


def run_render(args: argparse.Namespace) -> int:
    from .core.flavor import find_journal_root
    from .core.post import load_post
    from .core.render import render_post

    source = Path(args.target)
    if not source.is_file():
        raise UsageError(f"There is no post at {args.target}.")
    root = Path(args.root) if args.root else find_journal_root(source)
    post = load_post(source, root)  # as export: a post that is a link out of the journal is not read
    print(render_post(post, root, flavor=args.flavor or detect_flavor(root)), end="")
    return 0


def export_all(args: argparse.Namespace) -> int:
    from .core.site import export_site

    if not args.output:
        raise UsageError("export --all needs an output folder: -o DIR.")
    require_folder(args.target)
    interactive = sys.stderr.isatty()
    last = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if interactive:
            print(f"\rexporting {done}/{total} posts ({percent}%)", end="", file=sys.stderr, flush=True)
        elif percent // 10 != last[0] // 10 or done == total:
            print(f"exporting {done}/{total} posts ({percent}%)", file=sys.stderr, flush=True)
        last[0] = percent

    result = export_site(args.target, args.output, progress, flavor=args.flavor)
    if interactive:
        print(file=sys.stderr)
    for failure in result.failed:
        print(f"not exported {failure}", file=sys.stderr)
    print(
        f"{result.total} post(s): {result.rendered} rendered, {result.pages_written} page(s) "
        f"written to {args.output}" + (f"; {result.drafts} draft(s) left out" if result.drafts else "") + "."
    )
    return 1 if result.failed else 0


def run_search(args: argparse.Namespace) -> int:
    from .core.search import SearchIndex, SearchUnavailable

    journal = open_journal(args.root)
    try:
        index = SearchIndex(journal.root)
        try:
            index.build(info.path for info in journal.posts if info.readable)
            results = index.search(args.query, limit=max(args.limit, 0))
        finally:
            index.close()
    except SearchUnavailable as exc:
        raise UsageError(f"The search index cannot be used now ({exc}).") from exc
    relative = {info.path: info.relpath for info in journal.posts}
    if args.json:
        found = [
            dict(result.to_json(), path=relative.get(result.path, str(result.path))) for result in results
        ]
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        for result in results:
            path = relative.get(result.path, str(result.path))
            print(
                "\t".join(
                    (
                        f"{path}:{result.line}",
                        result.title,
                        result.date[:10],
                        result.snippet.replace("\t", " "),
                    )
                )
            )
    return 0 if results else 1


def run_history(args: argparse.Namespace) -> int:
    import sqlite3
    import zlib

    from .core.history import open_history
    from .core.flavor import find_journal_root

    source = Path(args.target).absolute()
    if not source.is_file() and not args.root:
        raise UsageError(f"There is no post at {args.target} (give --root to see a deleted post's history).")
    root = Path(args.root).absolute() if args.root else find_journal_root(source)
    try:
        return print_history(args, source, open_history(root))
    except (sqlite3.Error, zlib.error) as exc:
        raise UsageError(f"The history of {args.target} cannot be read ({exc}).") from exc


def print_history(args: argparse.Namespace, source: Path, history: PostHistory) -> int:
    """List the versions of the post at ``source`` (or print one's bytes, ``--show N``)."""
    from .core.dates import local

    try:
        versions = history.versions(source)
        if args.show is not None:
            if not 1 <= args.show <= len(versions):
                raise UsageError(f"There is no version {args.show} of {args.target}: it has {len(versions)}.")
            sys.stdout.flush()
            sys.stdout.buffer.write(history.read(source, versions[args.show - 1]))
            sys.stdout.buffer.flush()
            return 0
    finally:
        history.close()
    if args.json:
        print(json.dumps([version.to_json() for version in versions], ensure_ascii=False, indent=1))
    elif not versions:
        print(f"No saved versions of {args.target} are kept yet.", file=sys.stderr)
    for version in [] if args.json else versions:
        when = local(version.when).strftime("%Y-%m-%d %H:%M")
        print(f"{version.number}\t{when}\t{version.size:,} bytes\t{version.summary}")
    return 0


def main(argv: list[str]) -> int:
    """Run one subcommand; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.install_desktop:
        from .core.desktop_entry import install_desktop_entry

        for path in install_desktop_entry():
            print(f"wrote {path}")
        return 0
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    try:
        # other instances must know a writer runs
        writes = args.command in ("tag", "export") or getattr(args, "fix", False)
        if writes:
            from .core.instances import Instance
        with Instance() if writes else contextlib.nullcontext():
            return args.run(args)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (UsageError, OSError) as exc:
        print(f"journal-app: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        from .core.errors import JournalError  # (here: ``list`` never loads it)

        if not isinstance(exc, JournalError):
            raise
        print(f"journal-app: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
