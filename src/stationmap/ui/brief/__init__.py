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

from stationmap.ui.error_display import show_error

# The map's district choropleth is on by default, but the user may have switched it off.
_SHOW_DISTRICTS = "if (SM.overlays.districts) { SM.map.addLayer(SM.overlays.districts); }"


class BriefTools(QObject):
    """Owns the menu actions and the two panels; reads the window only through its extension points.

    With `lazy` (the application) each panel is built when its dock is first shown; `quality_panel`
    and `aggregated_panel` build theirs on first use either way.
    """

    def __init__(self, window: Any, lazy: bool = False) -> None:
        super().__init__(window)
        self._window = window
        self.brief_action = window.extension_menu("reports").addAction(self.tr("Informe &semanal…"))
        self.categories_action = window.extension_menu("analysis").addAction(self.tr("&Categorías…"))
        self.brief_action.triggered.connect(self.open_brief_dialog)
        self.categories_action.triggered.connect(self.open_category_editor)
        # Tabs beside "Horas y días" (MainWindow.add_dock's default area).
        self._quality = window.add_lazy_dock(self._build_quality, "quality_dock", self.tr("Calidad de datos"))
        self._aggregated = window.add_lazy_dock(self._build_aggregated, "aggregated_dock",
                                                self.tr("Estadísticas agregadas"))
        self.quality_dock, self.aggregated_dock = self._quality.dock, self._aggregated.dock
        window.project_changed.connect(self._on_project)
        window.incidents_changed.connect(self._on_incidents)
        # Fires also when the dock's tab comes to the front, where the panel's own showEvent does not.
        self.aggregated_dock.visibilityChanged.connect(self._show_district_layer)
        if window.map_panel is not None:   # a district clicked on the map: its numbers in the panel
            window.map_panel.district_clicked.connect(lambda ubigeo: self._aggregated.show().select_district(ubigeo))
        if not lazy:
            self._quality.panel()
            self._aggregated.panel()
        self._on_project(window.project)

    @property
    def quality_panel(self) -> Any:
        return self._quality.panel()

    @property
    def aggregated_panel(self) -> Any:
        return self._aggregated.panel()

    def _build_quality(self) -> Any:
        from stationmap.ui.brief.quality_panel import QualityPanel

        panel = QualityPanel(self._window)
        self._refresh_quality(panel, self._window.incidents)
        return panel

    def _build_aggregated(self) -> Any:
        from stationmap.ui.brief.aggregated_panel import AggregatedPanel

        panel = AggregatedPanel(self._window)
        # Counts imported into the open project show at once, not after it is opened again.
        self._window.counts_changed.connect(panel.set_counts)
        panel.counts_shown.connect(self._map_district_counts)
        panel.district_selected.connect(self._map_highlight)
        project = self._window.project
        if project is not None:
            try:
                panel.set_counts(project.counts())
            except Exception as error:  # a damaged project explains itself; anything else is logged
                show_error(self._window, error)
        return panel

    def _on_project(self, project: Any) -> None:
        for action in (self.brief_action, self.categories_action):
            action.setEnabled(project is not None)
        quality, aggregated = self._quality.built_panel, self._aggregated.built_panel
        if project is None:
            if quality is not None:
                quality.refresh(None)
            if aggregated is not None:
                aggregated.set_counts(None)
            return
        # Feature docks open from Ver; but a project of counts only (SIDPOL) has nothing for the incident
        # panels, so this one opens in front (and is built now).
        try:
            counts = project.counts() if aggregated is not None else None
            if aggregated is not None:
                aggregated.set_counts(counts)
            counts_only = project.incident_count() == 0 and len(
                counts if counts is not None else project.counts()) > 0
        except Exception as error:  # a damaged project explains itself; anything else is logged
            show_error(self._window, error)
            return
        if counts_only:
            # The window shows its own docks after announcing the project, hence the next turn of the loop.
            QTimer.singleShot(0, self, self._bring_aggregated_forward)

    def _map_district_counts(self, counts: Any, category: str) -> None:
        """The map's districts show what the statistics table shows: its month and modalidad."""
        map_panel = self._window.map_panel
        if map_panel is not None and self._window.project is not None:
            map_panel.show_district_counts(counts, category)

    def _map_highlight(self, ubigeo: str) -> None:
        map_panel = self._window.map_panel
        if map_panel is not None:
            map_panel.highlight_district(ubigeo or None)

    def _bring_aggregated_forward(self) -> None:
        self._aggregated.show()

    def _on_incidents(self, incidents: Any) -> None:
        panel = self._quality.built_panel
        if panel is not None:
            self._refresh_quality(panel, incidents)

    def _refresh_quality(self, panel: Any, incidents: Any) -> None:
        from stationmap.ui.brief.quality_panel import inputs_from_project

        project = self._window.project
        if project is None or incidents is None:
            return
        try:
            panel.refresh(inputs_from_project(project, incidents))
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


def install(window: Any, lazy: bool = False) -> BriefTools:
    """Add the brief, quality, category and aggregated-statistics tools to `window`."""
    return BriefTools(window, lazy=lazy)
