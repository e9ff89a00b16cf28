"""Edit → Preferences (Ctrl+,): autosave, the editor's font, the theme, the interface language
(from the next start), the spell check's languages, the preview's text column, how often git
commits (in a journal under git), and this journal's remote images and flavor.

Every choice is stored at once in the settings' schema (``settings.PREFERENCES``; the journal's
own choices under its ``journals/…`` key) and applied live, the language at the next start
(every window text would have to be set anew): there is no OK to press.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.flavor import FLAVORS
from .actions import FLAVOR_LABELS
from .git_sync import AUTO_COMMIT_MINUTES
from .plain import menu_text
from .settings import AUTOSAVE_SECONDS, LANGUAGES, LINE_WIDTHS, SPELL_LANGUAGES, THEMES

if TYPE_CHECKING:
    from .editor import MarkdownEditor
    from .main_window import MainWindow


def apply_editor_font(editor: MarkdownEditor, family: str, size: int) -> None:
    """The editor's font: ``family`` ("" for the system's) at ``size`` points."""
    editor.set_font_size(size)
    if family:
        font = QFont(editor.font())
        font.setFamily(family)
        editor.setFont(font)


def apply_look(window: MainWindow) -> None:
    """Apply the stored font, theme and preview width to ``window``."""
    settings = window.env.settings
    apply_editor_font(
        window.editor, settings.get("preferences/font_family"), settings.get("preferences/font_size")
    )
    window.theme.apply()


class PreferencesDialog(QDialog):
    """The preferences of the program, and of the journal open in ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.settings = settings = window.env.settings
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.autosave = QCheckBox(self.tr("Save changes automatically"), self)
        self.autosave.setObjectName("prefAutosave")
        self.autosave.setChecked(settings.get("preferences/autosave"))
        seconds = settings.get("preferences/autosave_seconds")
        self.delay = self._spin("prefAutosaveDelay", AUTOSAVE_SECONDS, seconds)
        self.delay.setSuffix(self.tr(" s after the last key"))
        self.delay.setEnabled(self.autosave.isChecked())
        self.font_family = QFontComboBox(self)
        self.font_family.setObjectName("prefFont")
        self.font_family.setCurrentFont(window.editor.font())
        self.font_size = self._spin("prefFontSize", (6, 48), window.editor.font_size())
        self.font_size.setSuffix(self.tr(" pt"))
        self.theme = QComboBox(self)
        self.theme.setObjectName("prefTheme")
        labels = {"system": self.tr("As the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for theme in THEMES:
            self.theme.addItem(labels[theme], theme)
        self.theme.setCurrentIndex(THEMES.index(settings.get("preferences/theme")))
        self.language = QComboBox(self)
        self.language.setObjectName("prefLanguage")
        names = {"system": self.tr("As the system"), "en": "English", "ko": "한국어"}
        for language in LANGUAGES:
            self.language.addItem(names[language], language)
        self.language.setCurrentIndex(LANGUAGES.index(settings.get("preferences/language")))
        self.language_note = QLabel(self.tr("The new language is used from the next start."), self)
        self.language_note.setObjectName("prefLanguageNote")
        self.language_note.setVisible(False)
        self.spelling = QComboBox(self)
        self.spelling.setObjectName("prefSpelling")
        spelled = {"ko en": self.tr("Korean and English"), "ko": self.tr("Korean"), "en": self.tr("English")}
        for languages in SPELL_LANGUAGES:
            self.spelling.addItem(spelled[languages], languages)
        self.spelling.setCurrentIndex(SPELL_LANGUAGES.index(settings.get("preferences/spell_languages")))
        self.line_width = self._spin("prefLineWidth", LINE_WIDTHS, settings.get("preferences/line_width"))
        self.line_width.setSuffix(self.tr(" rem"))
        self.git_every = self._spin("prefGitEvery", (0, 24 * 60), int(settings.get(AUTO_COMMIT_MINUTES)))
        self.git_every.setSuffix(self.tr(" min"))
        self.git_every.setSpecialValueText(self.tr("Never"))
        self.git_every.setToolTip(
            self.tr("In a journal under git, commit the posts changed through journal_app this often")
        )
        program = QGroupBox(self.tr("All journals"), self)
        form = QFormLayout(program)
        form.addRow(self.autosave)
        form.addRow(self.tr("Autosave delay"), self.delay)
        form.addRow(self.tr("Editor font"), self.font_family)
        form.addRow(self.tr("Font size"), self.font_size)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.language_note)
        form.addRow(self.tr("Spell check"), self.spelling)
        form.addRow(self.tr("Preview line width"), self.line_width)
        form.addRow(self.tr("Git: commit every"), self.git_every)
        layout = QVBoxLayout(self)
        layout.addWidget(program)
        layout.addWidget(self._journal_group())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.autosave.toggled.connect(self._autosave_toggled)
        self.delay.valueChanged.connect(self._delay_changed)
        self.font_family.currentFontChanged.connect(self._font_changed)
        self.font_size.valueChanged.connect(self._font_changed)
        self.theme.currentIndexChanged.connect(self._look_changed)
        self.line_width.valueChanged.connect(self._look_changed)
        self.git_every.valueChanged.connect(self._git_every_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.spelling.currentIndexChanged.connect(self._spelling_changed)

    def _spin(self, name: str, bounds: tuple[int, int], value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(*bounds)
        spin.setValue(value)
        return spin

    def _journal_group(self) -> QWidget:
        journal = self.window_.journal
        title = self.tr("This journal")
        if journal is not None:
            title = self.tr("This journal: {name}").format(name=journal.root.name)
        group = QGroupBox(menu_text(title), self)
        form = QFormLayout(group)
        self.remote_images = QCheckBox(self.tr("Load remote images in the preview"), group)
        self.remote_images.setObjectName("prefRemoteImages")
        self.flavor = QComboBox(group)
        self.flavor.setObjectName("prefFlavor")
        for flavor in FLAVORS:
            self.flavor.addItem(FLAVOR_LABELS[flavor], flavor)
        group.setEnabled(journal is not None)
        if journal is not None:
            self.remote_images.setChecked(self.settings.remote_images(journal.root))
            self.flavor.setCurrentIndex(FLAVORS.index(self.window_.document.flavor()))
        form.addRow(self.remote_images)
        form.addRow(self.tr("Render posts as"), self.flavor)
        self.remote_images.toggled.connect(self._remote_images_toggled)
        self.flavor.currentIndexChanged.connect(lambda _: self.window_.set_flavor(self.flavor.currentData()))
        return group

    # -- live ------------------------------------------------------------------------------
    def _autosave_toggled(self, on: bool) -> None:
        self.settings.set("preferences/autosave", on)
        self.delay.setEnabled(on)
        document = self.window_.document
        if not on:
            document.autosave_timer.stop()
        elif document.is_modified():
            document.autosave_timer.start()

    def _delay_changed(self, seconds: int) -> None:
        self.settings.set("preferences/autosave_seconds", seconds)
        self.window_.document.autosave_timer.setInterval(seconds * 1000)

    def _git_every_changed(self, minutes: int) -> None:
        self.settings.set(AUTO_COMMIT_MINUTES, minutes)
        self.window_.git.commit_every(minutes)

    def _font_changed(self, *_args: object) -> None:
        self.settings.set("preferences/font_family", self.font_family.currentFont().family())
        self.settings.set("preferences/font_size", self.font_size.value())
        apply_look(self.window_)

    def _look_changed(self, *_args: object) -> None:
        self.settings.set("preferences/theme", self.theme.currentData())
        self.settings.set("preferences/line_width", self.line_width.value())
        self.window_.theme.apply()

    def _language_changed(self, *_args: object) -> None:
        self.settings.set("preferences/language", self.language.currentData())
        self.language_note.setVisible(True)

    def _spelling_changed(self, *_args: object) -> None:
        languages = self.spelling.currentData()
        self.settings.set("preferences/spell_languages", languages)
        self.window_.speller.check_languages(set(languages.split()))
        self.window_.editor.highlighter.redo()

    def _remote_images_toggled(self, on: bool) -> None:
        self.window_.commands.check_remote_images(on)
        self.window_.set_remote_images(on)


def show_preferences(window: MainWindow) -> PreferencesDialog:
    """Open the preferences window over ``window`` (not modal: changes show as they are made)."""
    existing = window.findChild(PreferencesDialog, "preferencesDialog")
    dialog = existing if isinstance(existing, PreferencesDialog) else PreferencesDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
