"""File → Export Site…: the whole journal as a static site (``core.site.export_site``).

The dialog asks for the site's title (the journal's own: its Hugo or Jekyll ``title``, a velog
user's name, else the folder's), the output folder (the last one, remembered) and the flavor;
a progress window follows the render post by post and its Cancel stops it after the post being
rendered, before any page is written (a folder the export made goes again). At the end the
site opens in the browser on request.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from ..core import Journal, JournalError
from ..core.flavor import FLAVORS
from ..core.site import SiteCancelled, SiteResult, export_site
from ..core.site_title import journal_title
from .actions import FLAVOR_LABELS
from .plain import PlainMessageBox, warning
from .problem_words import words
from .settings import Settings

LAST_FOLDER = "state/last_site_folder"


def default_folder(settings: Settings, root: Path) -> Path:
    """Where the site goes unless the user says otherwise: the last site folder, else a folder
    beside the journal (a site inside the journal would be read back as posts)."""
    last = settings.get(LAST_FOLDER)
    return Path(str(last)) if last else root.parent / f"{root.name}-site"


class ExportSiteDialog(QDialog):
    """Asks for the site's title, its folder and its flavor."""

    def __init__(self, journal: Journal, folder: Path, flavor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportSiteDialog")
        self.setWindowTitle(self.tr("Export Site"))
        self.title_field = QLineEdit(journal_title(journal.root, [i.path for i in journal.posts]), self)
        self.title_field.setObjectName("siteTitle")
        self.folder_field = QLineEdit(str(folder), self)
        self.folder_field.setObjectName("siteFolder")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_field, 1)
        row.addWidget(browse)
        self.flavor_field = QComboBox(self)
        self.flavor_field.setObjectName("siteFlavor")
        for name in FLAVORS:
            self.flavor_field.addItem(FLAVOR_LABELS[name], name)
        self.flavor_field.setCurrentIndex(FLAVORS.index(flavor))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Export"))
        self.folder_field.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Site title"), self.title_field)
        form.addRow(self.tr("Folder"), row)
        form.addRow(self.tr("Render posts as"), self.flavor_field)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Site Folder"), self.folder_field.text())
        if chosen:
            self.folder_field.setText(chosen)

    def choices(self) -> tuple[str, Path, str]:
        """(title, folder, flavor) as the user left them."""
        return (
            self.title_field.text().strip(),
            Path(self.folder_field.text().strip()),
            self.flavor_field.currentData(),
        )


def run_with_progress(
    parent: QWidget, root: Path | Journal, folder: Path, flavor: str, title: str
) -> SiteResult | None:
    """Make the site with a progress window; None when cancelled. Raises JournalError/OSError."""
    progress = QProgressDialog(
        QCoreApplication.translate("SiteExport", "Making the site…"),
        QCoreApplication.translate("SiteExport", "Cancel"),
        0,
        0,
        parent,
    )
    progress.setObjectName("siteProgress")
    progress.setWindowTitle(QCoreApplication.translate("SiteExport", "Export Site"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoReset(False)
    progress.setValue(0)  # shows it now (and lets a Cancel pressed at once be seen)

    def report(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setLabelText(
            QCoreApplication.translate("SiteExport", "Rendered {done} of {total} posts…").format(
                done=done, total=total
            )
        )
        progress.setValue(done)  # (a modal progress window handles its events here)

    try:
        return export_site(
            root, folder, report, flavor=flavor, title=title or None, cancelled=progress.wasCanceled
        )
    except SiteCancelled:  # asked after each post: no page written, no folder left that it made
        return None
    finally:
        progress.close()
        progress.deleteLater()


def ask_export_site(parent: QWidget, journal: Journal, settings: Settings, flavor: str) -> SiteResult | None:
    """Ask how, then export ``journal`` as a site; what it did, or None (cancelled, failed)."""
    dialog = ExportSiteDialog(journal, default_folder(settings, journal.root), flavor, parent)
    if not dialog.exec():
        return None
    title, folder, chosen_flavor = dialog.choices()
    try:
        result = run_with_progress(parent, journal, folder, chosen_flavor, title)
    except (OSError, JournalError) as exc:
        warning(parent, QCoreApplication.translate("SiteExport", "Could not export the site"), words(exc))
        return None
    if result is None:
        return None
    settings.set(LAST_FOLDER, str(folder))
    tell_done(parent, folder, result)
    return result


def tell_done(parent: QWidget, folder: Path, result: SiteResult) -> None:
    """Say what the export did, with Open in Browser."""
    box = PlainMessageBox(parent)
    box.setObjectName("siteDone")
    box.setWindowTitle(QCoreApplication.translate("SiteExport", "Site Exported"))
    count = result.total - result.drafts - len(result.failed)
    box.setText(
        QCoreApplication.translate("SiteExport", "The site in {folder} holds {count} posts.").format(
            folder=folder, count=count
        )
    )
    if result.failed:
        box.setInformativeText(
            QCoreApplication.translate("SiteExport", "{count} could not be exported.").format(
                count=len(result.failed)
            )
        )
        box.setDetailedText("\n".join(map(words, result.failed_words or result.failed)))
    browse = box.addButton(
        QCoreApplication.translate("SiteExport", "Open in Browser"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is browse:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder / "index.html")))
