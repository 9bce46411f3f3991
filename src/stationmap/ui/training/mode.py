"""Training mode: opens a fresh copy of the sample station and follows the trainee's progress.

Uses only the main window's extension points (signals, `add_dock`, the Ayuda menu,
`map_panel`, `filter_state`, `work_written`) plus its public `open_project` and, after a reset,
`set_recent_projects`.

An exercise done stays done for the session: what was found is kept in the training
copy itself (project meta `training_progress`), so clearing the hour selection or
restarting the app on the same copy keeps the ✓, and a reset (a new copy) starts over.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMessageBox

from stationmap.core.errors import StationMapError
from stationmap.core.messages import current_language
from stationmap.ui.error_display import show_error
from stationmap.ui.tasks import TaskProgressDialog, owned_runner
from stationmap.ui.training import checks
from stationmap.ui.training.answer import find_answer
from stationmap.ui.training.checks import PENDING, Check
from stationmap.ui.training.content import guide_path, load_exercises
from stationmap.ui.system_open import open_with_system
from stationmap.ui.training.panel import TrainingPanel
from stationmap.ui.training.session import (build_copy, discard_other_sessions, new_session_folder,
                                             training_root, without_other_sessions)

PANEL_SHARE = 0.45   # of the window's height, under the map
ANSWER_OVERLAY = "training_critical_point"
ANSWER_STYLE = {"color": "#ff2d55", "fillColor": "#ff2d55", "fillOpacity": 0.9, "weight": 3}
PROGRESS_META = "training_progress"   # exercise id -> what the done text showed, in the copy itself

log = logging.getLogger(__name__)


class TrainingMode(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self.session_folder: Path | None = None
        self.results: dict[str, Check] = {}
        self._answer_for: Any = None     # the filter the (pending) night answer is for
        self._answer: dict | None = None
        self.runner = owned_runner(self, self._copy_ready, window)
        self.answer_runner = owned_runner(self, self._answer_found, window)
        self.panel: TrainingPanel | None = None
        self.dock: QDockWidget | None = None
        self.action = QAction(self.tr("Modo capacitación"), self)
        self.action.setToolTip(self.tr("Abre una copia nueva de la estación de ejemplo con ejercicios "
                                       "guiados"))
        help_menu = window.extension_menu("help")
        help_menu.insertAction(help_menu.actions()[0], self.action)
        self.action.triggered.connect(self.start)
        # The trainer prepares the workshop from the guide; it opens in the window's language.
        self.guide_action = QAction(self.tr("Guía del instructor"), self)
        self.guide_action.setToolTip(self.tr("Abre la guía del instructor (PDF): agenda, pasos y respuestas "
                                             "de los ejercicios"))
        help_menu.insertAction(help_menu.actions()[1], self.guide_action)
        self.guide_action.triggered.connect(self.open_guide)
        # Trainers start from the first screen, before any project exists.
        self.start_button = window.start_page.add_action(self.action)

        window.project_changed.connect(self._project_changed)
        window.incidents_changed.connect(lambda _incidents: self.recheck())
        window.filter_state.changed.connect(lambda _filter: self.recheck())
        # A plan saved or exported (exercises 2 and 3) is checked at once, as a selection is.
        window.work_written.connect(self._recheck_if_active)
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
            self._forget_discarded_copies()
            self.dock.show()
            self.dock.raise_()
            QTimer.singleShot(0, self, self._share_height)   # once the new dock is laid out

    def _forget_discarded_copies(self) -> None:
        """Archivo ▸ Proyectos recientes and the first screen stop offering discarded copies now."""
        recent = self._window.settings.recent_projects
        kept = without_other_sessions(recent, keep=self.session_folder)
        if kept != recent:
            self._window.set_recent_projects(kept)

    def open_guide(self) -> None:
        path = guide_path(current_language())
        if not path.is_file():
            show_error(self._window, StationMapError("training.guide_missing", path=str(path)))
            return
        if not open_with_system(path):
            # A laptop without a PDF reader: the trainer learns where the guide is, to print or copy it.
            show_error(self._window, StationMapError("training.guide_not_opened", path=str(path)))

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
    def _recheck_if_active(self) -> None:
        if self.is_active():
            self.recheck()

    def recheck(self) -> None:
        if self.panel is None:
            return
        if not self.is_active():
            self.results = {exercise_id: PENDING for exercise_id in self.panel.boxes}
        else:
            project = self._window.project
            live = {"night_hotspot": self._night_answer(),
                    "weekly_plan": checks.plan_with_units(project, self._plan_week()),
                    "roll_call_pdf": checks.exported_pdf(self.session_folder)}
            for exercise_id in ("weekly_plan", "roll_call_pdf"):
                if live[exercise_id].done:
                    self._remember(exercise_id, live[exercise_id].detail)
            progress = self._progress()
            # What is done now shows as it is now; what was done earlier in the session stays done.
            self.results = {exercise_id: check if check.done or exercise_id not in progress
                            else Check(detail=self._shown_detail(exercise_id, progress[exercise_id]))
                            for exercise_id, check in live.items()}
        self.panel.set_results(self.results)

    def _plan_week(self) -> tuple | None:
        """The week the exercise asks for: the one the plan dialog proposes (after the last data)."""
        from stationmap.ui.plan.work import next_week

        incidents = self._window.incidents
        return next_week(incidents) if incidents is not None and len(incidents) else None

    def _progress(self) -> dict:
        try:
            progress = self._window.project.get_meta(PROGRESS_META, {})
        except StationMapError:
            return {}
        return progress if isinstance(progress, dict) else {}

    def _remember(self, exercise_id: str, detail: dict) -> None:
        progress = self._progress()
        if progress.get(exercise_id) == detail:
            return
        try:
            self._window.project.set_meta(PROGRESS_META, {**progress, exercise_id: detail})
        except StationMapError as error:   # a read-only copy: the ✓ shows, it is just not kept
            log.warning("Training progress not saved: %s", error)

    def _shown_detail(self, exercise_id: str, remembered: dict) -> dict:
        """The done text's fields from what was remembered (the night's place is worded again, in
        the window's language)."""
        if exercise_id == "night_hotspot":
            return {"place": self._place_label(remembered)}
        return remembered

    def _night_answer(self) -> Check:
        """Once the weekend nights are picked, the critical point of what the map shows, marked on it.

        Finding it takes a second or two (street names come from the basemap), so it runs on a
        worker; until it arrives the exercise is done but the place reads "buscando…" (and it is
        remembered only once found).
        """
        flt = self._window.filter_state.filter()
        selection = checks.night_selection(flt.cells)
        if not selection.done:
            self._answer_for = None
            self.answer_runner.cancel()
            self._show_answer(None)
            return selection
        if flt != self._answer_for:
            self._answer_for, self._answer = flt, None
            self.answer_runner.start(find_answer, (Path(self._window.project.path), self._window.incidents, flt))
        if self._answer_for == flt and self._answer is not None:
            return Check(detail={"place": self._answer["label"]})
        return Check(detail={"place": self.tr("buscando…")})

    def _place_label(self, point: dict | None) -> str:
        if not point:
            return self.tr("sin incidentes ubicados")
        place = point.get("street") or f"{point['lat']:.5f}, {point['lon']:.5f}"
        return self.tr("%1 (%2 incidentes)").replace("%1", place).replace("%2", str(point["incidents"]))

    def _answer_found(self, point: dict | None) -> None:
        self._answer = {**(point or {}), "label": self._place_label(point)}
        self._show_answer(self._answer if point is not None else None)
        if self.is_active():
            self._remember("night_hotspot", {key: point[key] for key in ("street", "lat", "lon", "incidents")}
                           if point is not None else {})
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
