"""The main window: start page or incident table, docks for the map and the charts, menus.

The window owns the open `Project`, the shared `FilterState` and one
`TaskRunner` for imports. Panels get data through their `set_*` methods and
never reach back into the window.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox,
                               QSizePolicy, QStackedWidget, QWidget)
from shiboken6 import isValid

from stationmap.core.messages import current_language
from stationmap.core.settings import Settings
from stationmap.core.timestamps import month_label
from stationmap.ui import window_actions
from stationmap.ui.app_config import SettingsStore, dialog_start_folder
from stationmap.ui.dock_content import set_dock_content
from stationmap.ui.error_display import show_error
from stationmap.ui.filter_state import FilterState
from stationmap.ui.import_flow import ImportFlow
from stationmap.ui.main_menus import MainMenus
from stationmap.ui.start_page import StartPage
from stationmap.ui.tasks import TaskProgressDialog, TaskRunner
from stationmap.ui.translations import text_in
from stationmap.ui.unsaved_work import UnsavedWork, may_go_on

log = logging.getLogger(__name__)


def _build_sample(path: Path, progress: Any) -> Path:
    from stationmap.store.sample import write_sample_project

    return write_sample_project(path, progress=progress).path


# The charts wait for a just-opened project's map, but not longer than this.
CHARTS_AT_THE_LATEST_MS = 3000
# Feature packages, each with install(window); menus appear in this order.
FEATURES = ("stationmap.ui.basemap_tools", "stationmap.ui.hotspots", "stationmap.ui.plan", "stationmap.ui.brief",
            "stationmap.ui.training")


# The window's size at first start, shrunk to what the screen has room for (a 1366 x 768 laptop
# with its taskbar has about 1366 x 728), leaving room for the title bar and frame.
FIRST_WINDOW_SIZE = QSize(1280, 800)
WINDOW_FRAME_ROOM = QSize(16, 40)


def _read_incidents(project: Any) -> Any:
    """The project's incidents; a project that cannot give them is closed again before the error
    goes on, so the file is not held open by a window that never showed it."""
    try:
        return project.incidents()
    except BaseException:
        project.close()
        raise


def _first_window_size(available: QSize) -> QSize:
    return FIRST_WINDOW_SIZE.boundedTo(available - WINDOW_FRAME_ROOM)


class MainWindow(QMainWindow):
    """The shell. Feature areas (hot spots, plans, briefs, training) plug in through
    `install(window)` functions that use only the extension points below:
    `project_changed`, `incidents_changed`, `counts_changed`, `add_dock`, `add_lazy_dock`, `add_unsaved_work`,
    `extension_menu`, `project`, `incidents`, `map_panel`, `filter_state` and `reload_project`."""

    project_changed = Signal(object)     # the open Project, or None when closed
    incidents_changed = Signal(object)   # the project's incident DataFrame after (re)loading
    # The project's count table (store Project.counts()) after an import brought counts into the open
    # project; a project opened is announced by project_changed, whose owners read its counts themselves.
    counts_changed = Signal(object)
    work_written = Signal()              # a feature wrote some of its work (a plan version saved, files exported)

    def __init__(self, store: SettingsStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self._store = store or SettingsStore()
        self.settings: Settings = self._store.load()
        self.project: Any = None   # store.project.Project once one is open
        self._incidents: Any = None
        self._counts_extent: tuple[int, int, int] | None = None   # the project's counts, for the status bar
        self.filter_state = FilterState(self)
        # The map first: its web engine starts and loads the page while the rest is built (and
        # pandas imported for the incident table). It is docked in _add_docks, in menu order.
        from stationmap.ui.map import MapPanel

        self.map_panel: Any = MapPanel(self.filter_state, self)
        self.start_page = StartPage(self)
        # The stack takes the largest minimum of its pages; the start page must not make the
        # window taller than a 768-pixel laptop screen once the chart dock is open.
        self.start_page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.start_page)
        # The incident table comes with the first incidents (it needs pandas); until then this says so.
        self._incident_panel: Any = None
        self._table_placeholder = QLabel(self.tr("Cargando la tabla de incidentes…"), self)
        self._table_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self._table_placeholder)
        self.setCentralWidget(self.pages)

        self.menus = MainMenus(self)
        self.counts_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._temporal_panel: Any = None   # built when its dock first shows, after the map (temporal_panel)
        self._map_pending = False          # a project's map has not drawn yet: the charts wait for it
        self._unsaved_work: list[Callable[[], UnsavedWork | None]] = []   # see add_unsaved_work
        self._docks: list[QDockWidget] = []        # every dock: hidden without a project
        self._core_docks: list[QDockWidget] = []   # map and charts: shown whenever a project opens
        self._add_docks()
        self.imports = ImportFlow(self, self.settings, lambda: self.project, self._store_settings,
                                  self._imported)
        self.sample_runner = TaskRunner(self)
        from stationmap.ui.map_first import MapFirst

        self._map_first = MapFirst(self.map_panel.drawn, self.map_panel.show_payload, self._take_first_table,
                                   self._first_table_failed, self)
        self._connect()
        self._restore_window()
        self._show_project_state()

    # --- building -----------------------------------------------------------------------
    def _add_docks(self) -> None:
        """The map on the right, full height; the hour x weekday charts under the table."""
        # No scroll area (ui.dock_content) around these two: the map fits any size, and the charts
        # scale down to their minimum (below it their labels overlap) but should never scroll.
        self._core_docks.append(self._dock(self.map_panel, "map_dock", self.tr("Mapa"),
                                           Qt.DockWidgetArea.RightDockWidgetArea, scrollable=False))
        self._charts_dock = self._dock(QWidget(), "charts_dock", self.tr("Horas y días"),
                                       Qt.DockWidgetArea.BottomDockWidgetArea, scrollable=False)
        self._core_docks.append(self._charts_dock)
        self._charts_dock.visibilityChanged.connect(self._charts_shown)
        self.map_panel.drawn.connect(self._map_drawn)

    @property
    def incident_panel(self) -> Any:
        """The incident table with its filter bar (ui.incident_panel.IncidentPanel), built on first use."""
        if self._incident_panel is None:
            from stationmap.ui.incident_panel import IncidentPanel

            self._incident_panel = IncidentPanel(self.filter_state, self)
            self.pages.addWidget(self._incident_panel)
            self._incident_panel.counts_changed.connect(self._show_counts)
        return self._incident_panel

    @property
    def temporal_panel(self) -> Any:
        """The hour x weekday charts (ui.charts.TemporalPanel), built now if they were not yet."""
        if self._temporal_panel is None:
            from stationmap.ui.charts import TemporalPanel

            self._temporal_panel = TemporalPanel(self.filter_state, self)
            placeholder = set_dock_content(self._charts_dock, self._temporal_panel, scrollable=False)
            if placeholder is not None:
                placeholder.deleteLater()
            if self._incidents is not None:
                self._temporal_panel.set_incidents(self._incidents)
        return self._temporal_panel

    def _charts_shown(self, visible: bool) -> None:
        # Built on first show; when a project has just opened, once its map has drawn (the charts
        # library and the first chart take about as long as the map, which the user waits for first).
        if not visible or self._temporal_panel is not None:
            return
        if self._map_pending:
            # `self` as the timer's context: a window closed in the meantime cancels it.
            QTimer.singleShot(CHARTS_AT_THE_LATEST_MS, self, self._build_shown_charts)
        else:
            self._build_shown_charts()

    def _map_drawn(self, _visible: int) -> None:
        self._map_pending = False
        # Opened map first: the charts come with the table (_take_first_table), not empty before it.
        if self._temporal_panel is None and not (self._incidents is None and self._map_first.pending):
            # Next turn of the event loop: the map paints its first frame before the charts are built.
            QTimer.singleShot(0, self, self._build_shown_charts)

    def _build_shown_charts(self) -> None:
        # The dock may be gone already when the window is being torn down (seen once in CI).
        if self._temporal_panel is None and isValid(self._charts_dock) and self._charts_dock.isVisible():
            _ = self.temporal_panel

    def install_features(self, names: tuple[str, ...] = (), lazy: bool = True) -> None:
        """Plug in the feature areas (all of FEATURES by default) through their install(window).

        The application calls this once; a test builds the bare shell and installs only the
        feature it exercises. With `lazy` (the application's way) a feature's dock panel is built
        the first time the dock is shown, not before the window's first map (see ui.lazy_dock).
        """
        import importlib

        for name in names or FEATURES:
            importlib.import_module(name).install(self, lazy=lazy)

    def add_dock(self, widget: QWidget, name: str, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> QDockWidget:
        """Dock a feature's panel, hidden until the feature shows it; its toggle goes to the Ver menu.

        Bottom panels (the default) are tabs beside "Horas y días": a column of its own would take its
        width from the map, and on a 1280-pixel laptop the table's filter bar leaves the map ~150 px.
        """
        dock = self._dock(widget, name, title, area)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        if area == bottom:
            self.tabifyDockWidget(self._charts_dock, dock)
        # Opened from Ver, a panel comes to the front instead of appearing as a background tab.
        dock.toggleViewAction().triggered.connect(lambda checked: dock.raise_() if checked else None)
        dock.hide()
        return dock

    def add_lazy_dock(self, build: Any, name: str, title: str,
                      area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> Any:
        """Like add_dock, but `build()` makes the panel only when the dock is first shown (or the
        feature asks for it); returns the ui.lazy_dock.LazyDock."""
        from stationmap.ui.lazy_dock import LazyDock

        return LazyDock(self.add_dock(QWidget(), name, title, area), build)

    def extension_menu(self, key: str) -> QMenu:
        """One of the feature menus: "map" (Mapa), "analysis" (Análisis), "patrol" (Patrullaje),
        "reports" (Informes) or "help" (Ayuda), created on first use, before Ayuda."""
        return self.menus.extension_menu(key)

    @property
    def incidents(self) -> Any:
        """The open project's incident table (None without a project)."""
        return self._incidents

    def reload_project(self) -> None:
        """Re-read the project (after a feature changed categories, sectors...) and refresh every view."""
        self._reload_project()

    def _dock(self, widget: QWidget, name: str, title: str, area: Qt.DockWidgetArea, *,
              scrollable: bool = True) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)   # saveState/restoreState find docks by object name
        set_dock_content(dock, widget, scrollable=scrollable)
        self.addDockWidget(area, dock)
        self._docks.append(dock)
        self.menus.add_panel_toggle(dock.toggleViewAction())
        return dock

    def _connect(self) -> None:
        m = self.menus
        m.new_project.triggered.connect(self.new_project_dialog)
        m.open_project.triggered.connect(self.open_project_dialog)
        m.recent_chosen.connect(self.open_project)
        m.export_table.triggered.connect(lambda: window_actions.export_table_dialog(self))
        m.quit.triggered.connect(self.close)
        m.close_project.triggered.connect(self.leave_project)
        m.import_files.triggered.connect(self.imports.choose_files)
        m.import_folder.triggered.connect(self.imports.choose_folder)
        m.import_reports.triggered.connect(self.imports.show_history)
        m.language_chosen.connect(self.set_language)
        m.about.triggered.connect(lambda: window_actions.show_about(self))
        self.start_page.open_requested.connect(self.open_project_dialog)
        self.start_page.new_requested.connect(self.new_project_dialog)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.recent_requested.connect(self.open_project)
        self.sample_runner.succeeded.connect(self.open_project)
        self.sample_runner.failed.connect(lambda error: show_error(self, error))

    def _restore_window(self) -> None:
        # The map takes the full height on the right; the charts sit under the table.
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        geometry, state = self._store.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(_first_window_size(self.screen().availableGeometry().size()))
        # Without a saved layout, the docks get sensible sizes when a project first shows them.
        self._needs_default_layout = state is None or not self.restoreState(state)

    def _default_dock_sizes(self) -> None:
        self._needs_default_layout = False
        for dock in self._core_docks:
            if dock.objectName() == "map_dock":
                self.resizeDocks([dock], [int(self.width() * 0.45)], Qt.Orientation.Horizontal)
            else:
                self.resizeDocks([dock], [int(self.height() * 0.38)], Qt.Orientation.Vertical)

    # --- projects -----------------------------------------------------------------------
    def open_project(self, path: str | Path, *, map_first: bool = False) -> bool:
        """Open a project file. With `map_first` (start-up: ui.map_first) its map is drawn before its
        incident table is read; the project and its incidents are announced (`project_changed`,
        `incidents_changed`) once the table is read."""
        from stationmap.store.project import Project

        if not self.may_leave_project():
            return False
        try:
            project = Project.open(path)
            # Damage deep in the file shows only when the incidents are read: read them before the
            # open project is let go, so a failure leaves the window as it was (ui.map_first reads
            # them on the worker instead, at start-up, when there is no other project to keep).
            incidents = None if map_first and self.map_panel is not None else _read_incidents(project)
        except Exception as error:  # ProjectError explains itself; anything else is logged
            show_error(self, error)
            return False
        self._set_project(project, map_first=map_first, incidents=incidents)
        return True

    def create_project(self, path: str | Path) -> bool:
        from stationmap.store.project import Project, with_project_suffix

        path = with_project_suffix(Path(path))
        if not self.may_leave_project():
            return False
        try:
            project = Project.create(path)
        except Exception as error:
            show_error(self, error)
            return False
        self._set_project(project)
        return True

    def _set_project(self, project: Any, map_first: bool = False, incidents: Any = None) -> None:
        self.close_project()
        self.project = project
        self._map_pending = True
        if self.map_panel is not None:
            self.map_panel.set_project(project)   # first: its page starts loading
        self.settings.remember_project(str(Path(project.path).resolve()))
        self._store_settings()
        if map_first and self.map_panel is not None:
            self.filter_state.clear()
            self._map_first.start(Path(project.path))
            self._show_project_state()
        elif incidents is not None:
            self.project_changed.emit(project)
            self._show_incidents(incidents)
        else:
            self.project_changed.emit(project)
            self._reload_project()
        for dock in self._core_docks:
            dock.show()
        if self._needs_default_layout:
            self._default_dock_sizes()

    def _take_first_table(self, incidents: Any) -> None:
        """The table of a project opened map first: announce the project, then its incidents."""
        if self.project is None:
            return
        self.project_changed.emit(self.project)
        self._show_incidents(incidents, clear_filter=False)   # keep a selection made on the map meanwhile
        if self._temporal_panel is None and not self._map_pending:
            QTimer.singleShot(0, self, self._build_shown_charts)

    def _first_table_failed(self, error: Exception) -> None:
        # A project whose incidents cannot be read (damage deep in the file) is not kept open
        # half-shown: the window goes back to no project, the same state the start page shows.
        self.close_project()
        show_error(self, error)

    def _reload_project(self) -> None:
        """Read the incidents again (after opening or importing) and hand them to every view."""
        if self.project is None:
            return
        if self._map_first.pending:   # opened map first, and wanted now (an import): read it here
            self._map_first.cancel()
            self.project_changed.emit(self.project)
        try:
            incidents = self.project.incidents()
        except Exception as error:
            show_error(self, error)
            return
        self._show_incidents(incidents)

    def _imported(self, report: Any) -> None:
        """After an import: the incidents again and, when it brought counts (a SIDPOL table), the
        counts too, in the map's district layer and in whoever follows `counts_changed` (the
        aggregated statistics), as opening the project would show them."""
        self._reload_project()
        if self.project is None or not report.brought_counts:
            return
        try:
            counts = self.project.counts()
        except Exception as error:
            show_error(self, error)
            return
        if self.map_panel is not None:
            # Its page again, as for an opened project: the districts layer (in the layer list) and,
            # for a project with no jurisdiction, the view on the counted districts. The incidents
            # were handed over just above, so the new page asks for them as it loads.
            self.map_panel.set_project(self.project)
            self.map_panel.fit_counted_districts_once_loaded()
        self.counts_changed.emit(counts)

    def _show_incidents(self, incidents: Any, clear_filter: bool = True) -> None:
        self._incidents = incidents
        self._read_counts_extent()
        if clear_filter:
            self.filter_state.clear()
        self.incident_panel.set_incidents(self._incidents)
        for panel in (self.map_panel, self._temporal_panel):
            if panel is not None:
                panel.set_incidents(self._incidents)
        self.incidents_changed.emit(self._incidents)
        self._show_project_state()

    def add_unsaved_work(self, pending: Callable[[], UnsavedWork | None]) -> None:
        """`pending()` tells what a feature holds unsaved (None when nothing): the window asks the user
        to save or discard it before it closes or opens another project."""
        self._unsaved_work.append(pending)

    def may_leave_project(self) -> bool:
        """Whether the open project may be left: its unsaved work saved or discarded, not cancelled."""
        return self.project is None or may_go_on(self, self._unsaved_work)

    def leave_project(self) -> None:
        """Archivo ▸ Cerrar proyecto: back to the first screen, once unsaved work is saved or discarded."""
        if self.may_leave_project():
            self.close_project()

    def close_project(self) -> None:
        if self.project is not None:
            self.imports.cancel()
            self._map_first.cancel()
            self.project.close()
            self.project = None
            self._incidents = None
            self.project_changed.emit(None)
        self._show_project_state()

    def open_sample(self) -> None:
        """Open the training station, building it first (on the worker) the first time."""
        from stationmap.store.paths import sample_project_path

        path = sample_project_path()
        if path.exists():
            self.open_project(path)
            return
        TaskProgressDialog(self.sample_runner, self.tr("Preparando la estación de ejemplo…"), self)
        self.sample_runner.start(_build_sample, path)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Abrir proyecto"), self._dialog_folder(),
            self.tr("Proyectos StationMap (*.stationmap);;Todos los archivos (*)"))
        if path:
            self.open_project(path)

    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Nuevo proyecto"), self._dialog_folder(),
            self.tr("Proyectos StationMap (*.stationmap)"))
        if path:
            self.create_project(path)

    def _dialog_folder(self) -> str:
        return dialog_start_folder(*(Path(p).parent for p in self.settings.recent_projects))

    # --- table export (ui.window_actions) ------------------------------------------------------
    def export_table(self, path: Path) -> None:
        """Write the incidents the table shows now (filter applied) to CSV or XLSX."""
        window_actions.export_table(self, path)

    # --- language, about --------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code == self.settings.language:
            return
        self.settings.language = code
        self._store_settings()
        # Said in the language just chosen, button included: someone who picks English because
        # they cannot read Spanish must still learn that a restart is needed.
        texts = {source: text_in(code, "MainWindow", source) for source in (
            QT_TRANSLATE_NOOP("MainWindow", "Idioma"),
            QT_TRANSLATE_NOOP("MainWindow", "El idioma cambiará la próxima vez que abra StationMap."),
            QT_TRANSLATE_NOOP("MainWindow", "Aceptar"))}
        box = QMessageBox(QMessageBox.Icon.Information, texts["Idioma"],
                          texts["El idioma cambiará la próxima vez que abra StationMap."], parent=self)
        box.addButton(texts["Aceptar"], QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def set_recent_projects(self, paths: list[str]) -> None:
        """Replace the recent projects (Archivo ▸ Proyectos recientes and the first screen) and keep them:
        a feature that discards project files (the training's reset) takes them off the lists at once."""
        self.settings.recent_projects = list(paths)
        self.menus.set_recent(self.settings.recent_projects)
        self.start_page.set_recent(self.settings.recent_projects)
        self._store_settings()

    # --- state shown ----------------------------------------------------------------------
    def _show_project_state(self) -> None:
        is_open = self.project is not None
        # A project deleted or moved (a file cleaned up) leaves the list instead of staying there as an
        # entry that can only fail; one whose whole folder is missing stays, shown as not available: a
        # USB stick or network drive not connected today is there again tomorrow.
        self.settings.recent_projects = [p for p in self.settings.recent_projects
                                         if Path(p).is_file() or not Path(p).parent.is_dir()]
        self.menus.set_project_open(is_open)
        self.menus.set_recent(self.settings.recent_projects)
        self.menus.set_language(self.settings.language or current_language())
        self.start_page.set_recent(self.settings.recent_projects)
        if not is_open:
            self.pages.setCurrentWidget(self.start_page)
        elif self._incidents is None and self._map_first.pending:   # opened map first: the table comes once read
            self.pages.setCurrentWidget(self._table_placeholder)
        else:
            self.pages.setCurrentWidget(self.incident_panel)
        if is_open:
            self.setWindowTitle(f"{Path(self.project.path).stem} — StationMap")
        else:
            self.setWindowTitle("StationMap")
            self.counts_label.clear()
            for dock in self._docks:   # panels have nothing to show without a project
                dock.hide()

    def _read_counts_extent(self) -> None:
        """What the project holds as counts, read once per (re)load: the status bar is rewritten at
        every filter change."""
        self._counts_extent = None
        if self.project is not None:
            try:
                self._counts_extent = self.project.counts_extent()
            except Exception:   # the status bar is no place for an error; the panels say it
                log.exception("counts extent of %s unreadable", self.project.path)

    def _show_counts(self, shown: int, total: int) -> None:
        if self.project is None:
            return
        locale = QLocale()
        parts = []
        if total > 0 or self._counts_extent is None:
            parts.append(self.tr("Incidentes: %1 de %2")
                         .replace("%1", locale.toString(shown)).replace("%2", locale.toString(total)))
        if self._counts_extent is not None:   # SIDPOL counts: what they hold (alone: rather than "0 de 0")
            rows, first, last = self._counts_extent
            parts.append(self.tr("Conteos por distrito y mes: %1 filas, %2–%3")
                         .replace("%1", locale.toString(rows))
                         .replace("%2", month_label(first)).replace("%3", month_label(last)))
        self.counts_label.setText(" · ".join(parts))

    def _store_settings(self) -> None:
        self._store.save(self.settings)

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Accepted on the start page too: a project file is opened, and data files are told why not.
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A dropped project is opened (asking about unsaved work, as Abrir does); data files are
        imported into the open project."""
        from stationmap.store.project import PROJECT_SUFFIX

        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        projects = [p for p in paths if p.suffix.lower() == PROJECT_SUFFIX]
        if projects:
            self.open_project(projects[0])
        elif self.project is None:
            QMessageBox.information(self, self.tr("Importar"), self.tr(
                "Para importar archivos, primero abra o cree un proyecto: los datos se guardan en él."))
        else:
            self.imports.begin(paths)

    # --- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave_project():
            event.ignore()
            return
        self._store.save_window_state(self.saveGeometry(), self.saveState())
        self._store_settings()
        self.close_project()
        self.sample_runner.cancel()
        self.imports.wait()
        self.sample_runner.wait()
        self._map_first.wait()
        super().closeEvent(event)
