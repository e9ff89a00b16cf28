"""View → Statistics: every count of the open post and of the selection (글자수 with and
without spaces, 어절, Latin words, 원고지 매수, NEIS bytes, reading time), following the
status line's counts as they change, and a note saying what is not counted; below, the
journal's posts and words per month (:mod:`.monthchart`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from ..core.stats import HANGUL_EOJEOL_PER_MINUTE, OTHER_WORDS_PER_MINUTE, Counts
from .actions import QT_TRANSLATE_NOOP
from .counting import Report
from .monthchart import JournalMonths
from .status import DocumentStatus

translate = QCoreApplication.translate
ROWS = (  # shown translated (the "Statistics" context)
    QT_TRANSLATE_NOOP("Statistics", "Characters with spaces (글자수, 공백 포함)"),
    QT_TRANSLATE_NOOP("Statistics", "Characters without spaces (글자수, 공백 제외)"),
    QT_TRANSLATE_NOOP("Statistics", "Words (어절)"),
    QT_TRANSLATE_NOOP("Statistics", "Latin words"),
    QT_TRANSLATE_NOOP("Statistics", "Manuscript sheets (원고지 200자 매수)"),
    QT_TRANSLATE_NOOP("Statistics", "Bytes as NEIS counts them"),
    QT_TRANSLATE_NOOP("Statistics", "Reading time"),
)
NOTE = QT_TRANSLATE_NOOP(  # shown translated, the reading speeds filled in
    "Statistics",
    "Front matter, code, markdown marks, URLs, image links and HTML tags are not counted; "
    "each line of prose is a paragraph, a line break counts as one character (two NEIS bytes). "
    "원고지: 20 × 10 cells, a paragraph indented one cell, lowercase letters and digits two to a "
    "cell. Reading time: {hangul} Korean 어절 or {other} other words a minute.",
)


def values(counts: Counts | None) -> list[str]:
    """The column of ``counts`` for the rows of ``ROWS`` (dashes when there are none)."""
    if counts is None:
        return ["—"] * len(ROWS)
    return [
        f"{counts.characters:,}",
        f"{counts.characters_no_spaces:,}",
        f"{counts.eojeol:,}",
        f"{counts.latin_words:,}",
        translate("Statistics", "{sheets} ({rows} rows)").format(
            sheets=f"{counts.manuscript_sheets:,}", rows=f"{counts.manuscript_rows:,}"
        ),
        f"{counts.neis_bytes:,}",
        translate("Statistics", "{minutes} min").format(minutes=f"{counts.reading_minutes:,}"),
    ]


class StatisticsDialog(QDialog):
    """The counts table (``statisticsTable``: a row per count, columns Post and Selection)."""

    def __init__(self, status: DocumentStatus):
        super().__init__(status.window)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle(self.tr("Statistics"))
        self.table = QTableWidget(len(ROWS), 2, self)
        self.table.setObjectName("statisticsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Post"), self.tr("Selection")])
        self.table.setVerticalHeaderLabels([translate("Statistics", row) for row in ROWS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(  # every count in view, the chart below
            self.table.verticalHeader().length() + self.table.horizontalHeader().sizeHint().height() + 4
        )
        note = translate("Statistics", NOTE).format(
            hangul=HANGUL_EOJEOL_PER_MINUTE, other=OTHER_WORDS_PER_MINUTE
        )
        self.note = QLabel(note, self)
        self.note.setObjectName("statisticsNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.months = JournalMonths(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("The journal: posts and words (어절) per month"), self))
        layout.addWidget(self.months, 1)
        layout.addWidget(buttons)
        self.resize(600, 760)
        status.counts.counted.connect(self.show_report)
        self.show_report(status.counts.last)

    def show_report(self, report: Report | None) -> None:
        """Fill the table from ``report`` (None: no post)."""
        post, selection = (report.post, report.selection) if report is not None else (None, None)
        for column, counts in enumerate((post, selection)):
            for row, value in enumerate(values(counts)):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)


def show_statistics(status: DocumentStatus) -> StatisticsDialog:
    """Open (or bring forward) the window's Statistics dialog, counted afresh."""
    dialog = status.window.findChild(StatisticsDialog, "statisticsDialog")
    if dialog is None:
        dialog = StatisticsDialog(status)
    status.show_counts()
    dialog.months.set_journal(getattr(status.window, "journal", None))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
