"""The command line over the core: list, tags, check and tag rename.

Errors go to stderr as one sentence with a non-zero exit status; bad input never shows a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .core import FieldEditError, Journal, JournalError, SaveError, check_post, load_post, save_post
from .core.journal import PostInfo
from .core.post import split_tags

COMMANDS = ("list", "tags", "check", "tag")


class UsageError(Exception):
    """Bad arguments or a missing folder: reported as one sentence."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="journal-app",
        description="A markdown journal editor. With no command, opens the window.")
    parser.add_argument("--version", action="version", version=f"journal-app {__version__}")
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

    check = commands.add_parser("check", help="list every problem with file and line")
    check.add_argument("root", metavar="ROOT")
    check.set_defaults(run=run_check)

    tag = commands.add_parser("tag", help="change tags across the journal")
    tag_commands = tag.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    rename = tag_commands.add_parser("rename", help="rename (or merge) a tag in every post")
    rename.add_argument("root", metavar="ROOT")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    rename.set_defaults(run=run_tag_rename)
    return parser


def open_journal(root: str) -> Journal:
    """The journal at ``root``, or a UsageError naming what is wrong."""
    path = Path(root)
    if not path.exists():
        raise UsageError(f"There is no folder at {root}.")
    if not path.is_dir():
        raise UsageError(f"{root} is a file, not a journal folder.")
    return Journal(path)


def post_json(info: PostInfo) -> dict:
    """The JSON object ``list --json`` prints for a post."""
    return {"path": info.relpath, "title": info.title, "date": info.date.isoformat(),
            "tags": info.tags, "description": info.description, "problems": info.problems}


def run_list(args: argparse.Namespace) -> int:
    journal = open_journal(args.root)
    posts = [info for info in journal.posts if args.tag is None or args.tag in info.tags]
    if args.json:
        print(json.dumps([post_json(info) for info in posts], ensure_ascii=False, indent=1))
    else:
        for info in posts:
            print("\t".join((info.date.strftime("%Y-%m-%d"), info.title, ", ".join(info.tags),
                             info.relpath)))
    return 0


def run_tags(args: argparse.Namespace) -> int:
    counts = open_journal(args.root).tag_counts()
    if args.json:
        print(json.dumps([{"tag": tag, "count": count} for tag, count in counts],
                         ensure_ascii=False, indent=1))
    else:
        for tag, count in counts:
            print(f"{count}\t{tag}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    journal = open_journal(args.root)
    total = files = 0
    for message in journal.problems:
        print(message)
        total += 1
    for info in sorted(journal.posts, key=lambda item: item.relpath):
        if not info.readable:
            found = [info.problems[0]]
        else:
            try:
                found = [str(problem) if problem.line is None else f"{problem.line}: {problem.message}"
                         for problem in check_post(info.load(), journal.root)]
            except OSError as exc:
                found = [f"could not be read: {exc}"]
        for message in found:
            print(f"{info.relpath}:{message}")
        total += len(found)
        files += bool(found)
    print(f"{total} problem(s) in {files} file(s); {len(journal.posts)} post(s) checked.",
          file=sys.stderr)
    return 1 if total else 0


def run_tag_rename(args: argparse.Namespace) -> int:
    old, new = args.old.strip(), args.new.strip()
    if not old or not new:
        raise UsageError("Tag names cannot be empty.")
    journal = open_journal(args.root)
    changed = failed = 0
    for info in sorted(journal.posts, key=lambda item: item.relpath):
        if info.header_invalid:
            if old in info.load().header_text:
                print(f"skipped {info.relpath}: its header could not be read; fix it first")
            continue
        if old not in info.tags:
            continue
        try:
            post = load_post(info.path)
            for key in ("tags", "keywords"):
                tags = split_tags(post.metadata.get(key))
                if old in tags:
                    renamed = [new if tag == old else tag for tag in tags]
                    post.set_field(key, list(dict.fromkeys(renamed)))
            save_post(post)
        except (FieldEditError, SaveError, OSError) as exc:
            print(f"not changed {info.relpath}: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"renamed in {info.relpath}")
        changed += 1
    print(f"'{old}' -> '{new}' in {changed} post(s)" + (f"; {failed} failed" if failed else "") + ".")
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    """Run one subcommand; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except (UsageError, JournalError, OSError) as exc:
        print(f"journal-app: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
