"""The analyst's tools: weekly brief, data quality, category editor, aggregated statistics.

`install(window)` plugs them into the main window through its extension points
only: Informes → "Informe semanal…", Análisis → "Categorías…", and two docks
("Calidad de datos", "Estadísticas agregadas") that follow `project_changed` and
`incidents_changed`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from stationmap.ui.brief.aggregated_panel import AggregatedPanel
from stationmap.ui.brief.quality_panel import QualityPanel, inputs_from_project
from stationmap.ui.error_display import show_error

# The map's district choropleth is on by default, but the user may have switched it off.
_SHOW_DISTRICTS = "if (SM.overlays.districts) { SM.map.addLayer(SM.overlays.districts); }"


class BriefTools(QObject):
    """Owns the menu actions and the two panels; reads the window only through its extension points."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self.quality_panel = QualityPanel(window)
        self.aggregated_panel = AggregatedPanel(window)
        self.brief_action = window.extension_menu("reports").addAction(self.tr("Informe &semanal…"))
        self.categories_action = window.extension_menu("analysis").addAction(self.tr("&Categorías…"))
        self.brief_action.triggered.connect(self.open_brief_dialog)
        self.categories_action.triggered.connect(self.open_category_editor)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        # Tabs beside the bottom panels already there ("Horas y días"): a left column would squeeze the
        # map, which the incident table's filter bar leaves only what the centre does not need.
        neighbours = [d for d in window.findChildren(QDockWidget) if window.dockWidgetArea(d) == bottom]
        self.quality_dock = window.add_dock(self.quality_panel, "quality_dock", self.tr("Calidad de datos"), bottom)
        self.aggregated_dock = window.add_dock(self.aggregated_panel, "aggregated_dock",
                                               self.tr("Estadísticas agregadas"), bottom)
        if neighbours:
            window.tabifyDockWidget(neighbours[0], self.quality_dock)
        window.tabifyDockWidget(self.quality_dock, self.aggregated_dock)
        for dock in (self.quality_dock, self.aggregated_dock):
            # Opened from Ver, a panel comes to the front instead of appearing as a background tab.
            dock.toggleViewAction().triggered.connect(lambda checked, d=dock: d.raise_() if checked else None)
        window.project_changed.connect(self._on_project)
        window.incidents_changed.connect(self._on_incidents)
        # Fires also when the dock's tab comes to the front, where the panel's own showEvent does not.
        self.aggregated_dock.visibilityChanged.connect(self._show_district_layer)
        self._on_project(window.project)

    def _on_project(self, project: Any) -> None:
        for action in (self.brief_action, self.categories_action):
            action.setEnabled(project is not None)
        if project is None:
            self.quality_panel.refresh(None)
            self.aggregated_panel.set_counts(None)
            return
        try:
            counts = project.counts()
        except Exception as error:  # a damaged project explains itself; anything else is logged
            show_error(self._window, error)
            return
        self.aggregated_panel.set_counts(counts)
        # Feature docks open from Ver; but a project of counts only (SIDPOL) has nothing for the incident
        # panels, so this one opens in front. The window shows its own docks after announcing the
        # project, hence the next turn of the event loop.
        if len(counts) > 0 and project.incident_count() == 0:
            QTimer.singleShot(0, self._bring_aggregated_forward)

    def _bring_aggregated_forward(self) -> None:
        self.aggregated_dock.show()
        self.aggregated_dock.raise_()

    def _on_incidents(self, incidents: Any) -> None:
        project = self._window.project
        if project is None:
            return
        try:
            self.quality_panel.refresh(inputs_from_project(project, incidents))
        except Exception as error:
            show_error(self._window, error)

    def open_brief_dialog(self) -> Any:
        from stationmap.ui.brief.brief_dialog import BriefDialog

        if self._window.project is None:
            return None
        dialog = BriefDialog(self._window.project.path, self._window.incidents, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_category_editor(self) -> Any:
        from stationmap.ui.brief.category_editor import CategoryEditorDialog

        project = self._window.project
        if project is None:
            return None
        try:
            table = project.category_table()
        except Exception as error:
            show_error(self._window, error)
            return None
        dialog = CategoryEditorDialog(project.path, table, self._window.incidents, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _changed: self._window.reload_project())
        dialog.show()
        return dialog

    def _show_district_layer(self, visible: bool) -> None:
        map_panel = self._window.map_panel
        if not visible or map_panel is None or self._window.project is None:
            return
        dock = map_panel.parentWidget()
        if isinstance(dock, QDockWidget) and dock.isHidden():
            dock.show()
        if map_panel.is_ready:   # a page still loading draws the districts layer switched on anyway
            map_panel.run_javascript(_SHOW_DISTRICTS)


def install(window: Any) -> BriefTools:
    """Add the brief, quality, category and aggregated-statistics tools to `window`."""
    return BriefTools(window)
