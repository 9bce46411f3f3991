"""Sectors and hot spots in the window: the "Sectores y puntos críticos" dock and its Análisis menu items.

`install(window)` uses only the window's extension points (signals, add_dock, extension_menu, map_panel,
filter_state).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def install(window: Any, lazy: bool = False) -> Any:
    """Add the dock and the menu items; returns the panel (tests drive it).

    With `lazy` (the application) the panel and its four tabs are built when the dock is first
    shown, and the return value is the LazyDock. The station's geography is followed from the start
    either way: it draws the project's sectors on the map when a project opens.
    """
    from stationmap.ui.hotspots.station import StationGeography

    station = StationGeography(window.map_panel, window)
    window.project_changed.connect(station.set_project)
    window.incidents_changed.connect(station.set_incidents)

    def build() -> Any:
        from stationmap.ui.hotspots.panel import HotspotsPanel

        panel = HotspotsPanel(window.map_panel, window.filter_state, window, station=station)
        station.changed.emit()   # the tabs show what the station already holds
        return panel

    title = QCoreApplication.translate("HotspotsMenu", "Sectores y puntos críticos")
    lazy_dock = window.add_lazy_dock(build, "hotspots_dock", title)
    if window.project is not None:
        station.set_project(window.project)
        station.set_incidents(window.incidents)

    def show_tab(tab: str) -> Any:
        def show() -> None:
            panel = lazy_dock.show()
            panel.setCurrentWidget(getattr(panel, tab))
        return show

    menu = window.extension_menu("analysis")
    entries = [
        (QCoreApplication.translate("HotspotsMenu", "Sectores y jurisdicción…"), show_tab("sectors")),
        (QCoreApplication.translate("HotspotsMenu", "Importar sectores…"),
         lambda: lazy_dock.panel().sectors.choose_sectors_file()),
        (QCoreApplication.translate("HotspotsMenu", "Capa de puntos calientes…"), show_tab("hotspots")),
        (QCoreApplication.translate("HotspotsMenu", "Puntos críticos…"), show_tab("critical")),
        (QCoreApplication.translate("HotspotsMenu", "Evaluar métodos de puntos calientes…"),
         show_tab("evaluation"))]
    actions = []
    for title, slot in entries:
        action = menu.addAction(title)
        action.triggered.connect(slot)
        actions.append(action)

    def enable(project: Any) -> None:
        for action in actions:
            action.setEnabled(project is not None)
    window.project_changed.connect(enable)
    enable(window.project)
    return lazy_dock if lazy else lazy_dock.panel()
