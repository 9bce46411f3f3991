"""The patrol plan in the window: menu Patrullaje and the "Plan de patrullaje" dock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

DOCK_NAME = "plan_dock"


def install(window: Any, lazy: bool = False) -> Any:
    """Dock the plan panel and add its actions to Patrullaje; the panel follows the open project.

    Returns the panel; with `lazy` (the application) the panel is built when the dock is first shown
    or a Patrullaje action needs it, and the LazyDock is returned. Until then there is no plan open,
    so "Exportar plan…" stays disabled, as it is after every project opens.
    """
    title = QCoreApplication.translate("PlanMenu", "Plan de patrullaje")
    menu = window.extension_menu("patrol")
    show = menu.addAction(title)
    generate = menu.addAction(QCoreApplication.translate("PlanMenu", "Generar plan…"))
    export = menu.addAction(QCoreApplication.translate("PlanMenu", "Exportar plan…"))
    export.setEnabled(False)

    def build() -> Any:
        from stationmap.ui.plan.panel import PlanPanel
        from stationmap.ui.plan.sector_overlay import OVERLAY_NAME, STYLE

        panel = PlanPanel(window)
        panel.setObjectName("plan_panel")

        def draw_overlay(geojson: Any, overlay_title: str) -> None:
            if window.map_panel is not None:
                window.map_panel.set_overlay(OVERLAY_NAME, geojson, title=overlay_title, style=STYLE,
                                             label_property="etiqueta")

        window.add_unsaved_work(panel.unsaved_work)
        window.add_unsaved_work(panel.unsaved_resources)
        window.project_changed.connect(panel.set_project)
        window.incidents_changed.connect(panel.set_incidents)
        panel.overlay_changed.connect(draw_overlay)
        panel.plan_available.connect(export.setEnabled)
        panel.saved.connect(window.work_written)
        panel.exported.connect(lambda _files: window.work_written.emit())
        export.triggered.connect(panel.export)
        panel.set_project(window.project)
        panel.set_incidents(window.incidents)
        export.setEnabled(panel.plan is not None)
        return panel

    lazy_dock = window.add_lazy_dock(build, DOCK_NAME, title)
    show.triggered.connect(lazy_dock.show)
    generate.triggered.connect(lambda: lazy_dock.show().generate())

    def project_changed(project: Any) -> None:
        for action in (show, generate):
            action.setEnabled(project is not None)

    window.project_changed.connect(project_changed)
    project_changed(window.project)
    return lazy_dock if lazy else lazy_dock.panel()
