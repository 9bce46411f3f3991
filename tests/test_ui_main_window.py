"""Main window: start page, projects, settings persistence, error messages without tracebacks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDockWidget

import pytest

from stationmap.ui.app_config import SettingsStore
from stationmap.ui.main_window import MainWindow

Project = pytest.importorskip("stationmap.store.project").Project


def make_window(qtbot, config_dir: Path) -> MainWindow:
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    return window


def test_without_a_project_the_start_page_offers_open_new_and_sample(qtbot, config_dir):
    window = make_window(qtbot, config_dir)
    assert window.pages.currentWidget() is window.start_page
    texts = [b.text() for b in (window.start_page.open_button, window.start_page.new_button,
                                window.start_page.sample_button)]
    assert texts == ["Abrir proyecto…", "Nuevo proyecto…", "Abrir estación de ejemplo"]
    assert not window.menus.import_files.isEnabled()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&Archivo", "&Importar", "&Ver"] and menus[-1] == "A&yuda"
    assert set(menus[3:-1]) <= {"A&nálisis", "&Patrullaje", "In&formes"}  # feature menus, in between


def test_settings_persist_across_two_windows(qtbot, config_dir, tmp_path, captured_boxes):
    first = make_window(qtbot, config_dir)
    assert first.create_project(tmp_path / "comisaria")
    assert first.pages.currentWidget() is first.incident_panel
    first.set_language("en")
    first.settings.last_import_dir = str(tmp_path)
    first.show()
    qtbot.waitExposed(first)
    # A width the small Xvfb screen (800 px) allows and the docks' minimum accepts.
    width = min(first.minimumSizeHint().width() + 20, 790)
    first.resize(width, 520)
    qtbot.waitUntil(lambda: first.width() == width)
    first.close()
    # Said in English, the language just chosen, though this window still speaks Spanish.
    assert captured_boxes == ["The language will change the next time you open StationMap.\n"]

    second = make_window(qtbot, config_dir)
    created = str((tmp_path / "comisaria.stationmap").resolve())
    assert second.settings.recent_projects == [created]
    assert second.settings.language == "en"
    assert second.settings.last_import_dir == str(tmp_path)
    # Width proves the restore (default is 1280); the height is clamped to the small Xvfb screen.
    assert second.width() == width
    assert [a.text().split("  —  ")[1] for a in second.menus.recent_menu.actions()] == [created]
    assert (config_dir / "stationmap.ini").exists()


def test_opening_a_file_that_is_not_a_project_shows_a_message_without_traceback(
        qtbot, config_dir, tmp_path, captured_boxes):
    bogus = tmp_path / "notas.stationmap"
    bogus.write_bytes(b"\x00\x01 esto no es un proyecto" * 50)
    window = make_window(qtbot, config_dir)
    assert not window.open_project(bogus)
    assert len(captured_boxes) == 1
    assert "Traceback" not in captured_boxes[0]
    assert "notas.stationmap" in captured_boxes[0]
    assert window.pages.currentWidget() is window.start_page


def test_project_incidents_fill_the_table_and_status_bar(qtbot, config_dir, tmp_path):
    from factories import make_incidents

    window = make_window(qtbot, config_dir)
    assert window.create_project(tmp_path / "vacio.stationmap")
    window.incident_panel.set_incidents(make_incidents(250))
    assert window.counts_label.text() == "Incidentes: 250 de 250"
    window.filter_state.update(ids=frozenset({1, 2, 3}))
    assert window.counts_label.text() == "Incidentes: 3 de 250"


def test_a_project_without_incidents_says_how_to_get_them_instead_of_an_empty_table(qtbot, config_dir, tmp_path):
    from factories import make_incidents

    window = make_window(qtbot, config_dir)
    window.show()
    assert window.create_project(tmp_path / "nuevo.stationmap")
    panel = window.incident_panel
    qtbot.waitUntil(lambda: panel.no_incidents_label.isVisible(), timeout=10_000)
    assert not panel.view.isVisible() and not panel.filter_bar.isEnabled()
    assert "Importar → Importar archivos…" in panel.no_incidents_label.text()
    panel.set_incidents(make_incidents(20))                       # an import brings some
    assert panel.view.isVisible() and panel.filter_bar.isEnabled() and not panel.no_incidents_label.isVisible()


def test_the_application_window_installs_every_feature_area(qtbot, config_dir):
    window = make_window(qtbot, config_dir)
    window.install_features()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Archivo", "&Importar", "&Ver", "&Mapa", "A&nálisis", "&Patrullaje", "In&formes", "A&yuda"]
    docks = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"map_dock", "charts_dock", "hotspots_dock", "plan_dock"} <= docks


@pytest.mark.parametrize("chosen, title, text, button", [
    ("en", "Language", "The language will change the next time you open StationMap.", "OK"),
    ("es", "Idioma", "El idioma cambiará la próxima vez que abra StationMap.", "Aceptar"),
])
def test_language_change_is_announced_in_the_language_chosen(qtbot, config_dir, monkeypatch, chosen, title,
                                                              text, button):
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def fake_exec(box):
        shown.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window = make_window(qtbot, config_dir)
    window.settings.language = "es" if chosen == "en" else "en"
    window.set_language(chosen)
    assert shown == [(title, text, [button])]
