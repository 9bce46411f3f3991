"""Main window: start page, projects, settings persistence, error messages without tracebacks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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


def _window_with_table(qtbot, config_dir, tmp_path):
    import numpy as np
    from factories import local_ts, make_incidents

    window = make_window(qtbot, config_dir)
    assert window.create_project(tmp_path / "tabla.stationmap")
    frame = make_incidents(40, seed=3)
    frame["description"] = "nombre de la víctima"
    frame.loc[0, ["start_ts", "end_ts", "category"]] = [local_ts("2026-11-05 21:30"), local_ts("2026-11-05 21:30"),
                                                        "Hurto"]
    frame.loc[1, ["start_ts", "end_ts", "category"]] = [local_ts("2026-11-04 08:00"), local_ts("2026-11-04 16:00"),
                                                        "Hurto"]
    frame.loc[2, ["time_known", "category"]] = [0, "Hurto"]
    frame.loc[3, ["lat", "lon", "category"]] = [np.nan, np.nan, "Hurto"]
    window.incident_panel.set_incidents(frame)
    window.filter_state.update(categories=frozenset({"Hurto"}))
    return window, frame


def test_exported_table_is_the_table_on_screen_with_coordinates_as_numbers(qtbot, config_dir, tmp_path):
    """Archivo ▸ Exportar tabla writes what the table shows, in its order and language, not the store's columns."""
    import csv

    window, frame = _window_with_table(qtbot, config_dir, tmp_path)
    panel = window.incident_panel
    panel.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)   # newest first, as an analyst sorts it
    out = tmp_path / "hurtos.csv"
    window.export_table(out)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Fecha", "Hora", "Categoría", "Dirección", "Distrito", "Latitud", "Longitud", "Fuente"]
    model = panel.model
    assert len(rows) - 1 == model.rowCount() == int((frame["category"] == "Hurto").sum())
    by_source = {row[7]: row for row in rows[1:]}
    assert by_source["D0000000"][:2] == ["05/11/2026", "21:30"]
    assert by_source["D0000001"][:2] == ["04/11/2026", "08:00–16:00"]
    assert by_source["D0000002"][1] == "desconocida"
    assert by_source["D0000003"][5:7] == ["", ""]                   # no coordinates: empty, not "—"
    lat, lon = float(by_source["D0000000"][5]), float(by_source["D0000000"][6])
    assert (lat, lon) == (frame.loc[0, "lat"], frame.loc[0, "lon"])   # numbers, whole precision
    # The table's order, row for row.
    shown = [model.data(model.index(r, 6)) for r in range(model.rowCount())]
    assert [row[7] for row in rows[1:]] == shown
    assert "nombre de la víctima" not in out.read_text(encoding="utf-8-sig")


def test_exported_table_in_excel_has_english_headers_and_numeric_coordinates(qtbot, qapp, config_dir, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtCore import QCoreApplication

    from stationmap.ui.translations import install_translators

    translators = install_translators(qapp, "en")
    try:
        window, frame = _window_with_table(qtbot, config_dir, tmp_path)
        out = tmp_path / "thefts.xlsx"
        window.export_table(out)
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Date", "Time", "Category")
    assert len(rows[0]) == 8 and "description" not in rows[0] and "start_ts" not in rows[0]
    assert all(isinstance(row[5], float) and isinstance(row[6], float) for row in rows[1:] if row[5] is not None)
    assert sum(row[5] is None and row[6] is None for row in rows[1:]) == 1   # empty cells, not "nan"
