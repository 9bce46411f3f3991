"""Qt translations: Spanish source strings, a complete English catalog, placeholders intact."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from stationmap.ui.translations import i18n_dir

ROOT = Path(__file__).resolve().parents[1]
TS_FILE = ROOT / "resources" / "i18n" / "stationmap_en.ts"
PLACEHOLDER = re.compile(r"%\d+|%n|\{[A-Za-z_][A-Za-z_0-9]*\}")


def messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def translation_texts(element: ET.Element) -> list[str]:
    forms = element.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [element.text or ""]


def test_every_message_is_translated_with_the_same_placeholders():
    found = messages(TS_FILE)
    assert len(found) > 100
    problems = []
    for context, source, translation in found:
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
            continue
        for text in translation_texts(translation):
            if not text.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} -> {text!r} changes placeholders")
    assert problems == []


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None,
                    reason="pyside6-lupdate is not installed")
def test_the_catalog_holds_every_string_the_code_marks(tmp_path):
    # Run lupdate on a copy: a tr() added without refreshing the .ts shows up as a new source text.
    copy = tmp_path / "check.ts"
    shutil.copy(TS_FILE, copy)
    sources = [ROOT / "src/stationmap/app.py", *sorted((ROOT / "src/stationmap/ui").rglob("*.py"))]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    result = subprocess.run([str(lupdate), "-no-obsolete", *map(str, sources), "-ts", str(copy)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    before = {(c, s) for c, s, _ in messages(TS_FILE)}
    after = {(c, s) for c, s, _ in messages(copy)}
    assert after - before == set(), "run pyside6-lupdate and translate the new strings"
    assert before - after == set(), "the .ts holds strings the code no longer uses"


def test_compiled_english_catalog_translates_the_menus(qapp):
    translator = QTranslator()
    assert translator.load("stationmap_en", str(i18n_dir()))
    assert translator.translate("MainMenus", "&Archivo") == "&File"
    assert translator.translate("IncidentTableModel", "desconocida") == "unknown"
    QCoreApplication.installTranslator(translator)
    try:
        from stationmap.ui.incident_table_model import IncidentTableModel

        model = IncidentTableModel()
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_qt_file_dialog_speaks_peruvian_spanish(qapp, tmp_path):
    """Qt's own Spanish catalog leaves "&Look in:", "Files of &type:" and a folder's "Folder" in
    English (it was made for older strings) and says "fichero": the supplement mends them."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtGui import QAbstractFileIconProvider
    from PySide6.QtWidgets import QFileDialog, QLabel

    from stationmap.ui.translations import install_translators

    translators = install_translators(qapp, "es")
    try:
        dialog = QFileDialog(None, "Abrir", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "&Buscar en:"
        assert labels["fileTypeLabel"] == "&Tipo de archivo:"
        assert labels["fileNameLabel"] == "&Nombre de archivo:"
        assert QAbstractFileIconProvider().type(QFileInfo(str(tmp_path))) == "Carpeta"
        dialog.deleteLater()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


TS_SPANISH = ROOT / "resources" / "i18n" / "stationmap_es.ts"


def _update_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / "resources" / "i18n" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_update_script_takes_singular_and_plural_for_numerus_messages(tmp_path):
    script = _update_script()
    english, spanish = script.parse_pairs([
        "Selección de horas: %n horas=Hour selection: %n hour|Hour selection: %n hours",
        "es:Selección de horas: %n horas=Selección de horas: %n hora|Selección de horas: %n horas",
        "a=b=c"])
    assert english == {"Selección de horas: %n horas": "Hour selection: %n hour|Hour selection: %n hours",
                       "a": "b=c"}
    assert spanish == {"Selección de horas: %n horas": "Selección de horas: %n hora|Selección de horas: %n horas"}
    ts = tmp_path / "x.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en">'
                  '<context><name>C</name><message numerus="yes"><source>%n horas</source>'
                  '<translation type="unfinished"><numerusform></numerusform></translation></message>'
                  '<message><source>Hora</source><translation type="unfinished"></translation></message>'
                  '</context></TS>', encoding="utf-8")
    missing = script.fill(ts, {"%n horas": "%n hour|%n hours"})
    assert missing == ["Hora"]
    _, _, translation = messages(ts)[0]
    assert translation_texts(translation) == ["%n hour", "%n hours"]


def test_every_numerus_message_has_a_spanish_singular_and_english_forms():
    """Spanish is the source, so "%n horas" would read "1 horas" without stationmap_es.ts."""
    numerus = {(c, s) for c, s, t in messages(TS_FILE) if t.findall("numerusform")}
    assert numerus, "no numerus message left: drop stationmap_es.ts?"
    spanish = {(c, s): translation_texts(t) for c, s, t in messages(TS_SPANISH)}
    assert set(spanish) == numerus
    for (context, source), forms in spanish.items():
        singular, plural = forms
        assert plural == source and singular != source, (context, source, forms)
        assert "%n" in singular or "%Ln" in singular   # %Ln: the count with the language's grouping
    for context, source, translation in messages(TS_FILE):
        if (context, source) in numerus:
            singular, plural = translation_texts(translation)
            assert singular != plural, f"{source!r}: English singular and plural are the same"


def test_compiled_spanish_catalog_gives_the_singular(qapp):
    translator = QTranslator()
    assert translator.load("stationmap_es", str(i18n_dir()))
    assert translator.translate("FilterBar", "Selección de horas: %n horas", "", 1) == "Selección de horas: %n hora"
