"""A Korean interface for a test: the default locale Korean and a translator that answers from a
table of (context, source) → Korean, so a test shows what the code makes of translated texts
without the compiled catalogue; or such a table compiled to a .qm by PySide6's lrelease, as the
app's own catalogue is (``compiled_translator``)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)


@contextmanager
def compiled_translator(folder: Path, table: dict[tuple[str, str], str]) -> Iterator[QTranslator]:
    """Within the block: ``table`` written as a .ts in ``folder``, compiled to a .qm by the
    environment's pyside6-lrelease, and installed."""
    root = ET.Element("TS", version="2.1", language="ko")
    contexts: dict[str, ET.Element] = {}
    for (context, source), text in table.items():
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = text
    ts, qm = folder / "test_ko.ts", folder / "test_ko.qm"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
