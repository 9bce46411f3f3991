"""run_gui, the exception hook and log, drag-and-drop and table export of the main window."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pandas as pd
import pytest
from factories import make_incidents
from PySide6.QtCore import QLocale, QMimeData, QPointF, Qt, QTranslator, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from stationmap import app as app_module
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.main_window import MainWindow

Project = pytest.importorskip("stationmap.store.project").Project


@pytest.fixture
def isolated_gui(qapp, config_dir, monkeypatch):
    """run_gui without its event loop, scheme registration or lasting global changes."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # restored after the test
    monkeypatch.setattr(app_module, "_register_map_scheme", lambda: None)  # QApplication exists already
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    locale = QLocale()
    yield config_dir
    QLocale.setDefault(locale)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()
            widget.deleteLater()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
    logger = logging.getLogger("stationmap")
    for handler in list(logger.handlers):
        if isinstance(handler, RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_run_gui_opens_the_given_project_and_logs(isolated_gui, tmp_path):
    Project.create(tmp_path / "dada.stationmap").close()
    assert app_module.run_gui(tmp_path / "dada.stationmap") == 0
    assert QApplication.applicationName() == "StationMap"
    [window] = main_windows()
    assert Path(window.project.path).name == "dada.stationmap"
    assert "StationMap" in (isolated_gui / "stationmap.log").read_text(encoding="utf-8")


def test_run_gui_without_a_path_reopens_the_most_recent_project(isolated_gui, tmp_path):
    Project.create(tmp_path / "reciente.stationmap").close()
    store = SettingsStore(isolated_gui)
    settings = store.load()
    settings.remember_project(str(tmp_path / "reciente.stationmap"))
    store.save(settings)
    app_module.run_gui(None)
    [window] = main_windows()
    assert Path(window.project.path).name == "reciente.stationmap"


def test_run_gui_with_no_recent_project_shows_the_start_page(isolated_gui):
    app_module.run_gui(None)
    [window] = main_windows()
    assert window.project is None and window.pages.currentWidget() is window.start_page


def test_uncaught_exception_is_logged_with_traceback_and_shown_without(isolated_gui, captured_boxes):
    app_module.run_gui(None)
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert len(captured_boxes) == 1
    assert "Traceback" not in captured_boxes[0]
    assert captured_boxes[0].startswith("Ocurrió un error inesperado.")
    assert str(isolated_gui / "stationmap.log") in captured_boxes[0]
    log_text = (isolated_gui / "stationmap.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "division by zero in a slot" in log_text


def test_dropping_files_on_the_window_starts_an_import(qtbot, config_dir, tmp_path, monkeypatch):
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    assert window.create_project(tmp_path / "p.stationmap")
    started: list[list[Path]] = []
    monkeypatch.setattr(window.imports, "begin", started.append)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "enero.csv")),
                  QUrl.fromLocalFile(str(tmp_path / "febrero"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert started == [[tmp_path / "enero.csv", tmp_path / "febrero"]]


def test_export_table_writes_the_filtered_rows_without_descriptions(qtbot, config_dir, tmp_path):
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    assert window.create_project(tmp_path / "p.stationmap")
    frame = make_incidents(300, seed=4)
    frame["description"] = "nombre de la víctima"
    window.incident_panel.set_incidents(frame)
    window.filter_state.update(categories=frozenset({"Hurto"}))
    out = tmp_path / "hurtos.csv"
    window.export_table(out)
    written = pd.read_csv(out, encoding="utf-8-sig")
    assert len(written) == int((frame["category"] == "Hurto").sum())
    assert set(written["Categoría"]) == {"Hurto"}
    assert "description" not in written.columns and "nombre de la víctima" not in out.read_text(encoding="utf-8-sig")


def test_rejections_export_to_an_unwritable_place_is_a_coded_error(tmp_path):
    from stationmap.core.errors import StationMapError
    from stationmap.ui.import_summary import write_rejections_csv

    with pytest.raises(StationMapError) as caught:
        write_rejections_csv([{"file": "a.csv", "row": 2, "code": "x", "message": "m"}], tmp_path)
    assert caught.value.code == "ui.export_failed"
    assert str(tmp_path) in caught.value.message("es")


def test_an_unexpected_worker_error_is_logged_once_and_shown_generically(
        qtbot, isolated_gui, captured_boxes):
    from stationmap.ui.error_display import show_error
    from stationmap.ui.tasks import TaskRunner

    def broken(inputs, progress):
        return {}["clave que no existe"]

    app_module.run_gui(None)
    runner = TaskRunner()
    runner.failed.connect(lambda error: show_error(None, error))
    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.start(broken, None)
    assert runner.wait(5000)
    assert len(captured_boxes) == 1 and captured_boxes[0].startswith("Ocurrió un error inesperado.")
    log_text = (isolated_gui / "stationmap.log").read_text(encoding="utf-8")
    assert log_text.count("Traceback") == 1 and "clave que no existe" in log_text
