"""The patrol plan in the window: menu Patrullaje and the "Plan de patrullaje" dock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from stationmap.ui.plan.panel import PlanPanel
from stationmap.ui.plan.sector_overlay import OVERLAY_NAME, STYLE

DOCK_NAME = "plan_dock"


def install(window: Any) -> PlanPanel:
    """Dock the plan panel and add its actions to Patrullaje; the panel follows the open project."""
    panel = PlanPanel(window)
    panel.setObjectName("plan_panel")
    title = QCoreApplication.translate("PlanMenu", "Plan de patrullaje")
    dock = window.add_dock(panel, DOCK_NAME, title, Qt.DockWidgetArea.LeftDockWidgetArea)
    menu = window.extension_menu("patrol")
    show = menu.addAction(title)
    generate = menu.addAction(QCoreApplication.translate("PlanMenu", "Generar plan…"))
    export = menu.addAction(QCoreApplication.translate("PlanMenu", "Exportar plan…"))

    def show_panel() -> None:
        dock.show()
        dock.raise_()

    show.triggered.connect(show_panel)
    generate.triggered.connect(lambda: (show_panel(), panel.generate()))
    export.triggered.connect(panel.export)

    def project_changed(project: Any) -> None:
        panel.set_project(project)
        for action in (show, generate):
            action.setEnabled(project is not None)

    def draw_overlay(geojson: Any, title: str) -> None:
        if window.map_panel is not None:
            window.map_panel.set_overlay(OVERLAY_NAME, geojson, title=title, style=STYLE,
                                         label_property="etiqueta")

    window.project_changed.connect(project_changed)
    window.incidents_changed.connect(panel.set_incidents)
    panel.overlay_changed.connect(draw_overlay)
    panel.plan_available.connect(export.setEnabled)
    export.setEnabled(panel.plan is not None)
    project_changed(window.project)
    panel.set_incidents(window.incidents)
    return panel
