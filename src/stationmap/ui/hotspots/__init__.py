"""Sectors and hot spots in the window: the "Sectores y puntos críticos" dock and its Análisis menu items.

`install(window)` uses only the window's extension points (signals, add_dock, extension_menu, map_panel,
filter_state).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt


def install(window: Any) -> Any:
    """Add the dock and the menu items; returns the panel (tests drive it)."""
    from stationmap.ui.hotspots.panel import HotspotsPanel

    panel = HotspotsPanel(window.map_panel, window.filter_state, window)
    title = QCoreApplication.translate("HotspotsMenu", "Sectores y puntos críticos")
    dock = window.add_dock(panel, "hotspots_dock", title, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.project_changed.connect(panel.set_project)
    window.incidents_changed.connect(panel.set_incidents)
    if window.project is not None:
        panel.set_project(window.project)
        panel.set_incidents(window.incidents)

    def show_tab(tab: Any) -> Any:
        def show() -> None:
            dock.show()
            dock.raise_()
            panel.setCurrentWidget(tab)
        return show

    menu = window.extension_menu("analysis")
    entries = [
        (QCoreApplication.translate("HotspotsMenu", "Sectores y jurisdicción…"), show_tab(panel.sectors)),
        (QCoreApplication.translate("HotspotsMenu", "Importar sectores…"), panel.sectors.choose_sectors_file),
        (QCoreApplication.translate("HotspotsMenu", "Capa de puntos calientes…"), show_tab(panel.hotspots)),
        (QCoreApplication.translate("HotspotsMenu", "Puntos críticos…"), show_tab(panel.critical)),
        (QCoreApplication.translate("HotspotsMenu", "Evaluar métodos de puntos calientes…"),
         show_tab(panel.evaluation))]
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
    return panel
