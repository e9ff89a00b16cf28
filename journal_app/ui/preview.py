"""The live preview: a QWebEngineView whose page is loaded once and then updated in place.

Rendering runs on a worker thread, coalesced: while one render runs, only the newest request
waits. Updates replace the article through runJavaScript in an isolated world, so the scroll
position stays and nothing flickers; JavaScript is off for the page itself, so nothing from a
post can run. Link clicks open the system browser; the preview never navigates away.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from ..core.boundary import vet_image
from ..core.export import build_document
from ..core.flavor import raw_html_shown
from ..core.render import file_image_url, render_markdown

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
PREVIEW_CSP = "default-src 'none'; script-src 'none'; img-src file: data:{remote}; style-src 'unsafe-inline'"
SCROLL_JS = """
(function (line) {
  var nodes = document.querySelectorAll('#content [data-line]');
  var before = null, after = null;
  for (var i = 0; i < nodes.length; i++) {
    var at = parseInt(nodes[i].getAttribute('data-line'), 10);
    if (at <= line) { before = nodes[i]; } else { after = nodes[i]; break; }
  }
  if (!before) { window.scrollTo(0, 0); return; }
  var top = before.getBoundingClientRect().top + window.scrollY;
  if (after) {
    var first = parseInt(before.getAttribute('data-line'), 10);
    var next = parseInt(after.getAttribute('data-line'), 10);
    var nextTop = after.getBoundingClientRect().top + window.scrollY;
    top += (nextTop - top) * (line - first) / Math.max(1, next - first);
  }
  window.scrollTo(0, Math.max(0, top - 12));
})(%d);
"""


class RenderWorker(QObject):
    """Renders markdown on its own thread, as the journal's platform does."""

    rendered = Signal(int, str)

    @Slot(int, str, int, str, str, str)
    def render(
        self, request: int, body: str, first_line: int, post_path: str, root: str, flavor: str
    ) -> None:
        resolver = file_image_url(Path(post_path) if post_path else None, Path(root) if root else None)
        try:
            raw_html = raw_html_shown(root or None, flavor)  # a Hugo site's settings decide
            fragment = render_markdown(
                body, flavor=flavor, first_line=first_line, image_url=resolver, raw_html=raw_html
            )
        except Exception as exc:  # a renderer bug must not kill the preview thread
            fragment = f"<pre>Could not render this post: {html.escape(repr(exc))}</pre>"
        self.rendered.emit(request, fragment)


_profile: QWebEngineProfile | None = None


def shared_profile() -> QWebEngineProfile:
    """The one web profile of this process: off the record (nothing kept on disk), made once and
    owned by the application, so that it outlives every preview page that uses it.

    A profile per window was deleted with its window, next to the page and the view's render
    widget that still used it; one profile that is never deleted while a page lives leaves no
    such order to get wrong (and one web engine browser context costs less memory than one per
    window). Each page keeps its own request guard (``QWebEnginePage.setUrlRequestInterceptor``).
    """
    global _profile
    if _profile is None:
        _profile = QWebEngineProfile(QCoreApplication.instance())
    return _profile


class PreviewGuard(QWebEngineUrlRequestInterceptor):
    """Lets the preview load only files inside the journal (and remote images when allowed).

    Every request the page makes passes here (on Qt's IO thread); what was let through and what
    was blocked is recorded, newest last, for the status bar and for tests.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root: Path | None = None
        self.allow_remote_images = False
        self.allowed: list[str] = []
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt name)
        url = info.requestUrl()
        scheme = url.scheme()
        if scheme in ("data", "blob", "about"):
            return  # the page itself and inline images: nothing leaves the machine
        allowed = False
        if scheme == "file" and self.root is not None:
            # the same rule as the renderer's: inside the journal, a regular file, an image
            local = url.toLocalFile()
            vetted = vet_image(local, Path(local), str(self.root))  # None: nothing is there
            allowed = vetted is not None and vetted.path is not None
        elif scheme in ("http", "https"):
            image = info.resourceType() == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeImage
            allowed = self.allow_remote_images and image
        (self.allowed if allowed else self.blocked).append(url.toString())
        if not allowed:
            info.block(True)


class PreviewPage(QWebEnginePage):
    """Keeps the preview on its page: link clicks go to the system browser."""

    link_clicked = Signal(QUrl)
    loaded_once: bool  # set by Preview.load_shell and _loaded; unset before the first shell

    # Qt always passes a QUrl; the stub's "QUrl | str" is for Python callers (hence the ignore)
    def acceptNavigationRequest(  # type: ignore[override]  # noqa: N802
        self, url: QUrl, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            here = self.url().toString().split("#")[0]
            if url.hasFragment() and url.toString().split("#")[0] == here:
                return True  # a footnote or heading anchor inside the page
            self.link_clicked.emit(url)
            if url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
            return False
        return not getattr(self, "loaded_once", False)


class Preview(QWebEngineView):
    """The preview pane."""

    _render = Signal(int, str, int, str, str, str)
    updated = Signal()

    def __init__(self, parent: QWidget | None = None, allow_remote_images: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName("Preview")
        self.preview_page = PreviewPage(shared_profile(), self)
        self.guard = PreviewGuard(self.preview_page)  # goes with the page it guards
        self.preview_page.setUrlRequestInterceptor(self.guard)
        self.setPage(self.preview_page)
        settings = self.preview_page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.allow_remote_images = allow_remote_images
        self.ready = False
        self._pending_html: tuple[str, str] | None = None
        self._request = 0
        self._busy = False
        self._queued: tuple | None = None
        self.last_html = ""
        self._closing = False
        self._thread = QThread(self)
        self._worker = RenderWorker()
        self._worker.moveToThread(self._thread)
        self._render.connect(self._worker.render)
        self._worker.rendered.connect(self._rendered)
        self._thread.finished.connect(self._worker.deleteLater)  # goes on its own thread, last
        self._thread.start()
        self.loadFinished.connect(self._loaded)
        self._header_html = ""
        self.load_shell(None)

    def load_shell(self, root: Path | None) -> None:
        """Load the page (once per journal): the shared CSS and an empty article."""
        self.ready = False
        self.preview_page.loaded_once = False
        self.guard.root = root.resolve() if root else None
        self.guard.allow_remote_images = self.allow_remote_images
        self._root = root
        # local pages may reach the web only when remote images are allowed (the guard and the
        # CSP then still let images through, nothing else)
        self.preview_page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, self.allow_remote_images
        )
        remote = " https: http:" if self.allow_remote_images else ""
        page = build_document(
            title="Preview",
            lang="ko",
            description="",
            header="",
            content="",
            csp=PREVIEW_CSP.format(remote=remote),
        )
        base = QUrl.fromLocalFile(str(root) + "/") if root else QUrl("file:///")
        self.setHtml(page, base)

    def _loaded(self, ok: bool) -> None:
        self.preview_page.loaded_once = True
        self.ready = True
        if self._pending_html is not None:
            header, content = self._pending_html
            self._pending_html = None
            self._apply(header, content)

    # -- rendering ---------------------------------------------------------------------
    def request(
        self,
        body: str,
        first_line: int,
        post_path: Path | None,
        root: Path | None,
        header_html: str,
        flavor: str = "commonmark",
    ) -> None:
        """Ask for a render of ``body`` as ``flavor``'s platform shows it; only the newest
        request waits while one runs."""
        self._request += 1
        self._header_html = header_html
        job = (self._request, body, first_line, str(post_path or ""), str(root or ""), flavor)
        if self._busy:
            self._queued = job
        else:
            self._busy = True
            self._render.emit(*job)

    def _rendered(self, request: int, fragment: str) -> None:
        self._busy = False
        queued, self._queued = self._queued, None
        if queued is not None:
            self._busy = True
            self._render.emit(*queued)
        # the newest render, or an older one while typing goes on (it is closer than what shows)
        if request == self._request or queued is not None:
            self._display(self._header_html, fragment)

    def show_fragment(self, header_html: str, fragment: str) -> None:
        """Show ``fragment`` now; renders still running for older text are dropped."""
        self._request += 1
        self._queued = None
        self._display(header_html, fragment)

    def _display(self, header_html: str, fragment: str) -> None:
        self.last_html = fragment
        if not self.ready:
            self._pending_html = (header_html, fragment)
            return
        self._apply(header_html, fragment)

    def _apply(self, header_html: str, fragment: str) -> None:
        script = (
            "document.getElementById('post-header').innerHTML = %s;"
            "document.getElementById('content').innerHTML = %s; true;"
            % (json.dumps(header_html), json.dumps(fragment))
        )
        self.preview_page.runJavaScript(script, WORLD, self._applied)

    def _applied(self, _result: object) -> None:
        if not self._closing:
            self.updated.emit()

    def scroll_to_line(self, line: int) -> None:
        """Scroll so that the block holding file line ``line`` is at the top."""
        if self.ready:
            self.preview_page.runJavaScript(SCROLL_JS % int(line), WORLD)

    def run_in_page(self, script: str, callback) -> None:
        """Run our own script in the isolated world and pass its result to ``callback``."""
        self.preview_page.runJavaScript(
            script, WORLD, lambda result: None if self._closing else callback(result)
        )

    def set_remote_images(self, allowed: bool) -> None:
        """Allow or forbid remote images; reloads the page (the caller renders again)."""
        self.allow_remote_images = allowed
        self.load_shell(getattr(self, "_root", None))

    def shutdown(self) -> None:
        """Stop the render thread (call before the window goes away).

        From here on the answers of scripts still running in the page are dropped: the page
        calls them back with an empty result while Qt deletes it, inside the deletion of this
        view, where a signal of the view is no longer safe to emit (it was seen to fail there).
        """
        self._closing = True
        self._thread.quit()
        self._thread.wait(3000)
