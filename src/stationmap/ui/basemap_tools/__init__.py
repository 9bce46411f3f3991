"""The Mapa menu: export the current map, and give the station its own offline basemap.

A basemap is built from an OpenStreetMap extract the station received on a USB stick
(cut to the jurisdiction, a district or a drawn area, on the worker with a progress bar),
or loaded from a pack made elsewhere (PMTiles/MBTiles, raster or vector). Either way it is
stored in the project file, so the map works on any laptop with no network.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

# The dialog and the jobs (OSM reader, tile builder) are imported when used, not at start-up.
from stationmap.ui.error_display import show_error
from stationmap.ui.system_open import open_or_explain
from stationmap.ui.tasks import TaskProgressDialog, owned_runner


class MapTools:
    """Actions of the Mapa menu and the one worker they share."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.runner = owned_runner(window, self._store)
        menu = window.extension_menu("map")
        self.export_html = menu.addAction(QCoreApplication.translate("MapMenu", "Exportar mapa (HTML sin conexión)…"))
        self.export_png = menu.addAction(QCoreApplication.translate("MapMenu", "Exportar mapa (imagen PNG)…"))
        menu.addSeparator()
        self.build = menu.addAction(QCoreApplication.translate("MapMenu", "Crear mapa base desde OpenStreetMap…"))
        self.load = menu.addAction(QCoreApplication.translate("MapMenu", "Cargar mapa base (PMTiles/MBTiles)…"))
        self.export_html.triggered.connect(lambda: self._export("html"))
        self.export_png.triggered.connect(lambda: self._export("png"))
        self.build.triggered.connect(self.build_dialog)
        self.load.triggered.connect(self.load_dialog)
        window.project_changed.connect(self._enable)
        self._enable(window.project)

    def _enable(self, project: Any) -> None:
        for action in (self.export_html, self.export_png, self.build, self.load):
            action.setEnabled(project is not None)

    def _export(self, kind: str) -> None:
        caption = QCoreApplication.translate("MapMenu", "Exportar mapa")
        pattern = QCoreApplication.translate("MapMenu", "Página web (*.html)") if kind == "html" else QCoreApplication.translate("MapMenu", "Imagen PNG (*.png)")
        path, _ = QFileDialog.getSaveFileName(self.window, caption, str(self.default_export_path(kind)), pattern)
        if path and self.export_to(Path(path), kind):
            answer = QMessageBox.question(
                self.window, caption,
                QCoreApplication.translate("MapMenu", "El mapa quedó en %1. ¿Abrirlo?").replace("%1", path))
            if answer == QMessageBox.StandardButton.Yes:
                open_or_explain(self.window, Path(path))

    def default_export_path(self, kind: str) -> Path:
        """Beside the project file (in training, the session's folder, where the exercises look),
        named by the day: a map of last week's brief is not replaced by this week's by mistake."""
        project = self.window.project
        folder = Path(project.path).parent if project is not None else Path.home()
        name = QCoreApplication.translate("MapMenu", "mapa")
        return folder / f"{name}_{dt.date.today():%Y-%m-%d}.{kind}"

    def export_to(self, path: Path, kind: str) -> bool:
        """Write the map to `path`; False (the user was told why) when it could not be written."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if kind == "html":
                self.window.map_panel.export_html(path)
            else:
                self.window.map_panel.export_png(path)
            return True
        except Exception as error:  # shown translated; the log keeps the detail
            show_error(self.window, error)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()

    def build_dialog(self) -> None:
        from stationmap.ui.basemap_tools.build_dialog import BuildBasemapDialog

        dialog = BuildBasemapDialog(self.window.project, self.window.map_panel, self.window)
        if dialog.exec() and (request := dialog.request()) is not None:
            self.start_build(request)

    def start_build(self, request: Any) -> None:
        from stationmap.ui.basemap_tools.jobs import build_basemap

        TaskProgressDialog(self.runner, QCoreApplication.translate("MapMenu", "Creando el mapa base…"), self.window)
        self.runner.start(build_basemap, request)

    def load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("MapMenu", "Cargar mapa base"), "",
                                              QCoreApplication.translate("MapMenu", "Mapas base (*.pmtiles *.mbtiles)"))
        if path:
            self.start_load(Path(path))

    def start_load(self, path: Path) -> None:
        from stationmap.ui.basemap_tools.jobs import read_basemap

        TaskProgressDialog(self.runner, QCoreApplication.translate("MapMenu", "Leyendo el mapa base…"), self.window)
        self.runner.start(read_basemap, path)

    def _store(self, result: tuple[str, bytes, dict]) -> None:
        project = self.window.project
        if project is None:
            return
        from stationmap.ui.basemap_tools.jobs import store_basemap

        try:
            store_basemap(project, *result)
        except Exception as error:
            show_error(self.window, error)
            return
        self.window.map_panel.set_project(project)
        QMessageBox.information(self.window, QCoreApplication.translate("MapMenu", "Mapa base"),
                                QCoreApplication.translate("MapMenu", "El mapa base «%1» quedó guardado en el proyecto.").replace("%1", result[0]))


def install(window: Any, lazy: bool = False) -> MapTools:
    """The Mapa menu's actions (nothing to build lazily: no dock; `lazy` is accepted for symmetry)."""
    window.map_tools = MapTools(window)
    return window.map_tools
