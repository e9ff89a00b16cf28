"""Creating a new post file: a safe file name from the title, and a header in the style the
journal already uses (velog-backup, Jekyll, or plain YAML); and today's entry, made from a
template and named and placed the way the journal's posts are."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from datetime import datetime, UTC
from pathlib import Path

from .boundary import read_regular
from .errors import JournalError, SaveError
from .frontmatter import split_header
from .scalars import quote_double, yaml_scalar
from .journal import Journal
from .words import QT_TRANSLATE_NOOP

OUTSIDE = QT_TRANSLATE_NOOP("Core", "{folder} is outside the journal.")
CANNOT_CREATE = QT_TRANSLATE_NOOP("Core", "Could not create {path}: {reason}.")

_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
MAX_NAME = 120


def file_stem(title: str) -> str:
    """A file name stem from a title: Korean kept, characters illegal in file names removed."""
    stem = _ILLEGAL.sub("", re.sub(r"[\t\r\n]+", " ", title)).strip().strip(".").strip()
    stem = re.sub(r"\s+", " ", stem)
    return stem[:MAX_NAME].rstrip() or "untitled"


def unique_path(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """``folder/stem.suffix``, or ``stem (2).suffix`` ... when that name is taken."""
    candidate, number = folder / f"{stem}{suffix}", 1
    existing = {name.casefold() for name in os.listdir(folder)} if folder.is_dir() else set()
    while candidate.name.casefold() in existing or candidate.exists():
        number += 1
        candidate = folder / f"{stem} ({number}){suffix}"
    return candidate


_DATED = re.compile(r"\d{4}-\d\d-\d\d-")


def dated_names(folder: Path) -> bool:
    """Whether posts in ``folder`` need a ``YYYY-MM-DD-`` name: Jekyll's ``_posts``, or a
    folder whose posts mostly have one."""
    if folder.name == "_posts":
        return True
    try:
        names = [name for name in os.listdir(folder) if name.lower().endswith((".md", ".markdown"))]
    except OSError:
        return False
    return bool(names) and sum(bool(_DATED.match(name)) for name in names) * 2 > len(names)


def journal_style(journal: Journal) -> str:
    """``velog``, ``jekyll``, ``toml`` (Hugo's ``+++``) or ``yaml``: the header style most of
    the journal's posts use."""
    votes: Counter[str] = Counter()
    for info in journal.posts[:50]:
        if not info.readable:
            continue
        try:
            head = read_regular(info.path, 600, head=True).decode("utf-8", "replace")
        except OSError:
            continue
        if head.startswith("+++"):
            votes["toml"] += 1
        elif re.search(r'(?m)^tags: \["', head) or re.search(r"(?m)^date: \d{4}-\d\d-\d\dT[\d:.]+Z$", head):
            votes["velog"] += 1
        elif re.search(r"(?m)^date: \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? [+-]\d{4}$", head) or re.match(
            r"\d{4}-\d\d-\d\d-", info.path.name
        ):
            votes["jekyll"] += 1
        else:
            votes["yaml"] += 1
    return votes.most_common(1)[0][0] if votes else "yaml"


def post_folder(journal: Journal) -> Path:
    """Where new posts go: the folder that holds the most posts (the root when empty)."""
    counts = Counter(info.path.parent for info in journal.posts)
    return counts.most_common(1)[0][0] if counts else journal.root


def new_post_text(title: str, tags: list[str], moment: datetime, style: str) -> str:
    """The text of a new post: a header in ``style`` and an empty body."""
    if style == "velog":
        lines = [
            f"title: {quote_double(title)}",
            'description: ""',
            "date: " + _utc_millis(moment),
            "tags: [" + ",".join(json.dumps(tag, ensure_ascii=False) for tag in tags) + "]",
        ]
    elif style == "jekyll":
        lines = [
            "layout: post",
            f"title: {yaml_scalar(title, 'plain')}",
            f"date: {moment:%Y-%m-%d %H:%M:%S %z}",
            "tags: [" + ", ".join(yaml_scalar(tag, "plain", "flow-item") for tag in tags) + "]",
        ]
    elif style == "toml":
        lines = [
            f"title = {quote_double(title, toml=True)}",
            f"date = {moment.isoformat(timespec='seconds')}",
            "tags = [" + ", ".join(quote_double(tag, toml=True) for tag in tags) + "]",
        ]
        return "+++\n" + "\n".join(lines) + "\n+++\n\n"
    else:
        lines = [
            f"title: {yaml_scalar(title, 'plain')}",
            f"date: {moment.isoformat(timespec='seconds')}",
            "tags: [" + ", ".join(yaml_scalar(tag, "plain", "flow-item") for tag in tags) + "]",
        ]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _utc_millis(moment: datetime) -> str:
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def create_post(
    journal: Journal, title: str, tags: list[str], moment: datetime | None = None, folder: Path | None = None
) -> Path:
    """Write a new post file in the journal and return its path (never overwrites a file)."""
    title = title.strip()
    if not title:
        raise JournalError(QT_TRANSLATE_NOOP("Core", "A new post needs a title."))
    moment = moment or datetime.now().astimezone()
    folder = Path(folder) if folder is not None else post_folder(journal)
    root = journal.root.resolve()
    if root != folder.resolve() and root not in folder.resolve().parents:
        raise JournalError(OUTSIDE, folder=folder)
    folder = folder.resolve()
    stem = file_stem(title)
    if dated_names(folder):  # Jekyll publishes only _posts/YYYY-MM-DD-title.md
        stem = f"{moment:%Y-%m-%d}-" + stem.replace(" ", "-")
    path = unique_path(folder, stem)
    if path.parent != folder:
        raise JournalError(QT_TRANSLATE_NOOP("Core", "The file name would leave the journal folder."))
    text = new_post_text(title, [tag.strip() for tag in tags if tag.strip()], moment, journal_style(journal))
    try:
        with open(path, "x", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as exc:
        raise SaveError(CANNOT_CREATE, path=path, reason=exc.strerror or exc) from exc
    journal.refresh(path)
    return path


def rename_post(journal: Journal, path: Path, new_stem: str) -> Path:
    """Rename a post file within its folder (Korean kept, no clash, no escaping the folder)."""
    path = Path(path).absolute()
    stem = file_stem(new_stem)
    dated = _DATED.match(path.name)
    if dated:  # keep the date Jekyll needs in the name, or take the one typed
        given = re.match(r"(\d{4}-\d\d-\d\d)(?:[- ]+|$)", stem)
        date = given.group(1) + "-" if given else dated.group()
        stem = date + (stem[given.end() if given else 0 :].replace(" ", "-") or "untitled")
    target = path.with_name(stem + path.suffix)
    if target == path:
        return path
    if target.exists() and target.name.casefold() != path.name.casefold():
        raise JournalError(
            QT_TRANSLATE_NOOP("Core", "There is already a file named {name}."), name=target.name
        )
    try:
        os.rename(path, target)
    except OSError as exc:
        raise SaveError(
            QT_TRANSLATE_NOOP("Core", "Could not rename {name}: {reason}."),
            name=path.name,
            reason=exc.strerror or exc,
        ) from exc
    journal.refresh(path)
    journal.refresh(target)
    return target


JOURNAL_SLUG = "journal"  # the name after the date of a dated (Jekyll) entry: 2024-06-14-journal.md
_FLAVOR_FOLDERS = {"velog": "content", "jekyll": "_posts", "hugo": "content/posts"}


def fill_template(template: str, title: str, moment: datetime, weekday: str | None = None) -> str:
    """``template`` with ``{{date}}`` (YYYY-MM-DD), ``{{title}}`` and ``{{weekday}}`` (the name
    given, else the C library's for the current locale) filled in."""
    values = {"date": f"{moment:%Y-%m-%d}", "title": title, "weekday": weekday or f"{moment:%A}"}
    return re.sub(r"\{\{\s*(date|title|weekday)\s*\}\}", lambda found: values[found.group(1)], template)


def todays_path(journal: Journal, flavor: str, moment: datetime) -> Path:
    """Where today's entry is, or goes. Its title is the date. The folder is the platform's
    (velog ``content``, Jekyll ``_posts``, Hugo ``content/posts``) when the journal has it or
    has no posts, else the one that holds the most posts. It is named ``<date>.md``,
    ``<date>-journal.md`` where names are dated, or ``<date>/index.md`` where most posts of
    that folder are page bundles (``<slug>/index.md``)."""
    date = f"{moment:%Y-%m-%d}"
    paths = [info.path for info in journal.posts]
    bundled = Counter(path.parent.parent for path in paths if path.name.lower() == "index.md")
    flat = Counter(path.parent for path in paths if path.name.lower() != "index.md")
    platform = journal.root / _FLAVOR_FOLDERS.get(flavor, "")
    if (flavor in _FLAVOR_FOLDERS and platform.is_dir()) or not paths:
        folder = platform
    else:
        folder = (bundled + flat).most_common(1)[0][0]
    if bundled[folder] > flat[folder]:
        return folder / date / "index.md"
    return folder / (f"{date}-{JOURNAL_SLUG}.md" if dated_names(folder) else f"{date}.md")


def todays_entry(
    journal: Journal, flavor: str, template: str, moment: datetime | None = None, weekday: str | None = None
) -> tuple[Path, bool]:
    """Today's entry: its path, and True when it was created now from ``template`` (filled in
    by ``fill_template``; a template without front matter gets the journal's own header).
    An entry already there is left as it is."""
    moment = moment or datetime.now().astimezone()
    path = todays_path(journal, flavor, moment)
    if path.exists():
        return path, False
    root = journal.root.resolve()
    if root not in path.parent.resolve().parents and path.parent.resolve() != root:
        raise JournalError(OUTSIDE, folder=path.parent)
    title = f"{moment:%Y-%m-%d}"
    text = fill_template(template, title, moment, weekday)
    if split_header(text)[0] is None:
        text = new_post_text(title, [], moment, journal_style(journal)) + text
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except FileExistsError:
        return path, False
    except OSError as exc:
        raise SaveError(CANNOT_CREATE, path=path, reason=exc.strerror or exc) from exc
    journal.refresh(path)
    return path, True
