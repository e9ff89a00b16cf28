"""The rules about tags: which header keys hold them, how a value splits into tags, how a new
set of tags is written back, and renaming (or merging) a tag across a journal.

Tags come from ``tags``, Hugo's ``keywords`` and Jekyll's ``categories``/``category``; all are
shown and grouped alike. An edit keeps each tag under the key it came from, so a Jekyll post's
categories stay categories.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import FieldEditError, SaveError

if TYPE_CHECKING:  # the post module imports this one
    from .journal import Journal
    from .post import Post
    from .postinfo import PostInfo

TAG_KEYS = ("tags", "keywords", "categories", "category")  # all shown and grouped as tags


def split_tags(value: object) -> list[str]:
    """Tags from a list or a comma (else space) separated string, stripped, empties dropped."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        parts = [str(item) for item in value if item is not None]
    else:
        text = str(value)
        parts = text.split(",") if "," in text else text.split()
    return [part.strip() for part in parts if part.strip()]


def merged_tags(value_of: Callable[[str], object]) -> list[str]:
    """The tags of every tag key in ``TAG_KEYS`` order (``value_of(key)`` gives a key's value),
    the first of duplicates kept."""
    return list(dict.fromkeys(tag for name in TAG_KEYS for tag in split_tags(value_of(name))))


def set_tags(post: Post, tags: list[str]) -> None:
    """Make ``tags`` the post's tags: each kept tag stays under the key it came from, a
    removed one leaves its key, and new ones go to ``tags``."""
    wanted = [tag for tag in dict.fromkeys(tags) if tag]
    sources = {name: split_tags(post.metadata[name]) for name in TAG_KEYS if name in post.metadata}
    wanted_set = set(wanted)
    for name, had in sources.items():
        kept = [tag for tag in had if tag in wanted_set]
        if name != "tags" and kept != had:
            if kept:
                post.set_field(name, kept)
            else:
                post.remove_field(name)
    own = set(sources.get("tags", []))
    elsewhere = {tag for name, had in sources.items() if name != "tags" for tag in had}
    in_tags = [tag for tag in wanted if tag in own or tag not in elsewhere]
    if in_tags != sources.get("tags", []) and (in_tags or "tags" in sources):
        post.set_field("tags", in_tags)


def renamed_tag_fields(metadata: dict, old: str, new: str) -> list[tuple[str, list[str]]]:
    """The tag keys of a header holding ``old``, each with its tags after ``old`` is renamed
    to ``new`` (merged when the key already has ``new``)."""
    fields = []
    for key in TAG_KEYS:
        tags = split_tags(metadata.get(key))
        if old in tags:
            fields.append((key, list(dict.fromkeys(new if tag == old else tag for tag in tags))))
    return fields


def rename_in_post(post: Post, old: str, new: str) -> bool:
    """Rename tag ``old`` to ``new`` under every tag key of ``post`` (merging when the key
    already has ``new``); True when a key changed. Only those keys' lines are rewritten."""
    fields = renamed_tag_fields(post.metadata, old, new)
    for key, tags in fields:
        post.set_field(key, tags)
    return bool(fields)


@dataclass(frozen=True)
class Renamed:
    """What a tag rename did to one post: ``outcome`` is "renamed", "skipped" (its header
    could not be read but mentions the tag) or "failed" (``reason`` says why); ``changes`` are
    the header lines it rewrote, each as ``-`` the old line and ``+`` the new one."""

    relpath: str
    outcome: Literal["renamed", "skipped", "failed"]
    reason: str = ""
    changes: tuple[str, ...] = ()


def posts_with_tag(journal: Journal, tag: str) -> list[PostInfo]:
    """The posts of ``journal`` a rename of ``tag`` looks at, in path order: those that have
    the tag, and those whose header could not be read but mentions it."""
    return [
        info
        for info in sorted(journal.posts, key=lambda item: item.relpath)
        if (tag in info.load(journal.root).header_text if info.header_invalid else tag in info.tags)
    ]


def rename_tag(
    journal: Journal,
    old: str,
    new: str,
    *,
    dry_run: bool = False,
    leave: Container[Path] = (),
    posts: Iterable[PostInfo] | None = None,
) -> Iterator[Renamed]:
    """Rename (or merge) tag ``old`` into ``new`` in every post of ``journal`` that has it,
    saving each post as it goes, in path order; yields one :class:`Renamed` per post touched.
    With ``dry_run`` nothing is written (the results say what would change, ``changes`` the
    header lines); posts whose path is in ``leave`` are not touched (the caller edits them
    another way). ``posts``: the posts :func:`posts_with_tag` gave, when the caller has them."""
    from .post import load_post, save_post  # the post module imports this one

    for info in posts if posts is not None else posts_with_tag(journal, old):
        if info.path in leave:
            continue
        if info.header_invalid:
            yield Renamed(info.relpath, "skipped", "its header could not be read; fix it first")
            continue
        try:
            post = load_post(info.path, journal.root)
            before = post.header_text
            rename_in_post(post, old, new)
            if not dry_run:
                save_post(post)
        except (FieldEditError, SaveError, OSError) as exc:
            yield Renamed(info.relpath, "failed", str(exc))
            continue
        changes = _changed_lines(before, post.header_text) if dry_run else ()  # only a dry run shows them
        yield Renamed(info.relpath, "renamed", changes=changes)


def _changed_lines(before: str, after: str) -> tuple[str, ...]:
    import difflib  # (here: only a rename's dry run shows lines)

    return tuple(
        line[0] + line[2:]
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[:2] in ("- ", "+ ")
    )
