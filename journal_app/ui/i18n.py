"""The interface language: English (the source texts) or Korean, through Qt's translation.

Every user-visible string of the window goes through ``tr`` / ``QCoreApplication.translate``;
``resources/translations/journal_app_ko.ts`` holds the Korean (compiled to ``.qm`` by the build
hook, ``resources/translations/build_hook.py``). Qt's own dialogs and the preview's context menu
come from Qt's translations (``qtbase_ko.qm``, ``qtwebengine_ko.qm``).

The language is the preference ``preferences/language`` (``settings.LANGUAGES``: "system", "en"
or "ko"); "system" follows the system locale (``LANG``, ``LC_MESSAGES``, ``LANGUAGE``). It is
chosen once, before the window is built: a change in Preferences applies at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resource_path

SHIPPED = ("en", "ko")  # interface languages with texts
QT_CATALOGS = ("qtbase", "qtwebengine")  # Qt's own texts: standard dialogs, the web view's menu

_installed: list[QTranslator] = []  # a QTranslator must outlive its use
_language = ["en"]  # the interface language installed last
_locale_before: list[QLocale] = []  # the default locale before the first install_language


def interface_language(preference: str, system: QLocale | None = None) -> str:
    """The interface language, "en" or "ko": the preference when it names one, else the first of the system's
    interface languages that has texts, else English."""
    if preference in SHIPPED:
        return preference
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SHIPPED:
            return code
    return "en"


def install_language(language: str) -> list[QTranslator]:
    """Load the app's and Qt's translations for ``language`` into the running application and
    make its locale the default (dates, numbers); nothing to load for English. Returns the
    translators installed (``remove_language`` takes them out again)."""
    remove_language()
    _locale_before.append(QLocale())
    _language[0] = language
    if language == "en":
        if QLocale.system().language() == QLocale.Language.Korean:  # English chosen over it
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    locale = QLocale(language)
    QLocale.setDefault(locale)
    sources = [(str(resource_path("translations")), "journal_app")]
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    sources += [(qt_folder, name) for name in QT_CATALOGS]
    for folder, name in sources:
        translator = QTranslator()
        if translator.load(locale, name, "_", folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)


def current_language() -> str:
    """The interface language now: "en" or "ko"."""
    return _language[0]


def remove_language() -> None:
    """Take out every translator ``install_language`` put in, and its default locale (the
    interface is English again)."""
    _language[0] = "en"
    if _locale_before:
        QLocale.setDefault(_locale_before.pop())
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def has_translation(language: str) -> bool:
    """Whether the app's compiled texts for ``language`` are there (English always is)."""
    return language == "en" or resource_path(f"translations/journal_app_{language}.qm").is_file()
