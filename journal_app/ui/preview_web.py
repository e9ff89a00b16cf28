"""The preview's web side: the one web profile of the process, the page that keeps the preview
on its own page, the guard on its requests, and the web view made of them. Imported when the
preview makes its web view, a moment after the window shows the post (Qt WebEngine's modules
are not needed before)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
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

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
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


def web_view(parent: QWidget) -> tuple[QWebEngineView, PreviewPage, PreviewGuard]:
    """A web view in ``parent`` on a page of the shared profile, guarded, with JavaScript off
    for the page itself (our scripts run in their own world), no plugins, no remote access."""
    view = QWebEngineView(parent)
    page = PreviewPage(shared_profile(), view)
    guard = PreviewGuard(page)  # goes with the page it guards
    page.setUrlRequestInterceptor(guard)
    view.setPage(page)
    settings = page.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
    settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
    return view, page, guard
