"""Checks before publishing: what the journal's platform would reject or show wrongly.

- velog: a description over 150 characters is cut (velog shows its first 150); a title over
  255 characters is refused.
- Hugo: a date that is not RFC 3339 (a full date, or a date and time with ``Z`` or an offset),
  ``draft: true`` (the page is not published), no ``title``.
- Jekyll: a file under ``_posts`` whose name does not start ``YYYY-MM-DD-`` (Jekyll skips it),
  a date in the name that is not the header's date (as the header writes it).
- Every platform: links to other posts that do not exist (markdown links to ``.md`` files,
  Jekyll's ``{% post_url %}`` and ``{% link %}``, Hugo's ``ref`` and ``relref``), a post
  without tags. (Images that do not exist are :mod:`.checks`' own.)

Each finding is a :class:`.Problem` with its file line where it has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

from .dates import parse_date
from .frontmatter import Header
from .post import Post
from .problems import Problem, ProblemKind
from .scan import is_remote, prose_lines
from .words import QT_TRANSLATE_NOOP

VELOG_DESCRIPTION = 150
VELOG_TITLE = 255
POST_SUFFIXES = (".md", ".markdown")
LINK_MISSING = QT_TRANSLATE_NOOP("Core", "link to a post that does not exist: {link}")
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$")
_JEKYLL_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-.")
_KEY_LINE = re.compile(r"^[\"']?(?P<key>[\w-]+)[\"']?[ \t]*[:=][ \t]*(?P<value>.*?)[ \t]*$")
_POST_NAME = re.compile(r"\.(?:md|markdown)\b", re.IGNORECASE)
_JEKYLL_LINK = re.compile(r"\{%-?\s*(?P<tag>post_url|link)\s+(?P<target>[^\s%]+)\s*-?%\}")
_HUGO_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"(?P<target>[^\"]+)\"\s*[>%]\}\}")


def header_line(header: Header | None, key: str) -> tuple[int, str] | None:
    """The 1-based file line of ``key`` in the header and its raw value (quotes removed)."""
    if header is None:
        return None
    for number, line in enumerate(re.split(r"\r\n|\r|\n", header.text), start=1):
        match = _KEY_LINE.match(line)
        if match and match["key"] == key:
            value = match["value"]
            if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            return number, value
    return None


def _velog(post: Post) -> Iterator[Problem]:
    description, title = post.description, post.title
    found = header_line(post.header, "description")
    if len(description) > VELOG_DESCRIPTION:
        yield Problem.of(
            QT_TRANSLATE_NOOP(
                "Core", "the description is {length} characters; velog shows the first {shown}"
            ),
            found[0] if found else None,
            kind=ProblemKind.DESCRIPTION_CUT,
            length=len(description),
            shown=VELOG_DESCRIPTION,
        )
    found = header_line(post.header, "title")
    if len(title) > VELOG_TITLE:
        yield Problem.of(
            QT_TRANSLATE_NOOP("Core", "the title is {length} characters; velog takes at most {most}"),
            found[0] if found else None,
            kind=ProblemKind.TITLE_TOO_LONG,
            length=len(title),
            most=VELOG_TITLE,
        )


def _hugo(post: Post) -> Iterator[Problem]:
    metadata = post.metadata
    written = header_line(post.header, "date")
    if "date" in metadata and written is not None:
        value = metadata["date"]
        raw = value if isinstance(value, str) else written[1]
        if isinstance(value, (date, datetime, str)) and not _RFC3339.match(raw.strip()):
            yield Problem.of(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "the date {date} is not RFC 3339 (like 2024-02-02T04:14:54-08:00); "
                    "Hugo may read it otherwise or not at all",
                ),
                written[0],
                kind=ProblemKind.DATE_NOT_RFC3339,
                date=raw.strip(),
            )
    if metadata.get("draft") is True or str(metadata.get("draft")).lower() == "true":
        found = header_line(post.header, "draft")
        yield Problem.of(
            QT_TRANSLATE_NOOP("Core", "draft: true: Hugo does not publish this page"),
            found[0] if found else None,
            kind=ProblemKind.DRAFT,
        )
    if not post.header_invalid and not str(metadata.get("title") or "").strip():
        yield Problem.of(
            QT_TRANSLATE_NOOP("Core", "no title: Hugo shows the page without one"), kind=ProblemKind.NO_TITLE
        )


def _jekyll(post: Post, root: Path | None) -> Iterator[Problem]:
    path = post.path
    if path is None:
        return
    parts = path.relative_to(root).parts if root is not None and root in path.parents else path.parts
    if "_posts" not in parts[:-1]:
        return
    match = _JEKYLL_NAME.match(path.name)
    if match is None:
        yield Problem.of(
            QT_TRANSLATE_NOOP("Core", "{name} is not named YYYY-MM-DD-title: Jekyll does not publish it"),
            kind=ProblemKind.POST_NAME_UNDATED,
            name=path.name,
        )
        return
    written = header_line(post.header, "date")
    header_date = parse_date(post.metadata.get("date"))
    if written is None or header_date is None:
        return
    try:
        named = date(*(int(group) for group in match.groups()))
    except ValueError:
        named = None
    if named != header_date.date():
        yield Problem.of(
            QT_TRANSLATE_NOOP("Core", "the file name says {named} but the header's date is {written}"),
            written[0],
            kind=ProblemKind.NAME_DATE_DIFFERS,
            named=match[0][:10],
            written=header_date.date().isoformat(),
        )


def _markdown_links(body: str, flavor: str) -> Iterator[tuple[str, int]]:
    from .engine import parser  # the renderer's parser, imported only by what checks

    for token in parser(flavor if flavor != "python-markdown" else "commonmark").parse(body, {}):
        if token.type != "inline" or token.map is None:
            continue
        line = token.map[0]
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                yield str(child.attrGet("href") or ""), line


def _exists(candidates: Iterable[Path]) -> bool:
    return any(candidate.is_file() for candidate in candidates)


def _post_link_candidates(target: str, post_path: Path, root: Path | None) -> list[Path] | None:
    clean = unquote(re.split(r"[?#]", target, maxsplit=1)[0])
    if not clean or is_remote(clean) or not clean.lower().endswith(POST_SUFFIXES):
        return None
    if clean.startswith("/"):
        base = root if root is not None else post_path.parent
        return [base / clean.lstrip("/"), base / "content" / clean.lstrip("/")]
    return [post_path.parent / clean]


def _hugo_candidates(target: str, post_path: Path, root: Path | None) -> Iterator[Path]:
    """The files a Hugo ``ref`` may name, the near ones first (the folder walks for a page's
    name alone come last, and only when nothing before them exists)."""
    clean = target.split("#", 1)[0].strip("/")
    if not clean:  # a link to the page itself (#part) or to the site's home
        yield post_path
        return
    bases = [post_path.parent] + ([root / "content", root] if root is not None else [])
    names = (
        [clean]
        if clean.endswith(POST_SUFFIXES)
        else [f"{clean}.md", f"{clean}/index.md", f"{clean}/_index.md"]
    )
    yield from (base / name for base in bases for name in names)
    if root is not None and "/" not in clean and (root / "content").is_dir():  # a page's name alone
        yield from (root / "content").rglob(Path(names[0]).name)
        for folder in (root / "content").rglob(clean):
            yield from (folder / "index.md", folder / "_index.md")


def _links(post: Post, root: Path | None, flavor: str) -> Iterator[Problem]:
    path = post.path
    if path is None:
        return
    offset = post.body_start_line
    # a link to a post names a .md file: a body without one is not parsed (most are not)
    maybe = _POST_NAME.search(post.body) is not None
    for href, line in _markdown_links(post.body, flavor) if maybe else ():
        candidates = _post_link_candidates(href, path, root)
        if candidates is not None and not _exists(candidates):
            yield Problem.of(LINK_MISSING, offset + line, kind=ProblemKind.LINK_MISSING, link=href)
    if flavor not in ("jekyll", "hugo"):
        return  # the two below are Jekyll's and Hugo's own link tags
    base = root if root is not None else path.parent
    for index, text in prose_lines(post.body):
        for match in _JEKYLL_LINK.finditer(text) if flavor == "jekyll" else ():
            target = match["target"]
            if match["tag"] == "post_url":
                candidates = [base / "_posts" / f"{target}{suffix}" for suffix in POST_SUFFIXES]
            else:
                candidates = [base / target.lstrip("/")]
            if not _exists(candidates):
                yield Problem.of(LINK_MISSING, offset + index, kind=ProblemKind.LINK_MISSING, link=match[0])
        for match in _HUGO_REF.finditer(text) if flavor == "hugo" else ():
            if not _exists(_hugo_candidates(match["target"], path, root)):
                yield Problem.of(LINK_MISSING, offset + index, kind=ProblemKind.LINK_MISSING, link=match[0])


# the platforms that read front matter on the first line only (Hugo skips blank lines first)
_FIRST_LINE_HEADERS = {"jekyll": "Jekyll", "velog": "velog"}


def publish_problems(post: Post, root: Path | None, flavor: str) -> list[Problem]:
    """What ``flavor``'s platform would reject or show wrongly in ``post``, then the checks
    of every platform (links to posts that do not exist, no tags)."""
    found: list[Problem] = []
    header = post.header
    if flavor in _FIRST_LINE_HEADERS and header is not None and header.lead:
        found.append(
            Problem.of(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "blank lines come before the header: {platform} reads a header only on the "
                    "file's first line, and would show this one as text",
                ),
                header.lead_lines + 1,
                kind=ProblemKind.HEADER_AFTER_BLANK_LINES,
                platform=_FIRST_LINE_HEADERS[flavor],
            )
        )
    if flavor == "velog":
        found += _velog(post)
    elif flavor == "hugo":
        found += _hugo(post)
    elif flavor == "jekyll":
        found += _jekyll(post, root)
    found += _links(post, root, flavor)
    if not post.tags and not post.header_invalid:
        found.append(Problem.of(QT_TRANSLATE_NOOP("Core", "the post has no tags"), kind=ProblemKind.NO_TAGS))
    return found
