"""Nothing Spanish-only in the English window, nothing English-only in the Spanish one.

The window is built with the compiled English catalog installed, the sample station
open and training mode started; then every text a user can read (labels, buttons,
menus and actions, group boxes, dock titles, tabs, combo items, table headers,
tool tips, placeholders) is compared with the .ts catalog: showing the Spanish source
of a message whose English differs means a string that bypasses tr() or was never
translated. A few tell-tale Spanish words catch strings missing from the catalog.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDockWidget, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QMenu, QTabWidget, QWidget)

from stationmap.core import messages
from stationmap.maps.labels import DENSITY_LEGEND, KERNEL_WORDS, PAGE_TEXT
from stationmap.store.paths import sample_project_path
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.main_window import MainWindow
from stationmap.ui.translations import i18n_dir

ROOT = Path(__file__).resolve().parents[1]
TS_FILE = ROOT / "resources" / "i18n" / "stationmap_en.ts"
WEB = ROOT / "resources" / "web" / "stationmap"
# Words of the window's own vocabulary; none may show in English (data values are not checked).
SPANISH_TELLTALES = ("Mapa", "Horas", "Método", "Limpiar", "Exportar", "desconocida", "Incidentes",
                     "Capacitación", "Comprobar", "Reiniciar", "Archivo", "Ayuda", "Importar", "Pendiente")


def catalog_pairs() -> dict[str, str]:
    """Spanish source -> English, for messages whose English differs from the source."""
    pairs = {}
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        text = translation.text if translation is not None else None
        if source and text and text != source:
            pairs[source] = text
    return pairs


def plain(text: str) -> str:
    """What a reader sees: rich text without tags, mnemonics' & removed, spaces collapsed."""
    if "<" in text and ">" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def readable_texts(window: QWidget) -> set[str]:
    texts: list[str] = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [widget.toolTip()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            texts += [str(widget.model().headerData(section, widget.orientation()) or "")
                      for section in range(widget.count())
                      if widget.orientation() == Qt.Orientation.Horizontal]
    texts += [a.text() for a in window.findChildren(QAction)]
    texts += [a.toolTip() for a in window.findChildren(QAction)]
    return {plain(t) for t in texts if t and t.strip()}


@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load("stationmap_en", str(i18n_dir()))
    QCoreApplication.installTranslator(translator)
    messages.set_language("en")
    yield
    messages.set_language("es")
    QCoreApplication.removeTranslator(translator)


def training_window(qtbot, config_dir, sample_project_file) -> MainWindow:
    shutil.copy(sample_project_file, sample_project_path())
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    window.install_features()  # every feature area, so the whole window is checked
    with qtbot.waitSignal(window.training_mode.runner.finished, timeout=60_000):
        window.training_mode.action.trigger()
    assert window.training_mode.is_active()
    return window


def test_no_spanish_text_shows_in_the_english_window(qtbot, config_dir, sample_project_file, english):
    window = training_window(qtbot, config_dir, sample_project_file)
    try:
        shown = readable_texts(window)
        assert "File" in shown and "Training" in shown and "Check" in shown   # the catalog is in use
        pairs = {plain(s): plain(t) for s, t in catalog_pairs().items()}
        untranslated = sorted(text for text in shown if text in pairs)
        assert untranslated == []
        words = re.compile(r"\b(" + "|".join(SPANISH_TELLTALES) + r")\b")
        assert sorted(text for text in shown if words.search(text)) == []
    finally:
        window.close_project()


def test_no_english_text_shows_in_the_spanish_window(qtbot, config_dir, sample_project_file):
    window = training_window(qtbot, config_dir, sample_project_file)
    try:
        shown = readable_texts(window)
        assert "Archivo" in shown and "Capacitación" in shown
        english_only = {plain(t) for s, t in catalog_pairs().items() if plain(t) != plain(s)}
        # Words spelt alike in both languages ("Total", "UBIGEO") are not English-only.
        english_only -= {plain(s) for s in catalog_pairs()}
        assert sorted(text for text in shown if text in english_only) == []
    finally:
        window.close_project()


def test_map_page_words_exist_in_both_languages_for_every_key_the_page_uses():
    used = set()
    for script in WEB.glob("*.js"):
        used |= set(re.findall(r"\btext\.([a-z_]+)", script.read_text(encoding="utf-8")))
    assert used, "the page scripts no longer read their words from `text`"
    for language in ("es", "en"):
        assert used <= set(PAGE_TEXT[language]), f"{language}: {sorted(used - set(PAGE_TEXT[language]))}"
        assert all(value.strip() for value in PAGE_TEXT[language].values())
    assert set(PAGE_TEXT["es"]) == set(PAGE_TEXT["en"])
    same = {k for k in PAGE_TEXT["es"] if PAGE_TEXT["es"][k] == PAGE_TEXT["en"][k]}
    assert same <= {"lat", "lon", "ubigeo"}, sorted(same)
    assert set(KERNEL_WORDS["es"]) == set(KERNEL_WORDS["en"])
    fields = [sorted(re.findall(r"\{(\w+)", DENSITY_LEGEND[lang])) for lang in ("es", "en")]
    assert fields[0] == fields[1]
