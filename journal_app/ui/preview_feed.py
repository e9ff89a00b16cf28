"""The open post to the preview: its header and body, rendered as the journal's platform does,
whenever the document loads a post or takes in the editor's text; and the preview's scroll
following the editor's. The preview only reads the post (``OpenDocument.sync`` fills it)."""

from __future__ import annotations

from .document import OpenDocument
from .limits import preview_note
from .preview import Preview


class PreviewFeed:
    """Feeds ``preview`` from ``document`` (connected on construction)."""

    def __init__(self, preview: Preview, document: OpenDocument):
        self.preview, self.document = preview, document
        document.loaded.connect(self.refresh)
        document.changed.connect(self.refresh)
        self._line: int | None = None  # a line to bring into view once the next render is shown
        document.editor.verticalScrollBar().valueChanged.connect(self.follow_editor)
        preview.updated.connect(self._rendered)
        document.changed.connect(self._typed)

    def refresh(self) -> None:
        """Send the post's text to the renderer (coalesced; never waits for it). What takes
        time with a long post (its language, its longest line) is worked out on the render
        thread, from values taken from the post here."""
        post = self.document.post
        if post is None:
            self.preview.show_fragment("", "")
            return
        metadata = post.metadata
        declared = metadata.get("lang") or metadata.get("language")
        title, date, tags, description = post.title, post.date, list(post.tags), post.description
        body, first_line = post.body, post.body_start_line

        def prepare() -> tuple[str, str | None]:  # on the render thread (which loads the renderer)
            from ..core.export import text_lang
            from ..core.render import render_header

            lang = text_lang(declared, title, body)
            return render_header(title, date, tags, description, lang), preview_note(body, first_line)

        self.preview.request_post(
            body, first_line, post.path, self.document.root, self.document.flavor(), prepare
        )

    def follow_editor(self) -> None:
        """Scroll the preview to the editor's first visible line."""
        self._line = None
        self.preview.scroll_to_line(self.document.editor.first_visible_line() + 1)

    def show_line(self, line: int) -> None:
        """Scroll the preview to file line ``line`` (a match found), now and, for a post just
        opened, again when its render is shown."""
        self._line = line
        self.preview.scroll_to_line(line)

    def _typed(self) -> None:
        self._line = None  # the render that comes is of typing: the preview stays where it is

    def _rendered(self) -> None:
        if self._line is not None and self.preview.settled:  # (not an earlier post's render)
            self.preview.scroll_to_line(self._line)
            self._line = None
