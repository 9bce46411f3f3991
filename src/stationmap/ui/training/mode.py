"""Training mode: opens a fresh copy of the sample station and follows the trainee's progress.

Uses only the main window's extension points (signals, `add_dock`, the Ayuda menu,
`map_panel`, `filter_state`) plus its public `open_project`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMessageBox

from stationmap.core.messages import current_language
from stationmap.ui.tasks import TaskProgressDialog, owned_runner
from stationmap.ui.training import checks
from stationmap.ui.training.answer import find_answer
from stationmap.ui.training.content import load_exercises
from stationmap.ui.training.panel import TrainingPanel
from stationmap.ui.training.session import (build_copy, discard_other_sessions, new_session_folder,
                                             training_root)

PANEL_SHARE = 0.45   # of the window's height, under the map
ANSWER_OVERLAY = "training_critical_point"
ANSWER_STYLE = {"color": "#ff2d55", "fillColor": "#ff2d55", "fillOpacity": 0.9, "weight": 3}

log = logging.getLogger(__name__)


class TrainingMode(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self.session_folder: Path | None = None
        self.results: dict[str, dict | None] = {}
        self._answer_for: Any = None     # the filter the (pending) night answer is for
        self._answer: dict | None = None
        self.runner = owned_runner(self, self._copy_ready, window)
        self.answer_runner = owned_runner(self, self._answer_found, window)
        self.panel: TrainingPanel | None = None
        self.dock: QDockWidget | None = None
        self.action = QAction(self.tr("Modo capacitación"), self)
        self.action.setToolTip(self.tr("Abre una copia nueva de la estación de ejemplo con ejercicios "
                                       "guiados"))
        window.extension_menu("help").insertAction(window.extension_menu("help").actions()[0], self.action)
        self.action.triggered.connect(self.start)
        # Trainers start from the first screen, before any project exists.
        self.start_button = window.start_page.add_action(self.action)

        window.project_changed.connect(self._project_changed)
        window.incidents_changed.connect(lambda _incidents: self.recheck())
        window.filter_state.changed.connect(lambda _filter: self.recheck())
        QCoreApplication.instance().aboutToQuit.connect(self._stop)

    def _stop(self) -> None:
        """No copy is half-written and no worker outlives the application."""
        for runner in (self.runner, self.answer_runner):
            runner.cancel()
            runner.wait()

    # --- session --------------------------------------------------------------------------
    def start(self) -> None:
        """Build a fresh copy on the worker, then open it (also what "Reiniciar" does)."""
        if self.runner.is_running():
            return
        TaskProgressDialog(self.runner, self.tr("Preparando la copia de capacitación…"), self._window)
        self.runner.start(build_copy, new_session_folder())

    def reset(self) -> None:
        """"Reiniciar": after the trainee confirms, the session's copy and exports go and a new copy comes."""
        answer = QMessageBox.question(
            self._window, self.tr("Reiniciar la capacitación"),
            self.tr("Se descartan la copia de esta sesión y todo lo que hizo en ella (planes, archivos "
                    "exportados) y se prepara una copia nueva de la estación de ejemplo. ¿Continuar?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.start()

    def _copy_ready(self, project_path: Path) -> None:
        self.session_folder = project_path.parent
        self._ensure_panel()
        if self._window.open_project(project_path):
            # The previous copy is closed now; only the open session is kept.
            discard_other_sessions(keep=self.session_folder)
            self.dock.show()
            self.dock.raise_()
            QTimer.singleShot(0, self, self._share_height)   # once the new dock is laid out

    def _share_height(self) -> None:
        """The panel sits under the map: the table's filter bar keeps the centre too wide for a
        left dock at 1280-1400 pixels, which would squeeze the map the first exercise needs."""
        docks, heights = [self.dock], [int(self._window.height() * PANEL_SHARE)]
        map_dock = self._window.map_panel.parentWidget() if self._window.map_panel is not None else None
        if isinstance(map_dock, QDockWidget) and map_dock.isVisible():
            docks.insert(0, map_dock)
            heights.insert(0, int(self._window.height() * (1 - PANEL_SHARE)))
        self._window.resizeDocks(docks, heights, Qt.Orientation.Vertical)

    def is_active(self) -> bool:
        project = self._window.project
        return (project is not None and self.session_folder is not None
                and Path(project.path).parent == self.session_folder)

    def _ensure_panel(self) -> None:
        if self.panel is not None:
            return
        intro, exercises = load_exercises(current_language())
        self.panel = TrainingPanel(intro, exercises)
        self.panel.check_requested.connect(self.recheck)
        self.panel.reset_requested.connect(self.reset)
        self.dock = self._window.add_dock(self.panel, "training_dock", self.tr("Capacitación"),
                                          Qt.DockWidgetArea.RightDockWidgetArea)

    def _project_changed(self, project: Any) -> None:
        self.answer_runner.cancel()   # an answer for the previous project no longer applies
        self._answer_for = None
        if project is not None and Path(project.path).parent.parent == training_root():
            # A training copy reopened (recent projects, the app restarting on it): carry on with it.
            self.session_folder = Path(project.path).parent
            self._ensure_panel()
        if self.panel is None:
            return
        self.panel.set_folder(self.session_folder if self.is_active() else None)
        # After the window has finished opening the project (it may show or hide docks itself):
        # the panel belongs to training copies only.
        QTimer.singleShot(0, self, self._show_if_active)

    def _show_if_active(self) -> None:
        if self.dock is not None:
            self.dock.setVisible(self.is_active())

    # --- checks ---------------------------------------------------------------------------
    def recheck(self) -> None:
        if self.panel is None:
            return
        active = self.is_active()
        self.results = {
            "night_hotspot": self._night_answer() if active else None,
            "weekly_plan": checks.plan_with_units(self._window.project) if active else None,
            "roll_call_pdf": checks.exported_pdf(self.session_folder) if active else None,
        }
        self.panel.set_results(self.results)

    def _night_answer(self) -> dict | None:
        """Once the weekend nights are picked, the critical point of what the map shows, marked on it.

        Finding it takes a second or two (street names come from the basemap), so it runs on a
        worker; until it arrives the exercise is done but the place reads "buscando…".
        """
        flt = self._window.filter_state.filter()
        if not checks.weekend_nights_selected(flt.cells):
            self._answer_for = None
            self.answer_runner.cancel()
            self._show_answer(None)
            return None
        if flt != self._answer_for:
            self._answer_for, self._answer = flt, None
            self.answer_runner.start(find_answer, (Path(self._window.project.path), self._window.incidents, flt))
        if self._answer_for == flt and self._answer is not None:
            return {"place": self._answer["label"]}
        return {"place": self.tr("buscando…")}

    def _answer_found(self, point: dict | None) -> None:
        if point is None:
            self._answer = {"label": self.tr("sin incidentes ubicados")}
        else:
            place = point["street"] or f"{point['lat']:.5f}, {point['lon']:.5f}"
            label = self.tr("%1 (%2 incidentes)").replace("%1", place).replace("%2", str(point["incidents"]))
            self._answer = {**point, "label": label}
        self._show_answer(self._answer if point is not None else None)
        self.recheck()

    def _show_answer(self, answer: dict | None) -> None:
        map_panel = self._window.map_panel
        if map_panel is None:
            return
        title = self.tr("Punto crítico (capacitación)")
        if answer is None:
            map_panel.set_overlay(ANSWER_OVERLAY, None, title=title)
            return
        feature = {"type": "Feature", "properties": {"label": answer["label"]},
                   "geometry": {"type": "Point", "coordinates": [answer["lon"], answer["lat"]]}}
        map_panel.set_overlay(ANSWER_OVERLAY, {"type": "FeatureCollection", "features": [feature]},
                              title=title, style=ANSWER_STYLE, label_property="label")
