"""A Korean interface for a test: the default locale Korean and a translator that answers from a
table of (context, source) → Korean, so a test shows what the code makes of translated texts
without the compiled catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator


class TableTranslator(QTranslator):
    """Translates the texts of ``table``; any other text stays as it is (a null answer)."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.table.get((context, source))  # None: Qt falls back to the source text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return not self.table


@contextmanager
def korean_interface(table: dict[tuple[str, str], str]) -> Iterator[TableTranslator]:
    """Within the block: the default locale Korean and ``table``'s translations installed."""
    translator = TableTranslator(table)
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
