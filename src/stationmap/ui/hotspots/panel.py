"""The "Sectores y puntos críticos" dock: four tabs over one shared StationGeography."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from stationmap.ui.filter_state import FilterState
from stationmap.ui.hotspots.critical_tab import CriticalPointsTab
from stationmap.ui.hotspots.evaluation_tab import EvaluationTab
from stationmap.ui.hotspots.hotspot_tab import HotspotTab
from stationmap.ui.hotspots.sectors_tab import SectorsTab
from stationmap.ui.hotspots.station import StationGeography


class HotspotsPanel(QTabWidget):
    def __init__(self, map_panel: Any, filter_state: FilterState, parent: QWidget | None = None,
                 station: StationGeography | None = None) -> None:
        """`station`: the geography the window already follows (lazy install); else the panel's own."""
        super().__init__(parent)
        self.setObjectName("hotspots_panel")
        self.station = station if station is not None else StationGeography(map_panel, self)
        self.sectors = SectorsTab(self.station, map_panel, filter_state, self)
        self.hotspots = HotspotTab(self.station, map_panel, self)
        self.critical = CriticalPointsTab(self.station, map_panel, filter_state, self)
        self.evaluation = EvaluationTab(self.station, self.hotspots.bandwidth, self)
        self.addTab(self.sectors, self.tr("Sectores"))
        self.addTab(self.hotspots, self.tr("Puntos calientes"))
        self.addTab(self.critical, self.tr("Puntos críticos"))
        self.addTab(self.evaluation, self.tr("Evaluación"))
        self.evaluation.method_chosen.connect(self.hotspots.save_as_default)

    def set_project(self, project: Any) -> None:
        self.station.set_project(project)

    def set_incidents(self, incidents: Any) -> None:
        self.station.set_incidents(incidents)
