"""The live preview: a QWebEngineView whose page is loaded once and then updated in place.

Rendering runs on a worker thread, coalesced: while one render runs, only the newest request
waits; the worker renders incrementally (:mod:`journal_app.core.incremental`). Updates patch the
article unit by unit through runJavaScript in an isolated world: each unit of the render follows
a ``<!--b:KEY-->`` comment, and only the units that changed are removed, inserted or get their
line numbers moved, so the scroll position stays and nothing flickers; JavaScript is off for the
page itself, so nothing from a post can run. Link clicks open the system browser; the preview
never navigates away.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QUrl, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget


if TYPE_CHECKING:  # Qt WebEngine is imported with the web view (preview_web), not the window
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from ..core.incremental import IncrementalRenderer, Rendering
    from .preview_web import PreviewGuard, PreviewPage

PREVIEW_CSP = "default-src 'none'; script-src 'none'; img-src file: data:{remote}; style-src 'unsafe-inline'"
SCROLL_JS = """
(function (line) {
  function place() {
    var nodes = document.querySelectorAll('#content [data-line]');
    var before = null, after = null;
    for (var i = 0; i < nodes.length; i++) {
      var at = parseInt(nodes[i].getAttribute('data-line'), 10);
      if (at <= line) { before = nodes[i]; } else { after = nodes[i]; break; }
    }
    if (!before) { window.scrollTo(0, 0); return window.scrollY; }
    var top = before.getBoundingClientRect().top + window.scrollY;
    if (after) {
      var first = parseInt(before.getAttribute('data-line'), 10);
      var next = parseInt(after.getAttribute('data-line'), 10);
      var nextTop = after.getBoundingClientRect().top + window.scrollY;
      top += (nextTop - top) * (line - first) / Math.max(1, next - first);
    }
    window.scrollTo(0, Math.max(0, top - 12));
    return window.scrollY;
  }
  // an image still loading changes the page's height when it arrives: the line is placed again
  // then, unless the preview was scrolled since (by the user, or to another line)
  var placed = place(), mine = {};
  window.journalScroll = mine;
  document.querySelectorAll('#content img').forEach(function (image) {
    if (image.complete) { return; }
    var again = function () {
      if (window.journalScroll === mine && window.scrollY === placed) { placed = place(); }
    };
    image.addEventListener('load', again, {once: true});
    image.addEventListener('error', again, {once: true});
  });
})(%d);
"""


PATCH_JS = """
(function (ops) {
  var content = document.getElementById('content');
  function isMark(node) { return node.nodeType === 8 && node.data.lastIndexOf('b:', 0) === 0; }
  var marks = window.journalUnits;  // kept between patches (our world's globals stay with the page)
  if (!marks || marks.content !== content) {
    marks = {content: content, at: {}};
    for (var node = content.firstChild; node; node = node.nextSibling) {
      if (isMark(node)) { marks.at[node.data.slice(2)] = node; }
    }
    window.journalUnits = marks;
  }
  marks = marks.at;
  function fail() { window.journalUnits = null; return false; }
  function nodesOf(mark) {
    var found = [];
    for (var node = mark.nextSibling; node && !isMark(node); node = node.nextSibling) { found.push(node); }
    return found;
  }
  for (var i = 0; i < ops.length; i++) {
    var op = ops[i];
    if (op[0] !== 'insert' && !marks[op[1]]) { return fail(); }
    if (op[0] === 'remove') {
      nodesOf(marks[op[1]]).forEach(function (node) { content.removeChild(node); });
      content.removeChild(marks[op[1]]);
      delete marks[op[1]];
    } else if (op[0] === 'lines') {
      var elements = [];
      nodesOf(marks[op[1]]).forEach(function (node) {
        if (node.nodeType !== 1) { return; }
        if (node.hasAttribute('data-line')) { elements.push(node); }
        Array.prototype.push.apply(elements, node.querySelectorAll('[data-line]'));
      });
      if (elements.length !== op[2].length) { return fail(); }
      for (var j = 0; j < elements.length; j++) { elements[j].setAttribute('data-line', String(op[2][j])); }
    } else {
      var before = op[3] === null ? null : marks[op[3]];
      if (before === undefined) { return fail(); }
      var holder = document.createElement('template');  // inert: nothing in it runs or loads early
      holder.innerHTML = '<!--b:' + op[1] + '-->' + op[2];
      var fragment = holder.content;
      marks[op[1]] = fragment.firstChild;
      content.insertBefore(fragment, before);
    }
  }
  return true;
})(%s);
"""


DARK_QUERY = "@media (prefers-color-scheme: dark)"
STYLE_JS = "(function (css) { document.querySelector('style').textContent = css; return true; })(%s);"


def preview_css(scheme: str, line_width: int) -> str:
    """The page CSS in one scheme ("light" or "dark"), whatever the system prefers, and the
    text column ``line_width`` rem wide (exported pages keep following ``prefers-color-scheme``)."""
    from ..core.export import page_css  # (the renderers load on the render thread, not at launch)

    css = page_css().replace(DARK_QUERY, "@media all" if scheme == "dark" else "@media not all")
    width = f"article.post {{ max-width: {int(line_width)}rem; }}"
    return css + f"\n:root {{ color-scheme: {scheme}; }}\n{width}\n"


class Patch:
    """The page operations that turn a page showing ``base`` into ``target`` (``page_patch``),
    with their JSON, made on the render thread; None as ``ops`` when the article is filled anew."""

    def __init__(self, base: Rendering | None, target: Rendering) -> None:
        from ..core.incremental import page_patch

        self.base, self.target = base, target
        self.ops = page_patch(base, target)
        self.script = PATCH_JS % json.dumps(self.ops) if self.ops is not None else ""


def marked(rendering: Rendering) -> str:
    """The whole article for the page: each unit after its ``<!--b:KEY-->`` comment."""
    return "".join(f"<!--b:{key}-->{html}" for key, html in zip(rendering.keys, rendering.html))


Prepare = Callable[[], tuple[str, "str | None"]]
"""Run on the render thread before a render: the page header's HTML, and a note to show
instead of the render (a post too large to render while typing), or None to render."""


class RenderWorker(QObject):
    """Renders markdown on its own thread, as the journal's platform does, reusing what it
    rendered of the same post before."""

    rendered = Signal(int, object, object, str)  # request, Rendering, Patch against the last one, header

    def __init__(self) -> None:
        super().__init__()
        self._renderer: IncrementalRenderer | None = None
        self._post = ""
        self._last: Rendering | None = None

    @Slot(int, object, int, str, str, str, object)
    def render(
        self,
        request: int,
        body: str,
        first_line: int,
        post_path: str,
        root: str,
        flavor: str,
        prepare: Prepare,
    ) -> None:
        from ..core.flavor import raw_html_shown
        from ..core.incremental import IncrementalRenderer, Rendering
        from ..core.render import file_image_url

        resolver = file_image_url(Path(post_path) if post_path else None, Path(root) if root else None)
        header = ""
        try:
            header, note = prepare()
            if note is not None:
                self._finish(request, Rendering.single(note), header)
                return
            raw_html = raw_html_shown(root or None, flavor)  # a Hugo site's settings decide
            if (
                self._renderer is None
                or (self._renderer.flavor, self._renderer.raw_html) != (flavor, raw_html)
                or self._post != post_path
            ):
                self._renderer, self._post = IncrementalRenderer(flavor, raw_html), post_path
            rendering = self._renderer.render(body, first_line, resolver)
        except Exception as exc:  # a renderer bug must not kill the preview thread
            self._renderer = None
            said = QCoreApplication.translate("Preview", "Could not render this post: {error}")
            rendering = Rendering.single(f"<pre>{said.format(error=html.escape(repr(exc)))}</pre>")
        self._finish(request, rendering, header)

    def _finish(self, request: int, rendering: Rendering, header: str) -> None:
        # the page patch from the previous render is worked out here too, off the GUI thread
        # (for a megabyte post it compares some 15,000 blocks and writes their lines as JSON)
        patch = Patch(self._last, rendering)
        self._last = rendering
        self.rendered.emit(request, rendering, patch, header)


_finishing: list[QObject] = []  # render threads (and workers) still busy when their window closed
SHUTDOWN_WAIT_MS = 3000


def shared_profile() -> QWebEngineProfile:
    """The one web profile of this process (``preview_web.shared_profile``)."""
    from .preview_web import shared_profile as made

    return made()


class Preview(QWidget):
    """The preview pane. Its web view is made by ``build``, a moment after the window first
    shows (the first web page starts the web engine: a third of the launch); until then it is
    a page still loading, whose requests wait for it, and the render thread already runs."""

    _render = Signal(int, object, int, str, str, str, object)  # the body as a Python str: not copied twice
    updated = Signal()

    def __init__(self, parent: QWidget | None = None, allow_remote_images: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName(self.tr("Preview"))
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.view: QWebEngineView | None = None  # made by build
        self.preview_page: PreviewPage  # made by build, with its guard
        self.guard: PreviewGuard
        self.allow_remote_images = allow_remote_images
        self.scheme, self.line_width = "light", 46  # the page's colours and text column (rem)
        self.ready = False
        self._pending_html: tuple[str, Rendering] | None = None
        self._shown: Rendering | None = None  # what the page's article holds
        self._shown_header: str | None = None
        self._request = 0
        self._busy = False
        self._queued: tuple | None = None
        self._latest: Rendering | None = None  # the newest render, shown or waiting for the page
        self._held = False  # renders wait (hold_renders) until release_renders
        self._closing = False
        self._root: Path | None = None
        self.shutdown_wait_ms = SHUTDOWN_WAIT_MS  # how long closing waits for a render
        self._thread = QThread(self)
        self._worker = RenderWorker()
        self._worker.moveToThread(self._thread)
        self._render.connect(self._worker.render)
        self._worker.rendered.connect(self._rendered)
        self._thread.finished.connect(self._worker.deleteLater)  # goes on its own thread, last
        self._thread.start()

    def build(self) -> None:
        """Make the web view and load the page (once; nothing after ``shutdown``)."""
        if self.view is not None or self._closing:
            return
        from .preview_web import WORLD, web_view

        self._world = WORLD
        view, self.preview_page, self.guard = web_view(self)
        view.setAccessibleName(self.accessibleName())
        view.loadFinished.connect(self._loaded)
        self.view = view
        self.load_shell(self._root)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(view)

    def page(self) -> QWebEnginePage | None:
        """The web page (None until ``build``)."""
        return self.view.page() if self.view is not None else None

    def url(self) -> QUrl:
        """The page's address (empty until ``build``)."""
        return self.view.url() if self.view is not None else QUrl()

    def load_shell(self, root: Path | None) -> None:
        """Load the page (once per journal): the shared CSS and an empty article."""
        self.ready = False
        self._shown, self._shown_header = None, None
        self._root = root
        if self.view is None:
            return  # build loads it
        self.preview_page.loaded_once = False
        self.guard.root = root.resolve() if root else None
        self.guard.allow_remote_images = self.allow_remote_images
        # local pages may reach the web only when remote images are allowed (the guard and the
        # CSP then still let images through, nothing else)
        settings = self.preview_page.settings()
        settings.setAttribute(settings.WebAttribute.LocalContentCanAccessRemoteUrls, self.allow_remote_images)
        remote = " https: http:" if self.allow_remote_images else ""
        from ..core.export import build_document, page_css

        page = build_document(
            title="Preview",
            lang="ko",
            description="",
            header="",
            content="",
            csp=PREVIEW_CSP.format(remote=remote),
        )
        self._page_look = (self.scheme, self.line_width)
        page = page.replace(page_css(), preview_css(*self._page_look), 1)
        base = QUrl.fromLocalFile(str(root) + "/") if root else QUrl("file:///")
        self.view.setHtml(page, base)

    def _loaded(self, ok: bool) -> None:
        self.preview_page.loaded_once = True
        self.ready = True
        if self._page_look != (self.scheme, self.line_width):
            self._restyle()
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
        self.request_post(body, first_line, post_path, root, flavor, lambda: (header_html, None))

    def request_post(
        self,
        body: str,
        first_line: int,
        post_path: Path | None,
        root: Path | None,
        flavor: str,
        prepare: Prepare,
    ) -> None:
        """``request``, with the header (and a note instead of the render) worked out by
        ``prepare`` on the render thread: nothing of a keystroke's render that can wait for
        that thread runs on the GUI thread."""
        self._request += 1
        job = (self._request, body, first_line, str(post_path or ""), str(root or ""), flavor, prepare)
        if self._busy or self._held:
            self._queued = job
        else:
            self._busy = True
            self._render.emit(*job)

    def hold_renders(self) -> None:
        """Let renders wait, the newest request kept, until :meth:`release_renders`: at launch
        the render thread would import the renderer (markdown-it-py, nh3, Pygments) while the
        window is building its first paint, and take the interpreter lock from it."""
        self._held = True

    def release_renders(self) -> None:
        """Render the newest request held since :meth:`hold_renders` (if any), and every one
        after as it comes."""
        if not self._held:
            return
        self._held = False
        if self._queued is not None and not self._busy:
            job, self._queued = self._queued, None
            self._busy = True
            self._render.emit(*job)

    def _rendered(self, request: int, rendering: Rendering, patch: Patch, header: str) -> None:
        self._busy = False
        queued, self._queued = (None, self._queued) if self._held else (self._queued, None)
        if queued is not None:
            self._busy = True
            self._render.emit(*queued)
        # the newest render, or an older one while typing goes on (it is closer than what shows)
        if request == self._request or queued is not None:
            self._display(header, rendering, patch)

    def show_fragment(self, header_html: str, fragment: str) -> None:
        """Show ``fragment`` now; renders still running for older text are dropped."""
        from ..core.rendering import Rendering

        self._request += 1
        self._queued = None
        self._display(header_html, Rendering.single(fragment))

    @property
    def settled(self) -> bool:
        """No render is running or waiting: what the page shows once ``updated`` comes is the
        newest text asked for (an older post's render can arrive after a new post was asked)."""
        return not self._busy and self._queued is None

    @property
    def last_html(self) -> str:
        """The newest fragment the preview was given (joined only when asked: a megabyte post is
        some 15,000 units, and the typing path does not need them as one string)."""
        return self._latest.fragment if self._latest is not None else ""

    def _display(self, header_html: str, rendering: Rendering, patch: Patch | None = None) -> None:
        self._latest = rendering
        if not self.ready:
            self._pending_html = (header_html, rendering)
            return
        self._apply(header_html, rendering, patch)

    def _apply(self, header_html: str, rendering: Rendering, patch: Patch | None = None) -> None:
        """Bring the page to ``rendering``: only the units that changed, when the page holds an
        earlier render (the whole article otherwise, or when the page was not what we thought).
        ``patch``, made on the render thread, is used when the page shows what it starts from."""
        if patch is None or patch.base is not self._shown or patch.target is not rendering:
            patch = Patch(self._shown, rendering)  # the page shows something else: patch from that
        ops = patch.ops
        script = ""
        if header_html != self._shown_header:
            script = "document.getElementById('post-header').innerHTML = %s;" % json.dumps(header_html)
        if ops is None:
            script += (
                "window.journalUnits = null; document.getElementById('content').innerHTML = %s; true;"
                % json.dumps(marked(rendering))
            )
        else:
            script += patch.script
        self._shown, self._shown_header = rendering, header_html

        def done(result) -> None:
            if self._closing:
                return  # the page answers while Qt deletes it (see shutdown)
            if ops is not None and result is not True and self._shown is rendering:
                # the page did not hold what we thought: fill the article anew
                self._shown = None
                self._apply(header_html, rendering)
                return
            self.updated.emit()

        self.preview_page.runJavaScript(script, self._world, done)

    def scroll_to_line(self, line: int) -> None:
        """Scroll so that the block holding file line ``line`` is at the top."""
        if self.ready:
            self.preview_page.runJavaScript(SCROLL_JS % int(line), self._world)

    def run_in_page(self, script: str, callback) -> None:
        """Run our own script in the isolated world and pass its result to ``callback`` (None
        before ``build``)."""
        if self.view is None:
            callback(None)
            return
        self.preview_page.runJavaScript(
            script, self._world, lambda result: None if self._closing else callback(result)
        )

    def set_appearance(self, scheme: str, line_width: int) -> None:
        """Show the page in ``scheme``'s colours ("light" or "dark") with a text column
        ``line_width`` rem wide; the page keeps its article and its scroll position."""
        if (scheme, line_width) == (self.scheme, self.line_width):
            return
        self.scheme, self.line_width = scheme, line_width
        if self.ready:  # a page still loading gets them when it has loaded
            self._restyle()

    def _restyle(self) -> None:
        self._page_look = (self.scheme, self.line_width)
        css = json.dumps(preview_css(self.scheme, self.line_width))
        self.preview_page.runJavaScript(STYLE_JS % css, self._world)

    def set_remote_images(self, allowed: bool) -> None:
        """Allow or forbid remote images; reloads the page (the caller renders again)."""
        self.allow_remote_images = allowed
        self.load_shell(self._root)

    def shutdown(self) -> None:
        """Stop the render thread (call before the window goes away).

        From here on the answers of scripts still running in the page are dropped: the page
        calls them back with an empty result while Qt deletes it, inside the deletion of this
        view, where a signal of the view is no longer safe to emit (it was seen to fail there).
        """
        self._closing = True
        self._thread.quit()
        if not self._thread.wait(self.shutdown_wait_ms):
            # a long render is still running: a QThread destroyed while it runs aborts the
            # process, so the thread and its worker are let go and kept until the render ends
            # (its answer then reaches no one); each is deleted when the thread finishes
            self._thread.setParent(None)
            _finishing.extend((self._thread, self._worker))
            self._thread.finished.connect(self._thread.deleteLater)
        _finishing[:] = [thing for thing in _finishing if shiboken6.isValid(thing)]
