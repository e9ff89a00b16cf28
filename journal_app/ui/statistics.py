"""View → Statistics: every count of the open post and of the selection (글자수 with and
without spaces, 어절, Latin words, 원고지 매수, NEIS bytes, reading time), following the
status line's counts as they change, and a note saying what is not counted; below, the
journal's posts and words per month (:mod:`.monthchart`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from ..core.stats import HANGUL_EOJEOL_PER_MINUTE, OTHER_WORDS_PER_MINUTE, Counts
from .counting import Report
from .monthchart import JournalMonths
from .status import DocumentStatus

ROWS = (
    "Characters with spaces (글자수, 공백 포함)",
    "Characters without spaces (글자수, 공백 제외)",
    "Words (어절)",
    "Latin words",
    "Manuscript sheets (원고지 200자 매수)",
    "Bytes as NEIS counts them",
    "Reading time",
)
NOTE = (
    "Front matter, code, markdown marks, URLs, image links and HTML tags are not counted; "
    "each line of prose is a paragraph, a line break counts as one character (two NEIS bytes). "
    f"원고지: 20 × 10 cells, a paragraph indented one cell, lowercase letters and digits two to a "
    f"cell. Reading time: {HANGUL_EOJEOL_PER_MINUTE} Korean 어절 or {OTHER_WORDS_PER_MINUTE} "
    "other words a minute."
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
        f"{counts.manuscript_sheets:,} ({counts.manuscript_rows:,} rows)",
        f"{counts.neis_bytes:,}",
        f"{counts.reading_minutes:,} min",
    ]


class StatisticsDialog(QDialog):
    """The counts table (``statisticsTable``: a row per count, columns Post and Selection)."""

    def __init__(self, status: DocumentStatus):
        super().__init__(status.window)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle("Statistics")
        self.table = QTableWidget(len(ROWS), 2, self)
        self.table.setObjectName("statisticsTable")
        self.table.setHorizontalHeaderLabels(["Post", "Selection"])
        self.table.setVerticalHeaderLabels(list(ROWS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(  # every count in view, the chart below
            self.table.verticalHeader().length() + self.table.horizontalHeader().sizeHint().height() + 4
        )
        self.note = QLabel(NOTE, self)
        self.note.setObjectName("statisticsNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.months = JournalMonths(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(QLabel("The journal: posts and words (어절) per month", self))
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
