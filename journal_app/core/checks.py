"""What ``journal-app check`` reports for a post: load problems, velog-backup's ``undefined``
lines, image links whose file does not exist, and images that are there but never shown
(outside the journal, not a regular file, not an image); with ``publishing``, also what the
journal's platform would reject or show wrongly (:mod:`.publish`). Every finding carries its
file line when it has one. Images are found by the journal's own parser, so an ``<img>``
inside code is not an image."""

from __future__ import annotations

from pathlib import Path

from .boundary import refusal_words
from .flavor import detect_flavor
from .post import Post
from .problems import Problem, ProblemKind
from .scan import image_refs, is_remote, locate_image, prose_lines
from .words import QT_TRANSLATE_NOOP

LARGE_POST_BYTES = 5 * 1024 * 1024


def _images(post: Post, flavor: str) -> list[tuple[str, int]]:
    if flavor == "python-markdown":
        return [(ref.src, ref.line) for ref in image_refs(post.body)]
    from .engine import image_sources  # the renderer's parser, imported only by what checks

    return image_sources(post.body, flavor)


def check_post(
    post: Post, root: Path | None = None, flavor: str | None = None, publishing: bool = False
) -> list[Problem]:
    """Every problem of ``post``, in file order (problems without a line first); images are
    read as ``flavor`` reads them (by default the flavor of the journal at ``root``). With
    ``publishing``, the checks before publishing on ``flavor``'s platform too."""
    found = list(post.problem_details)
    size = len(post.to_bytes())
    if size == 0:
        found.append(Problem.of(QT_TRANSLATE_NOOP("Core", "the file is empty"), kind=ProblemKind.EMPTY))
    elif size > LARGE_POST_BYTES:
        found.append(
            Problem.of(
                QT_TRANSLATE_NOOP(
                    "Core", "the post is {size:.1f} MB; the window will not render it while typing"
                ),
                kind=ProblemKind.LARGE,
                size=size / 1024 / 1024,
            )
        )
    offset = post.body_start_line
    for index, line in prose_lines(post.body):
        if line.strip() == "undefined":
            found.append(
                Problem.of(
                    QT_TRANSLATE_NOOP("Core", "'undefined' line: an image velog-backup failed to download"),
                    offset + index,
                    kind=ProblemKind.UNDEFINED_LINE,
                )
            )
    flavor = flavor or (detect_flavor(root) if root is not None else "commonmark")
    if publishing:
        from .publish import publish_problems

        found += publish_problems(post, root, flavor)
    if post.path is not None:
        for src, image_line in _images(post, flavor):
            if not src or is_remote(src):
                continue
            image = locate_image(src, post.path, root)
            if image.missing:
                found.append(
                    Problem.of(
                        QT_TRANSLATE_NOOP("Core", "image not found: {src}"),
                        offset + image_line,
                        kind=ProblemKind.IMAGE_MISSING,
                        src=src,
                    )
                )
            elif image.refused:
                found.append(
                    Problem.of(
                        QT_TRANSLATE_NOOP("Core", "image not shown: {src} ({reason})"),
                        offset + image_line,
                        kind=ProblemKind.IMAGE_REFUSED,
                        src=src,
                        reason=refusal_words(image.refused),
                    )
                )
    return sorted(found, key=lambda problem: problem.line or 0)
