"""The whole journal as a small static site: an index by year and month, a page per tag, a page
per post, images copied once, every link relative (works from file:// and any static host).

Re-running only renders posts whose file changed since the last export (a manifest in the
output folder remembers size and modification time), and rewrites index and tag pages only
when their text changed. The new pages replace the old ones together, once all are written.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from urllib.parse import quote, unquote, urlsplit

from .. import __version__
from .dates import local
from .boundary import read_regular
from .export import ImageCollector, build_document, build_page, page_css, safe_name, write_inside
from .encoding import displayable_bytes
from .errors import JournalError
from .journal import POST_SUFFIXES, SKIPPED_FOLDERS, UNTAGGED, Journal, PostInfo
from .parallel import chunked_map
from .post import load_post
from .render import prepare, render_post
from .scan import image_candidates, image_top
from .site_files import Staging, images_changed, remove_page, stamp
from .site_title import journal_title
from .words import QT_TRANSLATE_NOOP, Words

FAILED = QT_TRANSLATE_NOOP("Core", "{post}: {problem}")  # a post the site export could not make a page of

MANIFEST = ".journal-export.json"
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LINK = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")')


class SiteCancelled(Exception):
    """The export was cancelled while its posts were being rendered: no page was written."""


@dataclass
class SiteResult:
    """What an export of the whole journal did."""

    total: int
    rendered: int
    pages_written: int
    failed: list[str]
    drafts: int = 0  # posts marked draft: true, left out as Jekyll and Hugo do
    failed_words: list[Words] = field(default_factory=list)  # each of failed as its template and values


def href(path: str) -> str:
    """A relative link to ``path`` with everything but the slashes percent-encoded."""
    return html.escape(quote(path))


def _lang_of(posts: list[PostInfo]) -> str:
    titles = " ".join(info.title for info in posts)
    return (
        "ko"
        if len(_HANGUL.findall(titles)) * 3 >= len(re.findall(r"[A-Za-z]", titles)) and _HANGUL.search(titles)
        else "en"
    )


class SiteBuilder:
    """Plans file names for a journal's posts and tags, and writes the site."""

    def __init__(self, journal: Journal, out: Path, flavor: str | None = None, title: str | None = None):
        self.journal, self.out = journal, out
        self.title = title or journal_title(journal.root, [info.path for info in journal.posts])
        self.flavor = flavor or journal.flavor
        posts = sorted(journal.posts, key=lambda info: info.relpath)
        taken: set[str] = set()
        self.post_pages = {
            info.relpath: f"posts/{safe_name(Path(info.relpath).stem, taken)}.html" for info in posts
        }
        taken = set()
        self.tag_pages = {
            tag: f"tags/{safe_name(tag, taken)}.html" for tag in sorted(journal.by_tag()) if tag != UNTAGGED
        }
        self.lang = _lang_of(posts)
        self.left_out: set[str] = set()  # posts with no page: drafts, unreadable, failed
        self._items: dict[str, tuple[str, str]] = {}  # relpath -> its post_list item, split at the link
        self.image_top = image_top(journal.root / "_", journal.root)  # where images must lie

    def shown(self, posts: list[PostInfo]) -> list[PostInfo]:
        return [info for info in posts if info.relpath not in self.left_out]

    def post_html(self, info: PostInfo) -> tuple[str, dict]:
        """The page of one post, images copied into the site's image folder; also what the
        page depends on besides the post (its images' stamps, and whether any was missing)."""
        post = load_post(info.path, self.journal.root)  # a link out of the journal is not read
        images = ImageCollector(post, self.journal.root, self.out / "images", "../images/", mirror=True)
        images.top = self.image_top  # (the same for every post)
        content = self.link_posts(
            render_post(post, self.journal.root, image_url=images, flavor=self.flavor), info
        )
        nav = f'<nav class="site"><a href="../index.html">← {self.home_label()}</a></nav>\n'
        page = build_page(
            post, content, nav=nav, tag_url=lambda tag: "../" + quote(self.tag_pages.get(tag, "index.html"))
        )
        return page, {
            "images": {str(path): stamp(path) for path in images.images},
            # where the missing images were looked for: a file there re-renders the page
            "missing": sorted(
                {
                    str(candidate)
                    for src in images.missing
                    for candidate in image_candidates(src, cast(Path, post.path), self.journal.root)
                }
            ),
        }

    def link_posts(self, content: str, info: PostInfo) -> str:
        """Links to other posts' ``.md`` files point at their pages in the site."""

        def replace(match: re.Match) -> str:
            target = html.unescape(match.group(2))
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.lower().endswith(POST_SUFFIXES):
                return match.group()
            try:
                linked = (info.path.parent / unquote(parts.path)).resolve()
                relpath = linked.relative_to(self.journal.root.resolve()).as_posix()
            except (OSError, ValueError):
                return match.group()
            page = self.post_pages.get(relpath)
            if page is None or relpath in self.left_out:
                return match.group()
            anchor = f"#{parts.fragment}" if parts.fragment else ""
            return f"{match.group(1)}{href('../' + page)}{html.escape(anchor)}{match.group(3)}"

        return _LINK.sub(replace, content)

    def home_label(self) -> str:
        return "모든 글" if self.lang == "ko" else "All posts"

    def post_list(self, posts: list[PostInfo], prefix: str) -> str:
        """The list of ``posts`` (those shown) linking their pages, each link led by ``prefix``
        (a run of ``../``, which quoting leaves as it is)."""
        items = []
        for info in self.shown(posts):
            item = self._items.get(info.relpath)
            if item is None:  # (made once a post: it is listed in the index and under each tag)
                item = self._items[info.relpath] = (
                    f'<li><time datetime="{info.date.isoformat()}">{local(info.date):%Y-%m-%d}</time>'
                    '<a href="',
                    f'{href(self.post_pages[info.relpath])}">{html.escape(info.title)}</a></li>',
                )
            items.append(item[0] + prefix + item[1])
        return '<ul class="post-list">\n' + "\n".join(items) + "\n</ul>"

    def index_html(self) -> str:
        ko = self.lang == "ko"
        parts = []
        counts = [
            (tag, len(self.shown(posts)))
            for tag, posts in self.journal.by_tag().items()
            if tag != UNTAGGED and self.shown(posts)
        ]
        if counts:
            links = " ".join(
                f'<a class="tag" href="{href(self.tag_pages[tag])}">#{html.escape(tag)} ({count})</a>'
                for tag, count in counts
            )
            parts.append(f'<section class="tags">{links}</section>')
        for year, months in self.journal.by_date().items():
            parts.append(f"<h2>{year}{'년' if ko else ''}</h2>")
            for month, posts in months.items():
                if not self.shown(posts):
                    continue
                label = f"{month}월" if ko else f"{year}-{month:02d}"
                parts.append(f"<h3>{label} ({len(posts)})</h3>\n" + self.post_list(posts, ""))
        title = self.title
        header = (
            f'<header class="post-header"><h1 class="post-title">{html.escape(title)}</h1>'
            f'<p class="post-meta">{len(self.shown(self.journal.posts))}{"개의 글" if ko else " posts"}'
            "</p></header>"
        )
        return build_document(
            title=title, lang=self.lang, description="", header=header, content="\n".join(parts)
        )

    def tag_html(self, tag: str, posts: list[PostInfo]) -> str:
        header = (
            f'<header class="post-header"><h1 class="post-title">#{html.escape(tag)}</h1>'
            f'<p class="post-meta">{len(self.shown(posts))}{"개의 글" if self.lang == "ko" else " posts"}'
            "</p></header>"
        )
        nav = f'<nav class="site"><a href="../index.html">← {self.home_label()}</a></nav>\n'
        return build_document(
            title=f"#{tag}",
            lang=self.lang,
            description="",
            header=header,
            content=self.post_list(posts, "../"),
            nav=nav,
        )


_builder: SiteBuilder | None = None  # set for the duration of an export; forked workers inherit it
_staging: Staging | None = None  # where the pages rendered are written (see export_site)

Rendered = tuple[str, str | None, dict, bool]  # see _render_pages


def _render_pages(items: list[PostInfo]) -> list[Rendered]:
    """(relpath, error or None, dependencies, written) for each post: its page rendered and
    held in the export's staging folder (when its text changed), here or in a worker process
    (the page is not sent back)."""
    builder, staging = cast(SiteBuilder, _builder), cast(Staging, _staging)  # set while exporting
    results: list[Rendered] = []
    for info in items:
        try:
            page, depends = builder.post_html(info)
        except (OSError, ValueError, JournalError) as exc:
            results.append((info.relpath, str(exc), {}, False))
            continue
        # (a page that cannot be written fails the export, not just this post)
        results.append((info.relpath, None, depends, staging.put(builder.post_pages[info.relpath], page)))
    return results


def export_site(
    root: str | Path | Journal,
    out: str | Path,
    progress: Callable[[int, int], None] | None = None,
    flavor: str | None = None,
    title: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SiteResult:
    """Export the journal at ``root`` (or the open ``Journal`` given, not read again) as a
    static site in ``out``, its posts rendered as ``flavor`` (by default the journal's own),
    titled ``title`` (by default the journal's own name for itself: ``site_title.journal_title``).

    ``cancelled`` is asked after each post is rendered (in this process, then: a worker could
    not ask it); when it says yes, SiteCancelled is raised. Without ``cancelled`` (the command
    line) the posts are rendered in worker processes, each page written by the worker that
    rendered it (pages are not sent back). Either way the pages, the tag pages and the index
    are written aside and replace the old ones only once all are written (see
    :mod:`.site_files`), the manifest last: an export that does not finish (cancelled, or a
    page that could not be written) leaves the site as it was, and removes the folders it made.
    """
    journal = root if isinstance(root, Journal) else Journal(root)
    out = Path(out).absolute()
    inside = (
        out.relative_to(journal.root).parts if out == journal.root or journal.root in out.parents else None
    )
    if inside is not None and not (inside and (inside[0].startswith(".") or inside[0] in SKIPPED_FOLDERS)):
        raise JournalError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{folder} is inside the journal; export to a folder outside it "
                "(or to _site or public, which the journal skips).",
            ),
            folder=out,
        )
    made = [folder for folder in (out, *out.parents) if not folder.exists()]  # the outermost last
    out.mkdir(parents=True, exist_ok=True)
    builder = SiteBuilder(journal, out, flavor, title)
    manifest_path = out / MANIFEST
    try:
        manifest = json.loads(read_regular(manifest_path, MAX_MANIFEST_BYTES))
        if manifest.get("version") != __version__:
            manifest = {}
    except (OSError, ValueError):
        manifest = {}
    previous = manifest.get("posts", {})
    current: dict[str, dict] = {}
    stale: list[PostInfo] = []
    failed: list[Words] = []
    drafts = 0
    for info in journal.posts:
        if info.draft:
            builder.left_out.add(info.relpath)
            drafts += 1
            continue
        stat: os.stat_result | OSError
        try:
            stat = os.stat(info.path)
        except OSError as exc:
            stat = exc
        if isinstance(stat, OSError) or not info.readable:
            builder.left_out.add(info.relpath)
            problem = info.problem_words[0] if info.problem_words else str(stat)
            failed.append(Words(FAILED, {"post": info.relpath, "problem": problem}))
            continue
        page_name = builder.post_pages[info.relpath]
        key = {
            "mtime_ns": stat.st_mtime_ns,
            "size": stat.st_size,
            "page": page_name,
            "flavor": builder.flavor,
            "tags": [builder.tag_pages.get(tag, "") for tag in info.tags],
        }
        current[info.relpath] = key
        before = previous.get(info.relpath, {})
        if (
            {name: value for name, value in before.items() if name in key} != key
            or not (out / page_name).is_file()
            or images_changed(before, journal.root, out)
        ):
            stale.append(info)
        else:
            key.update(images=before.get("images", {}), missing=before.get("missing", []))
    total = len(journal.posts)
    done_before = total - len(stale)

    def report(done: int) -> None:
        if progress is not None:
            progress(done_before + done, total)
        if cancelled is not None and cancelled():
            raise SiteCancelled

    global _builder, _staging
    staging = Staging(out)  # (made before the workers are forked: they write into it)
    _builder, _staging = builder, staging
    page_css()  # once, before the workers are forked
    try:
        if cancelled is not None and cancelled():  # (pressed while the journal was looked at)
            raise SiteCancelled
        if stale:
            prepare(builder.flavor)  # imported and built once, here, not in each worker
        if cancelled is None:
            rendered, _ = chunked_map(_render_pages, stale, minimum=64, chunk=16, progress=report)
        else:  # one post at a time, here: asked after each
            rendered, _ = chunked_map(_render_pages, stale, minimum=len(stale) + 1, chunk=1, progress=report)
        staged = []
        for relpath, error, depends, put in rendered:
            if error is not None:
                failed.append(Words(FAILED, {"post": relpath, "problem": error}))
                builder.left_out.add(relpath)
                current.pop(relpath, None)
                continue
            current[relpath].update(depends)
            if put:
                staged.append(builder.post_pages[relpath])
        for tag, posts in journal.by_tag().items():
            if (
                tag != UNTAGGED
                and builder.shown(posts)
                and staging.put(builder.tag_pages[tag], builder.tag_html(tag, posts))
            ):
                staged.append(builder.tag_pages[tag])
        if staging.put("index.html", builder.index_html()):
            staged.append("index.html")
        if (stale or staged) and hasattr(os, "sync"):
            # the pages and images onto the disk in one wait, not one each (a thousand waits
            # were most of an export), before any replaces an old one: a crash then leaves
            # every page whole, old or new
            os.sync()
        staging.commit(staged)  # every page written: now they replace the old ones
    except BaseException:
        if made:  # images copied meanwhile: a folder this export made goes again
            shutil.rmtree(made[-1], ignore_errors=True)
        raise
    finally:
        _builder, _staging = None, None
        staging.discard()
    pages_now = {k["page"] for k in current.values()}
    for relpath, key in previous.items():
        if relpath not in current and key.get("page") not in pages_now:
            remove_page(out, key.get("page"))
    _write_manifest(out, json.dumps({"version": __version__, "posts": current}, ensure_ascii=False, indent=1))
    if progress and not stale:
        progress(total, total)
    return SiteResult(total, len(rendered), len(staged), [str(said) for said in failed], drafts, failed)


def _write_manifest(out: Path, text: str) -> None:
    """The manifest written (atomically, and on disk before this returns) when it changed."""
    data = displayable_bytes(text)
    try:
        if not os.path.islink(out / MANIFEST) and read_regular(out / MANIFEST, len(data)) == data:
            return
    except OSError:
        pass
    write_inside(out, MANIFEST, data)
