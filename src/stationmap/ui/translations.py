"""Qt translators: the app's own .qm (Spanish source strings, English translation) and Qt's.

Source strings in the code are Spanish, the default language, so Spanish needs
only Qt's own translations (dialog buttons), mended by `qt_supplement_es.qm` where they are
missing, and `stationmap_es.qm`: the singular of messages with a count ("1 hora" for the
source "%n horas"), which a source text cannot hold. English loads `stationmap_en.qm`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from stationmap.store.paths import resources_dir

APP_CATALOG = "stationmap"
# Spanish for the Qt strings that Qt's own Spanish catalog lacks (resources/i18n/qt_supplement_es.ts).
QT_SUPPLEMENT = "qt_supplement"


def i18n_dir() -> Path:
    return resources_dir("i18n")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's and the app's catalogs for `language`; returns them (they must stay alive)."""
    installed: list[QTranslator] = []
    locale = QLocale(QLocale.Language.Spanish if language == "es" else QLocale.Language.English,
                     QLocale.Country.Peru if language == "es" else QLocale.Country.AnyCountry)
    QLocale.setDefault(locale)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    # Installed later, searched first: the supplement mends what qtbase_es leaves in English.
    catalogs = (QT_SUPPLEMENT, APP_CATALOG) if language == "es" else (APP_CATALOG,)
    for catalog in catalogs:
        app_translator = QTranslator(app)
        if app_translator.load(f"{catalog}_{language}", str(i18n_dir())):
            app.installTranslator(app_translator)
            installed.append(app_translator)
    return installed


def text_in(language: str, context: str, source: str) -> str:
    """`source` (a Spanish tr() text of `context`) in `language`, whatever language the window
    speaks now: a message about a language choice must be read by whoever just chose it."""
    if language == "es":
        return source
    translator = QTranslator()
    if not translator.load(f"{APP_CATALOG}_{language}", str(i18n_dir())):
        return source
    return translator.translate(context, source) or source
