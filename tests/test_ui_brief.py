"""Informes → Informe semanal…: week picker, worker, files written, folder/PDF opened, errors translated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from stationmap.ui.app_config import SettingsStore
from stationmap.ui.brief import install
from stationmap.ui.main_window import MainWindow
from stationmap.ui.tasks import TaskProgressDialog


@pytest.fixture
def sample_window(qtbot, config_dir, tmp_path, sample_project_file):
    """A window with the tools installed, on a private copy of the sample station."""
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    tools = install(window)
    assert window.open_project(path)
    yield window, tools
    window.close()


def _menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions()]


def test_tools_appear_in_the_feature_menus_and_the_view_menu(sample_window):
    window, _tools = sample_window
    assert "Informe &semanal…" in _menu_texts(window, "In&formes")
    assert "&Categorías…" in _menu_texts(window, "A&nálisis")
    view = _menu_texts(window, "&Ver")
    assert "Calidad de datos" in view and "Estadísticas agregadas" in view


def test_week_defaults_to_the_last_complete_week_of_the_sample(sample_window):
    window, tools = sample_window
    dialog = tools.open_brief_dialog()
    # The sample's incidents end on Sunday 15/11/2026, the last day of ISO week 46.
    assert dialog.selected_week() == "2026-W46"
    assert dialog.week.count() == 52
    assert dialog.threshold.value() == 3
    dialog.close()


@pytest.mark.slow   # the worker writes two PDFs and two HTML files with a map (~10 s on a shared CPU)
def test_brief_dialog_writes_the_four_files_on_the_worker_and_opens_them(sample_window, qtbot, tmp_path,
                                                                         monkeypatch, xdg_mime):
    window, tools = sample_window
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = tools.open_brief_dialog()
    dialog.week.setCurrentIndex(dialog.week.findData("2026-W45"))
    dialog.threshold.setValue(4)
    out = tmp_path / "salida" / "informes"
    dialog.folder.setText(str(out))
    with qtbot.waitSignal(dialog.written, timeout=120_000) as written:
        dialog.generate_button.click()
    files = [Path(p) for p in written.args[0]]
    assert [f.name for f in files] == ["informe_semanal_2026-W45.pdf", "informe_comunidad_2026-W45.pdf",
                                       "informe_semanal_2026-W45.html", "informe_comunidad_2026-W45.html"]
    assert all(f.parent == out and f.stat().st_size > 1000 for f in files)
    assert files[0].read_bytes()[:5] == b"%PDF-"
    assert "2026-W45" in files[2].read_text(encoding="utf-8")
    assert dialog.file_list.count() == 4
    dialog.open_pdf_button.click()
    dialog.open_folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(files[0]), str(out)]


def test_cancel_in_the_progress_dialog_stops_the_brief_and_lists_nothing(sample_window, qtbot, tmp_path):
    window, tools = sample_window
    dialog = tools.open_brief_dialog()
    dialog.folder.setText(str(tmp_path / "cancelado"))
    with qtbot.waitSignal(dialog.runner.cancelled, timeout=10_000):
        dialog.generate_button.click()
        progress = dialog.findChild(TaskProgressDialog)
        assert progress is not None and progress.labelText() == "Preparando el informe semanal…"
        progress.findChild(QPushButton).click()   # Cancelar
    assert dialog.runner.wait(60_000)
    assert dialog.files == [] and dialog.file_list.count() == 0
    assert not dialog.open_pdf_button.isEnabled()
    assert not list((tmp_path / "cancelado").glob("*.pdf"))
    dialog.close()


def test_an_unwritable_folder_is_explained_in_spanish_and_nothing_starts(sample_window, tmp_path, captured_boxes):
    window, tools = sample_window
    blocker = tmp_path / "no_es_carpeta"
    blocker.write_text("un archivo, no una carpeta")
    dialog = tools.open_brief_dialog()
    dialog.folder.setText(str(blocker / "informes"))
    dialog.generate_button.click()
    assert not dialog.runner.is_running()
    assert len(captured_boxes) == 1
    assert captured_boxes[0].startswith(f"No se puede escribir el informe en la carpeta «{blocker / 'informes'}»")
    assert "Traceback" not in captured_boxes[0]
    dialog.close()


def test_menu_actions_are_disabled_without_a_project(qtbot, config_dir):
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    tools = install(window)
    assert not tools.brief_action.isEnabled() and not tools.categories_action.isEnabled()
    assert tools.open_brief_dialog() is None


def test_the_dialog_closes_when_the_window_moves_to_another_project(sample_window, qtbot, tmp_path,
                                                                    sample_project_file):
    window, tools = sample_window
    dialog = tools.open_brief_dialog()
    with qtbot.waitSignal(dialog.finished, timeout=1000, raising=False) as stayed:
        window.project_changed.emit(window.project)   # the same project announced again: nothing to do
    assert not stayed.signal_triggered and dialog.isVisible()
    other = tmp_path / "otra" / "copia.stationmap"   # e.g. the training copy reset into a new folder
    other.parent.mkdir()
    shutil.copy(sample_project_file, other)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        assert window.open_project(other)
    dialog = tools.open_brief_dialog()
    assert dialog._project_path == other           # a new dialog follows the new project
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        window.close_project()


def test_only_weeks_the_data_cover_whole_are_offered(qtbot, tmp_path):
    from factories import local_ts, make_incidents
    from stationmap.ui.brief.brief_dialog import BriefDialog

    incidents = make_incidents(300, start="2026-09-02", days=28)   # Wednesday 02/09 to Tuesday 29/09
    incidents.loc[0, "start_ts"] = local_ts("2026-09-30 10:00")
    dialog = BriefDialog(tmp_path / "p.stationmap", incidents)
    qtbot.addWidget(dialog)
    assert [dialog.week.itemData(i) for i in range(dialog.week.count())] == ["2026-W39", "2026-W38", "2026-W37"]
    assert dialog.selected_week() == "2026-W39"
    empty = BriefDialog(tmp_path / "p.stationmap", make_incidents(0))
    qtbot.addWidget(empty)
    assert not empty.generate_button.isEnabled()
    assert "Estadísticas agregadas" in empty.result_label.text()


def test_a_refused_week_is_explained_and_leaves_no_folder(sample_window, qtbot, tmp_path, captured_boxes,
                                                        monkeypatch):
    window, tools = sample_window
    dialog = tools.open_brief_dialog()
    dialog.week.addItem("2026-W47", "2026-W47")    # as if the list were older than the data
    dialog.week.setCurrentIndex(dialog.week.count() - 1)
    dialog.folder.setText(str(tmp_path / "nuevos" / "informes"))
    with qtbot.waitSignal(dialog.runner.failed, timeout=60_000):
        dialog.generate_button.click()
    qtbot.waitUntil(lambda: len(captured_boxes) == 1, timeout=5000)
    assert captured_boxes[0].startswith("No hay datos para la semana 2026-W47")
    assert not (tmp_path / "nuevos").exists()
    dialog.close()
